import { expect, test } from '@playwright/test';
import { seriousViolations } from './axe.ts';

// The built pages, as loaded (every template and element kind): every-page-passes-axe-and-its-policy-in-chromium.spec.ts.

test('axe finds no serious or critical violation in the open search dialog', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Search', exact: true }).click();
	await page.getByRole('dialog', { name: 'Search' }).getByLabel('Paste an error message').fill('podman');
	await expect(page.locator('dialog .search-results li').first()).toBeVisible();
	expect(await seriousViolations(page, 'dialog')).toEqual([]);
});
