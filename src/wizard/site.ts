/**
 * The wizard as the site's pages see it: the validated tree of the knowledge
 * base's one model (src/lib/knowledge-base.ts).
 */
import { loadKnowledgeBase } from '../lib/knowledge-base.ts';
import type { Article } from '../lib/content.ts';
import type { WizardModel } from '../lib/knowledge-base.ts';
import type { WizardNode } from './schema.ts';
import { plainText } from '../lib/inline-code.ts';
import { choicesOf } from './engine.ts';
import { PRODUCTS, productName, type ProductId } from '../lib/registry.ts';
import { escapeRegExp } from '../lib/matcher/pattern.ts';

/** The tree and its lookups, the articles by slug, and each article's fix anchors (from the knowledge base's one model). */
export function wizard(): WizardModel & { articles: Map<string, Article>; fixes: Map<string, string[]> } {
	const model = loadKnowledgeBase();
	return { ...model.wizard, articles: model.byId, fixes: model.fixes };
}

/**
 * An error check with more answers than this puts the paste box first, open, above its list: comparing a
 * line character by character against 190 wordings (Podman's "Something else", 27 screens on a phone, the
 * session-11 new-user walk) is slower than pasting it. Shorter checks keep the box closed after the list.
 */
export const LONG_ERROR_CHECK = 30;

/** Whether a step is an error check long enough to offer the paste box first (LONG_ERROR_CHECK). */
export function pasteFirst(node: WizardNode): boolean {
	return node.kind === 'error-check' && choicesOf(node).length > LONG_ERROR_CHECK;
}

/** The wizard's maps (src/wizard/map.ts): each map's root step and the branches it draws as one box. */
export function wizardMaps(): Map<string, Set<string>> {
	return loadKnowledgeBase().wizard.maps;
}

/** What a step says, as written (code spans in backticks): a result's short ID and article title, an end's title, a question's prompt. */
export function stepText(node: WizardNode): string {
	const { articles } = wizard();
	return node.kind === 'result' ? `${articles.get(node.article)!.data.shortId}: ${articles.get(node.article)!.data.title}` : node.kind === 'end' ? node.title : node.prompt;
}

/** The text of a step's box on a map: what it says, as plain text (an SVG box cannot hold code spans). */
export function mapLabel(node: WizardNode): string {
	return plainText(stepText(node));
}

/**
 * The maps the site draws: each split map's root (src/wizard/map.ts), and each
 * area the first question leads to (one per kind of task, such as "Running a
 * rootless Podman container"), so that a product page can link to the part of
 * the map about it. Each with the branches it draws as one box: every split
 * branch under it, since each of those has a map of its own.
 */
export function siteMaps(): Map<string, Set<string>> {
	const { tree, byId } = wizard();
	const split = wizardMaps();
	const allBranches = new Set([...split.values()].flatMap((b) => [...b]));
	const maps = new Map(split);
	for (const c of choicesOf(byId.get(tree.start)!)) if (!c.wayOut && !maps.has(c.next)) maps.set(c.next, new Set([...allBranches].filter((b) => b !== c.next)));
	return maps;
}

/**
 * The map for a product's page: the wizard area (an answer of the first question) the product belongs
 * to. An area whose answer names the product ("Running crun by hand", "Another engine (Docker, …)") is
 * the product's own; among several that name it (Buildah: "Podman, buildah or skopeo" and "Running
 * buildah itself"), or when none does, the one whose results name the most of the product's articles as
 * their main product (`products[0]`). Undefined when no area names it and no result does.
 */
export function productMapRoot(product: string): string | undefined {
	const { tree, byId, articles } = wizard();
	const resultsUnder = (id: string): number => {
		const node = byId.get(id)!;
		const own = node.kind === 'result' && articles.get(node.article)!.data.products[0] === product ? 1 : 0;
		return own + choicesOf(node).reduce((sum, c) => sum + resultsUnder(c.next), 0);
	};
	const name = product in PRODUCTS ? productName(product as ProductId) : undefined;
	const naming = name && new RegExp(`(^|[^\\w.-])${escapeRegExp(name)}($|[^\\w-])`, 'i');
	const names = (label: string) => !!naming && naming.test(label);
	const maps = siteMaps();
	const areas = choicesOf(byId.get(tree.start)!).filter((c) => maps.has(c.next));
	const named = areas.filter((c) => names(c.label));
	let best: { id: string; count: number } | undefined;
	for (const c of named.length ? named : areas.filter((a) => !a.wayOut)) {
		const count = resultsUnder(c.next);
		if ((named.length || count > 0) && (!best || count > best.count)) best = { id: c.next, count };
	}
	return best?.id;
}
