import { expect, test, type Page } from '@playwright/test';
import { TREE } from './site.ts';
import { all, attr, builtPageList, first, parsedPage, text } from './built-html.ts';
import { inlineCode, plainText } from '../../src/lib/inline-code.ts';

/** The links in `selector` on a built map page, as served (the maps are static HTML: their one script, map-zoom.ts, zooms the drawing and opens the outline). */
const mapLinks = (path: string, selector: string) => all(parsedPage(path), selector).map((a) => attr(a, 'href')!);

/**
 * Every map page, from the start's, and every step the links in `selector` lead to. A tree larger than one
 * map's MAX_BOXES (src/wizard/map.ts) draws a branch as one box linking to that branch's own map.
 */
function walkMaps(selector: string): { maps: string[]; steps: Set<string> } {
	const steps = new Set<string>();
	const maps = ['/wizard/map/'];
	for (let i = 0; i < maps.length; i++) {
		for (const href of mapLinks(maps[i], selector)) {
			if (href.startsWith('/wizard/map/')) {
				if (!maps.includes(href)) maps.push(href);
			} else steps.add(href);
		}
	}
	return { maps, steps };
}

/** How many scripts a page has in all, and outside its map: the same when no script is inside the map. */
const scriptsInAllAndOutsideTheMap = (page: Page) => Promise.all([page.locator('script').count(), page.locator('script').evaluateAll((s) => s.filter((x) => !x.closest('.wizard-map')).length)]);

// The map pages are read as built (built-html.ts), each once; a browser loads the start's map here, and it and
// a branch's map at a phone's width below. Loading every map page in the browser (20 of them, twice) was
// most of this file's time, and the browser adds nothing to their links.
test('the map has a box for every step, and every box links to a page that exists', async ({ page, baseURL }) => {
	const { maps, steps } = walkMaps('.wizard-map svg a');
	expect([...steps].sort()).toEqual(TREE.nodes.map((n) => `/wizard/${n.id}/`).sort());
	// No script inside any map: as built, and in the browser on the start's map, whose drawing links as built.
	for (const path of maps) expect(all(parsedPage(path), '.wizard-map script'), path).toEqual([]);
	await page.goto(maps[0]);
	expect(await page.locator('.wizard-map svg a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))).toEqual(mapLinks(maps[0], '.wizard-map svg a'));
	const [scripts, outside] = await scriptsInAllAndOutsideTheMap(page);
	expect(scripts).toBe(outside);
	// From Node (fetch, as the hostile-input spec asks the server), 16 at a time: one request after another
	// through the browser's request context, about 400 of them, was most of this test's time. (All 400 at
	// once failed once on a loaded machine: more connections than the server took.)
	const hrefs = [...steps, ...maps];
	for (let i = 0; i < hrefs.length; i += 16) {
		const statuses = await Promise.all(hrefs.slice(i, i + 16).map(async (href) => [href, (await fetch(new URL(href, baseURL), { method: 'HEAD' })).status] as const));
		for (const [href, status] of statuses) expect(status, href).toBe(200);
	}
});

test.describe('at a desktop size', () => {
	test.use({ viewport: { width: 1280, height: 900 } });
	test('"whole width" draws every root cause inside the frame, and names a box under the pointer in full', async ({ page }) => {
		await page.goto('/wizard/map/');
		const viewport = page.locator('[data-map-viewport]');
		const whole = page.getByRole('button', { name: 'Whole width (overview)' });
		await whole.click();
		await expect(whole).toHaveAttribute('aria-pressed', 'true');
		await expect(page.getByRole('button', { name: 'Fit (smallest readable)' })).toHaveAttribute('aria-pressed', 'false');
		await expect(page.locator('[data-map-scrolls]')).toBeHidden();
		const frame = (await viewport.boundingBox())!;
		const boxes = await page.locator('.wizard-map .box-result rect').evaluateAll((rects) => rects.map((r) => ({ x: r.getBoundingClientRect().x, width: r.getBoundingClientRect().width })));
		expect(boxes.length).toBeGreaterThan(0);
		for (const b of boxes) {
			expect(b.x).toBeGreaterThanOrEqual(frame.x - 1);
			expect(b.x + b.width).toBeLessThanOrEqual(frame.x + frame.width + 1);
		}
		// The text is small at this size: the toolbar line names the box under the pointer in full.
		const last = page.locator('.wizard-map .box-result').last();
		await last.hover();
		await expect(page.locator('[data-map-focused]')).toHaveText((await last.getAttribute('data-label'))!);
	});

	test('the map fits the width, zooms with buttons and keys, and names a focused box in full', async ({ page }) => {
		await page.goto('/wizard/map/');
		const viewport = page.locator('[data-map-viewport]');
		const frame = (await viewport.boundingBox())!;
		await expect(page.locator('[data-wizard-map]')).toHaveAttribute('data-map-fit', 'true');
		// After "fit" the map is as wide as its frame, and its text readable: box text at least 11 px and answer
		// labels at least 10 px on the screen (MIN_FIT_SCALE). No map is drawn wider than that allows (MAX_COLUMNS
		// in src/wizard/map.ts), so at a desktop size it fits the frame: every root cause's box lies inside it.
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
		// The start's map drew 1,789 px in a 1,078 px frame and scrolled sideways (the s12 new-user walk, item 6).
		expect(shown.scrolls).toBe(false);
		await expect(page.locator('[data-map-scrolls]')).toBeHidden();
		await expect(page.locator('[data-map-zoom="fit"]')).not.toContainText('width');
		// The boxes are measured in one call (the same rectangles boundingBox() gives in the main frame), not one call per box.
		const boxes = await page.locator('.wizard-map .box-result rect').evaluateAll((rects) => rects.map((r) => ({ x: r.getBoundingClientRect().x, width: r.getBoundingClientRect().width })));
		expect(boxes.length).toBeGreaterThan(0);
		for (const b of boxes) {
			expect(b.x).toBeGreaterThanOrEqual(frame.x - 1);
			expect(b.x + b.width).toBeLessThanOrEqual(frame.x + frame.width + 1);
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
		// Every box's whole label on hover: its own tooltip (the link's <title>), and the toolbar line names it.
		const last = page.locator('.wizard-map svg a').last();
		await expect(last.locator('title')).toHaveText((await last.getAttribute('data-label'))!);
		await last.scrollIntoViewIfNeeded();
		await last.hover();
		await expect(page.locator('[data-map-focused]')).toHaveText((await last.getAttribute('data-label'))!);
	});

	test('a box reached by Tab, zoomed in, is scrolled wholly into the frame', async ({ page }) => {
		await page.goto('/wizard/map/');
		const viewport = page.locator('[data-map-viewport]');
		// Zoomed in twice, the map is wider than its frame, and boxes of a middle column cross its right edge.
		await page.getByRole('button', { name: 'Zoom in' }).click();
		await page.getByRole('button', { name: 'Zoom in' }).click();
		const boxes = page.locator('.wizard-map svg a');
		const n = await boxes.count();
		// A box cut by the frame's right edge (partly in view, which the browser's own focus scrolling leaves
		// as it is), reached by Tab from the box before it in the page's order, or Shift+Tab from the one after.
		const frameBox = (await viewport.boundingBox())!;
		const right = frameBox.x + frameBox.width;
		const rects = await boxes.evaluateAll((as) => as.map((a) => a.querySelector('rect')!.getBoundingClientRect()).map((r) => ({ x: r.x, right: r.right, y: r.y })));
		const target = rects.findIndex((r) => r.x < right - 20 && r.right > right + 20 && r.y > frameBox.y && r.y < frameBox.y + frameBox.height - 80);
		expect(target).toBeGreaterThanOrEqual(0);
		if (target > 0) {
			await boxes.nth(target - 1).focus();
			await page.keyboard.press('Tab');
		} else {
			expect(n).toBeGreaterThan(1);
			await boxes.nth(1).focus();
			await page.keyboard.press('Shift+Tab');
		}
		await expect(boxes.nth(target)).toBeFocused();
		const frame = (await viewport.boundingBox())!;
		const box = (await boxes.nth(target).locator('rect').boundingBox())!;
		expect(box.x).toBeGreaterThanOrEqual(frame.x - 1);
		expect(box.x + box.width).toBeLessThanOrEqual(frame.x + frame.width + 1);
		expect(box.y).toBeGreaterThanOrEqual(frame.y - 1);
		expect(box.y + box.height).toBeLessThanOrEqual(frame.y + frame.height + 1);
		await page.screenshot({ path: 'test-results/s12-ui2-map-tab-1280.png' });
	});
});

test('each product page links the map of the wizard area that names it: Docker the other engines\', crun running crun by hand', () => {
	const mapOf = (product: string) => all(parsedPage(`/products/${product}/`), '.product-map a').map((a) => attr(a, 'href'));
	expect(mapOf('docker')).toEqual(['/wizard/map/engine-lines/']);
	expect(mapOf('crun')).toEqual(['/wizard/map/crun-direct-lines/']);
	expect(mapOf('podman')).toEqual(['/wizard/map/podman-error/']);
	expect(mapOf('multipass')).toEqual(['/wizard/map/multipass-launch-lines/']);
});

test.describe('on a phone', () => {
	test.use({ viewport: { width: 390, height: 844 } });
	test('the map is an outline list, every step a link', async ({ page }) => {
		// As on the drawn map, a branch too large for one map is an item linking to that branch's own map.
		const { maps, steps } = walkMaps('[data-map-outline] a');
		expect([...steps].sort()).toEqual(TREE.nodes.map((n) => `/wizard/${n.id}/`).sort());
		// In the browser, the start's map and a branch's (every map page runs the same map-zoom.ts): the drawing
		// gives way to the outline, open, with the links it has as built.
		for (const path of maps.slice(0, 2)) {
			await page.goto(path);
			await expect(page.locator('.wizard-map svg'), path).toBeHidden();
			const outline = page.locator('[data-map-outline]');
			await expect(outline, path).toHaveAttribute('open', '');
			expect(await outline.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!)), path).toEqual(mapLinks(path, '[data-map-outline] a'));
		}
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
