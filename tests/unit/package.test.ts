/**
 * The npm package as a user installs it: packed, installed into an empty
 * temporary directory outside this repository (so nothing can come from its
 * node_modules), and run with the system's Node (20 on these machines, not the
 * project's Node 24) on real issue texts from the development set.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { packAndInstall, systemNode, type InstalledPackage } from '../../scripts/installed-package.ts';
import { dataFromContent } from '../../src/cli/content-data.ts';
import { runCli } from '../../src/cli/main.ts';
import type { CliData } from '../../src/cli/data.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; engines: { node: string } };
/** Real issue texts (tests/fixtures/dev.jsonl). */
const dev = new Map(
	readFileSync(join(root, 'tests/fixtures/dev.jsonl'), 'utf8')
		.trim()
		.split('\n')
		.map((l) => JSON.parse(l) as { id: string; text: string })
		.map((d) => [d.id, d.text]),
);

const node = systemNode();
let installed: InstalledPackage;

/** The installed `faultline`, started the way a shell starts it (its #!/usr/bin/env node finds the system Node). */
function faultline(args: string[], input?: string) {
	const r = spawnSync(installed.bin, args, { cwd: installed.dir, env: node!.env, input, encoding: 'utf8' });
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let sourceData: CliData | undefined;

/** The same command run from the repository's sources on the current articles, in this process (the data compiled once for the file). */
async function fromSources(args: string[], input: string) {
	let stdout = '';
	const { Readable } = await import('node:stream');
	const code = await runCli(args, {
		data: () => (sourceData ??= dataFromContent(root)),
		version: pkg.version,
		stdin: Readable.from([input]),
		stdout: new Writable({ write: (c, _e, done) => ((stdout += String(c)), done()) }),
		stderr: new Writable({ write: (_c, _e, done) => done() }),
	});
	return { code, stdout };
}

describe('the npm package, installed outside the repository', () => {
	beforeAll(() => {
		// The package's engines say >= 20; the system Node is the oldest it must run on here.
		expect(node, 'a node on PATH outside node_modules').toBeDefined();
		expect(Number(/^v(\d+)\./.exec(node!.version)![1])).toBe(20);
		installed = packAndInstall();
	});

	it('holds only the command, the compiled CLI and its data, and installs no dependency', () => {
		const files = execFileSync('tar', ['tzf', installed.tarball], { encoding: 'utf8' }).trim().split('\n').sort();
		expect(files).toEqual(['package/README.md', 'package/bin/faultline.js', 'package/dist-cli/data.json', 'package/dist-cli/faultline.js', 'package/package.json']);
		const manifest = JSON.parse(readFileSync(join(installed.dir, 'node_modules/faultline/package.json'), 'utf8'));
		expect(manifest.dependencies).toBeUndefined();
		expect(execFileSync('ls', [join(installed.dir, 'node_modules')], { encoding: 'utf8' }).trim().split('\n')).toEqual(['faultline']);
		expect(readFileSync(join(installed.dir, 'node_modules/faultline/dist-cli/faultline.js'), 'utf8')).not.toMatch(/from "(yaml|zod|astro)/);
	});

	it('prints its version, help on stdout, usage errors on stderr', () => {
		expect(faultline(['--version'])).toEqual({ code: 0, stdout: `faultline ${pkg.version}\n`, stderr: '' });
		const help = faultline(['--help']);
		expect([help.code, help.stderr]).toEqual([0, '']);
		expect(help.stdout).toContain('Usage: faultline <command> [options]');
		const none = faultline([]);
		expect([none.code, none.stdout]).toEqual([2, '']);
		expect(none.stderr).toContain('Usage: faultline <command>');
		expect(faultline(['match', '--top', 'zero'], '')).toEqual({ code: 2, stdout: '', stderr: "faultline: --top takes a whole number of 1 or more, got 'zero'\n" });
	});

	it('matches a real journal log from a file', () => {
		writeFileSync(join(installed.dir, 'boot.log'), dev.get('pos-race-186-full')!);
		const r = faultline(['match', 'boot.log']);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('FL-0002  microvm.nix: boot sometimes fails with "special device overlay does not exist" for /sysroot/nix/store');
		expect(r.stdout).toContain('https://faultline.dev/kb/microvm-overlay-ro-store-race/');
		expect(r.stdout).toContain('high confidence; line 1: Jan 18 14:04:36 sire-paperless mount[136]: mount: /sysroot/nix/store: special device overlay does not exist.');
	});

	it('answers --json exactly as the repository does on its current articles', async () => {
		for (const id of ['nix-pos-01', 'crun-pos-01', 'mp-pos-01', 'mp-neg-07']) {
			const args = ['match', '--json', '--base-url', 'https://kb.example.org'];
			const packaged = faultline(args, dev.get(id));
			const source = await fromSources(args, dev.get(id)!);
			expect([packaged.code, JSON.parse(packaged.stdout)], id).toEqual([source.code, JSON.parse(source.stdout)]);
		}
		const seccomp = JSON.parse(faultline(['match', '--json'], dev.get('nix-pos-01')).stdout);
		expect(seccomp.matches.map((m: { shortId: string }) => m.shortId)).toEqual(['FL-0005', 'FL-0007']);
		expect(faultline(['match', '--json'], dev.get('mp-neg-07'))).toEqual({ code: 1, stdout: '{"matches":[],"ambiguous":false}\n', stderr: '' });
	});

	it('writes a ready --markdown comment with the question that tells two causes apart', () => {
		const r = faultline(['match', '--markdown'], dev.get('crun-pos-01'));
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('This error has **2 known causes** that print the same message:');
		expect(r.stdout).toContain('](https://faultline.dev/kb/crun-rootless-supplementary-group/)** (medium confidence)');
		expect(r.stdout).toContain('The question that tells them apart: *Does the command use --userns=keep-id, or run through distrobox or toolbox?* ([answer it in the wizard](https://faultline.dev/wizard/podman-keep-id/))');
		expect(r.stdout).toMatch(/\[this text in Faultline's matcher\]\(https:\/\/faultline\.dev\/match\/#q=Error%3A\+crun%3A\+make\+/);
		expect(faultline(['match', '--markdown'], dev.get('mp-neg-07'))).toEqual({ code: 1, stdout: '', stderr: '' });
	});

	it('lists every article of the current content', () => {
		const expected = (sourceData ??= dataFromContent(root)).articles;
		const plain = faultline(['list']);
		expect(plain.code).toBe(0);
		expect(plain.stdout.trim().split('\n')).toEqual(expected.map((a) => `${a.shortId}  ${a.id}  ${a.title}`));
		const json = JSON.parse(faultline(['list', '--json']).stdout);
		expect(json.map((a: { id: string }) => a.id)).toEqual(expected.map((a) => a.id));
		expect(json[0].url).toBe(`https://faultline.dev/kb/${expected[0].id}/`);
	});
});
