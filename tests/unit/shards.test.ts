import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { loadArticles } from '../../src/lib/content.ts';
import { loadKnowledgeBase } from '../../src/lib/knowledge-base.ts';
import { compileIndex, shardIndex } from '../../src/lib/matcher/build.ts';
import { createMatcher, mergeShards, shardsFor, type MatchResult } from '../../src/lib/matcher/index.ts';
import { syntheticArticles, syntheticPaste } from '../../bench/synthetic.ts';
import { loadEvalSet } from '../../src/lib/eval-set.ts';
import { isGeneric } from '../../src/lib/matcher/model.ts';
import { SCORING } from '../../src/lib/matcher/scoring.ts';
import { articleSchema, type ArticleData } from '../../src/lib/article-schema.ts';
import { validData } from './fixtures.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const real = loadArticles(root).map((a) => a.data);
const dev = readFileSync(new URL('../fixtures/dev.jsonl', import.meta.url), 'utf8')
	.trim()
	.split('\n')
	.map((l) => JSON.parse(l) as { id: string; text: string });

/** What a reader sees of a result: articles, confidence, matched lines, exclusions. */
const visible = (r: MatchResult) => ({
	ambiguous: r.ambiguous,
	matches: r.matches.map((m) => [m.article.id, m.confidence, m.score, m.kind, m.signature, m.lineNumber, m.supporting.length]),
	excluded: r.excluded.map((e) => e.article.id),
});

/** Match the way the browser does: fetch only the shards the text needs, merge them, match. */
function shardedMatch(sharded: ReturnType<typeof shardIndex>, text: string) {
	const anchors = new Set(sharded.directory.anchors.split('\n'));
	const needed = shardsFor(text, anchors, sharded.directory.shards);
	return { needed, result: createMatcher(mergeShards(needed.map((n) => sharded.shards[n]), sharded.directory.maxWeight)).match(text) };
}

describe('the sharded index', () => {
	it('gives the whole index’s answer for every eval text, on the real articles, near and partial readings included', () => {
		const index = loadKnowledgeBase(root).matcherIndex(); // the model's one compiled index, shared with the other files
		const whole = createMatcher(index);
		const sharded = shardIndex(index);
		const items = loadEvalSet(root);
		expect(items.length).toBeGreaterThan(dev.length);
		const differ = items.filter(({ text }) => JSON.stringify(visible(shardedMatch(sharded, text).result)) !== JSON.stringify(visible(whole.match(text))));
		expect(differ.map((i) => i.id)).toEqual([]);
		// Each line of each text alone too: a near or partial reading stands on one line, with fewer shards fetched.
		const lines = [...new Set(items.flatMap((i) => i.text.split('\n')).filter((l) => l.trim()))];
		const differLines = lines.filter((l) => JSON.stringify(visible(shardedMatch(sharded, l).result)) !== JSON.stringify(visible(whole.match(l))));
		expect(differLines).toEqual([]);
	});

	it('at 10,000 articles, a paste fetches a few shards and gets the whole index’s answer', () => {
		const articles = [...real, ...syntheticArticles(10_000)];
		const index = compileIndex(articles);
		const whole = createMatcher(index);
		const sharded = shardIndex(index);
		expect(sharded.directory.shards).toBeGreaterThan(100);
		const words = [...new Set(articles.flatMap((a) => a.signatures.flatMap((s) => s.line.toLowerCase().match(/[a-z]+/g) ?? [])))];
		// A real article whose first line decides alone (a shared line needs context a synthetic paste lacks).
		const decisive = real.find((a) => a.signatures[0]?.decisive !== false)!;
		for (const [i, article] of [decisive, articles[5000], articles.at(-1)!].entries()) {
			const paste = syntheticPaste(4096, `Nov 23 01:02:03 host app[7]: ${article.signatures[0].line}`, 10 + i, words);
			const { needed, result } = shardedMatch(sharded, paste);
			expect(result.matches[0]?.article.id).toBe(article.id);
			expect(visible(result)).toEqual(visible(whole.match(paste)));
			expect(needed.length).toBeLessThan(sharded.directory.shards / 4);
		}
	});

	it('no specific word of the real articles is held by so many signatures that it stops making neighbours', () => {
		// Past SCORING.maxNeighbourWordSignatures a word makes no neighbour, and a near reading it should refuse would pass.
		const index = loadKnowledgeBase(root).matcherIndex();
		const holders = new Map<string, number>();
		for (const sig of index.signatures) if (!sig.diagnostic) for (const t of sig.tokens) if (!isGeneric(t)) holders.set(t, (holders.get(t) ?? 0) + 1);
		const most = Math.max(...holders.values());
		expect(most).toBeGreaterThan(1);
		expect(most).toBeLessThanOrEqual(SCORING.maxNeighbourWordSignatures);
	});

	it('reads a line as the whole index does when the neighbour that refuses it is in a shard the paste does not fetch', () => {
		// The line's article and its neighbour share three specific words; the neighbour is keyed by words the
		// paste lacks, so its shard stays away. Only the `apart` words carried with the article (compiled over
		// all articles) can then refuse a line that holds the shared words and none of this article's own.
		const article = (id: string, shortId: string, line: string): ArticleData => articleSchema.parse({ ...validData(), id, shortId, signatures: [{ line, where: 'in the tests' }] });
		const own = article('podman-flux-cause', 'FL-0911', 'Error: flux capacitor zorblax: operation not permitted');
		const neighbour = article('podman-kelvin-cause', 'FL-0912', 'Error: flux capacitor zorblax overheated beyond kelvin limit');
		// Other articles, so that the index comes in several shards.
		const index = compileIndex([own, neighbour, ...syntheticArticles(60)]);
		const s = index.signatures.findIndex((sig) => sig.article === 0);
		expect(index.signatures[s].apart).toEqual([['operation', 'not', 'permitted']]);
		const sharded = shardIndex(index);
		const paste = 'flux capacitor zorblax';
		const { needed, result } = shardedMatch(sharded, paste);
		// The paste fetches the article's shard and not its neighbour's: the merged shards lack the neighbour.
		const merged = mergeShards(needed.map((k) => sharded.shards[k]), sharded.directory.maxWeight);
		expect(merged.signatures.some((sig) => sig.line === own.signatures[0].line)).toBe(true);
		expect(merged.signatures.some((sig) => sig.line === neighbour.signatures[0].line)).toBe(false);
		// No answer, whole or sharded: the line holds no word that sets the article apart from its neighbour.
		expect(visible(result)).toEqual(visible(createMatcher(index).match(paste)));
		expect(result.matches).toEqual([]);
	});

	it('a paste without any anchor word needs no shard at all', () => {
		const sharded = shardIndex(loadKnowledgeBase(root).matcherIndex());
		// Everyday words that no signature is keyed by ("nothing" is: multipassd's "Ensure nothing is using port 53").
		const paste = 'a quiet afternoon here\nwith tea and cake';
		const anchors = new Set(sharded.directory.anchors.split('\n'));
		expect(paste.split(/\s+/).filter((w) => anchors.has(w))).toEqual([]);
		expect(shardedMatch(sharded, paste).needed).toEqual([]);
	});
});
