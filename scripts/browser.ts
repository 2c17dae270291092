/**
 * Finding a Chromium for the end-to-end tests and the benchmarks, in this
 * order: CHROMIUM_PATH, Playwright's own download, a system Chromium at the
 * usual paths. `ensureBrowser()` installs Debian's package when none is found
 * and the machine allows it (root with apt-get, as on CI).
 */
import { existsSync } from 'node:fs';
import { aptInstall, canInstallWithApt } from './debian-package.ts';
import { scriptMessages } from '../src/lib/messages.ts';

const SYSTEM_PATHS = [
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/usr/bin/google-chrome',
	'/usr/bin/google-chrome-stable',
	'/snap/bin/chromium',
	'/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** What to do when no Chromium is found (the wording is in src/lib/messages.ts). */
export const HOW_TO_GET_ONE = scriptMessages.noChromium();

/** The path of a usable Chromium, or undefined. */
export async function findBrowser(): Promise<string | undefined> {
	const fromEnv = process.env.CHROMIUM_PATH;
	if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
	try {
		const { chromium } = await import('@playwright/test');
		const own = chromium.executablePath();
		if (own && existsSync(own)) return own;
	} catch {
		// Playwright without its browser download: fall through to the system.
	}
	return SYSTEM_PATHS.find((p) => existsSync(p));
}

/** Find a browser, installing Debian's chromium when that is possible; throws with instructions otherwise. */
export async function ensureBrowser(): Promise<string> {
	const found = await findBrowser();
	if (found) return found;
	if (!canInstallWithApt()) throw new Error(HOW_TO_GET_ONE);
	console.log('No Chromium found; installing Debian\'s chromium package (running as root).');
	aptInstall('chromium');
	const installed = await findBrowser();
	if (!installed) throw new Error(HOW_TO_GET_ONE);
	return installed;
}

/** Launch flags for a headless Chromium on a machine with no network but loopback. */
export function launchArgs(): string[] {
	const args = ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-gpu'];
	if (process.getuid?.() === 0) args.push('--no-sandbox');
	return args;
}
