/**
 * What the site's paste box downloads for a paste, computed in Node from the
 * same index and the same rules as match-worker.ts: the directory, then the
 * shards the paste's key words need, or the whole index when a paste needs
 * more shards than the directory's `wholeAbove`. Sizes are gzipped, as served: the shards and the
 * whole index as the site writes them (browser-index.ts `withoutDerived`, `wholeForBrowser`).
 */
import { gzipSync } from 'node:zlib';
import { shardIndex } from '../src/lib/matcher/build.ts';
import { shardsFor, type MatcherIndex } from '../src/lib/matcher/index.ts';
import { wholeForBrowser, withoutDerived } from '../src/lib/matcher/browser-index.ts';

const gz = (value: unknown) => gzipSync(JSON.stringify(value)).length;

export function shippedFor(index: MatcherIndex, pastes: readonly string[]) {
	const { directory, shards } = shardIndex(index);
	const shardBytes = shards.map((shard) => gz(withoutDerived(shard)));
	const directoryBytes = gz(directory);
	const anchors = new Set(directory.anchors.split('\n'));
	const fetched = pastes.map((paste) => {
		const needed = shardsFor(paste, anchors, directory.shards);
		if (needed.length > directory.wholeAbove) return { what: 'whole index', bytes: directoryBytes + gz(wholeForBrowser(index)) };
		return { what: `${needed.length} shard${needed.length === 1 ? '' : 's'}`, bytes: directoryBytes + needed.reduce((sum, n) => sum + shardBytes[n], 0) };
	});
	return { shards: shards.length, shardBytes: shardBytes.reduce((a, b) => a + b, 0) / shards.length, directoryBytes, fetched };
}
