/**
 * Issue 19, seen as a new reader sees it: at a desktop and a phone size, in both themes, the search
 * dialog is centred and behaves like Starlight's own, and the home page leads with the paste box; once,
 * the wizard asks its first question on /wizard/, renders code spans as code and shows a result's fix.
 * Each case reads what it expects from the real content, never a copy of it.
 */
import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './axe.ts';
import { focusRing } from './focus.ts';
import { ROOT, TREE } from './site.ts';
import { loadKnowledgeBase } from '../../src/lib/knowledge-base.ts';
import { homeExamples } from '../../src/lib/home-examples.ts';
import { inlineCode, plainText } from '../../src/lib/inline-code.ts';
import { choicesOf } from '../../src/wizard/engine.ts';
import { articlePath, wizardStepPath, WIZARD_PATH } from '../../src/lib/addresses.ts';

const kb = loadKnowledgeBase(ROOT);
const SIZES = [
	{ name: 'desktop', width: 1280, height: 900 },
	{ name: 'phone', width: 390, height: 844 },
];
const THEMES = ['light', 'dark'] as const;

async function inTheme(page: Page, theme: string) {
	await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
}

for (const size of SIZES) {
	for (const theme of THEMES) {
		test.describe(`${size.name}, ${theme}`, () => {
			test.use({ viewport: { width: size.width, height: size.height } });

			test('the home page leads with the paste box; the search dialog opens centred, keeps focus, closes on Escape', async ({ page }) => {
				await inTheme(page, theme);
				await page.goto('/');
				await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
				await expect(page).toHaveTitle(/^Faultline: /);
				expect((await page.title()).match(/Faultline/g)).toHaveLength(1);
				// One promise shows: in full on a desktop, one line on a phone.
				await expect(page.locator('.lede:visible')).toHaveCount(1);
				await expect(page.locator('.lede:visible')).toContainText(/nothing you paste leaves/i);
				const pasteBox = page.locator('.home-paste').getByRole('textbox', { name: 'Paste an error message' });
				await expect(pasteBox).toBeInViewport();
				// The paste box is the first thing seen: its top in the first screen's upper half (on a phone it was at
				// y=449 of 844, under the title and a five-line promise: the s12 new-user walk).
				expect((await pasteBox.boundingBox())!.y).toBeLessThan(size.height / 2);
				await page.screenshot({ path: `test-results/s12-ui2-home-${size.width}-${theme}.png` });
				await expect(page.locator('.home-examples a')).toHaveCount(homeExamples(kb).length);
				expect(homeExamples(kb).length).toBeGreaterThanOrEqual(2);
				// The whole page in the light theme is every-page-passes-axe's; here the dark one, once.
				if (size.name === 'desktop' && theme === 'dark') expect(await seriousViolations(page)).toEqual([]);

				const opener = page.locator('[data-open-search]');
				await opener.focus();
				await page.keyboard.press('Enter');
				const dialog = page.locator('dialog.search-dialog');
				await expect(dialog).toBeVisible();
				await expect(dialog.getByRole('textbox', { name: 'Paste an error message' })).toBeFocused();
				const box = (await dialog.boundingBox())!;
				expect(Math.abs(box.x + box.width / 2 - size.width / 2)).toBeLessThanOrEqual(3);
				expect(box.y).toBeGreaterThanOrEqual(0);
				expect(box.y + box.height).toBeLessThanOrEqual(size.height + 1);
				// The Close button sits in the dialog's header, at its right edge, level with the title.
				const close = (await dialog.getByRole('button', { name: 'Close' }).boundingBox())!;
				const title = (await dialog.getByRole('heading', { name: 'Paste an error, or search' }).boundingBox())!;
				expect(close.x + close.width).toBeGreaterThan(box.x + box.width - 48);
				expect(Math.abs(close.y + close.height / 2 - (title.y + title.height / 2))).toBeLessThan(12);
				// Around the dialog's controls twice, both ways: focus never leaves it.
				for (const key of ['Tab', 'Shift+Tab']) {
					for (let i = 0; i < 8; i++) {
						await page.keyboard.press(key);
						expect(await dialog.evaluate((d) => d.contains(document.activeElement) && d !== document.activeElement)).toBe(true);
					}
				}
				expect(await seriousViolations(page, 'dialog.search-dialog')).toEqual([]);
				if (size.name === 'desktop') {
					// Its results' links in the site's link colour, as in an article, not the browser's own.
					await dialog.getByRole('textbox', { name: 'Paste an error message' }).fill('uid_map');
					await dialog.getByRole('button', { name: 'Find the cause' }).click();
					const link = dialog.locator('ol a').first();
					await expect(link).toBeVisible();
					const accent = await page.evaluate(() => {
						const probe = document.body.appendChild(document.createElement('span'));
						probe.style.color = 'var(--sl-color-text-accent)';
						const colour = getComputedStyle(probe).color;
						probe.remove();
						return colour;
					});
					await expect(link).toHaveCSS('color', accent);
					await dialog.getByRole('textbox', { name: 'Paste an error message' }).focus();
				}
				await page.keyboard.press('Escape');
				await expect(dialog).toBeHidden();
				await expect(opener).toBeFocused();
			});
		});
	}
}

test('an example error on the home page opens its article in one click', async ({ page }) => {
	const [example] = homeExamples(kb);
	await page.goto('/');
	await page.locator('.home-examples a').first().click();
	await expect(page).toHaveURL(/\/match\/#q=/);
	await expect(page.locator('[data-known-errors] a').first()).toHaveAttribute('href', articlePath(example.article));
});

test('/wizard/ asks the first question itself', async ({ page }) => {
	const first = kb.wizard.byId.get(TREE.start)!;
	await page.goto(WIZARD_PATH);
	await expect(page.locator('[data-first-question]')).toHaveText(plainText('prompt' in first ? first.prompt : ''));
	const choices = choicesOf(first);
	await expect(page.locator('.wizard-choices a')).toHaveCount(choices.length);
	await expect(page.locator('.wizard-choices a').first()).toHaveAttribute('href', wizardStepPath(choices[0].next));
	// axe on /wizard/ in the light theme is every-page-passes-axe-and-its-policy-in-chromium's (a page of its own
	// template, always among the pages it loads): the same check there, not run twice.
});

// The answer whose code spans hold backticks (written with two), or else any answer with code spans.
const backticked = TREE.nodes
	.flatMap((n) => (n.kind === 'question' ? n.answers.map((a) => ({ node: n, answer: a })) : []))
	.sort((a, b) => Number(b.answer.label.includes('``')) - Number(a.answer.label.includes('``')))
	.find((x) => inlineCode(x.answer.label).parts.some((p) => p.code))!;

test('a backticked answer renders one code element per pair of backticks, on its question and in the answers so far', async ({ page }) => {
	const spans = inlineCode(backticked.answer.label).parts.filter((p) => p.code).map((p) => p.text);
	await page.goto(wizardStepPath(backticked.node.id));
	const link = page.locator('.wizard-choices a', { hasText: plainText(backticked.answer.label) });
	await expect(link.locator('code')).toHaveText(spans);
	await link.click();
	await expect(page).toHaveURL(new RegExp(`${wizardStepPath(backticked.answer.next)}$`));
	const answer = page.getByRole('navigation', { name: 'Your answers so far' }).locator('.trail-answer').last();
	await expect(answer.locator('code')).toHaveText(spans);
});

// A result whose recommended fix has code.
const result = TREE.nodes.find((n) => n.kind === 'result' && kb.byId.get(n.article)!.outline.fixes[0].code.length > 0 && !n.fix)!;

test('a result step shows the recommended fix with its commands and how to verify it', async ({ page }) => {
	if (result.kind !== 'result') throw new Error('not a result');
	const fix = kb.byId.get(result.article)!.outline.fixes[0];
	await page.goto(wizardStepPath(result.id));
	const shown = page.locator('[data-wizard-fix]');
	await expect(shown.getByRole('heading')).toHaveText(`The recommended fix: ${plainText(fix.title)}`);
	await expect(shown.locator('pre').first()).toContainText(fix.code[0].code.split('\n')[0].trim());
	await expect(shown.locator('[data-wizard-verify]')).toHaveText(`Verify: ${plainText(fix.verify!.text)}`);
	// The fix's instructions as the article has them, in order: one block per paragraph, list or code block.
	expect(await blocksBeforeVerify(page)).toBe(fix.steps.length);
	await inTheme(page, 'dark');
	await page.reload();
	expect(await seriousViolations(page)).toEqual([]);
	// The fix's code takes the focus (a long line scrolls in it), with a ring that shows on the dark theme's code too.
	const code = shown.locator('pre').first();
	await expect(code).toHaveAttribute('tabindex', '0');
	await code.focus();
	const ring = await focusRing(code);
	expect(ring).toMatchObject({ focusVisible: true, style: 'solid' });
	expect(ring.contrast).toBeGreaterThanOrEqual(3);
});

// A result whose recommended fix has code after its Verify paragraph (a check to run once the fix is in).
const verifiedAfter = TREE.nodes.find((n) => {
	if (n.kind !== 'result') return false;
	const fix = kb.byId.get(n.article)!.outline.fixes.find((f) => f.anchor === (n.fix ?? kb.fixes.get(n.article)?.[0]));
	return !!fix?.verify && fix.code.some((c) => c.line > fix.verify!.line);
})!;

test('a result step shows the code after the Verify paragraph after it, each block with its own lead', async ({ page }) => {
	if (verifiedAfter.kind !== 'result') throw new Error('not a result');
	const fix = kb.byId.get(verifiedAfter.article)!.outline.fixes.find((f) => f.anchor === (verifiedAfter.fix ?? kb.fixes.get(verifiedAfter.article)?.[0]))!;
	const after = fix.code.filter((c) => c.line > fix.verify!.line);
	await page.goto(wizardStepPath(verifiedAfter.id));
	const shown = page.locator('[data-wizard-fix]');
	await expect(shown.locator('pre')).toHaveCount(fix.code.length);
	const afterVerify = shown.locator('[data-wizard-verify] ~ .expressive-code pre');
	await expect(afterVerify).toHaveCount(after.length);
	for (const [i, c] of after.entries()) await expect(afterVerify.nth(i)).toContainText(c.code.split('\n')[0].trim());
	// Each block after Verify comes with the article's sentence just above it (what it is for).
	await expect(shown.locator('[data-wizard-fix-lead]')).toHaveText(after.flatMap((c) => (c.lead ? [plainText(c.lead)] : [])));
});

/** The blocks a result step shows between its fix's heading and its Verify paragraph (the examples note aside). */
const blocksBeforeVerify = (page: Page) =>
	page.locator('[data-wizard-fix]').evaluate((section) => {
		const blocks: Element[] = [];
		for (let el = section.querySelector('h2')!.nextElementSibling; el && !el.matches('[data-wizard-verify]'); el = el.nextElementSibling) if (!el.matches('[data-wizard-examples]')) blocks.push(el);
		return blocks.length;
	});

// A result whose recommended fix is written as prose with no code before its Verify paragraph: it showed
// nothing but its title and Verify on 80 of 276 result steps (new-user walk, problem 1).
const proseOnly = TREE.nodes.find((n) => {
	if (n.kind !== 'result') return false;
	const fix = kb.byId.get(n.article)!.outline.fixes.find((f) => f.anchor === (n.fix ?? kb.fixes.get(n.article)?.[0]));
	return !!fix?.verify && fix.steps.length > 0 && fix.steps.every((s) => s.kind === 'markdown');
})!;

test("a result step whose fix is prose shows the fix's instructions between its title and Verify", async ({ page }) => {
	if (proseOnly.kind !== 'result') throw new Error('not a result');
	const fix = kb.byId.get(proseOnly.article)!.outline.fixes.find((f) => f.anchor === (proseOnly.fix ?? kb.fixes.get(proseOnly.article)?.[0]))!;
	await page.goto(wizardStepPath(proseOnly.id));
	expect(await blocksBeforeVerify(page)).toBe(fix.steps.length);
	// Inline code stays code, and nothing of the Markdown shows raw.
	const first = page.locator('[data-wizard-fix] h2 ~ :is(p, ul, ol)').first();
	if (fix.steps[0].kind === 'markdown' && fix.steps[0].markdown.includes('`')) await expect(first.locator('code').first()).toBeVisible();
	await expect(first).not.toContainText('`');
	await expect(first).not.toContainText('**');
});

// A result whose article records output that rules it out (issue 18: what would prove the result wrong).
const disproved = TREE.nodes.find((n) => n.kind === 'result' && kb.byId.get(n.article)!.data.diagnostics.some((d) => d.means === 'rules-out'))!;

test('a result step says what would prove it wrong: the article\'s own "rules out" output', async ({ page }) => {
	if (disproved.kind !== 'result') throw new Error('not a result');
	const rulesOut = kb.byId.get(disproved.article)!.data.diagnostics.filter((d) => d.means === 'rules-out');
	await page.goto(wizardStepPath(disproved.id));
	const shown = page.locator('[data-wizard-disproof]');
	await expect(shown.getByRole('heading')).toHaveText('Not this cause if…');
	await expect(shown.locator('pre')).toHaveCount(rulesOut.length * 2);
	await expect(shown.locator('pre').nth(1)).toContainText(rulesOut[0].output.split('\n')[0].trim());
});

// The typography pass keeps `--` as written: "Give --userns=auto its user" once showed "Give —userns=auto its
// user", an option that does not exist, in the heading and the table of contents (new-user walk, problem 3).
test('an option with two dashes shows as written in headings, the table of contents and prose', async ({ page }) => {
	await page.goto(articlePath('podman-no-subuid-range-for-user'));
	await expect(page.locator('main h3#userns-auto-containers-user')).toHaveText('Give --userns=auto its user');
	await expect(page.locator('starlight-toc a[href="#userns-auto-containers-user"]').first()).toHaveText('Give --userns=auto its user');
	expect(await page.locator('main').innerText()).not.toMatch(/—[a-z]/);
	// Cited articles are links: "(FL-0014)" leads to that article.
	await expect(page.locator('main .sl-markdown-content a', { hasText: /^FL-\d{4}$/ }).first()).toHaveAttribute('href', /^\/kb\/[a-z0-9-]+\/$/);
});
// On a phone the home page has the menu an article has, with the theme switch in it: every-page-has-the-site-menu-on-a-phone.
