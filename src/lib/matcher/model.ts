/**
 * The matcher index's shape: plain JSON that the build writes (compile.ts)
 * and the browser, the CLI and the bot read (match.ts), and the rule for
 * which words are generic, which both sides must apply alike. Nothing here
 * runs at import time or needs Node.
 */

/** Words that say something failed but not what: they never decide a match. (`@__PURE__`: a bundle that never asks, the paste box's page script, drops the list.) */
const GENERIC_WORDS = /* @__PURE__ */ new Set(
	/* @__PURE__ */ (
		'a an the to of in on for with is are be by at from and or as it its this that not no such ' +
		'error errors fatal failed fail failure warning warn info debug cannot could can open opening ' +
		'permission denied operation permitted invalid argument file directory exist exists does ' +
		'mount unable read write process program command exit code status returned output with ' +
		'system call may have more information after unable'
	).split(' '),
);

/** A word is generic when it is a placeholder, a number, or on the generic list. */
export function isGeneric(token: string): boolean {
	return token.includes('#') || /^\d+$/.test(token) || token.length < 2 || GENERIC_WORDS.has(token);
}

export interface IndexedArticle {
	id: string;
	shortId: string;
	title: string;
	/** The one-sentence root cause. */
	summary: string;
	status: 'active' | 'retired';
	/** Normalised texts that rule this article out, with the reason shown to readers, and the most specific word of each. */
	exclusions: { text: string; why: string; anchor: string }[];
	/** Normalised texts that make this article's shared lines decisive (its `when`), in the same shape. */
	contexts: { text: string; why: string; anchor: string }[];
	/**
	 * The host systems the article applies to only (hosts.ts `HostId`s, the front matter's `hosts`); absent
	 * for any host. A paste that names its host system (`hostsNamedIn`, in its first `SCORING.hostScan`
	 * characters) and none of these rules the article out (match.ts `rank`), as a description does (prose.ts).
	 */
	hosts?: string[];
}

export interface IndexedSignature {
	/** Position of the article in `articles`. */
	article: number;
	/** The verbatim line, as the article quotes it. */
	line: string;
	/**
	 * The pattern (typed holes, pattern.ts), when the article gives one; otherwise the line is the
	 * pattern. `parts`, `source` and `unnamedSource` are derived from it (pattern.ts `signatureForm`),
	 * which is how the browser's download does without them (browser-index.ts).
	 */
	pattern?: string;
	/** The normalised literal parts of the pattern, in order; holes sit between them. */
	parts: string[];
	/** The pattern as a regular expression source over normalised text (pattern.ts): what an exact match must contain. */
	source: string;
	/**
	 * For a pattern that opens with `crun: `: the source of the same message in Podman's wording before
	 * it named the runtime (`oci runtime error: ` and the message; pattern.ts `unnamedRuntimeSource`).
	 * A line that holds it meets the signature exactly, as one that holds `source` does.
	 */
	unnamedSource?: string;
	/** The distinct words of the parts. */
	tokens: string[];
	/**
	 * Its most specific words (up to SCORING.anchorsPerSignature): a line
	 * must hold MIN_ANCHOR_HITS of them (or all, if fewer) to be looked at.
	 * Never a generic word, a word common in real logs or a date word
	 * (common-log-words.ts), and never from a hole; empty when the signature
	 * has no other word, and then it has a `phrase`. Chosen by lookup.ts
	 * `lookupOf`, at compile time and again by the worker for the whole
	 * browser index, which is downloaded without them, and without `phrase`
	 * (browser-index.ts `restoreWhole`).
	 */
	anchors: string[];
	/**
	 * For a signature made only of generic and common words ("bash: nix:
	 * command not found"): its longest run of words in a row (no hole, no
	 * value normalising rewrites), which a line must hold in that order to be
	 * looked at, and the run's most specific word, which it is looked up by.
	 */
	phrase?: { words: string[]; key: string };
	decisive: boolean;
	/**
	 * Set for a diagnostic command's output rather than an error line:
	 * `holds` is evidence for the article (a medium answer alone, and context
	 * for its shared lines), `rules-out` is evidence against it.
	 */
	diagnostic?: 'holds' | 'rules-out';
	/** For a diagnostic: what its output means, shown to the reader. */
	why?: string;
	/**
	 * For a diagnostic: the command that prints the output, as the article gives it. Output that a
	 * paste shows under another command of the same program is not evidence (match.ts `isOutputOf`).
	 */
	command?: string;
	/**
	 * For a diagnostic whose output is one value (pattern.ts `valuesOf`): the values it may be, in lower
	 * case. Such a signature has no anchors or phrase: a line is read for it when it ends with one of
	 * these (match.ts `valueLine`), and these are its keys (`keysOf`), which the shards are cut by.
	 */
	values?: string[];
	/**
	 * True when the line only names the step that failed, whatever the cause
	 * (wrapper-lines.ts): no evidence for the article on its own. It supports
	 * a match another line makes, and never decides, makes a candidate or
	 * corroborates.
	 */
	wrapper?: true;
	/**
	 * The words that set this error-line signature apart from its neighbours (apart.ts `markApart`): for
	 * each neighbour, the words of this signature that the neighbour lacks (placeholders left out), when
	 * there are any; absent when none. A near or partial reading must hold one word of each list
	 * (match.ts `setApart`). Computed over the whole index at compile time and carried with the
	 * signature in the shards, so the browser's merged shards, which hold only the neighbours whose keys
	 * the paste holds, read a line exactly as the whole index does. The browser's whole index is
	 * downloaded without it and computes it again (browser-index.ts `restoreWhole`). An index without
	 * it (one published before it was added, still version 1, read with the CLI's `--index`) reads near
	 * and partial lines with no neighbour check, more loosely than its own compiler would.
	 */
	apart?: string[][];
	/**
	 * True when the pattern also matches another article's own line: the
	 * message has more than one known cause, so it never decides with high
	 * confidence alone (only with the article's `when` context or confirming
	 * diagnostic output).
	 */
	shared?: boolean;
}

/**
 * The words a line must hold one of to be looked at for a signature (its
 * keys, which the shards are cut by): a line holding `needed` of n anchors
 * holds one of the first n - needed + 1; a phrase's key word otherwise.
 * `minHits` is MIN_ANCHOR_HITS (scoring.ts).
 */
export function keysOf(sig: Pick<IndexedSignature, 'anchors' | 'phrase' | 'values'>, minHits: number): string[] {
	if (sig.values) return sig.values.flatMap((v) => v.match(/[a-z0-9_]+/g) ?? []);
	if (sig.phrase) return [sig.phrase.key];
	const needed = Math.min(minHits, sig.anchors.length);
	return sig.anchors.slice(0, sig.anchors.length - needed + 1);
}

/** The compiled matcher index, or a part of one (see shards.ts): everything in it is decided over all articles. */
export interface MatcherIndex {
	version: 1;
	articles: IndexedArticle[];
	signatures: IndexedSignature[];
	/** How specific each word of the signatures is: ln(1 + articles / articles using it), SCORING.genericWeightShare of that for generic words, rounded to SCORING.decimals (lookup.ts `wordWeights`; the whole browser index is downloaded without them and computes them again). */
	weights: Record<string, number>;
	/** The weight of a word no signature uses: the highest of all. */
	maxWeight: number;
}
