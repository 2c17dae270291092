import type { APIRoute } from 'astro';
import { loadKnowledgeBase } from '../../../../lib/knowledge-base.ts';

/** The sharded index's directory (src/lib/matcher/shards.ts): the paste box fetches it first. */
export const GET: APIRoute = () => new Response(JSON.stringify(loadKnowledgeBase().shards().directory), { headers: { 'Content-Type': 'application/json' } });
