/**
 * The browser pass: for every template, the few pages that between them show every script, element
 * kind and colour of the template (templates.ts) are loaded in Chromium, with JavaScript, and checked
 * for everything that needs a browser: no Content-Security-Policy violation, no request to another
 * origin, no serious or critical axe violation, nothing wider than a phone's screen, and on a redirect page (a short ID in either case, a
 * renamed slug) the arrival at its article. Every other page differs from these only in its words, and
 * what depends on its words is checked in the built HTML of every page
 * (every-built-page-holds-its-content-policy-and-links: the policy's hashes, one origin, link and button
 * names, image text, ids, lists, labels, and that each of its features is one the browser saw here).
 * It loaded all 420 pages until then: 95 tests, most of the suite's time.
 */
import { expect, test } from '@playwright/test';
import { ARTICLES } from './site.ts';
import { settled, watchViolations } from './watch.ts';
import { axeOn, seriousViolations } from './axe.ts';
import { focusRing } from './focus.ts';
import { BROWSER_PAGES, TEMPLATE_PAGES, TEMPLATES } from './templates.ts';

const TITLES = new Map(ARTICLES.map((a) => [`/kb/${a.id}/`, a.title]));

test(`the ${BROWSER_PAGES.length} pages show every feature of the ${TEMPLATE_PAGES.length} built pages of their ${TEMPLATES.size} templates`, () => {
	const seen = new Map<string, Set<string>>();
	for (const p of BROWSER_PAGES) seen.set(p.template, new Set([...(seen.get(p.template) ?? []), ...p.features]));
	for (const page of TEMPLATE_PAGES) {
		expect([...page.features].filter((f) => !seen.get(page.template)?.has(f)), page.path).toEqual([]);
	}
	expect([...seen.keys()].sort()).toEqual([...TEMPLATES.keys()].sort());
	expect(TEMPLATE_PAGES.filter((p) => !p.redirectTo).length).toBeGreaterThan(ARTICLES.length);
	expect(TEMPLATE_PAGES.filter((p) => p.redirectTo).length).toBeGreaterThanOrEqual(ARTICLES.length * 2);
	// The articles in the browser include the first (a fixed one, whatever the cover picks) and a redirect of each kind.
	expect(BROWSER_PAGES.some((p) => p.template === 'article')).toBe(true);
	expect(BROWSER_PAGES.filter((p) => p.redirectTo).map((p) => p.path)).toEqual(expect.arrayContaining([expect.stringMatching(/^\/FL-/), expect.stringMatching(/^\/fl-/)]));
});

for (const { path, redirectTo, template } of BROWSER_PAGES) {
	test(`${template} ${path}: no CSP violation, no other origin, no serious axe violation${redirectTo ? ', arrives' : ''}`, async ({ page, baseURL }) => {
		const seen = await watchViolations(page);
		const foreign: string[] = [];
		page.on('request', (r) => {
			const url = new URL(r.url());
			if (url.protocol !== 'data:' && url.origin !== new URL(baseURL!).origin) foreign.push(`${page.url()} -> ${r.url()}`);
		});
		await page.goto(path);
		if (redirectTo) {
			// A short ID or a renamed slug: the page sends the reader on (with JavaScript, keeping any anchor).
			// Its own scripts have run once the browser is on its way; that the page there is the article
			// with its title is checked in the built HTML (every-built-page-holds-its-content-policy-and-links).
			const target = new URL(redirectTo, baseURL).pathname;
			await page.waitForURL(new RegExp(`${target}$`), { waitUntil: 'commit' });
			expect(seen, path).toEqual([]);
			expect(foreign).toEqual([]);
			return;
		}
		await settled(page);
		expect(seen, path).toEqual([]);
		if (TITLES.has(path)) {
			// The copy buttons of the code blocks and the evidence badges show, the badges with their border.
			await expect(page.locator('.expressive-code .copy button').first(), path).toBeVisible();
			const badge = page.locator('.evidence-badge').first();
			await expect(badge, path).toBeVisible();
			expect(await badge.evaluate((el) => getComputedStyle(el).borderTopStyle), path).not.toBe('none');
		}
		expect(await seriousViolations(page), `axe on ${path}`).toEqual([]);
		expect(foreign).toEqual([]);
		// At a phone's width nothing is wider than the page: an unbreakable line (a path in an example
		// error) once pushed the whole home page sideways. Code blocks and tables scroll in their own box.
		await page.setViewportSize({ width: 390, height: 844 });
		expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${path} at 390 px: overflow`).toBeLessThanOrEqual(0);
		if (TITLES.has(path)) {
			// There a long code line scrolls in its block: the keyboard reaches the block, shows the focus and scrolls it.
			const pres = page.locator('.expressive-code pre');
			const index = await pres.evaluateAll((all) => all.findIndex((p) => p.scrollWidth > p.clientWidth));
			expect(index, `${path}: a code block that scrolls at 390 px`).toBeGreaterThanOrEqual(0);
			const scrolling = pres.nth(index);
			await scrolling.focus();
			const ring = await focusRing(scrolling);
			expect(ring, `${path}: the focused code block's ring`).toMatchObject({ focusVisible: true, style: 'solid' });
			expect(ring.width).toBeGreaterThanOrEqual(2);
			expect(ring.contrast).toBeGreaterThanOrEqual(3);
			// The key goes to the focused block, which keeps the focus. Chromium may drop a key sent while it is
			// still laying out the new width (seen once in CI under load: the block focused, never scrolled),
			// so the key is pressed again until the block scrolls, as a reader would; the focus must not move.
			await expect(async () => {
				expect(await scrolling.evaluate((p) => p === document.activeElement), `${path}: the code block keeps the focus`).toBe(true);
				await page.keyboard.press('ArrowRight');
				expect(await scrolling.evaluate((p) => p.scrollLeft), `${path}: ArrowRight scrolls the code block`).toBeGreaterThan(0);
			}).toPass();
			expect((await axeOn(page).withRules(['scrollable-region-focusable']).analyze()).violations, `${path} at 390 px`).toEqual([]);
		}
	});
}

test('the axe check still reports serious and critical violations: faint text, an image with no text alternative', async ({ page }) => {
	await page.setContent('<!doctype html><html lang="en"><title>t</title><main><h1>t</h1><p style="color:#bbb;background:#fff">faint text</p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></html>');
	const found = await seriousViolations(page);
	expect(found.map((v) => v.split(':')[0]).sort()).toEqual(['color-contrast', 'image-alt']);
});
