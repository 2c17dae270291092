import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtPages as listBuiltPages } from '../../src/lib/links.ts';
import { ROOT } from './site.ts';

const PAGES = listBuiltPages(join(ROOT, 'dist')).map((p) => p.path);

/** Record every CSP violation the page reports, from its first script on. */
async function watchViolations(page: Page) {
	const seen: string[] = [];
	page.on('console', (m) => {
		if (/Content Security Policy/.test(m.text())) seen.push(m.text().slice(0, 200));
	});
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
	});
	return seen;
}

test('the headers file forbids framing, which a <meta> policy cannot', () => {
	const headers = readFileSync(join(ROOT, 'dist', '_headers'), 'utf8');
	expect(headers).toMatch(/^\/\*\n(  [\w-]+: .+\n)+$/);
	expect(headers).toContain("Content-Security-Policy: frame-ancestors 'none'");
	expect(headers).toContain('X-Frame-Options: DENY');
});

test('every page declares a strict policy: no unsafe-inline scripts, no other origins', async ({ request }) => {
	for (const path of PAGES) {
		const html = await (await request.get(path)).text();
		const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
		expect(policy, path).toBeTruthy();
		const scriptSrc = policy!.split(';').find((d) => d.trim().startsWith('script-src'))!;
		expect(scriptSrc, path).not.toContain('unsafe-inline');
		expect(scriptSrc, path).not.toContain("'unsafe-eval'");
		expect(policy!.replace(/&#39;|'/g, ''), path).not.toMatch(/https?:\/\//);
		// What a <meta> can carry holds on any host, whether or not it reads _headers: no referrer.
		expect(html.slice(0, html.indexOf('</head>')), path).toContain('<meta name="referrer" content="no-referrer">');
	}
});

test(`${PAGES.length} pages load with no CSP violation and no request outside the site's origin`, async ({ page, baseURL }) => {
	test.setTimeout(300_000);
	const seen = await watchViolations(page);
	const foreign: string[] = [];
	page.on('request', (r) => {
		const url = new URL(r.url());
		if (url.protocol !== 'data:' && url.origin !== new URL(baseURL!).origin) foreign.push(`${page.url()} -> ${r.url()}`);
	});
	for (const path of PAGES) {
		await page.goto(path);
		await page.waitForLoadState('networkidle');
		expect(seen, path).toEqual([]);
	}
	expect(foreign).toEqual([]);
});

test('searching, pasting, the wizard and the copy buttons cause no CSP violation', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	const seen = await watchViolations(page);
	await page.goto('/');
	await page.locator('main').getByLabel('Paste an error message').fill("Jan 18 14:04:36 h kernel: overlayfs: failed to resolve '/sysroot/nix/.ro-store': -2");
	await expect(page.locator('main .match-list li').first()).toBeVisible();
	await expect(page.locator('main .text-results li').first()).toBeVisible();
	await page.getByRole('link', { name: 'Search' }).click();
	await page.getByRole('dialog', { name: 'Search' }).getByLabel('Paste an error message').fill('seccomp');
	await expect(page.locator('dialog .search-results li').first()).toBeVisible();
	await page.goto('/kb/nix-installer-seccomp-bpf/');
	await page.locator('[data-share]').getByRole('button', { name: 'Copy Markdown link' }).click();
	await page.goto('/wizard/start/');
	await page.getByText('Or paste an error message').click();
	await page.locator('main').getByLabel('Paste an error message').fill("overlayfs: failed to resolve '/sysroot/nix/.ro-store': -2");
	await page.locator('main').getByRole('button', { name: 'Find the cause' }).click();
	await expect(page).toHaveURL(/\/wizard\/result-overlay-race\/$/);
	await page.goto('/FL-0001/#fixes');
	await expect(page).toHaveURL(/\/kb\/microvm-erofs-store-ownership\/#fixes$/);
	expect(seen).toEqual([]);
});
