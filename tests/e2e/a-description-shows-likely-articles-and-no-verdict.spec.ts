/**
 * A reader who describes the failure in words, with no error line, gets the
 * articles whose prose fits it, marked `likely`, with the words they share,
 * and no "no known error" verdict (issue 15). The expected article comes
 * from the ranker over the real articles, as the bench measures it.
 */
import { expect, test } from '@playwright/test';
import { createProseRanker } from '../../src/lib/prose.ts';
import { proseDocsOf } from '../../src/lib/prose-docs.ts';
import { LOADED_ARTICLES } from './site.ts';
import { plainText } from '../../src/lib/inline-code.ts';

/** The description from issue 15 (kind `prose` in the eval set). */
const DESCRIPTION = 'I am trying to run containers with CPU or memory limits, the container fails to start';
const EXPECTED = createProseRanker(proseDocsOf(LOADED_ARTICLES)).rank(DESCRIPTION);

test('a description on the home page shows likely articles, why they fit, and no known-error verdict', async ({ page }) => {
	expect(EXPECTED.length).toBeGreaterThan(0);
	await page.goto('/');
	await page.locator('main').getByLabel('Paste an error message').fill(DESCRIPTION);
	const likely = page.locator('main [data-likely-articles]');
	const first = likely.locator('.likely-list li').first();
	await expect(first).toHaveAttribute('data-article', EXPECTED[0].id);
	await expect(likely.locator('h3')).toHaveText('Likely articles');
	await expect(first.locator('.likely-badge')).toHaveText('likely');
	await expect(first.getByRole('link', { name: `${EXPECTED[0].shortId}: ${plainText(EXPECTED[0].title)}` })).toHaveAttribute('href', `/kb/${EXPECTED[0].id}/`);
	// Why: the words it shares with the description, and where they stand in the article.
	for (const { word } of EXPECTED[0].shared.slice(0, 6)) await expect(first.locator('.likely-why')).toContainText(`“${word}”`);
	await expect(likely.locator('.likely-list li')).toHaveCount(EXPECTED.length);
	// Answered, and with no verdict: no known-error section, no "new problem".
	await expect(page.locator('main [data-search-status]')).toContainText('likely article');
	await expect(page.locator('main [data-search-status]')).not.toContainText('No known error');
	await expect(page.locator('main [data-known-errors]')).toBeHidden();
	await expect(page.locator('main')).not.toContainText('this may be a new problem');
});

test('a description whose words meet no article says so, lists none, does not call it a new problem, and offers the wizard', async ({ page }) => {
	await page.goto('/');
	await page.locator('main').getByLabel('Paste an error message').fill('The weather is lovely and my cat sleeps on the sofa all afternoon.');
	await expect(page.locator('main [data-search-status]')).toContainText('no article stands out for this description');
	// A symptom with no error line is what the wizard is for: the answer points there, and lists no article.
	const likely = page.locator('main [data-likely-articles]');
	await expect(likely.locator('.likely-note')).toContainText('None: no article’s description fits these words.');
	await expect(likely.getByRole('link', { name: 'start the wizard' })).toHaveAttribute('href', '/wizard/');
	await expect(likely.locator('.likely-list')).toHaveCount(0);
	await expect(page.locator('main [data-known-errors]')).toBeHidden();
	await expect(page.locator('main')).not.toContainText('this may be a new problem');
});
