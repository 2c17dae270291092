import { expect, test } from '@playwright/test';
import { TREE } from './site.ts';

test('the map has a box for every step, and every box links to a page that exists', async ({ page, request }) => {
	await page.goto('/wizard/map/');
	const hrefs = await page.locator('.wizard-map svg a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
	expect(hrefs.sort()).toEqual(TREE.nodes.map((n) => `/wizard/${n.id}/`).sort());
	for (const href of hrefs) expect((await request.get(href)).status(), href).toBe(200);
	expect(await page.locator('script').count()).toBe(await page.locator('script').evaluateAll((s) => s.filter((x) => !x.closest('.wizard-map')).length));
});
