/**
 * The matcher beside `grep -F -f` on a realistic 50 MB log (realistic-log.ts):
 * CPU time of each, measured in the same run, and the share of lines each
 * log sends past the pre-filter, beside the real pasted lines' share.
 *
 * grep gets the signatures' verbatim lines as fixed strings, which is less
 * than the matcher does (no normalising, no holes, no near or partial
 * matches), so it is the floor: a tool that only looks for the lines.
 * The matcher's time counts splitting the text into lines and matching them
 * (the file is read once beforehand, as grep's read comes from the page cache).
 *
 * Both run in turns, `runs` times, and each turn's ratio is taken: on a
 * machine shared with other jobs the load changes from second to second, so a
 * ratio of two figures from the same moment is steadier than a ratio of two
 * best times taken minutes apart. The median of the ratios is the figure;
 * every ratio is kept, with the load average at each turn.
 *
 * What makes the figure comparable between runs (issue 17: 1.4x and 4.9x were
 * printed for it, grep's own CPU time 1.82 s and 0.70 s):
 * - the same input: the log is generated from a seed, but from the eval data
 *   and the articles of the commit that runs it, so the table prints a digest
 *   of the log and of the pattern file; two runs compare only when it agrees;
 * - a warm start for both: one untimed run of each before the turns (the log
 *   just written is then read back from the page cache, the matcher's code is
 *   compiled by V8), and the two take turns going first;
 * - CPU time of each (user + system): grep's from bash's `times` for its
 *   child, the matcher's from process.cpuUsage; wall time would count the
 *   waits for a core, which dominate on a loaded machine;
 * - grep's locale stated and fixed: LC_ALL=C (bytes), with the same turns in
 *   C.UTF-8 printed beside it; its output goes to a pipe, never /dev/null,
 *   where GNU grep stops at the first match (measured: 0.03 s instead of 0.7 s);
 * - several turns and the median, with the spread printed.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import type { ArticleData } from '../src/lib/article-schema.ts';
import { compileIndex } from '../src/lib/matcher/build.ts';
import { createMatcher, type Matcher } from '../src/lib/matcher/index.ts';
import type { MatcherIndex } from '../src/lib/matcher/index.ts';
import { honestBodies, noiseBodies, passRate, readRate, realisticLog, realLogLines } from './realistic-log.ts';
import { loadEvalSet } from '../src/lib/eval-set.ts';
import { syntheticPaste } from './synthetic.ts';

/** The known error inside the log: a real journal line (eval item pos-race-186-full, from microvm-nix/microvm.nix#186), host name replaced. */
export const NEEDLE = "Jan 18 14:04:36 host kernel: overlayfs: failed to resolve '/sysroot/nix/.ro-store': -2";
export const NEEDLE_ARTICLE = 'microvm-overlay-ro-store-race';

export interface GrepSpeed {
	megabytes: number;
	lines: number;
	/** CPU seconds (user + system) of grep's process, and of the matcher in this process: medians over the turns. */
	grepCpu: number;
	matcherCpu: number;
	/**
	 * Each turn: grep's and the matcher's CPU seconds, their ratio, and the one-minute load average as the
	 * turn began; with a matcher to compare (`--compare`), its CPU seconds and ratio to grep in the same turn.
	 */
	turns: { grepCpu: number; grepUtf8Cpu: number; matcherCpu: number; ratio: number; load: number; otherCpu?: number; otherRatio?: number }[];
	/** The matcher compared with, if any: its label (a commit), median CPU seconds, median ratio to grep, and what it found. */
	other?: { label: string; cpu: number; ratio: number; answer: string | null };
	/** The median of the turns' ratios (matcher CPU / grep CPU). */
	ratio: number;
	/** grep's CPU seconds in the C.UTF-8 locale in the same turns (median), and its version line. */
	grepUtf8Cpu: number;
	grepVersion: string;
	/** The first 12 hex digits of SHA-256 over the log and the pattern file: the input, to tell whether two runs measured the same one. */
	inputDigest: string;
	/** How many fixed strings grep looks for. */
	patterns: number;
	/** What each found: grep's count of matching lines, the matcher's first article. */
	grepLines: number;
	matcherAnswer: string | null;
	/** The noise bodies (noiseBodies) replaced so that the log's only answer is the needle's article (honestBodies), of how many, in how many rounds. */
	noise: { replaced: number; of: number; rounds: number };
	/** Pre-filter pass rates: the real pasted lines, the generated log, the old syllable paste. */
	rates: { real: number; realNoise: number; generated: number; syllables: number };
	/** The share of lines read in full when each text is matched as one paste (the quick look then also skips what the paste has settled): every eval text, and the generated log. */
	read: { real: number; generated: number };
}

/** CPU seconds of `fn` in this process (user + system). */
function cpuSeconds(fn: () => void): number {
	const before = process.cpuUsage();
	fn();
	const used = process.cpuUsage(before);
	return (used.user + used.system) / 1e6;
}

/** The locale grep runs in for the figure: bytes, no multibyte decoding. */
export const GREP_LOCALE = 'C';

/**
 * Run grep under bash in `locale` and read its CPU time from `times` (children's user and system). Its
 * output (a count) goes to a pipe: with standard output on /dev/null GNU grep stops at the first match.
 */
function grepCpu(patterns: string, log: string, locale = GREP_LOCALE): { cpu: number; count: number } {
	const run = spawnSync('bash', ['-c', 'LC_ALL="$3" grep -c -F -f "$1" "$2"; times', 'bash', patterns, log, locale], { encoding: 'utf8' });
	if (run.error || !run.stdout) throw new Error(`grep did not run: ${run.error?.message ?? run.stderr}`);
	const [count, , children] = run.stdout.trim().split('\n');
	const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, m) => sum + Number(m[1]) * 60 + Number(m[2]), 0);
	return { cpu: seconds, count: Number(count) };
}

/** The median of some numbers (the mean of the middle two for an even count). */
export function medianOf(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Another matcher to run in the same turns (an older commit's `createMatcher`, bench/run.ts `--compare`), over the same compiled index. */
export interface OtherMatcher {
	label: string;
	create: (index: MatcherIndex) => Matcher;
}

/** Measure both on a log of `megabytes`, in `runs` turns (see the header); `other` runs in the same turns, after the matcher in odd turns and before it in even ones. */
export function measureGrepSpeed(root: string, articles: readonly ArticleData[], megabytes = 50, runs = 5, other?: OtherMatcher, self?: OtherMatcher): GrepSpeed {
	const index = compileIndex(articles);
	// With a matcher to compare, this one is a fresh copy of its module too (`self`), so that neither shares
	// the compiled code the bench's own work (compiling, the noise lines) has already shaped.
	const matcher = (self?.create ?? createMatcher)(index);
	const otherMatcher = other?.create(index);
	let otherAnswer: string | null = null;
	const real = realLogLines(root);
	// The log's bodies are sorted by a matcher of this process's own modules, never by the one timed (`self`,
	// a fresh copy of the modules, as the other commit's is with --compare): neither has then matched
	// thousands of short lines before the log. Measured: a matcher whose modules had (a second instance from
	// the same modules too) took about a quarter longer on the log, and only the timed one had done it.
	const sorter = self ? createMatcher(index) : matcher;
	// Noise with no known error and no context of the needle's article in it, read on the log itself (honestBodies):
	// the bench measures speed, and its check (the needle's article, first) then holds at any size.
	const honest = honestBodies(megabytes * 1024 * 1024, real, noiseBodies(real, sorter), NEEDLE, sorter);
	const realNoise = real.filter((l) => !sorter.match(l).matches.length);
	const log = realisticLog(megabytes * 1024 * 1024, real, honest.bodies, NEEDLE);
	const dir = join(root, '.tmp', 'bench');
	mkdirSync(dir, { recursive: true });
	const logFile = join(dir, 'realistic.log');
	const patternFile = join(dir, 'signature-lines.txt');
	writeFileSync(logFile, log);
	writeFileSync(patternFile, `${[...new Set(articles.flatMap((a) => a.signatures.map((s) => s.line)))].join('\n')}\n`);

	const patterns = readFileSync(patternFile, 'utf8').split('\n').filter(Boolean).length;
	const inputDigest = createHash('sha256').update(readFileSync(logFile)).update('\0').update(readFileSync(patternFile)).digest('hex').slice(0, 12);
	const grepVersion = spawnSync('grep', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0];

	let grepLines = 0;
	let matcherAnswer: string | null = null;
	const turns: GrepSpeed['turns'] = [];
	// Warm up, untimed: the first run compiles the matcher's code; grep's reads the log back into the page cache.
	matcher.match(log);
	otherMatcher?.match(log);
	grepCpu(patternFile, logFile);
	for (let i = 0; i < runs; i++) {
		const load = loadavg()[0];
		let g = { cpu: 0, count: 0 };
		let utf8 = { cpu: 0, count: 0 };
		let m = 0;
		let o: number | undefined;
		const jobs = [
			() => {
				g = grepCpu(patternFile, logFile);
				utf8 = grepCpu(patternFile, logFile, 'C.UTF-8');
			},
			() => (m = cpuSeconds(() => (matcherAnswer = matcher.match(log).matches[0]?.article.id ?? null))),
			...(otherMatcher ? [() => (o = cpuSeconds(() => (otherAnswer = otherMatcher.match(log).matches[0]?.article.id ?? null)))] : []),
		];
		// Each turn starts with the next one (grep, the matcher, the other matcher): the second of two runs in
		// a row was seen to run up to a third faster (the first one's garbage collected during it, or caches warmed).
		for (let k = 0; k < jobs.length; k++) jobs[(i + k) % jobs.length]();
		if (utf8.count !== g.count) throw new Error(`grep found ${g.count} lines in the C locale and ${utf8.count} in C.UTF-8`);
		grepLines = g.count;
		turns.push({ grepCpu: g.cpu, grepUtf8Cpu: utf8.cpu, matcherCpu: m, ratio: m / g.cpu, load, ...(o === undefined ? {} : { otherCpu: o, otherRatio: o / g.cpu }) });
	}
	const lines = log.split('\n');
	const words = [...new Set(articles.flatMap((a) => a.signatures.flatMap((s) => s.line.toLowerCase().match(/[a-z]+/g) ?? [])))];
	const syllables = syntheticPaste(1024 * 1024, NEEDLE, 2, words).split('\n');
	return {
		megabytes,
		lines: lines.length,
		grepCpu: medianOf(turns.map((t) => t.grepCpu)),
		matcherCpu: medianOf(turns.map((t) => t.matcherCpu)),
		turns,
		ratio: medianOf(turns.map((t) => t.ratio)),
		grepUtf8Cpu: medianOf(turns.map((t) => t.grepUtf8Cpu)),
		grepVersion,
		inputDigest,
		patterns,
		...(other ? { other: { label: other.label, cpu: medianOf(turns.map((t) => t.otherCpu!)), ratio: medianOf(turns.map((t) => t.otherRatio!)), answer: otherAnswer } } : {}),
		grepLines,
		matcherAnswer,
		noise: { replaced: honest.replaced, of: honest.bodies.length, rounds: honest.rounds },
		rates: { real: passRate(matcher, real), realNoise: passRate(matcher, realNoise), generated: passRate(matcher, lines), syllables: passRate(matcher, syllables) },
		read: { real: readRate(matcher, loadEvalSet(root).filter((item) => item.kind !== 'prose').map((item) => item.text)), generated: readRate(matcher, [log]) },
	};
}
