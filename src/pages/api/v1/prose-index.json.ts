import type { APIRoute } from 'astro';
import { loadKnowledgeBase } from '../../../lib/knowledge-base.ts';
import { proseIndexOf } from '../../../lib/prose.ts';
import { proseDocsOf } from '../../../lib/prose-docs.ts';

/**
 * The articles' prose documents (title, symptoms, summary, root cause), from
 * the knowledge base's checked articles (read once per build) and the same function as the bench's ranker
 * (src/lib/prose.ts). The paste box fetches it only for a description or a
 * few search words, never for a log; the request names nothing of the text.
 */
export const GET: APIRoute = () => {
	const body = proseIndexOf(proseDocsOf(loadKnowledgeBase().articles));
	return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
};
