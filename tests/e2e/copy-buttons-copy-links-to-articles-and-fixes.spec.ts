import { expect, test } from '@playwright/test';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const ARTICLE = '/kb/crun-rootless-supplementary-group/';

test('the article copy buttons copy its URL, a Markdown link and an issue comment', async ({ page, baseURL }) => {
	await page.goto(ARTICLE);
	const bar = page.locator('[data-share]');
	const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
	// The page writes the clipboard asynchronously and says so in its status line when the write is done:
	// each read waits for that (reading at once could still see the previous button's text).
	await bar.getByRole('button', { name: 'Copy URL' }).click();
	await expect(bar.getByRole('status')).toHaveText('Copied: URL');
	expect(await clipboard()).toBe('https://faultline.dev/kb/crun-rootless-supplementary-group/');
	await bar.getByRole('button', { name: 'Copy Markdown link' }).click();
	await expect(bar.getByRole('status')).toHaveText('Copied: Markdown link');
	expect(await clipboard()).toMatch(/^\[FL-0004: Rootless Podman: .*\]\(https:\/\/faultline\.dev\/kb\/crun-rootless-supplementary-group\/\)$/);
	await bar.getByRole('button', { name: 'Copy issue comment' }).click();
	await expect(bar.getByRole('status')).toHaveText('Copied: issue comment');
	expect(await clipboard()).toContain('Root cause: crun calls setgroups(2)');
	expect(baseURL).toBeTruthy();
});

test('every fix has its own copy buttons, linking to its anchor', async ({ page }) => {
	await page.goto(ARTICLE);
	const fixBars = page.locator('[data-fix-share]');
	await expect(fixBars).toHaveCount(3);
	const fix = page.locator('[data-fix-share="keep-groups"]');
	// In the article's Markdown, as beside its title: the buttons stand on one line, their tops level.
	const tops = await fix.getByRole('button').evaluateAll((buttons) => buttons.map((b) => Math.round(b.getBoundingClientRect().top)));
	expect(new Set(tops).size, `button tops ${tops}`).toBe(1);
	await fix.getByRole('button', { name: 'Copy Markdown link' }).click();
	await expect(fix.getByRole('status')).toHaveText('Copied: Markdown link');
	expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\(https:\/\/faultline\.dev\/kb\/crun-rootless-supplementary-group\/#keep-groups\)$/);
});
