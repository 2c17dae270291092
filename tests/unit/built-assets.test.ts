import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inlineSmallScripts, inlineSmallScriptsInSite, INLINE_BELOW } from '../../src/lib/inline-scripts.ts';
import { removeUnfetched } from '../../src/lib/search-index.ts';
import { CONTENT_START, withPolicy } from '../../src/lib/csp.ts';

describe('small bundled scripts', () => {
	it('are written into the page, their relative imports made absolute, and the policy hashes them', () => {
		const code: Record<string, string> = { 'toc.js': 'import"./starlight-toc.AB.js";', 'big.js': 'x'.repeat(INLINE_BELOW) };
		const html = '<head></head><script type="module" src="/_astro/toc.js"></script><script type="module" src="/_astro/big.js"></script>';
		const out = inlineSmallScripts(html, (name) => code[name]);
		expect(out).toContain('<script type="module">import"/_astro/starlight-toc.AB.js";</script>');
		expect(out).toContain('<script type="module" src="/_astro/big.js"></script>');
		expect(withPolicy(out)).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[^']+'/);
	});

	it('have every relative import made absolute, static or dynamic, in any quotes (the minifier writes import(`./x.js`))', () => {
		const code = "import{a}from'./a.js';import(\"./b.js\");import(`./search-ui.BeIMQTwW.js`).then(e=>e.n);";
		const out = inlineSmallScripts('<head></head><script type="module" src="/_astro/p.js"></script>', () => code);
		expect(out).toBe("<head></head><script type=\"module\">import{a}from'/_astro/a.js';import(\"/_astro/b.js\");import(`/_astro/search-ui.BeIMQTwW.js`).then(e=>e.n);</script>");
	});

	it('stay external inside the authored content, where the policy hashes no inline script', () => {
		const html = `<head></head>${CONTENT_START}<script type="module" src="/_astro/toc.js"></script>`;
		expect(inlineSmallScripts(html, () => 'import"./x.js";')).toBe(html);
	});

	it('are removed from the site when no page or other bundle names them any more', () => {
		const dist = mkdtempSync(join(tmpdir(), 'inline-'));
		mkdirSync(join(dist, '_astro'));
		writeFileSync(join(dist, '_astro', 'tiny.js'), 'import"./shared.js";');
		writeFileSync(join(dist, '_astro', 'shared.js'), 'export const a=1;');
		writeFileSync(join(dist, '_astro', 'big.js'), `import"./shared.js";${'x'.repeat(INLINE_BELOW)}`);
		const page = join(dist, 'index.html');
		writeFileSync(page, '<script type="module" src="/_astro/tiny.js"></script>');
		const { inlined, removed } = inlineSmallScriptsInSite(dist, [page], (f) => readFileSync(f, 'utf8'), (f, h) => writeFileSync(f, h));
		expect([...inlined]).toEqual(['tiny.js']);
		expect(removed).toEqual(['tiny.js']);
		expect(readdirSync(join(dist, '_astro')).sort()).toEqual(['big.js', 'shared.js']);
		expect(readFileSync(page, 'utf8')).toBe('<script type="module">import"/_astro/shared.js";</script>');
	});
});

describe("Pagefind's output", () => {
	it('keeps what pagefind.js fetches and drops the UI bundles, the highlight script and unused languages', () => {
		const dir = mkdtempSync(join(tmpdir(), 'pagefind-'));
		const names = ['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json', 'wasm.en.pagefind', 'wasm.unknown.pagefind', 'pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-component-ui.js', 'pagefind-highlight.js'];
		for (const name of names) writeFileSync(join(dir, name), name === 'pagefind-entry.json' ? JSON.stringify({ version: '1.6.0', languages: { en: { hash: 'en_1', wasm: 'en', page_count: 1 } } }) : '');
		expect(removeUnfetched(dir).sort()).toEqual(['pagefind-component-ui.js', 'pagefind-highlight.js', 'pagefind-modular-ui.css', 'pagefind-modular-ui.js', 'pagefind-ui.css', 'pagefind-ui.js', 'wasm.unknown.pagefind']);
		expect(readdirSync(dir).sort()).toEqual(['pagefind-entry.json', 'pagefind-worker.js', 'pagefind.js', 'wasm.en.pagefind']);
	});
});
