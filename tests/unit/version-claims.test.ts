import { describe, expect, it } from 'vitest';
import { checkArticle } from '../../src/lib/content.ts';
import { namesToken, unsourcedVersions, versionTokens } from '../../src/lib/version-claims.ts';
import { withFields } from './fixtures.ts';

const texts = (s: string) => versionTokens(s).map((t) => `${t.kind} ${t.text}`);

describe('the version and commit tokens of a version claim', () => {
	it('finds release numbers with a dot, with or without v', () => {
		expect(texts('Nix 2.3 to 2.10, fixed in 1.14.3 and v0.4.0.')).toEqual(['version 2.3', 'version 2.10', 'version 1.14.3', 'version v0.4.0']);
		expect(texts('NixOS 24.05 (nix-2.18)')).toEqual(['version 24.05', 'version 2.18']);
	});

	it('finds commit hashes of 7 to 40 hex characters with a digit and a letter', () => {
		expect(texts('after 3683f43; a59c3167f673ce29b65c674deb2bee73d151a96c')).toEqual(['commit 3683f43', 'commit a59c3167f673ce29b65c674deb2bee73d151a96c']);
	});

	it('leaves out a series written with .x, which names no single release', () => {
		expect(texts('2.0 to 2.29.x, and 1.22 to 1.23.x')).toEqual(['version 2.0', 'version 1.22']);
	});

	it('leaves out single numbers, short or hex-only words, and dates', () => {
		expect(texts('systemd 252 and later; all versions; defaced 1234567 abc123; 2026-11-23')).toEqual([]);
	});

	it('matches versions exactly (v optional) and commits by prefix', () => {
		expect(namesToken('https://github.com/microvm-nix/microvm.nix/releases/tag/v0.4.0', { kind: 'version', text: '0.4.0' })).toBe(true);
		expect(namesToken('Nix 2.3 release notes', { kind: 'version', text: 'v2.3' })).toBe(true);
		expect(namesToken('Nix 2.3.1 release notes', { kind: 'version', text: '2.3' })).toBe(false);
		expect(namesToken('microvm-nix/microvm.nix@3683f43e0b1c', { kind: 'commit', text: '3683f43' })).toBe(true);
		expect(namesToken('microvm-nix/microvm.nix@3683f43', { kind: 'commit', text: '3683f43e0b1c' })).toBe(true);
		expect(namesToken('microvm-nix/microvm.nix@3683f44', { kind: 'commit', text: '3683f43' })).toBe(false);
	});
});

describe('version claims are checkable', () => {
	const sources = [
		{ ref: 'containers/podman#1', title: 'Fixed in v5.2.1' },
		{ ref: 'containers/crun@0123abc4567', title: 'The fix' },
	];

	it('accepts claims every token of which a source names', () => {
		expect(unsourcedVersions({ sources, versions: [{ product: 'podman', affected: 'before 5.2.1', fixed: '5.2.1 (0123abc)' }] })).toEqual([]);
	});

	it('names each fixed or affected token no source names, and where it is', () => {
		expect(unsourcedVersions({ sources, versions: [{ product: 'podman', affected: '2.2 and later', fixed: 'v5.3.0, commit 89abcde' }] })).toEqual([
			{ field: 'versions.0.affected', token: { kind: 'version', text: '2.2' } },
			{ field: 'versions.0.fixed', token: { kind: 'version', text: 'v5.3.0' } },
			{ field: 'versions.0.fixed', token: { kind: 'commit', text: '89abcde' } },
		]);
	});

	it('fails the content check with the file, the field and the fix', () => {
		const { problems } = checkArticle(withFields({ versions: [{ product: 'podman', affected: 'all', fixed: '5.0.1' }] }));
		expect(problems.map((p) => `${p.field}: ${p.message}. Fix: ${p.fix}.`)).toEqual([
			'versions.0.fixed: version "5.0.1" is not named by any of the article\'s sources. Fix: add a `sources` entry whose ref or title names 5.0.1 (a commit ref owner/name@<hash>, a release or tag URL, or an issue or PR whose title names it), or correct the version.',
		]);
	});
});
