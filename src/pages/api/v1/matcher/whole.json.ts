import type { APIRoute } from 'astro';
import { loadKnowledgeBase } from '../../../../lib/knowledge-base.ts';
import { wholeForBrowser } from '../../../../lib/matcher/browser-index.ts';

/** The browser's index whole (display texts apart, no `tokens` and no `apart`, which the worker computes again): the paste box fetches it instead of shards when a paste needs most of them. Tools read /api/v1/matcher-index.json. */
export const GET: APIRoute = () => new Response(JSON.stringify(wholeForBrowser(loadKnowledgeBase().display().index)), { headers: { 'Content-Type': 'application/json' } });
