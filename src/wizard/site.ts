/**
 * The wizard as the site sees it: the validated tree, loaded once per build
 * from the same files and checks as the build's content check.
 */
import { loadArticles, type Article } from '../lib/content.ts';
import { ContentError } from '../lib/content.ts';
import { checkTreeFile, fixAnchorsOf } from './load.ts';
import type { WizardTree } from './schema.ts';

let cached: { tree: WizardTree; articles: Map<string, Article>; fixes: Map<string, string[]> } | undefined;

/** The tree, the articles by slug, and each article's fix anchors. */
export function wizard() {
	if (cached) return cached;
	const articles = loadArticles(process.cwd());
	const { tree, problems } = checkTreeFile(process.cwd(), articles);
	if (!tree) throw new ContentError(problems);
	cached = { tree, articles: new Map(articles.map((a) => [a.data.id, a])), fixes: fixAnchorsOf(articles) };
	return cached;
}
