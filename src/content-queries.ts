/**
 * Collection queries in one module: every page that lists articles asks here,
 * so lists are always generated from the content, never kept by hand.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { ArticleData } from './lib/article-schema.ts';
import { PRODUCT_IDS, type ProductId } from './lib/registry.ts';
import { byShortId } from './lib/short-id.ts';
import { relatedIndex } from './lib/related.ts';

export type ArticleEntry = CollectionEntry<'docs'> & { data: ArticleData };

/** True for docs entries that are articles (every entry under kb/). */
export function isArticle(entry: CollectionEntry<'docs'>): entry is ArticleEntry {
	return entry.id.startsWith('kb/') && typeof (entry.data as Partial<ArticleData>).shortId === 'string';
}

let built: Promise<ArticleEntry[]> | undefined;

/**
 * All articles, by short ID (the order they were published in). A build
 * reads them once, however many pages ask; the dev server reads them afresh
 * so edits show.
 */
export function getArticles(): Promise<ArticleEntry[]> {
	if (import.meta.env.DEV) return readArticles();
	return (built ??= readArticles());
}

async function readArticles(): Promise<ArticleEntry[]> {
	const docs = await getCollection('docs');
	return docs.filter(isArticle).sort((a, b) => byShortId(a.data, b.data));
}

const relatedOf = new WeakMap<ArticleEntry[], Map<string, ArticleData[]>>();

/** An article's related failures (src/lib/related.ts), ranked once per set of articles. */
export async function getRelated(article: ArticleData): Promise<ArticleData[]> {
	const articles = await getArticles();
	let index = relatedOf.get(articles);
	if (!index) relatedOf.set(articles, (index = relatedIndex(articles.map((a) => a.data))));
	return index.get(article.id) ?? [];
}

const productsOf = new WeakMap<ArticleEntry[], { id: ProductId; articles: ArticleEntry[] }[]>();

/** The products that have at least one article, in registry order, with their articles. */
export async function getProductsInUse(): Promise<{ id: ProductId; articles: ArticleEntry[] }[]> {
	const articles = await getArticles();
	let products = productsOf.get(articles);
	if (!products) {
		products = PRODUCT_IDS.map((id) => ({ id, articles: articles.filter((a) => a.data.products.includes(id)) })).filter((p) => p.articles.length > 0);
		productsOf.set(articles, products);
	}
	return products;
}
