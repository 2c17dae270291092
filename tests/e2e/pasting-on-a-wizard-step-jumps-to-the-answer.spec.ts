import { expect, test, type Page } from '@playwright/test';
import { choicesOf } from '../../src/wizard/engine.ts';
import { LONG_ERROR_CHECK } from '../../src/wizard/site.ts';
import { TREE } from './site.ts';

/** Opens a wizard step, pastes `text` into its paste box and asks for the cause. */
async function pasteOnStep(page: Page, step: string, text: string) {
	await page.goto(step ? `/wizard/${step}/` : '/wizard/');
	await page.getByText('Or paste an error message').click();
	await page.locator('main').getByLabel('Paste an error message').fill(text);
	await page.locator('main').getByRole('button', { name: 'Find the cause' }).click();
}

test('a confident match on a wizard step jumps to its result step', async ({ page }) => {
	await pasteOnStep(page, 'start', "Jan 18 14:04:36 host kernel: overlayfs: failed to resolve '/sysroot/nix/.ro-store': -2");
	await expect(page).toHaveURL(/\/wizard\/result-overlay-race\/$/);
});

test('the first step at /wizard/ offers the paste box too, and a confident match there jumps to its result step', async ({ page }) => {
	await pasteOnStep(page, '', "Jan 18 14:04:36 host kernel: overlayfs: failed to resolve '/sysroot/nix/.ro-store': -2");
	await expect(page).toHaveURL(/\/wizard\/result-overlay-race\/$/);
});

test('an ambiguous match on a wizard step jumps to the question that tells the causes apart', async ({ page }) => {
	await pasteOnStep(page, 'start', 'Error: crun: make `/srv/x/storage/overlay/abc/merged` private: Permission denied: OCI permission denied');
	await expect(page).toHaveURL(/\/wizard\/podman-keep-id\/$/);
});

test('a line other causes print too, of which one is known, jumps to the question that asks after that cause', async ({ page }) => {
	// containers/podman#9807: a bind mount SELinux refused, seen in the container only as ls's refusal.
	await pasteOnStep(page, 'start', "ls: cannot open directory 'app': Permission denied");
	await expect(page).toHaveURL(/\/wizard\/podman-volume-enforcing\/$/);
});

test('a text with no known error stays on the step and says so', async ({ page }) => {
	// A log line (a few plain words would be a search, which gives no verdict).
	await pasteOnStep(page, 'microvm', 'Jan 1 00:00:01 host app[42]: error: something else entirely went wrong');
	await expect(page.locator('main [data-known-errors] h3')).toHaveText('Known errors');
	await expect(page).toHaveURL(/\/wizard\/microvm\/$/);
});

test('a long error check puts its paste box first, open, above the list; a short one keeps it closed after', async ({ page }) => {
	const checks = TREE.nodes.filter((n) => n.kind === 'error-check');
	const long = checks.find((n) => choicesOf(n).length > LONG_ERROR_CHECK)!;
	const short = checks.find((n) => choicesOf(n).length <= LONG_ERROR_CHECK)!;
	await page.goto(`/wizard/${long.id}/`);
	const first = page.locator('main details.wizard-paste');
	await expect(first).toHaveCount(1);
	await expect(first).toHaveAttribute('open', '');
	const before = await page.evaluate(() => {
		const paste = document.querySelector('main details.wizard-paste')!;
		const list = document.querySelector('main .wizard-choices')!;
		return Boolean(paste.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING);
	});
	expect(before).toBe(true);
	await page.locator('main').getByLabel('Paste an error message').fill("Jan 18 14:04:36 host kernel: overlayfs: failed to resolve '/sysroot/nix/.ro-store': -2");
	await page.locator('main').getByRole('button', { name: 'Find the cause' }).click();
	await expect(page).toHaveURL(/\/wizard\/result-overlay-race\/$/);
	await page.goto(`/wizard/${short.id}/`);
	await expect(page.locator('main details.wizard-paste')).not.toHaveAttribute('open', '');
	await expect(page.getByText('Or paste an error message')).toBeVisible();
});
