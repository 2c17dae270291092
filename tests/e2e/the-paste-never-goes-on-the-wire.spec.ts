/**
 * Nothing pasted leaves the browser, whatever the state of the page's
 * scripts: off, not yet arrived, or a `?q=` link from elsewhere. Every
 * request is recorded (address, body and Referer) and searched for the paste.
 */
import { expect, test, type Page, type Request } from '@playwright/test';

const SECRET = 'token-7d41e2-secret-hostname.corp.example';
const PASTE = `Jan 18 14:04:36 ${SECRET} kernel: overlayfs: failed to resolve '/sysroot/nix/.ro-store': -2\nAuthorization: Bearer ${SECRET}`;
/** Pieces of the paste that no request may carry in any form. */
const FRAGMENTS = [SECRET, 'secret-hostname', 'ro-store', 'overlayfs', 'sysroot', 'Bearer'];

interface Recorded {
	url: string;
	body: string;
	referer: string;
}

/**
 * Records every request of `page` in the order the page made them. The full headers arrive later than the
 * request event, so each entry is placed at once and its Referer filled in when they come; `settled()`
 * waits for all of them (without it, a request made before some point could be listed after it).
 */
function record(page: Page): { requests: Recorded[]; settled: () => Promise<Recorded[]> } {
	const requests: Recorded[] = [];
	const pending: Promise<unknown>[] = [];
	page.on('request', (r: Request) => {
		const entry: Recorded = { url: r.url(), body: r.postData() ?? '', referer: r.headers().referer ?? '' };
		requests.push(entry);
		pending.push(
			r.allHeaders().then(
				(h) => (entry.referer = h.referer ?? ''),
				() => undefined, // the page went away first: the provisional headers stand
			),
		);
	});
	return { requests, settled: () => Promise.all(pending).then(() => requests) };
}

function expectNoPaste(requests: Recorded[], fragments = FRAGMENTS) {
	expect(requests.length).toBeGreaterThan(0);
	for (const r of requests) {
		for (const text of [r.url, decodeURIComponent(r.url.replace(/\+/g, ' ')), r.body, r.referer, decodeURIComponent(r.referer)]) {
			for (const f of fragments) expect(text, `a request carries "${f}"`).not.toContain(f);
		}
	}
}

const PANEL_PAGES = ['/', '/match/', '/search/'];

test.describe('with JavaScript disabled', () => {
	test.use({ javaScriptEnabled: false });

	for (const path of PANEL_PAGES) {
		test(`submitting the paste box on ${path} sends none of the paste, and the page says what works instead`, async ({ page }) => {
			const { settled } = record(page);
			await page.goto(path);
			const box = page.locator('main').getByLabel('Paste an error message');
			await box.fill(PASTE);
			const navigated = page.waitForEvent('framenavigated');
			await page.locator('main').getByRole('button', { name: 'Find the cause' }).click();
			await navigated;
			await page.waitForLoadState('load');
			expect(new URL(page.url()).search).toBe('');
			expectNoPaste(await settled());
			const why = page.locator('main .search-noscript');
			await expect(why).toContainText('Matching needs JavaScript');
			await expect(why.getByRole('link', { name: /troubleshooting\s+wizard/ })).toHaveAttribute('href', '/wizard/');
		});
	}
});

test('a submit before the scripts arrive waits for them, then matches, sending none of the paste', async ({ page }) => {
	const { settled } = record(page);
	// Hold every script until the paste has been submitted: waits on the submit, not on a clock.
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	const held: string[] = [];
	await page.route(/\.(js|mjs)(\?.*)?$/, async (route) => {
		held.push(route.request().url());
		await released;
		await route.continue();
	});
	// Deferred scripts hold DOMContentLoaded, so wait for the box itself.
	await page.goto('/match/', { waitUntil: 'commit' });
	const box = page.locator('main').getByLabel('Paste an error message');
	await expect(box).toBeEditable();
	expect(held.length).toBeGreaterThan(0);
	await box.fill(PASTE);
	await page.locator('main').getByRole('button', { name: 'Find the cause' }).click();
	// The page did not navigate: the guard held the submit.
	await expect(page.locator('main [data-search-status]')).toHaveText('Starting the matcher…');
	expect(new URL(page.url()).pathname).toBe('/match/');
	expect(new URL(page.url()).search).toBe('');
	release();
	await expect(page.locator('main [data-known-errors] .match-list li').first()).toHaveAttribute('data-article', 'microvm-overlay-ro-store-race');
	expectNoPaste(await settled());
});

test('a ?q= link is matched, and its text leaves the address, the history and every later Referer', async ({ page }) => {
	const text = `${SECRET} overlayfs: failed to resolve '/sysroot/nix/.ro-store': -2`;
	await page.goto('/products/');
	const { requests, settled } = record(page);
	await page.goto(`/match/?q=${encodeURIComponent(text)}`);
	const first = page.locator('main [data-known-errors] .match-list li').first();
	await expect(first).toHaveAttribute('data-article', 'microvm-overlay-ro-store-race');
	const address = new URL(page.url());
	expect(address.search).toBe('');
	expect(new URLSearchParams(address.hash.slice(1)).get('q')).toBe(text);
	// The history entry was replaced, not added to: back leads to the page before.
	await page.goBack();
	await expect(page).toHaveURL(/\/products\/$/);
	await page.goForward();
	expect(new URL(page.url()).search).toBe('');
	await expect(first).toHaveAttribute('data-article', 'microvm-overlay-ro-store-race');
	// Following a result: the request for it carries no Referer with the text (none at all).
	const later = requests.length;
	await first.getByRole('link').click();
	await expect(page).toHaveURL(/\/kb\/microvm-overlay-ro-store-race\/$/);
	await page.waitForLoadState('load');
	await settled();
	// Only the link's own request (the server saw its address) may hold the text.
	// (The article's own address holds words of the error, so look for the secret alone.)
	const link = (r: Recorded) => new URL(r.url).pathname === '/match/' && new URL(r.url).search !== '';
	expect(requests.filter(link)).toHaveLength(1);
	expectNoPaste(requests.filter((r) => !link(r)), [SECRET, 'secret-hostname']);
	// The matcher worker's own requests say no-referrer themselves (this test server, like some hosts, does
	// not apply _headers, and the page's <meta name="referrer"> does not reach a worker).
	const index = requests.filter((r) => new URL(r.url).pathname.startsWith('/api/'));
	expect(index.length).toBeGreaterThan(0);
	for (const r of index) expect(r.referer, r.url).toBe('');
	expect(requests.slice(later).length).toBeGreaterThan(0);
	for (const r of requests.slice(later)) expect(r.referer).toBe('');
});

test('changing #q= on an open /match/ page runs the match again', async ({ page }) => {
	await page.goto(`/match/#q=${encodeURIComponent("overlayfs: failed to resolve '/sysroot/nix/.ro-store': -2")}`);
	const first = page.locator('main [data-known-errors] .match-list li').first();
	await expect(first).toHaveAttribute('data-article', 'microvm-overlay-ro-store-race');
	await page.evaluate(() => {
		location.hash = `q=${encodeURIComponent('error: unable to load seccomp BPF program: Invalid argument')}`;
	});
	await expect(first).toHaveAttribute('data-article', /seccomp/);
	await expect(page.locator('main').getByLabel('Paste an error message')).toHaveValue('error: unable to load seccomp BPF program: Invalid argument');
});
