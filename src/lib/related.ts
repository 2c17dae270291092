/**
 * Related failures, generated from shared products and subsystems (never
 * kept by hand): a shared subsystem counts twice as much as a shared product.
 */
import type { ArticleData } from './article-schema.ts';

export function relatedArticles(article: ArticleData, all: readonly ArticleData[], limit = 5): ArticleData[] {
	const score = (other: ArticleData) =>
		2 * other.subsystems.filter((s) => article.subsystems.includes(s)).length + other.products.filter((p) => article.products.includes(p)).length;
	return all
		.filter((other) => other.id !== article.id && other.status === 'active')
		.map((other) => ({ other, s: score(other) }))
		.filter(({ s }) => s > 0)
		.sort((a, b) => b.s - a.s || a.other.shortId.localeCompare(b.other.shortId))
		.slice(0, limit)
		.map(({ other }) => other);
}
