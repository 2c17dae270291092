import { expect, test } from '@playwright/test';
import { TREE } from './site.ts';
import { all, builtPageList, first, parsedPage, text } from './built-html.ts';
import { inlineCode, plainText } from '../../src/lib/inline-code.ts';

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

test.describe('at a desktop size', () => {
	test.use({ viewport: { width: 1280, height: 900 } });
	test('the map fits the width, zooms with buttons and keys, and names a focused box in full', async ({ page }) => {
		await page.goto('/wizard/map/');
		const viewport = page.locator('[data-map-viewport]');
		const frame = (await viewport.boundingBox())!;
		await expect(page.locator('[data-wizard-map]')).toHaveAttribute('data-map-fit', 'true');
		// After "fit" the map is as wide as its frame, unless that would draw its text below a readable size:
		// box text at least 11 px and answer labels at least 10 px on the screen (MIN_FIT_SCALE), and then it
		// scrolls sideways. Every root cause's box lies inside the frame's width, or its scrolling width.
		const shown = await page.locator('.wizard-map svg').evaluate((svg) => {
			const size = (sel: string) => {
				const t = svg.querySelector<SVGTextElement>(sel)!;
				return t.getScreenCTM()!.a * parseFloat(getComputedStyle(t).fontSize);
			};
			const v = svg.parentElement!;
			return { box: size('.box text'), label: size('.edge-label text'), scrolls: v.scrollWidth > v.clientWidth, scrollWidth: v.scrollWidth };
		});
		expect(shown.box).toBeGreaterThanOrEqual(11 - 0.01);
		expect(shown.label).toBeGreaterThanOrEqual(10 - 0.01);
		// The whole map (1,600 px drawn) cannot fit 1280 px at that size: it scrolls, and only at the floor.
		expect(shown.scrolls).toBe(true);
		expect(shown.box).toBeLessThan(11.05);
		for (const box of await page.locator('.wizard-map .box-result rect').all()) {
			const b = (await box.boundingBox())!;
			expect(b.x).toBeGreaterThanOrEqual(frame.x - 1);
			expect(b.x + b.width).toBeLessThanOrEqual(frame.x + shown.scrollWidth + 1);
		}
		// No line runs through an answer's label: every label is painted after (over) every line, on a halo of the page's colour.
		const labels = await page.locator('.wizard-map svg').evaluate((svg) => {
			const paths = svg.querySelectorAll('path');
			const texts = [...svg.querySelectorAll('.edge-label text')];
			const style = texts.length ? getComputedStyle(texts[0]) : undefined;
			return {
				count: texts.length,
				afterEveryLine: texts.every((t) => paths[paths.length - 1].compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING),
				halo: style ? { paintOrder: style.paintOrder, stroke: style.stroke, background: getComputedStyle(document.body).backgroundColor } : undefined,
			};
		});
		expect(labels.count).toBe(await page.locator('.wizard-map svg path').count());
		expect(labels.afterEveryLine).toBe(true);
		expect(labels.halo?.paintOrder).toMatch(/^stroke/);
		expect(labels.halo?.stroke).toBe(labels.halo?.background);
		const width = async () => Number(await page.locator('.wizard-map svg').getAttribute('width'));
		const fitted = await width();
		await page.getByRole('button', { name: 'Zoom in' }).click();
		expect(await width()).toBeGreaterThan(fitted);
		await viewport.focus();
		await page.keyboard.press('-');
		expect(await width()).toBe(fitted);
		// The first box's whole label, on focus (its link is named by it too).
		const first = page.locator('.wizard-map svg a').first();
		await first.focus();
		await expect(page.locator('[data-map-focused]')).toHaveText((await first.getAttribute('data-label'))!);
	});
});

test.describe('on a phone', () => {
	test.use({ viewport: { width: 390, height: 844 } });
	test('the map is an outline list, every step a link', async ({ page }) => {
		// As on the drawn map, a branch too large for one map is an item linking to that branch's own map.
		const steps = new Set<string>();
		const maps = ['/wizard/map/'];
		for (let i = 0; i < maps.length; i++) {
			await page.goto(maps[i]);
			await expect(page.locator('.wizard-map svg')).toBeHidden();
			const outline = page.locator('[data-map-outline]');
			await expect(outline).toHaveAttribute('open', '');
			for (const href of await outline.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
				if (href.startsWith('/wizard/map/')) {
					if (!maps.includes(href)) maps.push(href);
				} else steps.add(href);
			}
		}
		expect([...steps].sort()).toEqual(TREE.nodes.map((n) => `/wizard/${n.id}/`).sort());
	});
});

test('a branch map whose step has code spans shows them as code in its title, and plain text in the tab', () => {
	const byId = new Map(TREE.nodes.map((n) => [n.id, n]));
	const maps = builtPageList().filter((p) => /^\/wizard\/map\/[^/]+\/$/.test(p.path));
	const coded = maps.flatMap((p) => {
		const node = byId.get(p.path.split('/')[3])!;
		return 'prompt' in node && node.prompt.includes('`') ? [{ path: p.path, prompt: node.prompt }] : [];
	});
	expect(coded.length).toBeGreaterThan(0);
	for (const { path, prompt } of coded) {
		const page = parsedPage(path);
		expect(all(page, 'h1 code').map(text), path).toEqual(inlineCode(prompt).parts.filter((p) => p.code).map((p) => p.text));
		expect(text(first(page, 'h1')), path).toBe(`Wizard map: ${plainText(prompt)}`);
		expect(text(first(page, 'head > title')), path).toBe(`Wizard map: ${plainText(prompt)} | Faultline`);
	}
});
