/**
 * The files the knowledge base is made from, and the one rule for when
 * anything made from them is stale.
 *
 * The rule: a product of the content (the checked model in memory, an
 * article's rendering in Astro's store, the CLI's compiled data on disk) is
 * fresh exactly while its inputs are what they were when it was made. Its
 * inputs are the content files it reads (`contentFiles`: the articles, the
 * wizard tree, the redirects) and the code that turns them into it: the
 * project's own modules that its entry runs, followed through every import
 * (`codeFiles`), and the installed packages (`PACKAGES_LOCK`, which npm
 * rewrites whenever it changes what node_modules holds). Inputs are compared
 * by content (`inputsDigest`, SHA-256), never by modification time, which a
 * checkout, a copy or a coarse file system can leave unchanged across an edit.
 *
 * How each cache applies it: the model in memory (knowledge-base.ts) cannot
 * see its code change under the running process, and hears of every content
 * change from the dev server's watcher (`isContentFile`); the article store
 * (articles-loader.ts) keys each rendering by the article, the redirects
 * (moved anchors are rendered into the page) and the digest of the rendering
 * code; the CLI (src/cli/data-cache.ts) keys its file by `contentKey`.
 *
 * This module reads files and hashes them and imports nothing else, so the
 * CLI can decide that its cache is fresh without loading the compiler.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** Where the articles live, relative to the project root. */
export const ARTICLES_DIR = 'src/content/docs/kb';

/** The wizard tree, relative to the project root. */
export const TREE_FILE = 'src/content/wizard/tree.yaml';

/** The slugs and anchors that moved, relative to the project root. */
export const REDIRECTS_FILE = 'src/content/redirects.yaml';

/**
 * npm's record of what node_modules holds (the "hidden lockfile", rewritten
 * by every install that changes it): a package's new version changes it.
 */
export const PACKAGES_LOCK = 'node_modules/.package-lock.json';

/** The folder `~/` stands for in an import (tsconfig.json `paths`). */
const SRC_ALIAS = 'src/';

/** True when `path` (absolute) is a file the knowledge base of the project at `root` is read from. */
export function isContentFile(root: string, path: string): boolean {
	return path.startsWith(join(root, ARTICLES_DIR) + sep) || path === join(root, TREE_FILE) || path === join(root, REDIRECTS_FILE);
}

/**
 * Every content file of the project at `root`, relative to it and sorted: each
 * file under ARTICLES_DIR (whatever its extension, as `isContentFile` counts
 * it), the wizard tree and the redirects (listed even when absent).
 */
export function contentFiles(root: string): string[] {
	const dir = join(root, ARTICLES_DIR);
	const articles = existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name))) : [];
	return [...articles.sort(), TREE_FILE, REDIRECTS_FILE];
}

/** Static imports and re-exports (`import … from`, `export … from`, `import '…'`) and dynamic `import('…')`, with any `type` keyword. */
const IMPORT = /(?:^|[;\n])\s*(?:import|export)\s+(type\s)?[\w$\s,{}*]*?from\s*['"]([^'"]+)['"]|(?:^|[;\n])\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/**
 * The project's own modules that running `entries` loads: the entries and every
 * module they import, followed transitively through relative and `~/` imports
 * (type-only imports are left out: they are erased before anything runs).
 * Package imports are covered by PACKAGES_LOCK instead. Paths are relative to
 * `root`, sorted; an import that names no existing file is left out (Node
 * would fail on it before producing anything).
 */
export function codeFiles(root: string, entries: readonly string[]): string[] {
	const seen = new Set<string>();
	const queue = entries.map((e) => resolve(root, e));
	while (queue.length) {
		const file = queue.pop()!;
		if (seen.has(file) || !existsSync(file)) continue;
		seen.add(file);
		for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
			if (m[1]) continue;
			const spec = m[2] ?? m[3] ?? m[4];
			if (spec.startsWith('./') || spec.startsWith('../')) queue.push(resolve(dirname(file), spec));
			else if (spec.startsWith('~/')) queue.push(resolve(root, SRC_ALIAS, spec.slice(2)));
		}
	}
	return [...seen].map((f) => relative(root, f)).sort();
}

/**
 * SHA-256 (hex) of `files` (relative to `root`): each path and its content, in
 * the order given; a missing file counts as missing, distinct from empty.
 */
export function inputsDigest(root: string, files: readonly string[]): string {
	const hash = createHash('sha256');
	for (const file of files) {
		const path = join(root, file);
		hash.update(`${file}\0`);
		hash.update(existsSync(path) ? readFileSync(path) : '\0missing');
		hash.update('\0');
	}
	return hash.digest('hex');
}

/** The digest of the code `entries` run (their module graph, `codeFiles`) and of the installed packages. */
export function codeDigest(root: string, entries: readonly string[]): string {
	return inputsDigest(root, [...codeFiles(root, entries), PACKAGES_LOCK]);
}

/**
 * The key of whatever the code at `entries` makes from the whole content of
 * the project at `root`: it changes when a content file, a module in the
 * entries' graph, the installed packages or the Node version changes, and
 * only then (the module's rule above).
 */
export function contentKey(root: string, entries: readonly string[]): string {
	return createHash('sha256').update(`${process.version}\0${inputsDigest(root, contentFiles(root))}\0${codeDigest(root, entries)}`).digest('hex');
}
