import { expect, test } from '@playwright/test';
import { apiPath, PROSE_INDEX_FILE } from '../../src/lib/addresses.ts';
import { settled } from './watch.ts';
import { ARTICLES } from './site.ts';

const SECRET = 'token-5f3c9a-secret-hostname.internal.example';
const PASTE = `Jan 18 14:04:36 ${SECRET} kernel: overlayfs: failed to resolve '/sysroot/nix/.ro-store': -2\nAuthorization: Bearer ${SECRET}`;

test('no request made while matching and searching carries any part of the pasted text', async ({ page }) => {
	const requests: { url: string; body: string }[] = [];
	page.on('request', (r) => requests.push({ url: r.url(), body: r.postData() ?? '' }));
	await page.goto('/');
	const before = requests.length;
	await page.locator('main').getByLabel('Paste an error message').fill(PASTE);
	const first = page.locator('main [data-known-errors] .match-list li').first();
	await expect(first).toHaveAttribute('data-article', 'microvm-overlay-ro-store-race');
	// The title and summary come after the match, from a display bucket (src/lib/matcher/browser-index.ts).
	const article = ARTICLES.find((a) => a.id === 'microvm-overlay-ro-store-race')!;
	await expect(first.getByRole('link').first()).toContainText(article.title.replace(/`/g, ''));
	await expect(first.locator('.match-summary')).not.toBeEmpty();

	const during = requests.slice(before);
	// The index arrives in parts: its directory, then the shards (or the whole index) the paste needs, then the display buckets of the articles found, by number.
	const matcher = during.filter((r) => new URL(r.url).pathname.startsWith('/api/v1/matcher'));
	expect(matcher.map((r) => new URL(r.url).pathname)).toContain('/api/v1/matcher/directory.json');
	for (const r of matcher) expect(new URL(r.url).pathname).toMatch(/^\/api\/v1\/(matcher\/(directory|shard-\d+|whole|display\/\d+)|matcher-index)\.json$/);
	const fragments = [SECRET, 'secret-hostname', 'ro-store', 'overlayfs', 'sysroot', 'Bearer'];
	for (const r of during) {
		expect(new URL(r.url).origin).toBe(new URL(page.url()).origin);
		for (const f of fragments) {
			expect(decodeURIComponent(r.url)).not.toContain(f);
			expect(r.body).not.toContain(f);
		}
	}
});

test('ranking a description fetches the prose index, which carries no part of the text', async ({ page }) => {
	const requests: { url: string; body: string }[] = [];
	page.on('request', (r) => requests.push({ url: r.url(), body: r.postData() ?? '' }));
	await page.goto('/');
	const before = requests.length;
	const description = `On ${SECRET} I am trying to run rootless containers with CPU or memory limits, and the container fails to start every time`;
	await page.locator('main').getByLabel('Paste an error message').fill(description);
	// The answer to a description, whether or not an article stands out: the prose index has been ranked.
	await expect(page.locator('main [data-search-status]')).toContainText('No error line in this text');

	const during = requests.slice(before);
	const paths = during.map((r) => new URL(r.url).pathname);
	expect(paths).toContain(apiPath(PROSE_INDEX_FILE));
	// The prose index is one fixed file: no query, nothing after its name.
	for (const r of during.filter((r) => new URL(r.url).pathname === apiPath(PROSE_INDEX_FILE))) expect(new URL(r.url).search).toBe('');
	for (const r of during) {
		expect(new URL(r.url).origin).toBe(new URL(page.url()).origin);
		for (const f of [SECRET, 'secret-hostname', 'rootless containers', 'limits']) {
			expect(decodeURIComponent(r.url)).not.toContain(f);
			expect(r.body).not.toContain(f);
		}
	}
});

test('the matcher index is not fetched before the reader pastes', async ({ page }) => {
	const fetched: string[] = [];
	page.on('request', (r) => fetched.push(r.url()));
	await page.goto('/');
	await settled(page);
	expect(fetched.filter((u) => u.includes('/api/v1/matcher') || u.includes('match-worker') || u.includes(PROSE_INDEX_FILE))).toEqual([]);
});
