import { describe, expect, it } from 'vitest';
import { compilePattern, displayPattern, fillsOf, lineFrom, patternParts, segmentsOf, valuesOf } from '../../src/lib/matcher/pattern.ts';
import { normalizeLine } from '../../src/lib/matcher/normalize.ts';

/** Whether a pattern matches a pasted line, as the matcher compares them (both normalised). */
const fits = (pattern: string, line: string) => compilePattern(pattern).test(normalizeLine(line));

describe('typed holes in signature patterns', () => {
	// Each hole: a pattern, lines it must take, and lines with something else in its place that it must refuse.
	const HOLES: { title: string; pattern: string; takes: string[]; refuses: string[] }[] = [
		{
			title: '{path} takes a path, and not a sentence in its place',
			pattern: "overlayfs: failed to resolve '{path}': -2",
			takes: ["overlayfs: failed to resolve '/sysroot/nix/.ro-store': -2"],
			refuses: ["overlayfs: failed to resolve '/home/alice/x y': -2", "overlayfs: failed to resolve 'remount / failed, flags: 0x44000': -2"],
		},
		{
			title: '{n} takes a number, long ones included after normalisation',
			pattern: 'requested {n}:{n} for /etc/shadow',
			takes: ['requested 0:42 for /etc/shadow', 'requested 100000:100000 for /etc/shadow'],
			refuses: ['requested root:wheel for /etc/shadow'],
		},
		{
			title: '{hex} takes a hash or an ID',
			pattern: 'layer {hex} is incomplete',
			takes: ['layer 3f1c2a9b8d7e6f5a4b3c2d1e0f is incomplete', 'layer deadbeef is incomplete'],
			refuses: ['layer not-a-hash! is incomplete'],
		},
		{
			title: '{word} takes one word, never a path or several words',
			pattern: 'user {word} has no subuid range',
			takes: ['user alice has no subuid range'],
			refuses: ['user /home/alice has no subuid range', 'user alice and bob has no subuid range'],
		},
		{
			title: '{a|b|c} takes exactly one of the words listed',
			pattern: 'the requested cgroup controller `{cpu|cpuset|io}` is not available',
			takes: ['crun: the requested cgroup controller `cpuset` is not available'],
			refuses: ['crun: the requested cgroup controller `pids` is not available', 'crun: the requested cgroup controller `cpusetx` is not available'],
		},
	];
	for (const { title, pattern, takes, refuses } of HOLES) {
		it(title, () => {
			for (const line of takes) expect(fits(pattern, line), line).toBe(true);
			for (const line of refuses) expect(fits(pattern, line), line).toBe(false);
		});
	}

	it('{*} takes anything, at least one character, and adds nothing at either end', () => {
		expect(fits('make `{*}` private', 'make `/a b/merged` private')).toBe(true);
		expect(fits('make `{*}` private', 'make `` private')).toBe(false);
		expect(fits('{*}unable to load seccomp BPF program', 'unable to load seccomp BPF program')).toBe(true);
	});

	it('reads text in braces that is no hole as literal text', () => {
		expect(segmentsOf('got {x} and {path}')).toEqual([{ literal: 'got {x} and ' }, { hole: 'path' }]);
		expect(fits('got {x} and {path}', 'got {x} and /etc/x')).toBe(true);
	});

	it('keeps only the literal parts as the words of a pattern', () => {
		expect(patternParts('controller `{cpu|cpuset}` is not available under {path}')).toEqual(["controller '", "' is not available under"]);
	});

	it('shows every hole as … to readers', () => {
		expect(displayPattern('controller `{cpu|cpuset}` under {path}: {*}')).toBe('controller `…` under …: …');
	});
});

describe('a one-value output (valuesOf)', () => {
	it('is a bare value or one hole of alternatives, each made of the same characters (VALUE_CHAR: letters, digits, _, . and -)', () => {
		expect(valuesOf('overlayfs')).toEqual(['overlayfs']);
		expect(valuesOf('Enforcing')).toEqual(['enforcing']);
		// A bare value with a dot or a hyphen, as an alternative may hold them.
		expect(valuesOf('2.1.9')).toEqual(['2.1.9']);
		expect(valuesOf('fuse-overlayfs')).toEqual(['fuse-overlayfs']);
		expect(valuesOf('{oci|rootless}')).toEqual(['oci', 'rootless']);
		expect(valuesOf('{1.2|1.3-rc1}')).toEqual(['1.2', '1.3-rc1']);
		// Not a value: two words, a path, a key and its value, punctuation alone.
		for (const pattern of ['conmon version 2.1.9', '/etc/nixos', 'graphDriverName: overlayfs', 'a=b', '...', '-']) expect(valuesOf(pattern), pattern).toBeUndefined();
	});
});

describe('a line as its pattern and fills (the browser index carries these in place of the line)', () => {
	it('gives the line back exactly, with what stands before, in and after the holes', () => {
		const line = "Error: crun: make `/tmp/a/merged` private: Permission denied";
		const fills = fillsOf(line, 'crun: make `{*}` private: Permission denied');
		expect(fills).toEqual(['Error: ', '/tmp/a/merged', '']);
		expect(lineFrom('crun: make `{*}` private: Permission denied', fills!)).toBe(line);
		expect(fillsOf('frob 12 of 12 done', 'frob {n} of {n} done')).toEqual(['', '12', '12', '']);
	});

	it('has none when the line does not hold the pattern’s text verbatim (spacing, case), which then travels whole', () => {
		expect(fillsOf('-r--r--r-- 1 1000 users 57 Jan  1  1970 /nix/store/x', '-r--r--r-- 1 1000 users {*} Jan 1 1970 /nix/store/{*}')).toBeUndefined();
		expect(fillsOf('PERMISSION DENIED', 'permission denied')).toBeUndefined();
	});
});
