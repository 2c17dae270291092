/**
 * Matching a paste against the index, in one pass over its lines. Each line
 * is normalised once; its rare words look up candidate signatures (the
 * `anchors` of each signature), so the work per line depends on the line,
 * not on how many articles there are. Candidates are then verified: the
 * signature's parts in order (exact), or nearly all its words (near), or a
 * line that is a large, specific fragment of it (partial).
 */
import { isGeneric, type IndexedArticle, type MatcherIndex } from './model.ts';
import { MIN_ANCHOR_HITS, PAGE_RESULTS, roundScore, SCORING } from './scoring.ts';

import { normalizeLine, tokensOf, withoutEscapes } from './normalize.ts';
import { byShortId } from '../short-id.ts';

/** How sure a match is. Anything below `medium` is not reported. */
export type Confidence = 'high' | 'medium';
/** How a line met a signature. */
export type MatchKind = 'exact' | 'near' | 'partial';

export interface Match {
	article: IndexedArticle;
	confidence: Confidence;
	/** Higher is better; exact matches of one decisive line score 1, supporting lines add to it. */
	score: number;
	kind: MatchKind;
	/** The pasted line that matched, as pasted (cut to SCORING.keep characters). */
	matchedLine: string;
	/** 1-based number of that line in the paste. */
	lineNumber: number;
	/** The article's verbatim signature it matched. */
	signature: string;
	/** Other lines of the paste that matched other signatures of the same article. */
	supporting: { matchedLine: string; signature: string }[];
	/** The article's `when` context found in the paste, if any. */
	context?: Context;
}

/** Context in the paste that makes an article's shared line decisive (its `when`). */
export interface Context {
	/** Why this context points to the article; shown to the reader. */
	why: string;
	/** The pasted line that holds it (cut to SCORING.keep characters). */
	matchedLine: string;
}

export interface Exclusion {
	article: IndexedArticle;
	/** Why the paste rules the article out. */
	why: string;
	matchedLine: string;
}

export interface MatchResult {
	/** Best first; empty when nothing reaches the confidence bar. */
	matches: Match[];
	/** True when several articles explain the same text equally well: a question must tell them apart. */
	ambiguous: boolean;
	/** Articles whose signatures matched but that the paste's context rules out. */
	excluded: Exclusion[];
	/** Lines read. */
	lines: number;
}

export interface MatchOptions {
	/** At most this many matches (default PAGE_RESULTS); an ambiguous result has every tied match even beyond it. */
	top?: number;
}

/**
 * The part of a pasted line (or window of a long line) that matched, at most
 * SCORING.keep characters: from a little before the first of `words` found in it, so
 * the reader sees the error, not the start of a long line.
 */
export function excerpt(raw: string, words: readonly string[]): string {
	if (raw.length <= SCORING.keep) return raw;
	const lower = raw.toLowerCase();
	let first = -1;
	for (const w of words) {
		const at = lower.indexOf(w);
		if (at >= 0 && (first < 0 || at < first)) first = at;
	}
	const start = Math.max(0, Math.min(first - SCORING.excerptLead, raw.length - SCORING.keep));
	return raw.slice(start, start + SCORING.keep);
}

/** Words as they stand in a raw line, for the quick look before normalising. */
export const RAW_WORDS = /[a-z0-9_]+/g;

interface Hit {
	score: number;
	kind: MatchKind;
	line: string;
	lineNumber: number;
}

/** A matcher over one index: `match` for a whole text, `session` for a stream of lines. */
export interface Matcher {
	match(text: string, options?: MatchOptions): MatchResult;
	session(): MatchSession;
	/** Whether a raw line gets past the quick look before normalising (the pre-filter): a line that fails it cannot match. */
	mayMatch(line: string): boolean;
	readonly index: MatcherIndex;
}

/** Feed lines one at a time (bounded memory), then ask for the result. */
export interface MatchSession {
	addLine(line: string): void;
	result(options?: MatchOptions): MatchResult;
}

export function createMatcher(index: MatcherIndex): Matcher {
	const weight = (t: string) => index.weights[t] ?? index.maxWeight;

	// Anchor words -> signatures, and exclusion anchor words -> exclusions.
	const anchors = new Map<string, number[]>();
	const anchorsNeeded: number[] = [];
	index.signatures.forEach((sig, i) => {
		for (const t of sig.anchors) push(anchors, t, i);
		anchorsNeeded[i] = Math.min(MIN_ANCHOR_HITS, sig.anchors.length);
	});
	const sigTotals = index.signatures.map((sig) => sig.tokens.reduce((sum, t) => sum + weight(t), 0));
	const exact = index.signatures.map((sig) => new RegExp(sig.source));
	const specificCount = index.signatures.map((sig) => sig.tokens.filter((t) => !isGeneric(t)).length);
	const exclusionAnchors = new Map<string, ContextText[]>();
	const contextAnchors = new Map<string, ContextText[]>();
	index.articles.forEach((a, i) => {
		for (const { anchor, text, why } of a.exclusions) if (anchor) push(exclusionAnchors, anchor, { article: i, text, why, words: innerWords(text) });
		for (const { anchor, text, why } of a.contexts) if (anchor) push(contextAnchors, anchor, { article: i, text, why, words: innerWords(text) });
	});
	// The three lookups by word in one map, so that the quick look at a raw line costs one lookup per word.
	const byWord = new Map<string, { sigs?: number[]; contexts?: ContextText[] }>();
	for (const [w, sigs] of anchors) byWord.set(w, { sigs });
	for (const map of [exclusionAnchors, contextAnchors]) {
		for (const [w, list] of map) {
			const entry = byWord.get(w) ?? {};
			entry.contexts = [...(entry.contexts ?? []), ...list];
			byWord.set(w, entry);
		}
	}

	/**
	 * Whether a raw line can match at all: some signature has enough of its
	 * anchors among the line's words, or an exclusion's or context's anchor
	 * is there with the words inside its text. Normalising only removes or
	 * replaces words (after the terminal escapes, which `withoutEscapes`
	 * removes here too), so a line that fails here would fail after
	 * normalising too. Checking a context's inner words, not its anchor alone,
	 * matters: a context's anchor can be a word most log lines hold (`host`
	 * in "host cloud-images.ubuntu.com not found"), which would send every
	 * line of a journal through normalising (measured: the 1 MB paste against
	 * 10,000 articles went from about 190 ms to 270-580 ms that way).
	 */
	function mayMatch(raw: string): boolean {
		const words = withoutEscapes(raw).toLowerCase().match(RAW_WORDS);
		if (!words) return false;
		// Most words of a log line are no anchor at all, so nothing is allocated for them: the set of the
		// line's words only when a context needs it, and the anchor hits (signature, word) only when there are.
		let wordSet: Set<string> | undefined;
		const holds = (c: ContextText) => c.words.every((w) => (wordSet ??= new Set(words)).has(w));
		let hits: { sig: number; words: string[] }[] | undefined;
		for (const w of words) {
			const entry = byWord.get(w);
			if (!entry) continue;
			if (entry.contexts?.some(holds)) return true;
			for (const s of entry.sigs ?? []) {
				if (anchorsNeeded[s] <= 1) return true;
				hits ??= [];
				const hit = hits.find((h) => h.sig === s);
				if (!hit) hits.push({ sig: s, words: [w] });
				// A word counts once per signature, however often the line repeats it.
				else if (!hit.words.includes(w) && hit.words.push(w) >= anchorsNeeded[s]) return true;
			}
		}
		return false;
	}

	function session(): MatchSession {
		const best = new Map<number, Hit>(); // signature -> best hit
		const excluded = new Map<number, Exclusion>(); // article -> first exclusion seen
		const context = new Map<number, Context>(); // article -> first context seen
		let lines = 0;
		let previous = ''; // the line before, for a wrapped line

		/**
		 * Reads one line (or window) of the paste. `parts`: for two wrapped lines read joined, the two
		 * lines; a signature either of them meets as well on its own is left to that line's own reading,
		 * so the joined reading only adds what the wrap split.
		 */
		function readWindow(raw: string, normalized: string, lineNumber: number, parts?: readonly string[]) {
			const words = new Set(tokensOf(normalized));
			const hits = new Map<number, number>();
			for (const w of words) for (const s of anchors.get(w) ?? []) hits.set(s, (hits.get(s) ?? 0) + 1);
			for (const [s, count] of hits) {
				if (count < anchorsNeeded[s]) continue;
				const hit = verify(s, normalized, words);
				if (!hit) continue;
				if (parts?.some((part) => (metAlone(s, part)?.score ?? 0) >= hit.score)) continue;
				const previous = best.get(s);
				if (!previous || hit.score > previous.score) best.set(s, { ...hit, line: excerpt(raw, index.signatures[s].tokens), lineNumber });
			}
			for (const w of words) {
				for (const e of exclusionAnchors.get(w) ?? []) {
					if (!excluded.has(e.article) && normalized.includes(e.text)) {
						excluded.set(e.article, { article: index.articles[e.article], why: e.why, matchedLine: excerpt(raw, tokensOf(e.text)) });
					}
				}
				for (const c of contextAnchors.get(w) ?? []) {
					if (!context.has(c.article) && normalized.includes(c.text)) {
						context.set(c.article, { why: c.why, matchedLine: excerpt(raw, tokensOf(c.text)) });
					}
				}
			}
		}

		/** How signature `s` meets one raw line on its own (see `verify`). */
		function metAlone(s: number, raw: string) {
			const normalized = normalizeLine(raw);
			return verify(s, normalized, new Set(tokensOf(normalized)));
		}

		function verify(s: number, normalized: string, words: Set<string>): Omit<Hit, 'line' | 'lineNumber'> | undefined {
			const sig = index.signatures[s];
			// Diagnostic output counts only when it fits its pattern exactly.
			if (sig.diagnostic) return exact[s].test(normalized) ? { score: 1, kind: 'exact' } : undefined;
			let covered = 0;
			let specific = 0;
			let specificCovered = 0;
			let specificTotal = 0;
			for (const t of sig.tokens) {
				const generic = isGeneric(t);
				if (!generic) specificTotal += weight(t);
				if (!words.has(t)) continue;
				covered += weight(t);
				if (!generic) {
					specific++;
					specificCovered += weight(t);
				}
			}
			// A line with fewer specific words than the bar ("writing to file: Operation not permitted")
			// can still be met exactly: its pattern, not a share of its words, then says it is that line.
			if (specific < Math.min(SCORING.minSpecific, specificCount[s])) return undefined;
			if (exact[s].test(normalized)) return { score: 1, kind: 'exact' };
			if (specific < SCORING.minSpecific) return undefined;
			// Every literal part there, in order, yet the pattern refused: a hole holds what its type forbids
			// (another controller, a sentence where a path belongs). That is another message, not a near one.
			if (sig.parts.length > 1 && inOrder(normalized, sig.parts)) return undefined;
			// Near: every specific word is there, only generic words or the order differ.
			const sigCoverage = covered / sigTotals[s];
			if (specificCovered === specificTotal && sigCoverage >= SCORING.nearCoverage) return { score: SCORING.nearScale * sigCoverage, kind: 'near' };
			// Partial: the line is a piece of the signature. Words the signature lacks
			// (a different path, another subsystem) count against it at full weight,
			// so the score depends on this signature alone, not on the rest of the index.
			let lineTotal = 0;
			for (const w of words) lineTotal += sig.tokens.includes(w) ? weight(w) : index.maxWeight;
			if (covered / lineTotal >= SCORING.partialLineShare && specificCovered / specificTotal >= SCORING.partialSpecificShare) {
				return { score: SCORING.partialScale * sigCoverage, kind: 'partial' };
			}
			return undefined;
		}

		return {
			addLine(raw: string) {
				lines++;
				const before = previous;
				previous = raw.length <= SCORING.window ? raw : '';
				// A line wrapped where it reached the terminal's or the tracker's width ("…executable file not"
				// / "found in $PATH") is read once more joined to the line before it.
				if (wrapped(before, raw)) {
					const joined = `${before.trimEnd()} ${raw.trimStart()}`;
					if (mayMatch(joined)) readWindow(joined, normalizeLine(joined), lines - 1, [before, raw]);
				}
				// Most lines of a log cannot match: skip them before the costlier normalisation.
				if (!mayMatch(raw)) return;
				if (raw.length <= SCORING.window) return readWindow(raw, normalizeLine(raw), lines);
				// A long line is read in overlapping windows of the line as pasted, each
				// normalised on its own, so a hit knows which part of the line it is.
				for (let start = 0; start < raw.length; start += SCORING.window - SCORING.overlap) {
					const piece = raw.slice(start, start + SCORING.window);
					if (mayMatch(piece)) readWindow(piece, normalizeLine(piece), lines);
				}
			},
			result(options = {}) {
				return rank(index, best, excluded, context, lines, options.top ?? PAGE_RESULTS);
			},
		};
	}

	return {
		index,
		session,
		mayMatch,
		match(text, options) {
			const s = session();
			for (const line of text.split(/\r?\n|\r/)) s.addLine(line);
			return s.result(options);
		},
	};
}

/**
 * Turn the best hit per signature into ranked article matches. A decisive
 * line decides; a shared line (`decisive: false`) decides only with its
 * article's `when` context somewhere in the paste, or with another of the
 * article's lines (then at medium confidence at most). `high` means: an
 * exact decisive line, and no other article explains the text as well.
 */
function rank(index: MatcherIndex, best: Map<number, Hit>, excludedByText: Map<number, Exclusion>, context: Map<number, Context>, lines: number, top: number): MatchResult {
	const excluded = new Map(excludedByText);
	// Diagnostic output first: what rules an article out, and what confirms it (context for its shared lines).
	const confirmed = new Map<number, [number, Hit]>();
	for (const [s, hit] of best) {
		const sig = index.signatures[s];
		if (!sig.diagnostic || hit.kind !== 'exact') continue;
		if (sig.diagnostic === 'rules-out' && !excluded.has(sig.article)) {
			excluded.set(sig.article, { article: index.articles[sig.article], why: sig.why ?? '', matchedLine: hit.line });
		} else if (sig.diagnostic === 'holds' && !confirmed.has(sig.article)) confirmed.set(sig.article, [s, hit]);
	}

	const byArticle = new Map<number, { decisive?: [number, Hit]; all: [number, Hit][]; diagnosticOnly?: true }>();
	for (const [s, hit] of best) {
		const sig = index.signatures[s];
		if (sig.diagnostic) continue;
		const a = sig.article;
		const entry = byArticle.get(a) ?? { all: [] };
		entry.all.push([s, hit]);
		const decides = sig.decisive || context.has(a) || confirmed.has(a);
		// Among equal hits, the article's own decisive line is the one to show, not a line promoted by context.
		const better = (x: [number, Hit]) => hit.score > x[1].score || (hit.score === x[1].score && sig.decisive && !index.signatures[x[0]].decisive);
		if (decides && (!entry.decisive || better(entry.decisive))) entry.decisive = [s, hit];
		byArticle.set(a, entry);
	}
	// Output that confirms a cause, with no error line of it: a medium answer ("your output fits").
	for (const [a, hit] of confirmed) if (!byArticle.has(a)) byArticle.set(a, { all: [hit], diagnosticOnly: true });

	const matches: Match[] = [];
	for (const [a, { decisive, all, diagnosticOnly }] of byArticle) {
		if (excluded.has(a)) continue;
		const corroborated = !decisive && new Set(all.map(([, h]) => h.lineNumber)).size >= 2;
		if (!decisive && !corroborated && !diagnosticOnly) continue;
		const [s, hit] = decisive ?? all.reduce((x, y) => (y[1].score > x[1].score ? y : x));
		// A message with several known causes is high only with this cause's own context or confirming output.
		const shared = index.signatures[s].shared && !context.has(a) && !confirmed.has(a);
		const confidence: Confidence | undefined =
			hit.kind === 'exact' && decisive && !shared ? 'high' : diagnosticOnly || hit.score >= SCORING.minScore ? 'medium' : undefined;
		if (!confidence) continue;
		const supporting = all
			.filter(([other, h]) => other !== s && h.lineNumber !== hit.lineNumber)
			.map(([other, h]) => ({ matchedLine: h.line, signature: index.signatures[other].line }));
		const base = decisive ? hit.score : diagnosticOnly ? SCORING.diagnosticOnlyScore : SCORING.supportOnlyScale * hit.score;
		const bonus = SCORING.supportBonus * Math.min(supporting.length, SCORING.maxSupport) + (context.has(a) ? SCORING.contextBonus : 0);
		matches.push({
			article: index.articles[a],
			confidence,
			score: roundScore(base + bonus),
			kind: hit.kind,
			matchedLine: hit.line,
			lineNumber: hit.lineNumber,
			signature: index.signatures[s].line,
			supporting,
			...(context.has(a) ? { context: context.get(a) } : {}),
		});
	}
	matches.sort((x, y) => y.score - x.score || byShortId(x.article, y.article));

	const ties = matches.filter((m) => m.score >= (matches[0]?.score ?? 0) - SCORING.tie);
	const ambiguous = ties.length > 1;
	// Several causes explain the text equally well: none of them is a confident answer.
	if (ambiguous) for (const m of ties) m.confidence = 'medium';
	return {
		matches: (ambiguous ? ties : matches).slice(0, Math.max(top, ambiguous ? ties.length : 0)),
		ambiguous,
		excluded: [...excluded.entries()].filter(([a]) => byArticle.has(a)).map(([, e]) => e),
		lines,
	};
}

/** An article's `excludeWhen` or `when` text (normalised), with what the prefilter needs of it. */
interface ContextText {
	article: number;
	text: string;
	why: string;
	/**
	 * The words strictly inside the text (not its first or last, which the
	 * text may hold as part of a longer word, and none holding a `#` that
	 * normalising writes): a line that holds the text holds each as a word.
	 */
	words: string[];
}

/** The inner words of a normalised text, as `ContextText.words` describes them. */
function innerWords(text: string): string[] {
	return tokensOf(text)
		.slice(1, -1)
		.filter((t) => !t.includes('#'));
}

/**
 * Whether `line` reads as the rest of `before`, wrapped at a width: `before`
 * is at least SCORING.wrapWidth characters and ends inside a sentence (a word
 * or a comma, no full stop or colon), and `line` goes on in lower case.
 */
function wrapped(before: string, line: string): boolean {
	return before.length >= SCORING.wrapWidth && /[\w,]\s*$/.test(before) && /^\s*[a-z]/.test(line);
}

/** True when the parts occur in this order in the line. */
function inOrder(line: string, parts: readonly string[]): boolean {
	let from = 0;
	for (const part of parts) {
		const at = line.indexOf(part, from);
		if (at < 0) return false;
		from = at + part.length;
	}
	return true;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

/**
 * The matches that share their matched line, in groups of two or more: a
 * line that several known causes print. (The matcher's `ambiguous` flag is
 * about the whole text; this is per line, which is what a reader must tell apart.)
 */
export function sameLineGroups(matches: readonly Match[]): Match[][] {
	const byLine = new Map<number, Match[]>();
	for (const m of matches) byLine.set(m.lineNumber, [...(byLine.get(m.lineNumber) ?? []), m]);
	return [...byLine.values()].filter((g) => g.length > 1);
}

/** The articles a result rules out: the ones whose line matched but whose `excludeWhen` context the text holds. */
export function ruledOutBy(result: MatchResult): Set<string> {
	return new Set(result.excluded.map((e) => e.article.id));
}
