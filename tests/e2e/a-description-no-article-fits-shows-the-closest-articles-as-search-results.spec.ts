/**
 * A covered problem told in plain words, with no article standing out (the s11 new-user report, item 2;
 * issue 19): the answer stays "no known match" (no verdict of a known error, no `likely` article), and
 * the reader sees the closest articles by their words, labelled as search results and not a diagnosis,
 * each with why it is listed, the wizard offered, and Pagefind's pages for the description's words. A
 * look-alike (real text no article explains) gets no likely article. At a desktop and a phone size; axe
 * finds nothing on the answer. What is expected comes from the ranker over the real articles.
 */
import { expect, test, type Locator } from '@playwright/test';
import { createProseRanker } from '../../src/lib/prose.ts';
import { proseDocsOf } from '../../src/lib/prose-docs.ts';
import { loadEvalSet } from '../../src/lib/eval-set.ts';
import { proseMessages } from '../../src/lib/messages.ts';
import { plainText } from '../../src/lib/inline-code.ts';
import { articlePath, WIZARD_PATH } from '../../src/lib/addresses.ts';
import { seriousViolations } from './axe.ts';
import { LOADED_ARTICLES, ROOT } from './site.ts';

const ranker = createProseRanker(proseDocsOf(LOADED_ARTICLES));
/** The description from the report, and the article that explains it (FL-0019). */
const DESCRIPTION = 'rootless podman fails when my home directory is on NFS';
const COVERED = 'podman-rootless-storage-on-nfs';
/** A look-alike from the eval set: a Multipass instance that no longer starts after ufw was enabled inside it, which no article explains (canonical/multipass#2721). */
const LOOK_ALIKE = loadEvalSet(ROOT).find((i) => i.id === 's11u-neg-multipass-2721-ufw-in-instance')!;

const SIZES = [
	{ name: 'desktop', width: 1280, height: 900 },
	{ name: 'phone', width: 390, height: 844 },
];

/** What every answer without a known match holds: no verdict, no known-error section, no likely article. */
async function expectNoVerdict(panel: Locator) {
	const status = panel.locator('[data-search-status]');
	await expect(status).toContainText(proseMessages.summary('prose', 0, 0).replace(/\.$/, ''));
	await expect(status).not.toContainText('No known error');
	await expect(status).not.toContainText('likely article');
	await expect(panel.locator('[data-known-errors]')).toBeHidden();
	await expect(panel.locator('.likely-list')).toHaveCount(0);
	await expect(panel.locator('.likely-badge')).toHaveCount(0);
	await expect(panel).not.toContainText('this may be a new problem');
}

for (const size of SIZES) {
	test.describe(size.name, () => {
		test.use({ viewport: { width: size.width, height: size.height } });

		test('a description of a covered problem lists that article among the labelled search results, with no verdict', async ({ page }) => {
			const expected = ranker.ranking(DESCRIPTION);
			expect(expected.likely).toEqual([]);
			expect(expected.closest.map((m) => m.id)).toContain(COVERED);
			await page.goto('/');
			const main = page.locator('main');
			await main.getByLabel('Paste an error message').fill(DESCRIPTION);
			const closest = main.locator('[data-closest-articles]');
			await expect(closest).toBeVisible();
			await expect(closest.getByRole('heading', { level: 3 })).toHaveText(proseMessages.closestHeading());
			await expect(closest.locator('.closest-note')).toHaveText(proseMessages.closestNote());
			// The articles, best first, as the ranker lists them; the covered one among them, linked, with why.
			await expect(closest.locator('.closest-list > li')).toHaveCount(expected.closest.length);
			await expect(closest.locator('.closest-list > li').first()).toHaveAttribute('data-article', expected.closest[0].id);
			const covered = expected.closest.find((m) => m.id === COVERED)!;
			const item = closest.locator(`.closest-list > li[data-article="${COVERED}"]`);
			await expect(item.getByRole('link', { name: `${covered.shortId}: ${plainText(covered.title)}` })).toHaveAttribute('href', articlePath(COVERED));
			await expect(item.locator('.closest-why')).toHaveText(`Why listed: ${proseMessages.sharedWords(covered.shared)}.`);
			await expectNoVerdict(main);
			await expect(main.locator('[data-search-status]')).toContainText('the closest articles by their words follow, as search results');
			// No likely article stands out, and the wizard is offered.
			const likely = main.locator('[data-likely-articles]');
			await expect(likely.locator('.likely-note')).toContainText(proseMessages.likelyNone(expected.closest.length));
			await expect(likely.getByRole('link', { name: proseMessages.startWizard() })).toHaveAttribute('href', WIZARD_PATH);
			// One list (the s12 new-user report, item 1): no "Likely articles" heading over nothing, and the pages
			// that follow, under their own heading, leave out every article already listed as closest.
			await expect(likely.getByRole('heading')).toHaveCount(0);
			await expect(main.getByRole('heading', { name: proseMessages.likelyHeading(), exact: true })).toHaveCount(0);
			// Pagefind's pages for the description's words, though no page holds them all.
			const pages = main.locator('[data-text-results]');
			await expect(pages.locator('.search-results li a').first()).toBeVisible();
			await expect(pages.getByRole('heading', { level: 3 })).toHaveText(proseMessages.morePagesHeading());
			const pageLinks = await pages.locator('.search-results li > a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
			for (const m of expected.closest) expect(pageLinks).not.toContain(articlePath(m.id));
			await page.screenshot({ path: `test-results/s12-ui2-description-${size.name}.png`, fullPage: true });
			await expect(main.locator('[data-search-status]')).not.toContainText(proseMessages.noPageHasAllWords());
			// On a phone, nothing runs off the side.
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
			expect(await seriousViolations(page, 'main [data-search-panel]')).toEqual([]);
		});

		test('a look-alike gets no likely article and no verdict', async ({ page }) => {
			expect(LOOK_ALIKE.expected).toBeNull();
			const expected = ranker.ranking(LOOK_ALIKE.text);
			expect(expected.likely).toEqual([]);
			await page.goto('/');
			const main = page.locator('main');
			await main.getByLabel('Paste an error message').fill(LOOK_ALIKE.text);
			await expect(main.locator('[data-likely-articles] .likely-note')).toBeVisible();
			await expectNoVerdict(main);
			// Whatever is near its words is listed as search results only, under their label.
			const closest = main.locator('[data-closest-articles]');
			if (expected.closest.length) {
				await expect(closest.getByRole('heading', { level: 3 })).toHaveText(proseMessages.closestHeading());
				await expect(closest.locator('.closest-list > li')).toHaveCount(expected.closest.length);
			} else await expect(closest).toBeHidden();
			// No page holds all of its words: the pages holding some of them, the most first, said so.
			await expect(main.locator('[data-text-results] .search-results li a').first()).toBeVisible();
			await expect(main.locator('[data-search-status]')).toContainText(proseMessages.pagesWithSomeWords(expected.words));
			expect(await seriousViolations(page, 'main [data-search-panel]')).toEqual([]);
		});
	});
}

test('the /match/ page shows the same search results for a description in its address', async ({ page }) => {
	const expected = ranker.ranking(DESCRIPTION);
	await page.goto(`/match/#q=${encodeURIComponent(DESCRIPTION)}`);
	const panel = page.locator('[data-results-page] [data-search-panel]');
	await expect(panel.locator('[data-closest-articles] .closest-list > li')).toHaveCount(expected.closest.length);
	await expect(panel.locator(`[data-closest-articles] li[data-article="${COVERED}"]`)).toBeVisible();
	await expectNoVerdict(panel);
});
