/**
 * Version claims are checkable: every release number or commit hash written
 * in an article's `versions[].affected` or `versions[].fixed` must be named by
 * one of its `sources` (in the entry's `ref` or its `title`), so a reader can
 * follow each one to the place that says so.
 *
 * The tokens, precisely:
 * - a version: digits with at least one dot, optionally after a `v`, not glued
 *   to a word or a dot before it: `1.14.3`, `v0.4.0`, `2.3`, `24.05`. A single
 *   number (`systemd 252`) is not a token. `v0.4.0` and `0.4.0` are the same
 *   version; `2.3` and `2.3.1` are different ones. A series written with `.x`
 *   (`2.29.x`, the bound of a range such as "2.0 to 2.29.x") names no single
 *   release and is not a token: the release that ends the range is the one
 *   to name, where it is written as fixed or as the next range.
 * - a commit: 7 to 40 lower-case hex characters standing alone, with at least
 *   one digit and at least one letter (so neither `1234567` nor a hex-only word
 *   such as `defaced` counts). A source names it when one hash is a prefix of
 *   the other (`3683f43` is named by `owner/name@3683f43e…`).
 */
import type { ArticleData } from './article-schema.ts';

/** A version or commit written in a version claim. */
export interface VersionToken {
	kind: 'version' | 'commit';
	/** As written, e.g. `v0.4.0` or `3683f43`. */
	text: string;
}

const VERSION = /(?<![\w.])v?\d+(?:\.\d+)+\b/g;
/** A version in a claim: as VERSION, but not a series such as `2.29.x`. */
const CLAIMED_VERSION = /(?<![\w.])v?\d+(?:\.\d+)+\b(?!\.x\b)/g;
const COMMIT = /(?<![\w./-])[0-9a-f]{7,40}(?![\w])/g;
const HEX_RUN = /(?<![0-9a-f])[0-9a-f]{7,40}(?![0-9a-f])/g;

const bare = (version: string) => version.replace(/^v/, '');
const isHash = (s: string) => /\d/.test(s) && /[a-f]/.test(s);

/** The version and commit tokens of a claim such as "2.3 to 2.10; fixed by 3683f43". */
export function versionTokens(text: string): VersionToken[] {
	const versions = [...text.matchAll(CLAIMED_VERSION)].map((m) => ({ kind: 'version' as const, text: m[0] }));
	const commits = [...text.matchAll(COMMIT)].filter((m) => isHash(m[0])).map((m) => ({ kind: 'commit' as const, text: m[0] }));
	return [...versions, ...commits];
}

/** Whether a piece of text (a source's ref or title) names a token. */
export function namesToken(text: string, token: VersionToken): boolean {
	if (token.kind === 'version') return [...text.matchAll(VERSION)].some((m) => bare(m[0]) === bare(token.text));
	const lower = text.toLowerCase();
	return [...lower.matchAll(HEX_RUN)].some((m) => m[0].startsWith(token.text) || token.text.startsWith(m[0]));
}

/** A version claim that no source names: where it is (`versions.0.fixed`) and the token. */
export interface UnsourcedVersion {
	field: string;
	token: VersionToken;
}

/** Every version or commit in the article's `versions` that none of its `sources` names. */
export function unsourcedVersions(article: Pick<ArticleData, 'versions' | 'sources'>): UnsourcedVersion[] {
	const texts = article.sources.flatMap((s) => [s.ref, s.title]);
	const found: UnsourcedVersion[] = [];
	article.versions.forEach((v, i) => {
		for (const key of ['affected', 'fixed'] as const) {
			const claim = v[key];
			if (!claim) continue;
			for (const token of versionTokens(claim)) {
				if (!texts.some((t) => namesToken(t, token))) found.push({ field: `versions.${i}.${key}`, token });
			}
		}
	});
	return found;
}
