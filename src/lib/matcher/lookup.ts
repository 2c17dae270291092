/**
 * How specific each word is and which words a signature or a context text is looked up by, from the
 * signatures alone: computed over a whole index, by the compiler (compile.ts) and by the paste box's
 * worker for the whole browser index, which is downloaded without them (browser-index.ts
 * `wholeForBrowser`, `restoreWhole`) since it holds every signature and so gives them again exactly.
 * Imports nothing that runs more than the word lists at import time, so the worker's bundle carries
 * only this and those lists.
 */
import { isGeneric, type IndexedSignature } from './model.ts';
import { tokensOf } from './normalize.ts';
import { roundScore, SCORING } from './scoring.ts';
import { COMMON_LOG_WORDS, DATE_WORDS } from './common-log-words.ts';

/** Whether a word may be an anchor: specific (not generic), not common in real logs, not a date word. */
export function mayAnchor(word: string): boolean {
	return !isGeneric(word) && !COMMON_LOG_WORDS.has(word) && !DATE_WORDS.has(word);
}

/**
 * Each word's weight (model.ts `weights`), from the words of each article's signatures (one iterable per
 * article, every article of the index, those without signatures included): ln(1 + articles / articles
 * using the word), SCORING.genericWeightShare of that for a generic word, rounded (roundScore).
 */
export function wordWeights(articleWords: readonly Iterable<string>[]): Record<string, number> {
	const articleCount = new Map<string, number>();
	for (const words of articleWords) for (const w of new Set(words)) articleCount.set(w, (articleCount.get(w) ?? 0) + 1);
	const weights: Record<string, number> = {};
	for (const [word, count] of articleCount) {
		const idf = Math.log(1 + articleWords.length / count);
		weights[word] = roundScore(isGeneric(word) ? idf * SCORING.genericWeightShare : idf);
	}
	return weights;
}

/** The weight of a word no signature uses (model.ts `maxWeight`): the highest of all, and at least 1. */
export function maxWeightOf(weights: Readonly<Record<string, number>>): number {
	return Math.max(1, ...Object.values(weights));
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
 * A signature's anchors or phrase (model.ts), from its parts and their `glued` ends (pattern.ts
 * `signatureForm`): lookupWords over its whole words, or over all the words of its parts when a
 * pattern's every word touches a hole (`{*}noexec{*}`). None for a one-value output, which is looked
 * up by its value at a line's end (pattern.ts `valuesOf`).
 */
export function lookupOf(sig: Pick<IndexedSignature, 'parts' | 'values'>, glued: readonly (readonly [boolean, boolean])[], weights: Readonly<Record<string, number>>): Pick<IndexedSignature, 'anchors' | 'phrase'> {
	if (sig.values) return { anchors: [] };
	const words = lookupWords(wholeWordsOf(sig.parts, glued), weights);
	return words.anchors.length || words.phrase ? words : lookupWords(sig.parts.map(tokensOf), weights);
}

/**
 * The word a normalised `when` or `excludeWhen` text is looked up by (model.ts `anchor`): its most
 * specific word, one that may anchor first, since a common one would stop the quick look at every line
 * that holds it; a word no signature uses weighs `maxWeight`. Empty for a text without words.
 */
export function contextAnchor(text: string, weights: Readonly<Record<string, number>>, maxWeight: number): string {
	const rank = (t: string) => (weights[t] ?? maxWeight) + (mayAnchor(t) ? 2 * maxWeight : 0);
	return tokensOf(text).sort((x, y) => rank(y) - rank(x))[0] ?? '';
}
