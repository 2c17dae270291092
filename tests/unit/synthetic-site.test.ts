import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkArticles, readArticleSources } from '../../src/lib/content.ts';
import { checkSelfMatch } from '../../src/lib/matcher/build.ts';
import { checkTreeFile } from '../../src/wizard/load.ts';
import { allPaths } from '../../src/wizard/engine.ts';
import { writeSyntheticSite } from '../../bench/synthetic-site.ts';
import { layoutMap, splitMaps } from '../../src/wizard/map.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the synthetic site for benchmarks', () => {
	// One site of 120 articles, written and checked once for the two tests that read it (writing and
	// checking it was most of this file's time), removed after them.
	const real = readArticleSources(root);
	let site: ReturnType<typeof writeSyntheticSite>;
	let checked: ReturnType<typeof checkArticles>;
	beforeAll(() => {
		site = writeSyntheticSite(120);
		checked = checkArticles(readArticleSources(site.root));
	});
	afterAll(() => {
		site.remove();
		expect(existsSync(site.root)).toBe(false);
		expect(readArticleSources(root)).toEqual(real);
	});

	it('passes every content check, reaches every article in the wizard, and leaves the real content alone', () => {
		const { articles, problems } = checked;
		expect(problems).toEqual([]);
		expect(articles).toHaveLength(120);
		expect(checkSelfMatch(articles.map((a) => a.data))).toEqual([]);
		const { tree, problems: treeProblems } = checkTreeFile(site.root, articles);
		expect(treeProblems).toEqual([]);
		const reached = new Set(allPaths(tree!).map((p) => p.at));
		for (const a of articles) expect(reached.has(`result-${a.data.id}`)).toBe(true);
		expect(site.steps).toBe(tree!.nodes.length);
		// Writing the site left the real content as it was (its removal is checked after the last test).
		expect(readArticleSources(root)).toEqual(real);
	});

	it('splits a big wizard map into maps of at most the limit, which together draw every step once', () => {
		const tree = checkTreeFile(site.root, checked.articles).tree!;
		const maps = splitMaps(tree, 40);
		expect(maps.size).toBeGreaterThan(3);
		const drawn: string[] = [];
		for (const [root, branches] of maps) {
			const map = layoutMap(tree, (n) => n.id, root, branches);
			expect(map.boxes.length).toBeLessThanOrEqual(40);
			// A branch box stands for the branch's own map, whose root draws it as a step.
			for (const b of map.boxes) {
				if (b.branch) expect(maps.has(b.id)).toBe(true);
				else drawn.push(b.id);
			}
		}
		expect(drawn.sort()).toEqual(tree.nodes.map((n) => n.id).sort());
		expect(splitMaps(tree, 10_000).size).toBe(1);
	});

	it('writes the same articles for the same seed, so runs compare', () => {
		const [a, b] = [writeSyntheticSite(5), writeSyntheticSite(5)];
		try {
			expect(readArticleSources(a.root)).toEqual(readArticleSources(b.root));
		} finally {
			a.remove();
			b.remove();
		}
	});
});
