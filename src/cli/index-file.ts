/**
 * `--index URL|FILE`: a matcher index from elsewhere (the site's newer
 * /api/v1/matcher-index.json), checked before use. Nothing is fetched unless
 * the reader names a URL.
 */
import { readFile } from 'node:fs/promises';
import type { MatcherIndex } from '../lib/matcher/index.ts';
import { HOST_IDS } from '../lib/hosts.ts';
import { cliMessages, indexShapes as must, problemLine, type Message } from '../lib/messages.ts';

/** A matcher index that cannot be used; the message is one line in the build's format. */
export class BadIndex extends Error {}

/** Read an index from an http(s) URL (with `fetchFn`) or a file, and check its shape; throws BadIndex. */
export async function loadIndex(source: string, fetchFn: typeof fetch = fetch): Promise<MatcherIndex> {
	let text: string;
	try {
		if (/^https?:\/\//i.test(source)) {
			const response = await fetchFn(source, { headers: { accept: 'application/json' }, redirect: 'follow' });
			if (!response.ok) throw new Error(cliMessages.httpStatus(response.status));
			text = await response.text();
		} else {
			text = await readFile(source, 'utf8');
		}
	} catch (error) {
		const e = error as NodeJS.ErrnoException;
		const reason = e.code === 'ENOENT' ? cliMessages.noSuchFile() : e.code ?? (e.cause as Error | undefined)?.message ?? e.message;
		throw new BadIndex(problemLine(source, 'index', cliMessages.indexUnreadable(source, reason)));
	}
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		throw new BadIndex(problemLine(source, 'index', cliMessages.indexNotJson()));
	}
	return checkIndex(value, source);
}

/**
 * Check that a parsed JSON value is a matcher index of version 1 (the shape
 * of `MatcherIndex` in src/lib/matcher/model.ts) and return it; throws
 * BadIndex naming the first field that is wrong.
 */
export function checkIndex(value: unknown, source: string): MatcherIndex {
	const fail = (field: string, m: Message): never => {
		throw new BadIndex(problemLine(source, field, m));
	};
	const shape = (field: string, expected: string) => fail(field, cliMessages.indexShape(expected));
	if (!isObject(value)) return shape('index', must.index);
	if (value.version !== 1) return fail('version', cliMessages.indexNewer(value.version));
	if (!Array.isArray(value.articles) || value.articles.length === 0) return shape('articles', must.nonEmptyList);
	value.articles.forEach((a, i) => {
		const at = `articles[${i}]`;
		if (!isObject(a)) return shape(at, must.object);
		for (const key of ['id', 'shortId', 'title', 'summary'] as const) if (typeof a[key] !== 'string') shape(`${at}.${key}`, must.string);
		if (a.status !== 'active' && a.status !== 'retired') shape(`${at}.status`, must.status);
		if (!Array.isArray(a.exclusions)) return shape(`${at}.exclusions`, must.list);
		a.exclusions.forEach((e, j) => {
			if (!isObject(e) || typeof e.text !== 'string' || typeof e.why !== 'string' || typeof e.anchor !== 'string') {
				shape(`${at}.exclusions[${j}]`, must.exclusion);
			}
		});
		if (a.hosts !== undefined && !(Array.isArray(a.hosts) && a.hosts.every((h) => (HOST_IDS as readonly unknown[]).includes(h)))) shape(`${at}.hosts`, must.hosts);
	});
	if (!Array.isArray(value.signatures)) return shape('signatures', must.list);
	const articles = value.articles.length;
	value.signatures.forEach((s, i) => {
		const at = `signatures[${i}]`;
		if (!isObject(s)) return shape(at, must.object);
		if (!Number.isInteger(s.article) || (s.article as number) < 0 || (s.article as number) >= articles) shape(`${at}.article`, must.articlePosition(articles));
		if (typeof s.line !== 'string') shape(`${at}.line`, must.string);
		for (const key of ['parts', 'tokens', 'anchors'] as const) if (!isStrings(s[key])) shape(`${at}.${key}`, must.strings);
		if (typeof s.decisive !== 'boolean') shape(`${at}.decisive`, must.boolean);
		// Optional (model.ts `apart`): an index without it reads near lines with no neighbour check.
		if (s.apart !== undefined && !(Array.isArray(s.apart) && s.apart.every(isStrings))) shape(`${at}.apart`, must.stringLists);
	});
	if (!isObject(value.weights) || !Object.values(value.weights).every((w) => typeof w === 'number' && Number.isFinite(w))) {
		return shape('weights', must.weights);
	}
	if (typeof value.maxWeight !== 'number' || !Number.isFinite(value.maxWeight)) return shape('maxWeight', must.number);
	return value as unknown as MatcherIndex;
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStrings(value: unknown): value is string[] {
	return Array.isArray(value) && value.every((v) => typeof v === 'string');
}
