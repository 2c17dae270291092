/**
 * The matcher's two entries: the public one (src/lib/matcher/index.ts), which
 * the site's worker and search page import, must stay safe in a browser and
 * free of the compiler; the build entry (build.ts) holds what needs Node.
 * Each entry's import graph is read by bundling it with esbuild (what the
 * graph really is after re-exports), not by reading import lines by hand.
 */
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The files an entry's import graph reaches (relative to the root), and every Node built-in it imports. */
async function graphOf(entry: string): Promise<{ files: string[]; node: string[] }> {
	const result = await build({
		entryPoints: [`${root}/${entry}`],
		bundle: true,
		write: false,
		metafile: true,
		absWorkingDir: root,
		platform: 'neutral',
		format: 'esm',
		logLevel: 'silent',
		// Built-ins stay imports, so the metafile lists them instead of the build failing on the first.
		external: ['node:*', ...builtinModules],
	});
	const inputs = result.metafile.inputs;
	const node = new Set<string>();
	for (const input of Object.values(inputs)) {
		for (const imp of input.imports) if (imp.path.startsWith('node:') || builtinModules.includes(imp.path)) node.add(imp.path);
	}
	return { files: Object.keys(inputs).map((f) => relative(root, `${root}/${f}`)), node: [...node].sort() };
}

describe('the matcher entries', () => {
	it('the public entry imports nothing from Node, directly or through any file it reaches', async () => {
		const { node } = await graphOf('src/lib/matcher/index.ts');
		expect(node).toEqual([]);
	});

	it('the public entry reaches no build-only part and no package: compiling, sharding and the checks stay out of the browser', async () => {
		const { files } = await graphOf('src/lib/matcher/index.ts');
		expect(files.filter((f) => /matcher\/(compile|shard-index|self-check|build)\.ts$/.test(f))).toEqual([]);
		expect(files.filter((f) => f.includes('node_modules'))).toEqual([]);
	});

	it('the browser worker and the search page reach Node through no import', async () => {
		for (const entry of ['src/components/search/match-worker.ts', 'src/components/search/search-ui.ts']) {
			const { node, files } = await graphOf(entry);
			expect(node, entry).toEqual([]);
			expect(files.filter((f) => f.includes('lib/matcher/')).every((f) => !/(compile|shard-index|self-check|build)\.ts$/.test(f)), entry).toBe(true);
		}
	});

	it('the check sees a Node import where there is one: the build entry measures shards with node:zlib', async () => {
		const { node, files } = await graphOf('src/lib/matcher/build.ts');
		expect(node).toContain('node:zlib');
		expect(files).toContain('src/lib/matcher/compile.ts');
	});
});
