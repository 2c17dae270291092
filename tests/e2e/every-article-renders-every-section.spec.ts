import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { ARTICLE_SECTIONS } from '../../src/lib/registry.ts';
import { fixesOf, rootCauseEvidenceOf } from '../../src/lib/article-body.ts';
import { loadArticles } from '../../src/lib/content.ts';
import { EVIDENCE_LEVELS, evidenceClass, type EvidenceLevel } from '../../src/lib/evidence.ts';
import { ARTICLES, ROOT } from './site.ts';

const BODIES = new Map(loadArticles(ROOT).map((a) => [a.data.id, a.body]));

for (const article of ARTICLES) {
	test(`${article.shortId} ${article.id} renders its sections in the template order`, async ({ page }) => {
		await page.goto(`/kb/${article.id}/`);
		await expect(page.locator('h1')).toHaveText(article.title);
		await expect(page.locator('.article-meta .short-id')).toHaveText(article.shortId);
		const headings = await page.locator('.sl-markdown-content h2').allInnerTexts();
		expect(headings.map((h) => h.trim())).toEqual([...ARTICLE_SECTIONS]);

		// Symptoms, versions and references come from the front matter.
		await expect(page.locator('ul.symptoms li')).toHaveCount(article.symptoms.length);
		await expect(page.locator('table.versions tbody tr')).toHaveCount(article.versions.length);
		await expect(page.locator('ol.sources li')).toHaveCount(article.sources.length);

		// Every signature is on the page verbatim, in a code block with a copy button.
		const code = (await page.locator('.expressive-code pre').allInnerTexts()).join('\n');
		for (const s of article.signatures) expect(code).toContain(s.line);
		await expect(page.locator('.expressive-code .copy button').first()).toBeVisible();

		// The root cause and every fix show their evidence level as a badge, in their own section:
		// the level written out, its definition as a tooltip, in the site stylesheet's colours.
		const body = BODIES.get(article.id)!;
		const expected = [
			{ section: 'root-cause', level: rootCauseEvidenceOf(body)! },
			...fixesOf(body).map((f) => ({ section: f.anchor!, level: f.evidence! })),
		].map(({ section, level }) => ({ section, className: `evidence-badge ${evidenceClass(level as EvidenceLevel)}`, title: EVIDENCE_LEVELS[level as EvidenceLevel], text: `Evidence: ${level}` }));
		const badges = await page.evaluate(() => {
			const found: { section: string; className: string; title: string | null; text: string }[] = [];
			let section = '';
			for (const el of document.querySelectorAll('.sl-markdown-content :is(h2, h3, .evidence-badge)')) {
				if (el.matches('h2, h3')) section = el.id;
				else found.push({ section, className: el.className, title: el.getAttribute('title'), text: (el as HTMLElement).innerText.replace(/\s*\(.*$/s, '').trim() });
			}
			return found;
		});
		expect(badges).toEqual(expected);
		const badge = page.locator('.evidence-badge').first();
		await expect(badge).toBeVisible();
		expect(await badge.evaluate((el) => getComputedStyle(el).borderTopStyle)).not.toBe('none');

		// The summary is the meta description.
		await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', article.summary);
	});
}

// One article per evidence level in use, so that each badge colour is checked in both themes.
const ARTICLE_BY_LEVEL = new Map<EvidenceLevel, string>();
for (const [id, body] of BODIES) {
	for (const level of [rootCauseEvidenceOf(body), ...fixesOf(body).map((f) => f.evidence)]) {
		if (level && !ARTICLE_BY_LEVEL.has(level as EvidenceLevel)) ARTICLE_BY_LEVEL.set(level as EvidenceLevel, id);
	}
}

for (const theme of ['light', 'dark']) {
	for (const [level, id] of ARTICLE_BY_LEVEL) {
		test(`the "${level}" badge is readable in the ${theme} theme (${id})`, async ({ page }) => {
			test.slow(); // axe's colour check takes a while on a loaded machine
			await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
			await page.goto(`/kb/${id}/`);
			await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
			await expect(page.locator(`.${evidenceClass(level)}`).first()).toBeVisible();
			const { violations } = await new AxeBuilder({ page }).include(`.${evidenceClass(level)}`).withRules(['color-contrast']).analyze();
			expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.failureSummary).join('; ')}`)).toEqual([]);
		});
	}
}
