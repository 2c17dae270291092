import { expect, test } from '@playwright/test';
import { settled } from './watch.ts';
import { ARTICLES } from './site.ts';
import { PREFETCH_WHOLE_BYTES } from '../../src/components/search/paste-limits.ts';
import type { BrowserDirectory } from '../../src/lib/matcher/browser-index.ts';

const isSearchCode = (url: string) => /\/pagefind\/|search-ui/.test(url);

for (const path of ['/', `/kb/${ARTICLES[0].id}/`]) {
	test(`${path} fetches no search code until search is opened`, async ({ page }) => {
		const fetched: string[] = [];
		page.on('request', (r) => fetched.push(r.url()));
		await page.goto(path);
		await settled(page);
		expect(fetched.filter(isSearchCode)).toEqual([]);
		expect(fetched.filter((u) => u.includes('/api/v1/matcher'))).toEqual([]);

		await page.getByRole('link', { name: 'Search', exact: true }).click();
		await page.getByRole('dialog', { name: 'Search' }).getByLabel('Paste an error message').fill('nix');
		await expect.poll(() => fetched.filter((u) => u.includes('/pagefind/pagefind.js')).length).toBeGreaterThan(0);
	});
}

test('putting the cursor in the paste box fetches the matcher\'s directory, and the whole index only when it is small; no shard until a paste', async ({ page }) => {
	const fetched: string[] = [];
	page.on('request', (r) => fetched.push(r.url()));
	await page.goto('/');
	await settled(page);
	await page.locator('main [data-search-input]').focus();
	await expect.poll(() => fetched.filter((u) => u.endsWith('/api/v1/matcher/directory.json')).length).toBe(1);
	const directory = (await (await page.request.get('/api/v1/matcher/directory.json')).json()) as BrowserDirectory;
	if (directory.wholeBytes <= PREFETCH_WHOLE_BYTES) await expect.poll(() => fetched.filter((u) => u.endsWith('/api/v1/matcher/whole.json')).length).toBe(1);
	else {
		await settled(page);
		expect(fetched.filter((u) => u.endsWith('/api/v1/matcher/whole.json'))).toEqual([]);
	}
	expect(fetched.filter((u) => /\/api\/v1\/matcher(?:-index|\/shard-|\/display\/)/.test(u))).toEqual([]);
});
