/** Short permanent IDs, kept free of dependencies: the browser's matcher orders by them too. */

/** `FL-` and four digits, more from FL-10000 on (no extra leading zeros). */
export const SHORT_ID_SOURCE = 'FL-(?:\\d{4}|[1-9]\\d{4,})';
export const SHORT_ID_PATTERN = new RegExp(`^${SHORT_ID_SOURCE}$`);

/** Orders by number, so FL-9999 comes before FL-10000. */
export function byShortId(a: { shortId: string }, b: { shortId: string }): number {
	return Number(a.shortId.slice(3)) - Number(b.shortId.slice(3));
}
