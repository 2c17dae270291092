import { expect, test } from '@playwright/test';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const ARTICLE = '/kb/crun-rootless-supplementary-group/';

test('the article copy buttons copy its URL, a Markdown link and an issue comment', async ({ page, baseURL }) => {
	await page.goto(ARTICLE);
	const bar = page.locator('[data-share]');
	const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
	await bar.getByRole('button', { name: 'Copy URL' }).click();
	expect(await clipboard()).toBe('https://faultline.dev/kb/crun-rootless-supplementary-group/');
	await bar.getByRole('button', { name: 'Copy Markdown link' }).click();
	expect(await clipboard()).toMatch(/^\[FL-0004: Rootless Podman: .*\]\(https:\/\/faultline\.dev\/kb\/crun-rootless-supplementary-group\/\)$/);
	await bar.getByRole('button', { name: 'Copy issue comment' }).click();
	expect(await clipboard()).toContain('Root cause: crun calls setgroups(2)');
	await expect(bar.getByRole('status')).toHaveText('Copied: issue comment');
	expect(baseURL).toBeTruthy();
});

test('every fix has its own copy buttons, linking to its anchor', async ({ page }) => {
	await page.goto(ARTICLE);
	const fixBars = page.locator('[data-fix-share]');
	await expect(fixBars).toHaveCount(3);
	await page.locator('[data-fix-share="keep-groups"]').getByRole('button', { name: 'Copy Markdown link' }).click();
	expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\(https:\/\/faultline\.dev\/kb\/crun-rootless-supplementary-group\/#keep-groups\)$/);
});
