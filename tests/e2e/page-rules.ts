/**
 * What the built HTML of a page must hold whatever its words, checked on every page in Node (the browser
 * loads only the pages of templates.ts). Two sets:
 *
 * - The policy, as Chromium would enforce it on what the HTML holds: every inline script and `<style>` is
 *   allowed by its hash, every `style` attribute sets custom properties only and is allowed by its hash,
 *   and every resource the page loads is on the site's own origin (or a `data:` image).
 * - axe's serious and critical rules whose outcome depends on a page's own words and markup rather than
 *   on styles or scripts (axe-core's rule ids, so a finding reads as axe's would): `html-has-lang`,
 *   `document-title`, `link-name`, `button-name`, `image-alt`, `label`, `list` and `listitem`, and
 *   `duplicate-id-aria` (here stricter: no id twice at all, since anchors link to them), and
 *   `scrollable-region-focusable` for code blocks and tables (here stricter: every one, since which scroll
 *   depends on the screen). Colour, focus
 *   and everything styled are the browser's, per template.
 */
import { createHash } from 'node:crypto';
import type { Element } from 'hast';
import { all, attr, first, text, type ParsedPage } from './built-html.ts';

const hash = (code: string) => `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;

/** The directives of a page's `<meta>` policy, by name. */
function directives(page: ParsedPage): Map<string, string[]> {
	const policy = attr(first(page, 'meta[http-equiv="Content-Security-Policy"]'), 'content') ?? '';
	return new Map(
		policy
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((d) => d[0])
			.map(([name, ...values]) => [name, values]),
	);
}

/** An element's text as written (a script's or style's code): hast-util-to-text would give it as rendered. */
const raw = (el: Element) => el.children.map((c) => ('value' in c ? c.value : '')).join('');

/** The raw value of every `style` attribute, as the browser hashes it (entities decoded by the parser). */
const styleAttributes = (page: ParsedPage) => all(page, '[style]').map((el) => attr(el, 'style') ?? '');

/** What the page's own policy would block or send elsewhere, each as a short description. */
export function policyViolations(page: ParsedPage): string[] {
	const found: string[] = [];
	const policy = directives(page);
	const scriptSrc = policy.get('script-src') ?? [];
	const styleSrc = policy.get('style-src') ?? [];
	for (const script of all(page, 'script:not([src])')) {
		if (/^application\/(ld\+)?json$/.test(attr(script, 'type') ?? '')) continue; // data, never run
		const code = raw(script);
		if (!scriptSrc.includes(hash(code))) found.push(`inline script not in script-src: ${code.slice(0, 60)}`);
	}
	for (const style of all(page, 'style')) if (!styleSrc.includes(hash(raw(style)))) found.push(`<style> not in style-src: ${raw(style).slice(0, 60)}`);
	for (const style of styleAttributes(page)) {
		if (!/^(\s*--[\w-]+\s*:[^;{}]*;?)*\s*$/.test(style)) found.push(`style attribute sets more than custom properties: ${style.slice(0, 60)}`);
		else if (!styleSrc.includes("'unsafe-hashes'") || !styleSrc.includes(hash(style))) found.push(`style attribute not in style-src: ${style.slice(0, 60)}`);
	}
	const loads: [string, string][] = [
		['script[src]', 'src'],
		['link[href]:not([rel~="canonical"]):not([rel~="alternate"]):not([rel~="sitemap"]):not([rel~="next"]):not([rel~="prev"])', 'href'],
		['img[src], iframe[src], embed[src], video[src], audio[src], source[src], track[src]', 'src'],
		['object[data]', 'data'],
	];
	for (const [selector, name] of loads) {
		for (const el of all(page, selector)) {
			const url = attr(el, name) ?? '';
			if (/^[a-z][a-z0-9+.-]*:/i.test(url) ? !/^data:/i.test(url) || el.tagName !== 'img' : url.startsWith('//')) found.push(`<${el.tagName}> loads ${url} from another origin`);
		}
	}
	return found;
}

/** An element's accessible name as axe computes it for these rules: aria-label, aria-labelledby, its text, an image's alt, a title. */
function accessibleName(page: ParsedPage, el: Element): string {
	const label = attr(el, 'aria-label');
	if (label?.trim()) return label.trim();
	const by = attr(el, 'aria-labelledby');
	if (by) return by.split(/\s+/).map((id) => text(first(page, `[id="${id}"]`))).join(' ').trim();
	const own = (text(el) + all(el, 'img[alt], [aria-label]').map((x) => attr(x, 'alt') ?? attr(x, 'aria-label') ?? '').join(' ')).trim();
	return own || (attr(el, 'title') ?? '').trim();
}

const hidden = (el: Element) => attr(el, 'aria-hidden') === 'true' || attr(el, 'hidden') !== undefined;

/** axe's word-dependent serious and critical rules (see the header) that the page breaks, as `rule: where`. */
export function contentViolations(page: ParsedPage): string[] {
	const found: string[] = [];
	if (!attr(first(page, 'html'), 'lang')?.trim()) found.push('html-has-lang: <html> has no lang');
	if (!text(first(page, 'head > title')).trim()) found.push('document-title: no <title> text');
	for (const a of all(page, 'a[href]')) if (!hidden(a) && !accessibleName(page, a)) found.push(`link-name: <a href="${attr(a, 'href')}"> has no name`);
	for (const b of all(page, 'button, [role="button"]')) if (!hidden(b) && !accessibleName(page, b)) found.push(`button-name: a button has no name (${attr(b, 'class') ?? ''})`);
	for (const img of all(page, 'img')) {
		if (attr(img, 'alt') === undefined && !['presentation', 'none'].includes(attr(img, 'role') ?? '') && !attr(img, 'aria-label')) found.push(`image-alt: <img src="${attr(img, 'src')}"> has no alt`);
	}
	for (const input of all(page, 'input:not([type="hidden"]):not([type="submit"]):not([type="button"]):not([type="reset"]), select, textarea')) {
		const id = attr(input, 'id');
		const labelled = accessibleName(page, input) || (id && first(page, `label[for="${id}"]`)) || all(page, 'label').some((l) => all(l, '*').includes(input)) || attr(input, 'placeholder');
		if (!labelled) found.push(`label: <${input.tagName} name="${attr(input, 'name') ?? ''}"> has no label`);
	}
	for (const list of all(page, 'ul, ol')) {
		const wrong = list.children.filter((c): c is Element => c.type === 'element' && !['li', 'script', 'template'].includes(c.tagName));
		if (wrong.length) found.push(`list: <${list.tagName}> holds <${wrong[0].tagName}>`);
	}
	const listed = new Set(all(page, 'ul, ol, menu, [role="list"]').flatMap((l) => l.children));
	for (const li of all(page, 'li')) if (!listed.has(li)) found.push(`listitem: <li> outside a list: ${text(li).slice(0, 40)}`);
	// A code block scrolls sideways on a screen too narrow for its longest line, whichever screen that is: each
	// `<pre>` takes the focus (so the keyboard can scroll it) and is a region with a name (src/lib/focusable-code.ts).
	for (const pre of all(page, '.expressive-code pre')) {
		if (attr(pre, 'tabIndex') !== '0' || attr(pre, 'role') !== 'region' || !attr(pre, 'aria-label')?.trim()) {
			found.push(`scrollable-region-focusable: a code block is not a focusable, named region: ${text(pre).slice(0, 40)}`);
		}
	}
	// So does a table wider than the screen: each is wrapped in a focusable, named region that scrolls (src/lib/rehype-table-regions.ts).
	const wrapped = new Set(all(page, '.sl-markdown-content .table-scroll > table'));
	for (const table of all(page, '.sl-markdown-content table')) {
		if (!wrapped.has(table)) found.push(`scrollable-region-focusable: a table is not in a scrolling region: ${text(table).slice(0, 40)}`);
	}
	for (const region of all(page, '.sl-markdown-content .table-scroll')) {
		if (attr(region, 'tabIndex') !== '0' || attr(region, 'role') !== 'region' || !attr(region, 'aria-label')?.trim()) {
			found.push(`scrollable-region-focusable: a table's scrolling region is not a focusable, named region: ${text(region).slice(0, 40)}`);
		}
	}
	const ids = all(page, '[id]').map((el) => attr(el, 'id')!);
	const twice = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
	for (const id of twice) found.push(`duplicate-id-aria: id "${id}" is used twice`);
	return found;
}

/**
 * Words that run into a link or a code span: a text ending in a letter right before an `<a>` or `<code>`
 * whose text starts with a letter or digit ("answer the<a>troubleshooting wizard</a>"). Astro's compiler
 * drops the whitespace where a template's source line ends in a word and the next starts with such an
 * element, so the space a reader needs is lost without a trace in the source; no Markdown writes one.
 * Each as `glued: …the words…`.
 */
export function gluedWords(page: ParsedPage): string[] {
	const found: string[] = [];
	for (const parent of all(page, 'body *')) {
		parent.children.forEach((child, i) => {
			const before = parent.children[i - 1];
			if (child.type !== 'element' || !['a', 'code'].includes(child.tagName) || before?.type !== 'text') return;
			const after = text(child);
			if (/[A-Za-z]$/.test(before.value) && /^[A-Za-z0-9]/.test(after)) found.push(`glued: …${before.value.slice(-20)}<${child.tagName}>${after.slice(0, 20)}…`);
		});
	}
	return found;
}
