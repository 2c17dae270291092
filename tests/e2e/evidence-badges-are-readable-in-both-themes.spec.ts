import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { loadArticles } from '../../src/lib/content.ts';
import { evidenceClass, type EvidenceLevel } from '../../src/lib/evidence.ts';
import { ROOT } from './site.ts';

// Each article's sections, badges and metadata are checked in every-built-page-holds-its-content-policy-and-links.spec.ts,
// their badges' visibility in every-page-passes-axe-and-its-policy-in-chromium.spec.ts.
const OUTLINES = new Map(loadArticles(ROOT).map((a) => [a.data.id, a.outline]));

// One article per evidence level in use, so that each badge colour is checked in both themes.
const ARTICLE_BY_LEVEL = new Map<EvidenceLevel, string>();
for (const [id, outline] of OUTLINES) {
	for (const level of [outline.rootCauseEvidence, ...outline.fixes.map((f) => f.evidence)]) {
		if (level && !ARTICLE_BY_LEVEL.has(level as EvidenceLevel)) ARTICLE_BY_LEVEL.set(level as EvidenceLevel, id);
	}
}

for (const theme of ['light', 'dark']) {
	for (const [level, id] of ARTICLE_BY_LEVEL) {
		test(`the "${level}" badge is readable in the ${theme} theme (${id})`, async ({ page }) => {
			await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
			await page.goto(`/kb/${id}/`);
			await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
			await expect(page.locator(`.${evidenceClass(level)}`).first()).toBeVisible();
			const { violations } = await new AxeBuilder({ page }).include(`.${evidenceClass(level)}`).withRules(['color-contrast']).analyze();
			expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.failureSummary).join('; ')}`)).toEqual([]);
		});
	}
}
