/**
 * The full-text search index: Pagefind over the article pages of a built
 * site, and nothing else. Starlight's own run reads every page: at 10,000
 * articles that is 41,000 files, most of them wizard steps and short-ID
 * redirects that search should not find. It runs after `astro build` has
 * exited (`npm run build`), so that Pagefind's memory and Astro's are not
 * held at the same time: at 10,000 articles each takes about 2.5 GB.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { ARTICLES_PREFIX, PAGEFIND_PATH } from './addresses.ts';
import { buildMessages } from './messages.ts';

/** Index the built article pages (ARTICLES_PREFIX) of `dist` into its PAGEFIND_PATH; returns how many pages were indexed. */
export async function buildSearchIndex(dist: string): Promise<number> {
	try {
		const { index, errors } = await pagefind.createIndex();
		if (!index) throw new Error(buildMessages.searchIndex(errors));
		const added = await index.addDirectory({ path: dist, glob: `${ARTICLES_PREFIX.slice(1)}*/index.html` });
		if (added.errors.length) throw new Error(buildMessages.searchIndex(added.errors));
		const written = await index.writeFiles({ outputPath: `${dist}${PAGEFIND_PATH}` });
		if (written.errors.length) throw new Error(buildMessages.searchIndex(written.errors));
		removeUnfetched(`${dist}${PAGEFIND_PATH}`);
		return added.page_count;
	} finally {
		await pagefind.close();
	}
}

/**
 * Pagefind's own UI bundles, which the site does not use (the paste box
 * calls pagefind.js directly, src/components/search/search-ui.ts), and its
 * script that highlights words on a result page, which no page loads.
 */
const UNUSED = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;

/**
 * Remove from Pagefind's output what no page fetches: the UI bundles and
 * the highlight script (UNUSED), and the WebAssembly of every language no
 * indexed page has (`wasm.unknown.pagefind` among them: every article page
 * says its language). pagefind.js picks its wasm by the languages that
 * `pagefind-entry.json` lists, so those stay. Returns the names removed.
 */
export function removeUnfetched(dir: string): string[] {
	const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { wasm?: string }> };
	const wasm = new Set(Object.entries(entry.languages).map(([language, l]) => `wasm.${l.wasm ?? language}.pagefind`));
	const removed = readdirSync(dir).filter((name) => UNUSED.test(name) || (/^wasm\..+\.pagefind$/.test(name) && !wasm.has(name)));
	for (const name of removed) rmSync(join(dir, name));
	return removed;
}
