/**
 * The wizard as the site's pages see it: the validated tree of the knowledge
 * base's one model (src/lib/knowledge-base.ts).
 */
import { loadKnowledgeBase } from '../lib/knowledge-base.ts';
import type { Article } from '../lib/content.ts';
import type { WizardModel } from '../lib/knowledge-base.ts';
import type { WizardNode } from './schema.ts';
import { plainText } from '../lib/inline-code.ts';

/** The tree and its lookups, the articles by slug, and each article's fix anchors (from the knowledge base's one model). */
export function wizard(): WizardModel & { articles: Map<string, Article>; fixes: Map<string, string[]> } {
	const model = loadKnowledgeBase();
	return { ...model.wizard, articles: model.byId, fixes: model.fixes };
}

/** The wizard's maps (src/wizard/map.ts): each map's root step and the branches it draws as one box. */
export function wizardMaps(): Map<string, Set<string>> {
	return loadKnowledgeBase().wizard.maps;
}

/** The text of a step's box on a map. */
export function mapLabel(node: WizardNode): string {
	const { articles } = wizard();
	const text = node.kind === 'result' ? `${articles.get(node.article)!.data.shortId}: ${articles.get(node.article)!.data.title}` : node.kind === 'end' ? node.title : node.prompt;
	return plainText(text);
}
