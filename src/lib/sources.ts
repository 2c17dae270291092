/** Turning an article's source references into links and labels. */

/** The URL a source reference points to: GitHub for issues and commits, the URL itself otherwise. */
export function sourceUrl(ref: string): string {
	const issue = /^([\w.-]+\/[\w.-]+)#(\d+)$/.exec(ref);
	if (issue) return `https://github.com/${issue[1]}/issues/${issue[2]}`;
	const commit = /^([\w.-]+\/[\w.-]+)@([0-9a-f]{7,40})$/.exec(ref);
	if (commit) return `https://github.com/${commit[1]}/commit/${commit[2]}`;
	return ref;
}

/** A short label: `owner/name#N`, `owner/name@abcdef1`, or the URL's host and path. */
export function sourceLabel(ref: string): string {
	const commit = /^([\w.-]+\/[\w.-]+)@([0-9a-f]{7,40})$/.exec(ref);
	if (commit) return `${commit[1]}@${commit[2].slice(0, 7)}`;
	if (/^https:\/\//.test(ref)) {
		const url = new URL(ref);
		return `${url.host}${url.pathname}`.replace(/\/$/, '');
	}
	return ref;
}
