import { expect, test } from '@playwright/test';
import { apiArticlesSchema } from '../../src/lib/api.ts';
import type { MatcherIndex } from '../../src/lib/matcher/index.ts';
import { ARTICLES } from './site.ts';

test('/api/v1/articles.json lists every article in the documented schema', async ({ request }) => {
	const doc = apiArticlesSchema.parse(await (await request.get('/api/v1/articles.json')).json());
	expect(doc.articles.map((a) => a.id).sort()).toEqual(ARTICLES.map((a) => a.id).sort());
});

test('/api/v1/matcher-index.json is the compiled matcher index', async ({ request }) => {
	const index = (await (await request.get('/api/v1/matcher-index.json')).json()) as MatcherIndex;
	expect(index.version).toBe(1);
	expect(index.articles.map((a) => a.id).sort()).toEqual(ARTICLES.map((a) => a.id).sort());
});

test('every article unfurls with its title and root cause, and is in the sitemap', async ({ page, request }) => {
	// One page load per article, one after another: the budget grows with the articles.
	test.setTimeout(10_000 + ARTICLES.length * 3_000);
	const sitemap = await (await request.get('/sitemap-0.xml')).text();
	for (const a of ARTICLES) {
		await page.goto(`/kb/${a.id}/`);
		await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', a.title);
		await expect(page.locator('meta[property="og:description"]')).toHaveAttribute('content', a.summary);
		await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `https://faultline.dev/kb/${a.id}/`);
		expect(sitemap).toContain(`<loc>https://faultline.dev/kb/${a.id}/</loc>`);
	}
});
