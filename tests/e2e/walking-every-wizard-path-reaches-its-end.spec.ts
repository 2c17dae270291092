import { expect, test } from '@playwright/test';
import { EDGES, TREE, type WizardEdge } from './site.ts';

// Every path through the tree is its answers, one after another, and a step's page is the same
// however the reader came to it (each step has one way in). So following every answer once, from its
// own step, follows every step of every path: that is done in the built HTML, where it costs no browser
// (every-built-page-holds-its-content-policy-and-links.spec.ts: the step, the answers so far, the link to
// the next step, the article a result names, the report link of an end, for all answers). The pages a
// step's answers lead to are static links, the same with and without JavaScript; what JavaScript could
// change is the same on every step of a kind, so Chromium with JavaScript on clicks one answer into
// each kind of step (a question, a result, an end), and one whole path without JavaScript
// (articles-and-wizard-steps-work-without-javascript.spec.ts). Clicking all answers in Chromium was 37
// tests and a tenth of the suite's time.
const byId = new Map(TREE.nodes.map((n) => [n.id, n]));

test(`the ${EDGES.length} answers cover every step but the first as the end of one`, () => {
	expect(new Set(EDGES.map((e) => e.to))).toEqual(new Set(TREE.nodes.filter((n) => n.id !== TREE.start).map((n) => n.id)));
});

/** One answer into each kind of step, the deepest of its kind (the longest trail to count). */
const SAMPLE: WizardEdge[] = [...new Set(TREE.nodes.map((n) => n.kind))].map(
	(kind) => EDGES.filter((e) => byId.get(e.to)!.kind === kind).sort((a, b) => b.depth - a.depth)[0],
).filter((e): e is WizardEdge => !!e);

test('one answer is clicked into every kind of step', () => {
	expect(new Set(SAMPLE.map((e) => byId.get(e.to)!.kind))).toEqual(new Set(TREE.nodes.filter((n) => n.id !== TREE.start).map((n) => n.kind)));
});

for (const edge of SAMPLE) {
	test(`with JavaScript on, clicking answer ${edge.choice + 1} of ${edge.from} leads to the ${byId.get(edge.to)!.kind} ${edge.to}`, async ({ page }) => {
		await page.goto(`/wizard/${edge.from}/`);
		await expect(page.locator('[data-step]')).toHaveAttribute('data-step', edge.from);
		await expect(page.locator('.wizard-trail li')).toHaveCount(edge.depth);
		await page.locator('.wizard-choices > li').nth(edge.choice).getByRole('link').click();
		await expect(page).toHaveURL(new RegExp(`/wizard/${edge.to}/(\\?picked=${edge.from}\\.${edge.choice})?$`));
		await expect(page.locator('.wizard-trail li')).toHaveCount(edge.depth + 1);
		const end = byId.get(edge.to)!;
		if (end.kind === 'result') {
			await expect(page.locator('.wizard-result').getByRole('link').first()).toHaveAttribute('href', `/kb/${end.article}/`);
		} else if (end.kind === 'end') {
			await expect(page.locator('.wizard-end').getByRole('link', { name: 'report this problem' })).toBeVisible();
		}
	});
}
