/**
 * Coverage the way a user meets it (issue 16): of a sample of real failure
 * reports drawn from the upstream trackers with generic queries, how many
 * does an article explain? The sample is `tests/fixtures/coverage-sample.jsonl`
 * (how it was drawn: `tests/fixtures/coverage-sample.md`).
 *
 * A report counts as covered when its `covered` slug, or else its `family`,
 * names an active article that exists now. So a family recorded before its
 * article was written counts as soon as the article lands, without editing
 * the sample.
 *
 * A second sample, drawn the same way with other generic queries of the same
 * kind, is kept aside to check the first (`tests/fixtures/coverage-aside.jsonl`,
 * "The kept-aside sample" in the same .md): the bench prints its share beside
 * the main one, read with the same loader and counted the same way.
 *
 *   npm run bench -- --only coverage
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadArticles } from '../src/lib/content.ts';

/** The sample file, relative to the project root. */
export const COVERAGE_SAMPLE = 'tests/fixtures/coverage-sample.jsonl';

/** The kept-aside sample (same fields, ids `ca-<product>-<issue>`), relative to the project root. */
export const COVERAGE_ASIDE = 'tests/fixtures/coverage-aside.jsonl';

/**
 * The family of a report whose thread, as read, names no cause (coverage-sample.md, "Fields"): no
 * article can honestly claim it, so the bench also prints the share of the other reports covered.
 */
export const CAUSE_NOT_ESTABLISHED = 'cause-not-established';

/** One failure report of the sample, read to its cause. */
export interface CoverageReport {
	id: string;
	/** The thread: `owner/name#N`. */
	source: string;
	/** The product whose tracker it came from (`podman`, `buildah`, `crun`, `multipass`, `nix`, `nix-installer`, `microvm.nix`). */
	product: string;
	/** The generic query that drew it. */
	query: string;
	/** A neutral paraphrase of the report's title. */
	title: string;
	/** One sentence, from the thread; "Not established…" when the thread does not say. */
	cause: string;
	/** The article that explains exactly this cause, or `null`. */
	covered: string | null;
	/** The failure family, kebab-case (an article's slug when one is being written for it). */
	family: string;
	note?: string;
}

/** The fields every line must have, with their type (`covered` may also be `null`). */
const FIELDS = { id: 'string', source: 'string', product: 'string', query: 'string', title: 'string', cause: 'string', family: 'string' } as const;

/**
 * Reads the sample.
 * @throws when the file is missing, a line is not JSON, or a line lacks a field (the message names the line).
 */
export function loadCoverageSample(root: string, file = COVERAGE_SAMPLE): CoverageReport[] {
	const path = join(root, file);
	if (!existsSync(path)) throw new Error(`${file}: missing. Fix: draw the sample as ${file.replace(/\.jsonl$/, '.md')} describes.`);
	return readFileSync(path, 'utf8')
		.split('\n')
		.map((line, i) => ({ line, at: `${file}:${i + 1}` }))
		.filter(({ line }) => line.trim())
		.map(({ line, at }) => {
			let report: Record<string, unknown>;
			try {
				report = JSON.parse(line);
			} catch (error) {
				throw new Error(`${at}: not JSON (${(error as Error).message}). Fix: one JSON object per line.`);
			}
			for (const [field, type] of Object.entries(FIELDS)) {
				if (typeof report[field] !== type || !(report[field] as string).trim()) throw new Error(`${at}: "${field}" must be a non-empty ${type}. Fix: fill it in from the thread.`);
			}
			if (report.covered !== null && typeof report.covered !== 'string') throw new Error(`${at}: "covered" must be an article slug or null.`);
			return report as unknown as CoverageReport;
		});
}

/** The article a report counts for now: its `covered` slug, or else its `family`, when that is an active article; otherwise `null`. */
export function coveringArticle(report: CoverageReport, active: ReadonlySet<string>): string | null {
	if (report.covered && active.has(report.covered)) return report.covered;
	return active.has(report.family) ? report.family : null;
}

/** Per product and overall: `[product, covered, total]`, products in the sample's order, `all` last. */
export interface CoverageFigures {
	rows: [string, number, number][];
	/** Uncovered families, most frequent first (ties by name): `[family, count]`. */
	uncovered: [string, number][];
	/** `[covered, total]` over the reports whose thread establishes a cause (family not `CAUSE_NOT_ESTABLISHED`). */
	established: [number, number];
}

/** Coverage of the sample against the given active article slugs. */
export function coverageOf(sample: readonly CoverageReport[], active: ReadonlySet<string>): CoverageFigures {
	const products = [...new Set(sample.map((r) => r.product))];
	const isCovered = (r: CoverageReport) => coveringArticle(r, active) !== null;
	const rows: [string, number, number][] = products.map((p) => {
		const of = sample.filter((r) => r.product === p);
		return [p, of.filter(isCovered).length, of.length];
	});
	rows.push(['all', sample.filter(isCovered).length, sample.length]);
	const counts = new Map<string, number>();
	for (const r of sample) if (!isCovered(r)) counts.set(r.family, (counts.get(r.family) ?? 0) + 1);
	const uncovered = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
	const known = sample.filter((r) => r.family !== CAUSE_NOT_ESTABLISHED);
	return { rows, uncovered, established: [known.filter(isCovered).length, known.length] };
}

/** The slugs of the active articles under `root`. */
export function activeArticles(root: string): Set<string> {
	return new Set(loadArticles(root).filter((a) => a.data.status === 'active').map((a) => a.data.id));
}

/** Coverage of one of the repository's samples (the main one unless `file` says otherwise) against the repository's articles. */
export function measureCoverage(root: string, file = COVERAGE_SAMPLE, active: ReadonlySet<string> = activeArticles(root)): CoverageFigures & { sample: CoverageReport[] } {
	const sample = loadCoverageSample(root, file);
	return { sample, ...coverageOf(sample, active) };
}

/**
 * The main sample's and the kept-aside sample's rows side by side:
 * `[product, mainCovered, mainTotal, asideCovered, asideTotal]`, products in
 * the main sample's order, then any found only in the kept-aside one, `all`
 * last. A product missing from one sample has 0 of 0 there.
 */
export function besideEachOther(main: CoverageFigures, aside: CoverageFigures): [string, number, number, number, number][] {
	const of = (f: CoverageFigures) => new Map(f.rows.map(([p, c, t]) => [p, [c, t] as const]));
	const [m, a] = [of(main), of(aside)];
	const products = [...new Set([...m.keys(), ...a.keys()])].filter((p) => p !== 'all');
	return [...products, 'all'].map((p) => [p, ...(m.get(p) ?? [0, 0]), ...(a.get(p) ?? [0, 0])] as [string, number, number, number, number]);
}
