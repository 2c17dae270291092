/**
 * The matcher's pre-filter (the quick look): whether a raw pasted line can
 * match anything at all, decided before the line is normalised. Most lines of
 * a log cannot, and normalising is the costly step, so this runs on every
 * line (and window of a long line) and must allocate nothing for most of them.
 *
 * It knows the index's key words (each signature's anchors, or its phrase's
 * key; each `when`/`excludeWhen` text's anchor), hashes each word of a line
 * (FNV-1a, 30 bits) in one scan over its characters, turns most words away by
 * a bitmap over the hashes, and for the rest asks what `verify` in match.ts
 * would ask first (enough anchors, the phrase in a row, enough specific
 * words; a context's inner words in the line). Its contract: a line it turns
 * away cannot match (tests/unit/anchors.test.ts checks it over the eval data).
 *
 * The tables both it and the full reading use (`keyTables`) are built here once.
 */
import { isGeneric, type MatcherIndex } from './model.ts';
import { MIN_ANCHOR_HITS, SCORING } from './scoring.ts';
import { tokensOf, withoutEscapes } from './normalize.ts';

/** Words as they stand in a raw line, for the quick look before normalising. */
export const RAW_WORDS = /[a-z0-9_]+/g;

/** The words of a raw line as the quick look reads them: lower case, RAW_WORDS. */
function lowerWords(line: string): string[] {
	return line.toLowerCase().match(RAW_WORDS) ?? [];
}

/**
 * Per ASCII code, the code a RAW_WORDS character has in lower case (letters, digits, `_`), or 0 for any
 * other character: the scan in `quickLook` reads each character once through it.
 */
const WORD_CODES = /* @__PURE__ */ wordCodes();

function wordCodes(): Uint8Array {
	const codes = new Uint8Array(128);
	for (let c = 0; c < 128; c++) if (/[a-z0-9_]/i.test(String.fromCharCode(c))) codes[c] = String.fromCharCode(c).toLowerCase().charCodeAt(0);
	return codes;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
/** Hashes are kept to 30 bits, which V8 stores as small integers (a Set of them never allocates a number). */
const HASH_MASK = 0x3fffffff;

/** FNV-1a over a lower-case word's UTF-16 code units, as the scan in `quickLook` computes it. */
export function wordHash(word: string): number {
	let hash = FNV_OFFSET;
	for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), FNV_PRIME);
	return hash & HASH_MASK;
}

/**
 * `wordHash` of `text.slice(start, end)` lower-cased, for text of ASCII characters there, without making
 * the string (match.ts `valueLine`).
 */
export function rangeHash(text: string, start: number, end: number): number {
	let hash = FNV_OFFSET;
	for (let i = start; i < end; i++) {
		let c = text.charCodeAt(i);
		if (c >= 65 && c <= 90) c += 32;
		hash = Math.imul(hash ^ c, FNV_PRIME);
	}
	return hash & HASH_MASK;
}

/**
 * The index's key words, as both the quick look and the full reading of a line look them up. Built
 * once per matcher by `keyTables`; signatures and articles are named by their position in the index.
 */
export interface KeyTables {
	/** Key word -> the signatures it keys: each signature's anchors, or its phrase's key alone. */
	anchors: Map<string, number[]>;
	/** Per signature, how many of its anchors a line needs (MIN_ANCHOR_HITS at most; 1 for a phrase). */
	anchorsNeeded: number[];
	/** Per signature with a phrase, its words joined by single spaces with a space at each end (whole words); else undefined. */
	phrases: (string | undefined)[];
	/** Per signature, its phrase's distinct words, longest first (empty without a phrase). */
	phraseWords: string[][];
	/** Anchor word -> the `excludeWhen` texts it anchors. */
	exclusionAnchors: Map<string, ContextText[]>;
	/** Anchor word -> the `when` texts it anchors. */
	contextAnchors: Map<string, ContextText[]>;
}

/** The key-word tables of an index (see `KeyTables`). */
export function keyTables(index: MatcherIndex): KeyTables {
const anchors = new Map<string, number[]>();
const anchorsNeeded: number[] = [];
const phrases: (string | undefined)[] = [];
const phraseWords: string[][] = [];
index.signatures.forEach((sig, i) => {
	for (const t of sig.phrase ? [sig.phrase.key] : sig.anchors) push(anchors, t, i);
	anchorsNeeded[i] = sig.phrase ? 1 : Math.min(MIN_ANCHOR_HITS, sig.anchors.length);
	// Spaces at both ends, so that a look for the phrase in a line's words joined by spaces finds whole words only.
	phrases[i] = sig.phrase && ` ${sig.phrase.words.join(' ')} `;
	phraseWords[i] = sig.phrase ? [...new Set(sig.phrase.words)].sort((a, b) => b.length - a.length) : [];
});
const exclusionAnchors = new Map<string, ContextText[]>();
const contextAnchors = new Map<string, ContextText[]>();
index.articles.forEach((a, i) => {
	for (const { anchor, text, why } of a.exclusions) if (anchor) push(exclusionAnchors, anchor, { kind: 'excludeWhen', article: i, text, why, ...contextWords(text) });
	for (const { anchor, text, why } of a.contexts) if (anchor) push(contextAnchors, anchor, { kind: 'when', article: i, text, why, ...contextWords(text) });
});
	return { anchors, anchorsNeeded, phrases, phraseWords, exclusionAnchors, contextAnchors };
}

/**
 * The quick look over one index: `quickLook(raw, settled?)` says whether a raw line can match (see the
 * module's comment and the function's own). `keys` are the index's `keyTables`; `weight` a word's
 * weight in the index (its `weights`, or `maxWeight` for a word it lacks). The returned function keeps
 * scratch space between calls: one matcher, one caller at a time (JavaScript runs it to the end).
 */
export function createPrefilter(index: MatcherIndex, keys: KeyTables, weight: (word: string) => number): (raw: string, settled?: Settled) => boolean {
	const { anchors, anchorsNeeded, phrases, phraseWords, exclusionAnchors, contextAnchors } = keys;
	// The three lookups by word in one map, so that the quick look at a raw line costs one lookup per word.
	const byWord = new Map<string, { sigs?: number[]; contexts?: ContextText[] }>();
	for (const [w, sigs] of anchors) byWord.set(w, { sigs });
	for (const map of [exclusionAnchors, contextAnchors]) {
		for (const [w, list] of map) {
			const entry = byWord.get(w) ?? {};
			entry.contexts = [...(entry.contexts ?? []), ...list];
			byWord.set(w, entry);
		}
	}
	// The key words by hash (a hash two keys share lists both), and a bitmap over their hashes' low 16 bits,
	// which turns most words of a line away before any lookup: the scan of a raw line compares a word with a
	// key only when its hash is a key's, and makes a string of none.
	const keysByHash = new Map<number, KeyWord[]>();
	const keyBits = new Int32Array(1 << 11);
	for (const [word, entry] of byWord) {
		const hash = wordHash(word);
		const bits = (entry.sigs ?? []).map((sig) => 1 << Math.max(0, index.signatures[sig].anchors.indexOf(word)));
		push(keysByHash, hash, { word, ...entry, bits });
		keyBits[(hash >>> 5) & 0x7ff] |= 1 << (hash & 31);
	}

	// What `verify` asks of a line's words, per signature, for the quick look to ask it first (`canMeet`): its
	// specific words by hash with their weights; how many of them any reading needs (min(SCORING.minSpecific,
	// their number); none for diagnostic output, met by its pattern alone); the weight a near or partial
	// reading needs (SCORING.partialSpecificShare of their total, less a hair for the order of the sums); and
	// the words an exact reading holds whole (`exactWords`).
	const specificHashes = index.signatures.map((sig) => sig.tokens.filter((t) => !isGeneric(t)).map(wordHash));
	const specificWeights = index.signatures.map((sig) => sig.tokens.filter((t) => !isGeneric(t)).map(weight));
	const specificNeeded = index.signatures.map((sig, i) => (sig.diagnostic ? 0 : Math.min(SCORING.minSpecific, specificHashes[i].length)));
	const shareNeeded = specificWeights.map((ws) => SCORING.partialSpecificShare * ws.reduce((sum, w) => sum + w, 0) - 1e-9);
	const exactHashes = index.signatures.map((sig) => exactWords(sig.parts).map(wordHash));
	// The quick look's scratch space, reused for every line: the hash of each word of the line, and where
	// each word whose hash is a key's starts and ends.
	let lineHashes = new Int32Array(64);
	let lineWordCount = 0;
	let keySpans = new Int32Array(32);
	let keySpanCount = 0;
	/** Whether the line last scanned holds a word of this hash (a hash shared by two words lets a line through, never stops one). */
	const hasWordHash = (hash: number): boolean => {
		for (let i = 0; i < lineWordCount; i++) if (lineHashes[i] === hash) return true;
		return false;
	};

	/**
	 * Whether a raw line can match at all: some signature has enough of its
	 * anchors among the line's words (or its phrase's words in a row), and as
	 * many of its specific words as `verify` asks for before anything else; or
	 * an exclusion's or context's anchor is there with the words inside its
	 * text and, inside some word, its first and last.
	 * Normalising only removes or replaces words (after the terminal escapes,
	 * which `withoutEscapes` removes here too), and every word it writes holds
	 * a `#`, which no specific word does: so a line that fails here would fail
	 * after normalising too. Checking a context's inner words, not its anchor
	 * alone, matters: a context's anchor can be a word most log lines hold
	 * (`host` in "host cloud-images.ubuntu.com not found"), which would send
	 * every line of a journal through normalising. Likewise a signature with
	 * one anchor among common words ("bash: line 1: nix: command not found",
	 * anchor `line`) needs a second of its specific words on the line.
	 *
	 * One scan over the line's characters, lower-casing ASCII as it goes and
	 * hashing each word (FNV-1a, as `wordHash`) into reused scratch space: a
	 * word becomes a string only when its hash is a key's, so most lines
	 * allocate nothing. Two characters outside ASCII lower-case to ASCII
	 * letters (U+0130 and U+212A): a line holding one is read the slow way, by
	 * `lowerWords`, which is what the scan stands for.
	 *
	 * `settled`, in a session: what no later line can change (a signature met
	 * exactly, an article whose context or exclusion the paste already holds),
	 * which then lets no line through.
	 */
	function quickLook(raw: string, settled?: Settled): boolean {
		const line = withoutEscapes(raw);
		lineWordCount = 0;
		keySpanCount = 0;
		scanned = line;
		lower = lineWords = joined = undefined;
		lineStamp = (lineStamp + 1) | 0;
		let slowWords: string[] | undefined;
		let start = -1;
		let hash = 0;
		const end = line.length;
		for (let i = 0; i <= end; i++) {
			const code = i < end ? line.charCodeAt(i) : 32;
			const c = code < 128 ? WORD_CODES[code] : 0;
			if (c !== 0) {
				if (start < 0) {
					start = i;
					hash = FNV_OFFSET;
				}
				hash = Math.imul(hash ^ c, FNV_PRIME);
				continue;
			}
			if (code === 0x130 || code === 0x212a) {
				slowWords = lowerWords(line);
				break;
			}
			if (start < 0) continue;
			const h = hash & HASH_MASK;
			if (lineWordCount === lineHashes.length) lineHashes = grown(lineHashes);
			lineHashes[lineWordCount++] = h;
			if ((keyBits[(h >>> 5) & 0x7ff] >>> (h & 31)) & 1) {
				if (keySpanCount + 3 > keySpans.length) keySpans = grown(keySpans);
				keySpans[keySpanCount++] = start;
				keySpans[keySpanCount++] = i;
				keySpans[keySpanCount++] = h;
			}
			start = -1;
		}
		if (slowWords) {
			lineWordCount = 0;
			for (const w of slowWords) {
				if (lineWordCount === lineHashes.length) lineHashes = grown(lineHashes);
				lineHashes[lineWordCount++] = wordHash(w);
			}
			return slowWords.some((w) => keysByHash.get(wordHash(w))?.some((key) => key.word === w && seenIn(key, settled)));
		}
		for (let k = 0; k < keySpanCount; k += 3) {
			for (const key of keysByHash.get(keySpans[k + 2]) ?? []) {
				if (sameWord(line, keySpans[k], keySpans[k + 1], key.word) && seenIn(key, settled)) return true;
			}
		}
		return false;
	}

	// What `seenIn` needs of the line it is asked about, each made once per line and only when a key word
	// asks for it; the cheap look (is each word somewhere in the lower-cased line) comes before the one
	// that allocates. `quickLook` clears them for each line.
	let scanned = '';
	let lower: string | undefined;
	let lineWords: string[] | undefined;
	let joined: string | undefined;
	// Which anchors of a signature the line holds, one bit each, valid for the line whose stamp it carries
	// (a word counts once per signature, however often the line repeats it).
	let lineStamp = 0;
	const hitStamp = new Int32Array(index.signatures.length);
	const hitBits = new Int32Array(index.signatures.length);

	/** Whether the lower-cased line holds `text` anywhere (inside a word too). */
	function containsText(text: string): boolean {
		return (lower ??= scanned.toLowerCase()).includes(text);
	}
	/** Whether the line's words, joined by single spaces, hold `run` (given with a space at each end: whole words). */
	function inARow(run: string): boolean {
		return (joined ??= ` ${(lineWords ??= lowerWords(scanned)).join(' ')} `).includes(run);
	}
	/** Whether the line may hold a context or exclusion text: the checks that allocate nothing first. */
	function holds(c: ContextText, settled: Settled | undefined): boolean {
		if (settled && (c.kind === 'when' ? settled.contexts : settled.exclusions).has(c.article)) return false;
		for (const h of c.wordHashes) if (!hasWordHash(h)) return false;
		for (const e of c.edges) if (!containsText(e)) return false;
		return !c.run || inARow(c.run);
	}
	/** Whether the key word `key` of the line `quickLook` is looking at decides that it may match. */
	function seenIn(key: KeyWord, settled: Settled | undefined): boolean {
		if (key.contexts) for (const c of key.contexts) if (holds(c, settled)) return true;
		const sigs = key.sigs;
		if (!sigs) return false;
		for (let j = 0; j < sigs.length; j++) {
			const s = sigs[j];
			if (settled?.signatures.has(s)) continue;
			const phrase = phrases[s];
			if (phrase !== undefined) {
				if (phraseWords[s].every(containsText) && inARow(phrase) && canMeet(s)) return true;
				continue;
			}
			if (anchorsNeeded[s] > 1) {
				if (hitStamp[s] !== lineStamp) {
					hitStamp[s] = lineStamp;
					hitBits[s] = 0;
				}
				hitBits[s] |= key.bits[j];
				if (bitsSet(hitBits[s]) < anchorsNeeded[s]) continue;
			}
			if (canMeet(s)) return true;
		}
		return false;
	}

	/**
	 * Whether the line last scanned holds the words `verify` asks of signature `s` for some reading: as many
	 * of its specific words as every reading needs; and either every word an exact reading holds whole
	 * (`exactWords`), or, for a near or partial reading, SCORING.minSpecific specific words carrying
	 * SCORING.partialSpecificShare of their weight (a near reading has them all).
	 */
	function canMeet(s: number): boolean {
		const hashes = specificHashes[s];
		let found = 0;
		let weight = 0;
		for (let i = 0; i < hashes.length; i++) {
			if (!hasWordHash(hashes[i])) continue;
			found++;
			weight += specificWeights[s][i];
		}
		if (found < specificNeeded[s]) return false;
		if (exactHashes[s].every(hasWordHash)) return true;
		return !index.signatures[s].diagnostic && found >= SCORING.minSpecific && weight >= shareNeeded[s];
	}
	return quickLook;
}

/** An article's `excludeWhen` or `when` text (normalised), with what the prefilter needs of it. */
export interface ContextText {
	/** Which of the article's lists it comes from: `excludeWhen` or `when`. */
	kind: 'excludeWhen' | 'when';
	article: number;
	text: string;
	why: string;
	/**
	 * The words strictly inside the text (not its first or last, which the
	 * text may hold as part of a longer word, and none holding a `#` that
	 * normalising writes): a line that holds the text holds each as a word.
	 */
	words: string[];
	/** The hashes of `words` (`wordHash`), for the quick look. */
	wordHashes: number[];
	/**
	 * Its first and last words (without a `#`), or the whole text when it is
	 * word characters and hyphens alone: a line that holds the text holds
	 * each inside a word at least, so its lower case contains them.
	 */
	edges: string[];
	/**
	 * For a text of two words or more with no `#`: its words joined by single
	 * spaces. A line that holds the text holds them in a row (the first the
	 * end of a word, the last the start of one): normalising only rewrites
	 * values into `#` words and punctuation, so between those it keeps the
	 * line's words in order.
	 */
	run?: string;
}

/** The inner and edge words of a normalised text, as `ContextText` describes them. */
export function contextWords(text: string): Pick<ContextText, 'words' | 'wordHashes' | 'edges' | 'run'> {
	const all = tokensOf(text);
	const plain = all.filter((t) => !t.includes('#'));
	// Text of word characters and hyphens only ("--root") is in the raw line as written: normalising writes no
	// such character but inside `#` words (#ip, #hex, #uuid), which a text without those letters cannot meet.
	const whole = /^[a-z0-9_-]+$/.test(text) && !/ip|hex|uuid/.test(text);
	const words = all.slice(1, -1).filter((t) => !t.includes('#'));
	return {
		words,
		wordHashes: words.map(wordHash),
		edges: whole ? [text] : [...new Set([all[0], all[all.length - 1]])].filter((t) => t !== undefined && plain.includes(t)),
		...(all.length > 1 && plain.length === all.length ? { run: all.join(' ') } : {}),
	};
}

/**
 * What a session has settled, which no later line can change: signatures met
 * exactly (a hit scores at most 1, and only a higher score replaces the
 * first), and articles whose context or exclusion is already found (the
 * first line holding one is the one kept). The quick look lets no line
 * through for these alone.
 */
export interface Settled {
	signatures: Set<number>;
	contexts: ReadonlyMap<number, unknown>;
	exclusions: ReadonlyMap<number, unknown>;
}

/**
 * Words a line that meets a pattern exactly holds as whole words (no `#`,
 * which normalising writes): each literal part's words but its first and
 * last when the part begins or ends inside a word, as it may next to a hole
 * or at either end of the pattern (the pattern is looked for anywhere in the line).
 */
function exactWords(parts: readonly string[]): string[] {
	return parts.flatMap((part) => {
		const words = tokensOf(part);
		if (/[a-z0-9_#]$/.test(part)) words.pop();
		if (/^[a-z0-9_#]/.test(part)) words.shift();
		return words.filter((t) => !t.includes('#'));
	});
}

/** A word the quick look keys on, with what it leads to (the `byWord` entry). */
interface KeyWord {
	word: string;
	sigs?: number[];
	/** Per signature in `sigs`, the bit of this word among its anchors. */
	bits: number[];
	contexts?: ContextText[];
}

/** How many bits of `x` are set (anchors are few: SCORING.anchorsPerSignature). */
function bitsSet(x: number): number {
	let n = 0;
	for (let v = x; v; v &= v - 1) n++;
	return n;
}

/** Whether `line` from `start` to `end` is `word` (lower case, ASCII word characters), ASCII letters compared in either case. */
function sameWord(line: string, start: number, end: number, word: string): boolean {
	if (end - start !== word.length) return false;
	for (let i = 0; i < word.length; i++) {
		let c = line.charCodeAt(start + i);
		if (c >= 65 && c <= 90) c += 32;
		if (c !== word.charCodeAt(i)) return false;
	}
	return true;
}

/** A copy of `array` twice as long, for scratch space that has filled up. */
function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
	const bigger = new Int32Array(array.length * 2);
	bigger.set(array);
	return bigger;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}
