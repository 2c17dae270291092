import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { activeArticles, coverageOf, coveringArticle, loadCoverageSample, type CoverageReport } from '../../bench/coverage.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sample = loadCoverageSample(root);
const active = activeArticles(root);
const PRODUCTS = ['podman', 'buildah', 'crun', 'multipass', 'nix', 'nix-installer', 'microvm.nix'];
/** The trackers the sample may come from (issue 16): the products' upstream repositories. */
const TRACKERS = /^(containers\/(podman|buildah|crun)|microvm-nix\/microvm\.nix|astro\/microvm\.nix|canonical\/multipass|NixOS\/nix|DeterminateSystems\/nix-installer)#\d+$/;

describe('the coverage sample', () => {
	it('has at least 50 reports, each from an upstream tracker of a product we cover, none twice', () => {
		expect(sample.length).toBeGreaterThanOrEqual(50);
		for (const r of sample) {
			expect(r.source, r.id).toMatch(TRACKERS);
			expect(PRODUCTS, r.id).toContain(r.product);
		}
		expect(new Set(sample.map((r) => r.source)).size).toBe(sample.length);
		expect(new Set(sample.map((r) => r.id)).size).toBe(sample.length);
	});

	it('labels every report: kebab-case family, a cause sentence, and a covered slug that is a real article', () => {
		for (const r of sample) {
			expect(r.family, r.id).toMatch(/^[a-z0-9]+(-[a-z0-9.]+)*$/);
			expect(r.cause.length, r.id).toBeGreaterThan(20);
			if (r.covered !== null) expect(active.has(r.covered), `${r.id}: ${r.covered}`).toBe(true);
		}
	});

	it('holds no personal details: home paths, e-mail addresses or IPv4 addresses outside the documentation ranges', () => {
		for (const r of sample) {
			const text = JSON.stringify(r);
			expect(text, r.id).not.toMatch(/\/home\/(?!alice\b)[a-z][\w.-]*/i);
			expect(text, r.id).not.toMatch(/\/Users\/(?!alice\b)[a-z][\w.-]*/i);
			expect(text, r.id).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
			for (const ip of text.match(/\b\d{1,3}(\.\d{1,3}){3}\b/g) ?? []) expect(ip, r.id).toMatch(/^(192\.0\.2|198\.51\.100|203\.0\.113)\./);
		}
	});
});

describe('coverageOf', () => {
	const report = (id: string, product: string, family: string, covered: string | null = null): CoverageReport => ({ id, source: `a/b#${id}`, product, query: 'q', title: 't', cause: 'c', covered, family });
	const reports = [report('1', 'podman', 'x-article', 'x-article'), report('2', 'podman', 'y-family'), report('3', 'nix', 'y-family'), report('4', 'nix', 'z-article')];

	it('counts a report by its covered slug, or by its family once an article of that name exists', () => {
		const figures = coverageOf(reports, new Set(['x-article', 'z-article']));
		expect(figures.rows).toEqual([['podman', 1, 2], ['nix', 1, 2], ['all', 2, 4]]);
		expect(figures.uncovered).toEqual([['y-family', 2]]);
		expect(coveringArticle(reports[3], new Set(['z-article']))).toBe('z-article');
	});

	it('does not count a covered slug whose article is gone', () => {
		expect(coverageOf(reports, new Set()).rows.at(-1)).toEqual(['all', 0, 4]);
	});
});

describe('loadCoverageSample', () => {
	it('names the line of a report that lacks a field', () => {
		const dir = mkdtempSync(join(tmpdir(), 'coverage-'));
		mkdirSync(join(dir, 'tests/fixtures'), { recursive: true });
		writeFileSync(join(dir, 'tests/fixtures/coverage-sample.jsonl'), `${JSON.stringify({ id: 'a', source: 'x/y#1', product: 'nix', query: 'q', title: 't', cause: 'c', covered: null, family: 'f' })}\n{"id":"b"}\n`);
		expect(() => loadCoverageSample(dir)).toThrow(/coverage-sample\.jsonl:2: "source"/);
	});
});
