/**
 * Matching off the main thread. The worker fetches the index's directory
 * once, then for each paste only the shards its words need (or the whole
 * index, when a paste needs so many shards that it is the smaller download),
 * and answers with a result. The pasted text never leaves the browser: a
 * request names only a shard number, which depends on nothing but the words
 * of the articles' own error lines found in the paste (at most hints at
 * which known errors it holds, never a hostname, path or token of its own).
 */
import { createMatcher, mergeShards, PAGE_RESULTS, shardsFor, type Matcher, type MatcherIndex, type MatchResult, type Shard, type ShardDirectory } from '../../lib/matcher/index.ts';
import { apiPath, MATCHER_INDEX_FILE } from '../../lib/addresses.ts';

export interface MatchRequest {
	id: number;
	text: string;
}
export type MatchResponse = { id: number; result: MatchResult } | { id: number; error: string };


function fetchJson<T>(path: string): Promise<T> {
	return fetch(apiPath(path)).then((r) => {
		if (!r.ok) throw new Error(`the matcher index could not be loaded (HTTP ${r.status})`);
		return r.json() as Promise<T>;
	});
}

let directory: Promise<{ directory: ShardDirectory; anchors: Set<string> }> | undefined;
const shards = new Map<number, Promise<Shard>>();
let whole: Promise<Matcher> | undefined;
/** The matcher over the shards the last paste needed: typing on in the same text needs the same ones. */
let merged: { key: string; matcher: Matcher } | undefined;

async function matcherFor(text: string): Promise<Matcher> {
	directory ??= fetchJson<ShardDirectory>('matcher/directory.json').then((d) => ({ directory: d, anchors: new Set(d.anchors.split('\n')) }));
	const { directory: dir, anchors } = await directory;
	const needed = shardsFor(text, anchors, dir.shards);
	if (whole || needed.length > dir.wholeAbove) return (whole ??= fetchJson<MatcherIndex>(MATCHER_INDEX_FILE).then(createMatcher));
	const key = needed.join(',');
	if (merged?.key !== key) {
		for (const n of needed) if (!shards.has(n)) shards.set(n, fetchJson<Shard>(`matcher/shard-${n}.json`));
		merged = { key, matcher: createMatcher(mergeShards(await Promise.all(needed.map((n) => shards.get(n)!)), dir.maxWeight)) };
	}
	return merged.matcher;
}

self.addEventListener('message', async (event: MessageEvent<MatchRequest>) => {
	const { id, text } = event.data;
	try {
		const result = (await matcherFor(text)).match(text, { top: PAGE_RESULTS });
		(self as unknown as Worker).postMessage({ id, result } satisfies MatchResponse);
	} catch (error) {
		(self as unknown as Worker).postMessage({ id, error: (error as Error).message } satisfies MatchResponse);
	}
});
