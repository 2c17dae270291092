/**
 * A strict Content-Security-Policy for each built page: scripts and styles
 * only from the site itself or by hash, never 'unsafe-inline'. The policy is
 * computed from the page's own HTML after the build, so every inline script,
 * <style> element and style attribute that Astro, Starlight or Expressive
 * Code wrote is allowed by its exact hash and nothing else is.
 */
import { createHash } from 'node:crypto';

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g;
const INLINE_STYLE = /<style\b[^>]*>([\s\S]*?)<\/style>/g;
const STYLE_ATTRIBUTE = /\sstyle="([^"]*)"/g;

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

/** The policy for one page's HTML. */
export function policyFor(html: string): string {
	const scripts = new Set<string>();
	for (const [, attrs, body] of html.matchAll(INLINE_SCRIPT)) {
		if (/type="application\/(ld\+)?json"/.test(attrs)) continue; // data, never executed
		scripts.add(sha256(body));
	}
	const styles = new Set<string>();
	for (const [, body] of html.matchAll(INLINE_STYLE)) styles.add(sha256(body));
	let attributes = false;
	for (const [, value] of html.matchAll(STYLE_ATTRIBUTE)) {
		styles.add(sha256(decodeAttribute(value)));
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
 * The page with its policy early in <head> (before anything it governs),
 * replacing any earlier one: right after `<meta charset>`, which must stay
 * within the first 1024 bytes, or first when there is none.
 */
export function withPolicy(html: string): string {
	const cleaned = html.replace(/<meta http-equiv="content-security-policy"[^>]*>/gi, '');
	const policy = policyFor(cleaned).replace(/"/g, '&quot;');
	const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
	const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(cleaned);
	if (charset) return cleaned.slice(0, charset.index + charset[0].length) + meta + cleaned.slice(charset.index + charset[0].length);
	return cleaned.replace(/<head>/i, `<head>${meta}`);
}
