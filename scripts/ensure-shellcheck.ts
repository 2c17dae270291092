#!/usr/bin/env node
/**
 * Runs before the build and the unit tests: both run ShellCheck over every
 * shell block of every article and every wizard command (src/lib/shellcheck.ts,
 * src/wizard/validate.ts), and the build stops without it. Finds `shellcheck`, or installs
 * Debian's package when running as root with apt-get (as on CI), or says
 * exactly how to get it and exits 1.
 */
import { execFileSync } from 'node:child_process';
import { hasShellCheck } from '../src/lib/shellcheck.ts';
import { messageLine, shellMessages } from '../src/lib/messages.ts';
import { aptInstall, canInstallWithApt } from './debian-package.ts';

function fail(): never {
	const m = shellMessages.noShellCheck();
	console.error(messageLine(m));
	process.exit(1);
}

if (!hasShellCheck()) {
	if (!canInstallWithApt()) fail();
	console.log("No ShellCheck found; installing Debian's shellcheck package (running as root).");
	try {
		aptInstall('shellcheck');
	} catch {
		fail();
	}
	if (!hasShellCheck()) fail();
}
const version = /version: (\S+)/.exec(execFileSync('shellcheck', ['--version'], { encoding: 'utf8' }))?.[1];
console.log(`ShellCheck for the content checks: version ${version ?? 'unknown'}`);
