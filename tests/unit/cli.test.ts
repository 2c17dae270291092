import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable, Writable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadArticles, type Article } from '../../src/lib/content.ts';
import { apiArticles, apiArticleSchema, apiEvidenceSchema } from '../../src/lib/api.ts';
import { SITE_URL } from '../../src/lib/addresses.ts';
import { dataFromContent } from '../../src/cli/content-data.ts';
import { runCli } from '../../src/cli/main.ts';
import type { CliData } from '../../src/cli/data.ts';
import { possibleMessages, proseCliMessages, proseMessages, verdictMessages } from '../../src/lib/messages.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'faultline-cli-'));

/**
 * The real CLI, as `npx faultline` starts it: bin/faultline.ts in a process of its own, with the project's
 * Node. Each start compiles the articles (3 to 4 CPU-seconds on a match), so only the cases about that start
 * use it: a real file matched from the command line, --version from package.json, the usage. Standard input
 * pipes and exit statuses use `spawnedWithData` (the same `runCli` in a process, without the compile); the
 * rest run the same `runCli` in this process (`faultline` below).
 */
function spawned(args: string[], input?: string | Buffer) {
	const r = spawnSync(process.execPath, [join(root, 'bin/faultline.ts'), ...args], { input, cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let data: CliData | undefined;
let dataFile: string | undefined;

/**
 * The same `runCli` in a process of its own, for what only a process shows (a real standard input pipe,
 * the exit status), with the data this file compiled once, read from a JSON file as the installed package
 * reads dist-cli/data.json (src/cli/packaged-data.ts): a start that compiles the articles again, as
 * bin/faultline.ts does, costs 3 to 4 CPU-seconds, and `spawned` covers that start.
 */
function spawnedWithData(args: string[], input?: string | Buffer) {
	dataFile ??= file('cli-data.json', JSON.stringify(contentData()));
	const script = `const { readFileSync } = await import('node:fs');
const { runCli } = await import(${JSON.stringify(join(root, 'src/cli/main.ts'))});
process.exitCode = await runCli(process.argv.slice(1), { data: () => JSON.parse(readFileSync(${JSON.stringify(dataFile)}, 'utf8')), version: '0', stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });`;
	const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, ...args], { input, cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
/** The articles read and checked from Markdown once for this file (src/lib/content.ts, not the CLI's data). */
let articlesRead: Article[] | undefined;
const articles = () => (articlesRead ??= loadArticles(root));
/** The data bin/faultline.ts gives the CLI (compiled from the current articles), compiled once for this file. */
const contentData = () => (data ??= dataFromContent(root));

/**
 * The CLI in this process: the `runCli` that bin/faultline.ts calls, with the same data, the given text on
 * standard input (nothing: an empty one, as a spawned process with no input gets), and standard output and
 * error collected as bytes and decoded once at the end, as a pipe would deliver them.
 */
async function faultline(args: string[], input?: string | Buffer, isTTY = false, env?: Record<string, string>) {
	const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
	const sink = (key: 'out' | 'err') => new Writable({ write: (c: Buffer, _e, done) => (chunks[key].push(Buffer.from(c)), done()) });
	const stdin = Object.assign(Readable.from(input === undefined ? [] : [input]), { isTTY });
	const code = await runCli(args, { data: contentData, version: '9.9.9', stdin, stdout: sink('out'), stderr: sink('err'), env });
	return { code, stdout: Buffer.concat(chunks.out).toString('utf8'), stderr: Buffer.concat(chunks.err).toString('utf8') };
}

/**
 * The real CLI code in a process that reports its peak memory (maxRSS) on exit, with the data this file
 * compiled once, read from JSON as the installed package reads dist-cli/data.json (`spawnedWithData`): the
 * peak then counts what reading the input costs, not a compile of the articles (3 to 4 CPU-seconds per start,
 * which `spawned` covers).
 */
function faultlineMeasured(args: string[]) {
	dataFile ??= file('cli-data.json', JSON.stringify(contentData()));
	const script = `const { readFileSync } = await import('node:fs');
const { runCli } = await import(${JSON.stringify(join(root, 'src/cli/main.ts'))});
const code = await runCli(process.argv.slice(1), { data: () => JSON.parse(readFileSync(${JSON.stringify(dataFile)}, 'utf8')), version: '0', stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
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
	it('prints the article for a real CI log and exits 0', async () => {
		const r = spawned(['match', file('ci.log', CI_LOG)]);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('FL-0005');
		expect(r.stdout).toContain('/kb/nix-installer-seccomp-bpf/');
	});

	it('reads standard input with - or no file', async () => {
		expect(spawnedWithData(['match', '-'], CI_LOG).code).toBe(0);
		expect(spawnedWithData(['match'], CI_LOG).code).toBe(0);
	});

	it('prints the documented JSON', async () => {
		const r = await faultline(['match', '--json', '--base-url', 'https://kb.example.org/'], CI_LOG);
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

	it('exits 1 with an empty match list when nothing is known', async () => {
		const r = await faultline(['match', '--json'], 'error: the frobnicator stopped: Operation not permitted\n');
		expect(r.code).toBe(1);
		expect(JSON.parse(r.stdout)).toEqual({ matches: [], ambiguous: false });
	});

	it('offers a known cause of a line other causes print too, with its "How to confirm", and exits 1', async () => {
		// containers/podman#9807: a bind mount SELinux refused, seen only as ls's "cannot open directory … Permission denied".
		const paste = ['root@065a7a2aaecd:/# ls app', "ls: cannot open directory 'app': Permission denied"].join('\n');
		const r = await faultline(['match'], paste);
		expect(r.code).toBe(1);
		expect(r.stdout).toContain(possibleMessages.summary(1));
		expect(r.stdout).not.toContain(verdictMessages.noKnownError());
		expect(r.stdout).toContain('/kb/podman-volume-selinux-label/#how-to-confirm');
		const json = JSON.parse((await faultline(['match', '--json'], paste)).stdout);
		expect(json.matches).toEqual([]);
		expect(json.possible.map((p: { id: string; confidence: string }) => [p.id, p.confidence])).toEqual([['podman-volume-selinux-label', 'possible']]);
		expect((await faultline(['match', '--markdown'], paste)).stdout).toBe('');
	});

	it('lists an article once: a possible cause is not listed again as likely', async () => {
		// schollz/croc#190: a description around snap-confine's line, which the NFS article knows as one other causes print.
		const paste = [
			'Croc installed via Ubuntu snap seems to have issues with non-local NFS storage too, even when not used with dotfiles etc as above.',
			'',
			'cannot open path of the current working directory: Permission denied',
		].join('\n');
		const json = JSON.parse((await faultline(['match', '--json'], paste)).stdout);
		expect(json.possible.map((p: { id: string }) => p.id)).toEqual(['snap-confine-nfs-outside-home']);
		expect(json.likely.map((l: { id: string }) => l.id)).not.toContain('snap-confine-nfs-outside-home');
		const text = (await faultline(['match'], paste)).stdout;
		expect(text).toContain(possibleMessages.summary(1));
		expect(text.split('FL-0045').length - 1).toBe(1);
	});

	// containers/podman#7765, as the reporter described it: no error line, a description.
	const DESCRIPTION = 'I am trying to run containers with CPU or memory limits, the container fails to start\n';

	it('gives a description its likely articles, marked likely, and no "no known error" verdict', async () => {
		const text = await faultline(['match'], DESCRIPTION);
		expect(text.code).toBe(1);
		expect(text.stdout).not.toMatch(/No known error/);
		expect(text.stdout).toMatch(/likely article/);
		expect(text.stdout).toContain('/kb/podman-cgroup-controller-not-delegated/');
		expect(text.stdout).toMatch(/likely, not a known error/);
		const json = JSON.parse((await faultline(['match', '--json'], DESCRIPTION)).stdout);
		expect(json.matches).toEqual([]);
		expect(json.likely[0]).toMatchObject({ id: 'podman-cgroup-controller-not-delegated', confidence: 'likely' });
		// A log with no known error gets no likely articles: it is no description.
		expect(JSON.parse((await faultline(['match', '--json'], 'error: the frobnicator stopped: Operation not permitted\n')).stdout).likely).toBeUndefined();
	});

	it('lists the closest articles under the verdict line when no article stands out, and in --json apart from it', async () => {
		// A covered problem in plain words (the s11 new-user report, item 2): no likely article, no known match.
		const NFS = 'rootless podman fails when my home directory is on NFS\n';
		const text = await faultline(['match', '--base-url', 'https://kb.example.org'], NFS);
		expect(text.code).toBe(1);
		const [verdict, ...rest] = text.stdout.split('\n');
		expect(verdict).toBe(proseMessages.summary('prose', 0, 1));
		expect(rest.join('\n')).toContain(`${proseMessages.closestHeading()}:`);
		expect(text.stdout).toContain('https://kb.example.org/kb/podman-rootless-storage-on-nfs/');
		expect(text.stdout).toContain(proseCliMessages.closestWizard('https://kb.example.org/wizard/'));
		expect(text.stdout).not.toMatch(/likely, not a known error|No known error/);
		const json = JSON.parse((await faultline(['match', '--json'], NFS)).stdout);
		// The verdict is unchanged: no match, no likely article; the search results stand apart, with no confidence.
		expect(json).toMatchObject({ matches: [], ambiguous: false, likely: [] });
		expect(json.closest.map((c: { id: string }) => c.id)).toContain('podman-rootless-storage-on-nfs');
		expect(Object.keys(json.closest[0])).toEqual(['id', 'shortId', 'title', 'url', 'relative', 'shared']);
		// Beside likely articles there are none.
		expect(JSON.parse((await faultline(['match', '--json'], DESCRIPTION)).stdout).closest).toBeUndefined();
	});

	it('narrows the likely articles to --product, and refuses an unknown product', async () => {
		const podman = JSON.parse((await faultline(['match', '--json', '--product', 'podman'], DESCRIPTION)).stdout);
		expect(podman.likely[0]?.id).toBe('podman-cgroup-controller-not-delegated');
		const multipass = JSON.parse((await faultline(['match', '--json', '--product', 'multipass'], DESCRIPTION)).stdout);
		expect(multipass.likely.map((l: { id: string }) => l.id)).not.toContain('podman-cgroup-controller-not-delegated');
		const products = new Map(articles().map((a) => [a.data.id, a.data.products as string[]]));
		for (const l of multipass.likely) expect(products.get(l.id)).toContain('multipass');
		const bad = await faultline(['match', '--product', 'frobnicator'], DESCRIPTION);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toMatch(/--product takes a product id, one of .*podman/);
	});

	it('writes a ready Markdown comment, and nothing when there is no match', async () => {
		const r = await faultline(['match', '--markdown', '--base-url', 'https://kb.example.org'], CI_LOG);
		expect(r.stdout).toContain('[FL-0005: Nix under CPU emulation: "unable to load seccomp BPF program: Invalid argument"](https://kb.example.org/kb/nix-installer-seccomp-bpf/)');
		expect(r.stdout).toContain('Matched line 6: `#14 22.67              error: unable to load seccomp BPF program: Invalid argument`');
		expect((await faultline(['match', '--markdown'], 'all good\n')).stdout).toBe('');
	});

	it('limits the matches with --top', async () => {
		const two = `${CI_LOG}\nJan 18 14:04:36 h kernel: overlayfs: failed to resolve '/sysroot/nix/.ro-store': -2`;
		expect(JSON.parse((await faultline(['match', '--json'], two)).stdout).matches.length).toBeGreaterThanOrEqual(2);
		expect(JSON.parse((await faultline(['match', '--json', '--top', '1'], two)).stdout).matches).toHaveLength(1);
	});

	it('answers a batch with one JSON line per input, keeping the ids', async () => {
		const batch = [JSON.stringify({ id: 'a', text: CI_LOG }), JSON.stringify({ id: 7, text: 'nothing to see' })].join('\n');
		const r = await faultline(['match', '--batch', file('in.jsonl', batch)]);
		const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
		expect(out.map((o) => [o.id, o.matches[0]?.id ?? null])).toEqual([
			['a', 'nix-installer-seccomp-bpf'],
			[7, null],
		]);
		expect(r.code).toBe(0);
	});

	it('streams a large log: 50 MB with the error at the end, in under 512 MB of memory', async () => {
		const big = `${'Nov 23 01:00:00 host app[1234]: routine line\n'.repeat(1_100_000)}${CI_LOG}\n`;
		const r = faultlineMeasured(['match', '--json', file('big.log', big)]);
		expect(r.code).toBe(0);
		expect(JSON.parse(r.stdout).matches[0].id).toBe('nix-installer-seccomp-bpf');
		expect(r.maxRssMb).toBeLessThan(512);
	});

	it('answers for a single line of 1 MB and for a million short lines', async () => {
		const long = await faultline(['match', '--json', file('long.log', `${'x'.repeat(1024 * 1024)} ${CI_LOG.split('\n').at(-2)}\n`)]);
		expect(JSON.parse(long.stdout).matches[0].id).toBe('nix-installer-seccomp-bpf');
		const many = await faultline(['match', '--json', file('many.log', `${'ok\n'.repeat(1_000_000)}${CI_LOG}\n`)]);
		expect(JSON.parse(many.stdout).matches[0].id).toBe('nix-installer-seccomp-bpf');
	});
});

describe('reading input: linear in time, bounded in memory, whatever the line lengths', () => {
	it('cuts a line past the limit with a note, and still matches in its kept part', async () => {
		// 6 MB on one line, the error near its start: the first 4 MB are read, the rest is dropped with a note.
		const line = `${'x'.repeat(1000)} ${CI_LOG.split('\n').at(-2)} ${'y'.repeat(6 * 1024 * 1024)}`;
		const r = faultlineMeasured(['match', '--json', file('one-line.log', `${line}\n`)]);
		expect(r.code).toBe(0);
		expect(JSON.parse(r.stdout).matches[0].id).toBe('nix-installer-seccomp-bpf');
		expect(r.stderr).toContain(`faultline: note: line 1 of ${join(dir, 'one-line.log')} is 6.0 MB long; only its first 4.0 MB was read`);
	});

	it('shows the part of a long line that matched, not its start', async () => {
		const r = await faultline(['match', '--json', file('mid.log', `${'x'.repeat(200_000)} ${CI_LOG.split('\n').at(-2)} ${'y'.repeat(200_000)}\n`)]);
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
	])('%s', async (json, message) => {
		const fromFile = await faultline(['comment', file('event.json', json)]);
		expect([fromFile.code, fromFile.stderr.trim()]).toEqual([2, `faultline: ${join(dir, 'event.json')} ${message}`]);
		const fromStdin = await faultline(['comment', '-'], json);
		expect([fromStdin.code, fromStdin.stderr.trim()]).toEqual([2, `faultline: standard input ${message}`]);
	});

	it('reads an event from standard input with -, as match does', async () => {
		const event = JSON.stringify({ issue: { title: 'CI fails', body: CI_LOG }, sender: { type: 'User' } });
		const r = spawnedWithData(['comment', '-', '--base-url', 'https://kb.example.org'], event);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('https://kb.example.org/kb/nix-installer-seccomp-bpf/');
	});
});

describe('bad usage and unreadable input exit 2 with one line saying what is wrong', () => {
	it.each([
		[['match', '/no/such/file.log'], 'faultline: /no/such/file.log: no such file'],
		[['match', '--top', 'zero'], "faultline: --top takes a whole number of 1 or more, got 'zero'"],
		[['match', '--json', '--markdown'], 'faultline: --json and --markdown cannot be combined; pick one'],
		[['match', '--base-url', 'localhost:4321'], "faultline: --base-url takes the address the site is served at, such as http://localhost:4321; got 'localhost:4321', which has no http:// or https:// in front"],
		[['match', '--base-url', 'ftp://kb.example.org'], "faultline: --base-url takes the address the site is served at, such as http://localhost:4321; got 'ftp://kb.example.org', which is a ftp: address, not http:// or https://"],
		[['match', '--base-url', 'http://'], "faultline: --base-url takes the address the site is served at, such as http://localhost:4321; got 'http://', which is not a URL"],
		[['list', '--base-url', 'http://localhost:4321/?x=1'], "faultline: --base-url takes the address the site is served at, such as http://localhost:4321; got 'http://localhost:4321/?x=1', which has a ? query or # fragment; give the address alone"],
		[['frobnicate'], "faultline: unknown command 'frobnicate'; the commands are match, list and comment (see faultline --help)"],
		[['match', 'a.log', 'b.log'], 'faultline: match reads one input, got 2: a.log b.log'],
	])('%j', async (args, message) => {
		const r = await faultline(args, '');
		expect([r.code, r.stderr.trim()]).toEqual([2, message]);
	});

	it('refuses binary data', async () => {
		const r = await faultline(['match', file('core.bin', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2]))]);
		expect([r.code, r.stderr.trim()]).toEqual([2, `faultline: ${join(dir, 'core.bin')} looks like binary data (it has NUL bytes); pass a text log`]);
	});

	it('refuses text that is not UTF-8', async () => {
		const r = spawnedWithData(['match', '-'], Buffer.from([0x66, 0xff, 0xfe, 0x0a]));
		expect([r.code, r.stderr.trim()]).toEqual([2, 'faultline: standard input is not UTF-8 text; pass a text log']);
	});

	it('says what is wrong with a clone\'s articles, as the build does, without a stack trace', async () => {
		// A real ContentError: an article with no front matter, read as a clone's CLI reads its articles.
		const root = mkdtempSync(join(tmpdir(), 'faultline-bad-content-'));
		mkdirSync(join(root, 'kb'));
		writeFileSync(join(root, 'kb', 'broken.md'), 'No front matter here.\n');
		const stderr = new Writable({ write: (c: Buffer, _e, done) => (errors.push(String(c)), done()) });
		const errors: string[] = [];
		const code = await runCli(['match', '-'], { data: () => loadArticles(root, 'kb') as never, version: '0', stdin: Readable.from(['x']), stdout: new Writable({ write: (_c, _e, done) => done() }), stderr });
		const text = errors.join('');
		expect(code).toBe(2);
		expect(text).toMatch(/^faultline: 1 problem in the articles:\n.*broken\.md › /);
		expect(text).not.toMatch(/\n\s+at /);
	});

	it('names the line of a bad batch file', async () => {
		const r = await faultline(['match', '--batch', file('bad.jsonl', '{"id":1,"text":"x"}\nnot json\n')]);
		expect(r.code).toBe(2);
		expect(r.stderr.trim()).toBe(`faultline: ${join(dir, 'bad.jsonl')}:2: not a JSON object; each line must be {"id": ..., "text": "..."}`);
	});
});

describe('the site the links point to', () => {
	const urlsOf = async (args: string[], env?: Record<string, string>) => {
		const r = await faultline(['match', '--json', ...args], CI_LOG, false, env);
		expect([r.code, r.stderr]).toEqual([0, '']);
		return JSON.parse(r.stdout).matches.map((m: { url: string }) => m.url);
	};

	it('is the public site by default, FAULTLINE_SITE_URL when set, and --base-url over both', async () => {
		expect(await urlsOf([])).toEqual(['https://faultline.dev/kb/nix-installer-seccomp-bpf/']);
		expect(await urlsOf([], { FAULTLINE_SITE_URL: '' })).toEqual(['https://faultline.dev/kb/nix-installer-seccomp-bpf/']);
		expect(await urlsOf([], { FAULTLINE_SITE_URL: 'http://localhost:4321/' })).toEqual(['http://localhost:4321/kb/nix-installer-seccomp-bpf/']);
		expect(await urlsOf(['--base-url', 'http://127.0.0.1:8080'], { FAULTLINE_SITE_URL: 'http://localhost:4321' })).toEqual(['http://127.0.0.1:8080/kb/nix-installer-seccomp-bpf/']);
		const listed = JSON.parse((await faultline(['list', '--json'], undefined, false, { FAULTLINE_SITE_URL: 'http://localhost:4321' })).stdout);
		expect(listed[0].url).toMatch(/^http:\/\/localhost:4321\/kb\//);
	});

	it('refuses a FAULTLINE_SITE_URL that is not a site address, saying where it came from and what to do', async () => {
		const r = await faultline(['match'], CI_LOG, false, { FAULTLINE_SITE_URL: 'localhost:4321' });
		expect([r.code, r.stderr.trim()]).toEqual([
			2,
			"faultline: FAULTLINE_SITE_URL (from the environment) must be the address the site is served at, such as http://localhost:4321; got 'localhost:4321', which has no http:// or https:// in front. Fix or unset it, or pass --base-url",
		]);
		// --base-url wins, so a bad variable is not read then.
		expect((await faultline(['match', '--base-url', 'http://localhost:4321'], CI_LOG, false, { FAULTLINE_SITE_URL: 'bad' })).code).toBe(0);
	});
});

describe('faultline list and help', () => {
	it('lists every article as JSON with the documented fields', async () => {
		const r = await faultline(['list', '--json']);
		const rows = JSON.parse(r.stdout);
		const expected = articles().map((a) => a.data.shortId).sort();
		expect(rows.map((a: { shortId: string }) => a.shortId)).toEqual(expected);
		expect(Object.keys(rows[0])).toEqual(['id', 'shortId', 'title', 'url', 'summary', 'products', 'signatures', 'sources', 'rootCause', 'fixes', 'status']);
		// The same evidence shape as the JSON API.
		for (const row of rows) expect(apiEvidenceSchema.parse({ rootCause: row.rootCause, fixes: row.fixes })).toEqual({ rootCause: row.rootCause, fixes: row.fixes });
		expect(rows[0].fixes[0].url).toBe(`${rows[0].url}#${rows[0].fixes[0].anchor}`);
		// Each object is the API's object of the same article, field for field.
		expect(rows).toEqual(apiArticles(articles(), SITE_URL).articles);
		for (const row of rows) expect(apiArticleSchema.parse(row)).toEqual(row);
	});

	it('prints help for each command', async () => {
		const help = await faultline(['--help']);
		expect([help.code, help.stderr]).toEqual([0, '']);
		expect(help.stdout).toContain('Commands:');
		// Where the links point, and how to point them at a site served locally, said in both helps.
		expect(help.stdout).toContain('FAULTLINE_SITE_URL=http://localhost:4321');
		expect((await faultline(['match', '--help'])).stdout).toContain('--base-url http://localhost:4321');
		expect((await faultline(['match', '--help'])).stdout).toContain('Exit status: 0 a match was found');
		expect((await faultline(['list', '--help'])).stdout).toContain('Usage: faultline list');
	});
});

describe('version, usage, a terminal on standard input, and --index', () => {
	const data = contentData();

	it('prints the version from package.json', async () => {
		const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
		for (const flag of ['--version', '-V']) expect(spawned([flag])).toEqual({ code: 0, stdout: `faultline ${version}\n`, stderr: '' });
	});

	it('without a command, prints the usage on standard error and exits 2', async () => {
		const r = spawned([]);
		expect(r.code).toBe(2);
		expect(r.stdout).toBe('');
		expect(r.stderr).toContain('Usage: faultline <command> [options]');
	});

	it('says it is reading a terminal, and how to end, instead of waiting silently', async () => {
		const tty = await faultline(['match'], CI_LOG, true);
		expect(tty.stderr).toBe('faultline: reading the text to match from standard input; paste it, then press Ctrl-D on an empty line (Ctrl-C to stop). Or pass a file: faultline match FILE\n');
		expect(tty.stdout).toContain('FL-0005');
		expect((await faultline(['match', '-'], CI_LOG, false)).stderr).toBe('');
	});

	it('matches against an index from a file or a URL, and only then fetches', async () => {
		// A "newer" index: the real one with a title changed, so the output shows which index answered.
		const newer = structuredClone(data.index);
		const seccomp = newer.articles.find((a) => a.id === 'nix-installer-seccomp-bpf')!;
		seccomp.title = 'A newer title from the site';
		const indexFile = file('newer-index.json', JSON.stringify(newer));
		const fromFile = await faultline(['match', '--json', '--index', indexFile], CI_LOG);
		expect(fromFile.code).toBe(0);
		expect(JSON.parse(fromFile.stdout).matches[0].title).toBe('A newer title from the site');

		const requests: string[] = [];
		const server = createServer((req, res) => {
			requests.push(req.url ?? '');
			if (req.url === '/api/v1/matcher-index.json') res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(newer));
			else res.writeHead(404).end('<html>not found</html>');
		});
		await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
		const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		try {
			const fromUrl = await faultline(['match', '--index', `${base}/api/v1/matcher-index.json`], CI_LOG);
			expect(fromUrl.code).toBe(0);
			expect(fromUrl.stdout).toContain('FL-0005  A newer title from the site');
			const missing = await faultline(['match', '--index', `${base}/nothing.json`], CI_LOG);
			expect([missing.code, missing.stderr]).toEqual([
				2,
				`faultline: ${base}/nothing.json › index: cannot be read (HTTP 404). Fix: pass a readable file or an http(s) URL of a matcher index, such as <site>/api/v1/matcher-index.json (got ${base}/nothing.json).\n`,
			]);
			await faultline(['match'], CI_LOG);
			expect(requests).toEqual(['/api/v1/matcher-index.json', '/nothing.json']);
		} finally {
			server.close();
		}
	});

	it.each([
		['not JSON', '<!doctype html><p>hello', 'index: is not JSON. Fix:'],
		['a newer version', JSON.stringify({ version: 2, articles: [] }), 'version: is version 2, and this faultline reads version 1. Fix: install a newer faultline'],
		['the articles API instead', JSON.stringify({ version: 1, articles: [{ id: 'x', shortId: 'FL-0001', title: 't', url: 'u', summary: 's', status: 'active' }] }), 'articles[0].exclusions: must be a list. Fix:'],
		['a signature pointing nowhere', 'BROKEN_SIGNATURE', 'signatures[0].article: must be a position in articles'],
		['a signature whose apart words are not lists', 'BROKEN_APART', `signatures[${data.index.signatures.findIndex((s) => s.apart)}].apart: must be a list of lists of strings. Fix:`],
		['an article for a host system this faultline does not know', 'BROKEN_HOSTS', 'articles[0].hosts: must be a list of host systems (linux, macos, windows). Fix:'],
	])('refuses an index that is %s, naming the field', async (_name, content, message) => {
		const broken = structuredClone(data.index);
		if (content === 'BROKEN_SIGNATURE') broken.signatures[0].article = 999;
		// A list of words where a list of lists of words belongs (what an index of another shape might hold).
		const withApart = broken.signatures.find((s) => s.apart);
		if (content === 'BROKEN_APART' && withApart) withApart.apart = withApart.apart!.flat() as unknown as string[][];
		if (content === 'BROKEN_HOSTS') broken.articles[0].hosts = ['freebsd'];
		const path = file('bad-index.json', content.startsWith('BROKEN_') ? JSON.stringify(broken) : content);
		const r = await faultline(['match', '--index', path], CI_LOG);
		expect(r.code).toBe(2);
		expect(r.stderr.startsWith(`faultline: ${path} › ${message}`)).toBe(true);
		expect(r.stderr.trim().split('\n')).toHaveLength(1);
	});

	it('names a missing index file', async () => {
		const r = await faultline(['match', '--index', join(dir, 'nope.json')], CI_LOG);
		expect([r.code, r.stderr.split(' Fix:')[0]]).toEqual([2, `faultline: ${join(dir, 'nope.json')} › index: cannot be read (no such file).`]);
	});
});
