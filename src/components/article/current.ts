import type { ArticleData } from '~/lib/article-schema';

/**
 * The front matter of the article being rendered. Article components sit in
 * the MDX body, and Starlight's route data carries the validated entry, so
 * they read it from there instead of taking props that could drift.
 */
export function currentArticle(locals: App.Locals): ArticleData {
	const data = locals.starlightRoute?.entry.data as Partial<ArticleData> | undefined;
	if (!data?.shortId) throw new Error('Article components can only be used in an article under src/content/docs/kb/.');
	return data as ArticleData;
}
