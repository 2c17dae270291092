/**
 * The wizard as the site sees it: the validated tree, loaded once per build
 * from the same files and checks as the build's content check.
 */
import { loadArticles, type Article } from '../lib/content.ts';
import { ContentError } from '../lib/content.ts';
import { checkTreeFile, fixAnchorsOf } from './load.ts';
import { nodesById, parentsOf, type Answer } from './engine.ts';
import { splitMaps } from './map.ts';
import type { WizardNode, WizardTree } from './schema.ts';

interface SiteWizard {
	tree: WizardTree;
	/** The steps by id, and the answer that leads to each: built once, used by every step's page. */
	byId: Map<string, WizardNode>;
	parents: Map<string, Answer>;
	articles: Map<string, Article>;
	fixes: Map<string, string[]>;
}

let cached: SiteWizard | undefined;

/** The tree, its lookups, the articles by slug, and each article's fix anchors. */
export function wizard(): SiteWizard {
	if (cached) return cached;
	const articles = loadArticles(process.cwd());
	const { tree, problems } = checkTreeFile(process.cwd(), articles);
	if (!tree) throw new ContentError(problems);
	cached = {
		tree,
		byId: nodesById(tree),
		parents: parentsOf(tree),
		articles: new Map(articles.map((a) => [a.data.id, a])),
		fixes: fixAnchorsOf(articles),
	};
	return cached;
}

let maps: Map<string, Set<string>> | undefined;

/** The wizard's maps (src/wizard/map.ts): each map's root step and the branches it draws as one box. */
export function wizardMaps(): Map<string, Set<string>> {
	return (maps ??= splitMaps(wizard().tree));
}

/** The text of a step's box on a map. */
export function mapLabel(node: WizardNode): string {
	const { articles } = wizard();
	const text = node.kind === 'result' ? `${articles.get(node.article)!.data.shortId}: ${articles.get(node.article)!.data.title}` : node.kind === 'end' ? node.title : node.prompt;
	return text.replaceAll('`', '');
}
