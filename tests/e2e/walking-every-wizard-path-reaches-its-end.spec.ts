import { expect, test, type Page } from '@playwright/test';
import { PATHS, TREE } from './site.ts';
import type { WizardState } from '../../src/wizard/engine.ts';

const byId = new Map(TREE.nodes.map((n) => [n.id, n]));

async function walk(page: Page, path: WizardState) {
	await page.goto(`/wizard/${TREE.start}/`);
	for (const [i, a] of path.answers.entries()) {
		await expect(page.locator('[data-step]')).toHaveAttribute('data-step', a.node);
		await page.locator('.wizard-choices > li').nth(a.choice).getByRole('link').click();
		await expect(page.locator('.wizard-trail li')).toHaveCount(i + 1);
	}
	await expect(page).toHaveURL(new RegExp(`/wizard/${path.at}/$`));
	const end = byId.get(path.at)!;
	if (end.kind === 'result') {
		await expect(page.locator('.wizard-result').getByRole('link').first()).toHaveAttribute('href', `/kb/${end.article}/`);
	} else {
		await expect(page.locator('.wizard-end').getByRole('link', { name: 'report this problem' })).toBeVisible();
	}
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });
		for (const path of PATHS) {
			test(`clicking ${path.answers.map((a) => `${a.node}:${a.choice}`).join(' › ')} reaches ${path.at}`, async ({ page }) => {
				await walk(page, path);
			});
		}
	});
}
