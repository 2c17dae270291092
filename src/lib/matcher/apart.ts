/**
 * The words that set each error-line signature apart from its neighbours (model.ts `apart`), computed
 * over a whole index: by the compiler, and by the paste box's worker for the whole browser index, which
 * is downloaded without them (browser-index.ts `wholeForBrowser`, `restoreWhole`) since it holds every
 * neighbour and so gives them again exactly. Imports nothing that runs at import time, so the worker's
 * bundle carries only this.
 */
import { isGeneric, type IndexedSignature } from './model.ts';
import { SCORING } from './scoring.ts';

/**
 * Give each error-line signature its `apart` words (model.ts): per neighbour, the words of the
 * signature that the neighbour lacks, placeholders (`#…`) left out. Each list once, and none that
 * holds another whole (a line with a word of the smaller list has one of the larger): the same
 * condition in fewer words, which keeps the index small when many neighbours share words (10,000
 * articles).
 */
export function markApart(signatures: IndexedSignature[]): void {
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
