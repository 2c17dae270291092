import type { APIRoute, GetStaticPaths } from 'astro';
import { loadKnowledgeBase } from '../../../../lib/knowledge-base.ts';

/** One shard of the index, /api/v1/matcher/shard-<n>.json, fetched when a paste holds one of its key words. */
export const getStaticPaths = (() => loadKnowledgeBase().shards().shards.map((_, n) => ({ params: { shard: `shard-${n}` }, props: { n } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ n: number }> = ({ props }) =>
	new Response(JSON.stringify(loadKnowledgeBase().shards().shards[props.n]), { headers: { 'Content-Type': 'application/json' } });
