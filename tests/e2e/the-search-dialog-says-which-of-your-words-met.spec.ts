/**
 * Issue 19: a likely article's "Why" in the search dialog named a word the reader had not typed ("Why: shares
 * “newgidmap”" for the search `subuid newuidmap`: the ranker's fuzzy match met a near word). It now names the
 * reader's words, and the article's near word only as such. A word that also meets the article as written is
 * listed as written, so the search here has a typo that meets only near words: “newuidmapp” (as “newuidmap”,
 * in …). At a desktop and a phone size; the article and its words come from the ranker over the real articles.
 */
import { expect, test } from '@playwright/test';
import { seriousViolations } from './axe.ts';
import { LOADED_ARTICLES } from './site.ts';
import { createProseRanker } from '../../src/lib/prose.ts';
import { proseDocsOf } from '../../src/lib/prose-docs.ts';

const TYPED = ['subuid', 'newuidmapp'];
const LIKELY = createProseRanker(proseDocsOf(LOADED_ARTICLES)).rank(TYPED.join(' '));
const SIZES = [
	{ name: 'desktop', width: 1280, height: 900, mobile: false },
	{ name: 'phone', width: 390, height: 844, mobile: true },
];

for (const size of SIZES) {
	test.describe(size.name, () => {
		test.use({ viewport: { width: size.width, height: size.height }, hasTouch: size.mobile, isMobile: size.mobile });

		test("the dialog's Why names only the words the reader typed, and a near word only as the article's", async ({ page }) => {
			// The case the ranker must still have for this test to say anything: a near word met.
			const near = LIKELY.flatMap((m) => m.shared.filter((s) => s.as).map((s) => ({ id: m.id, ...s })))[0];
			expect(near).toBeDefined();
			await page.goto('/');
			await page.locator('[data-open-search]').click();
			const dialog = page.getByRole('dialog');
			await dialog.getByLabel('Paste an error message').fill(TYPED.join(' '));
			const items = dialog.locator('[data-likely-articles] li');
			await expect(items).toHaveCount(LIKELY.length);
			const why = items.and(page.locator(`[data-article="${near.id}"]`)).locator('.likely-why');
			await expect(why).toContainText(`“${near.word}” (as “${near.as}”, in `);
			for (const text of await dialog.locator('[data-likely-articles] .likely-why').allInnerTexts()) {
				// Quoted as the reader's, outside "(as …)": only words they typed.
				const theirs = [...text.replace(/\(as “[^”]*”/g, '').matchAll(/“([^”]+)”/g)].map((m) => m[1]);
				expect(theirs.length).toBeGreaterThan(0);
				expect(theirs.filter((w) => !TYPED.includes(w))).toEqual([]);
			}
			expect(await seriousViolations(page, 'dialog.search-dialog')).toEqual([]);
		});
	});
}
