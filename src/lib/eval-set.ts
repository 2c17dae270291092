/**
 * The evaluation data: real text from upstream issue trackers, each labelled
 * with the article that explains it (or `null`: no article does). One loader
 * and one scorer for the build's calibration check, the unit tests and the
 * bench, so all three judge the matcher the same way.
 *
 * Files (JSON Lines, one item a line), relative to the project root:
 * - `tests/fixtures/dev.jsonl`: the first development set, labelled against
 *   the first five articles; `tests/fixtures/dev-explained-later.json` names
 *   the texts labelled `null` there that a later article explains.
 * - `tests/fixtures/dev-more.jsonl`: more texts, with `kind` and, for a
 *   failure with no article yet, `family`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notPossible, ruledOutBy, type Matcher } from './matcher/index.ts';
import { textKind, type ProseRanker } from './prose.ts';
import { buildMessages } from './messages.ts';

/** What sort of text an item is. `line`: an error line or log as pasted (the first set's positives). */
export const EVAL_KINDS = ['line', 'variant', 'prose', 'diagnostic', 'negative', 'uncovered'] as const;
export type EvalKind = (typeof EVAL_KINDS)[number];

export interface EvalItem {
	id: string;
	/** Where the text comes from: `owner/name#N`. */
	source: string;
	text: string;
	/** The article that explains it, with every article we have; `null` when none does. */
	expected: string | null;
	kind: EvalKind;
	/** For a failure with no article yet (or one written since): the failure family. */
	family?: string;
}

/** The eval files, relative to the project root. */
export const EVAL_FILES = { first: 'tests/fixtures/dev.jsonl', more: 'tests/fixtures/dev-more.jsonl', explainedLater: 'tests/fixtures/dev-explained-later.json' } as const;

/**
 * Every eval item of the project, labelled against all articles.
 * @throws when a line is not JSON or lacks `id`, `text` or `expected` (the message names the file and line).
 */
export function loadEvalSet(root: string): EvalItem[] {
	const later = existsSync(join(root, EVAL_FILES.explainedLater))
		? (JSON.parse(readFileSync(join(root, EVAL_FILES.explainedLater), 'utf8')) as { explainedBy: Record<string, string> }).explainedBy
		: {};
	const read = (file: string) =>
		existsSync(join(root, file))
			? readFileSync(join(root, file), 'utf8')
					.split('\n')
					.map((line, i) => ({ line, at: `${file}:${i + 1}` }))
					.filter(({ line }) => line.trim())
					.map(({ line, at }) => {
						let item: Partial<EvalItem> & { expected?: string | null };
						try {
							item = JSON.parse(line);
						} catch (error) {
							throw new Error(buildMessages.evalNotJson(at, (error as Error).message));
						}
						if (typeof item.id !== 'string' || typeof item.text !== 'string' || item.expected === undefined) {
							throw new Error(buildMessages.evalItemFields(at));
						}
						return item as EvalItem;
					})
			: [];
	const first = read(EVAL_FILES.first).map((i) => {
		const expected = i.expected ?? later[i.id] ?? null;
		return { ...i, expected, kind: i.kind ?? (expected ? 'line' : 'negative') } as EvalItem;
	});
	return [...first, ...read(EVAL_FILES.more)];
}

/** One item's answer: the first article and how sure the matcher was. */
export interface EvalAnswer {
	item: EvalItem;
	got: string | null;
	/** `likely`: no error line matched, and the description fits the article (prose.ts). */
	confidence: 'high' | 'medium' | 'likely' | null;
	ambiguous: boolean;
	right: boolean;
	/**
	 * Right, or an `ambiguous` answer whose candidates (the tied matches the reader is shown, with the
	 * question that tells them apart) include the label: the reader is one question away from it.
	 */
	amongCandidates: boolean;
}

/**
 * Answer every item as the site does: the matcher first; when it finds no
 * error line and the text is not log output, the prose ranker's first
 * article as `likely`, skipping any article the text itself rules out
 * (an `excludeWhen` context the matcher found) and any it lists as a possible
 * cause (`notPossible`: the site lists such an article once, as a cause to
 * check, which is no answer). An item is answered right
 * when the first article is its label (or nothing, for `null`).
 */
export function answer(matcher: Matcher, items: readonly EvalItem[], prose?: ProseRanker): EvalAnswer[] {
	return items.map((item) => {
		const result = matcher.match(item.text);
		const top = result.matches[0];
		const likely = !top && prose && textKind(item.text) !== 'log' ? notPossible(prose.rank(item.text, ruledOutBy(result)), result)[0] : undefined;
		const got = top?.article.id ?? likely?.id ?? null;
		const confidence = top?.confidence ?? (likely ? 'likely' : null);
		const right = got === item.expected;
		const amongCandidates = right || (item.expected !== null && result.ambiguous && result.matches.some((m) => m.article.id === item.expected));
		return { item, got, confidence, ambiguous: result.ambiguous, right, amongCandidates };
	});
}

/**
 * Which half of the eval set an item belongs to, `A` or `B`, decided by its
 * source thread alone (FNV-1a of `source`, parity), so that every text of one
 * thread falls in the same half and the split never changes as items are
 * added. Tuning looks at the misses of one half; a change must help the other
 * half too (the bench prints both), which is the nearest the project has to
 * the held-aside set that judges it.
 */
export function halfOf(item: Pick<EvalItem, 'source'>): 'A' | 'B' {
	let h = 0x811c9dc5;
	for (let i = 0; i < item.source.length; i++) h = Math.imul(h ^ item.source.charCodeAt(i), 0x01000193) >>> 0;
	return h % 2 === 0 ? 'A' : 'B';
}

/**
 * Right answers per kind of text: `[kind, right, total, amongCandidates]` (the last counts an ambiguous
 * answer whose candidates include the label too), kinds with no items left out, then `all`.
 */
export function accuracyByKind(answers: readonly EvalAnswer[]): [string, number, number, number][] {
	const rows: [string, number, number, number][] = [];
	for (const kind of EVAL_KINDS) {
		const of = answers.filter((a) => a.item.kind === kind);
		if (of.length) rows.push([kind, ...counts(of)]);
	}
	rows.push(['all', ...counts(answers)]);
	return rows;
}

/** The levels of an answer as the reliability table counts them: an ambiguous (tied) answer apart from a single `medium` one. */
export const RELIABILITY_LEVELS = ['high', 'medium', 'ambiguous', 'likely'] as const;
export type ReliabilityLevel = (typeof RELIABILITY_LEVELS)[number];

/** An answer's level in the reliability table: `ambiguous` for tied candidates (the matcher gives them `medium`), else its confidence. */
export function levelOf(a: Pick<EvalAnswer, 'confidence' | 'ambiguous'>): ReliabilityLevel | null {
	return a.confidence && a.ambiguous ? 'ambiguous' : a.confidence;
}

/**
 * Per level given (`RELIABILITY_LEVELS`): `[level, right, total, amongCandidates]` (`right`: the first
 * article; `amongCandidates`: or one of an ambiguous answer's candidates). What each must mean is
 * scoring.ts `RELIABILITY_TARGETS`, measured by `shareRight`.
 */
export function reliability(answers: readonly EvalAnswer[]): [ReliabilityLevel, number, number, number][] {
	return RELIABILITY_LEVELS.map((level) => [level, ...counts(answers.filter((a) => levelOf(a) === level))]);
}

/**
 * The share of a level's answers that is right as its target means it (scoring.ts `RELIABILITY_TARGETS`):
 * for `ambiguous`, the label among the candidates (the first is only the order of short ids); for the
 * others, the first article. `undefined` with no answers at that level.
 */
export function shareRight([level, right, n, among]: readonly [ReliabilityLevel, number, number, number]): number | undefined {
	return n ? (level === 'ambiguous' ? among : right) / n : undefined;
}

/** `[right, total, amongCandidates]` of some answers. */
function counts(of: readonly EvalAnswer[]): [number, number, number] {
	return [of.filter((a) => a.right).length, of.length, of.filter((a) => a.amongCandidates).length];
}
