import type { APIRoute } from 'astro';
import { loadKnowledgeBase } from '../../../../lib/knowledge-base.ts';
import { gzipSync } from 'node:zlib';
import { wholeForBrowser, type BrowserDirectory } from '../../../../lib/matcher/browser-index.ts';

/** The sharded index's directory (src/lib/matcher/shards.ts), the number of display buckets and the whole browser index's gzipped size (browser-index.ts): the paste box fetches it first. */
export const GET: APIRoute = () => {
	const kb = loadKnowledgeBase();
	const wholeBytes = gzipSync(JSON.stringify(wholeForBrowser(kb.display().index))).length;
	const directory: BrowserDirectory = { ...kb.shards().directory, displays: kb.display().buckets.length, wholeBytes };
	return new Response(JSON.stringify(directory), { headers: { 'Content-Type': 'application/json' } });
};
