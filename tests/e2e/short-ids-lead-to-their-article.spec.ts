import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { ARTICLES, ROOT } from './site.ts';
import { seriousViolations } from './axe.ts';
import { freePort } from '../../scripts/free-port.ts';
import { articlePath } from '../../src/lib/addresses.ts';

/** The next short ID, which no article has yet. */
const next = `FL-${String(Math.max(...ARTICLES.map((a) => Number(a.shortId.slice(3)))) + 1).padStart(4, '0')}`;

// Every short ID, in both cases: without JavaScript, each page's refresh names its article
// (every-built-page-holds-its-content-policy-and-links.spec.ts), and each page runs only the redirect
// script that Chromium runs, with JavaScript, on one short ID of each case, arriving at its article
// (every-page-passes-axe-and-its-policy-in-chromium.spec.ts, templates.ts). Here a real browser without
// JavaScript follows one such refresh, both cases.
test.describe('with JavaScript off', () => {
	test.use({ javaScriptEnabled: false });
	const a = ARTICLES[0];
	test(`/${a.shortId}/ and /${a.shortId.toLowerCase()}/ lead to /kb/${a.id}/`, async ({ page }) => {
		for (const path of [`/${a.shortId}/`, `/${a.shortId.toLowerCase()}/`]) {
			await page.goto(path);
			await expect(page).toHaveURL(new RegExp(`/kb/${a.id}/$`));
			await expect(page.locator('h1')).toHaveText(a.title);
		}
	});
});

test('a short ID link keeps its anchor', async ({ page }) => {
	await page.goto(`/${ARTICLES[0].shortId}/#how-to-confirm`);
	await expect(page).toHaveURL(new RegExp(`/kb/${ARTICLES[0].id}/#how-to-confirm$`));
	await expect(page.locator('#how-to-confirm')).toBeInViewport();
});

// The tests' server adds the slash as a static host does (a 301); the README's server is the next test's.
test('a short ID without its slash resolves on a static host', async ({ page }) => {
	const a = ARTICLES[0];
	for (const path of [`/${a.shortId}`, `/${a.shortId.toLowerCase()}`]) {
		await page.goto(path);
		await expect(page).toHaveURL(new RegExp(`/kb/${a.id}/$`));
		await expect(page.locator('h1')).toHaveText(a.title);
	}
});

test('an ID no article has gets the 404 page, which says so and offers the paste box', async ({ page }) => {
	// Without its slash the page tries the slash form first (as a host that adds none would need), then says so.
	for (const path of [`/${next}/`, `/${next.toLowerCase()}`]) {
		const response = await page.goto(path);
		expect(response?.status()).toBe(404);
		await expect(page.locator('[data-not-found-id]')).toHaveText(new RegExp(`No article has the ID ${next}\\.`));
		// Said once: the generic "not on Faultline" sentence gives way to the note.
		await expect(page.getByText('This address is not on Faultline.')).toBeHidden();
		await expect(page.getByRole('textbox', { name: 'Paste an error message' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'search the articles' })).toHaveAttribute('href', '/search/');
	}
	expect(await seriousViolations(page)).toEqual([]);
});

/**
 * The README's server: `npm run serve` builds, then runs package.json's `preview` script. That script's
 * command, on a free port of its own instead of its fixed one (4321, which a running `npm run serve` may
 * hold), beside any running one, serving the tests' own build (FAULTLINE_OUT_DIR, which playwright.config.ts sets and the
 * server's process inherits), with node_modules/.bin first on the PATH as `npm run` puts it.
 */
async function startReadmeServer(): Promise<{ base: string; stop: () => void }> {
	const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
	// `--`: `npm run serve -- --port N` hands the port on to the preview server (the README says so).
	expect(scripts.serve).toMatch(/&& npm run preview --$/);
	const [command, ...args] = scripts.preview.split(/\s+/);
	expect([command, ...args]).toEqual(['astro', 'preview']);
	const port = await freePort();
	// --ignore-lock: Astro 7 refuses a second preview server of a project ("Another astro preview server is
	// already running", astro/dist/cli/preview/index.js) unless told to start beside it without its lock file,
	// so a reader's running `npm run serve` neither stops this one nor is replaced or stopped by it.
	const server = spawn(command, [...args, '--ignore-lock', '--host', '127.0.0.1', '--port', String(port)], {
		cwd: ROOT,
		env: { ...process.env, PATH: `${join(ROOT, 'node_modules', '.bin')}${delimiter}${process.env.PATH}` },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	server.stdout.on('data', (d) => (output += d));
	server.stderr.on('data', (d) => (output += d));
	const base = `http://127.0.0.1:${port}`;
	// Until it answers, or it has exited (then its own output says why).
	await expect
		.poll(async () => (server.exitCode === null ? await fetch(`${base}/`).then((r) => r.status, () => 0) : `exited: ${output}`), { timeout: 120_000 })
		.toBe(200);
	return { base, stop: () => server.kill() };
}

test('on the README\'s own server (npm run serve), every short-ID form resolves and an unknown ID gets the 404 page', async ({ page }) => {
	const a = ARTICLES[0];
	const { base, stop } = await startReadmeServer();
	try {
		// Each form is the article's redirect page (redirects Node's fetch follows are allowed too).
		for (const form of [a.shortId, a.shortId.toLowerCase()]) {
			for (const path of [`/${form}`, `/${form}/`]) {
				const response = await fetch(base + path);
				expect(response.status, path).toBe(200);
				expect(await response.text(), path).toContain(`<meta http-equiv="refresh" content="0; url=${articlePath(a.id)}">`);
			}
		}
		for (const path of [`/${next}`, `/${next}/`, `/${next.toLowerCase()}`]) {
			const response = await fetch(base + path);
			expect(response.status, path).toBe(404);
			expect(await response.text(), path).toContain('data-not-found-id');
		}
		// In a browser, once each: the slashless form arrives at the article, keeping its anchor, and the 404 page names the missing ID.
		await page.goto(`${base}/${a.shortId}#how-to-confirm`);
		await expect(page).toHaveURL(`${base}${articlePath(a.id)}#how-to-confirm`);
		await expect(page.locator('h1')).toHaveText(a.title);
		await page.goto(`${base}/${next.toLowerCase()}`);
		await expect(page.locator('[data-not-found-id]')).toHaveText(new RegExp(`No article has the ID ${next}\\.`));
	} finally {
		stop();
	}
});
