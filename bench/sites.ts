/**
 * Whole-site figures: the real site and synthetic sites of N articles, each
 * built from scratch, served with gzip, and loaded in Chromium.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadArticles } from '../src/lib/content.ts';
import { compileIndex } from '../src/lib/matcher/build.ts';
import { createMatcher } from '../src/lib/matcher/index.ts';
import { articlePath, SEARCH_PATH, wizardStepPath } from '../src/lib/addresses.ts';
import { checkTreeFile } from '../src/wizard/load.ts';
import type { ArticleData } from '../src/lib/article-schema.ts';
import type { BodyFormat } from '../src/lib/markdown.ts';
import { ensureBrowser, launchArgs } from '../scripts/browser.ts';
import { measureBuild, type BuildFigures } from './build.ts';
import { firstLoad, launch, queryTransfer, type Transfer } from './page-weight.ts';
import { lighthouseScores, type Scores } from './lighthouse.ts';
import { serve } from './serve.ts';
import { writeSyntheticSite } from './synthetic-site.ts';
import { syntheticPaste } from './synthetic.ts';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));

export interface SiteFigures {
	label: string;
	articles: number;
	build: BuildFigures;
	home: Transfer;
	article: Transfer;
	step: Transfer;
	query: { text: string } & Transfer;
	matcher: { paste1k: number; paste1m: number };
	lighthouse?: { page: string; scores: Scores }[];
}

/** The pages measured on every site: home, the middle article, the first error-check step of the wizard. */
function pagesOf(root: string): { articles: ArticleData[]; article: ArticleData; step: string } {
	const articles = loadArticles(root).map((a) => a.data);
	// The middle article that prints an error of its own, for the paste figures.
	const quotable = articles.filter((a) => a.signatures.some((s) => s.decisive));
	const article = quotable[Math.floor(quotable.length / 2)];
	const tree = checkTreeFile(root, loadArticles(root)).tree!;
	const step = tree.nodes.find((n) => n.kind === 'error-check')!.id;
	return { articles, article, step };
}

/** A query a reader might type for an article: two specific words of its title. */
function queryFor(article: ArticleData): string {
	const words = article.title.toLowerCase().match(/[a-z][a-z0-9]{3,}/g) ?? [];
	return words.filter((w) => !['synthetic', 'failure', 'when', 'meets', 'after', 'with', 'there'].includes(w)).slice(-2).join(' ');
}

async function measureSite(label: string, root: string, withLighthouse: boolean): Promise<SiteFigures> {
	const build = await measureBuild(root);
	const { articles, article, step } = pagesOf(root);
	const server = await serve(join(root, 'dist'));
	const executablePath = await ensureBrowser();
	const browser = await launch(executablePath, launchArgs());
	try {
		const urls = { home: `${server.url}/`, article: `${server.url}${articlePath(article.id)}`, step: `${server.url}${wizardStepPath(step)}` };
		const query = queryFor(article);
		const figures: SiteFigures = {
			label,
			articles: articles.length,
			build,
			home: await firstLoad(browser, urls.home),
			article: await firstLoad(browser, urls.article),
			step: await firstLoad(browser, urls.step),
			query: { text: query, ...(await queryTransfer(browser, `${server.url}${SEARCH_PATH}`, query)) },
			matcher: matcherLatency(articles, article),
		};
		if (withLighthouse) {
			const scores = await lighthouseScores(executablePath, launchArgs(), [urls.home, urls.article, urls.step]);
			figures.lighthouse = [
				{ page: 'home', scores: scores[0] },
				{ page: `article ${articlePath(article.id)}`, scores: scores[1] },
				{ page: `wizard step ${wizardStepPath(step)}`, scores: scores[2] },
			];
		}
		return figures;
	} finally {
		await browser.close();
		await server.close();
	}
}

/** Median milliseconds to match a 1 KB and a 1 MB journal-style paste ending in one of the article's lines. */
function matcherLatency(articles: readonly ArticleData[], article: ArticleData): { paste1k: number; paste1m: number } {
	const matcher = createMatcher(compileIndex(articles));
	const needle = `Nov 23 01:02:03 host app[42]: ${article.signatures.find((s) => s.decisive)!.line}`;
	const words = [...new Set(articles.flatMap((a) => a.signatures.flatMap((s) => s.line.toLowerCase().match(/[a-z]+/g) ?? [])))];
	const time = (text: string, runs: number) => {
		if (!matcher.match(text).matches.some((m) => m.article.id === article.id)) throw new Error(`the paste did not find ${article.id}`);
		const ms: number[] = [];
		for (let i = 0; i < runs; i++) {
			const t = performance.now();
			matcher.match(text);
			ms.push(performance.now() - t);
		}
		return ms.sort((a, b) => a - b)[Math.floor(runs / 2)];
	};
	return { paste1k: time(syntheticPaste(1024, needle, 2, words), 51), paste1m: time(syntheticPaste(1024 * 1024, needle, 2, words), 9) };
}

/** The real site, then a synthetic site per size; each temporary copy is removed after it is measured. */
export async function measureSites(sizes: readonly number[], options: { lighthouse: boolean; log: (line: string) => void }): Promise<SiteFigures[]> {
	const all: SiteFigures[] = [];
	options.log('Building and measuring the real site...');
	all.push(await measureSite('real', PROJECT, options.lighthouse));
	for (const n of sizes) {
		options.log(`Generating and building a synthetic site of ${n.toLocaleString('en')} articles...`);
		const site = writeSyntheticSite(n);
		try {
			all.push(await measureSite('synthetic', site.root, options.lighthouse && n === Math.max(...sizes)));
		} finally {
			site.remove();
		}
	}
	return all;
}

/** One build of the same synthetic articles in one format. */
export interface FormatFigures {
	format: BodyFormat;
	articles: number;
	build: BuildFigures;
}

/**
 * What MDX costs: the same N synthetic articles (same seed, same text) built
 * once as `.md` and once as `.mdx`, each MDX article importing and showing one
 * article component; each copy built from scratch and removed after.
 */
export async function measureFormats(n: number, log: (line: string) => void): Promise<FormatFigures[]> {
	const all: FormatFigures[] = [];
	for (const format of ['md', 'mdx'] as const) {
		log(`Generating and building ${n.toLocaleString('en')} synthetic articles as .${format}...`);
		const site = writeSyntheticSite(n, 1, format);
		try {
			all.push({ format, articles: n, build: await measureBuild(site.root) });
		} finally {
			site.remove();
		}
	}
	return all;
}
