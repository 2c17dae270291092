/**
 * Issue 19, a reader with the error on a phone: FL-0079 is 8,000 px tall there, its fixes six screens down,
 * and Starlight's "On this page" is folded away. The "Jump to" box under the article's lead
 * (src/components/links/ArticleJumps.astro) names the recommended fix, How to confirm and the other sections.
 * At a desktop and a phone size, in both themes: the fix's link is on the first screen, following it puts the
 * fix's first command on screen, every jump lands on an element of the page, and axe finds nothing.
 * What is expected is read from the article's outline in the model, never a copy of it.
 */
import { expect, test } from '@playwright/test';
import { seriousViolations } from './axe.ts';
import { attr, first, parsedPage } from './built-html.ts';
import { LOADED_ARTICLES } from './site.ts';
import { articlePath } from '../../src/lib/addresses.ts';
import { plainText } from '../../src/lib/inline-code.ts';
import { SECTION_ANCHORS } from '../../src/lib/registry.ts';

const SIZES = [
	{ name: 'desktop', width: 1280, height: 900, mobile: false },
	{ name: 'phone', width: 390, height: 844, mobile: true },
];
const THEMES = ['light', 'dark'] as const;
// The article of the new-user walk: the longest on a phone, its recommended fix's commands after two paragraphs.
const article = LOADED_ARTICLES.find((a) => a.data.id === 'podman-no-subuid-range-for-user')!;
const fix = article.outline.fixes[0];

for (const size of SIZES) {
	for (const theme of THEMES) {
		test.describe(`${size.name}, ${theme}`, () => {
			test.use({ viewport: { width: size.width, height: size.height }, hasTouch: size.mobile, isMobile: size.mobile });

			test('the recommended fix is linked on the first screen, and following it shows its first command', async ({ page }) => {
				await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
				await page.goto(articlePath(article.data.id));
				await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
				const jumps = page.getByRole('navigation', { name: 'Jump to' });
				const link = jumps.locator('[data-jump-fix]');
				await expect(link).toHaveText(`Recommended fix: ${plainText(fix.title)}`);
				await expect(link).toHaveAttribute('href', `#${fix.anchor}`);
				await expect(link).toBeInViewport({ ratio: 1 });
				// How to confirm comes first among the sections, then every other section the article has, in its order.
				const sections = article.outline.sections.map((s) => SECTION_ANCHORS[s.text as keyof typeof SECTION_ANCHORS]);
				const confirm = SECTION_ANCHORS['How to confirm'];
				await expect(jumps.locator('li a')).toHaveCount(sections.length);
				expect(await jumps.locator('li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([confirm, ...sections.filter((s) => s !== confirm)].map((s) => `#${s}`));
				// Every jump lands on an element of this page.
				for (const href of await jumps.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) await expect(page.locator(href)).toHaveCount(1);
				expect(await seriousViolations(page)).toEqual([]);

				await link.click();
				await expect(page).toHaveURL(new RegExp(`#${fix.anchor}$`));
				const command = page.locator(`#${fix.anchor} ~ .expressive-code pre`).first();
				await expect(command).toContainText(fix.code[0].code.split('\n')[0].trim());
				await expect(command).toBeInViewport();
				await expect(page.locator(`#${fix.anchor}`)).toBeInViewport();
			});
		});
	}
}

test('every article has the box under its lead, its first link the recommended fix, landing on the fix heading', () => {
	for (const a of LOADED_ARTICLES) {
		const page = parsedPage(articlePath(a.data.id));
		const link = first(page, 'nav[data-jumps] a[data-jump-fix]');
		expect(attr(link, 'href'), a.data.id).toBe(`#${a.outline.fixes[0].anchor}`);
		expect(first(page, 'nav[data-jumps] a'), a.data.id).toBe(link);
		expect(first(page, `h3[id="${a.outline.fixes[0].anchor}"]`), a.data.id).toBeDefined();
		expect(first(page, '.summary + nav[data-jumps]'), a.data.id).toBeDefined();
	}
});
