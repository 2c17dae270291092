/** The site's matcher index, whole and in shards, compiled once per build from the checked articles. */
import { loadArticles, type Article } from './content.ts';
import { compileIndex, shardIndex } from './matcher/build.ts';
import type { MatcherIndex } from './matcher/index.ts';

let cached: { articles: Article[]; index: MatcherIndex; sharded?: ReturnType<typeof shardIndex> } | undefined;

export function siteIndex(root = process.cwd()): MatcherIndex {
	const articles = loadArticles(root);
	if (cached?.articles !== articles) cached = { articles, index: compileIndex(articles.map((a) => a.data)) };
	return cached.index;
}

export function siteShards(root = process.cwd()): ReturnType<typeof shardIndex> {
	const index = siteIndex(root);
	return (cached!.sharded ??= shardIndex(index));
}
