import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { expect, test, type Page } from '@playwright/test';
import { HOSTILE_INPUTS, HOSTILE_KINDS, hookScriptExecution } from '../fixtures/hostile-inputs.ts';
import { notFoundNote } from '../../src/components/not-found.ts';
import { MATCH_PATH } from '../../src/lib/addresses.ts';
import { all, parsedPage } from './built-html.ts';
import { DIST } from './site.ts';

test.describe.configure({ mode: 'parallel' });

/** Fail the test if a dialog opens or any hook fires. */
async function guard(page: Page) {
	const dialogs: string[] = [];
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		void d.dismiss();
	});
	await page.addInitScript(hookScriptExecution);
	return async () => {
		const ran = await page.evaluate(() => (window as unknown as { __ran: string[] }).__ran);
		expect(ran, 'an input ran as code, or the page broke its Content-Security-Policy').toEqual([]);
		expect(dialogs, 'an input opened a dialog').toEqual([]);
		// No element that an input could have injected exists in the results.
		expect(await page.locator('main :is([data-known-errors], [data-likely-articles]) :is(script, img, iframe, svg, object, embed, video, math, form, input, marquee, details, base, meta, link)').count()).toBe(0);
	};
}

/**
 * The status line while an answer is still being worked out (search-ui.ts, Search.astro): the matcher
 * starting or looking, or the page search still running after the matcher's part is shown.
 */
const WORKING = /^(Starting the matcher|Looking for known errors)|Searching the pages…$/;

/**
 * Waits until the paste box in `scope` has answered the text it now holds, to the end: nothing is still
 * running that could render more results after the checks. A log gets a verdict, a description or a few
 * words get likely articles and no verdict (issue 15), so the one state every input reaches is the status
 * line naming a result. The caller clears the status before changing the text, so an earlier answer is
 * never taken for this one.
 */
async function answered(page: Page, scope = 'main') {
	const status = page.locator(`${scope} [data-search-status]`);
	await expect(status).toHaveText(/\S/);
	await expect(status).not.toHaveText(WORKING);
}

/** Empties the status line, so that `answered` waits for the answer to the next text. */
async function clearStatus(page: Page, scope = 'main') {
	await page.locator(`${scope} [data-search-status]`).evaluate((el) => {
		el.textContent = '';
	});
}

test(`the paste box shows ${HOSTILE_INPUTS.length} hostile inputs as text`, async ({ page }) => {
	const check = await guard(page);
	await page.goto('/');
	const box = page.locator('main').getByLabel('Paste an error message');
	for (const input of HOSTILE_INPUTS) {
		await clearStatus(page);
		await box.fill(input);
		await answered(page);
		expect(await box.inputValue()).toBe(input.replace(/\r\n?/g, '\n'));
	}
	await check();
});

/** Inputs that fit in an address (browsers and servers cap URLs; the 100 KB lines do not fit). */
const IN_URLS = HOSTILE_INPUTS.filter((i) => encodeURIComponent(i).length < 8000);

/**
 * The inputs a browser loads a page for: the first of each kind that fits in an address, and every input
 * aimed at the address. A page load per input (63 of /match/, 63 of the 404 page) was the spec's time;
 * what differs from input to input on those loads is checked for every input in Node, on the real built
 * page and the real server (the tests after each browser test), and how each input renders once it is in
 * the box is the browser's for every input on one open page (the paste box and #q= tests).
 */
const LOADED = [...new Set([...Object.values(HOSTILE_KINDS).map((kind) => kind[0]), ...HOSTILE_KINDS.address])].filter((i) => IN_URLS.includes(i));

test(`/match/?q= shows ${LOADED.length} hostile inputs as text, and moves them off the address`, async ({ page }) => {
	expect(LOADED.length).toBeGreaterThanOrEqual(HOSTILE_KINDS.address.length);
	const check = await guard(page);
	for (const input of LOADED) {
		await page.goto(`${MATCH_PATH}?q=${encodeURIComponent(input)}`);
		await answered(page);
		expect(await page.locator('main').getByLabel('Paste an error message').inputValue()).toBe(input.replace(/\r\n?/g, '\n'));
		expect(new URL(page.url()).search).toBe('');
		await check();
	}
});

/**
 * The script of the built /match/ page that moves ?q= off the address (Search.astro's inline one, the first
 * script of the page, as served), run as the browser runs it on a load of `search`: the address it leaves.
 * Its document, location and history are the few a load needs; it touches nothing else.
 */
function addressAfterLoad(search: string): { search: string; hash: string } {
	const code = all(parsedPage(MATCH_PATH), 'script:not([src])').map((s) => s.children.map((c) => ('value' in c ? c.value : '')).join('')).find((c) => c.includes('history.replaceState'));
	if (!code) throw new Error(`the built ${MATCH_PATH} has no script that moves ?q= off the address`);
	const location = { pathname: MATCH_PATH, search, hash: '' };
	const history = {
		state: null,
		replaceState: (_state: unknown, _title: string, url: string) => {
			const moved = new URL(url, 'http://host1');
			Object.assign(location, { search: moved.search, hash: moved.hash });
		},
	};
	runInNewContext(code, { document: { addEventListener: () => undefined }, location, history, URLSearchParams, HTMLFormElement: class {} });
	return location;
}

test(`the built /match/ page moves ?q= of all ${IN_URLS.length} hostile inputs off the address, whole, into the fragment`, () => {
	for (const input of IN_URLS) {
		const after = addressAfterLoad(`?q=${encodeURIComponent(input)}`);
		expect(after.search, input).toBe('');
		expect(new URLSearchParams(after.hash.slice(1)).get('q'), input).toBe(input);
	}
	// What it must leave alone: an address with no ?q= stays as it is.
	expect(addressAfterLoad('?utm=1')).toEqual({ pathname: MATCH_PATH, search: '?utm=1', hash: '' });
});

test(`changing #q= on an open /match/ page to ${IN_URLS.length} hostile inputs shows each as text`, async ({ page }) => {
	const check = await guard(page);
	await page.goto('/match/');
	const box = page.locator('main').getByLabel('Paste an error message');
	for (const input of IN_URLS) {
		await clearStatus(page);
		await page.evaluate((q) => {
			location.hash = new URLSearchParams({ q }).toString();
		}, input);
		await expect(box).toHaveValue(input.replace(/\r\n?/g, '\n'));
		await answered(page);
	}
	await check();
});

/**
 * The inputs the search dialog's box is given: the first of each kind, the address ones, and the huge ones.
 * The dialog holds the same paste box as the home page (SearchPanel.astro, run by search-ui.ts): every input
 * goes through that box and its rendering in the paste box test above, in the same browser. Giving all of
 * them to the dialog too was the suite's longest test (49 s); what the dialog adds, the box inside a
 * `<dialog>`, is the same for every input.
 */
const IN_DIALOG = [...new Set([...Object.values(HOSTILE_KINDS).map((kind) => kind[0]), ...HOSTILE_KINDS.address, ...HOSTILE_KINDS.enormous])];

test(`the search box takes ${IN_DIALOG.length} hostile inputs as text (all ${HOSTILE_INPUTS.length} in the paste box)`, async ({ page }) => {
	expect(IN_DIALOG.length).toBeGreaterThanOrEqual(Object.keys(HOSTILE_KINDS).length);
	const check = await guard(page);
	await page.goto('/');
	await page.getByRole('link', { name: 'Search', exact: true }).click();
	const box = page.getByRole('dialog', { name: 'Search' }).getByLabel('Paste an error message');
	for (const input of IN_DIALOG) {
		// Each input answered to the end before the next (the status line was already full after the first).
		await clearStatus(page, 'dialog');
		await box.fill(input);
		await answered(page, 'dialog');
	}
	expect(await page.locator('dialog [data-known-errors] :is(script, img, iframe, svg)').count()).toBe(0);
	await check();
});

/** A wizard address built from `input`: in the step's name, the query and the fragment. */
const wizardAddress = (input: string) => `/wizard/${encodeURIComponent(input)}/?q=${encodeURIComponent(input)}#${encodeURIComponent(input)}`;

test(`wizard addresses built from ${LOADED.length} hostile inputs are inert`, async ({ page }) => {
	const check = await guard(page);
	for (const input of LOADED) {
		const response = await page.goto(wizardAddress(input));
		// No such step: the server refuses it (a static host says 404; the preview server says 500 for some encodings).
		expect(response!.status(), input).toBeGreaterThanOrEqual(400);
		await check();
	}
	await page.goto(`/wizard/start/?q=${encodeURIComponent(HOSTILE_INPUTS[0])}#${encodeURIComponent(HOSTILE_INPUTS[6])}`);
	await expect(page.locator('[data-step]')).toHaveAttribute('data-step', 'start');
	await check();
});

test(`wizard addresses built from all ${IN_URLS.length} hostile inputs get the one 404 page, whose script leaves them alone`, async ({ baseURL }) => {
	const notFound = readFileSync(join(DIST, '404.html'), 'utf8');
	for (const input of IN_URLS) {
		const address = new URL(wizardAddress(input), baseURL);
		const response = await fetch(address);
		// Refused, and the page served is the same bytes whatever the address: no input reaches its markup.
		expect(response.status, input).toBeGreaterThanOrEqual(400);
		expect(await response.text(), input).toBe(notFound);
		// The one script of the 404 page that puts anything of the address into it (Astro's prefetch only compares
		// addresses; the query and fragment are read on /match/ and /search/ only) does nothing with these.
		expect(notFoundNote(address.pathname), input).toBeUndefined();
	}
});
