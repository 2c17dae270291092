import type { APIRoute } from 'astro';
import { siteShards } from '../../../../lib/site-matcher.ts';

/** The sharded index's directory (src/lib/matcher/shards.ts): the paste box fetches it first. */
export const GET: APIRoute = () => new Response(JSON.stringify(siteShards().directory), { headers: { 'Content-Type': 'application/json' } });
