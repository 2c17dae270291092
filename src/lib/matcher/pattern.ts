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

/** `{name}` for a named hole, `{a|b}` for alternatives (letters, digits, `_ . - `, at least two). */
const HOLE = /\{(\*|path|n|hex|word|[\w.-]+(?:\|[\w.-]+)+)\}/g;

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
			return escape(core ? `${lead}${core}${trail}` : text.length ? ' ' : '');
		}
		if (typeof s.hole === 'object') return `(?:${s.hole.oneOf.map((w) => escape(normalizeValues(w))).join('|')})`;
		return HOLE_TYPES[s.hole];
	});
	// A `{*}` at either end adds nothing to a search that is not anchored.
	let from = 0;
	let to = segments.length;
	while (from < to && isAnything(segments[from])) from++;
	while (to > from && isAnything(segments[to - 1])) to--;
	return { parts, source: pieces.slice(from, to).join(''), glued };
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

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
