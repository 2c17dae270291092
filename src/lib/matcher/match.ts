/**
 * Matching a paste against the index, in one pass over its lines. Each line
 * is normalised once; its rare words look up candidate signatures (the
 * `anchors` of each signature), so the work per line depends on the line,
 * not on how many articles there are. Candidates are then verified: the
 * signature's parts in order (exact), or nearly all its words (near), or a
 * line that is a large, specific fragment of it (partial).
 */
import { isGeneric, type IndexedArticle, type MatcherIndex } from './model.ts';
import { MIN_ANCHOR_HITS, PAGE_RESULTS, roundScore, SCORING } from './scoring.ts';

import { normalizeLine, tokensOf, withoutEscapes } from './normalize.ts';
import { byShortId } from '../short-id.ts';

/** How sure a match is. Anything below `medium` is not reported. */
export type Confidence = 'high' | 'medium';
/** How a line met a signature. */
export type MatchKind = 'exact' | 'near' | 'partial';

export interface Match {
	article: IndexedArticle;
	confidence: Confidence;
	/** Higher is better; exact matches of one decisive line score 1, supporting lines add to it. */
	score: number;
	kind: MatchKind;
	/** The pasted line that matched, as pasted (cut to SCORING.keep characters). */
	matchedLine: string;
	/** 1-based number of that line in the paste. */
	lineNumber: number;
	/** The article's verbatim signature it matched. */
	signature: string;
	/** Other lines of the paste that matched other signatures of the same article. */
	supporting: { matchedLine: string; signature: string }[];
	/** The article's `when` context found in the paste, if any. */
	context?: Context;
}

/** Context in the paste that makes an article's shared line decisive (its `when`). */
export interface Context {
	/** Why this context points to the article; shown to the reader. */
	why: string;
	/** The pasted line that holds it (cut to SCORING.keep characters). */
	matchedLine: string;
}

export interface Exclusion {
	article: IndexedArticle;
	/** Why the paste rules the article out. */
	why: string;
	matchedLine: string;
}

export interface MatchResult {
	/** Best first; empty when nothing reaches the confidence bar. */
	matches: Match[];
	/** True when several articles explain the same text equally well: a question must tell them apart. */
	ambiguous: boolean;
	/** Articles whose signatures matched but that the paste's context rules out. */
	excluded: Exclusion[];
	/** Lines read. */
	lines: number;
}

export interface MatchOptions {
	/** At most this many matches (default PAGE_RESULTS); an ambiguous result has every tied match even beyond it. */
	top?: number;
}

/**
 * The part of a pasted line (or window of a long line) that matched, at most
 * SCORING.keep characters: from a little before the first of `words` found in it, so
 * the reader sees the error, not the start of a long line.
 */
export function excerpt(raw: string, words: readonly string[]): string {
	if (raw.length <= SCORING.keep) return raw;
	const lower = raw.toLowerCase();
	let first = -1;
	for (const w of words) {
		const at = lower.indexOf(w);
		if (at >= 0 && (first < 0 || at < first)) first = at;
	}
	const start = Math.max(0, Math.min(first - SCORING.excerptLead, raw.length - SCORING.keep));
	return raw.slice(start, start + SCORING.keep);
}

/** Words as they stand in a raw line, for the quick look before normalising. */
export const RAW_WORDS = /[a-z0-9_]+/g;

/** The words of a raw line as the quick look reads them: lower case, RAW_WORDS. */
function lowerWords(line: string): string[] {
	return line.toLowerCase().match(RAW_WORDS) ?? [];
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
/** Hashes are kept to 30 bits, which V8 stores as small integers (a Set of them never allocates a number). */
const HASH_MASK = 0x3fffffff;

/** FNV-1a over a lower-case word's UTF-16 code units, as the scan in `mayMatch` computes it. */
function wordHash(word: string): number {
	let hash = FNV_OFFSET;
	for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), FNV_PRIME);
	return hash & HASH_MASK;
}

interface Hit {
	score: number;
	kind: MatchKind;
	line: string;
	lineNumber: number;
}

/** A matcher over one index: `match` for a whole text, `session` for a stream of lines. */
export interface Matcher {
	match(text: string, options?: MatchOptions): MatchResult;
	session(): MatchSession;
	/** Whether a raw line gets past the quick look before normalising (the pre-filter): a line that fails it cannot match. */
	mayMatch(line: string): boolean;
	readonly index: MatcherIndex;
}

/** Feed lines one at a time (bounded memory), then ask for the result. */
export interface MatchSession {
	addLine(line: string): void;
	result(options?: MatchOptions): MatchResult;
	/** How many lines (or windows of a long line) got past the quick look so far and were normalised and read: what matching costs beyond one scan. */
	linesRead(): number;
}

export function createMatcher(index: MatcherIndex): Matcher {
	const weight = (t: string) => index.weights[t] ?? index.maxWeight;

	// Key words -> signatures (anchors, and the key of a phrase), and exclusion anchor words -> exclusions.
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
	const sigTotals = index.signatures.map((sig) => sig.tokens.reduce((sum, t) => sum + weight(t), 0));
	const exact = index.signatures.map((sig) => new RegExp(sig.source));
	// Per diagnostic signature, the command whose output it is, as `isOutputOf` reads a pasted command line.
	const commands = index.signatures.map((sig) => (sig.command ? commandPattern(sig.command) : undefined));
	const specificCount = index.signatures.map((sig) => sig.tokens.filter((t) => !isGeneric(t)).length);
	// The words of each literal part of a signature's pattern (placeholders left out), for the near rule:
	// made on a signature's first near reading, as most signatures never have one.
	const partWordsOf: string[][][] = [];
	const partWords = (s: number) => (partWordsOf[s] ??= index.signatures[s].parts.map((part) => tokensOf(part).filter((t) => !t.includes('#'))));
	const exclusionAnchors = new Map<string, ContextText[]>();
	const contextAnchors = new Map<string, ContextText[]>();
	index.articles.forEach((a, i) => {
		for (const { anchor, text, why } of a.exclusions) if (anchor) push(exclusionAnchors, anchor, { kind: 'excludeWhen', article: i, text, why, ...contextWords(text) });
		for (const { anchor, text, why } of a.contexts) if (anchor) push(contextAnchors, anchor, { kind: 'when', article: i, text, why, ...contextWords(text) });
	});
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
	// The same three by word for reading a line that got past the quick look, each kept apart.
	const readByWord = new Map<string, ReadEntry>();
	const entryOf = (w: string) => readByWord.get(w) ?? readByWord.set(w, {}).get(w)!;
	for (const [w, sigs] of anchors) entryOf(w).sigs = sigs;
	for (const [w, list] of exclusionAnchors) entryOf(w).exclusions = list;
	for (const [w, list] of contextAnchors) entryOf(w).contexts = list;
	// Per signature, each word's weight and whether it is generic, as `verify` reads them for every candidate.
	const tokenWeights = index.signatures.map((sig) => sig.tokens.map(weight));
	const tokenGeneric = index.signatures.map((sig) => sig.tokens.map(isGeneric));
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
	const specificNeeded = index.signatures.map((sig, i) => (sig.diagnostic ? 0 : Math.min(SCORING.minSpecific, specificCount[i])));
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
		for (let i = 0; i <= line.length; i++) {
			let c = i < line.length ? line.charCodeAt(i) : 32;
			if (c >= 65 && c <= 90) c += 32;
			if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95) {
				if (start < 0) {
					start = i;
					hash = FNV_OFFSET;
				}
				hash = Math.imul(hash ^ c, FNV_PRIME);
				continue;
			}
			if (c === 0x130 || c === 0x212a) {
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

	const mayMatch = (raw: string) => quickLook(raw);

	/**
	 * The words that set each signature apart from its neighbours: for every error-line signature of
	 * another article that shares at least SCORING.minSpecific specific words with it, the words of this
	 * signature that the neighbour lacks (placeholders left out), when there are any. Built on the first
	 * near or partial reading of a signature and kept: most lines never need it.
	 */
	const apart = new Map<number, string[][]>();
	let bySpecificWord: Map<string, number[]> | undefined;
	function apartFrom(s: number): string[][] {
		let sets = apart.get(s);
		if (sets) return sets;
		if (!bySpecificWord) {
			bySpecificWord = new Map();
			index.signatures.forEach((sig, i) => {
				if (!sig.diagnostic) for (const t of sig.tokens) if (!isGeneric(t)) push(bySpecificWord!, t, i);
			});
		}
		const sig = index.signatures[s];
		const shared = new Map<number, number>();
		for (const t of sig.tokens) if (!isGeneric(t)) for (const n of bySpecificWord.get(t) ?? []) shared.set(n, (shared.get(n) ?? 0) + 1);
		sets = [];
		for (const [n, count] of shared) {
			const other = index.signatures[n];
			if (other.article === sig.article || count < SCORING.minSpecific) continue;
			const own = sig.tokens.filter((t) => !t.includes('#') && !other.tokens.includes(t));
			if (own.length) sets.push(own);
		}
		apart.set(s, sets);
		return sets;
	}
	/**
	 * Whether a line's words set signature `s` apart from every neighbour (apartFrom): it holds, for
	 * each, a word of `s` that the neighbour lacks. A share of the signature's words is not enough: a
	 * trace line that two messages both carry ("… while setting up the build environment"), or the
	 * same prefix with another ending ("cannot connect to socket …: Connection refused" against
	 * "…: No such file or directory"), holds many of its words and none that tell it apart.
	 */
	function setApart(s: number, words: ReadonlySet<string>): boolean {
		return apartFrom(s).every((own) => own.some((t) => words.has(t)));
	}

	/**
	 * Whether a line holds signature `s`'s specific words within as many consecutive sentences as the
	 * signature's own line has (a near reading). A message reworded keeps its words together; the same
	 * words spread over the sentences of a longer message ("… non-privileged user namespaces. On e.g.
	 * debian this can be enabled with …") are another message. Sentences end at `.`, `;`, `!` or `?`
	 * before a space or the end of the line (a path's or a version's dots do not end one).
	 */
	const ownSentences = new Map<number, number>();
	function inOneStretch(s: number, normalized: string): boolean {
		const sentences = normalized.split(SENTENCE_END).filter((t) => /\w/.test(t));
		let k = ownSentences.get(s);
		if (k === undefined) ownSentences.set(s, (k = Math.max(1, normalizeLine(index.signatures[s].line).split(SENTENCE_END).filter((t) => /\w/.test(t)).length)));
		if (sentences.length <= k) return true;
		const specific = index.signatures[s].tokens.filter((t) => !isGeneric(t));
		for (let i = 0; i + k <= sentences.length; i++) {
			const stretch = new Set(tokensOf(sentences.slice(i, i + k).join(' ')));
			if (specific.every((t) => stretch.has(t))) return true;
		}
		return false;
	}

	/** Whether signature `s`'s own verbatim line goes on, after its pattern's match, into words (its pattern ends in a hole). */
	const ownGoesOn = new Map<number, boolean>();
	function ownLineGoesOn(s: number): boolean {
		let result = ownGoesOn.get(s);
		if (result === undefined) {
			const own = normalizeLine(index.signatures[s].line);
			const met = exact[s].exec(own);
			result = met ? goesOn(own.slice(met.index + met[0].length)) : true;
			ownGoesOn.set(s, result);
		}
		return result;
	}

	function session(): MatchSession {
		const best = new Map<number, Hit>(); // signature -> best hit
		const excluded = new Map<number, Exclusion>(); // article -> first exclusion seen
		const context = new Map<number, Context>(); // article -> first context seen
		const settled: Settled = { signatures: new Set(), contexts: context, exclusions: excluded };
		let lines = 0;
		let read = 0;
		let previous = ''; // the line before, for a wrapped line
		// The last lines before this one that hold more than spaces (at most SCORING.commandLookback): where the
		// command whose output a line is, if the paste shows it, is found (`isOutputOf`).
		const recent: string[] = [];

		/**
		 * Reads one line (or window) of the paste. `parts`: for two wrapped lines read joined, the two
		 * lines; a signature either of them meets as well on its own is left to that line's own reading,
		 * so the joined reading only adds what the wrap split.
		 */
		function readWindow(raw: string, normalized: string, lineNumber: number, parts?: readonly string[]) {
			read++;
			const tokens = tokensOf(normalized);
			const words = new Set(tokens);
			const hits = new Map<number, number>();
			// One lookup per word for all three: signatures by their keys, exclusions and contexts by their anchors.
			const found: ReadEntry[] = [];
			for (const w of words) {
				const entry = readByWord.get(w);
				if (!entry) continue;
				found.push(entry);
				for (const s of entry.sigs ?? []) hits.set(s, (hits.get(s) ?? 0) + 1);
			}
			let inARow: string | undefined;
			for (const [s, count] of hits) {
				if (count < anchorsNeeded[s]) continue;
				if (phrases[s] && !(inARow ??= ` ${tokens.join(' ')} `).includes(phrases[s])) continue;
				// Output under another command of the same program (`cat` of another file) is not this diagnostic's.
				if (commands[s] && !isOutputOf(commands[s], recent)) continue;
				const hit = verify(s, normalized, words);
				if (!hit) continue;
				if (parts?.some((part) => (metAlone(s, part)?.score ?? 0) >= hit.score)) continue;
				const previous = best.get(s);
				if (previous && hit.score <= previous.score) continue;
				best.set(s, { ...hit, line: excerpt(raw, index.signatures[s].tokens), lineNumber });
				if (hit.score >= 1) settled.signatures.add(s);
			}
			for (const entry of found) {
				for (const e of entry.exclusions ?? []) {
					if (!excluded.has(e.article) && normalized.includes(e.text)) {
						excluded.set(e.article, { article: index.articles[e.article], why: e.why, matchedLine: excerpt(raw, tokensOf(e.text)) });
					}
				}
				for (const c of entry.contexts ?? []) {
					if (!context.has(c.article) && normalized.includes(c.text)) {
						context.set(c.article, { why: c.why, matchedLine: excerpt(raw, tokensOf(c.text)) });
					}
				}
			}
		}

		/** How signature `s` meets one raw line on its own (see `verify`). */
		function metAlone(s: number, raw: string) {
			const normalized = normalizeLine(raw);
			return verify(s, normalized, new Set(tokensOf(normalized)));
		}

		function verify(s: number, normalized: string, words: Set<string>): Omit<Hit, 'line' | 'lineNumber'> | undefined {
			const sig = index.signatures[s];
			// Diagnostic output counts only when it fits its pattern exactly.
			if (sig.diagnostic) return exact[s].test(normalized) ? { score: 1, kind: 'exact' } : undefined;
			let covered = 0;
			let specific = 0;
			let specificCovered = 0;
			let specificTotal = 0;
			const generics = tokenGeneric[s];
			const weights = tokenWeights[s];
			for (let i = 0; i < sig.tokens.length; i++) {
				const generic = generics[i];
				if (!generic) specificTotal += weights[i];
				if (!words.has(sig.tokens[i])) continue;
				covered += weights[i];
				if (!generic) {
					specific++;
					specificCovered += weights[i];
				}
			}
			// A line with fewer specific words than the bar ("writing to file: Operation not permitted")
			// can still be met exactly: its pattern, not a share of its words, then says it is that line.
			if (specific < Math.min(SCORING.minSpecific, specificCount[s])) return undefined;
			const met = exact[s].exec(normalized);
			if (met) {
				// A line several causes print is a line of its own: when the pasted line goes on after it into
				// more words than the article's own line does ("while setting up the build environment:
				// executing …: Exec format error"), the line is that other message, with this one as its prefix.
				if (!sig.decisive && goesOn(normalized.slice(met.index + met[0].length)) && !ownLineGoesOn(s)) return undefined;
				return { score: 1, kind: 'exact' };
			}
			if (specific < SCORING.minSpecific) return undefined;
			// Every literal part there, in order, yet the pattern refused: a hole holds what its type forbids
			// (another controller, a sentence where a path belongs). That is another message, not a near one.
			if (sig.parts.length > 1 && inOrder(normalized, sig.parts)) return undefined;
			// Near or partial: only when the line holds a word that sets this signature apart from each of
			// its neighbours (see `setApart`), so a line that is another article's wording is not read as a
			// near version of this one.
			if (!setApart(s, words)) return undefined;
			// Near: every specific word is there, only generic words or the order differ, and each literal part
			// of the pattern shows at least one of its words: generic words may differ, but not a whole part
			// ("…stderr: {*}: permission denied" is not met by "…stderr: write …: no space left on device").
			const sigCoverage = covered / sigTotals[s];
			if (specificCovered === specificTotal && sigCoverage >= SCORING.nearCoverage && partWords(s).every((part) => part.length === 0 || part.some((t) => words.has(t))) && inOneStretch(s, normalized)) {
				return { score: SCORING.nearScale * sigCoverage, kind: 'near' };
			}
			// Partial: the line is a piece of the signature. Words the signature lacks
			// (a different path, another subsystem) count against it at full weight,
			// so the score depends on this signature alone, not on the rest of the index.
			let lineTotal = 0;
			for (const w of words) lineTotal += sig.tokens.includes(w) ? weight(w) : index.maxWeight;
			if (covered / lineTotal >= SCORING.partialLineShare && specificCovered / specificTotal >= SCORING.partialSpecificShare) {
				return { score: SCORING.partialScale * sigCoverage, kind: 'partial' };
			}
			return undefined;
		}

		return {
			addLine(raw: string) {
				lines++;
				const before = previous;
				previous = raw.length <= SCORING.window ? raw : '';
				if (/\S/.test(before) && recent.push(before) > SCORING.commandLookback) recent.shift();
				// A line wrapped where it reached the terminal's or the tracker's width ("…executable file not"
				// / "found in $PATH") is read once more joined to the line before it.
				if (wrapped(before, raw)) {
					const joined = `${before.trimEnd()} ${raw.trimStart()}`;
					if (quickLook(joined, settled)) readWindow(joined, normalizeLine(joined), lines - 1, [before, raw]);
				}
				// Most lines of a log cannot match: skip them before the costlier normalisation.
				if (!quickLook(raw, settled)) return;
				if (raw.length <= SCORING.window) return readWindow(raw, normalizeLine(raw), lines);
				// A long line is read in overlapping windows of the line as pasted, each
				// normalised on its own, so a hit knows which part of the line it is.
				for (let start = 0; start < raw.length; start += SCORING.window - SCORING.overlap) {
					const piece = raw.slice(start, start + SCORING.window);
					if (quickLook(piece, settled)) readWindow(piece, normalizeLine(piece), lines);
				}
			},
			result(options = {}) {
				return rank(index, best, excluded, context, lines, options.top ?? PAGE_RESULTS);
			},
			linesRead: () => read,
		};
	}

	return {
		index,
		session,
		mayMatch,
		match(text, options) {
			const s = session();
			forEachLine(text, s.addLine);
			return s.result(options);
		},
	};
}

/**
 * Turn the best hit per signature into ranked article matches. A decisive
 * line decides; a shared line (`decisive: false`) decides only with its
 * article's `when` context somewhere in the paste, or with another of the
 * article's lines (then at medium confidence at most). A shared line that two
 * or more articles meet without their context makes each a medium candidate,
 * and the result ambiguous (`candidateOf`). `high` means: an exact decisive
 * line, and no other article explains the text as well.
 */
function rank(index: MatcherIndex, best: Map<number, Hit>, excludedByText: Map<number, Exclusion>, context: Map<number, Context>, lines: number, top: number): MatchResult {
	const excluded = new Map(excludedByText);
	// Diagnostic output first: what rules an article out, and what confirms it (context for its shared lines).
	const confirmed = new Map<number, [number, Hit]>();
	for (const [s, hit] of best) {
		const sig = index.signatures[s];
		if (!sig.diagnostic || hit.kind !== 'exact') continue;
		if (sig.diagnostic === 'rules-out' && !excluded.has(sig.article)) {
			excluded.set(sig.article, { article: index.articles[sig.article], why: sig.why ?? '', matchedLine: hit.line });
		} else if (sig.diagnostic === 'holds' && !confirmed.has(sig.article)) confirmed.set(sig.article, [s, hit]);
	}

	const byArticle = new Map<number, { decisive?: [number, Hit]; all: [number, Hit][]; diagnosticOnly?: true }>();
	// Per pasted line, the articles that meet it with a line several causes print (`decisive: false`, or a
	// pattern another article's line fits): two or more there make the line a shared one (see `candidateOf`).
	// A line that one of them decides with its context or confirming output is no longer open: the others
	// stay out, as before (`closed`).
	const sharedOn = new Map<number, Set<number>>();
	const closed = new Set<number>();
	for (const [s, hit] of best) {
		const sig = index.signatures[s];
		if (sig.diagnostic) continue;
		const a = sig.article;
		// A wrapper line (model.ts `wrapper`) names no cause: it never makes a line shared between causes.
		if ((!sig.decisive || sig.shared) && !sig.wrapper && hit.score >= SCORING.minScore && !excluded.has(a)) {
			const on = sharedOn.get(hit.lineNumber) ?? new Set<number>();
			sharedOn.set(hit.lineNumber, on.add(a));
			if (context.has(a) || confirmed.has(a)) closed.add(hit.lineNumber);
		}
		const entry = byArticle.get(a) ?? { all: [] };
		entry.all.push([s, hit]);
		const decides = sig.decisive || context.has(a) || confirmed.has(a);
		// Among equal hits, the article's own decisive line is the one to show, not a line promoted by context.
		const better = (x: [number, Hit]) => hit.score > x[1].score || (hit.score === x[1].score && sig.decisive && !index.signatures[x[0]].decisive);
		if (decides && (!entry.decisive || better(entry.decisive))) entry.decisive = [s, hit];
		byArticle.set(a, entry);
	}
	// Output that confirms a cause, with no error line of it: a medium answer ("your output fits").
	for (const [a, hit] of confirmed) if (!byArticle.has(a)) byArticle.set(a, { all: [hit], diagnosticOnly: true });

	const matches: Match[] = [];
	// Matches on a line several causes print, with nothing in the paste to choose between them.
	const open = new Set<Match>();
	for (const [a, { decisive, all, diagnosticOnly }] of byArticle) {
		if (excluded.has(a)) continue;
		// Two lines of the article, neither a wrapper (which any cause prints), corroborate each other.
		const corroborated = !decisive && new Set(all.filter(([s]) => !index.signatures[s].wrapper).map(([, h]) => h.lineNumber)).size >= 2;
		// A shared line without this article's context: one candidate among the causes that print it.
		const candidate = decisive || corroborated || diagnosticOnly ? undefined : candidateOf(index, all, sharedOn, closed);
		if (!decisive && !corroborated && !diagnosticOnly && !candidate) continue;
		const [s, hit] = decisive ?? candidate ?? all.reduce((x, y) => (y[1].score > x[1].score ? y : x));
		// A message with several known causes is high only with this cause's own context or confirming output.
		const shared = index.signatures[s].shared && !context.has(a) && !confirmed.has(a);
		const confidence: Confidence | undefined =
			hit.kind === 'exact' && decisive && !shared ? 'high' : diagnosticOnly || hit.score >= SCORING.minScore ? 'medium' : undefined;
		if (!confidence) continue;
		const supporting = all
			.filter(([other, h]) => other !== s && h.lineNumber !== hit.lineNumber)
			.map(([other, h]) => ({ matchedLine: h.line, signature: index.signatures[other].line }));
		const base = decisive || candidate ? hit.score : diagnosticOnly ? SCORING.diagnosticOnlyScore : SCORING.supportOnlyScale * hit.score;
		const bonus = SCORING.supportBonus * Math.min(supporting.length, SCORING.maxSupport) + (context.has(a) ? SCORING.contextBonus : 0);
		const match: Match = {
			article: index.articles[a],
			confidence,
			score: roundScore(base + bonus),
			kind: hit.kind,
			matchedLine: hit.line,
			lineNumber: hit.lineNumber,
			signature: index.signatures[s].line,
			supporting,
			...(context.has(a) ? { context: context.get(a) } : {}),
		};
		matches.push(match);
		if (candidate || shared) open.add(match);
	}
	matches.sort((x, y) => y.score - x.score || byShortId(x.article, y.article));

	// Ties: the matches as good as the best; and when the best stands on a shared line alone (no context,
	// no other line of its article), every other cause met on that same line, however well (an exact
	// wording of one cause is no evidence against another whose wording differs a little): the line
	// decides none of them.
	const first = matches[0];
	const alone = first !== undefined && open.has(first) && first.supporting.length === 0;
	const ties = matches.filter((m) => m.score >= (first?.score ?? 0) - SCORING.tie || (alone && open.has(m) && m.lineNumber === first.lineNumber));
	const ambiguous = ties.length > 1;
	// Several causes explain the text equally well: none of them is a confident answer.
	if (ambiguous) for (const m of ties) m.confidence = 'medium';
	return {
		matches: (ambiguous ? ties : matches).slice(0, Math.max(top, ambiguous ? ties.length : 0)),
		ambiguous,
		excluded: [...excluded.entries()].filter(([a]) => byArticle.has(a)).map(([, e]) => e),
		lines,
	};
}

/**
 * An article's best hit on a shared line, if it has one: a pasted line that two or more articles (not
 * ruled out) meet with a line several causes print (`decisive: false`, or `shared`; never a wrapper
 * line, which names no cause however many articles quote it), at `minScore` or
 * more, and that none of them decides with its context or confirming output (`closed`). Such a line
 * decides none of them; each is a candidate at its hit's score, so equal hits tie
 * (the result is `ambiguous`, and the readers are given the question that tells them apart). A line
 * only one article knows as non-decisive (a trace line such as Nix's "while setting up the build
 * environment") stays no answer alone: nothing says which of the unknown other causes it is.
 */
function candidateOf(
	index: MatcherIndex,
	hits: readonly [number, Hit][],
	sharedOn: ReadonlyMap<number, ReadonlySet<number>>,
	closed: ReadonlySet<number>,
): [number, Hit] | undefined {
	let found: [number, Hit] | undefined;
	for (const [s, hit] of hits) {
		const sig = index.signatures[s];
		if ((sig.decisive && !sig.shared) || sig.wrapper || closed.has(hit.lineNumber)) continue;
		if ((sharedOn.get(hit.lineNumber)?.size ?? 0) < 2 || hit.score < SCORING.minScore) continue;
		if (!found || hit.score > found[1].score) found = [s, hit];
	}
	return found;
}

/** What a word of a line past the quick look leads to: the signatures it keys, the exclusions and contexts it anchors. */
interface ReadEntry {
	sigs?: number[];
	exclusions?: ContextText[];
	contexts?: ContextText[];
}

/** An article's `excludeWhen` or `when` text (normalised), with what the prefilter needs of it. */
interface ContextText {
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
function contextWords(text: string): Pick<ContextText, 'words' | 'wordHashes' | 'edges' | 'run'> {
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
 * Whether `line` reads as the rest of `before`, wrapped at a width: `before`
 * is at least SCORING.wrapWidth characters and ends inside a sentence (a word
 * or a comma, no full stop or colon), and `line` goes on in lower case.
 */
function wrapped(before: string, line: string): boolean {
	// The cheapest test first: most log lines start with a capital, a digit or a bracket.
	return before.length >= SCORING.wrapWidth && /^\s*[a-z]/.test(line) && /[\w,]\s*$/.test(before);
}

/** A diagnostic's command as `isOutputOf` compares it: its program, and the paths it reads, segment by segment. */
interface CommandPattern {
	/** Finds the program run as a command in a line: at its start or after a prompt's last character. */
	program: RegExp;
	/** Each path argument of the command, one pattern per segment (`*` and `$(…)` stand for any text within it). */
	paths: RegExp[][];
}

/**
 * A diagnostic command as `isOutputOf` reads it: lower case, no quotes, a leading `sudo` dropped; its
 * program, and the segments of each path it names (`user-$(id -u).slice` is pasted as `user-1000.slice`,
 * `/dev/vboxusb/*` as one of the directories the shell found).
 */
function commandPattern(command: string): CommandPattern | undefined {
	const text = commandText(command);
	const program = text.split(' ')[0];
	if (!program) return undefined;
	const segment = (seg: string) => new RegExp(`^${seg.split(/\$\([^)]*\)|\*/).map(escapeRegExp).join('[^/]*')}$`);
	return {
		program: new RegExp(`(?:^|[\\s$#>%])(${escapeRegExp(program)}) `),
		paths: pathsOf(text.replace(/\$\([^)]*\)/g, (sub) => sub.replace(/\s+/g, ''))).map((p) => p.map(segment)),
	};
}

/** The path arguments of a command line (words that start with `/`), each split into its segments. */
function pathsOf(text: string): string[][] {
	return text
		.split(' ')
		.filter((w) => w.startsWith('/'))
		.map((w) => w.split('/').filter(Boolean));
}

/** A command (or a pasted line holding one) lower-cased, without quotes or a leading `sudo`, spaces collapsed. */
function commandText(line: string): string {
	return line
		.toLowerCase()
		.replace(/["'`]/g, '')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/^sudo /, '');
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whether output may be the output of the diagnostic's command, given the lines before it (`recent`,
 * oldest first). It may, unless the nearest of them that runs the same program runs it on another
 * path: one that parts from every path of the diagnostic's command before either ends. A reader who
 * pastes `cat /sys/fs/cgroup/cgroup.controllers` and its output has shown the root cgroup's
 * controllers, which the same words would not mean under `cat …/user@1000.service/cgroup.controllers`;
 * `findmnt -R /proc` and its table are not `findmnt -T /nix/store`; `ls -l /dev/vboxusb/001` lists
 * what the article's glob over `/dev/vboxusb` does.
 */
function isOutputOf(command: CommandPattern, recent: readonly string[]): boolean {
	if (!command.paths.length) return true;
	for (let i = recent.length - 1; i >= 0; i--) {
		const text = commandText(recent[i]);
		const run = command.program.exec(text);
		if (!run) continue;
		const pasted = pathsOf(text.slice(run.index + run[0].length));
		return !pasted.length || pasted.some((path) => command.paths.some((own) => path.slice(0, own.length).every((seg, j) => own[j].test(seg))));
	}
	return true;
}

/**
 * The end of a sentence in a normalised line: `.`, `;`, `!` or `?` right after a word (or a closing
 * quote or bracket), before a space or the end. Dots written apart (". . .", an elided part of a
 * message) end nothing.
 */
const SENTENCE_END = /(?<=[\w)'\]])[.;!?](?:\s|$)/;

/** Whether the rest of a normalised line holds a word (two letters or more, not a placeholder). */
function goesOn(rest: string): boolean {
	return /(?:^|[^#\w])[a-z]{2,}/.test(rest);
}

/** True when the parts occur in this order in the line. */
function inOrder(line: string, parts: readonly string[]): boolean {
	let from = 0;
	for (const part of parts) {
		const at = line.indexOf(part, from);
		if (at < 0) return false;
		from = at + part.length;
	}
	return true;
}

/**
 * What a session has settled, which no later line can change: signatures met
 * exactly (a hit scores at most 1, and only a higher score replaces the
 * first), and articles whose context or exclusion is already found (the
 * first line holding one is the one kept). The quick look lets no line
 * through for these alone.
 */
interface Settled {
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

/**
 * Calls `fn` with each line of `text`, as `text.split(/\r?\n|\r/)` gives
 * them, without the array: found by `indexOf('\n')`, which is much faster
 * over megabytes than a regular expression, and split at a lone `\r` only in a line
 * that holds one.
 */
export function forEachLine(text: string, fn: (line: string) => void): void {
	let from = 0;
	for (;;) {
		const nl = text.indexOf('\n', from);
		const end = nl < 0 ? text.length : nl > from && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
		const line = text.slice(from, end);
		if (line.includes('\r')) for (const piece of line.split('\r')) fn(piece);
		else fn(line);
		if (nl < 0) return;
		from = nl + 1;
	}
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

/**
 * The matches that share their matched line, in groups of two or more: a
 * line that several known causes print. (The matcher's `ambiguous` flag is
 * about the whole text; this is per line, which is what a reader must tell apart.)
 */
export function sameLineGroups(matches: readonly Match[]): Match[][] {
	const byLine = new Map<number, Match[]>();
	for (const m of matches) byLine.set(m.lineNumber, [...(byLine.get(m.lineNumber) ?? []), m]);
	return [...byLine.values()].filter((g) => g.length > 1);
}

/** The articles a result rules out: the ones whose line matched but whose `excludeWhen` context the text holds. */
export function ruledOutBy(result: MatchResult): Set<string> {
	return new Set(result.excluded.map((e) => e.article.id));
}
