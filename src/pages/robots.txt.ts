/** robots.txt: everything may be crawled; the sitemap is at the site's own address. */
import type { APIRoute } from 'astro';
import { SITE_URL } from '../lib/addresses.ts';

export const GET: APIRoute = () => new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL('/sitemap-index.xml', SITE_URL)}\n`, { headers: { 'Content-Type': 'text/plain' } });
