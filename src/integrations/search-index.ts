import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/**
 * The full-text search index, built by Pagefind after the build from the
 * article pages only. Starlight's own run reads every page of the site;
 * at 10,000 articles that is 41,000 files, most of them wizard steps and
 * short-ID redirects that are not meant to be found by search.
 */
export function searchIndex(): AstroIntegration {
	return {
		name: 'faultline:search-index',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const started = performance.now();
				try {
					const { index, errors } = await pagefind.createIndex();
					if (!index) throw new Error(errors.join('; '));
					const added = await index.addDirectory({ path: fileURLToPath(dir), glob: 'kb/*/index.html' });
					if (added.errors.length) throw new Error(added.errors.join('; '));
					const written = await index.writeFiles({ outputPath: fileURLToPath(new URL('pagefind/', dir)) });
					if (written.errors.length) throw new Error(written.errors.join('; '));
					logger.info(`${added.page_count} articles indexed for search in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
				} finally {
					await pagefind.close();
				}
			},
		},
	};
}
