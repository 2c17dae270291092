import { expect, test, type Page } from '@playwright/test';

/** Tab until the focused link has this text, then press Enter: no mouse. */
async function chooseByKeyboard(page: Page, text: string) {
	for (let i = 0; i < 80; i++) {
		await page.keyboard.press('Tab');
		const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
		if (focused === text) {
			const before = page.url();
			await page.keyboard.press('Enter');
			await page.waitForURL((url) => url.href !== before);
			return;
		}
	}
	throw new Error(`no focusable link "${text}" within 80 tabs`);
}

test('a reader can walk to a root cause with the keyboard alone', async ({ page }) => {
	await page.goto('/wizard/start/');
	await chooseByKeyboard(page, 'Installing or uninstalling Nix, or building with Nix (also in a container or a CI image)');
	await chooseByKeyboard(page, 'unable to load seccomp BPF program: Invalid argument');
	await chooseByKeyboard(page, 'In a container or build for another CPU architecture (docker buildx --platform, x86_64 on Apple Silicon)');
	await chooseByKeyboard(page, 'Yes, with --extra-conf, but it seems ignored');
	await expect(page).toHaveURL(/\/wizard\/result-nix-installer-ordering\/$/);
	await chooseByKeyboard(page, 'The recommended fix');
	await expect(page).toHaveURL(/\/kb\/nix-installer-seccomp-bpf\/#filter-syscalls$/);
	await expect(page.locator('#filter-syscalls')).toBeVisible();
});
