/**
 * The static JSON API for bots and tools, versioned by path (/api/v1/...).
 * The schema is the contract: the build writes documents of this shape and
 * the tests validate them against it.
 */
import { z } from 'zod';
import type { Article } from './content.ts';
import { outlineOf } from './article-body.ts';

/** An article as the API reads it: checked data, and its body's outline (or the body, outlined here). */
export type ApiArticleInput = Pick<Article, 'data'> & ({ outline: Article['outline'] } | { body: string });
import { EVIDENCE_LEVEL_NAMES, isEvidenceLevel, type EvidenceLevel } from './evidence.ts';
import { PRODUCT_IDS } from './registry.ts';
import { toolArticle, type ArticleFacts } from './presenters.ts';
import { sourceUrl } from './sources.ts';
import { byShortId, SHORT_ID_PATTERN } from './short-id.ts';
import { apiMessages } from './messages.ts';

export const API_VERSION = 1;

const evidenceSchema = z.enum(EVIDENCE_LEVEL_NAMES);

/** How sure the article is of its root cause, and each fix with its address and evidence level, recommended first. */
export const apiEvidenceSchema = z
	.object({
		rootCause: z.object({ evidence: evidenceSchema }).strict(),
		fixes: z.array(z.object({ anchor: z.string(), title: z.string(), evidence: evidenceSchema, url: z.url() }).strict()),
	})
	.strict();

export type ApiEvidence = z.output<typeof apiEvidenceSchema>;

/**
 * The facts tools read about a checked article (front matter and body), before
 * addresses: see ArticleFacts in src/lib/presenters.ts. Throws on an article
 * the content check would refuse (a fix without an anchor or a level), so an
 * unchecked article never reaches the API or the CLI half-described.
 */
export function articleFacts(article: ApiArticleInput): ArticleFacts {
	const a = article.data;
	const outline = 'outline' in article ? article.outline : outlineOf(article.body);
	const level = (what: string, written: string | undefined): EvidenceLevel => {
		if (written && isEvidenceLevel(written)) return written;
		throw new Error(apiMessages.noEvidence(a.id, what));
	};
	return {
		id: a.id,
		shortId: a.shortId,
		title: a.title,
		summary: a.summary,
		products: [...a.products],
		signatures: a.signatures.map((s) => ({ line: s.line, ...(s.pattern ? { pattern: s.pattern } : {}), where: s.where, decisive: s.decisive })),
		sources: a.sources.map((s) => ({ ref: s.ref, title: s.title, url: sourceUrl(s.ref) })),
		rootCause: { evidence: level('the root cause', outline.rootCauseEvidence) },
		fixes: outline.fixes.map((f) => {
			if (!f.anchor) throw new Error(apiMessages.fixWithoutAnchor(a.id, f.title));
			return { anchor: f.anchor, title: f.title, evidence: level(`fix "${f.title}"`, f.evidence) };
		}),
		status: a.status,
		...(a.replacedBy ? { replacedBy: a.replacedBy } : {}),
	};
}

/**
 * The root cause's evidence level and the fixes of a checked article, each
 * fix with its URL (the article's URL and the fix's anchor): the evidence
 * part of its tool-facing object. Throws as articleFacts does.
 */
export function articleEvidence(article: ApiArticleInput, baseUrl: string): ApiEvidence {
	const { rootCause, fixes } = toolArticle(articleFacts(article), baseUrl);
	return { rootCause, fixes };
}

/** One article in /api/v1/articles.json: the shape of ToolArticle (src/lib/presenters.ts), also printed by `faultline list --json`. */
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
		...apiEvidenceSchema.shape,
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

/** The /api/v1/articles.json document for checked articles (front matter and body), ordered by short ID. */
export function apiArticles(articles: readonly ApiArticleInput[], baseUrl: string): ApiArticles {
	return {
		version: API_VERSION,
		articles: [...articles]
			.sort((x, y) => byShortId(x.data, y.data))
			.map((article) => toolArticle(articleFacts(article), baseUrl)),
	};
}
