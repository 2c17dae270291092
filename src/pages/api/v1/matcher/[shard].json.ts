import type { APIRoute, GetStaticPaths } from 'astro';
import { loadKnowledgeBase } from '../../../../lib/knowledge-base.ts';
import { withoutDerived } from '../../../../lib/matcher/browser-index.ts';

/** One shard of the browser's index, /api/v1/matcher/shard-<n>.json, fetched when a paste holds one of its key words (its signatures without `tokens`, which the worker derives). */
export const getStaticPaths = (() => loadKnowledgeBase().shards().shards.map((_, n) => ({ params: { shard: `shard-${n}` }, props: { n } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ n: number }> = ({ props }) =>
	new Response(JSON.stringify(withoutDerived(loadKnowledgeBase().shards().shards[props.n])), { headers: { 'Content-Type': 'application/json' } });
