/**
 * Related failures, generated from shared products and subsystems (never
 * kept by hand). Two articles are related only when one's main product (the
 * first of its `products`) is among the other's products: the tool the
 * reader is using. Among those, a shared subsystem counts twice as much as a
 * shared product. A subsystem alone relates nothing, and neither does a
 * product both merely mention: `network` or `file-permissions` name a kind
 * of mechanism that unrelated tools share, and `qemu`, `wsl` or `docker` a
 * tool in the background. Scored on shared subsystems and products alone,
 * Multipass on macOS not finding its instance's IP listed Podman's missing
 * registry search list, both `network` (issue 19).
 */
import type { ArticleData } from './article-schema.ts';
import { byShortId } from './short-id.ts';

/**
 * The related failures of every article, computed once for a whole site.
 * The score depends only on an article's main product, products and subsystems, so the
 * ranking is done once per distinct combination, not once per article:
 * linear in the number of articles for any realistic content.
 */
export function relatedIndex(all: readonly ArticleData[], limit = 5): Map<string, ArticleData[]> {
	const active = all.filter((a) => a.status === 'active').sort(byShortId);
	const byProfile = new Map<string, ArticleData[]>();
	const related = new Map<string, ArticleData[]>();
	for (const article of all) {
		const key = `${[...article.subsystems].sort()}|${article.products[0]}|${[...article.products].sort()}`;
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
		sameTool(article, other)
			? 2 * other.subsystems.filter((s) => article.subsystems.includes(s)).length + other.products.filter((p) => article.products.includes(p)).length
			: 0;
	// Scores are small integers: bucket by score, keeping short-ID order inside each bucket.
	const buckets: ArticleData[][] = [];
	for (const other of sorted) {
		const s = score(other);
		if (s > 0) (buckets[s] ??= []).push(other);
	}
	return buckets.reverse().flatMap((b) => b ?? []).slice(0, limit);
}

/** One article's main product (the first of its products) is among the other's products, either way round. */
function sameTool(a: ArticleData, b: ArticleData): boolean {
	return b.products.includes(a.products[0]) || a.products.includes(b.products[0]);
}
