import { expect, test } from '@playwright/test';
import { EDGES, TREE, type WizardEdge } from './site.ts';

// Every path through the tree is its answers, one after another, and a step's page is the same
// however the reader came to it (each step has one way in). So clicking every answer once, from its
// own step, clicks every step of every path. Without JavaScript the same links are followed in the
// built HTML (every-built-page-holds-its-content-policy-and-links.spec.ts), and one whole path in a
// browser with JavaScript off (articles-and-wizard-steps-work-without-javascript.spec.ts).
const byId = new Map(TREE.nodes.map((n) => [n.id, n]));
const byStep = new Map<string, WizardEdge[]>();
for (const e of EDGES) byStep.set(e.from, [...(byStep.get(e.from) ?? []), e]);

test(`the ${EDGES.length} answers cover every step but the first as the end of one`, () => {
	expect(new Set(EDGES.map((e) => e.to))).toEqual(new Set(TREE.nodes.filter((n) => n.id !== TREE.start).map((n) => n.id)));
});

for (const [step, edges] of byStep) {
	test(`with JavaScript on, clicking each answer of ${step} leads to its step (${edges.map((e) => e.to).join(', ')})`, async ({ page }) => {
		for (const edge of edges) {
			await page.goto(`/wizard/${step}/`);
			await expect(page.locator('[data-step]')).toHaveAttribute('data-step', step);
			await expect(page.locator('.wizard-trail li')).toHaveCount(edge.depth);
			await page.locator('.wizard-choices > li').nth(edge.choice).getByRole('link').click();
			await expect(page).toHaveURL(new RegExp(`/wizard/${edge.to}/$`));
			await expect(page.locator('.wizard-trail li')).toHaveCount(edge.depth + 1);
			const end = byId.get(edge.to)!;
			if (end.kind === 'result') {
				await expect(page.locator('.wizard-result').getByRole('link').first()).toHaveAttribute('href', `/kb/${end.article}/`);
			} else if (end.kind === 'end') {
				await expect(page.locator('.wizard-end').getByRole('link', { name: 'report this problem' })).toBeVisible();
			}
		}
	});
}
