import { expect, test } from '@playwright/test';
import { ARTICLE_SECTIONS } from '../../src/lib/registry.ts';
import { ARTICLES } from './site.ts';

for (const article of ARTICLES) {
	test(`${article.shortId} ${article.id} renders its sections in the template order`, async ({ page }) => {
		await page.goto(`/kb/${article.id}/`);
		await expect(page.locator('h1')).toHaveText(article.title);
		await expect(page.locator('.article-meta .short-id')).toHaveText(article.shortId);
		const headings = await page.locator('.sl-markdown-content h2').allInnerTexts();
		expect(headings.map((h) => h.trim())).toEqual([...ARTICLE_SECTIONS]);

		// Symptoms, versions and references come from the front matter.
		await expect(page.locator('ul.symptoms li')).toHaveCount(article.symptoms.length);
		await expect(page.locator('table.versions tbody tr')).toHaveCount(article.versions.length);
		await expect(page.locator('ol.sources li')).toHaveCount(article.sources.length);

		// Every signature is on the page verbatim, in a code block with a copy button.
		const code = (await page.locator('.expressive-code pre').allInnerTexts()).join('\n');
		for (const s of article.signatures) expect(code).toContain(s.line);
		await expect(page.locator('.expressive-code .copy button').first()).toBeVisible();

		// The summary is the meta description.
		await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', article.summary);
	});
}
