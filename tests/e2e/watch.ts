/** What the browser tests watch a page for, and how they wait for it to settle: one copy for every spec. */
import type { Page } from '@playwright/test';

/** Record every CSP violation the page reports, from its first script on. */
export async function watchViolations(page: Page): Promise<string[]> {
	const seen: string[] = [];
	page.on('console', (m) => {
		if (/Content Security Policy/.test(m.text())) seen.push(m.text().slice(0, 200));
	});
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
	});
	return seen;
}

/**
 * The page as the reader gets it: loaded, and its scripts done with what they started (the copy
 * buttons are added after load, requests a script makes have been made). Waits for the browser's main
 * thread to be idle, a state, where `networkidle` waited for half a second of quiet, a clock.
 */
export async function settled(page: Page): Promise<void> {
	await page.waitForLoadState('load');
	await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve())));
}
