/**
 * Signature patterns: an error line with the parts that differ between
 * machines replaced by typed holes. A hole says what may stand there, so a
 * pattern never accepts a different message in the place of a value:
 *
 * | hole          | stands for                                   | after normalisation (normalize.ts) |
 * |---------------|----------------------------------------------|------------------------------------|
 * | `{path}`      | a file system path or a URL                  | no spaces, no quotes               |
 * | `{n}`         | a number (a count, a size, an exit code)     | digits, `.`, or `#` for a long one |
 * | `{hex}`       | a hash, an ID, an address                    | hex digits, or `#hex` / `#`        |
 * | `{word}`      | one word (a user, a controller, a unit name) | no spaces, no quotes, no `/`       |
 * | `{a\|b\|c}`   | exactly one of the words listed              | each alternative, normalised       |
 * | `{*}`         | anything, at least one character             | use only where nothing narrower fits |
 *
 * A pattern is matched against a normalised line: its literal parts in
 * order, each hole between them holding what its type allows.
 */
import { normalizeValues } from './normalize.ts';

/** The hole that accepts anything. */
export const WILDCARD = '{*}';

/** Every hole a pattern may hold, by name, as a regular expression over normalised text. */
export const HOLE_TYPES = {
	'*': '.+?',
	path: "[^\\s']+",
	n: '(?:#|\\d+(?:[.,]\\d+)*)',
	hex: '(?:#hex|#|(?:0x)?[0-9a-f]+)',
	word: "[^\\s'/]+",
} as const;

/** A hole's name, or an alternative list `a|b|c`. */
export type HoleType = keyof typeof HOLE_TYPES | { oneOf: string[] };

/** One piece of a pattern: literal text (as written) or a hole. */
export type Segment = { literal: string } | { hole: HoleType };

/**
 * One character of an alternative (`{oci|rootless}`), and so of a one-value output, a bare word or
 * alternatives: an ASCII letter, digit, `_`, `.` or `-` (`valuesOf`; match.ts reads a line's end by it).
 */
export const VALUE_CHAR = /[\w.-]/;

/** `{name}` for a named hole, `{a|b}` for alternatives (`VALUE_CHAR`s, at least two). */
const HOLE = new RegExp(`\\{(\\*|path|n|hex|word|${VALUE_CHAR.source}+(?:\\|${VALUE_CHAR.source}+)+)\\}`, 'g');

/** Split a pattern into literal text and holes, in order. Text in braces that is not a hole stays literal. */
export function segmentsOf(pattern: string): Segment[] {
	const segments: Segment[] = [];
	let at = 0;
	for (const m of pattern.matchAll(HOLE)) {
		if (m.index > at) segments.push({ literal: pattern.slice(at, m.index) });
		const name = m[1];
		segments.push({ hole: name.includes('|') ? { oneOf: name.split('|') } : (name as keyof typeof HOLE_TYPES) });
		at = m.index + m[0].length;
	}
	if (at < pattern.length) segments.push({ literal: pattern.slice(at) });
	return segments;
}

/** The normalised literal parts of a pattern, in order (its words come from these). */
export function patternParts(pattern: string): string[] {
	return compiledPattern(pattern).parts;
}

/**
 * The regular expression source (no flags; lines are normalised to lower
 * case first) that a normalised line must contain for the pattern to match.
 * Literal text is normalised the way a pasted line is, so values inside it
 * (a long number, a home directory) compare as they would in a paste.
 */
export function patternSource(pattern: string): string {
	return compiledPattern(pattern).source;
}

/**
 * Both at once, normalising each literal once: what the index compiler
 * needs. `glued` says, per part, whether a hole touches its start and its
 * end with no space between (`_nixbld{n}`): the word at that edge is then
 * only a piece of a word in a matching line.
 */
export function compiledPattern(pattern: string): { parts: string[]; source: string; glued: [boolean, boolean][] } {
	const segments = segmentsOf(pattern);
	const parts: string[] = [];
	const glued: [boolean, boolean][] = [];
	const pieces = segments.map((s, i) => {
		if ('literal' in s) {
			const text = s.literal.replace(/\s+/g, ' ');
			const core = normalizeValues(text);
			if (core) {
				parts.push(core);
				glued.push([i > 0 && !/^\s/.test(text), i < segments.length - 1 && !/\s$/.test(text)]);
			}
			// Keep the spaces at the edges of a literal: they separate it from its holes.
			const lead = /^\s/.test(text) && core ? ' ' : '';
			const trail = /\s$/.test(text) && core ? ' ' : '';
			return escapeRegExp(core ? `${lead}${core}${trail}` : text.length ? ' ' : '');
		}
		if (typeof s.hole === 'object') return `(?:${s.hole.oneOf.map((w) => escapeRegExp(normalizeValues(w))).join('|')})`;
		return HOLE_TYPES[s.hole];
	});
	// A `{*}` at either end adds nothing to a search that is not anchored.
	let from = 0;
	let to = segments.length;
	while (from < to && isAnything(segments[from])) from++;
	while (to > from && isAnything(segments[to - 1])) to--;
	return { parts, source: pieces.slice(from, to).join(''), glued };
}

/**
 * For a pattern that opens with the OCI runtime's name (`crun: the requested cgroup controller …`), the
 * same message as Podman printed it before it named the runtime: `OCI runtime error: ` and the runtime's
 * message (Podman 2.2.1 in containers/podman#8914: `Error: OCI runtime error: the requested cgroup
 * controller \`cpu\` is not available`). containers/podman#12758 (merged in January 2022) put the name
 * between the two, so later releases print `OCI runtime error: crun: …`, which the pattern itself meets.
 * Only Podman's own wrapper: Docker and containerd print `OCI runtime create failed: …: unknown`, where
 * the message alone names no Podman setup (a rootful Docker, a cgroup v1 usernetes), so that wording is
 * not taken. Undefined when the pattern names no runtime first.
 */
export function unnamedRuntimeSource(pattern: string): string | undefined {
	const rest = /^crun: (?=\S)/.test(pattern) ? pattern.slice('crun: '.length) : undefined;
	return rest === undefined ? undefined : `oci runtime error: ${compiledPattern(rest).source}`;
}

/**
 * A diagnostic output's pattern as a whole value in a line: where the pattern starts (ends) with a word
 * character, the text before (after) it in the line is not a word character, `.`, `/` or `-`. Output is
 * a value of its own (`overlayfs`, `cgroup2fs`, `memory pids`); the same letters inside a longer value
 * (`/usr/bin/fuse-overlayfs` in a config file) are not that output. A pattern that opens or closes with
 * `{*}`, or with punctuation (`[{path}//deleted]`), is matched as it stands. A pattern of one bare word
 * is the whole line, or the value at the end of a `key: value` line.
 */
export function wholeValue(pattern: string, source: string): string {
	// One bare word (`overlayfs`, `Enforcing`, `cgroup2fs`), or a hole of alternatives alone (`{oci|rootless}`),
	// is output only as a line of its own or as the value a key ends the line with (`cgroupManager: cgroupfs`):
	// in a sentence ("…" in overlayfs in buildah 1.20, containers/buildah#3126) it is a word the reader wrote,
	// not what the command printed.
	if (valuesOf(pattern)) return `^(?:[^:=]*[:=] ?)?${source}\s*$`;
	const lead = /^\w/.test(pattern) ? '(?<![\\w./-])' : '';
	const trail = /\w$/.test(pattern) ? '(?![\\w./-])' : '';
	return `${lead}${source}${trail}`;
}

/**
 * The values a one-value diagnostic output may be: its one bare value (`overlayfs`, `Enforcing`, `2.1.9`), or the
 * alternatives of a pattern that is one hole of them alone (`{oci|rootless}`, `printenv BUILDAH_ISOLATION`),
 * in lower case as a raw line holds them; undefined for any other pattern. Such output is a whole line or a key's value
 * (`wholeValue`), and the matcher looks it up by the value a line ends with, not by an anchor: a word such
 * as `oci` is in many log lines, each of which an anchor would send through the quick look unsettled
 * (match.ts `valueLine`). A line that is the value alone counts only right after the diagnostic's command.
 */
export function valuesOf(pattern: string): string[] | undefined {
	if (ONE_VALUE.test(pattern)) return [pattern.toLowerCase()];
	const alternatives = ALTERNATIVES_ALONE.exec(pattern);
	return alternatives ? alternatives[1].toLowerCase().split('|') : undefined;
}

/** A pattern that is one bare value (`overlayfs`, `2.1.9`, `cgroup2fs`), made of `VALUE_CHAR`s with a letter or digit among them. */
const ONE_VALUE = new RegExp(`^(?=${VALUE_CHAR.source}*[a-z0-9])${VALUE_CHAR.source}+$`, 'i');

/** A pattern that is one hole of alternatives alone (`{oci|rootless}`), each made of `VALUE_CHAR`s. */
const ALTERNATIVES_ALONE = new RegExp(`^\\{(${VALUE_CHAR.source}+(?:\\|${VALUE_CHAR.source}+)+)\\}$`);

/**
 * What the matcher reads of a signature (model.ts IndexedSignature): `text` is its pattern, or its line
 * (a diagnostic's output) when the article gives no pattern; `diagnostic` for a diagnostic's output,
 * which is matched as a whole value (`wholeValue`). Its literal parts, its source, for a line that
 * opens with the runtime's name the older wording's source (`unnamedRuntimeSource`), and `glued` as
 * compiledPattern gives it. The compiler (compile.ts) and the browser, which derives these again from
 * the downloaded index (browser-index.ts `restoreDerived`), both call this: one rule, one result.
 */
export function signatureForm(text: string, diagnostic: boolean): { parts: string[]; source: string; unnamedSource?: string; glued: [boolean, boolean][] } {
	const { parts, source, glued } = compiledPattern(text);
	if (diagnostic) return { parts, source: wholeValue(text, source), glued };
	const unnamedSource = unnamedRuntimeSource(text);
	return { parts, source, ...(unnamedSource ? { unnamedSource } : {}), glued };
}

/** A compiled pattern, for testing many lines. */
export function compilePattern(pattern: string): RegExp {
	return new RegExp(patternSource(pattern));
}

/** The pattern as a reader sees it: every hole shown as `…`. */
export function displayPattern(pattern: string): string {
	return pattern.replace(HOLE, '…');
}

function isAnything(segment: Segment): boolean {
	return 'hole' in segment && segment.hole === '*';
}

/** `text` as a regular expression that matches it literally (every metacharacter escaped). */
export function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A line as its pattern's literal text, verbatim, with what stands around and in each hole: the text
 * before the pattern, each hole's text in order, the text after it (so holes + 2 texts). Undefined when
 * the line does not hold the pattern's literal text verbatim (it differs in spacing, say). `lineFrom`
 * gives the line back exactly; the browser's index carries these texts in place of such a line
 * (browser-index.ts), since the pattern already holds most of it.
 */
export function fillsOf(line: string, pattern: string): string[] | undefined {
	const segments = segmentsOf(pattern);
	const m = new RegExp(`^([^]*?)${segments.map((s) => ('literal' in s ? escapeRegExp(s.literal) : '([^]*?)')).join('')}([^]*)$`).exec(line);
	const fills = m?.slice(1);
	return fills && lineFrom(pattern, fills) === line ? fills : undefined;
}

/** The line `fillsOf` read: the pattern's literal text with `fills` around it and in its holes. */
export function lineFrom(pattern: string, fills: readonly string[]): string {
	let k = 1;
	return fills[0] + segmentsOf(pattern).map((s) => ('literal' in s ? s.literal : fills[k++])).join('') + fills[k];
}
