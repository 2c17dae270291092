/**
 * What a reader's browser fetches, measured in Chromium (each page in a new
 * context, so with an empty cache) against a site served with gzip (bench/serve.ts):
 * the first load of a page until the network is idle, before any
 * interaction; and the bytes a search or paste fetches.
 */
import { chromium, type Browser, type Page, type Request } from '@playwright/test';
import { apiPath, PAGEFIND_PATH } from '../src/lib/addresses.ts';

export interface Transfer {
	/** Bytes over the wire (compressed), all requests. */
	total: number;
	/** JavaScript as the engine gets it: external scripts (uncompressed, as bench/serve.ts reports) plus inline scripts. */
	js: number;
	/** Bytes over the wire per URL path prefix, for the prefixes asked for. */
	byPrefix: Record<string, number>;
}

/** Record every request a page (and its workers) completes from now until `done` resolves. */
async function recording(page: Page, prefixes: readonly string[], done: () => Promise<void>): Promise<Transfer> {
	const transfer: Transfer = { total: 0, js: 0, byPrefix: Object.fromEntries(prefixes.map((p) => [p, 0])) };
	const pending: Promise<void>[] = [];
	const onFinished = (request: Request) =>
		pending.push(
			(async () => {
				const response = await request.response();
				if (request.resourceType() === 'script') transfer.js += Number(response?.headers()['x-uncompressed-length'] ?? 0);
				const sizes = await request.sizes();
				const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
				transfer.total += bytes;
				const path = new URL(request.url()).pathname;
				for (const p of prefixes) if (path.startsWith(p)) transfer.byPrefix[p] += bytes;
			})(),
		);
	page.on('requestfinished', onFinished);
	await done();
	page.off('requestfinished', onFinished);
	await Promise.all(pending);
	return transfer;
}

/** Wait until the page's network is idle, and a reader's pause after it. */
export async function settle(page: Page) {
	await page.waitForLoadState('networkidle');
	// Starlight and our loaders may start work on idle: give them the time a reader would.
	await page.waitForTimeout(2000);
	await page.waitForLoadState('networkidle');
}

/** The first load of a page with an empty cache, until the network is idle. */
export async function firstLoad(browser: Browser, url: string): Promise<Transfer> {
	const page = await browser.newPage();
	try {
		const transfer = await recording(page, [], async () => {
			await page.goto(url);
			await settle(page);
		});
		// Inline scripts arrive inside the HTML; count their text as JavaScript too (data blocks are not code).
		transfer.js += await page.evaluate(() =>
			[...document.querySelectorAll('script:not([src])')]
				.filter((s) => !/json/.test(s.getAttribute('type') ?? ''))
				.reduce((n, s) => n + new TextEncoder().encode(s.textContent ?? '').length, 0),
		);
		return transfer;
	} finally {
		await page.close();
	}
}

/** The paste box's status once it has answered (search-ui.ts `summary`): a match, a verdict, a search or a description. */
const ANSWERED = /found|No known|known causes|unavailable|likely article|stands out/;

/** Type a query into a page's paste box and record what the search and the matcher fetch for it. */
export async function queryTransfer(browser: Browser, url: string, query: string): Promise<Transfer> {
	const page = await browser.newPage();
	try {
		await page.goto(url);
		await settle(page);
		return await recording(page, [PAGEFIND_PATH, apiPath('matcher')], () => pasteAndWait(page, query));
	} finally {
		await page.close();
	}
}

/** Put `text` in the page's paste box and wait until it has answered and the network is idle again. */
export async function pasteAndWait(page: Page, text: string): Promise<void> {
	await page.locator('main [data-search-input]').fill(text);
	await page.locator('main [data-search-status]').filter({ hasText: ANSWERED }).waitFor();
	await settle(page);
}

export async function launch(executablePath: string, args: string[]): Promise<Browser> {
	return chromium.launch({ executablePath, args });
}
