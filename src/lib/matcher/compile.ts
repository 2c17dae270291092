/**
 * Compiling articles into the matcher's index: signatures normalised into
 * literal parts, and a weight for every word saying how specific it is.
 * The index is plain JSON so the build can ship it to the browser.
 */
import type { ArticleData } from '../article-schema.ts';
import { normalizeLine, normalizeValues, tokensOf } from './normalize.ts';
import { compiledPattern } from './pattern.ts';
import { MIN_ANCHOR_HITS, roundScore, SCORING } from './scoring.ts';
import { isGeneric, type IndexedSignature, type MatcherIndex } from './model.ts';

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
		weights[word] = roundScore(isGeneric(word) ? idf * SCORING.genericWeightShare : idf);
	}
	const maxWeight = Math.max(1, ...Object.values(weights));
	for (const sig of signatures) {
		const specific = sig.tokens.filter((t) => !isGeneric(t)).sort((a, b) => weights[b] - weights[a]);
		sig.anchors = (specific.length ? specific : sig.tokens).slice(0, SCORING.anchorsPerSignature);
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
