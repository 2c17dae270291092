import { expect, test } from '@playwright/test';

test('a confident match on a wizard step jumps to its result step', async ({ page }) => {
	await page.goto('/wizard/start/');
	await page.getByText('Or paste an error message').click();
	await page.locator('main').getByLabel('Paste an error message').fill("Jan 18 14:04:36 host kernel: overlayfs: failed to resolve '/sysroot/nix/.ro-store': -2");
	await page.locator('main').getByRole('button', { name: 'Find the cause' }).click();
	await expect(page).toHaveURL(/\/wizard\/result-overlay-race\/$/);
});

test('an ambiguous match on a wizard step jumps to the question that tells the causes apart', async ({ page }) => {
	await page.goto('/wizard/start/');
	await page.getByText('Or paste an error message').click();
	await page.locator('main').getByLabel('Paste an error message').fill('Error: crun: make `/srv/x/storage/overlay/abc/merged` private: Permission denied: OCI permission denied');
	await page.locator('main').getByRole('button', { name: 'Find the cause' }).click();
	await expect(page).toHaveURL(/\/wizard\/podman-keep-id\/$/);
});

test('a text with no known error stays on the step and says so', async ({ page }) => {
	await page.goto('/wizard/microvm/');
	await page.getByText('Or paste an error message').click();
	// A log line (a few plain words would be a search, which gives no verdict).
	await page.locator('main').getByLabel('Paste an error message').fill('Jan 1 00:00:01 host app[42]: error: something else entirely went wrong');
	await page.locator('main').getByRole('button', { name: 'Find the cause' }).click();
	await expect(page.locator('main [data-known-errors] h3')).toHaveText('No known error matches this text');
	await expect(page).toHaveURL(/\/wizard\/microvm\/$/);
});
