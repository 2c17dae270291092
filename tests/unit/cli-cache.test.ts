/**
 * The CLI's cache of the compiled knowledge base (src/cli/data-cache.ts) and the one staleness rule it
 * follows (src/lib/content-inputs.ts): the key covers every content file and the compiler's whole module
 * graph; a second start reads the cache; an edited article or compiler module, and a corrupt or
 * unwritable cache, are compiled again without breaking the CLI.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ARTICLES_DIR, codeFiles, contentFiles, contentKey, REDIRECTS_FILE, TREE_FILE } from '../../src/lib/content-inputs.ts';
import { CACHE_FILE, cacheDir, cachedData, COMPILER } from '../../src/cli/data-cache.ts';
import type { CliData } from '../../src/cli/data.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'faultline-cli-cache-'));
let made = 0;

/** A copy of the project's content files and of the compiler's modules, in a folder of its own (no compile needed to key it). */
function projectCopy(): string {
	const copy = join(scratch, `project-${made++}`);
	for (const file of [...contentFiles(root), ...codeFiles(root, [COMPILER])]) {
		mkdirSync(dirname(join(copy, file)), { recursive: true });
		cpSync(join(root, file), join(copy, file));
	}
	return copy;
}

const firstArticle = (project: string) => join(project, contentFiles(project)[0]);

describe('the staleness key (content-inputs.ts)', () => {
	it('covers every project module esbuild bundles for the compiler', async () => {
		const result = await build({ entryPoints: [join(root, COMPILER)], bundle: true, write: false, metafile: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'silent', absWorkingDir: root });
		const bundled = Object.keys(result.metafile.inputs).map((f) => relative(root, join(root, f)));
		expect(bundled.length).toBeGreaterThan(20);
		expect(bundled.filter((f) => !codeFiles(root, [COMPILER]).includes(f))).toEqual([]);
	});

	it('lists every article, the wizard tree and the redirects as content', () => {
		const files = contentFiles(root);
		expect(files).toContain(TREE_FILE);
		expect(files).toContain(REDIRECTS_FILE);
		expect(files.filter((f) => f.startsWith(`${ARTICLES_DIR}/`)).length).toBeGreaterThan(50);
	});

	it('changes with an article, a new article, the tree, the redirects or a compiler module, and only with them', () => {
		const project = projectCopy();
		const key = () => contentKey(project, [COMPILER]);
		const original = key();
		expect(contentKey(projectCopy(), [COMPILER])).toBe(original); // the same inputs elsewhere: the same key
		const edits: [string, string][] = [
			[firstArticle(project), '\nOne more line.\n'],
			[join(project, ARTICLES_DIR, 'a-new-article.md'), '---\n'],
			[join(project, TREE_FILE), '\n# a comment\n'],
			[join(project, REDIRECTS_FILE), '\n# a comment\n'],
			[join(project, 'src/lib/matcher/compile.ts'), '\n// a comment\n'],
			[join(project, 'src/wizard/engine.ts'), '\n// a comment\n'],
		];
		const seen = new Set([original]);
		for (const [file, text] of edits) {
			appendFileSync(file, text);
			const now = key();
			expect(seen.has(now), file).toBe(false);
			seen.add(now);
		}
		// A file no compile reads leaves it alone.
		const after = key();
		mkdirSync(join(project, 'src/components'), { recursive: true });
		writeFileSync(join(project, 'src/components/Unrelated.astro'), '<p>x</p>\n');
		writeFileSync(join(project, 'README.md'), 'x\n');
		expect(key()).toBe(after);
	});
});

/** cachedData on a project copy with a compile that counts its calls and returns data marked with the call's number. */
function counted(project: string, dir: string) {
	let calls = 0;
	const compile = () => ({ version: 1, index: { n: ++calls }, articles: [], prose: {}, wizard: {} }) as unknown as CliData;
	return { load: () => cachedData(project, { dir, compile }), calls: () => calls };
}

describe('the cache (data-cache.ts)', () => {
	it('is read by a second start, and compiled again after an edit to an article or the compiler', async () => {
		const project = projectCopy();
		const dir = join(scratch, 'cache-edits');
		const c = counted(project, dir);
		expect(await c.load()).toMatchObject({ index: { n: 1 } });
		expect(existsSync(join(dir, CACHE_FILE))).toBe(true);
		expect(await c.load()).toMatchObject({ index: { n: 1 } });
		expect(c.calls()).toBe(1);

		appendFileSync(firstArticle(project), '\nOne more line.\n');
		expect(await c.load()).toMatchObject({ index: { n: 2 } });
		expect(await c.load()).toMatchObject({ index: { n: 2 } });

		appendFileSync(join(project, 'src/lib/matcher/compile.ts'), '\n// a comment\n');
		expect(await c.load()).toMatchObject({ index: { n: 3 } });
		expect(c.calls()).toBe(3);
	});

	it('compiles again over a corrupt file, and writes a whole one', async () => {
		const project = projectCopy();
		const dir = join(scratch, 'cache-corrupt');
		const c = counted(project, dir);
		await c.load();
		const file = join(dir, CACHE_FILE);
		for (const corrupt of ['{"key": "', 'null', '', '{"key":"x","data":{"version":1}}', JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), data: { version: 1 } })]) {
			writeFileSync(file, corrupt);
			const before = c.calls();
			expect(await c.load()).toMatchObject({ index: { n: before + 1 } });
			expect(JSON.parse(readFileSync(file, 'utf8')).data.index.n).toBe(before + 1);
		}
	});

	it('works, compiling every time, when its folder cannot be written', async () => {
		const project = projectCopy();
		const blocker = join(scratch, 'a-file');
		writeFileSync(blocker, 'not a folder');
		const c = counted(project, join(blocker, 'cache'));
		expect(await c.load()).toMatchObject({ index: { n: 1 } });
		expect(await c.load()).toMatchObject({ index: { n: 2 } });
	});

	it('lives under node_modules/.cache of the clone, or where FAULTLINE_CACHE_DIR says, never in tracked files', () => {
		expect(cacheDir(root, {})).toBe(join(root, 'node_modules/.cache/faultline'));
		expect(cacheDir(root, { FAULTLINE_CACHE_DIR: '/somewhere' })).toBe('/somewhere');
		expect(cacheDir(join(scratch, 'no-modules'), { XDG_CACHE_HOME: '/xdg' })).toBe('/xdg/faultline');
		const ignored = spawnSync('git', ['check-ignore', '-q', 'node_modules/.cache/faultline/cli-data.json'], { cwd: root });
		expect(ignored.status).toBe(0);
	});
});

describe('the real CLI with a cache', () => {
	const dir = join(scratch, 'cli');
	const run = (args: string[], input?: string) => {
		const r = spawnSync(process.execPath, [join(root, 'bin/faultline.ts'), ...args], { input, cwd: scratch, encoding: 'utf8', env: { ...process.env, FAULTLINE_CACHE_DIR: dir } });
		return { code: r.status, stdout: r.stdout, stderr: r.stderr };
	};
	// One line with two known causes: the Markdown answer needs the wizard's question from the data too.
	const LINE = 'error: unable to load seccomp BPF program: Invalid argument\n';

	it('answers the same from the cache, reads it on the second start, and recompiles a corrupt one', () => {
		const compiled = run(['match', '--markdown'], LINE);
		expect(compiled.code).toBe(0);
		expect(compiled.stdout).toContain('FL-0005');
		expect(compiled.stdout).toContain('/wizard/');
		const file = join(dir, CACHE_FILE);
		expect(JSON.parse(readFileSync(file, 'utf8')).key).toBe(contentKey(root, [COMPILER]));

		expect(run(['match', '--markdown'], LINE)).toEqual(compiled);

		// Proof that a start reads the file: a title changed in it (under the same key) is what `list` prints.
		const entry = JSON.parse(readFileSync(file, 'utf8'));
		entry.data.articles[0].title = 'A title only the cache holds';
		writeFileSync(file, JSON.stringify(entry));
		expect(run(['list']).stdout).toContain('A title only the cache holds');

		writeFileSync(file, '{"key": "trunc');
		expect(run(['match', '--markdown'], LINE)).toEqual(compiled);
		expect(JSON.parse(readFileSync(file, 'utf8')).key).toBe(contentKey(root, [COMPILER]));
	});
});
