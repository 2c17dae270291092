#!/usr/bin/env node
/**
 * The Faultline CLI in a clone of the repository: matches against the
 * articles as they are now (Node 24 runs this TypeScript directly). The
 * articles are compiled when they, or the compiler, changed since the last
 * start, and read from the cache otherwise (src/cli/data-cache.ts). The
 * installed package runs dist-cli/faultline.js instead (src/cli/packaged.ts),
 * with the index compiled at `npm pack`.
 *
 *   faultline match [FILE|-] [--json|--markdown] [--top N] [--base-url URL] [--index URL|FILE]
 *   faultline match --batch FILE.jsonl
 *   faultline list [--json]
 *
 * FAULTLINE_SITE_URL in the environment points the links at another site (http://localhost:4321); --base-url wins.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runCli } from '../src/cli/main.ts';
import { cachedData } from '../src/cli/data-cache.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
process.exitCode = await runCli(process.argv.slice(2), {
	data: () => cachedData(root),
	version,
	stdin: process.stdin,
	stdout: process.stdout,
	stderr: process.stderr,
	env: process.env,
});
