import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articlePath, articleUrl, isArticlePath, matchUrl, productPath, sectionPath, picksIn, shortIdPath, wizardMapPath, wizardStepPath, withPicks } from '../../src/lib/addresses.ts';

const ROOT = join(import.meta.dirname, '../..');

describe('addresses', () => {
	it('builds every URL shape the site publishes', () => {
		expect(articlePath('podman-x')).toBe('/kb/podman-x/');
		expect(articlePath('podman-x', 'keep-groups')).toBe('/kb/podman-x/#keep-groups');
		expect(sectionPath('podman-x', 'How to confirm')).toBe('/kb/podman-x/#how-to-confirm');
		expect(articleUrl('https://kb.example.org/', 'podman-x', 'fix')).toBe('https://kb.example.org/kb/podman-x/#fix');
		expect(isArticlePath('/kb/podman-x/')).toBe(true);
		expect(isArticlePath('/wizard/start/')).toBe(false);
		expect(shortIdPath('FL-0003')).toBe('/FL-0003/');
		expect(wizardStepPath('start')).toBe('/wizard/start/');
		expect(wizardStepPath('result-x', [{ node: 'lines', choice: 3 }])).toBe('/wizard/result-x/?picked=lines.3');
		expect(wizardMapPath()).toBe('/wizard/map/');
		expect(wizardMapPath('podman')).toBe('/wizard/map/podman/');
		expect(productPath('podman')).toBe('/products/podman/');
		expect(matchUrl('https://kb.example.org', 'a & b', 'Podman')).toBe('https://kb.example.org/match/#q=a+%26+b&product=Podman');
	});

	it('carries the answers a reader picked where several lead on, and reads them back', () => {
		const picks = [
			{ node: 'crun-lines', choice: 4 },
			{ node: 'podman-cgroup', choice: 0 },
		];
		const path = wizardStepPath('result-x', picks);
		expect(picksIn(path.slice(path.indexOf('?')))).toEqual(picks);
		// Malformed or foreign values are ignored, never thrown on.
		expect(picksIn('?picked=Lines.2&picked=lines&picked=lines.x&q=1&picked=ok-step.12')).toEqual([{ node: 'ok-step', choice: 12 }]);
		expect(picksIn('')).toEqual([]);
		// A link carries the picks made on the way before its own; its own wins for the same step.
		expect(withPicks('/wizard/next/', picks)).toBe('/wizard/next/?picked=crun-lines.4&picked=podman-cgroup.0');
		expect(withPicks('/wizard/next/?picked=podman-cgroup.1', picks)).toBe('/wizard/next/?picked=crun-lines.4&picked=podman-cgroup.1');
		expect(withPicks('/wizard/next/', [])).toBe('/wizard/next/');
	});

	it('is the only code that spells an article or wizard address', () => {
		const files = (dir: string): string[] =>
			readdirSync(dir).flatMap((name) => {
				const path = join(dir, name);
				if (statSync(path).isDirectory()) return name === 'content' && dir.endsWith('src') ? [] : files(path);
				return /\.(ts|mjs|js|astro)$/.test(name) ? [path] : [];
			});
		const spelled = ['src', 'scripts', 'bench', 'bin']
			.flatMap((d) => files(join(ROOT, d)))
			.concat(join(ROOT, 'astro.config.mjs'))
			.filter((f) => !f.endsWith(join('src', 'lib', 'addresses.ts')))
			// An address is `/kb/` or `/wizard/` not preceded by a path segment (`src/wizard/` is a module path).
			.filter((f) => /(?<![\w.~-])\/(?:kb|wizard)\//.test(readFileSync(f, 'utf8')))
			.map((f) => relative(ROOT, f));
		expect(spelled).toEqual([]);
	});
});
