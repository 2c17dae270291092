/**
 * Matching a paste against the index, in one pass over its lines. Each line
 * is normalised once; its rare words look up candidate signatures (the
 * `anchors` of each signature), so the work per line depends on the line,
 * not on how many articles there are. Candidates are then verified: the
 * signature's parts in order (exact), or nearly all its words (near), or a
 * line that is a large, specific fragment of it (partial).
 */
import { isGeneric, type IndexedArticle, type IndexedSignature, type MatcherIndex } from './model.ts';
import { PAGE_RESULTS, roundScore, SCORING } from './scoring.ts';
import { createPrefilter, keyTables, rangeHash, wordHash, type ContextText, type Settled } from './prefilter.ts';
import { escapeRegExp, VALUE_CHAR } from './pattern.ts';
import { normalizeLine, normalizeValues, splitPrefixes, stripPrefixes, tokensOf, withoutEscapes } from './normalize.ts';
import { byShortId } from '../short-id.ts';
import { HOSTS, hostRulesOut, hostsNamedIn, type HostId } from '../hosts.ts';
import { exclusionMessages } from '../messages.ts';

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
	/**
	 * Only when `matches` is empty: articles met on a line that other, unknown causes print too
	 * (`decisive: false`, or a pattern another article's line fits) and that no other article meets, best
	 * first. Such a line decides nothing (`candidateOf`), so it is no match; but it is no new problem either:
	 * the article is a cause to check with its "How to confirm".
	 */
	possible: Possible[];
	/** Lines read. */
	lines: number;
}

/** An article met on a shared line alone (MatchResult `possible`): a cause to check, never an answer. */
export interface Possible {
	article: IndexedArticle;
	/** The pasted line, as pasted (cut to SCORING.keep characters). */
	matchedLine: string;
	/** 1-based number of that line in the paste. */
	lineNumber: number;
	/** The article's verbatim signature it met. */
	signature: string;
	kind: MatchKind;
	/** The hit's score, at least SCORING.minScore. */
	score: number;
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
	const keys = keyTables(index);
	const { anchors, anchorsNeeded, phrases, exclusionAnchors, contextAnchors } = keys;
	// The pre-filter (./prefilter.ts): whether a raw line can match at all, before it is normalised.
	const quickLook = createPrefilter(index, keys, weight);

	const sigTotals = index.signatures.map((sig) => sig.tokens.reduce((sum, t) => sum + weight(t), 0));
	// A signature's exact form; with an `unnamedSource`, either wording of the message.
	const exact = index.signatures.map((sig) => new RegExp(sig.unnamedSource ? `${sig.source}|${sig.unnamedSource}` : sig.source));
	// Per diagnostic signature, the command whose output it is, as `isOutputOf` reads a pasted command line.
	const commands = index.signatures.map((sig) => (sig.command ? commandPattern(sig.command) : undefined));
	// Per diagnostic, whether its own command line holds its output (FL-0031's `grep -o '"incomplete":true' …`):
	// then a pasted line that runs the command's program is the command, not its output (`runsOwnProgram`).
	// Only then: an output may itself start with the program's name (`conmon version 2.1.8`).
	const quotesOwnOutput = index.signatures.map((sig, s) => sig.command !== undefined && exact[s].test(normalizeLine(sig.command)));
	const specificCount = index.signatures.map((sig) => sig.tokens.filter((t) => !isGeneric(t)).length);
	// The words of each literal part of a signature's pattern (placeholders left out), for the near rule:
	// made on a signature's first near reading, as most signatures never have one.
	const partWordsOf: string[][][] = [];
	const partWords = (s: number) => (partWordsOf[s] ??= index.signatures[s].parts.map((part) => tokensOf(part).filter((t) => !t.includes('#'))));
	// Key words, exclusion anchors and context anchors by word, for reading a line that got past the quick look.
	const readByWord = new Map<string, ReadEntry>();
	const entryOf = (w: string) => readByWord.get(w) ?? readByWord.set(w, {}).get(w)!;
	for (const [w, sigs] of anchors) entryOf(w).sigs = sigs;
	for (const [w, list] of exclusionAnchors) entryOf(w).exclusions = list;
	for (const [w, list] of contextAnchors) entryOf(w).contexts = list;
	// Per signature, each word's weight and whether it is generic, as `verify` reads them for every candidate.
	const tokenWeights = index.signatures.map((sig) => sig.tokens.map(weight));
	const tokenGeneric = index.signatures.map((sig) => sig.tokens.map(isGeneric));
	// Per signature, its words with their weights, for a partial reading's total over the line's words; made on first use.
	const ownWeights: Map<string, number>[] = [];
	const mayMatch = (raw: string) => quickLook(raw) || valueLine(raw) !== undefined;

	// One-value diagnostic outputs (pattern.ts `valuesOf`: `overlayfs`, `{oci|rootless}`), by the hash of each
	// value (`wordHash`), and the longest value: what `valueLine` looks a line's last word up in.
	const valuesByHash = new Map<number, { value: string; sigs: number[] }[]>();
	let longestValue = 0;
	index.signatures.forEach((sig, s) => {
		for (const value of sig.values ?? []) {
			const hash = wordHash(value);
			const list = valuesByHash.get(hash) ?? valuesByHash.set(hash, []).get(hash)!;
			const entry = list.find((e) => e.value === value);
			if (entry) entry.sigs.push(s);
			else list.push({ value, sigs: [s] });
			longestValue = Math.max(longestValue, value.length);
		}
	});
	// Per one-value diagnostic, its command as `runsCommand` looks for it in the line before the output.
	const commandRuns = index.signatures.map((sig) => (sig.values && sig.command ? commandRunOf(sig.command) : undefined));
	/**
	 * The one-value diagnostics whose value a raw line ends with (after spaces), as a word of its own: the
	 * only lines read for them (see `readValue` in the session). A line holding the word elsewhere ("Error:
	 * OCI runtime error: …") is not, so a common word such as `oci` sends no line through the quick look.
	 * One scan back from the line's end, hashed as `wordHash` hashes: a line that ends otherwise costs no
	 * allocation.
	 */
	function valueLine(raw: string): number[] | undefined {
		if (!longestValue) return undefined;
		let end = raw.length;
		while (end > 0 && raw.charCodeAt(end - 1) <= 32) end--;
		let start = end;
		while (start > 0 && end - start <= longestValue && isValueChar(raw.charCodeAt(start - 1))) start--;
		if (start === end || end - start > longestValue) return undefined;
		const entries = valuesByHash.get(rangeHash(raw, start, end));
		if (!entries) return undefined;
		const value = raw.slice(start, end).toLowerCase();
		return entries.find((e) => e.value === value)?.sigs;
	}

	/**
	 * Whether a line's words set signature `s` apart from every neighbour (model.ts `apart`): it holds, for
	 * each, a word of `s` that the neighbour lacks. A share of the signature's words is not enough: a
	 * trace line that two messages both carry ("… while setting up the build environment"), or the
	 * same prefix with another ending ("cannot connect to socket …: Connection refused" against
	 * "…: No such file or directory"), holds many of its words and none that tell it apart.
	 */
	function setApart(s: number, words: ReadonlySet<string>): boolean {
		return (index.signatures[s].apart ?? []).every((own) => own.some((t) => words.has(t)));
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

	/**
	 * Whether a near reading would drop a word of the signature that the line replaces with a phrase of its
	 * own: the signature's words on either side of the missing one are both in the line, in that order, and
	 * between them the line holds more than `SCORING.nearReplacedBy` words, one of them a word the signature
	 * does not have. A word or two in its place is another release's or a neighbouring call's wording (buildah's
	 * "creating new mount namespace for […]" and runc's "creating mount namespace before pivot", the same
	 * refusal, containers/buildah#518); a longer phrase is another sentence: "Remove file `/etc/nix/nix.conf`",
	 * nix-installer's refusal, against its plan's "* Remove the Nix configuration in `/etc/nix/nix.conf`"
	 * (DeterminateSystems/nix-installer#1290), where "file" is a generic word and "the nix configuration in"
	 * stands in its place.
	 */
	function saysOtherInPlace(s: number, normalized: string, words: Set<string>): boolean {
		const own = index.signatures[s].tokens;
		const line = tokensOf(normalized);
		const mine = new Set(own);
		for (let i = 1; i + 1 < own.length; i++) {
			if (words.has(own[i]) || !words.has(own[i - 1]) || !words.has(own[i + 1])) continue;
			const from = line.indexOf(own[i - 1]);
			const to = line.indexOf(own[i + 1], from + 1);
			if (from < 0 || to < 0) continue;
			const gap = line.slice(from + 1, to);
			if (gap.length > SCORING.nearReplacedBy && gap.some((w) => !mine.has(w))) return true;
		}
		return false;
	}

	/**
	 * The error a signature's own line ends with, when that ending is only generic words (`…: invalid
	 * argument`, `…: operation not permitted`, `…: permission denied`): the words after the last `:` of
	 * its last literal part, when the line ends there. Generic words weigh little, so a near reading could
	 * drop them, yet among lines of the same call they are what tells the causes apart (`bpf create …:
	 * invalid argument`, a kernel without cgroup device programs, against a verifier log where the error
	 * belongs, crun 1.14's own regression, containers/crun#1400). Empty when the line ends otherwise.
	 */
	const endings = new Map<number, string[]>();
	function errorEnding(s: number): string[] {
		let words = endings.get(s);
		if (words) return words;
		const sig = index.signatures[s];
		const last = sig.parts[sig.parts.length - 1] ?? '';
		const colon = last.lastIndexOf(':');
		const clause = colon < 0 ? [] : tokensOf(last.slice(colon + 1));
		const ownEnd = normalizeLine(sig.line).replace(/[\s.]+$/, '');
		words = clause.length && clause.every((t) => isGeneric(t) && !t.includes('#')) && ownEnd.endsWith(last.replace(/[\s.]+$/, '')) ? clause : [];
		endings.set(s, words);
		return words;
	}

	/**
	 * Signature `s`'s literal parts with the prefix of each hole cut off: the characters of a value's own
	 * shape (`HOLE_PREFIX`: `.`, `-`, `~`, `@`, `+`) that end a part where a hole follows it, as the `.` of
	 * `` executable file `.{word}` `` with no space between (crun resolves a name that starts with a dot in the working directory
	 * only, containers/crun#1664; any other missing command prints the same words, containers/crun#1688).
	 * Undefined when no part ends so: then these are the parts themselves, already tested.
	 */
	const looseOf = new Map<number, string[] | undefined>();
	function looseParts(s: number): string[] | undefined {
		if (looseOf.has(s)) return looseOf.get(s);
		const sig = index.signatures[s];
		const last = sig.parts.length - 1;
		// The last part is followed by a hole unless the pattern ends with it.
		const endsWithLast = last >= 0 && sig.source.endsWith(escapeRegExp(sig.parts[last]));
		let changed = false;
		const loose = sig.parts.map((part, i) => {
			// Only a prefix glued to its hole (`'.{word}`); a part that ends before a space ends a sentence.
			if ((i === last && endsWithLast) || !sig.source.includes(escapeRegExp(part)) || sig.source.includes(`${escapeRegExp(part)} `)) return part;
			const cut = part.replace(HOLE_PREFIX, '');
			if (cut !== part && /\w/.test(cut)) changed = true;
			return /\w/.test(cut) ? cut : part;
		});
		const result = changed ? loose : undefined;
		looseOf.set(s, result);
		return result;
	}

	/**
	 * Per part of signature `s` that `looseParts` cut, the prefix as the line must show it for a near or
	 * partial reading: the part's last punctuation (a quote before the dot, say) and the prefix, followed
	 * by a character of a value (`'\.[^\s']`).
	 */
	const keysOf = new Map<number, RegExp[]>();
	function prefixKeys(s: number): RegExp[] {
		let keys = keysOf.get(s);
		if (keys) return keys;
		const loose = looseParts(s) ?? [];
		keys = index.signatures[s].parts
			.filter((part, i) => loose[i] !== undefined && loose[i] !== part)
			.map((part) => new RegExp(`${escapeRegExp(/[^\w\s]*$/.exec(part)![0])}[^\s']`));
		keysOf.set(s, keys);
		return keys;
	}

	/**
	 * When signature `s`'s pattern ends in a literal name, not a hole (`zsh:{n}: command not found: nix`,
	 * `… in /etc/subuid`): that name whole, not a piece of a longer one joined by `-`, `.` or `_` (`nix-shell`,
	 * `nix.conf`), nor a directory of a longer path (`nix/store`); a path may lead to it. The last name of such
	 * a message says what it is about (a command, a file); the same words ending in another name are another
	 * message, which a near or partial reading, over a bag of words (`nix` and `shell` of `nix-shell`), would
	 * take. Undefined otherwise (a pattern that ends in a hole, punctuation, or a generic word).
	 */
	const endNames = new Map<number, RegExp | undefined>();
	function endName(s: number): RegExp | undefined {
		if (endNames.has(s)) return endNames.get(s);
		const sig = index.signatures[s];
		const last = sig.parts[sig.parts.length - 1] ?? '';
		const word = /(?:^|[^\w.-])([a-z0-9][\w.-]*[a-z0-9]|[a-z])\s*$/.exec(last)?.[1];
		const endsWithIt = word !== undefined && /[a-z]/.test(word) && sig.source.endsWith(escapeRegExp(last)) && !isGeneric(word);
		const result = endsWithIt ? new RegExp(`(?<![\\w.-])${escapeRegExp(word)}(?![\\w/-]|\\.\\w)`) : undefined;
		endNames.set(s, result);
		return result;
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
		const contextTexts = new Map<number, string>(); // article -> the normalised `when` text of that context
		const settled: Settled = { signatures: new Set(), contexts: context, exclusions: excluded };
		let lines = 0;
		let read = 0;
		let previous = ''; // the line before, for a wrapped line
		let head = ''; // the paste's first SCORING.hostScan characters, where the host systems it names are read (`rank`)
		// The first SCORING.failureLines lines that read as a failure (`FAILURE_LINE`), by their text without its prefix
		// (a journal's time and host): each text with the numbers of its lines. A failure logged twice is one failure,
		// explained when either line is (`rank`).
		const failures = new Map<string, number[]>();
		let failureLines = 0;
		// The last lines before this one that hold more than spaces: where the command whose output a line
		// is, if the paste shows it, is found (`isOutputOf`).
		const recent = new RecentLines(SCORING.commandLookback);

		/**
		 * Reads one line (or window) of the paste. `parts`: for two wrapped lines read joined, the two
		 * lines; a signature either of them meets as well on its own is left to that line's own reading,
		 * so the joined reading only adds what the wrap split.
		 */
		function readWindow(raw: string, lineNumber: number, parts?: readonly string[]) {
			read++;
			const { source, rest } = splitPrefixes(raw);
			const normalized = normalizeValues(rest);
			// The line with what logged it, when its prefix names that (the journal's identifier of a microvm.nix
			// guest's console, `microvm@guest0[1]`; never the date or the host): contexts and exclusions are read
			// in it too. Signatures are read in `normalized` alone.
			const pasted = source ? normalizeValues(`${source}: ${rest}`) : undefined;
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
			// Anchors only the prefix holds lead to contexts and exclusions, not to signatures.
			if (pasted) {
				for (const w of new Set(tokensOf(pasted))) {
					if (words.has(w)) continue;
					const entry = readByWord.get(w);
					if (entry && (entry.contexts || entry.exclusions)) found.push({ exclusions: entry.exclusions, contexts: entry.contexts });
				}
			}
			const holds = (text: string) => normalized.includes(text) || (pasted !== undefined && pasted.includes(text));
			let inARow: string | undefined;
			for (const [s, count] of hits) {
				if (count < anchorsNeeded[s]) continue;
				if (phrases[s] && !(inARow ??= ` ${tokens.join(' ')} `).includes(phrases[s])) continue;
				const hit = verify(s, normalized, words);
				if (!hit) continue;
				// Output under another command of the same program (`cat` of another file) is not this diagnostic's,
				// nor, for a command that holds its own output, a line that runs the program (`quotesOwnOutput`).
				// Asked after `verify` (a diagnostic's exact pattern), which turns most lines away at less cost.
				if (commands[s] && ((quotesOwnOutput[s] && runsOwnProgram(commands[s], raw)) || !isOutputOf(commands[s], recent))) continue;
				if (parts?.some((part) => (metAlone(s, part)?.score ?? 0) >= hit.score)) continue;
				const previous = best.get(s);
				if (previous && hit.score <= previous.score) continue;
				best.set(s, { ...hit, line: excerpt(raw, index.signatures[s].tokens), lineNumber });
				if (hit.score >= 1) settled.signatures.add(s);
			}
			for (const entry of found) {
				for (const e of entry.exclusions ?? []) {
					if (!excluded.has(e.article) && holds(e.text)) {
						excluded.set(e.article, { article: index.articles[e.article], why: e.why, matchedLine: excerpt(raw, tokensOf(e.text)) });
					}
				}
				for (const c of entry.contexts ?? []) {
					if (!context.has(c.article) && holds(c.text)) {
						context.set(c.article, { why: c.why, matchedLine: excerpt(raw, tokensOf(c.text)) });
						contextTexts.set(c.article, c.text);
					}
				}
			}
		}

		/**
		 * Reads a line that ends with a one-value diagnostic's value (`valueLine`) for those diagnostics: its
		 * pattern (`wholeValue`: the value as a line of its own, or a key's value) must meet the line, and a
		 * line that is the value alone counts only right after the command that prints it (`runsCommand`),
		 * since a word alone on a line says nothing of where it came from; a key's value (`graphDriverName:
		 * overlayfs`, `BUILDAH_ISOLATION=oci`) names what it is.
		 */
		function readValue(raw: string, lineNumber: number, sigs: readonly number[]) {
			let normalized: string | undefined;
			for (const s of sigs) {
				if (settled.signatures.has(s)) continue;
				if (normalized === undefined) {
					read++;
					normalized = normalizeLine(raw);
				}
				if (!exact[s].test(normalized)) continue;
				if (quotesOwnOutput[s] && runsOwnProgram(commands[s]!, raw)) continue;
				const keyed = /[:=]/.test(normalized);
				if (keyed ? commands[s] && !isOutputOf(commands[s], recent) : !(commandRuns[s] && runsCommand(commandRuns[s], recent.newest()))) continue;
				best.set(s, { score: 1, kind: 'exact', line: excerpt(raw, index.signatures[s].tokens), lineNumber });
				settled.signatures.add(s);
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
			// The same with a hole's prefix left out (`executable file '.{word}'` against `executable file
			// 'nonexistent'`): the line is that message with another value, and the character the pattern
			// puts before the value is the one that tells the causes apart, which no near reading may drop.
			const loose = looseParts(s);
			if (loose && inOrder(normalized, loose)) return undefined;
			// A message that ends in a name ("…: command not found: nix") is not met by the same words with a longer
			// name ("…: nix-shell", "…: nix-env"): that is another command's message (`endName`).
			const name = endName(s);
			if (name && !name.test(normalized)) return undefined;
			// And a near or partial reading must show that prefix before a value (`'.` and a word): the same
			// words with no value, or with a value that does not start so, say nothing of this cause.
			if (loose && !prefixKeys(s).every((key) => key.test(normalized))) return undefined;
			// Near or partial: only when the line holds a word that sets this signature apart from each of
			// its neighbours (see `setApart`), so a line that is another article's wording is not read as a
			// near version of this one.
			if (!setApart(s, words)) return undefined;
			// Near: every specific word is there, only generic words or the order differ, and each literal part
			// of the pattern shows at least one of its words: generic words may differ, but not a whole part
			// ("…stderr: {*}: permission denied" is not met by "…stderr: write …: no space left on device").
			const sigCoverage = covered / sigTotals[s];
			// The error the signature ends with must be there too: it is what a near reading may not drop (`errorEnding`).
			const endsAlike = errorEnding(s).every((t) => words.has(t));
			if (specificCovered === specificTotal && sigCoverage >= SCORING.nearCoverage && endsAlike && partWords(s).every((part) => part.length === 0 || part.some((t) => words.has(t))) && inOneStretch(s, normalized) && !saysOtherInPlace(s, normalized, words)) {
				return { score: SCORING.nearScale * sigCoverage, kind: 'near' };
			}
			// Partial: the line is a piece of the signature. Words the signature lacks
			// (a different path, another subsystem) count against it at full weight,
			// so the score depends on this signature alone, not on the rest of the index.
			let lineTotal = 0;
			const own = (ownWeights[s] ??= new Map(sig.tokens.map((t) => [t, weight(t)])));
			for (const w of words) lineTotal += own.get(w) ?? index.maxWeight;
			if (covered / lineTotal >= SCORING.partialLineShare && specificCovered / specificTotal >= SCORING.partialSpecificShare) {
				return { score: SCORING.partialScale * sigCoverage, kind: 'partial' };
			}
			return undefined;
		}

		return {
			addLine(raw: string) {
				lines++;
				if (head.length < SCORING.hostScan) head += `${raw.slice(0, SCORING.hostScan - head.length)}\n`;
				if (failureLines < SCORING.failureLines && raw.length <= SCORING.window && FAILURE_LINE.test(raw)) {
					failureLines++;
					const key = stripPrefixes(raw).trim();
					const seen = failures.get(key);
					if (seen) seen.push(lines);
					else failures.set(key, [lines]);
				}
				const before = previous;
				previous = raw.length <= SCORING.window ? raw : '';
				if (holdsNonSpace(before)) recent.push(before);
				// One-value diagnostic output, which no anchor leads to (`valueLine`).
				const valueSigs = raw.length <= SCORING.window ? valueLine(raw) : undefined;
				if (valueSigs) readValue(raw, lines, valueSigs);
				// A line wrapped where it reached the terminal's or the tracker's width ("…executable file not"
				// / "found in $PATH") is read once more joined to the line before it.
				if (wrapped(before, raw)) {
					const joined = `${before.trimEnd()} ${raw.trimStart()}`;
					if (quickLook(joined, settled)) readWindow(joined, lines - 1, [before, raw]);
				}
				// Most lines of a log cannot match: skip them before the costlier normalisation.
				if (!quickLook(raw, settled)) return;
				if (raw.length <= SCORING.window) return readWindow(raw, lines);
				// A long line is read in overlapping windows of the line as pasted, each
				// normalised on its own, so a hit knows which part of the line it is.
				for (let start = 0; start < raw.length; start += SCORING.window - SCORING.overlap) {
					const piece = raw.slice(start, start + SCORING.window);
					if (quickLook(piece, settled)) readWindow(piece, lines);
				}
			},
			result(options = {}) {
				return rank(index, best, excluded, context, contextTexts, lines, options.top ?? PAGE_RESULTS, head, failures);
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
function rank(
	index: MatcherIndex,
	best: Map<number, Hit>,
	excludedByText: Map<number, Exclusion>,
	context: Map<number, Context>,
	contextTexts: ReadonlyMap<number, string>,
	lines: number,
	top: number,
	head: string,
	failures: ReadonlyMap<string, readonly number[]>,
): MatchResult {
	const excluded = new Map(excludedByText);
	// An article for other host systems only than the ones the paste names is ruled out (hosts.ts), as a
	// description's is (prose.ts): "timed out waiting for response" is Multipass's line for an instance that
	// got no address on any host, and of its known causes one is macOS's firewall, one Windows' ICS, one
	// firewalld on Linux; a paste from a Linux host is none of the other two (canonical/multipass#1475).
	let named: Set<HostId> | undefined;
	for (const [s] of best) {
		const a = index.signatures[s].article;
		const hosts = index.articles[a].hosts;
		if (!hosts || excluded.has(a)) continue;
		named ??= hostsNamedIn(head);
		if (!hostRulesOut(hosts, named)) continue;
		const names = (ids: Iterable<string>) => [...ids].map((h) => HOSTS[h as HostId].name);
		const line = head.split('\n').find((l) => hostsNamedIn(l).size > 0) ?? '';
		excluded.set(a, { article: index.articles[a], why: exclusionMessages.otherHost(names(hosts), names(named)), matchedLine: line.slice(0, SCORING.keep) });
	}
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
	// Output that confirms a cause, with no error line of it: a medium answer ("your output fits"), unless the paste
	// shows a failure that no line of any article meets. Output says how the host is set; the failure the reader
	// met is that line, which no article knows: systemd/systemd#35311 ("Failed to set up special execution
	// directory …: No space left on device", beside `user.max_user_namespaces = 0` from a sysctl file) and
	// youki-dev/youki#3298 (unshare's own refusal beside Ubuntu's AppArmor sysctl) were given the articles whose
	// output it is, about other tools.
	const explained = new Set([...best.values()].map((h) => h.lineNumber));
	const unexplained = [...failures.values()].some((numbers) => !numbers.some((n) => explained.has(n)));
	if (!unexplained) for (const [a, hit] of confirmed) if (!byArticle.has(a)) byArticle.set(a, { all: [hit], diagnosticOnly: true });

	const matches: Match[] = [];
	// Matches on a line several causes print, with nothing in the paste to choose between them.
	const open = new Set<Match>();
	for (const [a, { decisive, all, diagnosticOnly }] of byArticle) {
		if (excluded.has(a)) continue;
		// Two lines of the article, neither a wrapper (which any cause prints) nor a line of generic words alone
		// (`namesNothing`: "error: Operation not permitted" says something failed, not what), corroborate each other.
		const corroborated = !decisive && new Set(all.filter(([s]) => !index.signatures[s].wrapper && !namesNothing(index.signatures[s])).map(([, h]) => h.lineNumber)).size >= 2;
		// A shared line without this article's context: one candidate among the causes that print it. With a
		// second line of the article (corroborated), still a candidate at the shared line's full score: that
		// line counts for this cause as much as for any other that prints it, and the second line is more
		// (see `base`), so a cause met on the shared line and another of its own lines is never ranked below
		// one met on the shared line alone (containers/podman#2542: the single-mapping warning and the
		// lchown error, against an article whose decisive-but-shared line is that lchown error).
		const candidate = decisive || diagnosticOnly ? undefined : candidateOf(index, all, sharedOn, closed);
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
		// Output alone whose `when` context is the words of that output or its command is one piece of evidence, not two:
		// `kernel.unprivileged_userns_clone = 0` is the value of a sysctl, which says how the kernel is set, not
		// which tool met it (Nix's sandbox or rootless Podman), so an article that also names it as context
		// gains nothing over another whose output it is too.
		const said = contextTexts.get(a);
		const ownContext = context.has(a) && !(diagnosticOnly && said !== undefined && diagnosticWords(index.signatures[s]).includes(said));
		// One value alone (`Enforcing` under getenforce, `overlayfs` under stat) says how a host is set, which
		// many hosts are without any failure: it confirms a cause something else in the paste points at (a
		// line of the article, its context), and is no answer by itself (containers/podman reports holding
		// getenforce's `Enforcing` were sent to the Nix installer's SELinux article).
		if (diagnosticOnly && index.signatures[s].values && !ownContext) continue;
		const bonus = SCORING.supportBonus * Math.min(supporting.length, SCORING.maxSupport) + (ownContext ? SCORING.contextBonus : 0);
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
		possible: matches.length === 0 ? possibleOf(index, byArticle, excluded, sharedOn, closed).slice(0, top) : [],
		// In the articles' order, not the order found: the browser's merged shards number articles otherwise.
		excluded: [...excluded.entries()]
			.filter(([a]) => byArticle.has(a))
			.map(([, e]) => e)
			.sort((x, y) => byShortId(x.article, y.article)),
		lines,
	};
}

/**
 * Whether a signature's words are all generic (model.ts `isGeneric`: "error: Operation not permitted",
 * "cat: can't open '/mypodman/file': Permission denied" with its path a placeholder): such a line says that
 * something failed, not what, and every cause whose program reports an errno prints it. It may still decide
 * an article as its `when` context allows, but it is no second line that corroborates another (`rank`):
 * nestybox/sysbox#607, the Nix installer refused in a system container, showed it beside the installer's
 * own path and was sent at medium to the clone3 seccomp article, whose cause it does not show.
 */
function namesNothing(sig: IndexedSignature): boolean {
	return sig.tokens.every(isGeneric);
}

/** A diagnostic signature's output and command, normalised as context texts are: what its own evidence says in words. */
function diagnosticWords(sig: IndexedSignature): string {
	return `${normalizeLine(sig.line)}\n${sig.command ? normalizeLine(sig.command) : ''}`;
}

/**
 * An article's best hit on a line it knows as one several causes print (`decisive: false`, or `shared`),
 * at `minScore` or more, that no context or confirming output has closed (`closed`); never a wrapper or a
 * diagnostic line, which name no cause. `meetsOthers` says which such lines count, by how many articles
 * (not ruled out) meet the pasted line that way (`sharedOn`):
 *
 * - `several` (`candidateOf`): two or more. The line decides none of them; each is a candidate at its
 *   hit's score, so equal hits tie (the result is `ambiguous`, and the readers are given the question
 *   that tells them apart).
 * - `none` (`possibleOf`): this article alone, and not a line of generic words (`namesNothing`). A line
 *   only one article knows as non-decisive (a trace line such as Nix's "while setting up the build
 *   environment") is no answer: nothing says which of the unknown other causes it is; with no match, it
 *   is a cause to check.
 */
function bestOpenHit(
	index: MatcherIndex,
	hits: readonly [number, Hit][],
	sharedOn: ReadonlyMap<number, ReadonlySet<number>>,
	closed: ReadonlySet<number>,
	meetsOthers: 'several' | 'none',
): [number, Hit] | undefined {
	let found: [number, Hit] | undefined;
	for (const [s, hit] of hits) {
		const sig = index.signatures[s];
		if ((sig.decisive && !sig.shared) || sig.wrapper || sig.diagnostic || closed.has(hit.lineNumber) || hit.score < SCORING.minScore) continue;
		const meeting = sharedOn.get(hit.lineNumber)?.size ?? 0;
		if (meetsOthers === 'several' ? meeting < 2 : meeting !== 1 || namesNothing(sig)) continue;
		if (!found || hit.score > found[1].score) found = [s, hit];
	}
	return found;
}

/** An article's best hit on a shared line that two or more articles meet (`bestOpenHit`, `several`). */
function candidateOf(
	index: MatcherIndex,
	hits: readonly [number, Hit][],
	sharedOn: ReadonlyMap<number, ReadonlySet<number>>,
	closed: ReadonlySet<number>,
): [number, Hit] | undefined {
	return bestOpenHit(index, hits, sharedOn, closed, 'several');
}

/**
 * With no match: each article's best hit on a shared line that no other article meets (`bestOpenHit`,
 * `none`), best first, leaving out the articles the paste rules out. A line several causes print, of which
 * one is known: the reader is told that cause and how to check it, not that the text is a new problem
 * (crun's "container `mycontainer` does not exist", which the state-directory article knows as
 * `decisive: false`, is such a line).
 */
function possibleOf(
	index: MatcherIndex,
	byArticle: ReadonlyMap<number, { all: [number, Hit][] }>,
	excluded: ReadonlyMap<number, Exclusion>,
	sharedOn: ReadonlyMap<number, ReadonlySet<number>>,
	closed: ReadonlySet<number>,
): Possible[] {
	const found: Possible[] = [];
	for (const [a, { all }] of byArticle) {
		if (excluded.has(a)) continue;
		const best = bestOpenHit(index, all, sharedOn, closed, 'none');
		if (!best) continue;
		const [s, hit] = best;
		found.push({ article: index.articles[a], matchedLine: hit.line, lineNumber: hit.lineNumber, signature: index.signatures[s].line, kind: hit.kind, score: roundScore(hit.score) });
	}
	return found.sort((x, y) => y.score - x.score || byShortId(x.article, y.article));
}

/** What a word of a line past the quick look leads to: the signatures it keys, the exclusions and contexts it anchors. */
interface ReadEntry {
	sigs?: number[];
	exclusions?: ContextText[];
	contexts?: ContextText[];
}

/**
 * The last `size` lines of a paste that hold more than spaces, oldest first, as a ring (a log of a million
 * lines shifts no array); each with its text as `isOutputOf` reads it (`commandText`), made when a
 * diagnostic first asks and kept while the line is recent (a log asks of the same lines for many candidates).
 */
class RecentLines {
	private readonly size: number;
	private readonly lines: string[];
	private readonly texts: (string | undefined)[];
	private start = 0;
	count = 0;

	constructor(size: number) {
		this.size = size;
		this.lines = new Array(size);
		this.texts = new Array(size);
	}

	push(line: string): void {
		const at = (this.start + this.count) % this.size;
		if (this.count < this.size) this.count++;
		else this.start = (this.start + 1) % this.size;
		this.lines[at] = line;
		this.texts[at] = undefined;
	}

	/** The i-th line's command text, oldest first (`commandText`). */
	text(i: number): string {
		const at = (this.start + i) % this.size;
		return (this.texts[at] ??= commandText(this.lines[at]));
	}

	/** The line just before the current one, if any. */
	newest(): string | undefined {
		return this.count ? this.lines[(this.start + this.count - 1) % this.size] : undefined;
	}
}

/** `/\S/.test(line)`, without the regular expression for a line that starts with a visible ASCII character (most of a log). */
function holdsNonSpace(line: string): boolean {
	const c = line.charCodeAt(0);
	return (c > 32 && c < 127) || /\S/.test(line);
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

/**
 * A home directory at the start of a lower-cased path word, in the forms a command or a pasted line
 * writes it: `~`, `$home`, `${home}`, `/home/<user>`, `/var/home/<user>` (Fedora Silverblue and
 * CoreOS), `/users/<user>` (macOS), `/root`.
 */
const HOME_PREFIX = /^(?:~|\$home|\$\{home\})(?=\/)|^\/(?:var\/home|home|users)\/[^/]+(?=\/)|^\/root(?=\/)/;

/**
 * The path arguments of a command line (words that start with `/` or a home directory, `HOME_PREFIX`), each
 * split into its segments, a home directory as the one segment `~`: `~/.zshrc` and `/home/alice/.zshrc` are
 * one file, and neither is `/etc/zshrc` (a reader's own shell file under grep is not the system one).
 */
function pathsOf(text: string): string[][] {
	return text
		.split(' ')
		.map((w) => w.replace(HOME_PREFIX, '~'))
		.filter((w) => w.startsWith('/') || w.startsWith('~/'))
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

/** A one-value diagnostic's command as `runsCommand` looks for it: its program and paths (`CommandPattern`), and its plain arguments. */
interface CommandRun {
	pattern: CommandPattern;
	/** The arguments that are neither options nor paths nor shell text (`buildah_isolation` of `printenv BUILDAH_ISOLATION`), lower case. */
	args: string[];
}

/** A command as `runsCommand` reads it; undefined for an empty one. */
function commandRunOf(command: string): CommandRun | undefined {
	const pattern = commandPattern(command);
	if (!pattern) return undefined;
	const args = commandText(command).split(' ').slice(1).filter((w) => /^[a-z0-9_][\w.@:]*$/.test(w));
	return { pattern, args };
}

/**
 * Whether a pasted line runs the command `run` (at its start or after a prompt, `sudo` allowed): its
 * program, each of its plain arguments as a word after it, and no path that parts from the command's
 * (`isOutputOf`). `getenforce` then `Enforcing`, `printenv BUILDAH_ISOLATION` then `oci`.
 */
function runsCommand(run: CommandRun, line: string | undefined): boolean {
	if (line === undefined) return false;
	const command = commandText(line);
	const text = `${command} `;
	const met = run.pattern.program.exec(text);
	if (!met) return false;
	const rest = ` ${text.slice(met.index + met[0].length)}`;
	return run.args.every((a) => rest.includes(` ${a} `)) && isOutputOf(run.pattern, { count: 1, text: () => command });
}

/** Per ASCII code, whether it is a character a one-value output holds (pattern.ts `VALUE_CHAR`), read once per character at a line's end. */
const VALUE_CODES = Array.from({ length: 128 }, (_, c) => VALUE_CHAR.test(String.fromCharCode(c)));

/** Whether a character code is one a one-value output holds (pattern.ts `VALUE_CHAR`). */
function isValueChar(c: number): boolean {
	return c < 128 && VALUE_CODES[c];
}


/**
 * Whether a pasted line runs the diagnostic command's own program (as `isOutputOf` finds it): for a
 * command that holds its own output, the line is then the command, not its output. FL-0031's `grep -o
 * '"incomplete":true' …/layers.json` holds its output `"incomplete":true`, and a reader whose grep
 * printed nothing has pasted only the command.
 */
function runsOwnProgram(command: CommandPattern, raw: string): boolean {
	return command.program.test(`${commandText(raw)} `);
}

/**
 * Whether output may be the output of the diagnostic's command, given the `count` lines before it
 * (each as `commandText` gives it by `textOf`, oldest first). It may, unless the nearest of them that runs the same program runs it on another
 * path: one that parts from every path of the diagnostic's command before either ends. A reader who
 * pastes `cat /sys/fs/cgroup/cgroup.controllers` and its output has shown the root cgroup's
 * controllers, which the same words would not mean under `cat …/user@1000.service/cgroup.controllers`;
 * `findmnt -R /proc` and its table are not `findmnt -T /nix/store`; `ls -l /dev/vboxusb/001` lists
 * what the article's glob over `/dev/vboxusb` does.
 */
function isOutputOf(command: CommandPattern, recent: Pick<RecentLines, 'count' | 'text'>): boolean {
	if (!command.paths.length) return true;
	for (let i = recent.count - 1; i >= 0; i--) {
		const text = recent.text(i);
		const run = command.program.exec(text);
		if (!run) continue;
		const pasted = pathsOf(text.slice(run.index + run[0].length));
		return !pasted.length || pasted.some((path) => command.paths.some((own) => path.slice(0, own.length).every((seg, j) => own[j].test(seg))));
	}
	return true;
}

/**
 * A raw line that reads as a program's report of a failure: `error`, `failed` or `fatal` as a word and a
 * colon after it with more text ("Error: …", "systemd-logind.service: Failed to set up …: No space left on
 * device"), or an errno's words after a colon ("unshare: write failed …: Operation not permitted"). A
 * sentence that ends "… this error:" introduces a paste and is none. Read by `rank` (output alone explains
 * no failure the paste shows that no article's line meets).
 */
const FAILURE_LINE = /\b(?:error|failed|fatal)\b[^:]*:\s*\S|:\s*(?:operation not permitted|permission denied|no such file or directory|no space left on device)\b/i;

/**
 * The end of a sentence in a normalised line: `.`, `;`, `!` or `?` right after a word (or a closing
 * quote or bracket), before a space or the end. Dots written apart (". . .", an elided part of a
 * message) end nothing.
 */
const SENTENCE_END = /(?<=[\w)'\]])[.;!?](?:\s|$)/;

/**
 * Whether the rest of a normalised line holds a word (two letters or more, not a placeholder) that
 * continues the message. A message quoted in a sentence ends at its closing quote, and one written as a
 * sentence at its full stop: what follows ("…crashes with 'could not get runtime: operation not
 * permitted'. only if i add '--privileged' it works", containers/podman#3464) is the reporter's prose,
 * not more of the message.
 */
function goesOn(rest: string): boolean {
	if (/^\s*(?:'|[.;!?](?:\s|$))/.test(rest)) return false;
	return /(?:^|[^#\w])[a-z]{2,}/.test(rest);
}

/**
 * The characters that end a literal part right before a hole and belong to the value's shape, not to the
 * message's punctuation (quotes, brackets, `:` and `=` are left alone): a name that starts with a dot, a
 * flag's dash, a home's tilde, a unit's `@`. Read by `looseParts`.
 */
const HOLE_PREFIX = /[.\-~@+]+$/;

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

/**
 * The likely articles (prose.ts `ProseMatch`, or anything with an article `id`) to list beside a result's
 * possible causes: those it does not already list as possible, in their order. One list, not two: a
 * possible cause says more than a likely one (a line of the text, and how to confirm it).
 */
export function notPossible<T extends { id: string }>(likely: readonly T[], result: MatchResult): T[] {
	const possible = new Set(result.possible.map((p) => p.article.id));
	return likely.filter((l) => !possible.has(l.id));
}

/** The articles a result rules out: the ones whose line matched but whose `excludeWhen` context the text holds. */
export function ruledOutBy(result: MatchResult): Set<string> {
	return new Set(result.excluded.map((e) => e.article.id));
}
