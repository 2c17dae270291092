#!/usr/bin/env node
/**
 * `npm run bench`: prints tables.
 *
 * 1. Accuracy on every eval text (real issue-tracker text), per kind, side by
 *    side: this matcher, Pagefind queried with the same text in Chromium
 *    against the built site, and Fuse.js over the article texts; and the
 *    matcher's reliability table (per confidence level, the share right).
 * 2. The matcher's latency for a 1 KB and a 1 MB paste against the real
 *    articles and a generated set of 10,000, and the index size shipped.
 * 3. Whole sites: the real one and synthetic ones of 100, 1,000 and 10,000
 *    articles, each built (time, peak memory, output), served with gzip and
 *    loaded in Chromium (bytes and JavaScript on first load, bytes a search
 *    fetches), with Lighthouse's mobile scores for the real site and the
 *    largest synthetic one.
 *
 *   npm run bench                        everything (about 10 minutes on 2 cores)
 *   npm run bench -- --sizes 100,1000    other synthetic sizes
 *   npm run bench -- --no-sites          only 1 and 2 (the Pagefind column needs a built site)
 *   npm run bench -- --no-lighthouse     sites without Lighthouse
 *   npm run bench -- --only cli          only 4: the CLI's start-up and one-line match,
 *                                        installed package beside the clone (about a minute)
 *
 * 4. The CLI as users run it: start-up and a one-line match, wall time, for
 *    the installed npm package beside `npx faultline` in a clone (bench/cli.ts).
 *   npm run bench -- --only cli-input    only 5 (the CLI on 200 MB inputs)
 *
 * 5. The CLI on huge input: a 200 MB ordinary log and a 200 MB single line.
 *   npm run bench -- --only coverage     only 6 (coverage of the sample)
 *   npm run bench -- --only accuracy     only the accuracy tables of 1 (per kind, per half, reliability);
 *                                        add --misses A (or B, or all) to list the wrong answers of that half
 *   npm run bench -- --only paste        only 7 (needs a built site)
 *   npm run bench -- --only mdx          only 8 (two builds of 1,000 articles; --mdx-size N for another size)
 *   npm run bench -- --only speed        only 9 (the matcher beside grep on a 50 MB log, 7 turns; --log-mb N for another size,
 *                                        --runs N for another number of turns, --compare REV to run the matcher of a
 *                                        commit, e.g. the one before a speed change, in the same turns, side by side)
 *   npm run bench -- --only wizard       only 10 (the wizard walks; a second or two)
 *   npm run bench -- --only lighthouse   only 11 (Lighthouse on the built site's home and longest article, 3 runs each; needs a built site)
 *
 * 6. Coverage the way a user meets it: of real failure reports drawn with
 *    generic queries (tests/fixtures/coverage-sample.jsonl), the share an
 *    active article explains, per product, beside the same share of the
 *    sample kept aside to check it (tests/fixtures/coverage-aside.jsonl), and
 *    the main sample's commonest uncovered families.
 * 7. What the paste box downloads for a 4 KB log, a 4 KB description and a
 *    word search on the real built site, by part (bench/paste-weight.ts).
 * 8. What MDX articles cost: the same 1,000 synthetic articles built as .md
 *    and as .mdx (each MDX one showing an article component), side by side
 *    (part of the sites, so skipped with --no-sites).
 * 9. The matcher beside `grep -F -f` over the signature lines, CPU time on a
 *    realistic 50 MB log (bench/realistic-log.ts), and the pre-filter's pass
 *    rate on it beside real pasted lines' (bench/grep-speed.ts).
 * 10. The wizard walked by real reporters (tests/fixtures/wizard-walks.jsonl):
 *    right / wrong / dead end and the median number of questions, and every
 *    walk that did not end right, with where it ended.
 * 11. Lighthouse's total blocking time and where the main thread's time goes
 *    (style and layout, script) on the longest article page, beside the home page;
 *    and that page's style and layout work with its content-visibility rules
 *    as built beside turned off, in turns (bench/layout-cost.ts).
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { execFileSync, execSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { availableParallelism, loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join, relative } from 'node:path';
import Fuse from 'fuse.js';
import { loadArticles } from '../src/lib/content.ts';
import { compileIndex } from '../src/lib/matcher/build.ts';
import { createMatcher, ruledOutBy, type Matcher } from '../src/lib/matcher/index.ts';
import { accuracyByKind, answer, EVAL_FILES, halfOf, loadEvalSet, reliability, shareRight, type EvalItem } from '../src/lib/eval-set.ts';
import { RELIABILITY_TARGETS } from '../src/lib/matcher/scoring.ts';
import { createProseRanker, PROSE, textKind } from '../src/lib/prose.ts';
import { proseDocsOf } from '../src/lib/prose-docs.ts';
import { syntheticArticles, syntheticPaste } from './synthetic.ts';
import { shippedFor } from './shipping.ts';
import { pagefindTop } from './pagefind.ts';
import { measureFormats, measureSites, type FormatFigures, type SiteFigures } from './sites.ts';
import type { Transfer } from './page-weight.ts';
import { CATEGORIES, lighthouseScores, type Scores } from './lighthouse.ts';
import { serve } from './serve.ts';
import { measureLayoutCost } from './layout-cost.ts';
import { launch } from './page-weight.ts';
import { ensureBrowser, launchArgs } from '../scripts/browser.ts';
import { medianOf } from './grep-speed.ts';
import { measureCli } from './cli.ts';
import { measureCliInput } from './cli-input.ts';
import { activeArticles, besideEachOther, COVERAGE_ASIDE, COVERAGE_SAMPLE, measureCoverage } from './coverage.ts';
import { measurePasteWeight } from './paste-weight.ts';
import { GREP_LOCALE, measureGrepSpeed, NEEDLE_ARTICLE, type OtherMatcher } from './grep-speed.ts';
import { measureWalks } from './wizard.ts';
import { walkFigures } from '../src/wizard/walks.ts';
import { articlePath } from '../src/lib/addresses.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

function table(title: string, head: string[], rows: (string | number)[][]) {
	const cells = [head, ...rows.map((r) => r.map(String))];
	const widths = head.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
	const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
	console.log(`\n${title}\n`);
	console.log(line(head));
	console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
	for (const r of cells.slice(1)) console.log(line(r));
}

const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)} % (${a}/${b})`;

function median(run: () => void, times: number): number {
	run(); // warm up
	const ms: number[] = [];
	for (let i = 0; i < times; i++) {
		const t = performance.now();
		run();
		ms.push(performance.now() - t);
	}
	return ms.sort((a, b) => a - b)[Math.floor(ms.length / 2)];
}

const { values: args } = parseArgs({
	options: {
		sizes: { type: 'string', default: '100,1000,10000' },
		'mdx-size': { type: 'string', default: '1000' },
		'log-mb': { type: 'string', default: '50' },
		runs: { type: 'string', default: '7' },
		'no-sites': { type: 'boolean', default: false },
		'no-lighthouse': { type: 'boolean', default: false },
		only: { type: 'string' },
		misses: { type: 'string' },
		compare: { type: 'string' },
	},
});

/** 4. The CLI's wall time, installed package beside the clone. */
function cliTable() {
	const rows = measureCli(5, (l) => console.error(l));
	const ms = (c: { wallMs: number; cpuMs: number }) => `${Math.round(c.wallMs)} ms (CPU ${Math.round(c.cpuMs)} ms)`;
	table(
		`The faultline command: wall time, and CPU time (user + system), medians of 5; load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`,
		['how it runs', 'Node', 'start-up (--version)', 'one-line match'],
		rows.map((r) => [r.path, r.node, ms(r.start), ms(r.match)]),
	);
	console.log('\nTarget: a one-line match from the installed package under 300 ms of wall time. On a busy machine wall time mostly waits for a core; the CPU column and the Node-alone row show what the command itself costs.');
}

/** 5. The CLI table: time and peak memory of `faultline match` on 200 MB of each kind of input. */
function cliInputTable() {
	const rows = measureCliInput(root, 200).map((r) => [r.input, `${r.megabytes} MB`, `${r.seconds.toFixed(1)} s`, `${r.cpuSeconds.toFixed(1)} s`, `${Math.round(r.peakMb)} MB`, String(r.exitCode), r.note.replace(/^faultline: note: /, '') || '-']);
	table('The CLI on huge input: faultline match --json, one process each (peak = resident memory)', ['input', 'size', 'wall time', 'CPU time', 'peak memory', 'exit', 'note'], rows);
}

/** 6. The coverage table: covered / total per product and overall, the kept-aside sample's beside it, then the commonest uncovered families. */
function coverageTable() {
	const active = activeArticles(root);
	const main = measureCoverage(root, COVERAGE_SAMPLE, active);
	const aside = measureCoverage(root, COVERAGE_ASIDE, active);
	const share = (covered: number, total: number) => (total ? pct(covered, total) : '-');
	table(
		`Coverage of real failure reports drawn with generic queries (${COVERAGE_SAMPLE}; kept aside to check it: ${COVERAGE_ASIDE}): a report counts when an active article explains its cause`,
		['product', 'covered', 'kept aside'],
		[
			...besideEachOther(main, aside).map(([product, covered, total, asideCovered, asideTotal]) => [product, share(covered, total), share(asideCovered, asideTotal)]),
			// What the figure can reach: a report whose thread names no cause counts against every knowledge base.
			[`all whose thread establishes a cause`, share(...main.established), share(...aside.established)],
		],
	);
	const { uncovered } = main;
	table('Most frequent uncovered failure families', ['family', 'reports'], uncovered.slice(0, 12));
	console.log('\nTarget: at least half of such a sample covered.');
}

/** 9. The wizard walks: the totals against issue 18's target, then each walk that went wrong or dead-ended. */
/** What each round of walks is (src/wizard/walks.ts `round`): how far the tree was shaped with its reporters in view. */
const ROUND_LABELS: Record<number, string> = {
	1: 'round 1 (the tree changed with them in view)',
	2: 'round 2 (written against the finished tree, then the tree fixed for them)',
	3: 'round 3 (written blind, then the tree fixed for the failures it showed)',
	4: 'round 4 (written blind against the tree after round 3\'s fixes: 16/28 right; then the tree fixed for the failures it showed)',
	5: 'round 5 (reports found by generic searches, written blind against the tree after round 4\'s fixes; expected set per walk)',
	6: 'round 6 (30 reports found by generic searches, written blind against the tree after round 5: 27/30 right; then the tree fixed for the failures it showed)',
	7: 'round 7 (30 new reports found by generic searches, written blind against the tree after round 6\'s fixes, 2026-11-30: 28/30 right; then the tree fixed for the failures it showed)',
	8: 'round 8 (28 new reports found by generic searches, written blind against the tree after round 7\'s fixes, 2026-11-30: 28/28 right, 21 of them honest no-matches)',
	9: 'round 9 (25 new reports found by generic searches, written blind against the tree after round 8 and the s11-wizard changes, 2026-11-30: 23/25 right, 19 of them honest no-matches, none wrong, 2 dead ends)',
	10: 'round 10 (20 new reports found by generic searches, written blind against the tree after round 9 and session 12, 2026-11-30: 17/20 right, 15 of them honest no-matches, 2 wrong, 1 dead end; then the tree fixed for the dead end: buildah’s error check offers FL-0060, which gained the old form’s second line)',
	11: 'round 11 (20 new reports found by generic searches, written blind against the tree after round 10 and session 12, 2026-12-01: 20/20 right, 19 of them honest no-matches, none wrong, no dead end)',
};

function wizardTable() {
	const { results, figures: f } = measureWalks(root);
	const row = (label: string, g: ReturnType<typeof walkFigures>) => [label, g.walks, pct(g.right, g.walks), g.honestNoMatch, pct(g.wrong, g.walks), pct(g.deadEnd, g.walks), g.medianQuestions];
	const rounds = [...new Set(results.map((r) => r.walk.round ?? 1))].sort((a, b) => a - b);
	table('The wizard walked by real reporters (tests/fixtures/wizard-walks.jsonl), each answering from their own thread', ['walks', 'count', 'right', 'of them honest no match', 'wrong', 'dead end', 'median questions'], [
		row('all', f),
		...rounds.map((n) => row(ROUND_LABELS[n] ?? `round ${n}`, walkFigures(results.filter((r) => (r.walk.round ?? 1) === n)))),
	]);
	const missed = results.filter((r) => r.outcome !== 'right');
	if (missed.length) table('Walks that did not reach their article', ['eval item', 'thread', 'expected', 'outcome', 'ended at'], missed.map((r) => [r.walk.eval, r.walk.source, r.expected ?? '(no article)', r.outcome, r.article ? `${r.at} (${r.article})` : r.at]));
	const honest = results.filter((r) => r.honestNoMatch);
	if (honest.length) table('Walks with no article that ended honestly, at an end step (counted right)', ['eval item', 'thread', 'ended at'], honest.map((r) => [r.walk.eval, r.walk.source, r.at]));
	console.log('\nA walk with no article (expected null) is right when it ends at an end step (an honest no match) and wrong when it reaches any article.');
	console.log('\nTarget (issue 18): at least 95 % right, none wrong, median at most 3 questions.');
}

/** 7. What a paste downloads on the real site, by part; the target is the paste box's own total. */
async function pasteTable() {
	if (!existsSync(join(root, 'dist', 'index.html'))) throw new Error('no built site: run npm run build first');
	const kb = (n: number) => `${n.toFixed(1)} KB`;
	const measured = await measurePasteWeight(root);
	const rows = measured.map((r) => [r.paste, `${Math.round(r.answerMs)} ms`, `${Math.round(r.coldMs)} ms`, ...Object.values(r.parts).map(kb), kb(r.box), kb(r.total)]);
	table(
		`The paste box on the real site, served on localhost: time from the paste to the first answer on the page (best of 3 fresh pages, Chromium's clock; load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores), and what it downloads after the page has loaded, gzipped, until it has answered`,
		['paste', 'paste to answer (cursor in the box first)', 'cold (paste alone)', 'code', 'matcher directory', 'display texts', 'matcher index (shards or whole)', 'prose index', 'wizard jumps', 'Pagefind', 'paste box (all but Pagefind)', 'everything'],
		rows,
	);
	for (const r of measured) {
		console.log(`\nWhere the time goes, ${r.paste} (one more paste, cursor first; each response as the server sends it, from the paste): ${r.timeline.map((t) => `${t.path} +${Math.round(t.ms)} ms (${kb(t.kb)})`).join(', ') || 'no request'}; answer on the page at ${Math.round(r.timelineAnswerMs)} ms.`);
	}
	console.log('\nTargets: a known error on the page under 150 ms after the paste; a 4 KB log paste under 50 KB in all, Pagefind included (a word search may download Pagefind).');
}

/** Lighthouse runs per page in the Lighthouse table: its simulated timings move with the machine's load. */
const LIGHTHOUSE_RUNS = 3;

/**
 * 11. Lighthouse on the built site as it stands (no build): the home page and the longest article page (by
 * HTML bytes), each LIGHTHOUSE_RUNS times: the performance score, total blocking time and the main thread's
 * style and layout work, medians, with the load average.
 */
async function lighthouseTable() {
	const dist = join(root, 'dist');
	if (!existsSync(join(dist, 'index.html'))) throw new Error('no built site: run npm run build first');
	const kbDir = join(dist, 'kb');
	const longest = readdirSync(kbDir)
		.filter((d) => existsSync(join(kbDir, d, 'index.html')))
		.map((d) => ({ d, bytes: statSync(join(kbDir, d, 'index.html')).size }))
		.sort((a, b) => b.bytes - a.bytes)[0];
	const server = await serve(dist);
	const before = loadavg()[0];
	try {
		const pages = [
			['home', '/'],
			[`longest article ${articlePath(longest.d)} (${(longest.bytes / 1024).toFixed(0)} KB of HTML)`, articlePath(longest.d)],
		] as const;
		const chrome = await ensureBrowser();
		const rows: (string | number)[][] = [];
		for (const [label, path] of pages) {
			const runs: Scores[] = [];
			for (let i = 0; i < LIGHTHOUSE_RUNS; i++) runs.push((await lighthouseScores(chrome, launchArgs(), [`${server.url}${path}`]))[0]);
			const ms = (f: (s: Scores) => number) => `${Math.round(medianOf(runs.map(f)))} ms`;
			rows.push([label, runs.map((r) => r.performance).join(', '), ms((r) => r.totalBlockingMs), ms((r) => r.mainThread.styleLayout ?? 0), ms((r) => r.mainThread.scriptEvaluation ?? 0), ms((r) => Object.values(r.mainThread).reduce((a, b) => a + b, 0))]);
		}
		const browser = await launch(chrome, launchArgs());
		const layout = await measureLayoutCost(browser, `${server.url}${pages[1][1]}`).finally(() => browser.close());
		table(
			`Style and layout on the ${pages[1][0]}: content-visibility as built beside turned off, in ${layout.turns.length} turns (Chromium's RecalcStyleDuration + LayoutDuration until load, 412 x 823, CPU slowed 4x); load average ${loadavg()[0].toFixed(1)}`,
			['turn', 'as built', 'content-visibility off', 'built / off'],
			[
				...layout.turns.map((t, i) => [i + 1, `${Math.round(t.builtMs)} ms`, `${Math.round(t.offMs)} ms`, `${(t.builtMs / t.offMs).toFixed(2)}`]),
				['median', `${Math.round(layout.builtMs)} ms`, `${Math.round(layout.offMs)} ms`, `${layout.ratio.toFixed(2)} (median of the turns' ratios)`],
			],
		);
		table(
			`Lighthouse, mobile (simulated slow 4G, mid-range phone), on the built site, ${LIGHTHOUSE_RUNS} runs per page, medians; load average ${before.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end, on ${availableParallelism()} cores`,
			['page', 'performance (each run)', 'total blocking time', 'style and layout', 'script evaluation', 'main thread in all'],
			rows,
		);
	} finally {
		await server.close();
	}
}

/**
 * The matcher of another commit (`--compare REV`), to run beside this one: that commit's src/lib, written
 * under .tmp/bench/compare-<rev> by `git archive`, imported from there.
 */
async function otherMatcher(rev: string): Promise<OtherMatcher> {
	const commit = execFileSync('git', ['rev-parse', '--short', rev], { cwd: root, encoding: 'utf8' }).trim();
	const dir = join(root, '.tmp', 'bench', `compare-${commit}`);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	execSync(`git archive ${commit} src/lib | tar -x -C "${dir}"`, { cwd: root });
	const mod = (await import(pathToFileURL(join(dir, 'src', 'lib', 'matcher', 'index.ts')).href)) as { createMatcher: OtherMatcher['create'] };
	return { label: commit, create: mod.createMatcher };
}

/** This working tree's matcher from a copy of its src/lib: the one timed (and with --compare, both matchers then load alike). */
async function ownCopy(): Promise<OtherMatcher> {
	const dir = join(root, '.tmp', 'bench', 'compare-worktree');
	rmSync(dir, { recursive: true, force: true });
	cpSync(join(root, 'src', 'lib'), join(dir, 'src', 'lib'), { recursive: true });
	const mod = (await import(pathToFileURL(join(dir, 'src', 'lib', 'matcher', 'index.ts')).href)) as { createMatcher: OtherMatcher['create'] };
	return { label: 'this tree', create: mod.createMatcher };
}

/** 9. The matcher beside grep on a realistic log, and the pre-filter's pass rates; with --compare, another commit's matcher in the same turns. */
async function speedTable(articles = loadArticles(root).map((a) => a.data)) {
	const before = loadavg()[0];
	const other = args.compare ? await otherMatcher(args.compare) : undefined;
	// The timed matcher is always a fresh copy of this tree's modules, which has matched nothing before the log
	// (as in the CLI, one paste per process); bench/grep-speed.ts sorts the log's lines with another.
	const self = await ownCopy();
	const r = measureGrepSpeed(root, articles, Number(args['log-mb']), Number(args.runs), other, self);
	if (r.other && r.other.answer !== r.matcherAnswer) throw new Error(`the matcher of ${r.other.label} found ${r.other.answer} in the log, this one ${r.matcherAnswer}`);
	if (r.matcherAnswer !== NEEDLE_ARTICLE) throw new Error(`the ${r.megabytes} MB log did not find its known error (got ${r.matcherAnswer})`);
	const rate = (x: number) => `${(100 * x).toFixed(1)} %`;
	const mbps = (cpu: number) => `${(r.megabytes / cpu).toFixed(0)} MB/s`;
	const loads = r.turns.map((t) => t.load);
	table(
		`The matcher beside grep -F -f over the ${articles.length} articles' ${r.patterns} signature lines, on a realistic ${r.megabytes} MB log (${r.lines.toLocaleString('en')} lines, one known error; ${r.noise.replaced} of its ${r.noise.of} noise bodies replaced, in ${r.noise.rounds} rounds, as they took part in another answer; input ${r.inputDigest}): CPU time (user + system), after one untimed run of each, in ${r.turns.length} turns (each starting with the next tool), medians; ${r.grepVersion}, LC_ALL=${GREP_LOCALE}; load average ${before.toFixed(1)} at the start, ${Math.min(...loads).toFixed(1)} to ${Math.max(...loads).toFixed(1)} during the turns, ${loadavg()[0].toFixed(1)} at the end, on ${availableParallelism()} cores`,
		['tool', 'CPU time (median)', 'throughput', 'found', 'vs grep (median of the turns\' ratios)', 'ratio, lowest to highest turn'],
		[
			[`grep -F -f (fixed strings, LC_ALL=${GREP_LOCALE})`, `${r.grepCpu.toFixed(2)} s`, mbps(r.grepCpu), `${r.grepLines} line${r.grepLines === 1 ? '' : 's'}`, '1.0x', '-'],
			['the same grep, LC_ALL=C.UTF-8 (same turns)', `${r.grepUtf8Cpu.toFixed(2)} s`, mbps(r.grepUtf8Cpu), `${r.grepLines} line${r.grepLines === 1 ? '' : 's'}`, `${(r.grepUtf8Cpu / r.grepCpu).toFixed(1)}x`, '-'],
			['Faultline matcher (in process)', `${r.matcherCpu.toFixed(2)} s`, mbps(r.matcherCpu), r.matcherAnswer ?? '-', `${r.ratio.toFixed(1)}x`, `${Math.min(...r.turns.map((t) => t.ratio)).toFixed(1)}x to ${Math.max(...r.turns.map((t) => t.ratio)).toFixed(1)}x`],
			...(r.other ? [[`the matcher of ${r.other.label} (same turns)`, `${r.other.cpu.toFixed(2)} s`, mbps(r.other.cpu), r.other.answer ?? '-', `${r.other.ratio.toFixed(1)}x`, '-']] : []),
		],
	);
	const o = r.other;
	table(
		'Each turn (the ratio is of the same moment: the load moves between turns)',
		['turn', 'load average', 'grep CPU', 'grep CPU (C.UTF-8)', 'matcher CPU', 'matcher / grep', ...(o ? [`${o.label} CPU`, `${o.label} / grep`] : [])],
		r.turns.map((t, i) => [i + 1, t.load.toFixed(1), `${t.grepCpu.toFixed(2)} s`, `${t.grepUtf8Cpu.toFixed(2)} s`, `${t.matcherCpu.toFixed(2)} s`, `${t.ratio.toFixed(1)}x`, ...(o ? [`${t.otherCpu!.toFixed(2)} s`, `${t.otherRatio!.toFixed(1)}x`] : [])]),
	);
	table('Lines that get past the pre-filter (and are normalised and looked up)', ['text', 'passed'], [
		['real pasted lines (every eval text)', rate(r.rates.real)],
		['the same, without the lines that match an article', rate(r.rates.realNoise)],
		[`the generated ${r.megabytes} MB log (real bodies, journal/CI/dmesg prefixes)`, rate(r.rates.generated)],
		['the 1 MB syllable paste of the latency table', rate(r.rates.syllables)],
	]);
	table('Lines read in full when each text is matched as one paste (the quick look also skips a signature already met exactly, and an article whose context or exclusion is already found)', ['text', 'read'], [
		['real pasted lines (each eval text one paste)', rate(r.read.real)],
		[`the generated ${r.megabytes} MB log (one paste)`, rate(r.read.generated)],
	]);
	console.log('\nTarget: the matcher within 3x of grep\'s CPU time (the median of the turns\' ratios); the generated log passing the pre-filter at no lower a rate than real lines without a known error.');
}

/** 8. Markdown against MDX: build time, peak memory and output of the same articles in each format, one table. */
async function mdxTable(formats?: FormatFigures[]) {
	const figures = formats ?? (await measureFormats(Number(args['mdx-size']), (l) => console.error(l)));
	const md = figures.find((f) => f.format === 'md')!.build;
	const more = (value: number, base: number) => (value === base ? '-' : `${value > base ? '+' : ''}${(((value - base) / base) * 100).toFixed(0)} %`);
	table(
		`Markdown or MDX: the same ${figures[0].articles.toLocaleString('en')} synthetic articles built from a clean dist as .md and as .mdx (each MDX article imports and shows one article component); load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`,
		['format', 'build time', 'peak memory', 'output', 'time vs .md', 'memory vs .md'],
		figures.map((f) => [
			`.${f.format}`,
			`${f.build.seconds.toFixed(0)} s`,
			`${(f.build.peakBytes / 2 ** 30).toFixed(2)} GiB`,
			`${(f.build.bytes / 2 ** 20).toFixed(1)} MB in ${f.build.files.toLocaleString('en')} files`,
			more(f.build.seconds, md.seconds),
			more(f.build.peakBytes, md.peakBytes),
		]),
	);
}

/**
 * The prose stage alone, as issue 15 asks: BM25 (MiniSearch, prose.ts) beside Fuse.js over the same
 * fields of the same articles (title, symptoms, summary, root cause), on every eval text that reaches
 * that stage (not log output, no error line matched). Fuse.js answers its first result under its
 * default threshold; BM25 answers as the site does (margin over the second, shared words). Beside the
 * answer, what the reader is shown: BM25's likely articles, or when none stands out its closest
 * articles by their words, search results that answer nothing (so "left unanswered" counts them as
 * unanswered); for Fuse.js, its first results, as many.
 */
function proseComparison(items: EvalItem[], matcher: Matcher, loaded: ReturnType<typeof loadArticles>) {
	const docs = proseDocsOf(loaded);
	const reaching = items.filter((i) => textKind(i.text) !== 'log' && matcher.match(i.text).matches.length === 0);
	const bm25 = createProseRanker(docs);
	const fuse = new Fuse(docs, { keys: ['title', 'symptoms', 'summary', 'rootCause'], includeScore: true, ignoreLocation: true });
	// Per ranker: its answer (the first article, or null), and the articles the reader is shown: BM25's likely
	// articles, or when none stands out its closest ones as search results (prose.ts `ranking`); Fuse.js's
	// first results, as many as BM25 may list.
	const shownMax = Math.max(PROSE.top, PROSE.closest.top);
	const rankers: [string, (t: string) => { top: string | null; shown: string[] }][] = [
		[
			'BM25 (MiniSearch), as shipped',
			(t) => {
				const r = bm25.ranking(t, ruledOutBy(matcher.match(t)));
				return { top: r.likely[0]?.id ?? null, shown: [...r.likely, ...r.closest].map((m) => m.id) };
			},
		],
		[
			'Fuse.js, same fields',
			(t) => {
				const found = fuse.search(t);
				return { top: found[0]?.item.id ?? null, shown: found.slice(0, shownMax).map((f) => f.item.id) };
			},
		],
	];
	const positives = reaching.filter((i) => i.expected);
	const negatives = reaching.filter((i) => !i.expected);
	table(
		`The prose stage alone: ${reaching.length} eval texts reach it (not log output, no error line matched)`,
		[
			'ranker',
			`right article first (${positives.length} with an article)`,
			`right article among the search results shown (${positives.length} with an article; Fuse.js: its first ${shownMax})`,
			`left unanswered (${negatives.length} with none)`,
		],
		rankers.map(([name, rank]) => {
			const ranked = new Map(reaching.map((i) => [i.id, rank(i.text)]));
			return [
				name,
				pct(positives.filter((i) => ranked.get(i.id)!.top === i.expected).length, positives.length),
				pct(positives.filter((i) => ranked.get(i.id)!.shown.includes(i.expected!)).length, positives.length),
				pct(negatives.filter((i) => ranked.get(i.id)!.top === null).length, negatives.length),
			];
		}),
	);
}

/**
 * The "possible" block (match.ts `possible`): texts with no match whose line one article knows as a line other
 * causes print too. Not an answer, so not in the accuracy tables; this says how often the cause it names is the
 * thread's, and how often it is shown for text whose cause no article explains.
 */
function possibleTable(items: readonly EvalItem[], matcher: Matcher) {
	const shown = items.map((item) => ({ item, first: matcher.match(item.text).possible[0]?.article.id })).filter((x) => x.first !== undefined);
	const positives = shown.filter((x) => x.item.expected !== null);
	const rows: [string, number][] = [
		['texts shown a possible cause', shown.length],
		['  the first is the labelled article', positives.filter((x) => x.first === x.item.expected).length],
		['  the text has another article', positives.filter((x) => x.first !== x.item.expected).length],
		['  no article explains the text (look-alike or uncovered)', shown.length - positives.length],
	];
	table(`The possible causes shown with no match (match.ts \`possible\`), on the same ${items.length} texts`, ['', 'texts'], rows);
}

/** 1. Accuracy on every eval text, per kind and per half, beside Fuse.js and Pagefind; the reliability table. */
async function accuracyTables() {
	const loaded = loadArticles(root);
	const articles = loaded.map((a) => a.data);
	const bodies = new Map(loaded.map((a) => [a.data.id, a.body]));
	const items = loadEvalSet(root);

	const matcher = createMatcher(compileIndex(articles));
	const ours = answer(matcher, items, createProseRanker(proseDocsOf(loaded)));
	const fuse = new Fuse(
		articles.map((a) => ({ id: a.id, title: a.title, signatures: a.signatures.map((s) => s.line).join('\n'), body: bodies.get(a.id) })),
		{ keys: ['title', 'signatures', 'body'], includeScore: true },
	);
	const byTop = (top: (text: string) => string | null) =>
		items.map((item) => {
			const got = top(item.text);
			return { item, got, confidence: null, ambiguous: false, right: got === item.expected, amongCandidates: got === item.expected };
		});
	const fuseAnswers = byTop((t) => fuse.search(t)[0]?.item.id ?? null);
	const pf = await pagefindTop(root, items.map((i) => i.text));
	const pagefindAnswers = pf ? byTop((t) => pf.get(t) ?? null) : undefined;
	const columns = [accuracyByKind(ours), accuracyByKind(fuseAnswers), pagefindAnswers ? accuracyByKind(pagefindAnswers) : undefined];
	table(
		`Accuracy on every eval text (${Object.values(EVAL_FILES).filter((f) => f.endsWith('.jsonl')).join(', ')}: ${items.length} real texts) against all ${articles.length} articles: the right article first, or no answer where none applies`,
		['kind', 'Faultline (matcher, then descriptions)', 'Faultline: right among the candidates', 'Fuse.js (article texts)', 'Pagefind (same text, built site)'],
		columns[0]!.map(([kind, right, n, among], r) => [kind, pct(right, n), pct(among, n), ...columns.slice(1).map((c) => (c ? pct(c[r][1], c[r][2]) : 'no built site: run npm run build'))]),
	);
	table(
		'Reliability of the matcher\'s confidence on the same texts: how often each level is right (the first article), and right among the candidates (or one of an ambiguous answer\'s candidates, which the reader is shown with the question that tells them apart); `ambiguous` is tied candidates (medium to the matcher), `medium` a single answer. Target: the least share each level must have right (src/lib/matcher/scoring.ts RELIABILITY_TARGETS; for ambiguous, among the candidates)',
		['confidence', 'answers', 'right', 'right among the candidates', 'target', 'meets it'],
		reliability(ours).map((row) => {
			const [level, right, n, among] = row;
			const share = shareRight(row);
			return [level, n, n ? pct(right, n) : '-', n ? pct(among, n) : '-', `≥ ${Math.round(RELIABILITY_TARGETS[level] * 100)} %`, share === undefined ? '-' : share >= RELIABILITY_TARGETS[level] ? 'yes' : 'NO'];
		}),
	);
	const halves = (['A', 'B'] as const).map((h) => ours.filter((a) => halfOf(a.item) === h));
	const byHalf = [...halves, ours].map(accuracyByKind);
	table(
		'The same, per half of the eval set (split by source thread, halfOf in src/lib/eval-set.ts): a change must help the half it was not tuned on too',
		['kind', `half A (${halves[0].length})`, `half B (${halves[1].length})`, `all (${ours.length})`],
		byHalf[2].map(([kind], r) => [kind, ...byHalf.map((c) => { const row = c.find(([k]) => k === kind); return row ? pct(row[1], row[2]) : '-'; })]),
	);
	const levels = [...halves, ours].map(reliability);
	table(
		'Reliability per half, as each target counts it (ambiguous: right among the candidates; the others: the first article)',
		['confidence', 'half A', 'half B', 'all', 'target'],
		levels[2].map(([level], r) => [level, ...levels.map((l) => (l[r][2] ? pct(level === 'ambiguous' ? l[r][3] : l[r][1], l[r][2]) : '-')), `≥ ${Math.round(RELIABILITY_TARGETS[level] * 100)} %`]),
	);
	if (args.misses) {
		for (const a of ours.filter((x) => !x.right && (args.misses === 'all' || halfOf(x.item) === args.misses))) {
			const candidates = a.ambiguous ? (a.amongCandidates ? ', ambiguous, right among the candidates' : ', ambiguous') : '';
			console.log(`\n- ${a.item.id} [${a.item.kind}, half ${halfOf(a.item)}] expected ${a.item.expected} got ${a.got} (${a.confidence ?? 'no answer'}${candidates})`);
		}
	}
	possibleTable(items, matcher);
	proseComparison(items, matcher, loaded);
	const wrongHigh = ours.filter((a) => a.confidence === 'high' && !a.right);
	if (wrongHigh.length) console.log(`\nWrong high-confidence answers: ${wrongHigh.map((a) => `${a.item.id} -> ${a.got}`).join(', ')}`);

	return articles;
}

async function main() {
	if (args.only !== undefined) {
		if (args.only === 'cli') return cliTable();
		if (args.only === 'cli-input') return cliInputTable();
		if (args.only === 'coverage') return coverageTable();
		if (args.only === 'paste') return pasteTable();
		if (args.only === 'accuracy') return void (await accuracyTables());
		if (args.only === 'mdx') return mdxTable();
		if (args.only === 'speed') return void (await speedTable());
		if (args.only === 'wizard') return wizardTable();
		if (args.only === 'lighthouse') return lighthouseTable();
		throw new Error(`--only takes "accuracy", "cli", "cli-input", "coverage", "paste", "mdx", "speed", "wizard" or "lighthouse", got "${args.only}"`);
	}
	// Sites first: measuring the real site builds it, which the Pagefind column needs.
	const sites = args['no-sites']
		? []
		: await measureSites(args.sizes.split(',').map(Number), { lighthouse: !args['no-lighthouse'], log: (l) => console.error(l) });
	const formats = args['no-sites'] ? undefined : await measureFormats(Number(args['mdx-size']), (l) => console.error(l));

	// 1. Accuracy on every eval text, per kind, side by side, and what each confidence level means.
	const articles = await accuracyTables();

	// 2. Latency and size, and what a browser downloads for a paste.
	const needle = "Jan 18 14:04:36 host kernel: overlayfs: failed to resolve '/sysroot/nix/.ro-store': -2";
	const rows: (string | number)[][] = [];
	const shipping: (string | number)[][] = [];
	for (const [label, set] of [
		['real articles', articles],
		...[100, 1000, 10_000].map((n) => [`${n.toLocaleString('en')} generated`, [...articles, ...syntheticArticles(n)]] as const),
	] as const) {
		// One word of noise in ten comes from the articles' own signatures.
		const words = [...new Set(set.flatMap((a) => a.signatures.flatMap((s) => s.line.toLowerCase().match(/[a-z]+/g) ?? [])))];
		const paste1k = syntheticPaste(1024, needle, 2, words);
		const paste4k = syntheticPaste(4096, needle, 3, words);
		const paste1m = syntheticPaste(1024 * 1024, needle, 2, words);
		let index = compileIndex(set);
		const compileMs = median(() => (index = compileIndex(set)), 3);
		const json = JSON.stringify(index);
		const m = createMatcher(index);
		if (m.match(paste1m).matches[0]?.article.id !== 'microvm-overlay-ro-store-race') throw new Error(`the 1 MB paste did not find its needle (${label})`);
		rows.push([
			`${label} (${set.length})`,
			`${median(() => m.match(paste1k), 50).toFixed(2)} ms`,
			`${median(() => m.match(paste1m), 9).toFixed(1)} ms`,
			`${compileMs.toFixed(0)} ms`,
			`${(json.length / 1024).toFixed(1)} KB`,
			`${(gzipSync(json).length / 1024).toFixed(1)} KB`,
		]);
		const shipped = shippedFor(index, [paste1k, paste4k, paste1m]);
		shipping.push([
			`${label} (${set.length})`,
			`${shipped.shards} of ${(shipped.shardBytes / 1024).toFixed(1)} KB`,
			`${(shipped.directoryBytes / 1024).toFixed(1)} KB`,
			...shipped.fetched.map((f) => `${(f.bytes / 1024).toFixed(1)} KB (${f.what})`),
		]);
	}
	table('Matcher latency (median, Node) and index size', ['articles', '1 KB paste', '1 MB paste', 'compile', 'index JSON', 'index gzipped'], rows);
	table('What the paste box downloads, gzipped: the directory, then the shards a paste needs, or the whole index when that is smaller', ['articles', 'shards (average)', 'directory', '1 KB paste', '4 KB paste', '1 MB paste'], shipping);
	console.log('\nTargets: >= 95 % top-1 and >= 95 % negatives rejected on unseen text; 1 MB against 10,000 articles under 100 ms; real index under 20 KB gzipped.');
	await speedTable(articles);
	coverageTable();
	wizardTable();
	cliInputTable();
	if (sites.length) siteTables(sites);
	if (formats) await mdxTable(formats);
	cliTable();
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const name = (s: SiteFigures) => (s.label === 'real' ? `real (${s.articles})` : s.articles.toLocaleString('en'));
const load = (t: Transfer) => `${kb(t.js)} / ${kb(t.total)}`;

function siteTables(sites: SiteFigures[]) {
	table('Whole-site build (2 cores), from a clean dist', ['articles', 'pages', 'build time', 'peak memory', 'output'], sites.map((s) => [
		name(s),
		s.build.pages.toLocaleString('en'),
		`${s.build.seconds.toFixed(0)} s`,
		`${(s.build.peakBytes / 2 ** 30).toFixed(2)} GiB`,
		`${(s.build.bytes / 2 ** 20).toFixed(1)} MB in ${s.build.files.toLocaleString('en')} files`,
	]));
	table('First load, empty cache, served with gzip: JavaScript before any interaction (inline and external, uncompressed) / all bytes transferred', ['articles', 'home page', 'an article', 'a wizard step'], sites.map((s) => [
		name(s),
		load(s.home),
		load(s.article),
		load(s.step),
	]));
	table('Searching and pasting: bytes fetched for one query typed into the paste box, and matcher latency in Node', ['articles', 'query', 'Pagefind', 'matcher index', '1 KB paste', '1 MB paste'], sites.map((s) => [
		name(s),
		`"${s.query.text}"`,
		kb(s.query.byPrefix['/pagefind/']),
		kb(s.query.byPrefix['/api/v1/matcher']),
		`${s.matcher.paste1k.toFixed(2)} ms`,
		`${s.matcher.paste1m.toFixed(1)} ms`,
	]));
	const lighthouse = sites.flatMap((s) => (s.lighthouse ?? []).map((l) => ({ site: name(s), ...l })));
	if (lighthouse.length) {
		table('Lighthouse, mobile (simulated slow 4G, mid-range phone), system Chromium', ['articles', 'page', ...CATEGORIES, 'audits below full marks'], lighthouse.map((l) => [
			l.site,
			l.page,
			...CATEGORIES.map((c) => l.scores[c]),
			l.scores.failing.join(', ') || '-',
		]));
	}
	console.log('\nTargets: articles and wizard steps under 20 KB of JavaScript before interaction and usable without it; Lighthouse 100 in all four; 10,000 articles built in under 10 minutes and 4 GB on 2 cores.');
}

await main();
