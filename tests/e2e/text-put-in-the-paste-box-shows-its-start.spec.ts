/**
 * Issue 19: the paste box does not wrap (a log keeps its lines), and the browser shows the caret, at the end of
 * what arrived: after a paste the box showed the end of a long line, its start (what the reader recognises)
 * hidden. Whenever text arrives other than by typing, the box shows its start (src/components/search/show-start.ts):
 * a real paste, a phone keyboard's clipboard (text inserted with no paste event), an example or a link that puts
 * text in the box while it has the focus. Typing still keeps the caret in view. At a desktop and a phone size;
 * each wait is for a state of the box.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { homeExamples } from '../../src/lib/home-examples.ts';
import { loadKnowledgeBase } from '../../src/lib/knowledge-base.ts';
import { matchUrl } from '../../src/lib/addresses.ts';
import { ROOT } from './site.ts';

const SIZES = [
	{ name: 'desktop', width: 1280, height: 900, mobile: false },
	{ name: 'phone', width: 390, height: 844, mobile: true },
];
const LONG = `Error: OCI runtime error: crun: ${'x'.repeat(300)} the end`;
// A log whose last line is the long one: the caret ends at its end, the bottom right of the box.
const LOG = ['line one', 'line two', 'line three', 'line four', 'line five', 'line six', LONG].join('\n');
const examples = homeExamples(loadKnowledgeBase(ROOT));

/** The box's scroll and whether it has more text than it shows. */
const scroll = (box: Locator) => box.evaluate((t: HTMLTextAreaElement) => ({ left: t.scrollLeft, top: t.scrollTop, wide: t.scrollWidth > t.clientWidth, tall: t.scrollHeight > t.clientHeight }));
/** The box shows the start of a text wider and taller than itself. */
const atStart = (box: Locator, tall = true) => expect.poll(() => scroll(box)).toEqual({ left: 0, top: 0, wide: true, tall });

async function paste(page: Page, box: Locator, text: string) {
	await page.evaluate((t) => navigator.clipboard.writeText(t), text);
	await box.focus();
	await page.keyboard.press('ControlOrMeta+V');
	await expect(box).toHaveValue(text);
}

for (const size of SIZES) {
	test.describe(size.name, () => {
		test.use({ viewport: { width: size.width, height: size.height }, hasTouch: size.mobile, isMobile: size.mobile, permissions: ['clipboard-read', 'clipboard-write'] });

		test('a real paste shows the start of the text, in the page and in the search dialog; typing keeps the caret in view', async ({ page }) => {
			await page.goto('/');
			const box = page.locator('main').getByLabel('Paste an error message');
			await paste(page, box, LOG);
			await atStart(box);
			// The reader goes on typing at the end: the box follows the caret, as a text box does.
			await page.keyboard.press('ControlOrMeta+End');
			await page.keyboard.type('!');
			await expect.poll(async () => (await scroll(box)).left).toBeGreaterThan(0);

			await page.locator('[data-open-search]').click();
			const dialogBox = page.getByRole('dialog').getByLabel('Paste an error message');
			await paste(page, dialogBox, LOG);
			await atStart(dialogBox);
		});

		test("text a phone keyboard's clipboard inserts (no paste event) shows its start", async ({ page }) => {
			await page.goto('/');
			const box = page.locator('main').getByLabel('Paste an error message');
			await box.focus();
			await page.keyboard.insertText(LONG);
			await expect(box).toHaveValue(LONG);
			await atStart(box, false);
		});

		test('an example, and a link that puts text in the box while it has the focus, show the start of the text', async ({ page }) => {
			await page.goto('/');
			await page.locator('.home-examples a').first().click();
			const box = page.locator('main').getByLabel('Paste an error message');
			await expect(box).toHaveValue(examples[0].line);
			await expect(page.locator('main [data-known-errors] a').first()).toBeVisible();
			// On a phone the example's line is wider than the box; on a desktop it may fit, and then shows whole.
			await expect.poll(async () => (await scroll(box)).left).toBe(0);
			// The reader is in the box when a link (the address's fragment) brings another text.
			await box.focus();
			await page.keyboard.press('ControlOrMeta+End');
			await page.evaluate((href) => location.assign(href), matchUrl('', LONG));
			await expect(box).toHaveValue(LONG);
			await atStart(box, false);
		});
	});
}
