import { describe, expect, it } from 'vitest';
import { compilePattern, displayPattern, patternParts, segmentsOf } from '../../src/lib/matcher/pattern.ts';
import { normalizeLine } from '../../src/lib/matcher/normalize.ts';

/** Whether a pattern matches a pasted line, as the matcher compares them (both normalised). */
const fits = (pattern: string, line: string) => compilePattern(pattern).test(normalizeLine(line));

describe('typed holes in signature patterns', () => {
	it('{path} takes a path, and not a sentence in its place', () => {
		const p = "overlayfs: failed to resolve '{path}': -2";
		expect(fits(p, "overlayfs: failed to resolve '/sysroot/nix/.ro-store': -2")).toBe(true);
		expect(fits(p, "overlayfs: failed to resolve '/home/alice/x y': -2")).toBe(false);
		expect(fits(p, "overlayfs: failed to resolve 'remount / failed, flags: 0x44000': -2")).toBe(false);
	});

	it('{n} takes a number, long ones included after normalisation', () => {
		const p = 'requested {n}:{n} for /etc/shadow';
		expect(fits(p, 'requested 0:42 for /etc/shadow')).toBe(true);
		expect(fits(p, 'requested 100000:100000 for /etc/shadow')).toBe(true);
		expect(fits(p, 'requested root:wheel for /etc/shadow')).toBe(false);
	});

	it('{hex} takes a hash or an ID', () => {
		const p = 'layer {hex} is incomplete';
		expect(fits(p, 'layer 3f1c2a9b8d7e6f5a4b3c2d1e0f is incomplete')).toBe(true);
		expect(fits(p, 'layer deadbeef is incomplete')).toBe(true);
		expect(fits(p, 'layer not-a-hash! is incomplete')).toBe(false);
	});

	it('{word} takes one word, never a path or several words', () => {
		const p = 'user {word} has no subuid range';
		expect(fits(p, 'user alice has no subuid range')).toBe(true);
		expect(fits(p, 'user /home/alice has no subuid range')).toBe(false);
		expect(fits(p, 'user alice and bob has no subuid range')).toBe(false);
	});

	it('{a|b|c} takes exactly one of the words listed', () => {
		const p = 'the requested cgroup controller `{cpu|cpuset|io}` is not available';
		expect(fits(p, 'crun: the requested cgroup controller `cpuset` is not available')).toBe(true);
		expect(fits(p, 'crun: the requested cgroup controller `pids` is not available')).toBe(false);
		expect(fits(p, 'crun: the requested cgroup controller `cpusetx` is not available')).toBe(false);
	});

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
