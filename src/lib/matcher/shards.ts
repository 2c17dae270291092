/**
 * The index in shards, for the browser: a page fetches a small directory,
 * then only the shards its paste needs, instead of the whole index (3.4 MB
 * gzipped at 10,000 articles).
 *
 * A line is looked at only when it holds enough of a signature's anchors
 * (its most specific words, chosen over all articles at compile time): one
 * of one, both of two, two of three. So a line that can match a signature
 * holds its first anchor or its second. Each such key word belongs to one
 * shard, by a hash of the word, and the shard holds every signature keyed
 * by it, with their articles and word weights. The directory lists the key
 * words, so a paste fetches the shards of the key words it contains and
 * nothing else. Matching the merged shards gives the same result as the
 * whole index: every signature a paste can match is in them, with the same
 * anchors and weights.
 */
import type { IndexedSignature, MatcherIndex } from './model.ts';
import { RAW_WORDS } from './prefilter.ts';

export interface ShardDirectory {
	version: 1;
	/** How many shards there are: shard files are numbered 0 to shards - 1. */
	shards: number;
	/** Every key word, sorted, one per line (compresses well). */
	anchors: string;
	maxWeight: number;
	/** When a paste needs more shards than this, the whole index is the smaller download: the whole browser index's gzipped size over a shard's on average, both as downloaded (browser-index.ts `wholeForBrowser`, `withoutDerived`). */
	wholeAbove: number;
}

/** Which shard an anchor word lives in (FNV-1a over its UTF-16 code units). */
export function shardOf(word: string, shards: number): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
	return (h >>> 0) % shards;
}

/** A shard: a part of the index, with where its signatures stand in the whole (merging keeps that order). */
export interface Shard extends MatcherIndex {
	positions: number[];
}

/** The shards a text needs: those of the anchor words it contains. */
export function shardsFor(text: string, anchors: ReadonlySet<string>, shards: number): number[] {
	const needed = new Set<number>();
	for (const word of new Set(text.toLowerCase().match(RAW_WORDS))) if (anchors.has(word)) needed.add(shardOf(word, shards));
	return [...needed].sort((a, b) => a - b);
}

/** Merge shards into one index: each article and signature once, signatures in the whole index's order. */
export function mergeShards(shards: readonly Shard[], maxWeight: number): MatcherIndex {
	const merged: MatcherIndex = { version: 1, articles: [], signatures: [], weights: {}, maxWeight };
	const articleAt = new Map<string, number>();
	const byPosition = new Map<number, IndexedSignature>();
	for (const shard of shards) {
		const local = shard.articles.map((article) => {
			let at = articleAt.get(article.id);
			if (at === undefined) {
				articleAt.set(article.id, (at = merged.articles.length));
				merged.articles.push(article);
			}
			return at;
		});
		shard.signatures.forEach((sig, i) => byPosition.set(shard.positions[i], { ...sig, article: local[sig.article] }));
		Object.assign(merged.weights, shard.weights);
	}
	merged.signatures = [...byPosition.entries()].sort(([a], [b]) => a - b).map(([, sig]) => sig);
	return merged;
}
