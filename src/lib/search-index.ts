/**
 * The full-text search index: Pagefind over the article pages of a built
 * site, and nothing else. Starlight's own run reads every page: at 10,000
 * articles that is 41,000 files, most of them wizard steps and short-ID
 * redirects that search should not find. It runs after `astro build` has
 * exited (`npm run build`), so that Pagefind's memory and Astro's are not
 * held at the same time: at 10,000 articles each takes about 2.5 GB.
 */
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
		return added.page_count;
	} finally {
		await pagefind.close();
	}
}
