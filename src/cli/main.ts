/**
 * The CLI's commands. Exit status: 0 with a match, 1 with none, 2 on bad
 * usage or unreadable input, always with a one-line message saying what is
 * wrong. Input is read line by line, so memory stays bounded for any size.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import type { Readable, Writable } from 'node:stream';
import { PUBLIC_SITE_URL, SITE_URL_VARIABLE } from '../lib/addresses.ts';
import { createMatcher, notPossible, ruledOutBy, SHORT_RESULTS, type Matcher, type MatcherIndex, type MatchResult } from '../lib/matcher/index.ts';
import { listLine, toJson, toMarkdown, toolArticle, toPlainText, type Likely } from '../lib/presenters.ts';
import { createProseRanker } from '../lib/prose.ts';
import { textKind } from '../lib/text-kind.ts';
import type { ProductId } from '../lib/registry.ts';
import { MAX_LINE, readLines, UnreadableInput } from './read-lines.ts';
import { BadEvent, commentFor, type GitHubEvent } from './issue-comment.ts';
import type { CliData } from './data.ts';
import { separatingQuestion } from '../wizard/engine.ts';
import { BadIndex, loadIndex } from './index-file.ts';
import { cliHelp, cliUsageMessages as u, inputName, siteUrlProblems } from '../lib/messages.ts';

export interface CliIo {
	/**
	 * What to match against: compiled from the articles in a clone
	 * (bin/faultline.ts), read from dist-cli/data.json in the package.
	 */
	data: () => CliData | Promise<CliData>;
	/** The package's version, for --version. */
	version: string;
	stdin: Readable & { isTTY?: boolean };
	stdout: Writable;
	stderr: Writable;
	/** For `--index URL` (default: the global fetch); nothing is fetched otherwise. */
	fetch?: typeof fetch;
	/** The environment (process.env), for FAULTLINE_SITE_URL (SITE_URL_VARIABLE); none read without it. */
	env?: Readonly<Record<string, string | undefined>>;
}

const HELP = {
	main: cliHelp.main(),
	match: cliHelp.match({ top: SHORT_RESULTS, site: PUBLIC_SITE_URL }),
	comment: cliHelp.comment(),
	list: cliHelp.list(),
};

class UsageError extends Error {}

/** The longest line of a --batch file, in characters (16 MiB): one issue's text as JSON. */
const BATCH_MAX_LINE = 16 * 1024 * 1024;

/** A length in characters, as the notes say it (MB and KB of 2^20 and 2^10). */
function sizeOf(chars: number): string {
	return chars >= 1024 * 1024 ? `${(chars / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(chars / 1024)} KB`;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
	const say = (stream: Writable, text: string) => stream.write(text.endsWith('\n') ? text : `${text}\n`);
	const [command, ...rest] = argv;
	try {
		if (!command) {
			say(io.stderr, HELP.main);
			return 2;
		}
		if (command === '-h' || command === '--help' || command === 'help') {
			say(io.stdout, HELP.main);
			return 0;
		}
		if (command === '-V' || command === '--version' || command === 'version') {
			say(io.stdout, `faultline ${io.version}`);
			return 0;
		}
		if (command === 'match') return await matchCommand(rest, io, say);
		if (command === 'list') return await listCommand(rest, io, say);
		if (command === 'comment') return await commentCommand(rest, io, say);
		throw new UsageError(u.unknownCommand(command));
	} catch (error) {
		// Content with problems (a clone's articles, src/lib/content.ts ContentError, by name: the packaged CLI
		// bundles no content code) says what is wrong and how to fix it, as the build does, without a stack trace.
		if (error instanceof UsageError || error instanceof UnreadableInput || error instanceof BadIndex || error instanceof BadEvent || (error instanceof Error && error.name === 'ContentError')) {
			say(io.stderr, `faultline: ${error.message}`);
			return 2;
		}
		if (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
			say(io.stderr, `faultline: ${u.badOption(error.message.split('\n')[0], command)}`);
			return 2;
		}
		throw error;
	}
}

const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

function parse<T extends ParseArgsOptionsConfig>(args: string[], options: T) {
	return parseArgs<{ args: string[]; options: T & typeof HELP_OPTION; allowPositionals: true; strict: true }>({
		args,
		options: { ...options, ...HELP_OPTION },
		allowPositionals: true,
		strict: true,
	});
}

async function matchCommand(args: string[], io: CliIo, say: (s: Writable, t: string) => void): Promise<number> {
	const { values, positionals } = parse(args, {
		json: { type: 'boolean' },
		markdown: { type: 'boolean' },
		top: { type: 'string' },
		product: { type: 'string' },
		'base-url': { type: 'string' },
		batch: { type: 'string' },
		index: { type: 'string' },
	});
	if (values.help) {
		say(io.stdout, HELP.match);
		return 0;
	}
	if (values.json && values.markdown) throw new UsageError(u.jsonAndMarkdown());
	if (positionals.length > 1) throw new UsageError(u.severalInputs(positionals));
	const top = values.top === undefined ? SHORT_RESULTS : Number(values.top);
	if (!Number.isInteger(top) || top < 1) throw new UsageError(u.badTop(String(values.top)));
	const baseUrl = baseUrlOf(values['base-url'] as string | undefined, io.env);
	const data = await io.data();
	const product = values.product as string | undefined;
	const products = [...new Set(data.articles.flatMap((a) => a.products))].sort();
	if (product !== undefined && !products.includes(product as ProductId)) throw new UsageError(u.badProduct(product, products));
	const matcher = createMatcher(await indexOf(values.index as string | undefined, data, io));

	if (values.batch !== undefined) {
		if (positionals.length > 0) throw new UsageError(u.batchWithInput());
		return batch(String(values.batch), matcher, top, baseUrl, io);
	}

	const source = positionals[0] ?? '-';
	if (source === '-' && io.stdin.isTTY) {
		say(io.stderr, `faultline: ${u.readingTerminal()}`);
	}
	const session = matcher.session();
	const onCut = (n: number, length: number) =>
		say(io.stderr, `faultline: ${u.lineCut(n, inputName(source), sizeOf(length), sizeOf(MAX_LINE))}`);
	// The start of the text, for a description: one longer than DESCRIPTION_MAX is a log, and is not kept.
	let head: string[] | undefined = [];
	let headLength = 0;
	for await (const line of readLines(await openInput(source, io), source, { onCut })) {
		session.addLine(line);
		if (head && (headLength += line.length + 1) <= DESCRIPTION_MAX) head.push(line);
		else head = undefined;
	}
	const result = session.result({ top });
	const likely = head && result.matches.length === 0 ? likelyFor(head.join('\n'), result, data, product) : undefined;

	if (values.json) say(io.stdout, JSON.stringify(toJson(result, baseUrl, likely)));
	else if (values.markdown) {
		const comment = toMarkdown(result, baseUrl, { question: (ids) => separatingQuestion(data.wizard, ids) });
		if (comment) io.stdout.write(comment);
	} else say(io.stdout, toPlainText(result, baseUrl, (ids) => separatingQuestion(data.wizard, ids), likely));
	return result.matches.length > 0 ? 0 : 1;
}

/**
 * The longest text (characters) read as a possible description: longer is a log. Chosen: a
 * description is a few sentences; the prose ranker reads the first 2,000 characters (prose.ts).
 */
const DESCRIPTION_MAX = 16 * 1024;

/**
 * The likely articles for a text with no error line, as the site ranks them (prose.ts, text-kind.ts),
 * and when none stands out the closest articles as search results: undefined for a log, which gets none.
 */
function likelyFor(text: string, result: MatchResult, data: CliData, product: string | undefined): Likely | undefined {
	const kind = textKind(text);
	if (kind === 'log') return undefined;
	const ranking = createProseRanker(data.prose.docs).ranking(text, ruledOutBy(result), { product });
	return { kind, articles: notPossible(ranking.likely, result), closest: ranking.closest };
}

async function batch(file: string, matcher: Matcher, top: number, baseUrl: string, io: CliIo): Promise<number> {
	let any = false;
	let n = 0;
	// A batch line is a whole JSON document: one that is cut could not be read, so it is refused.
	const onCut = (line: number, length: number) => {
		throw new UnreadableInput(u.batchLineTooLong(`${file}:${line}`, sizeOf(length), sizeOf(BATCH_MAX_LINE)));
	};
	for await (const line of readLines(await openInput(file, io), file, { maxLine: BATCH_MAX_LINE, onCut })) {
		n++;
		if (!line.trim()) continue;
		let item: { id?: unknown; text?: unknown };
		try {
			item = JSON.parse(line);
		} catch {
			throw new UnreadableInput(u.batchNotJson(`${file}:${n}`));
		}
		if (typeof item?.text !== 'string') throw new UnreadableInput(u.batchNoText(`${file}:${n}`));
		const result = matcher.match(item.text, { top });
		any ||= result.matches.length > 0;
		io.stdout.write(`${JSON.stringify({ id: item.id ?? null, ...toJson(result, baseUrl) })}\n`);
	}
	return any ? 0 : 1;
}

async function commentCommand(args: string[], io: CliIo, say: (s: Writable, t: string) => void): Promise<number> {
	const { values, positionals } = parse(args, { 'base-url': { type: 'string' }, index: { type: 'string' } });
	if (values.help) {
		say(io.stdout, HELP.comment);
		return 0;
	}
	if (positionals.length !== 1) throw new UsageError(u.commentInputs());
	const source = positionals[0];
	const event = checkEvent(await readEventJson(source, io), inputName(source));
	const data = await io.data();
	const matcher = createMatcher(await indexOf(values.index as string | undefined, data, io));
	const comment = commentFor(event, matcher, baseUrlOf(values['base-url'] as string | undefined, io.env), data.wizard, createProseRanker(data.prose.docs));
	if (comment) io.stdout.write(comment);
	return comment ? 0 : 1;
}

/** The JSON of an event file, or of standard input for `-` (read as `match` reads it). */
async function readEventJson(source: string, io: CliIo): Promise<unknown> {
	const parts: string[] = [];
	for await (const line of readLines(await openInput(source, io), source, { maxLine: BATCH_MAX_LINE, onCut: () => {
		throw new UnreadableInput(u.eventLineTooLong(inputName(source), sizeOf(BATCH_MAX_LINE)));
	} })) parts.push(line);
	try {
		return JSON.parse(parts.join('\n'));
	} catch {
		throw new UnreadableInput(u.eventNotJson(inputName(source)));
	}
}

/**
 * A GitHub issue or comment event, checked field by field before use: an
 * object with an `issue` or a `comment` object whose `body` and `title` are
 * strings or null. Anything else is refused with a one-line reason.
 */
function checkEvent(raw: unknown, name: string): GitHubEvent {
	const bad = (why: string) => new UnreadableInput(u.notAnEvent(name, why));
	const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
	const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`);
	if (!isObject(raw)) throw bad(u.eventIsNot(kind(raw)));
	if (raw.issue === undefined && raw.comment === undefined) throw bad(u.eventHasNoPart());
	for (const part of ['issue', 'comment'] as const) {
		const value = raw[part];
		if (value === undefined) continue;
		if (!isObject(value)) throw bad(u.eventFieldNotObject(part, kind(value)));
		for (const field of ['body', 'title'] as const) {
			const v = value[field];
			if (v !== undefined && v !== null && typeof v !== 'string') throw bad(u.eventFieldNotText(`${part}.${field}`, kind(v)));
		}
		for (const who of ['user'] as const) if (value[who] !== undefined && value[who] !== null && !isObject(value[who])) throw bad(u.eventFieldNotObject(`${part}.${who}`, kind(value[who])));
	}
	if (raw.sender !== undefined && raw.sender !== null && !isObject(raw.sender)) throw bad(u.eventFieldNotObject('sender', kind(raw.sender)));
	return raw as GitHubEvent;
}

async function listCommand(args: string[], io: CliIo, say: (s: Writable, t: string) => void): Promise<number> {
	const { values, positionals } = parse(args, { json: { type: 'boolean' }, 'base-url': { type: 'string' } });
	if (values.help) {
		say(io.stdout, HELP.list);
		return 0;
	}
	if (positionals.length > 0) throw new UsageError(u.listArguments(positionals));
	const baseUrl = baseUrlOf(values['base-url'] as string | undefined, io.env);
	const { articles } = await io.data();
	if (values.json) say(io.stdout, JSON.stringify(articles.map((a) => toolArticle(a, baseUrl)), null, 2));
	else say(io.stdout, articles.map(listLine).join('\n'));
	return 0;
}

/** The built-in index, or the one --index names (read and checked; BadIndex when it cannot be used). */
async function indexOf(source: string | undefined, data: CliData, io: CliIo): Promise<MatcherIndex> {
	if (source === undefined) return data.index;
	if (source === '') throw new UsageError(u.emptyIndex());
	return loadIndex(source, io.fetch ?? fetch);
}

/**
 * The address of the site the links point to, without a trailing slash: --base-url, else
 * FAULTLINE_SITE_URL from the environment (a site served locally: http://localhost:4321), else the
 * public site. A value that is not an http(s) address of a site (a scheme, a host, no query or
 * fragment) is a UsageError that says which of the two it came from and what is wrong with it.
 */
function baseUrlOf(option: string | undefined, env: CliIo['env']): string {
	const fromEnv = env?.[SITE_URL_VARIABLE] || undefined;
	const value = option ?? fromEnv;
	if (value === undefined) return PUBLIC_SITE_URL;
	const problem = siteUrlProblem(value);
	if (problem) throw new UsageError(option !== undefined ? u.badBaseUrl(value, problem) : u.badSiteUrlVariable(SITE_URL_VARIABLE, value, problem));
	return value.replace(/\/+$/, '');
}

/** What keeps `value` from being a site's address (src/lib/messages.ts siteUrlProblems), or undefined when it is one. */
function siteUrlProblem(value: string): string | undefined {
	if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return siteUrlProblems.noScheme();
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return siteUrlProblems.notUrl();
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return siteUrlProblems.notHttp(url.protocol.slice(0, -1));
	if (url.search || url.hash || value.includes('#') || value.includes('?')) return siteUrlProblems.queryOrFragment();
	return undefined;
}

async function openInput(source: string, io: CliIo): Promise<Readable> {
	if (source === '-') return io.stdin;
	try {
		const info = await stat(source);
		if (info.isDirectory()) throw new UnreadableInput(u.directory(source));
	} catch (error) {
		if (error instanceof UnreadableInput) throw error;
		const code = (error as NodeJS.ErrnoException).code;
		throw new UnreadableInput(code === 'ENOENT' ? u.noSuchFile(source) : u.cannotRead(source, code));
	}
	return createReadStream(source);
}
