import type { APIRoute } from 'astro';
import { apiArticles } from '../../../lib/api.ts';
import { loadKnowledgeBase } from '../../../lib/knowledge-base.ts';
import { SITE_URL } from '../../../lib/addresses.ts';

/** Every article, for bots and tools: see src/lib/api.ts for the schema. */
export const GET: APIRoute = () => {
	const body = apiArticles(loadKnowledgeBase().articles, SITE_URL);
	return new Response(JSON.stringify(body, null, 1), { headers: { 'Content-Type': 'application/json' } });
};
