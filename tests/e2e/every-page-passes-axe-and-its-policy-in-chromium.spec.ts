/**
 * The one browser pass over every built page: each is loaded once in Chromium, with JavaScript, and
 * checked for everything that needs a browser: no Content-Security-Policy violation, no request to
 * another origin, no serious or critical axe violation, and on a redirect page (a short ID, a renamed
 * slug) the arrival at its article. Several pages per test, so the two workers share the pages out.
 */
import { expect, test } from '@playwright/test';
import { builtPages } from '../../src/lib/links.ts';
import { ARTICLES, DIST } from './site.ts';
import { settled, watchViolations } from './watch.ts';
import { seriousViolations } from './axe.ts';

const PAGES = builtPages(DIST).map((p) => ({ path: p.path, redirectTo: p.redirectTo }));
const TITLES = new Map(ARTICLES.map((a) => [`/kb/${a.id}/`, a.title]));
/**
 * Pages per test, by their cost: few enough that a test stays well inside its deadline on a loaded
 * machine, and that a failure names a short list; enough that a test's start-up is shared. An article
 * (long, with code blocks) costs axe about three times a wizard step or a list page: at load average 28
 * on 2 cores, a test of six articles (about 50 s each) ran past its five-minute deadline; two leave room.
 */
const BUDGET = 6;
const cost = (p: { path: string; redirectTo?: string }) => (TITLES.has(p.path) ? 3 : 1);
const CHUNKS: (typeof PAGES)[] = [];
for (const p of PAGES) {
	const last = CHUNKS.at(-1);
	if (last && last.reduce((sum, q) => sum + cost(q), 0) + cost(p) <= BUDGET) last.push(p);
	else CHUNKS.push([p]);
}

test(`the pass covers all ${PAGES.length} built pages`, () => {
	expect(CHUNKS.flat()).toEqual(PAGES);
	expect(PAGES.filter((p) => !p.redirectTo).length).toBeGreaterThan(ARTICLES.length);
	expect(PAGES.filter((p) => p.redirectTo).length).toBeGreaterThanOrEqual(ARTICLES.length * 2);
});

for (const chunk of CHUNKS) {
	test(`${chunk.map((p) => p.path).join(' ')}: no CSP violation, no other origin, no serious axe violation, redirects arrive`, async ({ page, baseURL }) => {
		const seen = await watchViolations(page);
		const foreign: string[] = [];
		page.on('request', (r) => {
			const url = new URL(r.url());
			if (url.protocol !== 'data:' && url.origin !== new URL(baseURL!).origin) foreign.push(`${page.url()} -> ${r.url()}`);
		});
		for (const { path, redirectTo } of chunk) {
			await page.goto(path);
			if (redirectTo) {
				// A short ID or a renamed slug: the page sends the reader on (with JavaScript, keeping any anchor).
				// Its own scripts have run once the browser is on its way; that the page there is the article
				// with its title is checked in the built HTML (every-built-page-holds-its-content-policy-and-links).
				const target = new URL(redirectTo, baseURL).pathname;
				await page.waitForURL(new RegExp(`${target}$`), { waitUntil: 'commit' });
				expect(seen, path).toEqual([]);
				continue;
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
			const serious = await seriousViolations(page);
			expect(serious, `axe on ${path}`).toEqual([]);
		}
		expect(foreign).toEqual([]);
	});
}

test('the axe check still reports serious and critical violations: faint text, an image with no text alternative', async ({ page }) => {
	await page.setContent('<!doctype html><html lang="en"><title>t</title><main><h1>t</h1><p style="color:#bbb;background:#fff">faint text</p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></html>');
	const found = await seriousViolations(page);
	expect(found.map((v) => v.split(':')[0]).sort()).toEqual(['color-contrast', 'image-alt']);
});
