import { expect, test } from '@playwright/test';
import { ARTICLES } from './site.ts';
import { seriousViolations } from './axe.ts';

// Every short ID, in both cases: without JavaScript, each page's refresh names its article
// (every-built-page-holds-its-content-policy-and-links.spec.ts), and each page runs only the redirect
// script that Chromium runs, with JavaScript, on one short ID of each case, arriving at its article
// (every-page-passes-axe-and-its-policy-in-chromium.spec.ts, templates.ts). Here a real browser without
// JavaScript follows one such refresh, both cases.
test.describe('with JavaScript off', () => {
	test.use({ javaScriptEnabled: false });
	const a = ARTICLES[0];
	test(`/${a.shortId}/ and /${a.shortId.toLowerCase()}/ lead to /kb/${a.id}/`, async ({ page }) => {
		for (const path of [`/${a.shortId}/`, `/${a.shortId.toLowerCase()}/`]) {
			await page.goto(path);
			await expect(page).toHaveURL(new RegExp(`/kb/${a.id}/$`));
			await expect(page.locator('h1')).toHaveText(a.title);
		}
	});
});

test('a short ID link keeps its anchor', async ({ page }) => {
	await page.goto(`/${ARTICLES[0].shortId}/#how-to-confirm`);
	await expect(page).toHaveURL(new RegExp(`/kb/${ARTICLES[0].id}/#how-to-confirm$`));
	await expect(page.locator('#how-to-confirm')).toBeInViewport();
});

test('a short ID without its slash resolves, on the README\'s own server (astro preview)', async ({ page }) => {
	const a = ARTICLES[0];
	for (const path of [`/${a.shortId}`, `/${a.shortId.toLowerCase()}`]) {
		await page.goto(path);
		await expect(page).toHaveURL(new RegExp(`/kb/${a.id}/$`));
		await expect(page.locator('h1')).toHaveText(a.title);
	}
});

test('an ID no article has gets the 404 page, which says so and offers the paste box', async ({ page }) => {
	const next = `FL-${String(Math.max(...ARTICLES.map((a) => Number(a.shortId.slice(3)))) + 1).padStart(4, '0')}`;
	// Without its slash the page tries the slash form first (as a host that adds none would need), then says so.
	for (const path of [`/${next}/`, `/${next.toLowerCase()}`]) {
		const response = await page.goto(path);
		expect(response?.status()).toBe(404);
		await expect(page.locator('[data-not-found-id]')).toHaveText(new RegExp(`No article has the ID ${next}\\.`));
		await expect(page.getByRole('textbox', { name: 'Paste an error message' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'search the articles' })).toHaveAttribute('href', '/search/');
	}
	expect(await seriousViolations(page)).toEqual([]);
});
