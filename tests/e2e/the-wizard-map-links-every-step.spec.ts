import { expect, test } from '@playwright/test';
import { TREE } from './site.ts';

test('the map has a box for every step, and every box links to a page that exists', async ({ page, request }) => {
	// A tree larger than one map's MAX_BOXES (src/wizard/map.ts) draws a branch as one box linking to that branch's own map.
	const steps = new Set<string>();
	const maps = ['/wizard/map/'];
	for (let i = 0; i < maps.length; i++) {
		await page.goto(maps[i]);
		const hrefs = await page.locator('.wizard-map svg a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
		for (const href of hrefs) {
			if (href.startsWith('/wizard/map/')) {
				if (!maps.includes(href)) maps.push(href);
			} else steps.add(href);
		}
		expect(await page.locator('script').count()).toBe(await page.locator('script').evaluateAll((s) => s.filter((x) => !x.closest('.wizard-map')).length));
	}
	expect([...steps].sort()).toEqual(TREE.nodes.map((n) => `/wizard/${n.id}/`).sort());
	for (const href of [...steps, ...maps]) expect((await request.get(href)).status(), href).toBe(200);
});
