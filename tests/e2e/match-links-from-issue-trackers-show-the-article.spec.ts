import { expect, test } from '@playwright/test';

const LOG = "qemu-img: Could not open '/mnt/nfs/images/x.img': Could not open '/mnt/nfs/images/x.img': Permission denied\nlaunch failed: Cannot read image format: qemu-img failed (Process returned exit code: 1) with output:";

test('/match/?q= shows the article that explains the text', async ({ page }) => {
	await page.goto(`/match/?q=${encodeURIComponent(LOG)}`);
	await expect(page.locator('main').getByLabel('Paste an error message')).toHaveValue(LOG);
	await expect(page.locator('main [data-known-errors] .match-list li').first()).toHaveAttribute('data-article', 'multipass-nfs-apparmor');
	// The answer comes first; how to link here follows it (a reader who followed a link came for the answer).
	const answerFirst = await page.evaluate(() => {
		const panel = document.querySelector('[data-results-page]')!;
		const linking = [...document.querySelectorAll('main h2')].find((h) => h.textContent === 'Linking to this page')!;
		return Boolean(panel.compareDocumentPosition(linking) & Node.DOCUMENT_POSITION_FOLLOWING);
	});
	expect(answerFirst).toBe(true);
});

test('/match/#q= works too, keeping the text out of the request', async ({ page }) => {
	const requested: string[] = [];
	page.on('request', (r) => requested.push(r.url()));
	await page.goto(`/match/#q=${encodeURIComponent('error: unable to load seccomp BPF program: Invalid argument')}`);
	await expect(page.locator('main [data-known-errors] .match-list li').first()).toHaveAttribute('data-article', 'nix-installer-seccomp-bpf');
	expect(requested.filter((u) => u.includes('seccomp'))).toEqual([]);
});

test('text from the URL is rendered as text, never as HTML', async ({ page }) => {
	let dialogs = 0;
	page.on('dialog', (d) => {
		dialogs++;
		void d.dismiss();
	});
	const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script> crun: make `<b>x</b>` private: Permission denied: OCI permission denied';
	await page.goto(`/match/?q=${encodeURIComponent(hostile)}`);
	const line = page.locator('main .matched-line').first();
	await expect(line).toContainText('<img src=x onerror=alert(1)>');
	await expect(page.locator('main img[src="x"], main b')).toHaveCount(0);
	expect(dialogs).toBe(0);
});
