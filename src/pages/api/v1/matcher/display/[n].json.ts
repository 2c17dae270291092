import type { APIRoute, GetStaticPaths } from 'astro';
import { loadKnowledgeBase } from '../../../../../lib/knowledge-base.ts';

/** One bucket of display texts, /api/v1/matcher/display/<n>.json (src/lib/matcher/browser-index.ts): fetched for the articles a result names. */
export const getStaticPaths = (() => loadKnowledgeBase().display().buckets.map((_, n) => ({ params: { n: String(n) }, props: { n } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ n: number }> = ({ props }) =>
	new Response(JSON.stringify(loadKnowledgeBase().display().buckets[props.n]), { headers: { 'Content-Type': 'application/json' } });
