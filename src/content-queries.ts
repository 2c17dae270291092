/**
 * Collection queries in one module: every page that lists articles asks here,
 * so lists are always generated from the content, never kept by hand.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { ArticleData } from './lib/article-schema.ts';
import { PRODUCT_IDS, type ProductId } from './lib/registry.ts';

export type ArticleEntry = CollectionEntry<'docs'> & { data: ArticleData };

/** True for docs entries that are articles (every entry under kb/). */
export function isArticle(entry: CollectionEntry<'docs'>): entry is ArticleEntry {
	return entry.id.startsWith('kb/') && typeof (entry.data as Partial<ArticleData>).shortId === 'string';
}

/** All articles, by short ID (the order they were published in). */
export async function getArticles(): Promise<ArticleEntry[]> {
	const docs = await getCollection('docs');
	return docs.filter(isArticle).sort((a, b) => a.data.shortId.localeCompare(b.data.shortId));
}

/** The products that have at least one article, in registry order, with their articles. */
export async function getProductsInUse(): Promise<{ id: ProductId; articles: ArticleEntry[] }[]> {
	const articles = await getArticles();
	return PRODUCT_IDS.map((id) => ({ id, articles: articles.filter((a) => a.data.products.includes(id)) })).filter(
		(p) => p.articles.length > 0,
	);
}
