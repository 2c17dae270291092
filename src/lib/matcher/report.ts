/**
 * Presenting a match result outside the browser: the JSON the CLI prints and
 * the Markdown comment a bot posts. Both take the site's base URL so links
 * point wherever the knowledge base is deployed.
 */
import type { MatchResult } from './match.ts';

export interface JsonMatch {
	id: string;
	shortId: string;
	title: string;
	url: string;
	confidence: string;
	score: number;
	matchedLine: string;
	signature: string;
}

/** The CLI's `--json` shape. */
export function toJson(result: MatchResult, baseUrl: string): { matches: JsonMatch[]; ambiguous: boolean } {
	return {
		matches: result.matches.map((m) => ({
			id: m.article.id,
			shortId: m.article.shortId,
			title: m.article.title,
			url: articleUrl(baseUrl, m.article.id),
			confidence: m.confidence,
			score: m.score,
			matchedLine: m.matchedLine,
			signature: m.signature,
		})),
		ambiguous: result.ambiguous,
	};
}

/** A ready issue comment, or an empty string when nothing matched (a bot then posts nothing). */
export function toMarkdown(result: MatchResult, baseUrl: string): string {
	if (result.matches.length === 0) return '';
	const intro = result.ambiguous
		? `This error has **${result.matches.length} known causes** that print the same message. Each article below says how to tell them apart:`
		: 'This looks like a known problem:';
	const items = result.matches.map((m) => {
		const link = `[${m.article.shortId}: ${escapeMarkdown(m.article.title)}](${articleUrl(baseUrl, m.article.id)})`;
		return [
			`- **${link}** (${m.confidence} confidence)`,
			`  ${escapeMarkdown(m.article.summary)}`,
			`  Matched line ${m.lineNumber}: ${codeSpan(m.matchedLine.trim())}`,
		].join('\n');
	});
	const footer = `<sub>Found by [Faultline](${baseUrl}/) from the text of this issue. Run \`npx faultline match\` to check a log yourself.</sub>`;
	return `${intro}\n\n${items.join('\n')}\n\n${footer}\n`;
}

export function articleUrl(baseUrl: string, id: string): string {
	return `${baseUrl.replace(/\/$/, '')}/kb/${id}/`;
}

/** Inline code that survives backticks in the line. */
function codeSpan(text: string): string {
	const clipped = text.length > 300 ? `${text.slice(0, 297)}...` : text;
	const longest = Math.max(0, ...(clipped.match(/`+/g) ?? []).map((r) => r.length));
	const fence = '`'.repeat(longest + 1);
	const pad = clipped.startsWith('`') || clipped.endsWith('`') ? ' ' : '';
	return `${fence}${pad}${clipped}${pad}${fence}`;
}

function escapeMarkdown(text: string): string {
	return text.replace(/([\\[\]*_<>|])/g, '\\$1');
}
