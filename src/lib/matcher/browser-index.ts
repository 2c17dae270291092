/**
 * The index as the paste box downloads it: what decides a match apart from
 * what is only shown (issue 17). Deciding needs the patterns, anchors,
 * weights and the `when`/`excludeWhen` texts; an article's title and
 * summary and the reasons (`why`) shown beside a context, an exclusion or a
 * diagnostic are needed only for the few articles a result names. So the
 * shards and the whole index the browser fetches carry, in place of each
 * `why`, a reference `@<n>` into its article's display record, and no title
 * or summary. Nor do they carry what the browser derives again, with the
 * compiler's own functions: a signature's `parts`, `source` and
 * `unnamedSource` (from its pattern or line, pattern.ts `signatureForm`) and
 * its `tokens` (from the parts). The display records come in small numbered
 * buckets, fetched for the articles of a result only; a request names a
 * bucket number, never an article (nor anything of the paste).
 *
 * The whole index (not the shards) also leaves out what is computed over
 * a whole index from its signatures, and the worker computes again after
 * `restoreDerived` (`restoreWhole`), with the compiler's own functions: the
 * word `weights` (lookup.ts `wordWeights`), each signature's `anchors` and
 * `phrase` (`lookupOf`), each `when`/`excludeWhen` text's `anchor`
 * (`contextAnchor`) and each signature's `apart` words (apart.ts). That
 * keeps the download that comes with the cursor small (PREFETCH_WHOLE_BYTES).
 * A shard cannot: it holds only some signatures, and the weights of theirs.
 *
 * `restoreDerived` (`restoreWhole`) and `withDisplay` undo the split exactly: the restored
 * index equals the split one, and matching it and filling in the display
 * gives the same result as matching the whole compiled index
 * (tests/unit/browser-index.test.ts, on every eval text).
 */
import type { IndexedArticle, IndexedSignature, MatcherIndex } from './model.ts';
import type { Match, MatchResult } from './match.ts';
import { tokensOf } from './normalize.ts';
import { fillsOf, lineFrom, signatureForm } from './pattern.ts';
import { markApart } from './apart.ts';
import { contextAnchor, lookupOf, wordWeights } from './lookup.ts';
import { shardOf, type ShardDirectory } from './shards.ts';
import { buildMessages, pasteBoxMessages } from '../messages.ts';

/** What the paste box shows of one article and nothing decides with: title, summary and its reasons, in reference order. */
export interface ArticleDisplay {
	title: string;
	summary: string;
	/** The `why` texts the slim index refers to as `@0`, `@1`, …: exclusions, then contexts, then diagnostic signatures, as they stand in the index. */
	whys: string[];
}

/** A bucket of display records, by article id. */
export type DisplayBucket = Record<string, ArticleDisplay>;

/**
 * About this many articles per display bucket (buckets are by hash, so some hold more): a result names one
 * to a few articles, and fetches each one's whole bucket, about 0.8 KB gzipped at 2 (1.5 KB at 4; the
 * bench's 4 KB log names 4 articles: 3.8 KB of display texts at 2, 6.3 KB at 4, 102 articles). A request
 * names a bucket, so a bucket of 2 says which known error a result holds to within about 2 articles.
 */
const ARTICLES_PER_BUCKET = 2;

/** What a signature's pattern (or line) and its parts give again, so the download leaves it out. */
type Derived = 'tokens' | 'parts' | 'source' | 'unnamedSource';

/**
 * A signature as the browser downloads it: without what `restoreDerived` derives again, `article` only when
 * it is not the previous signature's (signatures come article by article), `decisive` only when it is
 * not what a signature of its kind is by default (true for an error line, false for diagnostic output),
 * and its line as `fill` when its pattern holds most of it.
 */
export type SlimSignature = Omit<IndexedSignature, Derived | 'article' | 'decisive' | 'line'> & {
	article?: number;
	decisive?: boolean;
	/** The line, unless it holds its pattern's literal text verbatim: then `fill`, what stands around and in the holes (pattern.ts `fillsOf`). */
	line?: string;
	fill?: string[];
};

/** The bucket an article's display record is in (the same FNV-1a hash as the shards). */
export function displayBucketOf(articleId: string, buckets: number): number {
	return shardOf(articleId, buckets);
}

const REF = /^@(\d+)$/;

/**
 * Split a compiled index: the same index with each `why` replaced by its
 * reference and titles and summaries emptied (tokens kept, for sharding; drop
 * what is derived with `withoutDerived` when writing), and the display records in
 * `buckets` buckets. Throws when a `why` text already reads as a reference.
 */
export function splitDisplay(index: MatcherIndex): { index: MatcherIndex; buckets: DisplayBucket[] } {
	const count = Math.max(1, Math.ceil(index.articles.length / ARTICLES_PER_BUCKET));
	const buckets: DisplayBucket[] = Array.from({ length: count }, () => ({}));
	const displays = index.articles.map((a): ArticleDisplay => ({ title: a.title, summary: a.summary, whys: [] }));
	const ref = (article: number, why: string) => {
		if (REF.test(why)) throw new Error(buildMessages.displayReferenceInWhy(index.articles[article].id, why));
		return `@${displays[article].whys.push(why) - 1}`;
	};
	const articles = index.articles.map(
		(a, i): IndexedArticle => ({
			...a,
			title: '',
			summary: '',
			exclusions: a.exclusions.map((e) => ({ ...e, why: ref(i, e.why) })),
			contexts: a.contexts.map((c) => ({ ...c, why: ref(i, c.why) })),
		}),
	);
	const signatures = index.signatures.map((s) => (s.why === undefined ? s : { ...s, why: ref(s.article, s.why) }));
	index.articles.forEach((a, i) => (buckets[displayBucketOf(a.id, count)][a.id] = displays[i]));
	return { index: { ...index, articles, signatures }, buckets };
}

/** An index (or shard) as written for the browser: the same, its signatures as SlimSignature, without `tokens`, `parts`, `source` and `unnamedSource`, and `article` and `decisive` where they go without saying. */
export function withoutDerived<T extends MatcherIndex>(index: T): Omit<T, 'signatures'> & { signatures: SlimSignature[] } {
	return {
		...index,
		signatures: index.signatures.map(({ tokens: _t, parts: _p, source: _s, unnamedSource: _u, article, decisive, line, ...rest }, i, all) => {
			const fill = rest.pattern === undefined ? undefined : fillsOf(line, rest.pattern);
			return {
				...(i > 0 && all[i - 1].article === article ? {} : { article }),
				...(decisive === (rest.diagnostic === undefined) ? {} : { decisive }),
				...(fill ? { fill } : { line }),
				...rest,
			};
		}),
	};
}

/**
 * An index (or shard) as downloaded, each signature with what the compiler derived put back: `parts`,
 * `source` and `unnamedSource` from its pattern, or its line when it has none (signatureForm, as
 * compile.ts calls it), `tokens`, the distinct words of the parts, and the `article`, `decisive` and
 * `line` (from `fill`) that `withoutDerived` left out.
 */
export function restoreDerived<T extends MatcherIndex>(index: Omit<T, 'signatures'> & { signatures: SlimSignature[] }): T {
	return { ...index, signatures: restoreForms(index.signatures).signatures } as unknown as T;
}

/** Signatures as restoreDerived gives them back (`article` and `decisive` filled in), and each one's `glued` ends (pattern.ts `signatureForm`), which its lookup words are computed from. */
function restoreForms(slim: readonly SlimSignature[]): { signatures: IndexedSignature[]; glues: [boolean, boolean][][] } {
	const glues: [boolean, boolean][][] = [];
	let article = 0;
	const signatures = slim.map(({ fill, ...s }): IndexedSignature => {
		const line = fill ? lineFrom(s.pattern!, fill) : s.line!;
		const { parts, source, unnamedSource, glued } = signatureForm(s.pattern ?? line, s.diagnostic !== undefined);
		glues.push(glued);
		article = s.article ?? article;
		return { ...s, article, line, decisive: s.decisive ?? s.diagnostic === undefined, parts, source, ...(unnamedSource ? { unnamedSource } : {}), tokens: [...new Set(parts.flatMap(tokensOf))] };
	});
	return { signatures, glues };
}

/** What the whole browser index leaves out of a SlimSignature too: what is computed over the whole index. */
type WholeDerived = 'anchors' | 'phrase' | 'apart';

/** A `when` or `excludeWhen` text as the whole browser index has it: without its `anchor`. */
type WholeContext = Omit<IndexedArticle['contexts'][number], 'anchor'>;

/** The whole browser index as written (`wholeForBrowser`): no `weights`, and its articles' texts and its signatures without what restoreWhole computes again. */
export type BrowserWhole = Omit<MatcherIndex, 'signatures' | 'weights' | 'articles'> & {
	articles: (Omit<IndexedArticle, 'exclusions' | 'contexts'> & { exclusions: WholeContext[]; contexts: WholeContext[] })[];
	signatures: Omit<SlimSignature, WholeDerived>[];
};

/**
 * The whole browser index as written (/api/v1/matcher/whole.json, and the size in the directory): `withoutDerived`,
 * and none of what restoreWhole computes over it: the `weights`, each signature's `anchors`, `phrase` and `apart`,
 * and the `anchor` of each `when` and `excludeWhen` text.
 */
export function wholeForBrowser(index: MatcherIndex): BrowserWhole {
	const { weights: _w, ...slim } = withoutDerived(index);
	const text = ({ anchor: _a, ...rest }: IndexedArticle['contexts'][number]): WholeContext => rest;
	return {
		...slim,
		articles: slim.articles.map((a) => ({ ...a, exclusions: a.exclusions.map(text), contexts: a.contexts.map(text) })),
		signatures: slim.signatures.map(({ anchors: _a, phrase: _p, apart: _x, ...rest }) => rest),
	};
}

/**
 * The whole browser index as downloaded (`wholeForBrowser`) made whole again, as the compiler computes it
 * (compile.ts): `restoreDerived`; the word weights from the words of each article's signatures
 * (`wordWeights`; the index holds every article); each signature's anchors or phrase (`lookupOf`); each
 * `when`/`excludeWhen` text's anchor (`contextAnchor`, with the index's `maxWeight`); then each signature's
 * `apart` (apart.ts `markApart`).
 */
export function restoreWhole(whole: BrowserWhole): MatcherIndex {
	const { signatures, glues } = restoreForms(whole.signatures.map((s) => ({ ...s, anchors: [] })));
	const words = whole.articles.map(() => new Set<string>());
	for (const s of signatures) for (const t of s.tokens) words[s.article].add(t);
	const weights = wordWeights(words);
	signatures.forEach((s, i) => Object.assign(s, lookupOf(s, glues[i], weights)));
	markApart(signatures);
	const text = (e: WholeContext) => ({ ...e, anchor: contextAnchor(e.text, weights, whole.maxWeight) });
	return {
		...whole,
		signatures,
		articles: whole.articles.map((a) => ({ ...a, exclusions: a.exclusions.map(text), contexts: a.contexts.map(text) })),
		weights,
	};
}

/** The ids of the articles a result names (its matches, possible causes and exclusions): the display records it needs. */
export function articlesNamed(result: MatchResult): string[] {
	return [...new Set([...result.matches.map((m) => m.article.id), ...result.possible.map((p) => p.article.id), ...result.excluded.map((e) => e.article.id)])];
}

/**
 * A result of the slim index with its display filled in from `display` (by
 * article id; every article the result names must be there): titles,
 * summaries and each `why` reference replaced by its text (in the
 * articles' own exclusions and contexts too).
 */
export function withDisplay(result: MatchResult, display: ReadonlyMap<string, ArticleDisplay>): MatchResult {
	const of = (id: string) => {
		const d = display.get(id);
		if (!d) throw new Error(pasteBoxMessages.noDisplayRecord(id));
		return d;
	};
	const why = (id: string, text: string) => {
		const m = REF.exec(text);
		return m ? of(id).whys[Number(m[1])] : text;
	};
	const article = (a: IndexedArticle): IndexedArticle => ({
		...a,
		title: of(a.id).title,
		summary: of(a.id).summary,
		exclusions: a.exclusions.map((e) => ({ ...e, why: why(a.id, e.why) })),
		contexts: a.contexts.map((c) => ({ ...c, why: why(a.id, c.why) })),
	});
	return {
		...result,
		matches: result.matches.map((m): Match => ({ ...m, article: article(m.article), ...(m.context ? { context: { ...m.context, why: why(m.article.id, m.context.why) } } : {}) })),
		possible: result.possible.map((p) => ({ ...p, article: article(p.article) })),
		excluded: result.excluded.map((e) => ({ ...e, article: article(e.article), why: why(e.article.id, e.why) })),
	};
}

/**
 * A result of the slim index shown without its display records (while they load, or when they could not
 * be had): what the result already holds stays (article ids, short IDs, matched and signature lines), and
 * each `why` reference becomes an empty text, so that no `@<n>` reaches the page. Titles and summaries
 * stay as the slim index has them (empty); the paste box then labels an article by its id.
 */
export function withoutDisplay(result: MatchResult): MatchResult {
	const why = (text: string) => (REF.test(text) ? '' : text);
	const article = (a: IndexedArticle): IndexedArticle => ({
		...a,
		exclusions: a.exclusions.map((e) => ({ ...e, why: why(e.why) })),
		contexts: a.contexts.map((c) => ({ ...c, why: why(c.why) })),
	});
	return {
		...result,
		matches: result.matches.map((m): Match => ({ ...m, article: article(m.article), ...(m.context ? { context: { ...m.context, why: why(m.context.why) } } : {}) })),
		possible: result.possible.map((p) => ({ ...p, article: article(p.article) })),
		excluded: result.excluded.map((e) => ({ ...e, article: article(e.article), why: why(e.why) })),
	};
}

/** The directory as the browser reads it: the shards' (shards.ts) and how many display buckets there are. */
export interface BrowserDirectory extends ShardDirectory {
	displays: number;
	/** The whole browser index's size as written (`wholeForBrowser`), gzipped, in bytes: the worker fetches it early when it is small. */
	wholeBytes: number;
}
