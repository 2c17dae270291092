import { expect, test } from '@playwright/test';
import { ARTICLES } from './site.ts';

for (const javaScriptEnabled of [true, false]) {
	test.describe(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });
		for (const a of ARTICLES) {
			test(`/${a.shortId}/ and /${a.shortId.toLowerCase()}/ lead to /kb/${a.id}/`, async ({ page }) => {
				for (const path of [`/${a.shortId}/`, `/${a.shortId.toLowerCase()}/`]) {
					await page.goto(path);
					await expect(page).toHaveURL(new RegExp(`/kb/${a.id}/$`));
					await expect(page.locator('h1')).toHaveText(a.title);
				}
			});
		}
	});
}

test('a short ID link keeps its anchor', async ({ page }) => {
	await page.goto(`/${ARTICLES[0].shortId}/#how-to-confirm`);
	await expect(page).toHaveURL(new RegExp(`/kb/${ARTICLES[0].id}/#how-to-confirm$`));
	await expect(page.locator('#how-to-confirm')).toBeInViewport();
});
