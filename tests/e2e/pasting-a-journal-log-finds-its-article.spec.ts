import { expect, test } from '@playwright/test';

/** Real multi-line logs from the fact sheets, with the reporters' own prefixes, hosts and paths. */
const LOGS = {
	'microvm-overlay-ro-store-race': [
		'Jan 18 14:04:36 sire-paperless mount[136]: mount: /sysroot/nix/store: special device overlay does not exist.',
		'Jan 18 14:04:36 sire-paperless mount[136]:        dmesg(1) may have more information after failed mount system call.',
		"Jan 18 14:04:36 sire-paperless kernel: overlayfs: failed to resolve '/sysroot/nix/.ro-store': -2",
	].join('\n'),
	'nix-installer-seccomp-bpf': [
		'22.67 Error: ',
		'22.67    0: Install failure',
		'22.67    3: Action `setup_default_profile` errored',
		"22.67       stderr: installing 'nix-2.24.10'",
		'22.67              … while setting up the build environment',
		'22.67              error: unable to load seccomp BPF program: Invalid argument',
	].join('\n'),
	'crun-rootless-supplementary-group': '$ podman run alpine ls\nError: crun: make `/srv/shared/podman/storage/overlay/0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0/merged` private: Permission denied: OCI permission denied',
} as const;

for (const [slug, log] of Object.entries(LOGS)) {
	test(`pasting a real log on the home page finds ${slug}`, async ({ page }) => {
		await page.goto('/');
		await page.locator('main').getByLabel('Paste an error message').fill(log);
		const first = page.locator('main [data-known-errors] .match-list li').first();
		await expect(first).toHaveAttribute('data-article', slug);
		await expect(first.locator('.matched-line')).not.toBeEmpty();
		await expect(first.locator('.signature')).not.toBeEmpty();
		// Each of the two code boxes says whose line it holds: the reader's, then the article's.
		await expect(first.locator('.match-box-label')).toHaveText([/^Your line \(line \d+ of your text\):$/, "The article's error line:"]);
		await expect(first.locator('.match-box-label + pre .matched-line, .match-box-label + pre .signature')).toHaveCount(2);
		// The titles come a moment after the matches (display buckets): they do arrive.
		await expect(first.locator('.match-summary')).not.toBeEmpty();
		await first.getByRole('link').click();
		await expect(page).toHaveURL(new RegExp(`/kb/${slug}/$`));
	});
}

test("a line pasted word for word as the article has it shows once, said to be the article's error line", async ({ page }) => {
	const line = 'Error: OCI runtime error: crun: the requested cgroup controller `cpu` is not available';
	await page.goto('/');
	await page.locator('main').getByLabel('Paste an error message').fill(line);
	const first = page.locator('main [data-known-errors] .match-list li').first();
	await expect(first).toHaveAttribute('data-article', 'podman-cgroup-controller-not-delegated');
	await expect(first).toContainText("line 1 of your text is this article's error line, word for word:");
	await expect(first.locator('.matched-line')).toHaveText(line);
	await expect(first.locator('.signature')).toHaveCount(0);
	await expect(first.locator('.match-box-label')).toHaveText(['Your line (line 1 of your text):']);
});

// The display texts (titles, summaries, reasons) come in a request of their own after the match: when it
// fails, the known error still shows, linked by its short ID and id, with a note saying what is missing.
for (const failure of ['a network error', 'a 404'] as const) {
	test(`when the display texts fail with ${failure}, the known error still shows and links its article`, async ({ page }) => {
		await page.route('**/api/v1/matcher/display/*.json', (route) => (failure === 'a 404' ? route.fulfill({ status: 404, body: 'not found' }) : route.abort('failed')));
		await page.goto('/');
		await page.locator('main').getByLabel('Paste an error message').fill(LOGS['microvm-overlay-ro-store-race']);
		await expect(page.locator('main [data-search-status]').first()).toContainText("titles and summaries could not be loaded");
		const first = page.locator('main [data-known-errors] .match-list li').first();
		await expect(first).toHaveAttribute('data-article', 'microvm-overlay-ro-store-race');
		await expect(first.locator('.matched-line')).not.toBeEmpty();
		await expect(first.locator('.match-summary')).toHaveCount(0);
		const link = first.getByRole('link');
		await expect(link).toHaveText(/^FL-\d{4}: microvm-overlay-ro-store-race$/);
		await link.click();
		await expect(page).toHaveURL(/\/kb\/microvm-overlay-ro-store-race\/$/);
	});
}

test('a message with two known causes lists both and says so', async ({ page }) => {
	await page.goto('/');
	await page.locator('main').getByLabel('Paste an error message').fill('Error: crun: make `/srv/x/storage/overlay/abc/merged` private: Permission denied: OCI permission denied');
	await expect(page.locator('main .ambiguous-note')).toBeVisible();
	await expect(page.locator('main [data-known-errors] .match-list li')).toHaveCount(2);
});

test('a paste with no known error says so, and still offers pages', async ({ page }) => {
	await page.goto('/');
	await page.locator('main').getByLabel('Paste an error message').fill('Jan 1 00:00:01 host app[42]: error: permission denied while reading the configuration');
	await expect(page.locator('main [data-known-errors] h3')).toHaveText('Known errors');
	await expect(page.locator('main [data-search-status]').first()).toContainText('No known error matches this text.');
	// The verdict is said once, in the status line; the section under its heading says what the pages below are.
	await expect(page.locator('main [data-known-errors] p').first()).toHaveText(/^None: nothing in the knowledge base explains this text/);
	expect((await page.locator('main').innerText()).split('No known error matches').length - 1).toBe(1);
});

test('with --userns keep-id in the paste, the keep-id article is found and the look-alike ruled out with the reason', async ({ page }) => {
	await page.goto('/');
	const text = '> podman run --userns keep-id --rm docker.io/alpine:latest uptime\nError: crun: make `/home/solene/.local/share/containers/storage/overlay/56c39578e10e299da920dac2b435296fc9d264989b6ccb42778cab622c7fde1b/merged` private: Permission denied: OCI permission denied';
	await page.locator('main').getByLabel('Paste an error message').fill(text);
	await expect(page.locator('main [data-known-errors] .match-list li')).toHaveCount(1);
	await expect(page.locator('main [data-known-errors] .match-list li').first()).toHaveAttribute('data-article', 'podman-keep-id-owner-only-home');
	await expect(page.locator('main .excluded-note')).toContainText('FL-0004');
});

// After a paste the box shows the start of the text, not its end: text-put-in-the-paste-box-shows-its-start.
