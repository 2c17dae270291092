import { expect, test } from '@playwright/test';
const SECRET = 'tok-9f8e7d-internal.corp.example';

test('pasting, matching, searching and walking the wizard send no part of the pasted text', async ({ page }) => {
	const sent: string[] = [];
	page.on('request', (r) => sent.push(`${decodeURIComponent(r.url())} ${r.postData() ?? ''}`));
	const paste = `Jan 18 14:04:36 ${SECRET} kernel: overlayfs: failed to resolve '/sysroot/nix/.ro-store': -2\nToken: ${SECRET}`;
	await page.goto('/');
	await page.locator('main').getByLabel('Paste an error message').fill(paste);
	await expect(page.locator('main .match-list li').first()).toBeVisible();
	await page.getByRole('link', { name: 'Search', exact: true }).click();
	await page.getByRole('dialog', { name: 'Search' }).getByLabel('Paste an error message').fill(`seccomp ${SECRET}`);
	await expect(page.locator('dialog [data-search-status]')).not.toHaveText('');
	await page.goto('/wizard/nix-error/');
	// A long error check offers its paste box first, already open (LONG_ERROR_CHECK).
	await expect(page.locator('main details[data-paste-first]')).toHaveAttribute('open', '');
	await page.locator('main').getByLabel('Paste an error message').fill(paste);
	await page.locator('main').getByRole('button', { name: 'Find the cause' }).click();
	await expect(page).toHaveURL(/\/wizard\/result-overlay-race\/$/);
	for (const fragment of [SECRET, 'internal.corp', 'overlayfs', 'ro-store', 'Token']) {
		expect(sent.filter((s) => s.includes(fragment))).toEqual([]);
	}
});
