import { expect, test, type Page } from '@playwright/test';

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

test('a text with no known error stays on the step and says so', async ({ page }) => {
	// A log line (a few plain words would be a search, which gives no verdict).
	await pasteOnStep(page, 'microvm', 'Jan 1 00:00:01 host app[42]: error: something else entirely went wrong');
	await expect(page.locator('main [data-known-errors] h3')).toHaveText('Known errors');
	await expect(page).toHaveURL(/\/wizard\/microvm\/$/);
});
