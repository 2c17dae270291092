/**
 * Every shell block a reader may paste passes ShellCheck and the named rules
 * of src/lib/shell-lint.ts: one test per article and one per wizard step with
 * a command, each failure naming the file, the line and what is wrong. Then
 * each named rule, on the wrong text the fact-check of issue 12 found.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readArticleSources, splitFrontMatter } from '../../src/lib/content.ts';
import { checkShellCode, checkShellCodes, runShellCheck, shellBlocksOf } from '../../src/lib/shellcheck.ts';
import { lintShell, SHELL_RULES } from '../../src/lib/shell-lint.ts';
import { TREE_FILE } from '../../src/wizard/validate.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const articles = readArticleSources(root);
const tree = parseYaml(readFileSync(join(root, TREE_FILE), 'utf8')) as { nodes: { id: string; command?: string }[] };
const steps = tree.nodes.filter((n) => n.command !== undefined);

// Every block of every article and every command of the tree, through one ShellCheck process; each test below reads its own findings.
const blocks = articles.map((a) => {
	const body = splitFrontMatter(a.text)?.body ?? a.text;
	return { offset: a.text.slice(0, a.text.length - body.length).split('\n').length - 1, blocks: shellBlocksOf(body) };
});
const findings = checkShellCodes([...blocks.flatMap((a) => a.blocks.map((b) => b.code)), ...steps.map((s) => s.command!)]);
let next = 0;
const articleFindings = blocks.map((a) => a.blocks.map(() => findings[next++]));
const stepFindings = steps.map(() => findings[next++]);

describe('every shell block of every article passes ShellCheck and the named rules', () => {
	it('finds the articles and their shell blocks', () => {
		expect(articles.length).toBeGreaterThan(20);
		expect(articles.flatMap((a) => shellBlocksOf(a.text)).length).toBeGreaterThan(20);
	});

	it.each(articles.map((a, i) => [a.file, i] as const))('%s', (file, i) => {
		const { offset, blocks: own } = blocks[i];
		const problems = own.flatMap((block, j) =>
			articleFindings[i][j].map((f) => `${file}:${offset + block.line + f.line} (the ${block.lang} block at line ${offset + block.line}) › ${f.rule}: ${f.message}. Fix: ${f.fix}.`),
		);
		expect(problems).toEqual([]);
	});
});

describe("every command in the wizard tree passes ShellCheck and the named rules", () => {
	it('finds the commands', () => {
		expect(steps.length).toBeGreaterThan(10);
	});

	it.each(steps.map((s, i) => [s.id, i] as const))('step %s', (id, i) => {
		expect(stepFindings[i].map((f) => `${TREE_FILE} › step "${id}" › command › ${f.rule}: ${f.message}. Fix: ${f.fix}.`)).toEqual([]);
	});
});

describe('the named shell rules catch what ShellCheck does not', () => {
	const rules = (code: string) => lintShell(code).map((f) => f.rule);

	it('has a test below for every rule', () => {
		expect(Object.keys(SHELL_RULES).sort()).toEqual(['backslash-x-unquoted', 'findmnt-several-paths', 'no-prompt']);
	});

	it('findmnt-several-paths: two paths in one findmnt call (the old erofs-store-ownership text)', () => {
		const old = 'findmnt /nix/store /nix/.ro-store';
		expect(runShellCheck(old)).toEqual([]);
		expect(rules(old)).toEqual(['findmnt-several-paths']);
		expect(lintShell(old)[0].message).toBe(
			'findmnt is given 2 paths (/nix/store, /nix/.ro-store); it reads two as a source and a target, and prints nothing unless exactly that pair is mounted',
		);
		expect(rules('sudo findmnt -no SOURCE,FSTYPE -T /nix/store /nix/.ro-store')).toEqual(['findmnt-several-paths']);
		expect(rules('findmnt --target=/nix/store /nix/.ro-store | cat')).toEqual(['findmnt-several-paths']);
	});

	// Each row: a command, and the rules it breaks (none: it passes).
	it.each([
		['findmnt -T /nix/store\nfindmnt -T /nix/.ro-store', []],
		['findmnt -no SOURCE,FSTYPE -T /nix/store; findmnt /nix/.ro-store', []],
		['findmnt --source /dev/vda --target /mnt', []],
		['findmnt -t overlay', []],
		// An unquoted \x2d in a unit name (the old virtiofs-tag-not-found and overlay-ro-store-race text).
		['systemctl status sysroot-nix\\x2dstore.mount', ['backslash-x-unquoted']],
		['systemctl show -p After -p Requires sysroot-nix-.ro\\x2dstore.mount', ['backslash-x-unquoted']],
		["journalctl -u $'sysroot-nix-.ro\\x2dstore.mount'", ['backslash-x-unquoted']],
		// The escape in single or double quotes, or in a comment, passes.
		["systemctl status 'sysroot-nix-.ro\\x2dstore.mount'", []],
		['systemctl status "sysroot-nix-.ro\\x2dstore.mount"', []],
		['true # sysroot-nix-.ro\\x2dstore.mount', []],
		// A leading $ prompt.
		['$ podman info', ['no-prompt']],
		['podman info\n  $ id -u', ['no-prompt']],
		['echo "$HOME"', []],
	])('%j breaks %j', (code, broken) => {
		expect(rules(code)).toEqual(broken);
	});

	it('reports the line of each finding within the block', () => {
		expect(lintShell('true\nfindmnt /a /b\n$ ls').map((f) => [f.rule, f.line])).toEqual([
			['findmnt-several-paths', 2],
			['no-prompt', 3],
		]);
	});

	it('ShellCheck runs, and its findings carry its code, also for many pieces at once, each with its own', () => {
		const codes = ['ls <path>', 'echo "$HOME"', 'systemctl status sysroot-nix\\x2dstore.mount'];
		const together = checkShellCodes(codes);
		expect(together).toEqual(codes.map((c) => checkShellCode(c)));
		expect(together[0].map((f) => f.rule)).toContain('SC1073');
		expect(together.slice(1).map((f) => f.map((x) => x.rule))).toEqual([[], ['SC1001', 'backslash-x-unquoted']]);
		expect(runShellCheck('ls <path>').map((f) => f.rule)).toContain('SC1073');
		expect(checkShellCode('systemctl status sysroot-nix\\x2dstore.mount').map((f) => f.rule)).toEqual(['SC1001', 'backslash-x-unquoted']);
	});
});
