/**
 * Compiling articles into the matcher's index: signatures normalised into
 * literal parts, and a weight for every word saying how specific it is.
 * The index is plain JSON so the build can ship it to the browser.
 */
import type { ArticleData } from '../article-schema.ts';
import { normalizeLine, normalizeValues, tokensOf } from './normalize.ts';
import { compiledPattern } from './pattern.ts';
import { MIN_ANCHOR_HITS } from './scoring.ts';

/** Words that say something failed but not what: they never decide a match. */
const GENERIC_WORDS = new Set(
	(
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
}

export interface IndexedSignature {
	/** Position of the article in `articles`. */
	article: number;
	/** The verbatim line, as the article quotes it. */
	line: string;
	/** The normalised literal parts of the pattern, in order; holes sit between them. */
	parts: string[];
	/** The pattern as a regular expression source over normalised text (pattern.ts): what an exact match must contain. */
	source: string;
	/** The distinct words of the parts. */
	tokens: string[];
	/** Its most specific words (up to ANCHORS_PER_SIGNATURE): a line must hold some of them to be looked at. */
	anchors: string[];
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
	 * True when the pattern also matches another article's own line: the
	 * message has more than one known cause, so it never decides with high
	 * confidence alone (only with the article's `when` context or confirming
	 * diagnostic output).
	 */
	shared?: boolean;
}

/** The compiled matcher index, or a part of one (see shards.ts): everything in it is decided over all articles. */
export interface MatcherIndex {
	version: 1;
	articles: IndexedArticle[];
	signatures: IndexedSignature[];
	/** How specific each word of the signatures is: ln(1 + articles / articles using it), a quarter of that for generic words. */
	weights: Record<string, number>;
	/** The weight of a word no signature uses: the highest of all. */
	maxWeight: number;
}

/** Each signature is looked up by its few most specific words. */
const ANCHORS_PER_SIGNATURE = 3;

/** Compile articles into an index. Retired articles stay in it, marked, so old pastes still find their replacement. */
export function compileIndex(articles: readonly ArticleData[]): MatcherIndex {
	const signatures: IndexedSignature[] = [];
	const articleCount = new Map<string, number>();

	articles.forEach((article, i) => {
		const words = new Set<string>();
		for (const s of article.signatures) {
			const { parts, source } = compiledPattern(s.pattern ?? s.line);
			const tokens = [...new Set(parts.flatMap(tokensOf))];
			tokens.forEach((t) => words.add(t));
			signatures.push({ article: i, line: s.line, parts, source, tokens, anchors: [], decisive: s.decisive });
		}
		for (const d of article.diagnostics) {
			const { parts, source } = compiledPattern(d.pattern ?? d.output);
			const tokens = [...new Set(parts.flatMap(tokensOf))];
			tokens.forEach((t) => words.add(t));
			signatures.push({ article: i, line: d.output, parts, source, tokens, anchors: [], decisive: false, diagnostic: d.means, why: d.why });
		}
		for (const w of words) articleCount.set(w, (articleCount.get(w) ?? 0) + 1);
	});

	const weights: Record<string, number> = {};
	for (const [word, count] of articleCount) {
		const idf = Math.log(1 + articles.length / count);
		weights[word] = Math.round((isGeneric(word) ? idf / 4 : idf) * 1000) / 1000;
	}
	const maxWeight = Math.max(1, ...Object.values(weights));
	for (const sig of signatures) {
		const specific = sig.tokens.filter((t) => !isGeneric(t)).sort((a, b) => weights[b] - weights[a]);
		sig.anchors = (specific.length ? specific : sig.tokens).slice(0, ANCHORS_PER_SIGNATURE);
	}

	markShared(signatures);

	/** A text looked for anywhere in a paste, normalised, with its most specific word to look it up by. */
	const contextText = (e: { text: string; why: string }) => {
		const text = normalizeValues(e.text);
		const anchor = tokensOf(text).sort((x, y) => (weights[y] ?? maxWeight) - (weights[x] ?? maxWeight))[0] ?? '';
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

/**
 * Mark each error-line signature whose pattern matches another article's
 * line. Candidates are found by anchor words, as the matcher finds them for
 * a paste, so this costs a lookup per signature, not a comparison per pair.
 */
function markShared(signatures: IndexedSignature[]): void {
	const byAnchor = new Map<string, number[]>();
	signatures.forEach((sig, i) => {
		if (sig.diagnostic) return;
		for (const a of sig.anchors) {
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
			if (sig.shared || sig.article === other.article || n < Math.min(MIN_ANCHOR_HITS, sig.anchors.length)) continue;
			let re = compiled.get(i);
			if (!re) compiled.set(i, (re = new RegExp(sig.source)));
			if (re.test(line)) sig.shared = true;
		}
	}
}
