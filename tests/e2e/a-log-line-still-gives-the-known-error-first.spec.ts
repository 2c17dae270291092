/**
 * Likely articles never come above a matched error line: a log line gets
 * its known error, and neither a log nor a description holding an error line
 * ranks articles by prose, fetches the prose index, or waits for Pagefind
 * (which is never fetched when the matcher has the answer).
 */
import { expect, test } from '@playwright/test';
import { API_PATH, PAGEFIND_PATH, PROSE_INDEX_FILE } from '../../src/lib/addresses.ts';


const LINE = "Jan 18 14:04:36 host kernel: overlayfs: failed to resolve '/sysroot/nix/.ro-store': -2";
const cases = {
	'a journal line': LINE,
	'a description around an error line': `After a reboot of the guest the store does not come up, and the journal shows this line:\n${LINE}\nIt happens on about one boot in three since we moved to the new host.`,
};

for (const [what, text] of Object.entries(cases)) {
	test(`${what} gives its known error first, and no likely articles`, async ({ page }) => {
		const fetched: string[] = [];
		page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
		await page.goto('/');
		await page.locator('main').getByLabel('Paste an error message').fill(text);
		await expect(page.locator('main [data-known-errors] .match-list li').first()).toHaveAttribute('data-article', 'microvm-overlay-ro-store-race');
		await expect(page.locator('main [data-search-status]')).toContainText('1 known error found');
		await expect(page.locator('main [data-likely-articles]')).toBeHidden();
		expect(fetched).not.toContain(`${API_PATH}${PROSE_INDEX_FILE}`);
		expect(fetched.filter((path) => path.startsWith(PAGEFIND_PATH))).toEqual([]);
		await expect(page.locator('main [data-text-results]')).toBeHidden();
	});
}

test('a known error is labelled as on its page: the title’s code spans as code, the short ID on one line', async ({ page }) => {
	await page.goto('/');
	await page.locator('main').getByLabel('Paste an error message').fill("Error: crun: error stat'ing file `/dev/vboxusb/001/002`: Permission denied: OCI permission denied");
	const link = page.locator('main [data-known-errors] .match-list li[data-article="podman-privileged-vboxusb"] > a').first();
	await expect(link.locator('code')).toHaveText(['/dev/vboxusb/…']);
	await expect(link).not.toContainText('`');
	await expect(link.locator('.short-id')).toHaveCSS('white-space', 'nowrap');
});
