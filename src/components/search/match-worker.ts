/**
 * Matching off the main thread. The worker fetches the index's directory
 * once, then for each paste only the shards its words need (or the whole
 * index, when a paste needs so many shards that it is the smaller download),
 * and answers with a result. What it downloads to decide holds no titles,
 * summaries or reasons (src/lib/matcher/browser-index.ts): those come after
 * the match, in the display buckets of the articles the result names. The
 * pasted text never leaves the browser: a request names only a shard or
 * bucket number, which depends on nothing but the words of the articles' own
 * error lines found in the paste and the articles found (at most hints at
 * which known errors it holds, never a hostname, path or token of its own).
 *
 * When no error line matches and the text reads as a description or a few
 * search words (prose.ts `textKind`; never for a log), the worker ranks the
 * articles by their prose as the bench does (eval-set.ts `answer`): the
 * ranking code and the prose index (PROSE_INDEX_FILE, one fixed file) are
 * fetched then, and only then.
 */
import { createMatcher, mergeShards, notPossible, PAGE_RESULTS, ruledOutBy, shardsFor, type Matcher, type MatcherIndex, type MatchResult, type Shard } from '../../lib/matcher/index.ts';
import { articlesNamed, displayBucketOf, restoreDerived, restoreWhole, withDisplay, withoutDisplay, type ArticleDisplay, type BrowserDirectory, type BrowserWhole, type DisplayBucket, type SlimSignature } from '../../lib/matcher/browser-index.ts';
import { apiPath, MATCHER_DIRECTORY_FILE, MATCHER_WHOLE_FILE, matcherDisplayFile, matcherShardFile, PROSE_INDEX_FILE } from '../../lib/addresses.ts';
import type { ProseIndex, ProseMatch, ProseRanker, TextKind } from '../../lib/prose.ts';
import { textKind } from '../../lib/text-kind.ts';
import { pasteBoxMessages } from '../../lib/messages.ts';
import { PREFETCH_WHOLE_BYTES } from './paste-limits.ts';

/** Sent when a reader puts the cursor in a paste box: fetch the directory now, before any text arrives (and a small whole index, PREFETCH_WHOLE_BYTES). */
export interface WarmUpRequest {
	warmUp: true;
}

export interface MatchRequest {
	id: number;
	text: string;
	/** The product id the reader chose (registry.ts), or undefined for all: narrows the likely articles. */
	product?: string;
}
/**
 * The answer for one text. `kind`: how it reads. `likely`: present when no
 * error line matched and the text is not a log, the articles its words fit
 * (possibly none); `likelyError` when they could not be ranked.
 * `display`: the result's titles, summaries and reasons are not in it
 * (`withoutDisplay`): `pending` on an early answer, sent as soon as the
 * matcher has the result while its display records load (another answer
 * with the same id follows), or on the final one a note for the reader
 * saying why they could not be loaded (the matches still stand).
 */
export type MatchResponse =
	| {
			id: number;
			result: MatchResult;
			kind: TextKind;
			likely?: ProseMatch[];
			/** With `likely` empty: the closest articles by their words, search results (prose.ts `ProseRanking.closest`). */
			closest?: ProseMatch[];
			/** The text's informative words, for the pages' search (prose.ts `ProseRanking.words`). */
			words?: string[];
			likelyError?: string;
			display?: 'pending' | { note: string };
	  }
	| { id: number; error: string };

/**
 * Fetches one file of the index. A worker's referrer policy comes from its own script's response headers,
 * not from the page's `<meta name="referrer">`, so on a host that does not apply `_headers` its requests
 * would name the worker's address: each request says `no-referrer` itself.
 */
function fetchJson<T>(path: string, what = 'the matcher index'): Promise<T> {
	return fetch(apiPath(path), { referrerPolicy: 'no-referrer' }).then((r) => {
		if (!r.ok) throw new Error(pasteBoxMessages.notLoaded(what, r.status));
		return r.json() as Promise<T>;
	});
}

/** A shard as downloaded: signatures without `tokens`, `parts`, `source` and `unnamedSource` (restoreDerived derives them). */
type Slim<T extends MatcherIndex> = Omit<T, 'signatures'> & { signatures: SlimSignature[] };

let directory: Promise<{ directory: BrowserDirectory; anchors: Set<string> }> | undefined;
const shards = new Map<number, Promise<Shard>>();
let whole: Promise<Matcher> | undefined;
/** The matcher over the shards the last paste needed: typing on in the same text needs the same ones. */
let merged: { key: string; matcher: Matcher } | undefined;

/** The directory of key words, fetched once (on the warm-up, or else with the first text); a failed fetch is tried again. */
function loadDirectory(): Promise<{ directory: BrowserDirectory; anchors: Set<string> }> {
	directory ??= fetchJson<BrowserDirectory>(MATCHER_DIRECTORY_FILE).then((d) => ({ directory: d, anchors: new Set(d.anchors.split('\n')) }));
	directory.catch(() => (directory = undefined));
	return directory;
}

/** The whole browser index's matcher, fetched once (without the weights, lookup words and `apart`, which restoreWhole computes again); a failed fetch is tried again. */
function loadWhole(): Promise<Matcher> {
	whole ??= fetchJson<BrowserWhole>(MATCHER_WHOLE_FILE).then((i) => createMatcher(restoreWhole(i)));
	whole.catch(() => (whole = undefined));
	return whole;
}

async function matcherFor(text: string): Promise<Matcher> {
	const { directory: dir, anchors } = await loadDirectory();
	const needed = shardsFor(text, anchors, dir.shards);
	if (whole || needed.length > dir.wholeAbove) return loadWhole();
	const key = needed.join(',');
	if (merged?.key !== key) {
		for (const n of needed) if (!shards.has(n)) shards.set(n, fetchJson<Slim<Shard>>(matcherShardFile(n)).then((shard) => restoreDerived<Shard>(shard)));
		merged = { key, matcher: createMatcher(mergeShards(await Promise.all(needed.map((n) => shards.get(n)!)), dir.maxWeight)) };
	}
	return merged.matcher;
}

const buckets = new Map<number, Promise<DisplayBucket>>();
/** The numbers of the display buckets already here: a result whose articles are all in them is shown at once. */
const arrived = new Set<number>();

/** Display bucket `n`, fetched once; a failed fetch is tried again on the next text. */
function bucketNumbered(n: number): Promise<DisplayBucket> {
	let bucket = buckets.get(n);
	if (!bucket) {
		buckets.set(n, (bucket = fetchJson<DisplayBucket>(matcherDisplayFile(n), 'the display texts')));
		bucket.then(() => arrived.add(n)).catch(() => buckets.delete(n));
	}
	return bucket;
}

/**
 * The result with its titles, summaries and reasons, from the display buckets
 * of the articles it names. `wait: true` fetches the buckets not here yet
 * (rejecting when one cannot be had); `wait: false` answers only from buckets
 * already here, and undefined when one is missing.
 */
async function displayed(result: MatchResult, wait: true): Promise<MatchResult>;
async function displayed(result: MatchResult, wait: false): Promise<MatchResult | undefined>;
async function displayed(result: MatchResult, wait: boolean): Promise<MatchResult | undefined> {
	const ids = articlesNamed(result);
	if (!ids.length) return result;
	const { directory: dir } = await loadDirectory();
	const numbers = ids.map((id) => displayBucketOf(id, dir.displays));
	if (!wait && numbers.some((n) => !arrived.has(n))) return undefined;
	const got = await Promise.all(numbers.map(bucketNumbered));
	return withDisplay(result, new Map<string, ArticleDisplay>(ids.map((id, i) => [id, got[i][id]])));
}

let prose: Promise<ProseRanker> | undefined;
/** The prose ranker, built once from the prose index; its code and data arrive on the first description or search. */
function proseRanker(): Promise<ProseRanker> {
	prose ??= Promise.all([import('../../lib/prose.ts'), fetchJson<ProseIndex>(PROSE_INDEX_FILE, 'the article descriptions')]).then(([m, index]) =>
		m.createProseRanker(index.docs),
	);
	prose.catch(() => (prose = undefined)); // a failed fetch is tried again on the next text
	return prose;
}

self.addEventListener('message', async (event: MessageEvent<MatchRequest | WarmUpRequest>) => {
	if ('warmUp' in event.data) {
		// A small index comes whole with the cursor, so the paste waits for none (PREFETCH_WHOLE_BYTES); unless a
		// text came first (a paste as the cursor arrives) and its shards are already on their way, which are what
		// it needs: the whole index as well would be fetched for nothing.
		loadDirectory()
			.then(({ directory: dir }) => (dir.wholeBytes <= PREFETCH_WHOLE_BYTES && shards.size === 0 ? loadWhole().then(() => undefined) : undefined))
			.catch(() => undefined);
		return;
	}
	const { id, text, product } = event.data;
	const post = (response: MatchResponse) => (self as unknown as Worker).postMessage(response);
	try {
		const found = (await matcherFor(text)).match(text, { top: PAGE_RESULTS });
		const kind = textKind(text);
		// The answer first: when the display texts the result needs are not here yet, the matches go out
		// at once without them, and again with them once their buckets arrive. When the buckets cannot be
		// had, the matches stand without them (the box links each article by its short ID and id).
		let result = await displayed(found, false);
		let display: { note: string } | undefined;
		if (!result) {
			post({ id, result: withoutDisplay(found), kind, display: 'pending' });
			result = await displayed(found, true).catch((error: Error) => {
				display = { note: pasteBoxMessages.noDisplayTexts(error.message) };
				return withoutDisplay(found);
			});
		}
		let response: MatchResponse = { id, result, kind, ...(display ? { display } : {}) };
		if (result.matches.length === 0 && kind !== 'log') {
			try {
				const ranking = (await proseRanker()).ranking(text, ruledOutBy(result), { product });
				response = { ...response, likely: notPossible(ranking.likely, result), closest: ranking.closest, words: ranking.words };
			} catch (error) {
				response = { ...response, likelyError: (error as Error).message };
			}
		}
		post(response);
	} catch (error) {
		post({ id, error: (error as Error).message });
	}
});
