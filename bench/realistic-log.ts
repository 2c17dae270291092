/**
 * A realistic log for the speed bench, from real line shapes: the message
 * bodies of the lines people pasted into issue trackers (the eval data,
 * src/lib/eval-set.ts), each with the prefix of a journal, a CI log or
 * dmesg (its numbers redrawn); one known error inside. Deterministic
 * (seeded), so runs compare.
 *
 * Only lines that match no article on their own are drawn (noiseBodies), and
 * of those none that, in the log drawn, take part in any answer but the
 * needle's (honestBodies), so the log holds exactly one known error and
 * nothing that bears on it; they are still failure pastes: their words
 * are denser in error words than an ordinary journal's, so the pre-filter
 * passes at least as many of them as of a real log (the bench prints both
 * rates side by side).
 */
import { loadEvalSet } from '../src/lib/eval-set.ts';
import { stripPrefixes, type Matcher } from '../src/lib/matcher/index.ts';
import { forEachLine } from '../src/lib/matcher/match.ts';
import { random } from './synthetic.ts';

/** The three shapes of log and their share of the lines: a chosen mix (a journal most of all), not a measurement. */
export const LOG_MIX = { journal: 0.6, ci: 0.25, dmesg: 0.15 } as const;
export type LogShape = keyof typeof LOG_MIX;

/** Every line of every eval text but descriptions (kind `prose`): real pasted logs, error lines among them. */
export function realLogLines(root: string): string[] {
	return loadEvalSet(root)
		.filter((item) => item.kind !== 'prose')
		.flatMap((item) => item.text.split(/\r?\n|\r/));
}

/** Which shape a real line has, by its prefix (`other`: tool output with no log prefix). */
export function shapeOf(line: string): LogShape | 'other' {
	if (/^[A-Z][a-z]{2} [ \d]?\d \d\d:\d\d:\d\d/.test(line)) return 'journal';
	if (/^\[\s*\d+\.\d+\]/.test(line)) return 'dmesg';
	if (/^(?:#\d+ \d+\.\d+ |[\w.+-]+> |[A-Z]{4}\[\d+\] |STEP \d|time="|\d{4}-\d\d-\d\dT\d\d:\d\d)/.test(line)) return 'ci';
	return 'other';
}

/** The process names of the real journal lines (`systemd[1]:` gives `systemd`), with how often each occurs. */
function journalPrograms(lines: readonly string[]): string[] {
	const names = lines.flatMap((l) => (shapeOf(l) === 'journal' ? [/^\S+ +\S+ \S+ \S+ ([\w.@/-]+)(?:\[\d+\])?:/.exec(l)?.[1] ?? ''] : [])).filter(Boolean);
	return names.length ? names : ['systemd', 'kernel'];
}

/** The CI prefixes of the real CI lines, with their numbers as holes to redraw. */
function ciPrefixes(lines: readonly string[]): string[] {
	const prefixes = lines.flatMap((l) => (shapeOf(l) === 'ci' ? [/^(?:#\d+ \d+\.\d+ |[\w.+-]+> |[A-Z]{4}\[\d+\] |STEP \d+\/\d+: |time="[^"]*" level=\w+ msg=")/.exec(l)?.[0] ?? ''] : [])).filter(Boolean);
	return prefixes.length ? prefixes : ['builder> '];
}

/**
 * The message bodies a generated log is made of: the real lines without
 * their prefixes, each once, less those that match an article alone (in a
 * paste, another line can rule the article out) or with the others around
 * them (another line can be the context that makes a shared line decide):
 * read all together, the line a match names is dropped, until nothing matches.
 */
export function noiseBodies(lines: readonly string[], matcher: Matcher): string[] {
	const alone = (body: string) => [body, `Jan 01 00:00:00 host1 systemd[1]: ${body}`, `[    1.000000] ${body}`].some((text) => matcher.match(text).matches.length);
	let bodies = [...new Set(lines.map((line) => stripPrefixes(line).trimEnd()))].filter((body) => body.length >= 3 && !alone(body));
	for (;;) {
		const matched = new Set(matcher.match(bodies.join('\n'), { top: bodies.length }).matches.map((m) => m.lineNumber - 1));
		if (!matched.size) return bodies;
		bodies = bodies.filter((_, i) => !matched.has(i));
	}
}

/**
 * About `bytes` of log: lines of the three shapes in LOG_MIX's shares, each
 * a real body as pasted after a real prefix shape (its digits redrawn); `needle` (a known
 * error line, as pasted) sits in the middle.
 */
export function realisticLog(bytes: number, realLines: readonly string[], bodies: readonly string[], needle: string, seed = 7): string {
	return drawLog(bytes, realLines, bodies, needle, seed).lines.join('\n');
}

/** The lines of `realisticLog` and, per line, the index in `bodies` of the body it holds (-1 for the needle). */
function drawLog(bytes: number, realLines: readonly string[], bodies: readonly string[], needle: string, seed: number): { lines: string[]; bodyOf: number[] } {
	const rnd = random(seed);
	const pick = (n: number) => Math.floor(rnd() * n);
	const digits = (text: string) => text.replace(/\d/g, () => String(Math.floor(rnd() * 10)));
	const two = (n: number) => String(n).padStart(2, '0');
	const programs = journalPrograms(realLines);
	const ci = ciPrefixes(realLines);
	const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
	const month = months[pick(months.length)];
	const lines: string[] = [];
	const bodyOf: number[] = [];
	let size = 0;
	let seconds = 0;
	while (size < bytes) {
		seconds += rnd() * 2;
		const b = pick(bodies.length);
		const body = bodies[b];
		const r = rnd();
		let line: string;
		if (r < LOG_MIX.journal) {
			const program = programs[pick(programs.length)];
			const at = `${month} ${two(1 + (Math.floor(seconds / 86400) % 28))} ${two(Math.floor(seconds / 3600) % 24)}:${two(Math.floor(seconds / 60) % 60)}:${two(Math.floor(seconds) % 60)}`;
			line = `${at} host1 ${program}${program === 'kernel' ? '' : `[${1 + Math.floor(rnd() * 40000)}]`}: ${body}`;
		} else if (r < LOG_MIX.journal + LOG_MIX.ci) line = `${digits(ci[pick(ci.length)])}${body}`;
		else line = `[${seconds.toFixed(6).padStart(12)}] ${body}`;
		lines.push(line);
		bodyOf.push(b);
		size += line.length + 1;
	}
	lines.splice(lines.length >> 1, 0, needle);
	bodyOf.splice(bodyOf.length >> 1, 0, -1);
	return { lines, bodyOf };
}

/**
 * The bodies of a log that holds one known error, `needle`, and nothing else the matcher reads: `bodies`
 * (noiseBodies) with every body that, in the log `realisticLog` draws from them (same `bytes`, `seed`),
 * takes part in anything the matcher reports but the needle's own line (a match's line, a supporting line,
 * a `when` context, an excluding line, the needle's article's too; and, for an article that the needle's
 * own line excludes, the noise line that met one of its signatures) replaced by the next body in the list
 * that does not. Read on the generated log itself, again after each replacement until nothing is left:
 * noiseBodies' check (every body once, under one prefix) does not hold there, where, with their digits
 * redrawn, their prefixes, and side by side in other orders, noise lines met other articles' patterns and
 * contexts (at 1 MB, five articles at high on noise lines, each with its `when` context a few hundred
 * lines away, ranked above the needle). Replaced in place, not removed, so that the list keeps its length
 * and the draw its random sequence: the next log differs only on the replaced lines, and a few rounds
 * settle it (a shorter list redraws every line, and each round meets new pairs). The body after a
 * replaced one is drawn that much more often.
 * Throws if the needle's article is not the log's only answer at the end, or if no body is left.
 */
export function honestBodies(bytes: number, realLines: readonly string[], bodies: readonly string[], needle: string, matcher: Matcher, seed = 7): { bodies: string[]; rounds: number; replaced: number } {
	const out = new Set<number>();
	for (let rounds = 1; ; rounds++) {
		const table = bodies.map((_, i) => {
			for (let k = 0; k < bodies.length; k++) if (!out.has((i + k) % bodies.length)) return (i + k) % bodies.length;
			throw new Error('every noise body takes part in a match');
		});
		const { lines, bodyOf } = drawLog(bytes, realLines, table.map((j) => bodies[j]), needle, seed);
		const result = matcher.match(lines.join('\n'), { top: Number.POSITIVE_INFINITY });
		const at = new Set<number>(result.matches.map((m) => m.lineNumber - 1));
		const texts = [
			...result.matches.flatMap((m) => [...m.supporting.map((s) => s.matchedLine), ...(m.context ? [m.context.matchedLine] : [])]),
			...result.excluded.map((e) => e.matchedLine),
		].filter((t) => t.length > 0);
		// An excerpt (match.ts `excerpt`) is a slice of its raw line, or of a wrapped line joined to the one
		// before it (then it holds that one whole): the lines that hold it, or that it holds.
		if (texts.length) lines.forEach((line, i) => texts.some((t) => line.includes(t) || t.includes(line)) && at.add(i));
		// An article excluded by the needle's own line (its excludeWhen text is in the needle) is reported only
		// because a noise line met one of its signatures; the needle's line cannot go, so that noise line must:
		// the line that, beside the needle alone, brings the same exclusion.
		const byNeedle = new Set(result.excluded.filter((e) => e.matchedLine.length > 0 && (needle.includes(e.matchedLine) || e.matchedLine.includes(needle))).map((e) => e.article.id));
		// A line past no quick look meets no signature (`mayMatch`, the gate `addLine` applies), and a line once read is remembered.
		const brings = new Map<string, boolean>();
		const bringsExclusion = (line: string) => {
			let found = brings.get(line);
			if (found === undefined) brings.set(line, (found = matcher.mayMatch(line) && matcher.match(`${line}\n${needle}`, { top: Number.POSITIVE_INFINITY }).excluded.some((e) => byNeedle.has(e.article.id))));
			return found;
		};
		if (byNeedle.size) lines.forEach((line, i) => bodyOf[i] >= 0 && bringsExclusion(line) && at.add(i));
		const drop = [...at].filter((i) => bodyOf[i] >= 0).map((i) => table[bodyOf[i]]);
		if (!drop.length) {
			const only = result.matches.map((m) => m.article.id);
			if (only.length !== 1) throw new Error(`the log's answers on its needle's line: ${only.join(', ') || 'none'}`);
			return { bodies: table.map((j) => bodies[j]), rounds, replaced: out.size };
		}
		for (const j of drop) out.add(j);
	}
}

/** The share of lines that get past the matcher's pre-filter (the quick look at a raw line). */
export function passRate(matcher: Matcher, lines: readonly string[]): number {
	let passed = 0;
	for (const line of lines) if (matcher.mayMatch(line)) passed++;
	return passed / Math.max(1, lines.length);
}

/** The share of lines read in full (normalised and looked up) when each text is matched as one paste: `MatchSession.linesRead` over all texts' lines. */
export function readRate(matcher: Matcher, texts: readonly string[]): number {
	let read = 0;
	let lines = 0;
	for (const text of texts) {
		const session = matcher.session();
		forEachLine(text, session.addLine);
		read += session.linesRead();
		lines += session.result().lines;
	}
	return read / Math.max(1, lines);
}
