/**
 * A strict Content-Security-Policy for each built page: scripts and styles
 * only from the site itself or by hash, never 'unsafe-inline'.
 *
 * Only code the site ships is allowed: the inline scripts and `<style>`
 * elements that our layout and components (Starlight's theme and sidebar
 * scripts, the copy buttons, the search panel) write around a page's
 * content. A page's authored content starts at its Markdown content wrapper
 * (`<div class="sl-markdown-content">`, Starlight's MarkdownContent); nothing
 * inside it is ever hashed into the policy, so a script an article smuggles
 * in cannot run even if it got past the content check (which refuses raw
 * HTML in articles: src/lib/article-body.ts). `unshippedCode` names such code
 * so the build can fail on it as well.
 */
import { createHash } from 'node:crypto';

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g;
const INLINE_STYLE = /<style\b[^>]*>([\s\S]*?)<\/style>/g;
const STYLE_ATTRIBUTE = /\sstyle="([^"]*)"/g;
/** An inline event handler attribute (`onclick=`, `onerror=`...), which no policy here allows. */
const EVENT_HANDLER = /<[a-z][^>]*?\son[a-z]+\s*=/gi;
/** Where a page's authored content begins (Starlight's MarkdownContent wrapper). */
export const CONTENT_START = '<div class="sl-markdown-content">';

function sha256(text: string): string {
	return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** An attribute value as the browser sees it, after entity decoding. */
function decodeAttribute(value: string): string {
	return value
		.replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
		.replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
		.replace(/&quot;/g, '"')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');
}

/**
 * A style attribute that only sets CSS custom properties (`--0:#82AAFF;--1:#3B61B0`,
 * as Expressive Code colours code tokens and Starlight sizes icons): it cannot
 * restyle anything the stylesheets do not already read from those properties.
 */
function onlyCustomProperties(style: string): boolean {
	return style
		.split(';')
		.map((d) => d.trim())
		.filter(Boolean)
		.every((d) => /^--[\w-]+\s*:[^;{}]*$/.test(d) && !/url\s*\(|expression\s*\(|@import/i.test(d));
}

/** The part of a page the site itself wrote (before the authored content), and the authored part. */
function split(html: string): { shipped: string; authored: string } {
	const at = html.indexOf(CONTENT_START);
	return at < 0 ? { shipped: html, authored: '' } : { shipped: html.slice(0, at), authored: html.slice(at) };
}

/**
 * The policy for one page's HTML: its shipped inline scripts and `<style>`
 * elements by hash (JSON data blocks are never executed and need none), and
 * style attributes by hash when they only set custom properties.
 */
export function policyFor(html: string): string {
	const { shipped } = split(html);
	const scripts = new Set<string>();
	for (const [, attrs, body] of shipped.matchAll(INLINE_SCRIPT)) {
		if (/type="application\/(ld\+)?json"/.test(attrs)) continue; // data, never executed
		scripts.add(sha256(body));
	}
	const styles = new Set<string>();
	for (const [, body] of shipped.matchAll(INLINE_STYLE)) styles.add(sha256(body));
	let attributes = false;
	for (const [, value] of html.matchAll(STYLE_ATTRIBUTE)) {
		const style = decodeAttribute(value);
		if (!onlyCustomProperties(style)) continue;
		styles.add(sha256(style));
		attributes = true;
	}
	return [
		"default-src 'self'",
		// Pagefind's search runs WebAssembly, which needs 'wasm-unsafe-eval' (not eval of scripts).
		`script-src 'self' 'wasm-unsafe-eval' ${[...scripts].join(' ')}`.trim(),
		`style-src 'self'${attributes ? " 'unsafe-hashes'" : ''} ${[...styles].join(' ')}`.trim(),
		"img-src 'self' data:",
		"font-src 'self'",
		"connect-src 'self'",
		"worker-src 'self'",
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'",
	].join('; ');
}

/**
 * Code in a page that the site did not ship and the policy therefore
 * blocks: inline scripts (and scripts not bundled under /_astro/), `<style>` elements, `<meta http-equiv="refresh">`
 * and event handler attributes inside the authored content, and style
 * attributes anywhere that do more than set custom properties. Each is
 * returned as a short quote of it; the build fails when any is found.
 */
export function unshippedCode(html: string): string[] {
	const { authored } = split(html);
	const found: string[] = [];
	const quote = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}...` : s);
	// Scripts the build bundled (Expressive Code's copy button) load from /_astro/; any other script is not ours.
	for (const [tag] of authored.matchAll(/<script\b[^>]*>/g)) if (!/\ssrc="\/_astro\/[^"/]+\.js"/.test(tag)) found.push(quote(tag));
	for (const [tag] of authored.matchAll(/<style\b[^>]*>/g)) found.push(quote(tag));
	for (const [tag] of authored.matchAll(/<meta\b[^>]*http-equiv[^>]*>/gi)) found.push(quote(tag));
	for (const [tag] of authored.matchAll(EVENT_HANDLER)) found.push(quote(tag));
	for (const [, value] of html.matchAll(STYLE_ATTRIBUTE)) if (!onlyCustomProperties(decodeAttribute(value))) found.push(quote(`style="${value}"`));
	return found;
}

/** The referrer policy every page carries: no address, and so no query, leaves with a request. */
export const REFERRER_META = '<meta name="referrer" content="no-referrer">';

/**
 * The page with its policy early in <head> (before anything it governs),
 * replacing any earlier one, and a `no-referrer` policy: right after
 * `<meta charset>`, which must stay within the first 1024 bytes, or first
 * when there is none. (Framing cannot be forbidden by a <meta>; see the
 * `_headers` file written by src/integrations/post-build.ts.)
 */
export function withPolicy(html: string): string {
	const cleaned = html.replace(/<meta http-equiv="content-security-policy"[^>]*>/gi, '').replace(/<meta name="referrer"[^>]*>/gi, '');
	const policy = policyFor(cleaned).replace(/"/g, '&quot;');
	const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">${REFERRER_META}`;
	const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(cleaned);
	if (charset) return cleaned.slice(0, charset.index + charset[0].length) + meta + cleaned.slice(charset.index + charset[0].length);
	return cleaned.replace(/<head>/i, `<head>${meta}`);
}
