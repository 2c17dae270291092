/**
 * Presenting a match result outside the browser: the JSON the CLI prints and
 * the Markdown comment a bot posts. Both take the site's base URL so links
 * point wherever the knowledge base is deployed.
 */
import { absolute, articleUrl, matchUrl, MAX_LINK_LENGTH } from '../addresses.ts';
import type { Match, MatchResult } from './match.ts';

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

/** The question that tells several causes apart: its prompt and the wizard step's path (from the wizard, see src/cli/data.ts). */
export interface Question {
	prompt: string;
	path: string;
}

/**
 * A ready issue comment, or an empty string when nothing matched (a bot then
 * posts nothing): the articles, a note naming the question that tells several
 * causes apart when the text is ambiguous, and a `/match/#q=` link holding
 * `matchText` (or, when that is too long, the matched lines).
 */
export function toMarkdown(result: MatchResult, baseUrl: string, extras: { question?: (articleIds: string[]) => Question | undefined; matchText?: string } = {}): string {
	if (result.matches.length === 0) return '';
	const groups = sameLineGroups(result.matches);
	const intro =
		result.matches.length === 1
			? 'This looks like a known problem:'
			: groups.length === 1 && groups[0].length === result.matches.length
				? `This error has **${result.matches.length} known causes** that print the same message:`
				: 'These look like known problems:';
	const parts = [intro, result.matches.map((m) => markdownItem(m, baseUrl)).join('\n')];
	for (const group of groups) parts.push(`In line ${group[0].lineNumber}: ${ambiguityNote(group, baseUrl, extras.question?.(group.map((m) => m.article.id)))}`);
	parts.push(`Check it yourself: [this text in Faultline's matcher](${fittedMatchLink(baseUrl, extras.matchText, result.matches)})`);
	parts.push(`<sub>Found by [Faultline](${baseUrl}/). Run \`npx faultline match\` to check a log yourself.</sub>`);
	return `${parts.join('\n\n')}\n`;
}

/**
 * The matches that share their matched line, in groups of two or more: a
 * line that several known causes print. (The matcher's `ambiguous` flag is
 * about the whole text; this is per line, which is what a reader must tell apart.)
 */
export function sameLineGroups(matches: readonly Match[]): Match[][] {
	const byLine = new Map<number, Match[]>();
	for (const m of matches) byLine.set(m.lineNumber, [...(byLine.get(m.lineNumber) ?? []), m]);
	return [...byLine.values()].filter((g) => g.length > 1);
}

/** One article of a comment: link, confidence, root cause, and the line that matched (`where` names the text it is in, e.g. " of the issue"). */
export function markdownItem(m: Match, baseUrl: string, where = ''): string {
	const link = `[${m.article.shortId}: ${escapeMarkdown(m.article.title)}](${articleUrl(baseUrl, m.article.id)})`;
	return [`- **${link}** (${m.confidence} confidence)`, `  ${escapeMarkdown(m.article.summary)}`, `  Matched line ${m.lineNumber}${where}: ${codeSpan(m.matchedLine.trim())}`].join('\n');
}

/** The note for an ambiguous result: how many causes print the line, and the question that tells them apart when the wizard has one. */
export function ambiguityNote(matches: readonly Match[], baseUrl: string, question?: Question): string {
	const ids = matches.map((m) => m.article.shortId).join(', ');
	const head = `**${matches.length} known causes print this line** (${ids}).`;
	const ask = question
		? ` The question that tells them apart: *${escapeMarkdown(question.prompt.replaceAll('`', ''))}* ([answer it in the wizard](${absolute(baseUrl, question.path)})); each article's "How to confirm" section checks its own cause.`
		: ` Each article's "How to confirm" section says how to tell them apart.`;
	return head + ask;
}

/**
 * A `/match/#q=…` link that opens the site's matcher on `text`, kept within
 * MAX_LINK_LENGTH: when the whole text would pass it, the link carries the
 * matched lines instead, and those cut to fit when even they are too long.
 */
export function fittedMatchLink(baseUrl: string, text: string | undefined, matches: readonly Match[]): string {
	const link = (t: string) => matchUrl(baseUrl, t);
	if (text !== undefined && link(text).length <= MAX_LINK_LENGTH) return link(text);
	const lines = [...new Set(matches.flatMap((m) => [m.matchedLine, ...m.supporting.map((s) => s.matchedLine)]))].join('\n');
	if (link(lines).length <= MAX_LINK_LENGTH) return link(lines);
	let lo = 0;
	let hi = lines.length;
	while (lo < hi) {
		const mid = Math.ceil((lo + hi) / 2);
		if (link(lines.slice(0, mid)).length <= MAX_LINK_LENGTH) lo = mid;
		else hi = mid - 1;
	}
	return link(lines.slice(0, lo).replace(/[\uD800-\uDBFF]$/, ''));
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
