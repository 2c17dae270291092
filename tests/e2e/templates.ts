/**
 * The built pages by template, and the few pages of each that a browser must load so that every
 * element and every colour the site shows has been through it once.
 *
 * Loading every built page in Chromium for axe and the CSP was most of the suite's time (95 tests,
 * about 420 pages). But what a browser adds over the built HTML, it adds per template and per kind of
 * element: the scripts a page runs (the same bundles on every page of a template), the styles its
 * elements get (by tag and class), the colours of its code (Expressive Code writes each token's colours
 * as a `style` of custom properties). So a page's *features* are its scripts and, inside `<main>`,
 * every `tag.class` and every `style`; for each template the browser loads the fewest pages that between
 * them show every feature of the template (a greedy cover), and the one pass over the built HTML
 * (every-built-page-holds-its-content-policy-and-links) checks in every page what depends on its own
 * words: link and button names, image text, ids, lists, the policy's hashes, and that every feature of
 * the page is one the browser saw. A new kind of element on any page brings its page into the browser.
 */
import { readFileSync } from 'node:fs';
import { builtPages, type BuiltPage } from '../../src/lib/links.ts';
import { DIST } from './site.ts';

/** A page as the template pass reads it: its path, where it redirects, its template and its features. */
export interface TemplatePage {
	path: string;
	redirectTo?: string;
	template: string;
	features: Set<string>;
	html: string;
}

/**
 * The template a page is built from, by its address: a redirect page (a short ID or a renamed slug),
 * an article, a wizard step, a wizard map, a product page (and its further pages), or a page of its
 * own (the home page, search, match, the product list, the wizard's first page, 404).
 */
export function templateOf(page: Pick<BuiltPage, 'path' | 'redirectTo'>): string {
	if (page.redirectTo) return 'redirect';
	const shapes: [RegExp, string][] = [
		[/^\/kb\/[^/]+\/$/, 'article'],
		[/^\/wizard\/map\/(.+\/)?$/, 'wizard map'],
		[/^\/wizard\/[^/]+\/$/, 'wizard step'],
		[/^\/products\/[^/]+\/(\d+\/)?$/, 'product'],
	];
	return shapes.find(([shape]) => shape.test(page.path))?.[1] ?? page.path;
}

const SCRIPT_SRC = /<script\b[^>]*\ssrc="([^"]+)"/g;
/** An inline script that runs (not a JSON data block). */
const INLINE_SCRIPT = /<script\b(?![^>]*\ssrc=)(?![^>]*type="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/g;
const CLASSED = /<([a-z][a-z0-9-]*)\b[^>]*?\sclass="([^"]*)"/g;
const STYLED = /<[a-z][a-z0-9-]*\b[^>]*?\sstyle="([^"]*)"/g;

/**
 * What a browser adds to a page's HTML depends on: the scripts it runs (by address, and inline ones by
 * their text) and, in `<main>`, each element's tag and classes and each `style` attribute.
 */
export function featuresOf(html: string): Set<string> {
	const features = new Set<string>();
	for (const [, src] of html.matchAll(SCRIPT_SRC)) features.add(`script ${src}`);
	// An inline script by its code: a redirect page's script differs from the next only in the address it sends to.
	for (const [, body] of html.matchAll(INLINE_SCRIPT)) if (body.trim()) features.add(`inline script ${body.replace(/"(?:[^"\\\n]|\\.)*"/g, '""')}`);
	const start = html.indexOf('<main');
	const main = start < 0 ? '' : html.slice(start, html.indexOf('</main>', start) + 1 || undefined);
	for (const [, tag, classes] of main.matchAll(CLASSED)) features.add(`${tag}.${classes.trim().split(/\s+/).sort().join('.')}`);
	for (const [, style] of main.matchAll(STYLED)) features.add(`style ${style}`);
	return features;
}

/** Every built page with its template and features (each file read once per process). */
export const TEMPLATE_PAGES: TemplatePage[] = builtPages(DIST).map((p) => {
	const html = readFileSync(p.file, 'utf8');
	return { path: p.path, redirectTo: p.redirectTo, template: templateOf(p), features: featuresOf(html), html };
});

/** The fewest pages (greedily) whose features together are all the features of `pages`; the first page always among them. */
export function coveringPages(pages: TemplatePage[]): TemplatePage[] {
	const left = new Set(pages.flatMap((p) => [...p.features]));
	const chosen: TemplatePage[] = [];
	const take = (p: TemplatePage) => {
		chosen.push(p);
		for (const f of p.features) left.delete(f);
	};
	if (pages[0]) take(pages[0]);
	while (left.size > 0) {
		const best = pages.reduce((a, b) => (count(b, left) > count(a, left) ? b : a));
		take(best);
	}
	return chosen;
}

const count = (p: TemplatePage, left: Set<string>) => [...p.features].filter((f) => left.has(f)).length;

/** The built pages grouped by template, in path order. */
export const TEMPLATES: Map<string, TemplatePage[]> = TEMPLATE_PAGES.reduce(
	(groups, p) => groups.set(p.template, [...(groups.get(p.template) ?? []), p]),
	new Map<string, TemplatePage[]>(),
);

/**
 * The pages the browser loads: for each template, the covering pages; for redirect pages, also one
 * of each kind of address (a short ID in capitals, in lower case, a renamed slug), whose arrival
 * with JavaScript on is what a browser alone can show.
 */
export const BROWSER_PAGES: TemplatePage[] = [...TEMPLATES.entries()].flatMap(([template, pages]) => {
	const chosen = coveringPages(pages);
	if (template !== 'redirect') return chosen;
	const kinds = [/^\/FL-\d+\/$/, /^\/fl-\d+\/$/, /^\/kb\//];
	const extra = kinds.map((k) => pages.find((p) => k.test(p.path))).filter((p): p is TemplatePage => !!p && !chosen.includes(p));
	return [...chosen, ...extra];
});
