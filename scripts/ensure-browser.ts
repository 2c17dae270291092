#!/usr/bin/env node
/** Runs before the end-to-end tests: finds a Chromium, or gets one, or says exactly how. */
import { ensureBrowser } from './browser.ts';

try {
	console.log(`Chromium for the end-to-end tests: ${await ensureBrowser()}`);
} catch (error) {
	console.error((error as Error).message);
	process.exit(1);
}
