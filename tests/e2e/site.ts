/** What the end-to-end tests know about the site: read from the real content, never hard-coded. */
import { join } from 'node:path';
import { builtPages as listBuiltPages } from '../../src/lib/links.ts';
import { fileURLToPath } from 'node:url';
import { loadArticles } from '../../src/lib/content.ts';
import { allPaths } from '../../src/wizard/engine.ts';
import { checkTreeFile } from '../../src/wizard/load.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const ARTICLES = loadArticles(ROOT).map((a) => a.data);

/** Every content page of the built site (not redirect pages), as URL paths: new pages are covered automatically. */
export function builtPages(): string[] {
	return listBuiltPages(join(ROOT, 'dist'))
		.filter((p) => !p.redirectTo)
		.map((p) => p.path);
}

/** The real wizard tree and every path through it. */
export const TREE = checkTreeFile(ROOT, loadArticles(ROOT)).tree!;
export const PATHS = allPaths(TREE);
