import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from './site.ts';
import { watchViolations } from './watch.ts';


test('the headers file forbids framing, which a <meta> policy cannot', () => {
	const headers = readFileSync(join(DIST, '_headers'), 'utf8');
	expect(headers).toMatch(/^\/\*\n(  [\w-]+: .+\n)+$/);
	expect(headers).toContain("Content-Security-Policy: frame-ancestors 'none'");
	expect(headers).toContain('X-Frame-Options: DENY');
});

// Every page's declared policy is checked in every-built-page-holds-its-content-policy-and-links.spec.ts, and every
// page loaded with no violation and no other origin in every-page-passes-axe-and-its-policy-in-chromium.spec.ts.

test('searching, pasting, the wizard and the copy buttons cause no CSP violation', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	const seen = await watchViolations(page);
	await page.goto('/');
	await page.locator('main').getByLabel('Paste an error message').fill("Jan 18 14:04:36 h kernel: overlayfs: failed to resolve '/sysroot/nix/.ro-store': -2");
	await expect(page.locator('main .match-list li').first()).toBeVisible();
	// A known error is the answer: no full-text search for it (the word search below runs Pagefind's WebAssembly).
	await expect(page.locator('main [data-text-results]')).toBeHidden();
	await page.getByRole('link', { name: 'Search', exact: true }).click();
	await page.getByRole('dialog', { name: 'Search' }).getByLabel('Paste an error message').fill('seccomp');
	await expect(page.locator('dialog .search-results li').first()).toBeVisible();
	await page.goto('/kb/nix-installer-seccomp-bpf/');
	await page.locator('[data-share]').getByRole('button', { name: 'Copy Markdown link' }).click();
	// The copy is done (its handler has run to the end) before the page is left.
	await expect(page.locator('[data-share]').getByRole('status')).toHaveText('Copied: Markdown link');
	await page.goto('/wizard/start/');
	await page.getByText('Or paste an error message').click();
	await page.locator('main').getByLabel('Paste an error message').fill("overlayfs: failed to resolve '/sysroot/nix/.ro-store': -2");
	await page.locator('main').getByRole('button', { name: 'Find the cause' }).click();
	await expect(page).toHaveURL(/\/wizard\/result-overlay-race\/$/);
	await page.goto('/FL-0001/#fixes');
	await expect(page).toHaveURL(/\/kb\/microvm-erofs-store-ownership\/#fixes$/);
	expect(seen).toEqual([]);
});
