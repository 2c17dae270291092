import { expect, test } from '@playwright/test';
import { ARTICLE_SECTIONS } from '../../src/lib/registry.ts';
import { relatedIndex } from '../../src/lib/related.ts';
import { ARTICLES, TREE } from './site.ts';

test.use({ javaScriptEnabled: false });

const related = relatedIndex(ARTICLES);

for (const article of [ARTICLES[0], ARTICLES[Math.floor(ARTICLES.length / 2)], ARTICLES.at(-1)!]) {
	test(`${article.shortId} is whole without JavaScript: every section, its fixes, versions, sources and related failures`, async ({ page }) => {
		await page.goto(`/kb/${article.id}/`);
		const headings = await page.locator('.sl-markdown-content h2').allInnerTexts();
		expect(headings.map((h) => h.trim())).toEqual([...ARTICLE_SECTIONS]);
		await expect(page.locator('ul.symptoms li')).toHaveCount(article.symptoms.length);
		const code = (await page.locator('.sl-markdown-content pre').allInnerTexts()).join('\n');
		for (const s of article.signatures) expect(code).toContain(s.line);
		await expect(page.locator('.sl-markdown-content h3').first()).toBeVisible();
		await expect(page.locator('table.versions tbody tr')).toHaveCount(article.versions.length);
		await expect(page.locator('ol.sources li')).toHaveCount(article.sources.length);
		const listed = await page.locator('ul.related a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
		expect(listed).toEqual(related.get(article.id)!.map((r) => `/kb/${r.id}/`));
	});
}

test('a wizard step is answered by following links alone, and its result page names the article', async ({ page }) => {
	const start = TREE.nodes.find((n) => n.id === TREE.start)!;
	await page.goto(`/wizard/${start.id}/`);
	await expect(page.locator('h1')).toHaveText(start.kind === 'question' ? start.prompt : '');
	// Follow the first answer at every step until a result.
	for (let steps = 0; steps < 20 && !/\/wizard\/result-/.test(page.url()); steps++) {
		// The next step loaded (a click returns once the page starts to arrive) before its address is read again.
		const link = page.locator('main .wizard-choices a').first();
		const href = (await link.getAttribute('href'))!;
		await link.click();
		await page.waitForURL(new URL(href, page.url()).href);
	}
	expect(page.url()).toMatch(/\/wizard\/result-/);
	await expect(page.locator('main a[href^="/kb/"]').first()).toBeVisible();
});
