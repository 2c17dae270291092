/**
 * How a pasted text reads, from its shape alone: a log (error or command
 * output), a description in sentences, or a few words to search. The paste
 * box decides with it whether to rank articles by their prose (never for a
 * log) and whether to give a verdict (never for a search); the bench's
 * answers (eval-set.ts) use the same function. Apart from prose.ts so the
 * browser can ask it without loading the ranking code. Browser-safe.
 */

/** How a text reads. `words`: a short search; `prose`: a description in sentences; `log`: error or command output. */
export type TextKind = 'words' | 'prose' | 'log';

/** The shape settings, in one place. */
export const TEXT_KIND = /* @__PURE__ */ Object.freeze({
	/** A short search is at most this many words on one line (with at most one symbol). */
	maxSearchWords: 6,
	/**
	 * A line with a path in it still reads as a sentence when it has at least this many words and
	 * `sentenceShare` of its space-separated pieces are plain words ("the installer fails when a file
	 * at `/etc/bash.bashrc.backup-before-nix` already exists"). Set on the eval set's descriptions: a
	 * log line with a path has few plain words around it.
	 */
	sentenceWords: 12,
	sentenceShare: 0.75,
});

/** A line that reads as a sentence: many pieces, most of them plain words (see TEXT_KIND). */
function isSentence(line: string): boolean {
	const pieces = line.trim().split(/\s+/);
	const plain = pieces.filter((p) => /^[(\"']?[A-Za-z][a-z'-]*[.,;:!?)\"']*$/.test(p)).length;
	return plain >= TEXT_KIND.sentenceWords && plain >= pieces.length * TEXT_KIND.sentenceShare;
}

/**
 * How a text reads: a log has lines that look like program output (prefixes,
 * paths, `key=value`, brackets, error codes); a short single line of plain
 * words is a search; the rest is prose.
 */
export function textKind(text: string): TextKind {
	const lines = text.split(/\r?\n/).filter((l) => l.trim());
	if (lines.length === 0) return 'words';
	const words = text.match(/[A-Za-z][\w'-]*/g) ?? [];
	const symbols = (text.match(/[/=:[\]{}()<>|`$#@_\\]/g) ?? []).length;
	// Output-like: a level or bracket prefix, `word: ` or a bare `error:` ending the line (Nix prints its
	// message on the next line), a prompt, `key=value`, a time, a `…` line of a Nix evaluation trace, or
	// a path outside a sentence.
	const outputLike = lines.filter((l) => /^\s*(?:[A-Z]{3,5}\[|\[|\w+:(?:\s|$)|\$ |#|>|…|[\w.-]+=|\d{2,}[:-])/.test(l) || (/[/\\][\w.-]+[/\\]/.test(l) && !isSentence(l))).length;
	if (lines.length === 1 && words.length <= TEXT_KIND.maxSearchWords && symbols <= 1) return 'words';
	if (outputLike * 2 >= lines.length || symbols > words.length / 3) return 'log';
	return 'prose';
}
