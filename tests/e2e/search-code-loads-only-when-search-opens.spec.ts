import { expect, test } from '@playwright/test';
import { settled } from './watch.ts';
import { ARTICLES } from './site.ts';

const isSearchCode = (url: string) => /\/pagefind\/|search-ui/.test(url);

for (const path of ['/', `/kb/${ARTICLES[0].id}/`]) {
	test(`${path} fetches no search code until search is opened`, async ({ page }) => {
		const fetched: string[] = [];
		page.on('request', (r) => fetched.push(r.url()));
		await page.goto(path);
		await settled(page);
		expect(fetched.filter(isSearchCode)).toEqual([]);

		await page.getByRole('link', { name: 'Search' }).click();
		await page.getByRole('dialog', { name: 'Search' }).getByLabel('Paste an error message').fill('nix');
		await expect.poll(() => fetched.filter((u) => u.includes('/pagefind/pagefind.js')).length).toBeGreaterThan(0);
	});
}
