/**
 * Splitting a compiled index into shards, at build time (see shards.ts for
 * how the browser uses them and why the result is the same).
 */
import { gzipSync } from 'node:zlib';
import { keysOf, type MatcherIndex } from './model.ts';
import { MIN_ANCHOR_HITS } from './scoring.ts';
import { shardOf, type Shard, type ShardDirectory } from './shards.ts';
import { wholeForBrowser, withoutDerived } from './browser-index.ts';

/** About this many signatures per shard: a typical paste touches a few shards of a few kilobytes. */
const SIGNATURES_PER_SHARD = 20;

/** Split an index into a directory and its shards. */
export function shardIndex(index: MatcherIndex): { directory: ShardDirectory; shards: Shard[] } {
	const count = Math.max(1, Math.ceil(index.signatures.length / SIGNATURES_PER_SHARD));
	const members = Array.from({ length: count }, () => new Set<number>());
	const anchors = new Set<string>();
	// Only signatures' keys: an article's `excludeWhen` and `when` texts matter only when one of its
	// signatures matched, and a shard holding that signature carries its article whole, texts included.
	// (Keying the texts too made everyday words such as `podman` or `13` fetch shards for nothing.)
	index.signatures.forEach((sig, i) => {
		for (const word of keysOf(sig, MIN_ANCHOR_HITS)) {
			anchors.add(word);
			members[shardOf(word, count)].add(i);
		}
	});
	const shards = members.map((signatures) => partOf(index, [...signatures].sort((x, y) => x - y)));
	// Sizes as the browser downloads them (browser-index.ts): a shard without what it derives again, the whole index without that and what it computes again.
	const shardBytes = shards.reduce((sum, shard) => sum + gzipSync(JSON.stringify(withoutDerived(shard))).length, 0) / count;
	const wholeAbove = Math.floor(gzipSync(JSON.stringify(wholeForBrowser(index))).length / shardBytes);
	return { directory: { version: 1, shards: count, anchors: [...anchors].sort().join('\n'), maxWeight: index.maxWeight, wholeAbove }, shards };
}

/** The index restricted to some signatures, with their articles. */
function partOf(index: MatcherIndex, signatures: number[]): Shard {
	const articles = new Map<number, number>(); // position in index -> position in part
	const part: Shard = { version: 1, articles: [], signatures: [], weights: {}, maxWeight: index.maxWeight, positions: signatures };
	const articleAt = (a: number) => {
		let at = articles.get(a);
		if (at === undefined) {
			articles.set(a, (at = part.articles.length));
			part.articles.push(index.articles[a]);
		}
		return at;
	};
	for (const s of signatures) {
		const sig = index.signatures[s];
		part.signatures.push({ ...sig, article: articleAt(sig.article) });
		for (const t of sig.tokens) part.weights[t] = index.weights[t];
	}
	return part;
}

