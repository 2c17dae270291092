/**
 * The wizard-walk evaluation (issue 18): real reporters, each played from
 * their own issue thread, walked through the tree by the engine.
 *
 * A walk (one line of tests/fixtures/wizard-walks.jsonl) names an eval item
 * (tests/fixtures/dev*.jsonl, whose `expected` article is the right answer)
 * and records, from the thread, what its reporter would answer:
 *
 * - `saw`: the lines their failing command printed, verbatim. At an error
 *   check without a recorded answer, the reader picks the first listed line
 *   that one of these lines meets (`recognises`: the matcher's own patterns
 *   and normalisation, as a reader compares text, not punctuation), and
 *   "None of these" when none does.
 * - `answers`: per step id, the answer they would give (`pick`, a piece of the
 *   answer's label, or of the error line for an error check; `none` for "None
 *   of these") and `why`, the reasoning from the thread. A question without a
 *   recorded answer is one the reporter could not answer from what they had:
 *   they take its way out ("I'm not sure", "Something else").
 *
 * Replaying ends at a result (right when it names the expected article, wrong
 * otherwise) or at an end step (a dead end). A walk whose `expected` is null
 * (the knowledge base has no article for its cause) is right when it ends at
 * an end step (an honest "no match": the reader is told to search or report
 * it) and wrong when it reaches any article.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compilePattern, patternParts, segmentsOf, type Segment } from '../lib/matcher/pattern.ts';
import { normalizeLine } from '../lib/matcher/normalize.ts';
import { wizardEngineMessages, wizardWalkMessages as m } from '../lib/messages.ts';
import { answer, choicesOf, nodesById, start } from './engine.ts';
import type { WizardNode, WizardTree } from './schema.ts';

/** Where the walks live, relative to the project root. */
export const WALKS_FILE = 'tests/fixtures/wizard-walks.jsonl';

/**
 * One recorded answer: a piece of the chosen label (or error line), or "None
 * of these"; and why, from the thread. `pick` may list pieces in order of
 * preference: the first that fits exactly one choice is taken (a reporter
 * takes the closest wording the step offers). A label equal to a piece wins
 * over labels that only contain it; at an error check, of several lines a
 * piece fits, the first listed that the reader's `saw` lines meet, or else
 * the first listed.
 */
export interface WalkAnswer {
	pick?: string | string[];
	none?: boolean;
	why: string;
}

/** One reporter's walk. */
export interface Walk {
	/** The eval item it plays (its `expected` is the right answer), or, with `expected`, the walk's own id. */
	eval: string;
	/**
	 * For a report found without an eval item (round 5): the article its
	 * established cause belongs to, or null when the knowledge base has no
	 * article for it (then any result is wrong and a dead end is the honest
	 * end). When present it is the right answer instead of an eval item's.
	 */
	expected?: string | null;
	/** The issue thread the answers come from, `owner/name#N`. */
	source: string;
	/** What their failing command printed, verbatim lines (may be empty). */
	saw: string[];
	/** Their answer per step id. */
	answers: Record<string, WalkAnswer>;
	/** Anything about the walk as a whole (setup, what the thread lacks). */
	note?: string;
	/**
	 * 1 (the default): written while the tree was being changed for issue 18,
	 * so the tree was shaped with these reporters in view. 2: written after,
	 * against the finished tree, before any change for them (the tree was then
	 * fixed for them). 3: written blind, by someone who knew neither the
	 * expected articles nor the other walks; the tree was then fixed for the
	 * kinds of failure they showed (never the walks themselves). 4: written
	 * blind in the same way against the tree after those fixes (16 of 28
	 * right, none wrong); the tree and the replay's reading of a quoted piece
	 * of a line were then fixed for the kinds of failure they showed, so, like
	 * round 3, it no longer measures an untouched tree: the next blind round
	 * does. Rounds 3 and 4 are measured by the bench and not held to the target.
	 * 5: reports found by generic searches of the trackers (not from the eval
	 * set), written blind against the tree after round 4's fixes; each carries
	 * its own `expected`, null for the reports the knowledge base has no
	 * article for (their honest end is an end step, counted right as an honest
	 * no match; any article is wrong for them).
	 * 6: written blind in the same way as round 5, 2026-11-30: 30 reporters
	 * drawn with generic queries of the trackers (Podman, crun, the Nix
	 * installers, Multipass, microvm.nix), against the tree after round 5;
	 * 27 right (20 of them honest no-matches), none wrong, 3 dead ends. The
	 * tree was then fixed for the kinds of failure those 3 showed (an older
	 * wording missing from a step that lists lines; a clear error line that
	 * reached only a step for symptom-only readers; a symptom with no error
	 * line that a diagnostic's output tells), so, like round 4, it no longer
	 * measures an untouched tree.
	 * 7: written blind in the same way as round 6, 2026-11-30: 30 new
	 * reporters drawn with generic queries of the trackers (Podman, buildah,
	 * skopeo, crun, runc, the Nix installers, Multipass, microvm.nix, LXC),
	 * none already in the walks or the eval sets, against the tree after
	 * round 6's fixes; 28 right (22 of them honest no-matches: 23 of the 30
	 * have no article), none wrong, 2 dead ends (a buildah lock-file line of
	 * buildah before rootless support; a systemd container without a login
	 * session, where the only line is systemctl's inside the container).
	 * The tree was then fixed for those two kinds (an article's wording, not
	 * decisive alone, missing from a step that lists the article's lines; a
	 * reader with no Podman line whose setup, no login session, the cgroup
	 * manager shows), so, like round 6, it no longer measures an untouched
	 * tree. Walks are not edited after the fact, except three answers to
	 * the questions round 7 added (2026-11-30, each said in its `why`): the
	 * buildah walks buildah#420 (round 4) and buildah#287 answer the version
	 * question as their threads give it (0.11 verbatim; in 2017-10 only 0.4
	 * or older existed), and podman#9410 the cgroup-manager question.
	 * 8: written blind in the same way as round 7, 2026-11-30: 28 new
	 * reporters drawn with generic queries of the trackers (Podman, skopeo,
	 * buildah, crun, the Nix installers and Nix on macOS, Multipass,
	 * microvm.nix; some describe a symptom and quote no error line), none
	 * already in the walks, the coverage sample or the eval sets, against the
	 * tree after round 7's fixes (Podman's 'Something else' lines in groups);
	 * 28 right (21 of them honest no-matches: 21 of the 28 have no article),
	 * none wrong, no dead end, median 2 questions.
	 * Session 11 (2026-11-30) added questions where dead-ended walks of rounds
	 * 2 to 4 had ended at an end step (an "I'm not sure" or "None of these"
	 * that now leads to a question on a fact of the machine, with a command),
	 * and recorded the answers those reporters give to the new questions only,
	 * each `why` quoting their thread and saying the question came after the walk.
	 * 9: written blind in the same way as round 8, 2026-11-30: 25 new
	 * reporters drawn with generic queries of the trackers (Multipass on
	 * Windows and macOS, the Nix installers, Nix, buildah, crun run by hand,
	 * microvm.nix, Podman), none already in the walks, the coverage sample or
	 * the eval sets, each read to its cause and given its `expected` before
	 * the tree was read, then walked against the tree after the session 11
	 * questions above; 23 right (19 of them honest no-matches: 19 of the 25
	 * have no article), none wrong, 2 dead ends (a Multipass 1.15 service
	 * that will not stay running, whose thread does not give the display
	 * language the way to the takeown article asks; Nix gone from PATH after
	 * a macOS update, with only the installer's generic failure line and no
	 * quoted "command not found"), median 3 questions.
	 * 10: written blind in the same way as round 9, 2026-11-30 (session 12):
	 * 20 new reporters drawn with generic queries of the trackers (Multipass
	 * on Linux and macOS, the Nix installers, Nix on macOS, Podman, buildah,
	 * crun run by hand, microvm.nix), none already in the walks, the coverage
	 * sample, the eval sets or session 12's blind set, each read to its cause
	 * and given its `expected` before the tree was read; 17 right (15 of them
	 * honest no-matches: 16 of the 20 have no article), 2 wrong (a reinstall
	 * after a macOS update whose output holds both the backup refusal and
	 * "command not found", where the error check lists the backup line first;
	 * a cgroup.procs line that meets the exec-cgroup article's pattern from a
	 * thread whose cause is not established), 1 dead end (buildah inside a
	 * container refusing overlay over overlayfs, a line buildah's error check
	 * does not list), median 3 questions.
	 * 11: written blind in the same way as round 10, 2026-12-01 (session 13):
	 * 20 new reporters drawn with generic queries of the trackers (Podman,
	 * podman machine on macOS, Linux and Windows, skopeo, buildah, crun through
	 * Podman, Multipass on Windows, macOS and Linux, the Nix installers and their
	 * uninstallers, Nix), none already in the walks, the coverage sample, the
	 * eval sets or session 12's and 13's blind and aside sets, each read to its
	 * cause and given its `expected` before the tree was read (19 of the 20
	 * have no article in main; three may gain one from articles written in
	 * parallel, each said in its walk's note); 20 right (19 of them honest
	 * no-matches), none wrong, no dead end, median 3 questions.
	 */
	round?: number;
}

/** How a walk ended. */
export type WalkOutcome = 'right' | 'wrong' | 'dead end';

/** A replayed walk: where it ended, how many steps it asked (questions and error checks), and the steps visited. */
export interface WalkResult {
	/** True for a walk with no article (`expected` null) that ended at an end step: counted right, an honest no match. */
	honestNoMatch: boolean;
	walk: Walk;
	/** The right article, or null for a report the knowledge base has no article for. */
	expected: string | null;
	outcome: WalkOutcome;
	/** The article of the result reached, if any. */
	article?: string;
	/** The last step. */
	at: string;
	questions: number;
	path: string[];
	/** Recorded answers for steps the walk never reached (a sign the tree moved). */
	unused: string[];
	/** Steps where no piece of the recorded pick fitted any choice, so the reporter took the way out. */
	unmatched: string[];
}

/**
 * Read the walks file.
 * @throws when a line is not JSON or lacks `eval`, `source`, `saw` or `answers` (the message names the line).
 */
export function loadWalks(root: string, file = WALKS_FILE): Walk[] {
	if (!existsSync(join(root, file))) return [];
	return readFileSync(join(root, file), 'utf8')
		.split('\n')
		.map((line, i) => ({ line, at: `${file}:${i + 1}` }))
		.filter(({ line }) => line.trim())
		.map(({ line, at }) => {
			let walk: Partial<Walk>;
			try {
				walk = JSON.parse(line);
			} catch (error) {
				throw new Error(m.notJson(at, (error as Error).message));
			}
			if (typeof walk.eval !== 'string' || typeof walk.source !== 'string' || !Array.isArray(walk.saw) || typeof walk.answers !== 'object' || !walk.answers) {
				throw new Error(m.fields(at));
			}
			return walk as Walk;
		});
}

/** The choice a reporter makes at a step, by the rules in this file's header; `unmatched` when a recorded pick fits nothing. */
function choose(node: WizardNode, walk: Walk): { choice: number; unmatched: boolean } {
	const choices = choicesOf(node);
	const given = walk.answers[node.id];
	const wayOut = () => {
		const i = choices.findIndex((c) => c.wayOut);
		return i >= 0 ? i : choices.length - 1;
	};
	if (given?.none) return { choice: wayOut(), unmatched: false };
	if (given?.pick !== undefined) {
		const labels = (node.kind === 'error-check' ? [...node.lines.map((l) => l.line), wizardEngineMessages.noneOfThese()] : choices.map((c) => c.label)).map((l) => l.toLowerCase());
		for (const piece of [given.pick].flat()) {
			const want = piece.toLowerCase();
			const exact = labels.flatMap((label, i) => (label === want ? [i] : []));
			let hits = exact.length ? exact : labels.flatMap((label, i) => (label.includes(want) ? [i] : []));
			// At an error check, a piece that fits several lines means the first listed of them that the reader's
			// own lines meet, or else the first listed (as a reader reads the list from the top).
			if (hits.length > 1 && node.kind === 'error-check') {
				const seen = walk.saw.map(normalizeLine);
				const met = hits.filter((i) => i < node.lines.length && seen.some((s) => recognises(node.lines[i].line, s)));
				hits = met.length ? met.slice(0, 1) : hits.slice(0, 1);
			}
			if (hits.length > 1) throw new Error(m.pickNotOne(walk.eval, node.id, piece, hits.length));
			if (hits.length === 1) return { choice: hits[0], unmatched: false };
		}
		return { choice: wayOut(), unmatched: true };
	}
	if (node.kind === 'error-check') {
		const seen = walk.saw.map(normalizeLine);
		const i = node.lines.findIndex((l) => seen.some((s) => recognises(l.line, s)));
		return { choice: i >= 0 ? i : wayOut(), unmatched: false };
	}
	return { choice: wayOut(), unmatched: false };
}

/** The fewest words a quoted piece of a line needs for a reader to know it in a listed line (fewer, such as "permission denied", fit too many). */
export const FRAGMENT_WORDS = 5;

/**
 * Whether a reader who saw `seen` (a normalised line) recognises it in the
 * listed line `listed` (a signature's pattern or line): the pattern meets it,
 * or meets it but for the listed line's final period (a report quoting
 * "… is unknown or unreachable" without it, canonical/multipass#4053), or the
 * reader quotes only a piece of the message, at least FRAGMENT_WORDS words,
 * that is a piece of one of the pattern's literal parts (buildbuddy#6857
 * quotes "cgroups in hybrid mode not supported"), or that is the pattern's
 * start or end cut at one of its typed holes (quotedInPart).
 */
export function recognises(listed: string, seen: string): boolean {
	if (compilePattern(listed).test(seen)) return true;
	if (listed.endsWith('.') && compilePattern(listed.slice(0, -1)).test(seen)) return true;
	const piece = seen.trim();
	if (piece.split(/\s+/).length >= FRAGMENT_WORDS && patternParts(listed).some((part) => part.includes(piece))) return true;
	return quotedInPart(listed).some(({ re, goesOn }) => {
		const met = re.exec(seen);
		return met !== null && (goesOn === undefined || cutWhereItGoesOn(seen.slice(met.index + met[0].length), goesOn));
	});
}

/**
 * The pieces of a pattern a reader may have quoted instead of the whole
 * message: its start up to and with a typed hole ("rootlessport cannot expose
 * privileged port 80", LibreBooking/docker#139, quotes the message up to the
 * port number), or its end from a typed hole on (mickael-kerjean/filestash#689
 * quotes a short-name message from the image name on, without the word
 * "short-name" before it). Each piece holds at least FRAGMENT_WORDS words,
 * a hole counting as one, and is cut only at a typed hole (`{path}`, `{n}`,
 * `{hex}`, `{word}`, `{a|b}`), never at `{*}`, so that the piece still ties
 * its words to a value of the right kind rather than to any text. An end
 * piece starts at the pattern's first hole and leaves out at most
 * OPENING_WORDS words before it: cut at a later hole, or after a longer
 * opening, it can be a bare tail that other messages share (the end of a
 * Docker runtime line, "{path}: no such file or directory", met
 * containers/podman#5173's unrelated mkdir error).
 */
function quotedInPart(pattern: string): { re: RegExp; goesOn?: string }[] {
	const segments = segmentsOf(pattern);
	const words = (part: Segment[]) => part.reduce((n, s) => n + ('hole' in s ? 1 : s.literal.split(/\s+/).filter((w) => /\w/.test(w)).length), 0);
	// A start piece is the message cut where the reader stopped quoting: what follows it in their line may
	// only go on as the message does (the start of the literal text after the piece), then stop. Followed
	// by other words, it is another message that opens the same way ("failed to open file '…': Permission
	// denied(13)" is not "failed to open file '…': Illegal byte sequence(42)").
	const pieces: QuotedPiece[] = [];
	segments.forEach((s, i) => {
		if (!('hole' in s) || s.hole === '*' || i === segments.length - 1) return;
		const next = segments[i + 1];
		pieces.push({ part: segments.slice(0, i + 1), goesOn: 'literal' in next ? next.literal : '' });
	});
	const first = segments.findIndex((s) => 'hole' in s);
	if (first > 0 && (segments[first] as { hole: unknown }).hole !== '*' && words(segments.slice(0, first)) <= OPENING_WORDS) pieces.push({ part: segments.slice(first) });
	return pieces
		.filter(({ part }) => words(part) >= FRAGMENT_WORDS)
		.map(({ part, goesOn }) => ({ re: compilePattern(part.map(patternText).join('')), goesOn }));
}

/** A piece of a pattern a reader may have quoted (quotedInPart); `goesOn` for a start piece: the literal text the message goes on with. */
interface QuotedPiece {
	part: Segment[];
	goesOn?: string;
}

/**
 * Whether the rest of a reader's line after a start piece is the message going on as it does and then
 * cut (a prefix of `goesOn`, compared as normalised text: no case, any quote alike, runs of spaces as
 * one), or closing punctuation alone.
 */
function cutWhereItGoesOn(rest: string, goesOn: string): boolean {
	// As the matcher's normalisation reads them: no case, quotes of any kind alike, runs of spaces as one.
	const flat = (t: string) => t.toLowerCase().replace(/["'`]/g, "'").replace(/\s+/g, ' ');
	const said = flat(rest).replace(/[\s.,;:!?'")\]…]+$/, '');
	return !said || flat(goesOn).startsWith(said);
}

/** The most words before a pattern's first hole that a reader's quote may leave out (quotedInPart): "short-name" in "short-name \"{path}\" did not resolve …". */
export const OPENING_WORDS = 2;

/** One segment written back as pattern text (the inverse of segmentsOf). */
function patternText(segment: Segment): string {
	if ('literal' in segment) return segment.literal;
	return `{${typeof segment.hole === 'object' ? segment.hole.oneOf.join('|') : segment.hole}}`;
}

/**
 * Replay one walk through the engine from the start.
 * @param expected the article the walk's eval item names.
 * @throws when a recorded answer fits no choice or several (the walk is stale), or the tree loops.
 */
export function replayWalk(tree: WizardTree, walk: Walk, expected: string | null): WalkResult {
	const byId = nodesById(tree);
	let state = start(tree);
	const path = [state.at];
	const unmatched: string[] = [];
	for (;;) {
		const node = byId.get(state.at);
		if (!node) throw new Error(m.noStep(walk.eval, state.at));
		if (node.kind === 'result' || node.kind === 'end') {
			const article = node.kind === 'result' ? node.article : undefined;
			const honestNoMatch = expected === null && article === undefined;
			const outcome: WalkOutcome = honestNoMatch ? 'right' : article === undefined ? 'dead end' : article === expected ? 'right' : 'wrong';
			const unused = Object.keys(walk.answers).filter((id) => !path.includes(id));
			return { walk, expected, outcome, honestNoMatch, article, at: node.id, questions: state.answers.length, path, unused, unmatched };
		}
		if (path.length > tree.nodes.length) throw new Error(m.loops(walk.eval));
		const { choice, unmatched: missed } = choose(node, walk);
		if (missed) unmatched.push(node.id);
		state = answer(tree, state, choice);
		path.push(state.at);
	}
}

/**
 * The figures the bench prints and the test holds: counts per outcome, how
 * many of the right ones are honest no-matches (a walk with no article that
 * ended at an end step), and the median number of questions of all walks.
 */
export function walkFigures(results: readonly WalkResult[]): { walks: number; right: number; honestNoMatch: number; wrong: number; deadEnd: number; medianQuestions: number } {
	const count = (o: WalkOutcome) => results.filter((r) => r.outcome === o).length;
	const q = results.map((r) => r.questions).sort((a, b) => a - b);
	const median = q.length === 0 ? 0 : q.length % 2 ? q[(q.length - 1) / 2] : (q[q.length / 2 - 1] + q[q.length / 2]) / 2;
	return { walks: results.length, right: count('right'), honestNoMatch: results.filter((r) => r.honestNoMatch).length, wrong: count('wrong'), deadEnd: count('dead end'), medianQuestions: median };
}

/**
 * Replay every walk, each against its own `expected` when it has one, else its eval item's expected article.
 * @throws when a walk names no positive eval item (wizardWalkMessages.noItem), or as replayWalk.
 */
export function replayWalks(tree: WizardTree, walks: readonly Walk[], items: readonly { id: string; expected: string | null }[]): WalkResult[] {
	const expected = new Map(items.flatMap((i) => (i.expected ? [[i.id, i.expected] as const] : [])));
	return walks.map((walk) => {
		if (walk.expected !== undefined) return replayWalk(tree, walk, walk.expected);
		const article = expected.get(walk.eval);
		if (!article) throw new Error(m.noItem(walk.eval));
		return replayWalk(tree, walk, article);
	});
}
