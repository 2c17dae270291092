/**
 * Tiny bundled scripts written into the pages that load them: a module
 * script of a few bytes (Starlight's table of contents is 36: one import)
 * costs a request of its own on every page, more than its bytes. The
 * Content-Security-Policy step runs after this one and hashes each inline
 * script (csp.ts), so the policy stays strict.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_START } from './csp.ts';

/** A bundled script below this many bytes is inlined (1 KB: below it a request costs more than the bytes). */
export const INLINE_BELOW = 1024;

/** Where Astro writes its bundles, as a path in the site and a directory of the build. */
const ASSETS = '/_astro/';

/** A module script tag that loads a bundle: `<script type="module" src="/_astro/NAME.js"></script>`. */
const MODULE_SCRIPT = /<script type="module" src="\/_astro\/([^"/]+\.js)"><\/script>/g;

/**
 * A page's HTML with each module script of a bundle below INLINE_BELOW bytes
 * written inline, before the page's authored content (CONTENT_START); `read` gives a bundle's text by file name (undefined when
 * there is none). A bundle's relative imports (`"./x.js"`, in any of the three
 * quotes: the minifier writes a dynamic import with backticks) become absolute
 * (`"/_astro/x.js"`), as an inline script resolves them from the page.
 */
export function inlineSmallScripts(html: string, read: (name: string) => string | undefined): string {
	// Only in the part of the page the site writes around the content: the policy hashes inline scripts
	// there and nowhere else (csp.ts), so that an article cannot smuggle one in.
	const at = html.indexOf(CONTENT_START);
	const shipped = at < 0 ? html : html.slice(0, at);
	return shipped.replace(MODULE_SCRIPT, (tag, name: string) => {
		const code = read(name);
		if (code === undefined || Buffer.byteLength(code) >= INLINE_BELOW || code.includes('</script')) return tag;
		return `<script type="module">${code.trim().replace(/(\bfrom\s*|\bimport\s*\(?\s*)(["'`])\.\/([^"'`/]+\.js)\2/g, `$1$2${ASSETS}$3$2`)}</script>`;
	}) + (at < 0 ? '' : html.slice(at));
}

/**
 * Inline the small bundles into every page of `dist` (`pages`: their HTML
 * files), then remove the bundles that nothing names any more (no page, no
 * bundle that was not inlined). Returns the bundles inlined and the files removed.
 */
export function inlineSmallScriptsInSite(dist: string, pages: readonly string[], readPage: (file: string) => string, writePage: (file: string, html: string) => void): { inlined: Set<string>; removed: string[] } {
	const dir = join(dist, ASSETS);
	const cache = new Map<string, string | undefined>();
	const inlined = new Set<string>();
	const read = (name: string) => {
		if (!cache.has(name)) {
			const file = join(dir, name);
			cache.set(name, existsSync(file) && statSync(file).size < INLINE_BELOW ? readFileSync(file, 'utf8') : undefined);
		}
		const code = cache.get(name);
		if (code !== undefined) inlined.add(name);
		return code;
	};
	const stillNamed = new Set<string>();
	for (const page of pages) {
		const html = readPage(page);
		const out = inlineSmallScripts(html, read);
		if (out !== html) writePage(page, out);
		for (const name of inlined) if (out.includes(name)) stillNamed.add(name);
	}
	// A bundle another bundle imports, or a page still loads, stays.
	const others = readdirSync(dir)
		.filter((n) => n.endsWith('.js') && !inlined.has(n))
		.map((n) => readFileSync(join(dir, n), 'utf8'));
	const removed = [...inlined].filter((name) => !stillNamed.has(name) && !others.some((code) => code.includes(name)));
	for (const name of removed) rmSync(join(dir, name));
	return { inlined, removed };
}
