import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase } from '../../src/lib/knowledge-base.ts';
import { loadEvalSet } from '../../src/lib/eval-set.ts';
import { createMatcher, mergeShards, PAGE_RESULTS, shardsFor, type MatcherIndex, type MatchResult, type Shard } from '../../src/lib/matcher/index.ts';
import { articlesNamed, displayBucketOf, restoreDerived, restoreWhole, splitDisplay, wholeForBrowser, withDisplay, withoutDisplay, withoutDerived, type ArticleDisplay } from '../../src/lib/matcher/browser-index.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const kb = loadKnowledgeBase(root);
const index = kb.matcherIndex();
const { index: slim, buckets } = kb.display();
const texts = loadEvalSet(root).map((i) => i.text);

/** As the page writes a file and the worker reads it back: JSON without tokens, tokens derived again. */
const downloaded = <T extends MatcherIndex>(part: T): T => restoreDerived<T>(JSON.parse(JSON.stringify(withoutDerived(part))));
/** The whole index as the page writes it and the worker reads it back: without `apart` too, computed again. */
const downloadedWhole = (index: MatcherIndex): MatcherIndex => restoreWhole(JSON.parse(JSON.stringify(wholeForBrowser(index))));

/** As the worker fills a result in: only the buckets of the articles it names. */
function display(result: MatchResult): MatchResult {
	const records = new Map<string, ArticleDisplay>(articlesNamed(result).map((id) => [id, buckets[displayBucketOf(id, buckets.length)][id]]));
	return withDisplay(result, records);
}

describe('the browser index, display texts apart', () => {
	it('is, once downloaded and restored, the same index: whole and every shard, each signature’s parts, sources and tokens derived again', () => {
		expect(downloadedWhole(slim)).toEqual(slim);
		for (const shard of kb.shards().shards) expect(downloaded<Shard>(shard)).toEqual(shard);
		// The whole index's `apart` lists are computed again in the worker, so they are exercised: many signatures have them.
		expect(slim.signatures.filter((s) => s.apart).length).toBeGreaterThan(50);
		// So are the weights, the lookup words and the context texts' anchors: the whole download has none, the index has them.
		const written = wholeForBrowser(slim);
		expect(written).not.toHaveProperty('weights');
		expect(written.signatures.some((s) => 'anchors' in s || 'phrase' in s || 'apart' in s)).toBe(false);
		expect(written.articles.some((a) => [...a.exclusions, ...a.contexts].some((e) => 'anchor' in e))).toBe(false);
		expect(slim.signatures.filter((s) => s.phrase).length).toBeGreaterThan(0);
		// And `article` and `decisive` where they go without saying: both kinds are written, both are read back.
		expect(written.signatures.filter((s) => s.article === undefined).length).toBeGreaterThan(written.signatures.length / 2);
		expect(written.signatures.some((s) => s.decisive === false && s.diagnostic === undefined)).toBe(true);
		expect(written.signatures.some((s) => s.decisive === undefined && s.diagnostic !== undefined)).toBe(true);
		// A line that holds its pattern's text verbatim comes as what stands around and in its holes; one that does not, whole.
		expect(written.signatures.filter((s) => s.fill).length).toBeGreaterThan(slim.signatures.filter((s) => s.pattern).length / 2);
		expect(written.signatures.some((s) => s.pattern && s.line)).toBe(true);
		expect(slim.articles.filter((a) => a.contexts.length && a.exclusions.length).length).toBeGreaterThan(5);
		// The derived fields do exist, so the restoring is exercised: holes, a runtime's older wording, whole values.
		expect(slim.signatures.filter((s) => s.pattern).length).toBeGreaterThan(slim.signatures.length / 2);
		expect(slim.signatures.some((s) => s.unnamedSource)).toBe(true);
		expect(slim.signatures.some((s) => s.diagnostic && s.pattern)).toBe(true);
	});

	it('gives the compiled index’s whole result, titles and reasons included, for every eval text, whole or sharded', () => {
		const full = createMatcher(index);
		const whole = createMatcher(downloadedWhole(slim));
		const { directory, shards } = kb.shards();
		const anchors = new Set(directory.anchors.split('\n'));
		const fetched = shards.map((s) => downloaded<Shard>(s));
		let named = 0;
		for (const text of texts) {
			const expected = full.match(text, { top: PAGE_RESULTS });
			named += articlesNamed(expected).length;
			expect(display(whole.match(text, { top: PAGE_RESULTS }))).toEqual(expected);
			const needed = shardsFor(text, anchors, directory.shards);
			expect(display(createMatcher(mergeShards(needed.map((n) => fetched[n]), directory.maxWeight)).match(text, { top: PAGE_RESULTS }))).toEqual(expected);
		}
		expect(named).toBeGreaterThan(texts.length / 2); // the texts do name articles, so the display is exercised
	});

	it('downloads to decide no title, summary or reason, and every article’s display once', () => {
		const json = JSON.stringify(wholeForBrowser(slim));
		for (const a of index.articles) {
			expect(json).not.toContain(JSON.stringify(a.title));
			expect(json).not.toContain(JSON.stringify(a.summary));
			for (const e of [...a.exclusions, ...a.contexts]) expect(json).not.toContain(JSON.stringify(e.why));
		}
		const ids = buckets.flatMap((b) => Object.keys(b));
		expect(ids.sort()).toEqual(index.articles.map((a) => a.id).sort());
		for (const field of ['tokens', 'parts', 'source', 'unnamedSource', 'apart']) expect(json).not.toContain(`"${field}"`);
		// A shard does carry `apart`: it lacks the neighbours to compute it from.
		expect(kb.shards().shards.some((s) => JSON.stringify(withoutDerived(s)).includes('"apart"'))).toBe(true);
	});

	it('without its display texts, a result keeps its answer (ids, short IDs, lines) and shows no reference', () => {
		const whole = createMatcher(downloadedWhole(slim));
		let references = 0;
		for (const text of texts) {
			const slimResult = whole.match(text, { top: PAGE_RESULTS });
			references += (JSON.stringify(slimResult).match(/"@\d+"/g) ?? []).length;
			const bare = withoutDisplay(slimResult);
			expect(JSON.stringify(bare)).not.toMatch(/"@\d+"/);
			const answer = (r: MatchResult) => ({
				matches: r.matches.map((m) => [m.article.id, m.article.shortId, m.confidence, m.score, m.lineNumber, m.matchedLine, m.signature]),
				excluded: r.excluded.map((e) => [e.article.id, e.article.shortId, e.matchedLine]),
				ambiguous: r.ambiguous,
			});
			expect(answer(bare)).toEqual(answer(display(slimResult)));
		}
		expect(references).toBeGreaterThan(0); // the slim results do carry references, so their removal is exercised
	});

	it('refuses a reason that reads as a reference', () => {
		const a = index.articles.find((x) => x.exclusions.length)!;
		const broken = { ...index, articles: index.articles.map((x) => (x === a ? { ...x, exclusions: [{ ...x.exclusions[0], why: '@0' }] } : x)) };
		expect(() => splitDisplay(broken)).toThrow(/reads as a display reference/);
	});
});
