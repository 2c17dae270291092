/**
 * The real errors the home page offers to try with one click: one error line
 * for each of the first products (registry order) that has an article whose
 * first signature decides alone, so that each example shows a match, not a
 * question. Chosen from the content, never a hand-kept list: the lines are
 * the articles' own `signatures[].line`, verbatim from the upstream reports.
 */
import type { KnowledgeBase } from './knowledge-base.ts';
import { productName } from './registry.ts';

/** How many examples the home page shows (the issue asks for two or three). */
export const HOME_EXAMPLES = 3;

/** An example error line, the product it comes from (its display name) and its article's slug. */
export interface HomeExample {
	line: string;
	product: string;
	article: string;
}

/** Up to HOME_EXAMPLES examples, one per product, each the first decisive signature of an active article. */
export function homeExamples(kb: Pick<KnowledgeBase, 'products'>): HomeExample[] {
	const examples: HomeExample[] = [];
	const used = new Set<string>();
	for (const { id, articles } of kb.products) {
		const article = articles.find(
			(a) => a.data.status === 'active' && !used.has(a.data.id) && a.data.products[0] === id && a.data.signatures[0] && a.data.signatures[0].decisive !== false && a.data.signatures[0].line.length <= 100,
		);
		if (!article) continue;
		used.add(article.data.id);
		examples.push({ line: article.data.signatures[0].line, product: productName(id), article: article.data.id });
		if (examples.length === HOME_EXAMPLES) break;
	}
	return examples;
}
