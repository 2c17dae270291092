/**
 * The CLI's cost as a user meets it: wall time of `--version` (start-up)
 * and of a one-line match, for the installed package (packed, installed
 * outside the repository and run with the system's Node, see
 * scripts/installed-package.ts) beside the in-repository paths (`npx
 * faultline`, and the project's Node 24 running bin/faultline.ts directly).
 * Wall time includes starting Node and, in a clone, reading the compiled
 * articles from the cache (src/cli/data-cache.ts; the first, unmeasured run
 * of each command fills it), or compiling them where the cache cannot be
 * written (the last clone row: every start compiles, as before the cache).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packAndInstall, systemNode } from '../scripts/installed-package.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
/** A one-line paste of a real error (FL-0005's own line). */
const ONE_LINE = 'error: unable to load seccomp BPF program: Invalid argument\n';

/** Wall and CPU (user + system, the process and its children) time, ms. */
export interface Cost {
	wallMs: number;
	cpuMs: number;
}

export interface CliRow {
	path: string;
	node: string;
	/** `faultline --version`, medians. */
	start: Cost;
	/** A one-line match, medians. */
	match: Cost;
}

/**
 * Median wall and CPU time of a command over `times` runs, after one that
 * warms the file cache. Timed by bash's `time` (TIMEFORMAT %R %U %S), which
 * counts the command's children too (npx starts several processes). CPU time
 * shows the cost on an idle core when the machine is busy.
 */
function timed(cmd: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; input?: string }, times: number): Cost {
	const script = 'TIMEFORMAT="%3R %3U %3S"; { time "$@" > /dev/null 2> /dev/null; } 2>&1';
	const walls: number[] = [];
	const cpus: number[] = [];
	for (let i = 0; i <= times; i++) {
		const r = spawnSync('bash', ['-c', script, 'timed', cmd, ...args], { ...opts, encoding: 'utf8' });
		const [real, user, sys] = r.stdout.trim().split(' ').map(Number);
		if (r.status !== 0 || !Number.isFinite(real)) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stdout}${r.stderr}`);
		if (i === 0) continue;
		walls.push(real * 1000);
		cpus.push((user + sys) * 1000);
	}
	const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
	return { wallMs: median(walls), cpuMs: median(cpus) };
}

/** Measure every path `times` times (medians); packs and installs the package first. */
export function measureCli(times = 5, log: (line: string) => void = () => {}): CliRow[] {
	const system = systemNode();
	if (!system) throw new Error('no node on PATH outside node_modules: the installed package cannot be measured');
	log('packing and installing the package...');
	const pkg = packAndInstall();
	const projectNode = join(root, 'node_modules/.bin/node');
	const projectVersion = spawnSync(projectNode, ['--version'], { encoding: 'utf8' }).stdout.trim();
	// A cache of the bench's own (filled by each command's first run), and one that cannot be written (a folder under /dev/null).
	const cached = { ...process.env, FAULTLINE_CACHE_DIR: mkdtempSync(join(tmpdir(), 'faultline-bench-cache-')) };
	const uncached = { ...process.env, FAULTLINE_CACHE_DIR: '/dev/null/faultline' };
	const paths: { path: string; node: string; cmd: string; pre: string[]; cwd: string; env?: NodeJS.ProcessEnv }[] = [
		{ path: 'installed package (faultline)', node: system.version, cmd: pkg.bin, pre: [], cwd: pkg.dir, env: system.env },
		{ path: 'clone: npx faultline (cached)', node: projectVersion, cmd: 'npx', pre: ['faultline'], cwd: root, env: cached },
		{ path: 'clone: node bin/faultline.ts (cached)', node: projectVersion, cmd: projectNode, pre: [join(root, 'bin/faultline.ts')], cwd: root, env: cached },
		{ path: 'clone: node bin/faultline.ts (no cache: compiles)', node: projectVersion, cmd: projectNode, pre: [join(root, 'bin/faultline.ts')], cwd: root, env: uncached },
	];
	const rows = paths.map((p) => {
		log(`measuring ${p.path}...`);
		return {
			path: p.path,
			node: p.node,
			start: timed(p.cmd, [...p.pre, '--version'], p, times),
			match: timed(p.cmd, [...p.pre, 'match', '-'], { ...p, input: ONE_LINE }, times),
		};
	});
	// What starting the system's Node alone costs on this machine now: the floor under the package's figures.
	const bare = timed(system.path, ['-e', '0'], { cwd: pkg.dir, env: system.env }, times);
	return [...rows, { path: 'for scale: node -e 0 (Node alone)', node: system.version, start: bare, match: bare }];
}
