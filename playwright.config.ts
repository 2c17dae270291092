import { defineConfig } from '@playwright/test';
import { findBrowser, HOW_TO_GET_ONE, launchArgs } from './scripts/browser.ts';
import { E2E_OUT_DIR, OUT_DIR_VARIABLE } from './scripts/build-dir.ts';
import { freePort } from './scripts/free-port.ts';

const executablePath = await findBrowser();
if (!executablePath) throw new Error(HOW_TO_GET_ONE);

// The built site, from its own directory (npm run build:e2e writes it), served as a static host serves it
// (scripts/serve-static.ts) on a free port of its own, so that the tests run beside `npm run serve`. This file is read again in every
// worker process, which inherits the runner's environment: the runner picks the port, the workers reuse it.
process.env.FAULTLINE_TEST_PORT ||= String(await freePort());
process.env[OUT_DIR_VARIABLE] ||= E2E_OUT_DIR;
const PORT = Number(process.env.FAULTLINE_TEST_PORT);

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	forbidOnly: !!process.env.CI,
	workers: 2,
	retries: 0,
	// Deadlines, not waits: every test waits for the state it needs, and fails if it has not come by
	// then. They are generous because the machine may be shared (2 cores, load average 30 was seen).
	timeout: 300_000,
	expect: { timeout: 60_000, toPass: { timeout: 60_000 } },
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		launchOptions: { executablePath, args: launchArgs() },
	},
	webServer: {
		// A static host's behaviour (a 301 to the slash, the 404 page), as the site is deployed; the README's own
		// server, `astro preview`, is started by the one test that is about it (short-ids-lead-to-their-article).
		command: `node scripts/serve-static.ts --host 127.0.0.1 --port ${PORT}`,
		url: `http://127.0.0.1:${PORT}/`,
		reuseExistingServer: false,
		timeout: 120_000,
	},
});
