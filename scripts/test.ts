#!/usr/bin/env node
/**
 * `npm test`: the same steps as before (`npm run typecheck`, `npm run test:unit`, `npm run test:e2e`), with
 * those that do not depend on each other side by side: the unit tests run beside the typecheck and then the
 * end-to-end build (`npm run build:e2e`, into its own directory), and Playwright starts once all three
 * have passed. One after another, a core sat idle for most of the typecheck (one tsc process), the build
 * (mostly one process) and the end of the unit tests (the synthetic site's build, alone); on a machine
 * shared with other jobs, the steps side by side also get their share of the cores each.
 *
 * ShellCheck and Chromium are found (or installed, as root with apt-get) first, one after the other:
 * test:unit and the build both look for ShellCheck, and two apt-get runs at once would fight over
 * dpkg's lock. The unit tests print as they run; the typecheck's and the build's output is held and
 * printed whole when each ends, so the three do not interleave. Exit status: the first failing step's
 * (its output says why), or 0.
 */
import { spawn } from 'node:child_process';

const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];

interface Step {
	/** The npm script or the node script it runs. */
	name: string;
	code: number;
	output: string;
}

/** Run `args` (after npm or node), its output shown live or held; resolves with its exit status and any held output. */
function run(name: string, command: string[], live: boolean): Promise<Step> {
	return new Promise((resolve) => {
		const child = spawn(command[0], command.slice(1), { stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout?.on('data', (d) => (output += d));
		child.stderr?.on('data', (d) => (output += d));
		child.on('close', (code, signal) => resolve({ name, code: code ?? (signal ? 1 : 0), output }));
	});
}

const npmRun = (script: string, live = false) => run(`npm run ${script}`, [...npm, 'run', script], live);
const node = (file: string) => run(file, [process.execPath, file], true);

/** Stop with the first failing step's status. */
function check(steps: Step[]): void {
	const failed = steps.find((s) => s.code !== 0);
	if (failed) {
		console.error(`\n${failed.name} failed (exit status ${failed.code}).`);
		process.exit(failed.code);
	}
}

check([await node('scripts/ensure-shellcheck.ts')]);
check([await node('scripts/ensure-browser.ts')]);

const held = (step: Promise<Step>) =>
	step.then((s) => {
		console.log(`\n── ${s.name} (exit status ${s.code}) ──\n${s.output.trimEnd()}\n`);
		return s;
	});
// The build after the typecheck, not beside it: both write Astro's generated types (.astro/), which tsc reads.
const typecheckThenBuild = held(npmRun('typecheck')).then(async (typecheck) => (typecheck.code ? [typecheck] : [typecheck, await held(npmRun('build:e2e'))]));
check((await Promise.all([typecheckThenBuild, npmRun('test:unit', true)])).flat());
check([await run('playwright test', [process.execPath, 'node_modules/@playwright/test/cli.js', 'test'], true)]);
