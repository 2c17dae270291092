/**
 * Issue 19: Starlight's splash template (the home page, the wizard maps) shows no sidebar, and so on a phone
 * no ☰ menu and no navigation at all. These pages now have the menu an article has on a phone
 * (src/components/PageFrame.astro), and keep their splash layout, with no sidebar, on a wide screen.
 */
import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './axe.ts';
import { TREE } from './site.ts';
import { articlePath, PRODUCTS_PATH, WIZARD_PATH, wizardMapPath } from '../../src/lib/addresses.ts';
import { choicesOf } from '../../src/wizard/engine.ts';

// The splash pages: the home page, the whole map, and the map of the first area the first question leads to (a map of its own, src/wizard/site.ts).
const area = choicesOf(TREE.nodes.find((n) => n.id === TREE.start)!).find((c) => !c.wayOut)!.next;
const SPLASH = ['/', wizardMapPath(), wizardMapPath(area)];
const THEMES = ['light', 'dark'] as const;

/** Open the menu with its button; the pane it opens (the navigation's button and pane are both fixed: the navigation element itself has no size). */
async function openMenu(page: Page) {
	const button = page.getByRole('button', { name: 'Menu' });
	await expect(button).toBeVisible();
	await button.click();
	const menu = page.getByRole('navigation', { name: 'Main' }).locator('sl-sidebar-pane');
	await expect(menu).toBeVisible();
	return menu;
}

test.describe('on a phone', () => {
	test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

	for (const theme of THEMES) {
		test(`the home page has the menu an article has, and it leads to the wizard (${theme})`, async ({ page }) => {
			await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
			await page.goto(articlePath(TREE.nodes.find((n) => n.kind === 'result')!.article));
			const articleLinks = await (await openMenu(page)).getByRole('link').evaluateAll((as) => as.map((a) => [a.textContent!.trim(), a.getAttribute('href')]));
			expect(articleLinks.map(([, href]) => href)).toEqual(expect.arrayContaining(['/', WIZARD_PATH, PRODUCTS_PATH]));

			await page.goto('/');
			await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
			const menu = await openMenu(page);
			expect(await menu.getByRole('link').evaluateAll((as) => as.map((a) => [a.textContent!.trim(), a.getAttribute('href')]))).toEqual(articleLinks);
			// The page behind an open menu is out of reach (Starlight's focus trap), and the menu passes axe.
			await expect(page.locator('.main-frame')).toHaveAttribute('inert', '');
			expect(await seriousViolations(page)).toEqual([]);
			// The theme switch is in the menu, as on an article.
			const other = theme === 'light' ? 'dark' : 'light';
			await menu.locator('starlight-theme-select select').selectOption(other);
			await expect(page.locator('html')).toHaveAttribute('data-theme', other);
			await menu.getByRole('link', { name: 'Troubleshooting wizard' }).click();
			await expect(page).toHaveURL(new RegExp(`${WIZARD_PATH}$`));
		});
	}

	for (const path of SPLASH) {
		test(`${path} has the menu button, and nothing overflows sideways`, async ({ page }) => {
			const response = await page.goto(path);
			expect(response?.status()).toBe(200);
			const menu = await openMenu(page);
			await expect(menu.getByRole('link', { name: 'Home' })).toBeVisible();
			await page.getByRole('button', { name: 'Menu' }).click();
			await expect(menu).toBeHidden();
			// The search button and the menu button do not overlap in the header.
			const search = (await page.locator('header [data-open-search]').boundingBox())!;
			const button = (await page.getByRole('button', { name: 'Menu' }).boundingBox())!;
			expect(search.x + search.width).toBeLessThanOrEqual(button.x);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		});
	}
});

test.describe('on a desktop', () => {
	test.use({ viewport: { width: 1280, height: 900 } });

	test('the home page keeps its splash layout: no sidebar, no menu button, the content across the page', async ({ page }) => {
		await page.goto('/');
		await expect(page.locator('.lede:visible')).toHaveCount(1);
		await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
		await expect(page.getByRole('navigation', { name: 'Main' }).locator('sl-sidebar-pane')).toBeHidden();
		await expect(page.locator('header starlight-theme-select select')).toBeVisible();
		// The splash content is centred in the page, not pushed right by a sidebar's room.
		const lede = (await page.locator('.lede:visible').boundingBox())!;
		expect(Math.abs(lede.x + lede.width / 2 - 640)).toBeLessThanOrEqual(16);
	});
});
