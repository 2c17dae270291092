/** What the end-to-end tests know about the site: read from the real content, never hard-coded. */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadArticles } from '../../src/lib/content.ts';
import { allPaths } from '../../src/wizard/engine.ts';
import { checkTreeFile } from '../../src/wizard/load.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const ARTICLES = loadArticles(ROOT).map((a) => a.data);

/** Every page of the built site, as URL paths (from dist/, so new pages are covered automatically). */
export function builtPages(): string[] {
	const dist = join(ROOT, 'dist');
	const walk = (dir: string): string[] =>
		readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
			const path = join(dir, e.name);
			if (e.isDirectory()) return e.name === 'pagefind' || e.name === '_astro' ? [] : walk(path);
			return e.name.endsWith('.html') ? [path] : [];
		});
	return walk(dist)
		.map((f) => `/${relative(dist, f)}`.replace(/index\.html$/, '').replace(/\.html$/, ''))
		.sort();
}


/** The real wizard tree and every path through it. */
export const TREE = checkTreeFile(ROOT, loadArticles(ROOT)).tree!;
export const PATHS = allPaths(TREE);
