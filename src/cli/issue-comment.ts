/**
 * The issue bot's logic: from a GitHub event (a new issue or comment), the
 * comment to post, or nothing. It skips its own comments and other bots, so
 * it never answers itself.
 */
import type { Matcher } from '../lib/matcher/index.ts';
import { toMarkdown } from '../lib/matcher/index.ts';

/** Marks Faultline's comments, so the bot can recognise and skip them. */
export const BOT_MARKER = '<!-- faultline-bot -->';

/** The parts of a GitHub issue or comment webhook event the bot reads (checked by the CLI before use). */
export interface GitHubEvent {
	issue?: { body?: string | null; title?: string | null };
	comment?: { body?: string | null; user?: { type?: string } };
	sender?: { type?: string };
}

/** The comment for an event, or '' when there is nothing to say. */
export function commentFor(event: GitHubEvent, matcher: Matcher, baseUrl: string): string {
	const text = event.comment ? (event.comment.body ?? '') : `${event.issue?.title ?? ''}\n${event.issue?.body ?? ''}`;
	if (event.sender?.type === 'Bot' || event.comment?.user?.type === 'Bot' || text.includes(BOT_MARKER)) return '';
	const markdown = toMarkdown(matcher.match(text, { top: 3 }), baseUrl);
	return markdown ? `${BOT_MARKER}\n${markdown}` : '';
}
