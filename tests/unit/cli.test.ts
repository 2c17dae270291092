import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/lib/content.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'faultline-cli-'));

/** Run the real CLI, as `npx faultline` does, with the project's Node. */
function faultline(args: string[], input?: string | Buffer) {
	const r = spawnSync(process.execPath, [join(root, 'bin/faultline.ts'), ...args], { input, cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The real CLI code in a process that reports its peak memory (maxRSS) on exit. */
function faultlineMeasured(args: string[]) {
	const script = `const { runCli } = await import(${JSON.stringify(join(root, 'src/cli/main.ts'))});
const code = await runCli(process.argv.slice(1), { root: ${JSON.stringify(root)}, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
process.stderr.write('maxRSS=' + process.resourceUsage().maxRSS + '\\n');
process.exitCode = code;`;
	const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	const kb = Number(/maxRSS=(\d+)/.exec(r.stderr)?.[1]);
	return { code: r.status, stdout: r.stdout, stderr: r.stderr, maxRssMb: kb / 1024 };
}

function file(name: string, content: string | Buffer): string {
	const path = join(dir, name);
	writeFileSync(path, content);
	return path;
}

/** A CI log around the real nix-installer#1305 failure. */
const CI_LOG = [
	'#14 [linux/arm64 3/6] RUN curl -sSf -L https://install.determinate.systems/nix | sh -s -- install linux --init none --no-confirm',
	'#14 22.67 Error: ',
	'#14 22.67    0: Install failure',
	'#14 22.67    3: Action `setup_default_profile` errored',
	'#14 22.67              … while setting up the build environment',
	'#14 22.67              error: unable to load seccomp BPF program: Invalid argument',
	'#14 ERROR: process "/bin/sh -c ..." did not complete successfully: exit code: 1',
].join('\n');

describe('faultline match', () => {
	it('prints the article for a real CI log and exits 0', () => {
		const r = faultline(['match', file('ci.log', CI_LOG)]);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('FL-0005');
		expect(r.stdout).toContain('/kb/nix-installer-seccomp-bpf/');
	});

	it('reads standard input with - or no file', () => {
		expect(faultline(['match', '-'], CI_LOG).code).toBe(0);
		expect(faultline(['match'], CI_LOG).code).toBe(0);
	});

	it('prints the documented JSON', () => {
		const r = faultline(['match', '--json', '--base-url', 'https://kb.example.org/'], CI_LOG);
		const out = JSON.parse(r.stdout);
		expect(Object.keys(out)).toEqual(['matches', 'ambiguous']);
		expect(out.ambiguous).toBe(false);
		expect(Object.keys(out.matches[0])).toEqual(['id', 'shortId', 'title', 'url', 'confidence', 'score', 'matchedLine', 'signature']);
		expect(out.matches[0]).toMatchObject({
			id: 'nix-installer-seccomp-bpf',
			shortId: 'FL-0005',
			url: 'https://kb.example.org/kb/nix-installer-seccomp-bpf/',
			confidence: 'high',
			signature: 'error: unable to load seccomp BPF program: Invalid argument',
		});
		expect(out.matches[0].matchedLine).toContain('#14 22.67');
	});

	it('exits 1 with an empty match list when nothing is known', () => {
		const r = faultline(['match', '--json'], 'error: the frobnicator stopped: Operation not permitted\n');
		expect(r.code).toBe(1);
		expect(JSON.parse(r.stdout)).toEqual({ matches: [], ambiguous: false });
	});

	it('writes a ready Markdown comment, and nothing when there is no match', () => {
		const r = faultline(['match', '--markdown', '--base-url', 'https://kb.example.org'], CI_LOG);
		expect(r.stdout).toContain('[FL-0005: Nix under CPU emulation: "unable to load seccomp BPF program: Invalid argument"](https://kb.example.org/kb/nix-installer-seccomp-bpf/)');
		expect(r.stdout).toContain('Matched line 6: `#14 22.67              error: unable to load seccomp BPF program: Invalid argument`');
		expect(faultline(['match', '--markdown'], 'all good\n').stdout).toBe('');
	});

	it('limits the matches with --top', () => {
		const two = `${CI_LOG}\nJan 18 14:04:36 h kernel: overlayfs: failed to resolve '/sysroot/nix/.ro-store': -2`;
		expect(JSON.parse(faultline(['match', '--json'], two).stdout).matches.length).toBeGreaterThanOrEqual(2);
		expect(JSON.parse(faultline(['match', '--json', '--top', '1'], two).stdout).matches).toHaveLength(1);
	});

	it('answers a batch with one JSON line per input, keeping the ids', () => {
		const batch = [JSON.stringify({ id: 'a', text: CI_LOG }), JSON.stringify({ id: 7, text: 'nothing to see' })].join('\n');
		const r = faultline(['match', '--batch', file('in.jsonl', batch)]);
		const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
		expect(out.map((o) => [o.id, o.matches[0]?.id ?? null])).toEqual([
			['a', 'nix-installer-seccomp-bpf'],
			[7, null],
		]);
		expect(r.code).toBe(0);
	});

	it('streams a large log: 50 MB with the error at the end, in under 512 MB of memory', { timeout: 60_000 }, () => {
		const big = `${'Nov 23 01:00:00 host app[1234]: routine line\n'.repeat(1_100_000)}${CI_LOG}\n`;
		const r = faultlineMeasured(['match', '--json', file('big.log', big)]);
		expect(r.code).toBe(0);
		expect(JSON.parse(r.stdout).matches[0].id).toBe('nix-installer-seccomp-bpf');
		expect(r.maxRssMb).toBeLessThan(512);
	});

	it('answers for a single line of 1 MB and for a million short lines', { timeout: 60_000 }, () => {
		const long = faultline(['match', '--json', file('long.log', `${'x'.repeat(1024 * 1024)} ${CI_LOG.split('\n').at(-2)}\n`)]);
		expect(JSON.parse(long.stdout).matches[0].id).toBe('nix-installer-seccomp-bpf');
		const many = faultline(['match', '--json', file('many.log', `${'ok\n'.repeat(1_000_000)}${CI_LOG}\n`)]);
		expect(JSON.parse(many.stdout).matches[0].id).toBe('nix-installer-seccomp-bpf');
	});
});

describe('reading input: linear in time, bounded in memory, whatever the line lengths', () => {
	it('cuts a line past the limit with a note, and still matches in its kept part', { timeout: 60_000 }, () => {
		// 6 MB on one line, the error near its start: the first 4 MB are read, the rest is dropped with a note.
		const line = `${'x'.repeat(1000)} ${CI_LOG.split('\n').at(-2)} ${'y'.repeat(6 * 1024 * 1024)}`;
		const r = faultlineMeasured(['match', '--json', file('one-line.log', `${line}\n`)]);
		expect(r.code).toBe(0);
		expect(JSON.parse(r.stdout).matches[0].id).toBe('nix-installer-seccomp-bpf');
		expect(r.stderr).toContain(`faultline: note: line 1 of ${join(dir, 'one-line.log')} is 6.0 MB long; only its first 4.0 MB was read`);
	});

	it('shows the part of a long line that matched, not its start', () => {
		const r = faultline(['match', '--json', file('mid.log', `${'x'.repeat(200_000)} ${CI_LOG.split('\n').at(-2)} ${'y'.repeat(200_000)}\n`)]);
		const matched: string = JSON.parse(r.stdout).matches[0].matchedLine;
		expect(matched).toContain('unable to load seccomp BPF program: Invalid argument');
		expect(matched.length).toBeLessThanOrEqual(500);
	});
});

describe('faultline comment refuses malformed events with one line, exit 2', () => {
	it.each([
		['null', 'is not a GitHub issue or comment event: it is null, not an object'],
		['42', 'is not a GitHub issue or comment event: it is a number, not an object'],
		['[]', 'is not a GitHub issue or comment event: it is an array, not an object'],
		['"str"', 'is not a GitHub issue or comment event: it is a string, not an object'],
		['{}', 'is not a GitHub issue or comment event: it has no "issue" or "comment" object'],
		['{"issue":{"body":42}}', 'is not a GitHub issue or comment event: "issue.body" is a number, not text'],
		['{"comment":{"body":["x"]}}', 'is not a GitHub issue or comment event: "comment.body" is an array, not text'],
		['{"issue":"x"}', 'is not a GitHub issue or comment event: "issue" is a string, not an object'],
		['{"issue":{"title":{}}}', 'is not a GitHub issue or comment event: "issue.title" is an object, not text'],
		['not json', 'is not a JSON event'],
	])('%s', (json, message) => {
		const fromFile = faultline(['comment', file('event.json', json)]);
		expect([fromFile.code, fromFile.stderr.trim()]).toEqual([2, `faultline: ${join(dir, 'event.json')} ${message}`]);
		const fromStdin = faultline(['comment', '-'], json);
		expect([fromStdin.code, fromStdin.stderr.trim()]).toEqual([2, `faultline: standard input ${message}`]);
	});

	it('reads an event from standard input with -, as match does', () => {
		const event = JSON.stringify({ issue: { title: 'CI fails', body: CI_LOG }, sender: { type: 'User' } });
		const r = faultline(['comment', '-', '--base-url', 'https://kb.example.org'], event);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('https://kb.example.org/kb/nix-installer-seccomp-bpf/');
	});
});

describe('bad usage and unreadable input exit 2 with one line saying what is wrong', () => {
	it.each([
		[['match', '/no/such/file.log'], 'faultline: /no/such/file.log: no such file'],
		[['match', '--top', 'zero'], "faultline: --top takes a whole number of 1 or more, got 'zero'"],
		[['match', '--json', '--markdown'], 'faultline: --json and --markdown cannot be combined; pick one'],
		[['match', '--base-url', 'kb.example.org'], "faultline: --base-url must be an http(s) URL, got 'kb.example.org'"],
		[['frobnicate'], "faultline: unknown command 'frobnicate'; the commands are match, list and comment (see faultline --help)"],
		[['match', 'a.log', 'b.log'], 'faultline: match reads one input, got 2: a.log b.log'],
	])('%j', (args, message) => {
		const r = faultline(args, '');
		expect([r.code, r.stderr.trim()]).toEqual([2, message]);
	});

	it('refuses binary data', () => {
		const r = faultline(['match', file('core.bin', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2]))]);
		expect([r.code, r.stderr.trim()]).toEqual([2, `faultline: ${join(dir, 'core.bin')} looks like binary data (it has NUL bytes); pass a text log`]);
	});

	it('refuses text that is not UTF-8', () => {
		const r = faultline(['match', '-'], Buffer.from([0x66, 0xff, 0xfe, 0x0a]));
		expect([r.code, r.stderr.trim()]).toEqual([2, 'faultline: standard input is not UTF-8 text; pass a text log']);
	});

	it('names the line of a bad batch file', () => {
		const r = faultline(['match', '--batch', file('bad.jsonl', '{"id":1,"text":"x"}\nnot json\n')]);
		expect(r.code).toBe(2);
		expect(r.stderr.trim()).toBe(`faultline: ${join(dir, 'bad.jsonl')}:2: not a JSON object; each line must be {"id": ..., "text": "..."}`);
	});
});

describe('faultline list and help', () => {
	it('lists every article as JSON with the documented fields', () => {
		const r = faultline(['list', '--json']);
		const rows = JSON.parse(r.stdout);
		const expected = loadArticles(root).map((a) => a.data.shortId).sort();
		expect(rows.map((a: { shortId: string }) => a.shortId)).toEqual(expected);
		expect(Object.keys(rows[0])).toEqual(['id', 'shortId', 'title', 'url', 'products', 'sources', 'status']);
	});

	it('prints help for each command', () => {
		expect(faultline(['--help']).stdout).toContain('Commands:');
		expect(faultline(['match', '--help']).stdout).toContain('Exit status: 0 a match was found');
		expect(faultline(['list', '--help']).stdout).toContain('Usage: faultline list');
	});
});
