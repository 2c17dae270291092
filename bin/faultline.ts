#!/usr/bin/env node
/**
 * The Faultline CLI: match an issue body or a CI log against the knowledge
 * base, from the repository, without building the site.
 *
 *   faultline match [FILE|-] [--json|--markdown] [--top N] [--base-url URL]
 *   faultline match --batch FILE.jsonl
 *   faultline list [--json]
 */
import { fileURLToPath } from 'node:url';
import { runCli } from '../src/cli/main.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
process.exitCode = await runCli(process.argv.slice(2), { root, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
