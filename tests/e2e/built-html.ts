/**
 * The built pages as parsed HTML, for the checks that need no browser: what a page holds as served
 * (which is also what a reader without JavaScript gets), its policy, its metadata, its links. Each page
 * is read and parsed at most once per test process; a browser visit per page per check was most of the suite's
 * time. The parser is the unified ecosystem's (hast-util-from-html, over parse5, the WHATWG parsing
 * algorithm), the same syntax trees the site's own Markdown pipeline produces; hast-util-to-text gives
 * an element's text as `innerText` would, and hast-util-select queries it with CSS selectors.
 */
import { readFileSync } from 'node:fs';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { builtPages, type BuiltPage } from '../../src/lib/links.ts';
import { DIST } from './site.ts';

export interface ParsedPage extends BuiltPage {
	html: string;
	tree: Root;
}

let pages: Map<string, BuiltPage> | undefined;
const parsed = new Map<string, ParsedPage>();

/** Every built page (redirect pages too) by URL path; each is parsed when first asked for. */
export function builtPageList(): BuiltPage[] {
	pages ??= new Map(builtPages(DIST).map((p) => [p.path, p]));
	return [...pages.values()];
}

/** One built page by URL path, parsed (once); throws when the build has no such page. */
export function parsedPage(path: string): ParsedPage {
	builtPageList();
	const page = pages!.get(path);
	if (!page) throw new Error(`no built page at ${path}`);
	if (!parsed.has(path)) {
		const html = readFileSync(page.file, 'utf8');
		parsed.set(path, { ...page, html, tree: fromHtml(html) });
	}
	return parsed.get(path)!;
}

/** The elements matching a CSS selector. */
export const all = (page: ParsedPage | Element, selector: string): Element[] => selectAll(selector, 'tree' in page ? page.tree : page);

/** The first element matching a CSS selector, or undefined. */
export const first = (page: ParsedPage | Element, selector: string): Element | undefined => select(selector, 'tree' in page ? page.tree : page);

/** An element's text as the browser's innerText gives it. */
export const text = (el: Element | undefined): string => (el ? toText(el) : '');

/** An attribute as written in the HTML (a class list joined by spaces), or undefined. */
export function attr(el: Element | undefined, name: string): string | undefined {
	// hast keeps attributes under their DOM property names (class → className, http-equiv → httpEquiv, data-x → dataX).
	const key = name === 'class' ? 'className' : name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
	const value = el?.properties[key];
	if (value === undefined || value === null || value === false) return undefined;
	return Array.isArray(value) ? value.join(' ') : String(value);
}
