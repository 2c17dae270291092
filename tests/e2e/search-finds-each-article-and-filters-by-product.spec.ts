import { expect, test, type Locator, type Page } from '@playwright/test';
import { ARTICLES } from './site.ts';
import { seriousViolations } from './axe.ts';

/** A term found in one article only, per article. */
const DISTINCTIVE = {
	'microvm-erofs-store-ownership': 'postmap',
	'microvm-overlay-ro-store-race': 'RequiresMountsFor',
	'multipass-nfs-apparmor': 'DISABLE_APPARMOR',
	'crun-rootless-supplementary-group': 'userdata',
	'nix-installer-seccomp-bpf': 'binfmt',
} as const;

async function openSearch(page: Page) {
	await page.goto('/');
	await page.getByRole('link', { name: 'Search', exact: true }).click();
	const dialog = page.getByRole('dialog', { name: 'Search' });
	await expect(dialog).toBeVisible();
	return dialog;
}

// One page and one open dialog for the searches below (a serial group): opening the dialog loads Pagefind
// and its index, once per page, which was most of each test. Each search waits for its own first result,
// a different article each time, so none can pass on the one before.
test.describe('in one open search dialog', () => {
	test.describe.configure({ mode: 'serial' });
	let page: Page;
	let dialog: Locator;
	test.beforeAll(async ({ browser }) => {
		page = await browser.newPage({ baseURL: test.info().project.use.baseURL });
		dialog = await openSearch(page);
	});
	test.afterAll(async () => {
		await page.close();
	});

	// First, on the dialog as it opens with its first results: axe on everything the open dialog shows.
	// (It had a file and a page of its own, pages-have-no-serious-accessibility-violations.spec.ts.)
	test('axe finds no serious or critical violation in the open search dialog', async () => {
		await dialog.getByLabel('Paste an error message').fill('podman');
		await expect(dialog.locator('.search-results li').first()).toBeVisible();
		expect(await seriousViolations(page, 'dialog')).toEqual([]);
	});

	for (const [slug, term] of Object.entries(DISTINCTIVE)) {
		test(`searching for "${term}" shows ${slug}: first among the pages, or among the articles above them`, async () => {
			await dialog.getByLabel('Paste an error message').fill(term);
			// Pagefind's first page for the term, which the other pages do not repeat when the articles listed
			// above them for the words already hold it: the article is there, or first among the pages.
			const href = new RegExp(`/kb/${slug}/?$`);
			const shown = async () => {
				const above = await dialog.locator('.likely-list li a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
				const pages = await dialog.locator('.search-results li a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
				return above.some((h) => href.test(h)) || href.test(pages[0] ?? '');
			};
			await expect.poll(shown).toBe(true);
		});
	}
});

test('the product filter narrows the results to that product', async ({ page }) => {
	const dialog = await openSearch(page);
	await dialog.getByLabel('Paste an error message').fill('permission');
	const results = dialog.locator('.search-results li a');
	await expect(results.nth(1)).toBeVisible();
	const podman = ARTICLES.filter((a) => a.products.includes('podman')).map((a) => `/kb/${a.id}/`);
	const shown = () => results.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
	expect((await shown()).some((href) => !podman.includes(href)), 'unfiltered results include other products').toBe(true);
	await dialog.getByLabel('Product').selectOption('Podman');
	await expect.poll(async () => (await shown()).every((href) => podman.includes(href))).toBe(true);
	expect((await shown()).length).toBeGreaterThan(0);
});

test('the /search/ page runs the query from its URL', async ({ page }) => {
	await page.goto('/search/?q=buildx');
	await expect(page.locator('main :is(.likely-list, .search-results) li a').first()).toHaveAttribute('href', /\/kb\/nix-installer-seccomp-bpf\/?$/);
});
