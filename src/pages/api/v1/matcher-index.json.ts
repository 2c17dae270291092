import type { APIRoute } from 'astro';
import { loadArticles } from '../../../lib/content.ts';
import { compileIndex } from '../../../lib/matcher/index.ts';

/**
 * The matcher's compiled index, for the site's paste box and for tools. It is
 * compiled from the same article files, by the same module, as the CLI's.
 */
export const GET: APIRoute = () => {
	const index = compileIndex(loadArticles(process.cwd()).map((a) => a.data));
	return new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json' } });
};
