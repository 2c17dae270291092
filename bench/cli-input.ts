/**
 * The CLI's cost on huge input: `faultline match` on a 200 MB ordinary log
 * and on a 200 MB single line, as separate processes, each timed (wall clock)
 * with its peak resident memory (process.resourceUsage().maxRSS). Reading is
 * linear and bounded (src/cli/read-lines.ts), so the single line should cost
 * no more than the log: most of it is past the line limit and dropped.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CliInputFigures {
	input: string;
	megabytes: number;
	/** Wall-clock seconds. */
	seconds: number;
	/** CPU seconds (user and system) of the process: unlike wall time, not inflated by a busy machine. */
	cpuSeconds: number;
	peakMb: number;
	exitCode: number | null;
	note: string;
}

const ERROR = '#14 22.67              error: unable to load seccomp BPF program: Invalid argument';

/** Write `bytes` of `unit` repeated (in 1 MiB writes), after `head` and before `tail`. */
function writeRepeated(path: string, head: string, unit: string, bytes: number, tail: string) {
	const fd = openSync(path, 'w');
	writeSync(fd, head);
	const block = unit.repeat(Math.max(1, Math.floor((1024 * 1024) / unit.length)));
	for (let written = 0; written < bytes; written += block.length) writeSync(fd, block);
	writeSync(fd, tail);
	closeSync(fd);
}

function run(root: string, file: string): { seconds: number; cpuSeconds: number; peakMb: number; exitCode: number | null; stderr: string } {
	const script = `const { runCli } = await import(${JSON.stringify(join(root, 'src/cli/main.ts'))});
const code = await runCli(process.argv.slice(1), { root: ${JSON.stringify(root)}, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
const u = process.resourceUsage();
process.stderr.write('maxRSS=' + u.maxRSS + ' cpu=' + (u.userCPUTime + u.systemCPUTime) + '\\n');
process.exitCode = code;`;
	const started = performance.now();
	const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, 'match', '--json', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	const seconds = (performance.now() - started) / 1000;
	const cpuSeconds = Number(/cpu=(\d+)/.exec(r.stderr)?.[1]) / 1e6;
	return { seconds, cpuSeconds, peakMb: Number(/maxRSS=(\d+)/.exec(r.stderr)?.[1]) / 1024, exitCode: r.status, stderr: r.stderr };
}

/** Measure both inputs of `megabytes` MiB each. */
export function measureCliInput(root: string, megabytes = 200): CliInputFigures[] {
	const dir = mkdtempSync(join(tmpdir(), 'faultline-bench-cli-'));
	const bytes = megabytes * 1024 * 1024;
	try {
		const log = join(dir, 'ordinary.log');
		writeRepeated(log, '', 'Nov 23 01:00:00 host app[1234]: routine log line with nothing wrong in it\n', bytes, `${ERROR}\n`);
		const line = join(dir, 'one-line.log');
		writeRepeated(line, `${ERROR} `, 'x', bytes, '\n');
		return [
			['ordinary log (lines of 75 bytes)', log],
			['a single line', line],
		].map(([input, file]) => {
			const r = run(root, file);
			const note = (r.stderr.split('\n').find((l) => l.startsWith('faultline: note:')) ?? '').replace(`${dir}/`, '');
			return { input, megabytes, seconds: r.seconds, cpuSeconds: r.cpuSeconds, peakMb: r.peakMb, exitCode: r.exitCode, note };
		});
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
