/**
 * The style and layout work of one page, with its `content-visibility` rules
 * as built and with them turned off, measured in turns (one load of each per
 * turn) so both halves of a ratio come from the same moment of a shared
 * machine. Chromium's own counters (CDP `Performance.getMetrics`:
 * `RecalcStyleDuration` and `LayoutDuration`, seconds of main-thread time) on
 * a phone-sized viewport (412 x 823, Lighthouse's mobile screen) with the CPU
 * slowed 4x (Lighthouse's mobile throttling), read once the page has loaded.
 * "Off" appends one rule to the page's stylesheets: every element
 * `content-visibility: visible !important`.
 */
import type { Browser } from '@playwright/test';
import { medianOf } from './grep-speed.ts';

export interface LayoutTurn {
	/** Style recalculation plus layout, ms, as built and with content-visibility off. */
	builtMs: number;
	offMs: number;
}

const OFF = '\n* { content-visibility: visible !important; }\n';

/** One load of `url`: style plus layout milliseconds until the load event. */
async function styleAndLayoutMs(browser: Browser, url: string, off: boolean): Promise<number> {
	const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
	try {
		if (off) {
			await page.route('**/*.css', async (route) => {
				const response = await route.fetch();
				await route.fulfill({ response, body: (await response.text()) + OFF });
			});
		}
		const cdp = await page.context().newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
		await cdp.send('Performance.enable');
		await page.goto(url, { waitUntil: 'load' });
		const { metrics } = await cdp.send('Performance.getMetrics');
		const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
		return 1000 * (value('RecalcStyleDuration') + value('LayoutDuration'));
	} finally {
		await page.close();
	}
}

/** `turns` turns on `url`; the medians and the median of the turns' ratios (built / off). */
export async function measureLayoutCost(browser: Browser, url: string, turns = 5): Promise<{ turns: LayoutTurn[]; builtMs: number; offMs: number; ratio: number }> {
	const all: LayoutTurn[] = [];
	for (let i = 0; i < turns; i++) {
		const offMs = await styleAndLayoutMs(browser, url, true);
		const builtMs = await styleAndLayoutMs(browser, url, false);
		all.push({ builtMs, offMs });
	}
	return { turns: all, builtMs: medianOf(all.map((t) => t.builtMs)), offMs: medianOf(all.map((t) => t.offMs)), ratio: medianOf(all.map((t) => t.builtMs / t.offMs)) };
}
