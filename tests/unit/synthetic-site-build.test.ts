import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeSyntheticSite } from '../../bench/synthetic-site.ts';
import { measureBuild } from '../../bench/build.ts';
import { loadArticles } from '../../src/lib/content.ts';
import type { WizardJumps } from '../../src/wizard/engine.ts';
import { checkTreeFile } from '../../src/wizard/load.ts';
import { splitMaps } from '../../src/wizard/map.ts';
import { PREFETCH_WHOLE_BYTES } from '../../src/components/search/paste-limits.ts';

/**
 * A real build of a generated site just big enough for the parts that only show at scale: 215 articles
 * of seed 59 give the biggest product 104 articles (more than the 100 of a product page, so a second page)
 * and the wizard 461 steps (more than the 300 of one map). It was 400 articles, then 250 of seed 1 (105
 * and 546); the build is most of the unit tests' time, and nothing here needs more. bench/synthetic.ts
 * gives each article a product at random, so the seed decides the biggest product: of seeds 1 to 300, none
 * passes 100 articles with 190 to 205 of them, seed 59 first with 210 (101) and 215 (104, the margin the
 * test had). The test asserts both margins, so a change to the generator that loses either fails here.
 */
const ARTICLES = 215;
const SEED = 59;

describe(`a generated site of ${ARTICLES} articles (seed ${SEED})`, () => {
	it('builds, with paged product lists, the index in shards and the wizard’s jump table', async () => {
		const site = writeSyntheticSite(ARTICLES, SEED);
		try {
			const build = await measureBuild(site.root);
			const dist = join(site.root, 'dist');
			expect(build.pages).toBeGreaterThan(ARTICLES * 3);
			// Read and checked once here, for the counts below and the wizard tree's check.
			const read = loadArticles(site.root);
			const articles = read.map((a) => a.data);

			// Every product with more than a hundred articles continues on /products/<id>/2/.
			const counts = new Map<string, number>();
			for (const a of articles) counts.set(a.products[0], (counts.get(a.products[0]) ?? 0) + 1);
			const [big, count] = [...counts].sort((x, y) => y[1] - x[1])[0];
			expect(count).toBeGreaterThan(100);
			const first = readFileSync(join(dist, 'products', big, 'index.html'), 'utf8');
			expect(first).toContain(`href="/products/${big}/2/" rel="next"`);
			const second = readFileSync(join(dist, 'products', big, '2', 'index.html'), 'utf8');
			expect(second.match(/<li data-article=/g)?.length).toBe(Math.min(100, count - 100));

			// The matcher index: a directory and its shards; no page embeds the wizard tree.
			const directory = JSON.parse(readFileSync(join(dist, 'api/v1/matcher/directory.json'), 'utf8'));
			expect(readdirSync(join(dist, 'api/v1/matcher')).filter((f) => f.startsWith('shard-'))).toHaveLength(directory.shards);
			// The display texts in their buckets; the directory gives the whole index's size as written, which decides
			// whether the cursor fetches it (paste-limits.ts): 24.9 KB here since the whole index leaves out what the worker computes.
			expect(readdirSync(join(dist, 'api/v1/matcher/display'))).toHaveLength(directory.displays);
			expect(directory.wholeBytes).toBe(gzipSync(readFileSync(join(dist, 'api/v1/matcher/whole.json'))).length);
			expect(directory.wholeBytes).toBeLessThan(PREFETCH_WHOLE_BYTES);
			const jumps = JSON.parse(readFileSync(join(dist, 'wizard/jumps.json'), 'utf8')) as WizardJumps;
			expect(Object.keys(jumps.results).sort()).toEqual(articles.map((a) => a.id).sort());
			expect(readFileSync(join(dist, 'wizard/start/index.html'), 'utf8').length).toBeLessThan(60_000);

			// The wizard map comes in maps of at most 300 steps, each a page.
			const tree = checkTreeFile(site.root, read).tree!;
			const maps = splitMaps(tree);
			expect(maps.size).toBeGreaterThan(1);
			for (const root of maps.keys()) {
				const file = root === tree.start ? join(dist, 'wizard/map/index.html') : join(dist, 'wizard/map', root, 'index.html');
				expect(readFileSync(file, 'utf8').match(/class="box /g)!.length).toBeLessThanOrEqual(300);
			}

			// Search indexes the articles and nothing else.
			expect(existsSync(join(dist, 'pagefind/pagefind-entry.json'))).toBe(true);
			const entry = JSON.parse(readFileSync(join(dist, 'pagefind/pagefind-entry.json'), 'utf8'));
			expect(Object.values(entry.languages as Record<string, { page_count: number }>)[0].page_count).toBe(ARTICLES);
		} finally {
			site.remove();
		}
	});
});
