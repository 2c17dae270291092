/**
 * The issue bot's logic, pure: from a GitHub event and the comments already
 * on the issue, whether to create a comment, update Faultline's own comment,
 * or stay silent, and the body. No I/O here: src/action/github.ts fetches the
 * comments and posts the decision; `faultline comment` prints it.
 *
 * Rules: one comment per issue, found by BOT_MARKER; it lists every known
 * error found in the thread (the issue, and with `includeComments` the
 * comments of people); a later event updates it only when it brings an
 * article the comment does not explain yet (the articles explained are kept
 * in a second hidden marker). Bots, and Faultline's own comments, are never
 * answered, and their text is never read.
 */
import type { Matcher, Match, MatchResult } from '../lib/matcher/index.ts';
import { SHORT_RESULTS } from '../lib/matcher/index.ts';
import { BOT_MARKER, botComment, explainedBy, likelyComment, type ThreadText } from '../lib/presenters.ts';
import { ruledOutBy } from '../lib/matcher/index.ts';
import type { ProseRanker } from '../lib/prose.ts';
import { textKind } from '../lib/text-kind.ts';
import { actionMessages as a, cliMessages, problemLine, type Message } from '../lib/messages.ts';
import type { CliWizard } from './data.ts';
import { separatingQuestion } from '../wizard/engine.ts';

export { BOT_MARKER } from '../lib/presenters.ts';

export interface GitHubUser {
	login?: string;
	/** "User", "Bot" or "Organization". */
	type?: string;
}

export interface GitHubComment {
	id?: number;
	body?: string | null;
	user?: GitHubUser | null;
	html_url?: string;
}

/** The parts of an `issues` or `issue_comment` webhook payload the bot reads. */
export interface GitHubEvent {
	action?: string;
	issue?: { number?: number; title?: string | null; body?: string | null; html_url?: string; user?: GitHubUser | null; pull_request?: unknown };
	comment?: GitHubComment;
	sender?: GitHubUser;
	repository?: { full_name?: string };
}

/** An event the bot can read: the issue's number and repository are known. */
export interface IssueEvent extends GitHubEvent {
	issue: NonNullable<GitHubEvent['issue']> & { number: number };
	repository: { full_name: string };
}

export type Confidence = Match['confidence'];

export interface BotOptions {
	/** The site's address, for links. */
	baseUrl: string;
	/** The lowest confidence worth a comment. */
	minConfidence: Confidence;
	/** Read comments too, not only the issue's title and body. */
	includeComments: boolean;
	/** For the question that tells several causes apart; without it the note only says there are several. */
	wizard?: CliWizard;
	/**
	 * Ranks an issue by its description (prose.ts) when its text holds no known error and reads as
	 * prose: the bot then posts the likely articles, marked likely, if `minConfidence` is `medium` (a
	 * likely article is less than a medium match, so a repository that asks for `high` gets none).
	 * Without it, such an issue gets no comment.
	 */
	prose?: ProseRanker;
}

export type Decision =
	| { action: 'none'; reason: string }
	/** `likely`: set when the comment lists likely articles for a description (then `explained` is empty). */
	| { action: 'create'; body: string; explained: string[]; likely?: string[] }
	| { action: 'update'; commentId: number; body: string; explained: string[] };

/** An event the bot cannot read; its message is one line in the build's format. */
export class BadEvent extends Error {}

const ISSUE_ACTIONS = new Set(['opened', 'edited', 'reopened']);
const COMMENT_ACTIONS = new Set(['created', 'edited']);

/**
 * Check that a parsed webhook payload is an `issues` or `issue_comment` event
 * with an issue number and a repository; throws BadEvent saying what is missing.
 */
export function readEvent(value: unknown, name: string): IssueEvent {
	const fail = (field: string, m: Message): never => {
		throw new BadEvent(problemLine(name, field, m));
	};
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('event', cliMessages.eventNotObject());
	const event = value as GitHubEvent;
	if (typeof event.issue !== 'object' || event.issue === null) return fail('issue', cliMessages.eventNoIssue());
	if (!Number.isInteger(event.issue.number)) return fail('issue.number', cliMessages.eventFieldMissing());
	if (typeof event.repository?.full_name !== 'string') return fail('repository.full_name', cliMessages.eventFieldMissing());
	if (event.comment !== undefined && (typeof event.comment !== 'object' || event.comment === null)) return fail('comment', cliMessages.eventFieldNotObject());
	return event as IssueEvent;
}

const isBot = (user: GitHubUser | null | undefined) => user?.type === 'Bot' || /\[bot\]$/.test(user?.login ?? '');
const isOwn = (body: string | null | undefined) => (body ?? '').includes(BOT_MARKER);

/** Why the bot stays silent on this event before reading any comment, or undefined when it should look. */
export function skipReason(event: IssueEvent, options: BotOptions): string | undefined {
	if (event.issue.pull_request !== undefined) return a.pullRequest();
	if (event.comment) {
		if (!options.includeComments) return a.commentsOff();
		if (event.action !== undefined && !COMMENT_ACTIONS.has(event.action)) return a.commentAction(event.action);
		if (isOwn(event.comment.body)) return a.ownComment();
		if (isBot(event.comment.user) || isBot(event.sender)) return a.botComment();
	} else {
		if (event.action !== undefined && !ISSUE_ACTIONS.has(event.action)) return a.issueAction(event.action);
		if (isBot(event.sender) || isBot(event.issue.user)) return a.botIssue();
	}
	return undefined;
}

/** A text of the thread, with how the comment names it. */
function source(label: string, url: string | undefined, text: string): ThreadText {
	return { label, where: url ? ` of [${label}](${url})` : ` of ${label}`, text };
}

/**
 * The decision for an event, given every comment already on the issue (in
 * order; the event's own comment may be among them). Pure: the same inputs
 * give the same decision.
 */
export function decide(event: IssueEvent, comments: readonly GitHubComment[], matcher: Matcher, options: BotOptions): Decision {
	const skip = skipReason(event, options);
	if (skip) return { action: 'none', reason: skip };

	const own = comments.find((c) => isOwn(c.body) && typeof c.id === 'number');
	const explainedBefore = own ? explainedBy(own.body ?? '') : [];

	const sources = [source('the issue', event.issue.html_url, `${event.issue.title ?? ''}\n${event.issue.body ?? ''}`)];
	if (options.includeComments) {
		const thread = [...comments];
		if (event.comment) {
			const at = thread.findIndex((c) => c.id !== undefined && c.id === event.comment!.id);
			if (at >= 0) thread[at] = event.comment;
			else thread.push(event.comment);
		}
		for (const c of thread) {
			if (isOwn(c.body) || isBot(c.user)) continue;
			sources.push(source(c.user?.login ? `a comment by @${c.user.login}` : 'a comment', c.html_url, c.body ?? ''));
		}
	}

	// Each article once, where it is first found; each source's result, for its notes and link.
	const found = new Map<string, { match: Match; source: ThreadText }>();
	const results: { source: ThreadText; result: MatchResult }[] = [];
	for (const source of sources) {
		const result = worthy(matcher.match(source.text, { top: SHORT_RESULTS }), options.minConfidence);
		if (result.matches.length === 0) continue;
		results.push({ source, result });
		for (const match of result.matches) if (!found.has(match.article.id)) found.set(match.article.id, { match, source });
	}

	const fresh = [...found.keys()].filter((id) => !explainedBefore.includes(id));
	if (fresh.length === 0) {
		if (!own && found.size === 0) {
			const likely = likelyDecision(sources[0], matcher, options);
			if (likely) return likely;
		}
		return { action: 'none', reason: own ? a.allExplained() : a.noKnownError() };
	}
	const explained = [...explainedBefore, ...fresh];
	const question = options.wizard ? (ids: string[]) => separatingQuestion(options.wizard!, ids) : undefined;
	const body = botComment({ explained, found, results, articles: matcher.index.articles, baseUrl: options.baseUrl, question });
	return own ? { action: 'update', commentId: own.id!, body, explained } : { action: 'create', body, explained };
}

/**
 * For an issue whose text holds no known error: when it reads as prose (text-kind.ts) and its
 * description fits articles (`options.prose`), a comment listing them as likely; else undefined.
 * Only the issue's own text is ranked, not its comments: the description is the report. Its likely
 * articles are not recorded as explained, so a known error found later still updates the comment.
 */
function likelyDecision(issue: ThreadText, matcher: Matcher, options: BotOptions): Decision | undefined {
	if (!options.prose || options.minConfidence !== 'medium' || textKind(issue.text) !== 'prose') return undefined;
	const likely = options.prose.rank(issue.text, ruledOutBy(matcher.match(issue.text)));
	if (likely.length === 0) return undefined;
	return { action: 'create', body: likelyComment({ likely, source: issue, baseUrl: options.baseUrl }), explained: [], likely: likely.map((l) => l.id) };
}

/** Only matches at or above the confidence bar. */
function worthy(result: MatchResult, min: Confidence): MatchResult {
	const matches = result.matches.filter((m) => min === 'medium' || m.confidence === 'high');
	return { ...result, matches, ambiguous: result.ambiguous && matches.length > 1 };
}

/** The comment for one event with no earlier comments (what `faultline comment EVENT.json` prints), or '' when there is nothing to say. */
export function commentFor(event: GitHubEvent, matcher: Matcher, baseUrl: string, wizard?: CliWizard, prose?: ProseRanker): string {
	const readable = { ...event, issue: { number: 0, ...event.issue }, repository: { full_name: '', ...event.repository } } as IssueEvent;
	const decision = decide(readable, [], matcher, { baseUrl, minConfidence: 'medium', includeComments: true, wizard, prose });
	return decision.action === 'none' ? '' : decision.body;
}
