/**
 * A line that several known causes print: the candidates, and beside them
 * the one question that tells them apart, linked to that wizard step — the
 * same question the CLI and the issue bot print (engine.ts separatingQuestion).
 * The line comes from the articles; the question from the real tree.
 */
import { expect, test } from '@playwright/test';
import { jumpsOf, separatingQuestion } from '../../src/wizard/engine.ts';
import { TREE } from './site.ts';


/** crun prints this line for both a rootless supplementary group and keep-id with an owner-only home. */
const LINE = 'Error: crun: make `/srv/x/storage/overlay/abc/merged` private: Permission denied: OCI permission denied';
const CAUSES = ['crun-rootless-supplementary-group', 'podman-keep-id-owner-only-home'];
const QUESTION = separatingQuestion(jumpsOf(TREE), CAUSES)!;

/** A line both articles mark decisive: false (Podman's newuidmap failure): no answer alone before, candidates now. */
const SHARED = 'Error: cannot setup namespace using newuidmap: exit status 1';
const SHARED_CAUSES = ['podman-in-unprivileged-container', 'podman-newuidmap-not-setuid'];
const SHARED_QUESTION = separatingQuestion(jumpsOf(TREE), SHARED_CAUSES)!;

test('an ambiguous line on the home page lists its causes and the wizard question that tells them apart', async ({ page }) => {
	expect(QUESTION).toBeDefined();
	await page.goto('/');
	await page.locator('main').getByLabel('Paste an error message').fill(LINE);
	const known = page.locator('main [data-known-errors]');
	await expect(known.locator('.match-list li')).toHaveCount(CAUSES.length);
	expect((await known.locator('.match-list li').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.article))).sort()).toEqual(CAUSES);
	const note = known.locator('.ambiguous-note');
	await expect(note).toContainText(`${CAUSES.length} known causes print line 1`);
	const ask = note.getByRole('link', { name: QUESTION.prompt.replaceAll('`', '') });
	await expect(ask).toHaveAttribute('href', QUESTION.path);
	await expect(page.locator('main [data-likely-articles]')).toBeHidden();

	// A line each article marks decisive: false: every cause, none high, and its own question.
	expect(SHARED_QUESTION).toBeDefined();
	await page.locator('main').getByLabel('Paste an error message').fill(SHARED);
	// Both lines have two causes, so wait for this line's articles, not for a count.
	const articles = () => known.locator('.match-list li').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.article).sort());
	await expect.poll(articles).toEqual(SHARED_CAUSES);
	await expect(known.locator('.match-list')).not.toContainText(/high confidence/i);
	await expect(note.getByRole('link', { name: SHARED_QUESTION.prompt.replaceAll('`', '') })).toHaveAttribute('href', SHARED_QUESTION.path);

	await page.locator('main').getByLabel('Paste an error message').fill(LINE);
	await expect.poll(articles).toEqual(CAUSES);
	await ask.click();
	await expect(page).toHaveURL(new RegExp(`${QUESTION.path}$`));
	await expect(page.locator('main')).toContainText(QUESTION.prompt.replaceAll('`', ''));
});
