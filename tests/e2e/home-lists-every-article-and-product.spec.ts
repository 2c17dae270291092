import { expect, test } from '@playwright/test';
import { ARTICLES } from './site.ts';
import { plainText } from '../../src/lib/inline-code.ts';

test('the home page lists the ten newest articles, newest first, with their short IDs and links', async ({ page }) => {
	await page.goto('/');
	const newest = [...ARTICLES].sort((a, b) => Number(b.shortId.slice(3)) - Number(a.shortId.slice(3))).slice(0, 10);
	const listed = await page.locator('.article-list li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-article')));
	expect(listed).toEqual(newest.map((a) => a.id));
	for (const article of newest) {
		const item = page.locator(`.article-list li[data-article="${article.id}"]`);
		await expect(item.locator('.short-id')).toHaveText(article.shortId);
		// A title's `code` renders as code, so the link's accessible name is the title without its backticks.
		await expect(item.getByRole('link', { name: plainText(article.title) })).toHaveAttribute('href', `/kb/${article.id}/`);
	}
	await expect(page.getByText(`All ${ARTICLES.length} articles are listed by product`)).toBeVisible();
});

test('every article is listed on the index page of each of its products, and only there', async ({ page }) => {
	const products = [...new Set(ARTICLES.flatMap((a) => a.products))];
	await page.goto('/');
	await expect(page.locator('.product-grid li')).toHaveCount(products.length);
	for (const product of products) {
		// A product's articles may run over several pages: follow "Next page" to the end.
		const listed: (string | null)[] = [];
		await page.goto(`/products/${product}/`);
		for (;;) {
			listed.push(...(await page.locator('.article-list li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-article')))));
			const next = page.locator('nav.pages a[rel="next"]');
			if ((await next.count()) === 0) break;
			// The click returns once the next page starts to arrive: wait for it to be loaded before reading its list.
			const href = (await next.getAttribute('href'))!;
			await next.click();
			await page.waitForURL(new URL(href, page.url()).href);
		}
		const expected = ARTICLES.filter((a) => a.products.includes(product)).map((a) => a.id).sort();
		expect(listed.sort()).toEqual(expected);
	}
});
