import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { builtPages } from './site.ts';

for (const path of builtPages()) {
	test(`axe finds no serious or critical violation on ${path}`, async ({ page }) => {
		await page.goto(path);
		// Scripts add the copy buttons after load; check the page as the reader gets it.
		await page.waitForLoadState('networkidle');
		const { violations } = await new AxeBuilder({ page }).analyze();
		const serious = violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
		expect(serious).toEqual([]);
	});
}

test('axe finds no serious or critical violation in the open search dialog', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Search' }).click();
	await page.getByRole('dialog', { name: 'Search' }).getByLabel('Paste an error message').fill('podman');
	await expect(page.locator('dialog .search-results li').first()).toBeVisible();
	const { violations } = await new AxeBuilder({ page }).include('dialog').analyze();
	expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});
