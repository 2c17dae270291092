/**
 * The static JSON API for bots and tools, versioned by path (/api/v1/...).
 * The schema is the contract: the build writes documents of this shape and
 * the tests validate them against it.
 */
import { z } from 'zod';
import type { ArticleData } from './article-schema.ts';
import { PRODUCT_IDS } from './registry.ts';
import { articleUrl } from './matcher/report.ts';
import { sourceUrl } from './sources.ts';
import { byShortId, SHORT_ID_PATTERN } from './short-id.ts';

export const API_VERSION = 1;

/** One article in /api/v1/articles.json. */
export const apiArticleSchema = z
	.object({
		id: z.string(),
		shortId: z.string().regex(SHORT_ID_PATTERN),
		title: z.string(),
		url: z.url(),
		summary: z.string(),
		products: z.array(z.enum(PRODUCT_IDS)),
		signatures: z.array(z.object({ line: z.string(), pattern: z.string().optional(), where: z.string(), decisive: z.boolean() }).strict()),
		sources: z.array(z.object({ ref: z.string(), title: z.string(), url: z.url() }).strict()),
		status: z.enum(['active', 'retired']),
		replacedBy: z.string().optional(),
	})
	.strict();

/** /api/v1/articles.json */
export const apiArticlesSchema = z
	.object({
		version: z.literal(API_VERSION),
		articles: z.array(apiArticleSchema),
	})
	.strict();

export type ApiArticles = z.output<typeof apiArticlesSchema>;

export function apiArticles(articles: readonly ArticleData[], baseUrl: string): ApiArticles {
	return {
		version: API_VERSION,
		articles: [...articles]
			.sort(byShortId)
			.map((a) => ({
				id: a.id,
				shortId: a.shortId,
				title: a.title,
				url: articleUrl(baseUrl, a.id),
				summary: a.summary,
				products: a.products,
				signatures: a.signatures.map((s) => ({ line: s.line, ...(s.pattern ? { pattern: s.pattern } : {}), where: s.where, decisive: s.decisive })),
				sources: a.sources.map((s) => ({ ...s, url: sourceUrl(s.ref) })),
				status: a.status,
				...(a.replacedBy ? { replacedBy: a.replacedBy } : {}),
			})),
	};
}
