/**
 * Compiling articles into the matcher's index: signatures normalised into
 * literal parts, and a weight for every word saying how specific it is.
 * The index is plain JSON so the build can ship it to the browser.
 */
import type { ArticleData } from '../article-schema.ts';
import { normalizeLine, normalizeValues, tokensOf } from './normalize.ts';
import { signatureForm, valuesOf } from './pattern.ts';
import { MIN_ANCHOR_HITS } from './scoring.ts';
import { keysOf, type IndexedSignature, type MatcherIndex } from './model.ts';
import { contextAnchor, lookupOf, maxWeightOf, wordWeights } from './lookup.ts';
import { isWrapperLine } from './wrapper-lines.ts';
import { markApart } from './apart.ts';

/** Compile articles into an index. Retired articles stay in it, marked, so old pastes still find their replacement. */
export function compileIndex(articles: readonly ArticleData[]): MatcherIndex {
	const signatures: IndexedSignature[] = [];
	const glues: [boolean, boolean][][] = []; // per signature, per part: whether a hole touches its start and its end
	const articleWords: Set<string>[] = [];

	articles.forEach((article, i) => {
		const words = new Set<string>();
		for (const s of article.signatures) {
			const { parts, source, unnamedSource, glued } = signatureForm(s.pattern ?? s.line, false);
			const tokens = [...new Set(parts.flatMap(tokensOf))];
			tokens.forEach((t) => words.add(t));
			glues.push(glued);
			// A wrapper line (wrapper-lines.ts) never decides, whatever the article says (the self-check refuses that).
			const wrapper = isWrapperLine(s.line);
			signatures.push({ article: i, line: s.line, ...(s.pattern ? { pattern: s.pattern } : {}), parts, source, tokens, anchors: [], decisive: s.decisive && !wrapper, ...(wrapper ? { wrapper } : {}), ...(unnamedSource ? { unnamedSource } : {}) });
		}
		for (const d of article.diagnostics) {
			const { parts, source, glued } = signatureForm(d.pattern ?? d.output, true);
			const values = valuesOf(d.pattern ?? d.output);
			const tokens = [...new Set(parts.flatMap(tokensOf))];
			tokens.forEach((t) => words.add(t));
			glues.push(glued);
			signatures.push({ article: i, line: d.output, ...(d.pattern ? { pattern: d.pattern } : {}), parts, source, tokens, anchors: [], decisive: false, diagnostic: d.means, why: d.why, command: d.command, ...(values ? { values } : {}) });
		}
		articleWords.push(words);
	});

	const weights = wordWeights(articleWords);
	const maxWeight = maxWeightOf(weights);
	signatures.forEach((sig, i) => Object.assign(sig, lookupOf(sig, glues[i], weights)));

	markShared(signatures);
	markApart(signatures);

	/** A text looked for anywhere in a paste, normalised, with its most specific word to look it up by. */
	const contextText = (e: { text: string; why: string }) => {
		const text = normalizeValues(e.text);
		return { text, why: e.why, anchor: contextAnchor(text, weights, maxWeight) };
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
			...(a.hosts.length ? { hosts: [...a.hosts] } : {}),
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
