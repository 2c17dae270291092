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
