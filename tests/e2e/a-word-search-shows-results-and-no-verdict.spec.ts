/**
 * A few words are a search, not a failed paste (issue 15): the matching
 * articles and Pagefind's pages, and never "No known error matches this
 * text" or "this may be a new problem". Expected articles come from the
 * ranker over the real articles.
 */
import { expect, test, type Locator } from '@playwright/test';
import { createProseRanker } from '../../src/lib/prose.ts';
import { proseDocsOf } from '../../src/lib/prose-docs.ts';
import { LOADED_ARTICLES } from './site.ts';

const ranker = createProseRanker(proseDocsOf(LOADED_ARTICLES));

async function expectSearch(panel: Locator, words: string) {
	const expected = ranker.rank(words);
	expect(expected.length, `the ranker finds an article for "${words}"`).toBeGreaterThan(0);
	await panel.getByLabel('Paste an error message').fill(words);
	await expect(panel.locator('[data-likely-articles] .likely-list li').first()).toHaveAttribute('data-article', expected[0].id);
	await expect(panel.locator('[data-likely-articles] .likely-badge').first()).toHaveText('likely');
	await expect(panel.locator('[data-text-results] .search-results li a').first()).toBeVisible();
	await expect(panel.locator('[data-search-status]')).toContainText('Search:');
	await expect(panel.locator('[data-search-status]')).not.toContainText('No known error');
	await expect(panel.locator('[data-known-errors]')).toBeHidden();
	await expect(panel).not.toContainText('this may be a new problem');
}

test('a word search in the search dialog shows articles and pages, and no known-error verdict', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Search', exact: true }).click();
	const dialog = page.getByRole('dialog', { name: 'Search' });
	await expectSearch(dialog, 'subuid');
});

test('two search words on the home page show articles and pages, and no known-error verdict', async ({ page }) => {
	await page.goto('/');
	await expectSearch(page.locator('main'), 'newuidmap setuid');
});
