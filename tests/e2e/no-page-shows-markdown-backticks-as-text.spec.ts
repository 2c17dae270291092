/**
 * Titles and summaries are written with Markdown code spans (`cpu`, `make`); wherever a page shows one
 * (a wizard result's root cause and "Read FL-…" link, "Articles that may still apply", "Related failures",
 * the article lists of the home and product pages, an article's symptoms and references) the spans render
 * as <code>, and where only plain text fits (the meta and Open Graph descriptions, the tab's title) they
 * read without their backticks. So no built page shows a code span's backticks as text outside <code>
 * and <pre>, in its body or in its head.
 */
import { expect, test } from '@playwright/test';
import type { Element, Nodes } from 'hast';
import { all, attr, builtPageList, parsedPage } from './built-html.ts';
import { inlineCode } from '../../src/lib/inline-code.ts';

/**
 * Elements whose text is code, or not shown as text (scripts, styles, the paste box's contents). The
 * wizard map's drawing (svg) writes error lines verbatim, backquotes and all, and answers without their
 * backticks (plainText in src/wizard/map.ts); its outline, which is HTML, is checked.
 */
const NOT_PROSE = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style', 'template', 'textarea', 'head', 'svg']);

/**
 * Whether a text holds a Markdown code span, by CommonMark's rule (src/lib/inline-code.ts). A backtick
 * run nothing closes is literal text there too, and an error line may hold one (crun's "bpf create ``:").
 */
const hasCodeSpan = (text: string) => inlineCode(text).parts.some((p) => p.code);

/** The text of every run of visible prose that holds a code span as text. */
function backtickedText(node: Nodes, out: string[] = []): string[] {
	if (node.type === 'text' && hasCodeSpan(node.value)) out.push(node.value.trim());
	if ((node.type === 'element' && !NOT_PROSE.has(node.tagName)) || node.type === 'root') for (const child of node.children) backtickedText(child, out);
	return out;
}

test('no built page shows Markdown backticks as text, in its body or its descriptions', () => {
	const found: string[] = [];
	for (const { path, redirectTo } of builtPageList()) {
		if (redirectTo) continue;
		const page = parsedPage(path);
		for (const t of backtickedText(page.tree)) found.push(`${path}: ${t}`);
		const head = all(page, 'title, meta[name=description], meta[property="og:description"], meta[name="twitter:description"], meta[property="og:title"]') as Element[];
		for (const el of head) {
			const value = el.tagName === 'title' ? all(el, '*').length === 0 && (el.children[0] as { value?: string } | undefined)?.value : attr(el, 'content');
			if (typeof value === 'string' && hasCodeSpan(value)) found.push(`${path} <${el.tagName}>: ${value}`);
		}
	}
	expect(found).toEqual([]);
});
