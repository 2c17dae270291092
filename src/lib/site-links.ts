/** The checked redirects of this project, loaded once per build. */
import { headingsOf } from './article-body.ts';
import { ContentError, loadArticles } from './content.ts';
import { loadRedirects, type Redirects } from './redirects.ts';
import { SECTION_ANCHORS } from './registry.ts';

let cached: Redirects | undefined;

/** Each article's permanent anchors: the sections, then every heading with an explicit anchor. */
export function articleAnchors(root: string): Map<string, string[]> {
	return new Map(
		loadArticles(root).map((a) => [a.data.id, [...Object.values(SECTION_ANCHORS), ...headingsOf(a.body).flatMap((h) => (h.anchor ? [h.anchor] : []))]]),
	);
}

/** Moved anchors as the remark plugin wants them; empty when the redirects have problems (the content check reports those). */
export function anchorAliases(root = process.cwd()): Map<string, Map<string, string[]>> {
	const aliases = new Map<string, Map<string, string[]>>();
	try {
		for (const r of siteRedirects(root).anchors) {
			const perArticle = aliases.get(r.article) ?? new Map<string, string[]>();
			perArticle.set(r.to, [...(perArticle.get(r.to) ?? []), r.from]);
			aliases.set(r.article, perArticle);
		}
	} catch {
		// Reported with file and field by the content check.
	}
	return aliases;
}

export function siteRedirects(root = process.cwd()): Redirects {
	if (cached) return cached;
	const { redirects, problems } = loadRedirects(root, articleAnchors(root));
	if (problems.length) throw new ContentError(problems);
	return (cached = redirects);
}
