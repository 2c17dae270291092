import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { activeArticles, besideEachOther, CAUSE_NOT_ESTABLISHED, COVERAGE_ASIDE, coverageOf, coveringArticle, loadCoverageSample, type CoverageReport } from '../../bench/coverage.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sample = loadCoverageSample(root);
const aside = loadCoverageSample(root, COVERAGE_ASIDE);
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
});

describe('the kept-aside sample', () => {
	/** A thread as `owner/name#N`, with the index's mirror name for containers/* put back (coverage-sample.md). */
	const canonical = (source: string) => source.replace(/^podman-container-tools\//, 'containers/');

	it('has at least 30 reports from the upstream trackers, ids ca-<product>-<issue>, none twice', () => {
		expect(aside.length).toBeGreaterThanOrEqual(30);
		for (const r of aside) {
			expect(r.source, r.id).toMatch(TRACKERS);
			expect(PRODUCTS, r.id).toContain(r.product);
			expect(r.id).toBe(`ca-${r.product}-${r.source.split('#')[1]}`);
		}
		expect(new Set(aside.map((r) => r.source)).size).toBe(aside.length);
	});

	/**
	 * The main sample's own threads are the draw's only fixture exclusion (coverage-sample.md, "The kept-aside
	 * sample"): threads other fixtures use stay in, since skipping them removed the harvested, often covered,
	 * threads and biased the first draw.
	 */
	it('shares no thread with the main sample it checks (threads other fixtures use may appear)', () => {
		const main = new Set(sample.map((r) => canonical(r.source)));
		for (const r of aside) expect(main.has(canonical(r.source)), r.id).toBe(false);
	});
});

describe.each([
	['the coverage sample', sample],
	['the kept-aside sample', aside],
])('%s', (_name, reports) => {
	it('labels every report: kebab-case family, a cause sentence, and a covered slug that is a real article', () => {
		for (const r of reports) {
			expect(r.family, r.id).toMatch(/^[a-z0-9]+(-[a-z0-9.]+)*$/);
			expect(r.cause.length, r.id).toBeGreaterThan(20);
			if (r.covered !== null) expect(active.has(r.covered), `${r.id}: ${r.covered}`).toBe(true);
		}
	});

	it('holds no personal details: home paths, e-mail addresses or IPv4 addresses outside the documentation ranges', () => {
		for (const r of reports) {
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
		expect(figures.established).toEqual([2, 4]);
	});

	it('counts apart the reports whose thread establishes a cause', () => {
		const unknown = report('5', 'nix', CAUSE_NOT_ESTABLISHED);
		const figures = coverageOf([...reports, unknown], new Set(['x-article', 'z-article']));
		expect(figures.rows.at(-1)).toEqual(['all', 2, 5]);
		expect(figures.established).toEqual([2, 4]);
		expect(coveringArticle(reports[3], new Set(['z-article']))).toBe('z-article');
	});

	it('does not count a covered slug whose article is gone', () => {
		expect(coverageOf(reports, new Set()).rows.at(-1)).toEqual(['all', 0, 4]);
	});
});

describe('besideEachOther', () => {
	const report = (id: string, product: string, family: string): CoverageReport => ({ id, source: `a/b#${id}`, product, query: 'q', title: 't', cause: 'c', covered: null, family });

	it('puts the kept-aside figures beside the main ones, products of either sample, all last, 0 of 0 where a sample has none', () => {
		const active = new Set(['x-article']);
		const main = coverageOf([report('1', 'podman', 'x-article'), report('2', 'nix', 'y')], active);
		const kept = coverageOf([report('3', 'nix', 'x-article'), report('4', 'crun', 'y'), report('5', 'crun', 'y')], active);
		expect(besideEachOther(main, kept)).toEqual([
			['podman', 1, 1, 0, 0],
			['nix', 0, 1, 1, 1],
			['crun', 0, 0, 0, 2],
			['all', 1, 2, 1, 3],
		]);
	});
});

describe('loadCoverageSample', () => {
	it('names the line of a report that lacks a field', () => {
		const dir = mkdtempSync(join(tmpdir(), 'coverage-'));
		mkdirSync(join(dir, 'tests/fixtures'), { recursive: true });
		writeFileSync(join(dir, 'tests/fixtures/coverage-sample.jsonl'), `${JSON.stringify({ id: 'a', source: 'x/y#1', product: 'nix', query: 'q', title: 't', cause: 'c', covered: null, family: 'f' })}\n{"id":"b"}\n`);
		expect(() => loadCoverageSample(dir)).toThrow(/coverage-sample\.jsonl:2: "source"/);
	});

	it('reads the kept-aside file with the same checks, naming that file', () => {
		const dir = mkdtempSync(join(tmpdir(), 'coverage-'));
		mkdirSync(join(dir, 'tests/fixtures'), { recursive: true });
		const line = { id: 'ca-nix-1', source: 'NixOS/nix#1', product: 'nix', query: 'q', title: 't', cause: 'c', covered: null, family: 'f' };
		writeFileSync(join(dir, COVERAGE_ASIDE), `${JSON.stringify(line)}\n\n`);
		expect(loadCoverageSample(dir, COVERAGE_ASIDE)).toEqual([line]);
		writeFileSync(join(dir, COVERAGE_ASIDE), `${JSON.stringify(line)}\n{"id":"b"`);
		expect(() => loadCoverageSample(dir, COVERAGE_ASIDE)).toThrow(/coverage-aside\.jsonl:2: not JSON/);
		expect(() => loadCoverageSample(join(dir, 'nowhere'), COVERAGE_ASIDE)).toThrow(/coverage-aside\.jsonl: missing/);
	});
});
