import { expect, test } from '@playwright/test';
import { ARTICLES } from './site.ts';

test('the home page lists every article with its short ID and links to it', async ({ page }) => {
	await page.goto('/');
	const items = page.locator('.article-list li');
	await expect(items).toHaveCount(ARTICLES.length);
	for (const article of ARTICLES) {
		const item = page.locator(`.article-list li[data-article="${article.id}"]`);
		await expect(item.locator('.short-id')).toHaveText(article.shortId);
		await expect(item.getByRole('link', { name: article.title })).toHaveAttribute('href', `/kb/${article.id}/`);
	}
});

test('every product with articles has an index page listing exactly its articles', async ({ page }) => {
	const products = [...new Set(ARTICLES.flatMap((a) => a.products))];
	await page.goto('/');
	await expect(page.locator('.product-grid li')).toHaveCount(products.length);
	for (const product of products) {
		await page.goto(`/products/${product}/`);
		const expected = ARTICLES.filter((a) => a.products.includes(product)).map((a) => a.id).sort();
		const listed = await page.locator('.article-list li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-article')));
		expect(listed.sort()).toEqual(expected);
	}
});
