import { expect, test } from '@playwright/test';
import { evidenceClass, type EvidenceLevel } from '../../src/lib/evidence.ts';
import { LOADED_ARTICLES } from './site.ts';
import { axeOn } from './axe.ts';

// Each article's sections, badges and metadata are checked in every-built-page-holds-its-content-policy-and-links.spec.ts,
// their badges' visibility in every-page-passes-axe-and-its-policy-in-chromium.spec.ts.
const OUTLINES = new Map(LOADED_ARTICLES.map((a) => [a.data.id, a.outline]));

/** The evidence levels each article shows as badges (its root cause's and its fixes'). */
const LEVELS_OF = new Map(
	[...OUTLINES].map(([id, outline]) => [id, new Set([outline.rootCauseEvidence, ...outline.fixes.map((f) => f.evidence)].filter((l): l is EvidenceLevel => !!l))]),
);
const LEVELS_IN_USE = new Set([...LEVELS_OF.values()].flatMap((levels) => [...levels]));

/**
 * The fewest articles (greedily) that between them show a badge of every level in use, each with the
 * levels it is loaded for: each badge colour is checked in both themes, and a page is loaded once per
 * theme for all the levels it shows. One article per level was 8 page loads (2026-11-30: 177 s of a
 * loaded machine's test time), most of this file's time.
 */
const ARTICLES_FOR_LEVELS: [id: string, levels: EvidenceLevel[]][] = [];
for (const left = new Set(LEVELS_IN_USE); left.size > 0; ) {
	const [id, levels] = [...LEVELS_OF].reduce((a, b) => ([...b[1]].filter((l) => left.has(l)).length > [...a[1]].filter((l) => left.has(l)).length ? b : a));
	const taken = [...levels].filter((l) => left.has(l));
	ARTICLES_FOR_LEVELS.push([id, taken]);
	for (const l of taken) left.delete(l);
}

test('every evidence level in use is checked, on an article that shows it', () => {
	expect(ARTICLES_FOR_LEVELS.flatMap(([, levels]) => levels).sort()).toEqual([...LEVELS_IN_USE].sort());
	for (const [id, levels] of ARTICLES_FOR_LEVELS) for (const level of levels) expect(LEVELS_OF.get(id)!.has(level), `${id} ${level}`).toBe(true);
});

for (const theme of ['light', 'dark']) {
	for (const [id, levels] of ARTICLES_FOR_LEVELS) {
		test(`the ${levels.map((l) => `"${l}"`).join(', ')} badge${levels.length > 1 ? 's are' : ' is'} readable in the ${theme} theme (${id})`, async ({ page }) => {
			await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
			await page.goto(`/kb/${id}/`);
			await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
			let axe = axeOn(page).withRules(['color-contrast']);
			for (const level of levels) {
				await expect(page.locator(`.${evidenceClass(level)}`).first(), level).toBeVisible();
				axe = axe.include(`.${evidenceClass(level)}`);
			}
			// One axe run over the badges of all these levels (each failing node is named by its target, which holds its level's class).
			const { violations } = await axe.analyze();
			expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`).join('; ')}`)).toEqual([]);
		});
	}
}
