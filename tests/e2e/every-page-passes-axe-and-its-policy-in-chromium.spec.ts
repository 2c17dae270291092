/**
 * The one browser pass over every built page: each is loaded once in Chromium, with JavaScript, and
 * checked for everything that needs a browser: no Content-Security-Policy violation, no request to
 * another origin, no serious or critical axe violation, and on a redirect page (a short ID, a renamed
 * slug) the arrival at its article. Several pages per test, so the two workers share the pages out.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { builtPages } from '../../src/lib/links.ts';
import { ARTICLES, DIST } from './site.ts';
import { settled, watchViolations } from './watch.ts';

const PAGES = builtPages(DIST).map((p) => ({ path: p.path, redirectTo: p.redirectTo }));
const TITLES = new Map(ARTICLES.map((a) => [`/kb/${a.id}/`, a.title]));
/**
 * Pages per test: few enough that a test stays well inside its deadline on a loaded machine (axe takes
 * 1 to 2 s of CPU on an article; at load average 22 on 2 cores that was 25 s of wall time), and that a
 * failure names a short list; enough that a test's start-up is shared.
 */
const PER_TEST = 6;



test(`the pass covers all ${PAGES.length} built pages`, () => {
	expect(PAGES.filter((p) => !p.redirectTo).length).toBeGreaterThan(ARTICLES.length);
	expect(PAGES.filter((p) => p.redirectTo).length).toBeGreaterThanOrEqual(ARTICLES.length * 2);
});

for (let i = 0; i < PAGES.length; i += PER_TEST) {
	const chunk = PAGES.slice(i, i + PER_TEST);
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
			// Only violations are asked for: axe then skips serialising every passing node, a good part of its time.
			const { violations } = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
			const serious = violations
				.filter((v) => v.impact === 'serious' || v.impact === 'critical')
				.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
			expect(serious, `axe on ${path}`).toEqual([]);
		}
		expect(foreign).toEqual([]);
	});
}
