/**
 * The GitHub Action's thin I/O layer: read the inputs and the event, list the
 * issue's comments, and create or update Faultline's comment through the
 * GitHub REST API with the job's token. All decisions are made by `decide`
 * (src/cli/issue-comment.ts); this file only carries them out. It talks to
 * no other host than GITHUB_API_URL (https://api.github.com on github.com),
 * and tests give it a fake `fetch`.
 */
import { appendFile, readFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { createMatcher } from '../lib/matcher/index.ts';
import { actionMessages, cliMessages, problemLine, type ActionInput } from '../lib/messages.ts';
import { SITE_URL } from '../lib/addresses.ts';
import type { CliData } from '../cli/data.ts';
import { createProseRanker } from '../lib/prose.ts';
import { BadEvent, decide, readEvent, skipReason, type BotOptions, type Decision, type GitHubComment } from '../cli/issue-comment.ts';

export interface ActionIo {
	/** The process environment: INPUT_* (the Action's inputs), GITHUB_EVENT_PATH, GITHUB_API_URL, GITHUB_OUTPUT. */
	env: Record<string, string | undefined>;
	fetch: typeof fetch;
	data: CliData;
	stdout: Writable;
	stderr: Writable;
}

/** The most comments read on one issue: 30 pages of 100 (the API's largest page). */
const MAX_PAGES = 30;

/** Inputs as action.yml declares them; GitHub passes each as INPUT_<NAME in upper case>. */
export function readInputs(env: ActionIo['env']): BotOptions & { token: string } {
	const input = (name: ActionInput) => (env[`INPUT_${name.toUpperCase()}`] ?? '').trim();
	const bad = (name: ActionInput, value: string): never => {
		throw new BadEvent(problemLine('action.yml', `with.${name}`, cliMessages.badInput(name, value)));
	};
	const token = input('token');
	if (!token) bad('token', '');
	const min = input('min-confidence') || 'medium';
	if (min !== 'high' && min !== 'medium') bad('min-confidence', min);
	const include = (input('include-comments') || 'true').toLowerCase();
	if (include !== 'true' && include !== 'false') bad('include-comments', include);
	const site = input('site-url') || SITE_URL;
	if (!/^https?:\/\/[^\s]+$/.test(site)) bad('site-url', site);
	return { token, minConfidence: min as BotOptions['minConfidence'], includeComments: include === 'true', baseUrl: site.replace(/\/$/, '') };
}

/** Run the Action once. Exit status: 0 done (commented, updated, or nothing to say), 1 the GitHub API refused, 2 bad inputs or an unreadable event. */
export async function runAction(io: ActionIo): Promise<number> {
	const log = (text: string) => io.stdout.write(`${text}\n`);
	let decision: Decision;
	let url = '';
	try {
		const options = { ...readInputs(io.env), wizard: io.data.wizard, prose: createProseRanker(io.data.prose.docs) };
		const path = io.env.GITHUB_EVENT_PATH;
		const name = io.env.GITHUB_EVENT_NAME ?? '';
		if (!path) throw new BadEvent(problemLine('$GITHUB_EVENT_PATH', 'event', cliMessages.eventPathUnset()));
		if (name !== 'issues' && name !== 'issue_comment') {
			throw new BadEvent(problemLine(path, 'event', cliMessages.eventName(name)));
		}
		let raw: unknown;
		try {
			raw = JSON.parse(await readFile(path, 'utf8'));
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			throw new BadEvent(problemLine(path, 'event', cliMessages.eventUnreadable(code)));
		}
		const event = readEvent(raw, path);
		const api = new GitHubApi(io.env.GITHUB_API_URL || 'https://api.github.com', options.token, io.fetch);
		const issue = `/repos/${event.repository.full_name}/issues/${event.issue.number}`;
		const skip = skipReason(event, options);
		const comments = skip ? [] : await api.list<GitHubComment>(`${issue}/comments`);
		decision = decide(event, comments, createMatcher(io.data.index), options);
		if (decision.action === 'create') url = (await api.send('POST', `${issue}/comments`, decision.body)).html_url;
		if (decision.action === 'update') url = (await api.send('PATCH', `/repos/${event.repository.full_name}/issues/comments/${decision.commentId}`, decision.body)).html_url;
	} catch (error) {
		if (error instanceof BadEvent) {
			io.stderr.write(`faultline: ${error.message}\n`);
			return 2;
		}
		if (error instanceof ApiError) {
			io.stderr.write(`faultline: ${error.message}\n`);
			return 1;
		}
		throw error;
	}
	if (decision.action === 'none') log(actionMessages.noComment(decision.reason));
	else if (decision.action === 'create' && decision.likely) log(actionMessages.commentedLikely(decision.likely, url));
	else log(actionMessages.commented(decision.action === 'update', decision.explained, url));
	if (io.env.GITHUB_OUTPUT) await appendFile(io.env.GITHUB_OUTPUT, `action=${decision.action}\ncomment-url=${url}\n`);
	return 0;
}

class ApiError extends Error {}

/** The few REST calls the Action makes, with the job's token. */
class GitHubApi {
	private readonly base: string;
	private readonly token: string;
	private readonly fetchFn: typeof fetch;

	constructor(base: string, token: string, fetchFn: typeof fetch) {
		this.base = base;
		this.token = token;
		this.fetchFn = fetchFn;
	}

	private async call(method: string, path: string, body?: string): Promise<Response> {
		const response = await this.fetchFn(`${this.base.replace(/\/$/, '')}${path}`, {
			method,
			headers: {
				accept: 'application/vnd.github+json',
				authorization: `Bearer ${this.token}`,
				'x-github-api-version': '2022-11-28',
				'user-agent': 'faultline-action',
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify({ body }),
		});
		if (!response.ok) {
			const detail = await response.text().then((t) => (JSON.parse(t) as { message?: string }).message ?? '', () => '');
			throw new ApiError(problemLine(`${method} ${path}`, 'response', cliMessages.githubApi(`${method} ${path}`, response.status, detail)));
		}
		return response;
	}

	/** Every item of a paginated list, oldest first. */
	async list<T>(path: string): Promise<T[]> {
		const items: T[] = [];
		for (let page = 1; page <= MAX_PAGES; page++) {
			const batch = (await (await this.call('GET', `${path}?per_page=100&page=${page}`)).json()) as T[];
			items.push(...batch);
			if (batch.length < 100) break;
		}
		return items;
	}

	async send(method: 'POST' | 'PATCH', path: string, body: string): Promise<{ html_url: string }> {
		return (await (await this.call(method, path, body)).json()) as { html_url: string };
	}
}
