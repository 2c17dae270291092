import { expect, test, type Page } from '@playwright/test';

const TABS = 120;

/**
 * Tab until the focused link has this text, then press Enter: no mouse. At most TABS presses: Nix's error
 * check lists 107 lines after its paste box (a long check offers the box first, LONG_ERROR_CHECK).
 */
async function chooseByKeyboard(page: Page, text: string) {
	for (let i = 0; i < TABS; i++) {
		await page.keyboard.press('Tab');
		const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
		if (focused === text) {
			const before = page.url();
			await page.keyboard.press('Enter');
			await page.waitForURL((url) => url.href !== before);
			return;
		}
	}
	throw new Error(`no focusable link "${text}" within ${TABS} tabs`);
}

test('a reader can walk to a root cause with the keyboard alone', async ({ page }) => {
	await page.goto('/wizard/start/');
	await chooseByKeyboard(page, 'Installing, uninstalling or using Nix (a build, a nix command, the daemon), on a computer, in a VM, in a container or in CI');
	await chooseByKeyboard(page, 'unable to load seccomp BPF program: Invalid argument');
	await chooseByKeyboard(page, 'Emulated or translated; another CPU architecture (docker buildx --platform, qemu-user), or x86_64 on Apple Silicon (OrbStack, Docker Desktop, Rosetta)');
	await chooseByKeyboard(page, "nix-installer v0.29.0 or v0.30.0, with --extra-conf 'filter-syscalls = false' that seems ignored");
	await expect(page).toHaveURL(/\/wizard\/result-nix-installer-ordering\/(\?picked=[^/]*)?$/);
	await chooseByKeyboard(page, 'The recommended fix, its trade-offs and evidence');
	await expect(page).toHaveURL(/\/kb\/nix-installer-seccomp-bpf\/#filter-syscalls$/);
	await expect(page.locator('#filter-syscalls')).toBeVisible();
});
