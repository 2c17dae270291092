import { defineConfig } from '@playwright/test';
import { findBrowser, HOW_TO_GET_ONE, launchArgs } from './scripts/browser.ts';

const executablePath = await findBrowser();
if (!executablePath) throw new Error(HOW_TO_GET_ONE);

/** The built site, served by `astro preview` on a port of its own. */
const PORT = Number(process.env.FAULTLINE_TEST_PORT ?? 4329);

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		launchOptions: { executablePath, args: launchArgs() },
	},
	webServer: {
		command: `npx astro preview --host 127.0.0.1 --port ${PORT}`,
		url: `http://127.0.0.1:${PORT}/`,
		reuseExistingServer: false,
		timeout: 60_000,
	},
});
