import type { APIRoute } from 'astro';
import { loadKnowledgeBase } from '../../../../lib/knowledge-base.ts';
import type { BrowserDirectory } from '../../../../lib/matcher/browser-index.ts';

/** The sharded index's directory (src/lib/matcher/shards.ts) and the number of display buckets (browser-index.ts): the paste box fetches it first. */
export const GET: APIRoute = () => {
	const kb = loadKnowledgeBase();
	const directory: BrowserDirectory = { ...kb.shards().directory, displays: kb.display().buckets.length };
	return new Response(JSON.stringify(directory), { headers: { 'Content-Type': 'application/json' } });
};
