import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articlePath, articleUrl, isArticlePath, matchUrl, productPath, sectionPath, shortIdPath, wizardMapPath, wizardStepPath } from '../../src/lib/addresses.ts';

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
		expect(wizardMapPath()).toBe('/wizard/map/');
		expect(wizardMapPath('podman')).toBe('/wizard/map/podman/');
		expect(productPath('podman')).toBe('/products/podman/');
		expect(matchUrl('https://kb.example.org', 'a & b', 'Podman')).toBe('https://kb.example.org/match/#q=a+%26+b&product=Podman');
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
