/**
 * Compiling articles into the matcher's index: signatures normalised into
 * literal parts, and a weight for every word saying how specific it is.
 * The index is plain JSON so the build can ship it to the browser.
 */
import type { ArticleData } from '../article-schema.ts';
import { normalizeLine, normalizeValues, tokensOf } from './normalize.ts';
import { signatureForm, valuesOf } from './pattern.ts';
import { MIN_ANCHOR_HITS, roundScore, SCORING } from './scoring.ts';
import { isGeneric, keysOf, type IndexedSignature, type MatcherIndex } from './model.ts';
import { COMMON_LOG_WORDS, DATE_WORDS } from './common-log-words.ts';
import { isWrapperLine } from './wrapper-lines.ts';

/** Compile articles into an index. Retired articles stay in it, marked, so old pastes still find their replacement. */
export function compileIndex(articles: readonly ArticleData[]): MatcherIndex {
	const signatures: IndexedSignature[] = [];
	const wholeWords: string[][][] = []; // per signature, per part: the words a matching line holds as whole words
	const articleCount = new Map<string, number>();

	articles.forEach((article, i) => {
		const words = new Set<string>();
		for (const s of article.signatures) {
			const { parts, source, unnamedSource, glued } = signatureForm(s.pattern ?? s.line, false);
			const tokens = [...new Set(parts.flatMap(tokensOf))];
			tokens.forEach((t) => words.add(t));
			wholeWords.push(wholeWordsOf(parts, glued));
			// A wrapper line (wrapper-lines.ts) never decides, whatever the article says (the self-check refuses that).
			const wrapper = isWrapperLine(s.line);
			signatures.push({ article: i, line: s.line, ...(s.pattern ? { pattern: s.pattern } : {}), parts, source, tokens, anchors: [], decisive: s.decisive && !wrapper, ...(wrapper ? { wrapper } : {}), ...(unnamedSource ? { unnamedSource } : {}) });
		}
		for (const d of article.diagnostics) {
			const { parts, source, glued } = signatureForm(d.pattern ?? d.output, true);
			const values = valuesOf(d.pattern ?? d.output);
			const tokens = [...new Set(parts.flatMap(tokensOf))];
			tokens.forEach((t) => words.add(t));
			wholeWords.push(wholeWordsOf(parts, glued));
			signatures.push({ article: i, line: d.output, ...(d.pattern ? { pattern: d.pattern } : {}), parts, source, tokens, anchors: [], decisive: false, diagnostic: d.means, why: d.why, command: d.command, ...(values ? { values } : {}) });
		}
		for (const w of words) articleCount.set(w, (articleCount.get(w) ?? 0) + 1);
	});

	const weights: Record<string, number> = {};
	for (const [word, count] of articleCount) {
		const idf = Math.log(1 + articles.length / count);
		weights[word] = roundScore(isGeneric(word) ? idf * SCORING.genericWeightShare : idf);
	}
	const maxWeight = Math.max(1, ...Object.values(weights));
	signatures.forEach((sig, i) => {
		// A one-value output is looked up by its value at a line's end, never by an anchor (`valuesOf`).
		if (sig.values) return;
		const words = lookupWords(wholeWords[i], weights);
		// A pattern whose every word touches a hole (`{*}noexec{*}`) is looked up by those words as they are.
		Object.assign(sig, words.anchors.length || words.phrase ? words : lookupWords(sig.parts.map(tokensOf), weights));
	});

	markShared(signatures);
	markApart(signatures);

	/** A text looked for anywhere in a paste, normalised, with its most specific word to look it up by. */
	const contextText = (e: { text: string; why: string }) => {
		const text = normalizeValues(e.text);
		// A word that may anchor first: a common one would stop the quick look at every line that holds it.
		const rank = (t: string) => (weights[t] ?? maxWeight) + (mayAnchor(t) ? 2 * maxWeight : 0);
		const anchor = tokensOf(text).sort((x, y) => rank(y) - rank(x))[0] ?? '';
		return { text, why: e.why, anchor };
	};

	return {
		version: 1,
		articles: articles.map((a) => ({
			id: a.id,
			shortId: a.shortId,
			title: a.title,
			summary: a.summary,
			status: a.status,
			exclusions: a.excludeWhen.map(contextText),
			contexts: a.when.map(contextText),
		})),
		signatures,
		weights,
		maxWeight,
	};
}

/** Whether a word may be an anchor: specific (not generic), not common in real logs, not a date word. */
export function mayAnchor(word: string): boolean {
	return !isGeneric(word) && !COMMON_LOG_WORDS.has(word) && !DATE_WORDS.has(word);
}

/**
 * The words of each literal part that a matching raw line holds as whole
 * words: not one a hole touches with no space between (`_nixbld` in
 * `_nixbld{n}`, which a line holds as `_nixbld1`). `glued` comes from
 * compiledPattern (pattern.ts).
 */
export function wholeWordsOf(parts: readonly string[], glued: readonly (readonly [boolean, boolean])[]): string[][] {
	return parts.map((part, i) => {
		const words = tokensOf(part);
		const [lead, trail] = glued[i];
		if (trail && /[a-z0-9_#]$/.test(part)) words.pop();
		if (lead && /^[a-z0-9_#]/.test(part)) words.shift();
		return words;
	});
}

/**
 * The words a signature is looked up by, from the whole words of its
 * literal parts (wholeWordsOf: never a hole, nor a piece of a word a hole
 * completes) and the index's word weights: its anchors, the up to
 * SCORING.anchorsPerSignature words that may anchor (mayAnchor), rarest
 * among the signatures first; or, with none, its phrase: the longest run of
 * words in a row inside one part, without a `#` (a value normalising wrote,
 * which a raw line does not hold), looked up by its word of highest weight.
 */
export function lookupWords(partWords: readonly (readonly string[])[], weights: Readonly<Record<string, number>>): Pick<IndexedSignature, 'anchors' | 'phrase'> {
	const weight = (t: string) => weights[t] ?? 0;
	const rarestFirst = (a: string, b: string) => weight(b) - weight(a) || b.length - a.length || (a < b ? -1 : 1);
	const anchors = [...new Set(partWords.flat())].filter(mayAnchor).sort(rarestFirst);
	if (anchors.length) return { anchors: anchors.slice(0, SCORING.anchorsPerSignature) };
	let words: string[] = [];
	for (const part of partWords) {
		let run: string[] = [];
		for (const t of [...part, '#']) {
			if (!t.includes('#')) run.push(t);
			else {
				if (run.join(' ').length > words.join(' ').length) words = run;
				run = [];
			}
		}
	}
	if (!words.length) return { anchors: [] };
	return { anchors: [], phrase: { words, key: [...words].sort(rarestFirst)[0] } };
}

/**
 * Mark each error-line signature whose pattern matches another article's
 * line. Candidates are found by anchor words, as the matcher finds them for
 * a paste, so this costs a lookup per signature, not a comparison per pair.
 */
function markShared(signatures: IndexedSignature[]): void {
	const byAnchor = new Map<string, number[]>();
	signatures.forEach((sig, i) => {
		if (sig.diagnostic) return;
		for (const a of keysOf(sig, MIN_ANCHOR_HITS)) {
			const list = byAnchor.get(a);
			if (list) list.push(i);
			else byAnchor.set(a, [i]);
		}
	});
	const compiled = new Map<number, RegExp>();
	for (const other of signatures) {
		if (other.diagnostic) continue;
		const line = normalizeLine(other.line);
		const words = new Set(tokensOf(line));
		const hits = new Map<number, number>();
		for (const w of words) for (const i of byAnchor.get(w) ?? []) hits.set(i, (hits.get(i) ?? 0) + 1);
		for (const [i, n] of hits) {
			const sig = signatures[i];
			if (sig.shared || sig.article === other.article) continue;
			let re = compiled.get(i);
			if (!re) compiled.set(i, (re = new RegExp(sig.source)));
			if (re.test(line)) sig.shared = true;
		}
	}
}

/**
 * Give each error-line signature its `apart` words (model.ts): per neighbour, the words of the
 * signature that the neighbour lacks, placeholders (`#…`) left out. Each list once, and none that
 * holds another whole (a line with a word of the smaller list has one of the larger): the same
 * condition in fewer words, which keeps the index small when many neighbours share words (10,000
 * articles).
 */
function markApart(signatures: IndexedSignature[]): void {
	const neighbours = neighbourFinder(signatures, SCORING.minSpecific, SCORING.maxNeighbourWordSignatures);
	signatures.forEach((sig, s) => {
		if (sig.diagnostic) return;
		const lists = new Map<string, string[]>();
		for (const n of neighbours(s)) {
			const theirs = new Set(signatures[n].tokens);
			const own = sig.tokens.filter((t) => !t.includes('#') && !theirs.has(t));
			if (own.length) lists.set(own.join(' '), own);
		}
		const sets = [...lists.values()].sort((x, y) => x.length - y.length);
		const kept = sets.filter((list, i) => !sets.slice(0, i).some((smaller) => smaller.every((t) => list.includes(t))));
		if (kept.length) sig.apart = kept;
	});
}

/**
 * The neighbours of each signature: the error-line signatures (not diagnostic output) of other
 * articles that share at least `minShared` of its specific (non-generic) words, counted per
 * occurrence of a word in either. A near or partial reading of a signature must hold a word that
 * sets it apart from each (match.ts `setApart`): `markApart` writes those words into each
 * signature's `apart`, since the browser's merged shards hold only the neighbours whose keys the
 * paste holds (carrying the neighbours themselves was measured at 3.6 times the signatures per
 * shard). `minShared` is SCORING.minSpecific; a word more than `maxHolders` signatures hold makes no
 * neighbour (SCORING.maxNeighbourWordSignatures). Returns a lookup by signature position, built on first use.
 */
function neighbourFinder(signatures: readonly IndexedSignature[], minShared: number, maxHolders: number): (s: number) => number[] {
	let bySpecificWord: Map<string, number[]> | undefined;
	return (s) => {
		if (!bySpecificWord) {
			const map = (bySpecificWord = new Map<string, number[]>());
			signatures.forEach((sig, i) => {
				if (sig.diagnostic) return;
				for (const t of sig.tokens) {
					if (isGeneric(t)) continue;
					const list = map.get(t);
					// Appended in place: a copy per signature made this quadratic in a word's signatures (a 4 KB paste took 268 s at 10,000 articles).
					if (list) list.push(i);
					else map.set(t, [i]);
				}
			});
		}
		const sig = signatures[s];
		const shared = new Map<number, number>();
		for (const t of sig.tokens) {
			if (isGeneric(t)) continue;
			const holders = bySpecificWord.get(t) ?? [];
			// A word this many signatures hold names no message: it makes no neighbour (and keeps this linear).
			if (holders.length > maxHolders) continue;
			for (const n of holders) shared.set(n, (shared.get(n) ?? 0) + 1);
		}
		return [...shared].filter(([n, count]) => signatures[n].article !== sig.article && count >= minShared).map(([n]) => n);
	};
}
