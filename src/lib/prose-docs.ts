/**
 * The prose documents of the articles (prose.ts `ProseDoc`), read from their
 * front matter and the outline of their parsed body. Apart from prose.ts so that
 * the site's worker and the packaged CLI rank with prose.ts alone,
 * from documents compiled at build time.
 */
import type { BodyOutline } from './article-body.ts';
import type { ProseDoc } from './prose.ts';
import { normalizeValues } from './matcher/normalize.ts';

/** The prose documents of articles (front matter and body), for `createProseRanker`. Retired articles are left out. */
export function proseDocsOf(articles: readonly { data: { id: string; shortId: string; title: string; summary: string; symptoms: string[]; status: string; products: string[]; excludeWhen: { text: string }[]; hosts?: readonly string[] }; outline: BodyOutline }[]): ProseDoc[] {
	return articles
		.filter((a) => a.data.status === 'active')
		.map(({ data, outline }) => ({
			id: data.id,
			shortId: data.shortId,
			title: data.title,
			summary: data.summary,
			symptoms: data.symptoms,
			rootCause: plainText(outline.sections.find((s) => s.text === 'Root cause')?.body ?? ''),
			products: data.products,
			excludeWhen: data.excludeWhen.map((e) => normalizeValues(e.text)),
			hosts: [...(data.hosts ?? [])],
		}));
}

/** Markdown as plain words: code blocks, inline code markers, links' targets and emphasis removed. */
function plainText(markdown: string): string {
	return markdown
		.replace(/^(```|~~~)[\s\S]*?^\1/gm, ' ')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/[`*_>#]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}
