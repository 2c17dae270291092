import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkArticles, readArticleSources } from '../../src/lib/content.ts';
import { checkSelfMatch } from '../../src/lib/matcher/index.ts';
import { checkTreeFile } from '../../src/wizard/load.ts';
import { allPaths } from '../../src/wizard/engine.ts';
import { writeSyntheticSite } from '../../bench/synthetic-site.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the synthetic site for benchmarks', () => {
	it('passes every content check, reaches every article in the wizard, and leaves the real content alone', () => {
		const real = readArticleSources(root);
		const site = writeSyntheticSite(120);
		try {
			const { articles, problems } = checkArticles(readArticleSources(site.root));
			expect(problems).toEqual([]);
			expect(articles).toHaveLength(120);
			expect(checkSelfMatch(articles.map((a) => a.data))).toEqual([]);
			const { tree, problems: treeProblems } = checkTreeFile(site.root, articles);
			expect(treeProblems).toEqual([]);
			const reached = new Set(allPaths(tree!).map((p) => p.at));
			for (const a of articles) expect(reached.has(`result-${a.data.id}`)).toBe(true);
			expect(site.steps).toBe(tree!.nodes.length);
		} finally {
			site.remove();
		}
		expect(existsSync(site.root)).toBe(false);
		expect(readArticleSources(root)).toEqual(real);
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
