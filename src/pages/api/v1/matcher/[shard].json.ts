import type { APIRoute, GetStaticPaths } from 'astro';
import { siteShards } from '../../../../lib/site-matcher.ts';

/** One shard of the index, /api/v1/matcher/shard-<n>.json, fetched when a paste holds one of its key words. */
export const getStaticPaths = (() => siteShards().shards.map((_, n) => ({ params: { shard: `shard-${n}` }, props: { n } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ n: number }> = ({ props }) =>
	new Response(JSON.stringify(siteShards().shards[props.n]), { headers: { 'Content-Type': 'application/json' } });
