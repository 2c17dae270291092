/**
 * Site-wide settings in one place: the public URL (used in links the CLI
 * prints and in the sitemap) and the issue tracker readers report to.
 * Override the URL at build time with FAULTLINE_SITE_URL.
 */
export const SITE_URL: string = (globalThis.process?.env?.FAULTLINE_SITE_URL ?? 'https://faultline.dev').replace(/\/$/, '');

/** Where readers report a problem the knowledge base does not know. */
export const TRACKER_URL = 'https://github.com/faultline-kb/faultline/issues/new';

/** The URL path of an article. */
export function articlePath(id: string): string {
	return `/kb/${id}/`;
}

/**
 * The longest link the site, the CLI or the bot ever generates, in
 * characters: about 8 KB, the request-line limit of common servers and
 * proxies (nginx's large_client_header_buffers default is 8k; Apache's
 * LimitRequestLine default is 8190). A longer link is not generated at all.
 */
export const MAX_LINK_LENGTH = 8 * 1024;

/** The pages that read a paste from their address (`#q=`): the match page and the search page. */
export const RESULTS_PAGES = ['/match/', '/search/'] as const;

/**
 * A link that opens the match page on `text` (and a product filter): the text
 * goes in the fragment (`/match/#q=...`), which browsers never send to a
 * server or in a Referer. Undefined when the link would be longer than
 * MAX_LINK_LENGTH.
 */
export function matchLink(baseUrl: string, text: string, product?: string): string | undefined {
	const params = new URLSearchParams({ q: text });
	if (product) params.set('product', product);
	const link = `${baseUrl.replace(/\/$/, '')}/match/#${params}`;
	return link.length <= MAX_LINK_LENGTH ? link : undefined;
}
