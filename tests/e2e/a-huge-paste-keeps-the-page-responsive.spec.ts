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

/**
 * Record the length of every text the page hands to a Web Worker (the matcher
 * runs in one). Call before `page.goto`. Returns a reader of the longest: a
 * paste matched in the worker shows up here whole, whatever the machine's
 * load, where a task's duration would only say how busy the machine was.
 */
async function recordWorkerTexts(page: Page) {
	await page.addInitScript(() => {
		const w = window as unknown as { workerTexts: number[] };
		w.workerTexts = [];
		const post = Worker.prototype.postMessage;
		Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
			const text = (message as { text?: unknown } | null)?.text;
			if (typeof text === 'string') w.workerTexts.push(text.length);
			return (post as (...args: unknown[]) => void).call(this, message, ...rest);
		} as Worker['postMessage'];
	});
	return () => page.evaluate(() => Math.max(0, ...(window as unknown as { workerTexts: number[] }).workerTexts));
}

/**
 * The longest main-thread task from now on, attached to the test's report only: a duration says
 * as much about the machine's load as about the page, so it is never asserted (what is asserted is
 * that the text went to the worker whole and stayed out of the box).
 */
async function reportLongTasks(page: Page) {
	const longest = await watchLongTasks(page);
	return async (since = 0) => test.info().annotations.push({ type: 'longest main-thread task', description: `${Math.round(await longest(since))} ms` });
}

/** The longest main-thread task from now on; `since` (a performance.now() time) leaves out tasks that started before it. */
async function watchLongTasks(page: Page) {
	await page.evaluate(() => {
		const w = window as unknown as { longTasks: { start: number; duration: number }[] };
		w.longTasks = [];
		new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push({ start: e.startTime, duration: e.duration }))).observe({ type: 'longtask' });
	});
	return (since = 0) =>
		page.evaluate((from) => Math.max(0, ...(window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks.filter((t) => t.start >= from).map((t) => t.duration)), since);
}

test('a 5 MB paste is matched in the worker, whole, and kept out of the box', async ({ page }) => {
	const workerText = await recordWorkerTexts(page);
	await page.goto('/');
	const filler = 'Nov 23 01:00:00 host app[1234]: routine log line with nothing wrong in it\n'.repeat(75_000); // about 5.3 MB
	await fillClipboard(page, `${filler}Nov 23 01:00:01 host kernel: overlayfs: failed to resolve '/sysroot/nix/.ro-store': -2\n`);
	const report = await reportLongTasks(page);
	await paste(page);
	const first = page.locator('main [data-known-errors] .match-list li').first();
	await expect(first).toHaveAttribute('data-article', 'microvm-overlay-ro-store-race');
	await expect(page.locator('main').getByLabel('Paste an error message')).toHaveValue(/5\.\d MB pasted: the box shows the start, the whole text is matched\]$/);
	expect(await workerText()).toBeGreaterThan(5_000_000);
	await report();
});

test('a paste over the limit is cut, and the page says so', async ({ page }) => {
	await page.goto('/');
	await fillClipboard(page, `${'x'.repeat(1023)}\n`.repeat(9 * 1024)); // 9 MB, over the 8 MB limit
	await paste(page);
	await expect(page.locator('main [data-search-status]')).toContainText('only the first 8.0 MB were read');
});

for (const [name, text] of [
	['a single line of 1 MB', `${'x'.repeat(1024 * 1024)} error: unable to load seccomp BPF program: Invalid argument`],
	['a million short lines', `${'ok\n'.repeat(1_000_000)}error: unable to load seccomp BPF program: Invalid argument\n`],
] as const) {
	test(`${name} is matched in the worker, whole`, async ({ page }) => {
		const workerText = await recordWorkerTexts(page);
		await page.goto('/');
		await fillClipboard(page, text);
		const report = await reportLongTasks(page);
		await paste(page);
		await expect(page.locator('main [data-known-errors] .match-list li').first()).toHaveAttribute('data-article', /seccomp/);
		expect(await workerText()).toBe(text.length);
		await report();
	});
}

const ERROR_LINE = "Nov 23 01:00:01 host kernel: overlayfs: failed to resolve '/sysroot/nix/.ro-store': -2";
const FILLER = 'Nov 23 01:00:00 host app[1234]: routine log line with nothing wrong in it\n'.repeat(75_000); // about 5.3 MB

test('typing after a large paste keeps the whole text as the input', async ({ page }) => {
	await page.goto('/');
	await fillClipboard(page, `${FILLER}${ERROR_LINE}\n`);
	await paste(page);
	const first = page.locator('main [data-known-errors] .match-list li').first();
	await expect(first).toHaveAttribute('data-article', 'microvm-overlay-ro-store-race');
	// The error is past the preview: only the whole text can still find it.
	const box = page.locator('main').getByLabel('Paste an error message');
	await box.press('End');
	await box.pressSequentially(' x');
	await expect(page.locator('main [data-search-status]')).toContainText('1 known error found');
	await expect(first).toHaveAttribute('data-article', 'microvm-overlay-ro-store-race');
	// Replacing the text (the note goes with it) makes the box alone the input.
	await box.fill('Nov 23 01:00:00 host app[1234]: routine log line with nothing known in it');
	await expect(page.locator('main [data-known-errors] h3')).toHaveText('No known error matches this text');
});

for (const [how, drop] of [
	['set without a paste event (autofill, a script)', false],
	['dropped', true],
] as const) {
	test(`5 MB ${how} goes to the worker, whole, and out of the box`, async ({ page }) => {
		const workerText = await recordWorkerTexts(page);
		await page.goto('/');
		await page.evaluate((t) => ((window as unknown as { big: string }).big = t), `${FILLER}${ERROR_LINE}\n`);
		const report = await reportLongTasks(page);
		// One task, as the browser's own insertion is: the text lands in the box, then the input event.
		// Setting 5 MB is the browser's cost, not the page's; what the page must do is take the text out
		// of the box in that same task, before any layout, and leave nothing heavy for later tasks.
		const [inBox, after] = await page
			.locator('main')
			.getByLabel('Paste an error message')
			.evaluate((el, asDrop) => {
				const box = el as HTMLTextAreaElement;
				const text = (window as unknown as { big: string }).big;
				if (asDrop) {
					const data = new DataTransfer();
					data.setData('text/plain', text);
					if (!box.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }))) return [box.value.length, performance.now()];
				}
				// Not taken by the page (or no drop at all): the text lands in the box, as the browser would put it.
				box.value = text;
				box.dispatchEvent(new Event('input', { bubbles: true }));
				return [box.value.length, performance.now()];
			}, drop);
		expect(inBox).toBeLessThan(20_000);
		await expect(page.locator('main [data-known-errors] .match-list li').first()).toHaveAttribute('data-article', 'microvm-overlay-ro-store-race');
		await expect(page.locator('main').getByLabel('Paste an error message')).toHaveValue(/5\.\d MB pasted: the box shows the start, the whole text is matched\]$/);
		expect(await workerText()).toBeGreaterThan(5_000_000);
		await report(after);
	});
}

test('the matched line shown for a long line is the part that matched', async ({ page }) => {
	await page.goto('/');
	await fillClipboard(page, `${'x'.repeat(100_000)} error: unable to load seccomp BPF program: Invalid argument ${'y'.repeat(100_000)}`);
	await paste(page);
	const shown = page.locator('main [data-known-errors] .match-list li').first().locator('.matched-line');
	await expect(shown).toContainText('unable to load seccomp BPF program: Invalid argument');
	expect((await shown.textContent())!.length).toBeLessThanOrEqual(500);
});
