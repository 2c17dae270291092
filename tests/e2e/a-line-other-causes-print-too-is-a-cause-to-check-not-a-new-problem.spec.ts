/**
 * A line that other causes print too, of which one article is known (match.ts `possible`): the paste box
 * offers that article as a cause to check, with its "How to confirm", and gives neither the "no known
 * error" verdict nor a confidence. The expected article comes from the matcher over the real articles.
 */
import { expect, test } from '@playwright/test';
import { createMatcher } from '../../src/lib/matcher/index.ts';
import { pasteStatusMessages, possibleMessages, verdictMessages } from '../../src/lib/messages.ts';
import { sectionPath } from '../../src/lib/addresses.ts';
import { MATCHER_INDEX } from './site.ts';

/** containers/podman#9807: a bind mount SELinux refused, seen in the container only as ls's refusal. */
const PASTE = ['root@065a7a2aaecd:/# ls app', "ls: cannot open directory 'app': Permission denied"].join('\n');

test('a shared line one article knows shows it as a possible cause to check, not a verdict', async ({ page }) => {
	const result = createMatcher(MATCHER_INDEX).match(PASTE);
	expect(result.matches).toEqual([]);
	expect(result.possible.length).toBeGreaterThan(0);
	const expected = result.possible[0].article.id;

	await page.goto('/');
	const main = page.locator('main');
	await main.getByLabel('Paste an error message').fill(PASTE);
	const item = main.locator('[data-known-errors] .possible-list li').first();
	await expect(item).toHaveAttribute('data-article', expected);
	await expect(item.locator('.possible-note')).toHaveText(possibleMessages.line(2));
	await expect(item.locator('.matched-line')).toHaveText("ls: cannot open directory 'app': Permission denied");
	await expect(item.getByRole('link', { name: possibleMessages.confirm() })).toHaveAttribute('href', sectionPath(expected, 'How to confirm'));
	await expect(main.locator('[data-known-errors] h3')).toHaveText(possibleMessages.heading());
	await expect(main.locator('[data-search-status]')).toContainText(possibleMessages.summary(1));
	await expect(main.locator('[data-search-status]')).not.toContainText(verdictMessages.noKnownError());
	await expect(main).not.toContainText('this may be a new problem');
	await expect(main.locator('[data-known-errors]')).not.toContainText(/confidence:/i);
	// The pages below, once searched, do not list the article again.
	await expect(main.locator('[data-search-status]')).not.toContainText(pasteStatusMessages.searchingPages());
	await expect(main.locator(`[data-text-results] a[href$="/kb/${expected}/"]`)).toHaveCount(0);
});

/** schollz/croc#190: a description around snap-confine's line, which the NFS article knows as one other causes print. */
const DESCRIBED = [
	'Croc installed via Ubuntu snap seems to have issues with non-local NFS storage too, even when not used with dotfiles etc as above.',
	'',
	'cannot open path of the current working directory: Permission denied',
].join('\n');

test('a possible cause is listed once: not again among the likely articles', async ({ page }) => {
	const result = createMatcher(MATCHER_INDEX).match(DESCRIBED);
	expect(result.matches).toEqual([]);
	const expected = result.possible[0].article.id;

	await page.goto('/');
	const main = page.locator('main');
	await main.getByLabel('Paste an error message').fill(DESCRIBED);
	await expect(main.locator('[data-known-errors] .possible-list li').first()).toHaveAttribute('data-article', expected);
	await expect(main.locator('[data-search-status]')).toContainText(possibleMessages.summary(1));
	await expect(main.locator(`[data-likely-articles] [data-article="${expected}"]`)).toHaveCount(0);
	// No other article is likely here: no "none stands out" note under the possible cause either.
	await expect(main.locator('[data-likely-articles]')).toBeHidden();
});
