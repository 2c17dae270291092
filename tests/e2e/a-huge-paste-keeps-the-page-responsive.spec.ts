import { expect, test, type Page } from '@playwright/test';

/** Fill a clipboard in the page, in a task of its own, so later measurements see only the page's handling. */
async function fillClipboard(page: Page, text: string) {
	await page.evaluate((t) => {
		const data = new DataTransfer();
		data.setData('text/plain', t);
		(window as unknown as { clipboard: DataTransfer }).clipboard = data;
	}, text);
}

/** Paste the clipboard into the paste box the way the browser does: a paste event with clipboard data. */
async function paste(page: Page) {
	await page.locator('main').getByLabel('Paste an error message').evaluate((el) => {
		const data = (window as unknown as { clipboard: DataTransfer }).clipboard;
		const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
		if (el.dispatchEvent(event)) {
			// Not taken by the page: the browser would insert the text itself.
			(el as HTMLTextAreaElement).value = data.getData('text/plain');
			el.dispatchEvent(new Event('input', { bubbles: true }));
		}
	});
}

async function watchLongTasks(page: Page) {
	await page.evaluate(() => {
		const w = window as unknown as { longTasks: number[] };
		w.longTasks = [];
		new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask' });
	});
	return () => page.evaluate(() => Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks));
}

test('a 5 MB paste is matched without freezing the page', async ({ page }) => {
	await page.goto('/');
	const filler = 'Nov 23 01:00:00 host app[1234]: routine log line with nothing wrong in it\n'.repeat(75_000); // about 5.3 MB
	await fillClipboard(page, `${filler}Nov 23 01:00:01 host kernel: overlayfs: failed to resolve '/sysroot/nix/.ro-store': -2\n`);
	const longest = await watchLongTasks(page);
	await paste(page);
	const first = page.locator('main [data-known-errors] .match-list li').first();
	await expect(first).toHaveAttribute('data-article', 'microvm-overlay-ro-store-race', { timeout: 20_000 });
	await expect(page.locator('main').getByLabel('Paste an error message')).toHaveValue(/5\.\d MB pasted: the box shows the start, the whole text is matched\]$/);
	expect(await longest()).toBeLessThan(200);
});

test('a paste over the limit is cut, and the page says so', async ({ page }) => {
	await page.goto('/');
	await fillClipboard(page, `${'x'.repeat(1023)}\n`.repeat(9 * 1024)); // 9 MB, over the 8 MB limit
	await paste(page);
	await expect(page.locator('main [data-search-status]')).toContainText('only the first 8.0 MB were read', { timeout: 20_000 });
});

for (const [name, text] of [
	['a single line of 1 MB', `${'x'.repeat(1024 * 1024)} error: unable to load seccomp BPF program: Invalid argument`],
	['a million short lines', `${'ok\n'.repeat(1_000_000)}error: unable to load seccomp BPF program: Invalid argument\n`],
] as const) {
	test(`${name} is matched without freezing the page`, async ({ page }) => {
		await page.goto('/');
		await fillClipboard(page, text);
		const longest = await watchLongTasks(page);
		await paste(page);
		await expect(page.locator('main [data-known-errors] .match-list li').first()).toHaveAttribute('data-article', /seccomp/, { timeout: 20_000 });
		expect(await longest()).toBeLessThan(200);
	});
}
