/**
 * How the site renders Markdown, in one place: the typography pass and the remark plugins every piece of
 * rendered Markdown shares, for the articles (astro.config.mjs) and for a fix's instructions on a wizard
 * result step (renderFixMarkdown) alike.
 */
import { createMarkdownProcessor, type MarkdownRenderer, type RemarkPlugin, type Smartypants } from '@astrojs/markdown-remark';
import { remarkShortIds, type ShortIdOptions } from './remark-short-ids.ts';
import { shortIdArticles } from './knowledge-base.ts';

/**
 * The typography pass (retext-smartypants): curly quotes and ellipses, but no dashes. Its dash rule turns
 * `--` into an em dash wherever it is not code, so a heading "Give --userns=auto its user" showed
 * "Give —userns=auto its user", an option that does not exist. Prose writes its dashes as dashes (—).
 */
export const SMARTYPANTS: Smartypants = { dashes: false };

/** The remark plugin that links short IDs in prose, as astro.config.mjs and renderFixMarkdown use it. */
export const shortIdLinks: [RemarkPlugin, ShortIdOptions] = [remarkShortIds as RemarkPlugin, { articles: () => shortIdArticles() }];

let renderer: Promise<MarkdownRenderer> | undefined;

/**
 * A piece of an article's Markdown (a fix's paragraph, list or table: Fix['steps'] in article-body.ts) as
 * HTML: GFM, the site's typography pass and short-ID links, inline code kept as `<code>`; raw HTML in the
 * Markdown is dropped, never passed through. No syntax highlighting: fenced code is rendered by the page's
 * own code component.
 */
export async function renderFixMarkdown(markdown: string, file?: string): Promise<string> {
	renderer ??= createMarkdownProcessor({
		gfm: true,
		smartypants: SMARTYPANTS,
		syntaxHighlight: false,
		remarkPlugins: [shortIdLinks],
		remarkRehype: { allowDangerousHtml: false },
	});
	return (await (await renderer).render(markdown, file ? { fileURL: new URL(`file://${file}`) } : undefined)).code;
}
