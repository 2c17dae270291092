import type { APIRoute } from 'astro';
import { loadKnowledgeBase } from '../../../lib/knowledge-base.ts';

/**
 * The matcher's compiled index, whole, for tools (and for the site's paste
 * box when a paste needs most of it). It is compiled from the same article
 * files, by the same module, as the CLI's.
 */
export const GET: APIRoute = () => new Response(JSON.stringify(loadKnowledgeBase().matcherIndex()), { headers: { 'Content-Type': 'application/json' } });
