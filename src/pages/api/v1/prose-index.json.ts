import type { APIRoute } from 'astro';
import { loadArticles } from '../../../lib/content.ts';
import { proseIndexOf } from '../../../lib/prose.ts';
import { proseDocsOf } from '../../../lib/prose-docs.ts';

/**
 * The articles' prose documents (title, symptoms, summary, root cause), from
 * the same checked articles and the same function as the bench's ranker
 * (src/lib/prose.ts). The paste box fetches it only for a description or a
 * few search words, never for a log; the request names nothing of the text.
 */
export const GET: APIRoute = () => {
	const body = proseIndexOf(proseDocsOf(loadArticles(process.cwd())));
	return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
};
