/**
 * Related failures, generated from shared products and subsystems (never
 * kept by hand): a shared subsystem counts twice as much as a shared product.
 */
import type { ArticleData } from './article-schema.ts';
import { byShortId } from './short-id.ts';

/**
 * The related failures of every article, computed once for a whole site.
 * The score depends only on an article's products and subsystems, so the
 * ranking is done once per distinct combination, not once per article:
 * linear in the number of articles for any realistic content.
 */
export function relatedIndex(all: readonly ArticleData[], limit = 5): Map<string, ArticleData[]> {
	const active = all.filter((a) => a.status === 'active').sort(byShortId);
	const byProfile = new Map<string, ArticleData[]>();
	const related = new Map<string, ArticleData[]>();
	for (const article of all) {
		const key = `${[...article.subsystems].sort()}|${[...article.products].sort()}`;
		let ranked = byProfile.get(key);
		// One more than the limit: the article itself may be among them.
		if (!ranked) byProfile.set(key, (ranked = rank(article, active, limit + 1)));
		related.set(article.id, ranked.filter((other) => other.id !== article.id).slice(0, limit));
	}
	return related;
}

/** The `limit` best-scoring articles, by score and then short ID (`sorted` is in short-ID order). */
function rank(article: ArticleData, sorted: readonly ArticleData[], limit: number): ArticleData[] {
	const score = (other: ArticleData) =>
		2 * other.subsystems.filter((s) => article.subsystems.includes(s)).length + other.products.filter((p) => article.products.includes(p)).length;
	// Scores are small integers: bucket by score, keeping short-ID order inside each bucket.
	const buckets: ArticleData[][] = [];
	for (const other of sorted) {
		const s = score(other);
		if (s > 0) (buckets[s] ??= []).push(other);
	}
	return buckets.reverse().flatMap((b) => b ?? []).slice(0, limit);
}
