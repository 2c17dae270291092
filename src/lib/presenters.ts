/**
 * Presenting what the knowledge base says outside the browser, in one place
 * for the CLI (`faultline match`, `list`, `comment`), the bot (src/cli/issue-comment.ts,
 * posted by src/action/github.ts) and the API (src/lib/api.ts):
 *
 * - a match result as JSON (`toJson`), as plain text (`toPlainText`), as a
 *   Markdown issue comment (`toMarkdown`, and `botComment` for the bot's
 *   one comment per thread, built from the same pieces);
 * - an article as tools see it (`toolArticle`): the objects of
 *   `faultline list --json` and of /api/v1/articles.json;
 * - the article list as plain text (`listLine`).
 *
 * Every function takes the site's base URL, so links point wherever the
 * knowledge base is deployed. Nothing here needs Node or reads files.
 */
import { absolute, articleUrl, matchUrl, MAX_LINK_LENGTH, sectionPath, WIZARD_PATH } from './addresses.ts';
import type { EvidenceLevel } from './evidence.ts';
import type { ProductId } from './registry.ts';
import { sameLineGroups, type IndexedArticle, type Match, type MatchResult, type Possible } from './matcher/index.ts';
import type { SeparatingQuestion } from '../wizard/engine.ts';
import type { ProseMatch } from './prose.ts';
import type { TextKind } from './text-kind.ts';
import { possibleMessages, proseCliMessages, proseMessages, verdictMessages } from './messages.ts';
import { plainText } from './inline-code.ts';

/**
 * A text with no error line, ranked by its description (prose.ts): how it reads (`kind`, never
 * `log`: a log gets no likely articles) and the likely articles, best first (possibly none); when
 * none stands out, `closest`: the articles nearest its words, as search results (`ProseRanking.closest`).
 */
export interface Likely {
	kind: Exclude<TextKind, 'log'>;
	articles: ProseMatch[];
	closest?: ProseMatch[];
}

/**
 * A closest article in the CLI's `--json` (`closest`): a search result, not an answer, so it has no
 * `confidence`; `relative`, its BM25 score over the first ranked article's; `shared`, the words it shares with the text.
 */
export interface JsonClosest {
	id: string;
	shortId: string;
	title: string;
	url: string;
	relative: number;
	shared: ProseMatch['shared'];
}

/** A likely article in the CLI's `--json`: `confidence` is always `likely`; `shared`, the words it shares with the text and where they stand. */
export interface JsonLikely {
	id: string;
	shortId: string;
	title: string;
	url: string;
	confidence: 'likely';
	relative: number;
	shared: ProseMatch['shared'];
}

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

/**
 * A possible cause in the CLI's `--json` (`possible`, match.ts `Possible`): not an answer, so `confidence` is
 * always `possible`; `confirm`, the address of its "How to confirm" section.
 */
export interface JsonPossible {
	id: string;
	shortId: string;
	title: string;
	url: string;
	confirm: string;
	confidence: 'possible';
	score: number;
	lineNumber: number;
	matchedLine: string;
	signature: string;
}

function jsonPossible(p: Possible, baseUrl: string): JsonPossible {
	const { id, shortId, title } = p.article;
	return { id, shortId, title, url: articleUrl(baseUrl, id), confirm: absolute(baseUrl, sectionPath(id, 'How to confirm')), confidence: 'possible', score: p.score, lineNumber: p.lineNumber, matchedLine: p.matchedLine, signature: p.signature };
}

/**
 * The CLI's `--json` shape; `possible` only when there is no match and a line one article knows as shared
 * (match.ts `possible`); `likely` only for a description or a search with no error line (then `matches` is empty);
 * `closest` beside an empty `likely`, when articles are near the text's words: search results, which change no verdict.
 */
export function toJson(
	result: MatchResult,
	baseUrl: string,
	likely?: Likely,
): { matches: JsonMatch[]; ambiguous: boolean; possible?: JsonPossible[]; likely?: JsonLikely[]; closest?: JsonClosest[] } {
	return {
		...(result.possible.length ? { possible: result.possible.map((p) => jsonPossible(p, baseUrl)) } : {}),
		...(likely && result.matches.length === 0
			? { likely: likely.articles.map((l) => ({ id: l.id, shortId: l.shortId, title: l.title, url: articleUrl(baseUrl, l.id), confidence: 'likely' as const, relative: l.relative, shared: l.shared })) }
			: {}),
		...(likely?.closest?.length && result.matches.length === 0
			? { closest: likely.closest.map((l) => ({ id: l.id, shortId: l.shortId, title: l.title, url: articleUrl(baseUrl, l.id), relative: l.relative, shared: l.shared })) }
			: {}),
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

/** The question that tells several causes apart, as the wizard asks it (`separatingQuestion`): its prompt and its step's path. */
export type Question = Pick<SeparatingQuestion, 'prompt' | 'path'>;

/**
 * A ready issue comment, or an empty string when nothing matched (a bot then
 * posts nothing): the articles, a note naming the question that tells several
 * causes apart when the text is ambiguous, and a `/match/#q=` link holding
 * `matchText` (or, when that is too long, the matched lines).
 */
export function toMarkdown(result: MatchResult, baseUrl: string, extras: { question?: (articleIds: string[]) => Question | undefined; matchText?: string } = {}): string {
	if (result.matches.length === 0) return '';
	const groups = sameLineGroups(result.matches);
	const parts = [introLine(result.matches.length, groups), result.matches.map((m) => markdownItem(m, baseUrl)).join('\n')];
	for (const group of groups) parts.push(`In line ${group[0].lineNumber}: ${ambiguityNote(group, baseUrl, extras.question?.(group.map((m) => m.article.id)))}`);
	parts.push(`Check it yourself: [this text in Faultline's matcher](${fittedMatchLink(baseUrl, extras.matchText, result.matches)})`);
	parts.push(`<sub>Found by [Faultline](${absolute(baseUrl, '/')}). Run \`npx faultline match\` to check a log yourself.</sub>`);
	return `${parts.join('\n\n')}\n`;
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
		? ` The question that tells them apart: *${escapeMarkdown(plainText(question.prompt))}* ([answer it in the wizard](${absolute(baseUrl, question.path)})); each article's "How to confirm" section checks its own cause.`
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

/**
 * The first line of a comment: one article, one line that several known
 * causes print (one group holding all `count` articles), or several problems.
 */
function introLine(count: number, groups: readonly (readonly Match[])[]): string {
	if (count === 1) return 'This looks like a known problem:';
	return groups.length === 1 && groups[0].length === count ? `This error has **${count} known causes** that print the same message:` : 'These look like known problems:';
}

/** A matched line is quoted in a comment up to this many characters (an ellipsis ends a longer one): a log line, not a log. Chosen. */
const MAX_QUOTED_LINE = 300;

/** Inline code that survives backticks in the line. */
function codeSpan(text: string): string {
	const clipped = text.length > MAX_QUOTED_LINE ? `${text.slice(0, MAX_QUOTED_LINE - 3)}...` : text;
	const longest = Math.max(0, ...(clipped.match(/`+/g) ?? []).map((r) => r.length));
	const fence = '`'.repeat(longest + 1);
	const pad = clipped.startsWith('`') || clipped.endsWith('`') ? ' ' : '';
	return `${fence}${pad}${clipped}${pad}${fence}`;
}

function escapeMarkdown(text: string): string {
	return text.replace(/([\\[\]*_<>|])/g, '\\$1');
}

/**
 * A match result as plain text for a terminal: each article with its URL,
 * confidence and matched line; when several causes print one line, the
 * question that tells them apart (from `question`, when the wizard has one);
 * with no match, the articles the text ruled out and why; with no match but a line one article knows as
 * a line other causes print too (match.ts `possible`), that article as a possible cause with its "How to
 * confirm", in place of the verdict, and then any likely articles, as the site shows both; for a
 * description or a search with no error line (`likely`), its likely articles, marked `likely`, and no "no
 * known error" verdict.
 */
export function toPlainText(result: MatchResult, baseUrl: string, question: (articleIds: string[]) => Question | undefined, likely?: Likely): string {
	if (result.matches.length === 0) {
		const ruledOut = result.excluded.map((e) => `\n  (${e.article.shortId} ruled out: ${e.why})`).join('');
		const likelyList = (likely?.articles ?? []).map((l) => `\n\n${l.shortId}  ${l.title}\n  ${articleUrl(baseUrl, l.id)}\n  ${proseCliMessages.likelyShares(l.shared.map(proseCliMessages.sharedWord))}`).join('');
		if (result.possible.length) {
			const alsoLikely = likelyList ? `\n\n${proseMessages.likelyHeading()}:${likelyList}` : '';
			return `${possibleText(result.possible, baseUrl)}${alsoLikely}${ruledOut}`;
		}
		if (likely) {
			const closest = likely.articles.length ? [] : (likely.closest ?? []);
			// No article stands out: the verdict line stays, and the closest articles follow as a short search-result list.
			const search = closest.length
				? `\n\n${proseMessages.closestHeading()}:${closest.map((l) => `\n  ${l.shortId}  ${l.title}\n    ${articleUrl(baseUrl, l.id)}\n    ${proseCliMessages.closestShares(l.shared.map(proseCliMessages.sharedWord))}`).join('')}\n\n${proseCliMessages.closestWizard(absolute(baseUrl, WIZARD_PATH))}`
				: '';
			return `${proseMessages.summary(likely.kind, likely.articles.length, closest.length)}${likelyList}${search}${ruledOut}`;
		}
		return `${verdictMessages.noKnownError()}${ruledOut}`;
	}
	const head = result.ambiguous ? 'Several known causes print this message; each article says how to tell them apart:\n' : '';
	const notes = sameLineGroups(result.matches).map((group) => {
		const q = question(group.map((m) => m.article.id));
		const ids = group.map((m) => m.article.shortId).join(', ');
		return q ? `\n\nLine ${group[0].lineNumber} has ${group.length} known causes (${ids}). The question that tells them apart: ${q.prompt}\n  ${absolute(baseUrl, q.path)}` : '';
	});
	return (
		head +
		result.matches
			.map((m) => `${m.article.shortId}  ${m.article.title}\n  ${articleUrl(baseUrl, m.article.id)}\n  ${m.confidence} confidence; line ${m.lineNumber}: ${m.matchedLine.trim()}`)
			.join('\n\n') +
		notes.join('')
	);
}

/** The possible causes (match.ts `possible`) as plain text: the summary, then each article, its line and its "How to confirm". */
function possibleText(possible: readonly Possible[], baseUrl: string): string {
	const items = possible.map(
		(p) =>
			`\n\n${p.article.shortId}  ${p.article.title}\n  ${articleUrl(baseUrl, p.article.id)}\n  ${possibleMessages.line(p.lineNumber)} ${p.matchedLine.trim()}\n  ${possibleMessages.confirm()}: ${absolute(baseUrl, sectionPath(p.article.id, 'How to confirm'))}`,
	);
	return `${possibleMessages.summary(possible.length)}\n\n${possibleMessages.heading()}:${items.join('')}`;
}

/** Marks Faultline's comments, so the bot can find its own comment and skip it. */
export const BOT_MARKER = '<!-- faultline-bot -->';
/** The second marker, `<!-- faultline-explained: slug slug -->`: the articles a bot comment explains. */
const EXPLAINED = /<!-- faultline-explained:([^>]*)-->/;

/** The article slugs a bot comment says it explains (its second marker); none for any other text. */
export function explainedBy(body: string): string[] {
	return EXPLAINED.exec(body)?.[1].trim().split(/\s+/).filter(Boolean) ?? [];
}

/** A text of an issue thread that the bot read. */
export interface ThreadText {
	/** "the issue", "a comment by @x": names the text in the comment's links. */
	label: string;
	/** " of [the issue](url)", to follow "Matched line N". */
	where: string;
	text: string;
}

/**
 * The bot's comment for a thread: both markers, the intro, one item per
 * explained article (in `explained` order; where it was found, or "found
 * earlier" when an edit removed it from the text), the note for each line
 * that several causes print (with the wizard's question when `question`
 * has one), a matcher link per text, and the footer. `found` holds each
 * article's first match; `results` each text's result that had matches.
 */
export function botComment(comment: {
	explained: readonly string[];
	found: ReadonlyMap<string, { match: Match; source: ThreadText }>;
	results: readonly { source: ThreadText; result: MatchResult }[];
	articles: readonly IndexedArticle[];
	baseUrl: string;
	question?: (articleIds: string[]) => Question | undefined;
}): string {
	const { explained, found, results, articles, baseUrl } = comment;
	const items = explained.map((id) => {
		const hit = found.get(id);
		if (hit) return markdownItem(hit.match, baseUrl, hit.source.where);
		// Explained earlier, no longer in the text (an edit removed it): keep it, say so.
		const article = articles.find((a) => a.id === id);
		return article ? `- **[${article.shortId}: ${article.title}](${articleUrl(baseUrl, id)})** (found earlier; no longer in the text)` : '';
	});
	const notes = results.flatMap(({ result, source }) =>
		sameLineGroups(result.matches).map((group) => `In line ${group[0].lineNumber}${source.where}: ${ambiguityNote(group, baseUrl, comment.question?.(group.map((m) => m.article.id)))}`),
	);
	const links = results.map(({ source, result }) => `[${source.label}](${fittedMatchLink(baseUrl, source.text, result.matches)})`);
	const groups = results.length === 1 ? sameLineGroups(results[0].result.matches) : [];
	return [
		BOT_MARKER,
		`<!-- faultline-explained: ${explained.join(' ')} -->`,
		introLine(explained.length, groups),
		'',
		items.filter(Boolean).join('\n'),
		...notes.flatMap((n) => ['', n]),
		'',
		`Check it yourself in Faultline's matcher (the text stays in your browser): ${links.join(' · ')}`,
		'',
		`<sub>Found by [Faultline](${absolute(baseUrl, '/')}) in this issue's text. This comment is updated, never repeated, when a new known error appears.</sub>`,
		'',
	].join('\n');
}

/** The marker of a comment that lists likely articles: `<!-- faultline-likely: slug slug -->`. */
const LIKELY = (ids: readonly string[]) => `<!-- faultline-likely: ${ids.join(' ')} -->`;

/**
 * The bot's comment for an issue that describes a failure in words, with no known error line: the
 * likely articles (prose.ts), each marked **likely** with its root cause and the words it shares with
 * the text, never as a known error; a matcher link when the text fits one (MAX_LINK_LENGTH); the footer.
 */
export function likelyComment(comment: { likely: readonly ProseMatch[]; source: ThreadText; baseUrl: string }): string {
	const { likely, source, baseUrl } = comment;
	const items = likely.map((l) =>
		[
			`- **[${l.shortId}: ${escapeMarkdown(l.title)}](${articleUrl(baseUrl, l.id)})** (likely)`,
			`  ${escapeMarkdown(l.summary)}`,
			`  ${proseCliMessages.sharesWith(source.label, l.shared.map(proseCliMessages.sharedWord))}`,
		].join('\n'),
	);
	const link = matchUrl(baseUrl, source.text);
	return [
		BOT_MARKER,
		LIKELY(likely.map((l) => l.id)),
		`No known error line in ${source.label}, but its description fits ${likely.length === 1 ? 'this article' : 'these articles'} (**likely**, not a known error: check with each one's "How to confirm"):`,
		'',
		items.join('\n'),
		...(link.length <= MAX_LINK_LENGTH ? ['', `Check it yourself in Faultline's matcher (the text stays in your browser): [${source.label}](${link})`] : []),
		'',
		`<sub>Found by [Faultline](${absolute(baseUrl, '/')}) in this issue's text. This comment is updated, never repeated, when a known error appears.</sub>`,
		'',
	].join('\n');
}

/**
 * An article as tools read it, before it has addresses: what the packaged
 * CLI ships in dist-cli/data.json, made from a checked article by
 * `articleFacts` (src/lib/api.ts). Addresses are added by `toolArticle`, as
 * they depend on where the site is deployed.
 */
export interface ArticleFacts {
	/** The permanent slug. */
	id: string;
	/** FL-NNNN. */
	shortId: string;
	title: string;
	/** The one-sentence root cause. */
	summary: string;
	/** Product ids (src/lib/registry.ts). */
	products: ProductId[];
	/** The quoted error lines: verbatim `line`, its typed-hole `pattern` when it has one, the releases it is printed by (`where`), and whether it decides alone. */
	signatures: { line: string; pattern?: string; where: string; decisive: boolean }[];
	/** Upstream references: `ref` as the article writes it (owner/name#N, owner/name@hash or a URL), a title, and the URL it points to. */
	sources: { ref: string; title: string; url: string }[];
	/** How sure the article is of its root cause: one of the four evidence levels (src/lib/evidence.ts). */
	rootCause: { evidence: EvidenceLevel };
	/** The fixes, recommended first: permanent anchor, heading text, evidence level. */
	fixes: { anchor: string; title: string; evidence: EvidenceLevel }[];
	status: 'active' | 'retired';
	/** For a retired article: the slug of the article that replaces it. */
	replacedBy?: string;
}

/**
 * The tool-facing shape of an article: one object of `faultline list --json`
 * and of `articles` in /api/v1/articles.json (validated there by
 * apiArticleSchema). Fields, in this order: id, shortId, title, url (the
 * article's absolute URL under `baseUrl`), summary, products, signatures,
 * sources, rootCause { evidence }, fixes [{ anchor, title, evidence, url
 * (the article's URL with #anchor) }], status, and replacedBy only for a
 * retired article that has one. No units: every value is text, a list or a flag.
 */
export interface ToolArticle extends Omit<ArticleFacts, 'fixes'> {
	url: string;
	fixes: { anchor: string; title: string; evidence: EvidenceLevel; url: string }[];
}

/** The tool-facing object of one article (see ToolArticle) for the site at `baseUrl` (no trailing slash needed). */
export function toolArticle(a: ArticleFacts, baseUrl: string): ToolArticle {
	return {
		id: a.id,
		shortId: a.shortId,
		title: a.title,
		url: articleUrl(baseUrl, a.id),
		summary: a.summary,
		products: [...a.products],
		signatures: a.signatures.map((s) => ({ ...s })),
		sources: a.sources.map((s) => ({ ...s })),
		rootCause: { evidence: a.rootCause.evidence },
		fixes: a.fixes.map((f) => ({ anchor: f.anchor, title: f.title, evidence: f.evidence, url: articleUrl(baseUrl, a.id, f.anchor) })),
		status: a.status,
		...(a.replacedBy ? { replacedBy: a.replacedBy } : {}),
	};
}

/** One line of `faultline list`: short ID, slug and title, two spaces apart. */
export function listLine(a: Pick<ArticleFacts, 'id' | 'shortId' | 'title'>): string {
	return `${a.shortId}  ${a.id}  ${a.title}`;
}
