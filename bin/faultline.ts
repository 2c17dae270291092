#!/usr/bin/env node
/**
 * The Faultline CLI in a clone of the repository: matches against the
 * articles as they are now, compiled on every run (Node 24 runs this
 * TypeScript directly). The installed package runs dist-cli/faultline.js
 * instead (src/cli/packaged.ts), with the index compiled at `npm pack`.
 *
 *   faultline match [FILE|-] [--json|--markdown] [--top N] [--base-url URL] [--index URL|FILE]
 *   faultline match --batch FILE.jsonl
 *   faultline list [--json]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runCli } from '../src/cli/main.ts';
import { dataFromContent } from '../src/cli/content-data.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
process.exitCode = await runCli(process.argv.slice(2), {
	data: () => dataFromContent(root),
	version,
	stdin: process.stdin,
	stdout: process.stdout,
	stderr: process.stderr,
});
