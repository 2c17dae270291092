/**
 * The texts readers copy to link an article from an issue tracker: the URL,
 * a Markdown link, and a short ready-made comment. Used by the copy buttons
 * on every article and every fix.
 */

export interface ShareTarget {
	shortId: string;
	title: string;
	/** The article's absolute URL, without an anchor. */
	url: string;
	summary: string;
	/** A fix or section: its anchor and heading. */
	anchor?: string;
	heading?: string;
}

export function shareUrl(t: ShareTarget): string {
	return t.anchor ? `${t.url}#${t.anchor}` : t.url;
}

/** `[FL-0003: title](url#anchor)` */
export function markdownLink(t: ShareTarget): string {
	return `[${escapeLinkText(`${t.shortId}: ${t.title}`)}](${shareUrl(t)})`;
}

/** A short comment for an issue thread: the known problem, its root cause, and the fix when one is named. */
export function issueComment(t: ShareTarget): string {
	const lines = [`This looks like a known problem: ${markdownLink({ ...t, anchor: undefined })}`, '', `Root cause: ${t.summary}`];
	if (t.anchor && t.heading) lines.push('', `Fix: [${escapeLinkText(t.heading)}](${shareUrl(t)})`);
	else lines.push('', `How to confirm it: ${t.url}#how-to-confirm`);
	return lines.join('\n');
}

function escapeLinkText(text: string): string {
	return text.replace(/([\\[\]])/g, '\\$1');
}
