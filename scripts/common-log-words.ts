#!/usr/bin/env node
/**
 * `node scripts/common-log-words.ts`: derives the list of words common in
 * real logs (src/lib/matcher/common-log-words.ts) from the eval data, and
 * writes it. `--check` only says whether the file is current (the unit
 * tests run the same comparison).
 *
 * How: every eval text that reads as log output (text-kind.ts `textKind`:
 * a look-alike told in sentences is a description too, whatever its `kind`),
 * grouped by the upstream thread it comes from; the words of
 * each thread as the pre-filter sees a raw line (lower case, runs of
 * `a-z0-9_`, src/lib/matcher/match.ts RAW_WORDS); a word is common when it
 * occurs in at least COMMON_SHARE of the threads. A thread counts once, so
 * one long paste cannot make its own words common.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadEvalSet, type EvalItem } from '../src/lib/eval-set.ts';
import { RAW_WORDS } from '../src/lib/matcher/prefilter.ts';
import { scriptMessages } from '../src/lib/messages.ts';
import { textKind } from '../src/lib/text-kind.ts';

/**
 * A word in this share of the threads or more is common: 5 % (11 of 205
 * threads today, 200 words). Chosen: it holds the everyday journal and CI
 * words (`systemd`, `linux`, `can`, `mount`, `container`, `service`) and
 * leaves 16 of the 291 signatures with no specific word of their own (they
 * are looked up by their longest phrase, compile.ts); at 3 % (329 words, and
 * `dev`) 41 would be, at 10 % (92 words) `systemd` is not common.
 */
export const COMMON_SHARE = 0.05;

export const COMMON_WORDS_FILE = 'src/lib/matcher/common-log-words.ts';

/** The common words of these eval items, sorted, and how many threads they were counted over. */
export function deriveCommonWords(items: readonly EvalItem[]): { words: string[]; threads: number } {
	const byThread = new Map<string, Set<string>>();
	for (const item of items) {
		if (textKind(item.text) !== 'log') continue;
		const words = byThread.get(item.source) ?? new Set<string>();
		for (const w of item.text.toLowerCase().match(RAW_WORDS) ?? []) if (/[a-z]/.test(w)) words.add(w);
		byThread.set(item.source, words);
	}
	const count = new Map<string, number>();
	for (const words of byThread.values()) for (const w of words) count.set(w, (count.get(w) ?? 0) + 1);
	const least = Math.ceil(COMMON_SHARE * byThread.size);
	return { words: [...count].filter(([, n]) => n >= least).map(([w]) => w).sort(), threads: byThread.size };
}

/** The data module's text for these words. */
export function commonWordsModule(words: readonly string[], threads: number): string {
	const lines: string[] = [];
	let line = '';
	for (const w of words) {
		if (line && line.length + w.length + 1 > 110) {
			lines.push(line);
			line = '';
		}
		line += (line ? ' ' : '') + w;
	}
	if (line) lines.push(line);
	return `/**
 * Words common in real logs: data, derived by scripts/common-log-words.ts
 * (do not edit by hand; run it after the eval data changes).
 *
 * Source: every eval text that reads as log output (tests/fixtures/dev.jsonl
 * and dev-more.jsonl, text-kind.ts \`textKind\`: journals, dmesg, CI and build
 * logs, tool output that people pasted into the upstream trackers), grouped
 * by thread (${threads} threads). A word (lower case, letters, digits and \`_\`,
 * as the pre-filter reads a raw line) is on the list when it occurs in at
 * least ${Math.round(COMMON_SHARE * 100)} % of the threads.
 *
 * The matcher never picks such a word as a signature's anchor (compile.ts):
 * an anchor lets a line past the pre-filter, and a word most logs hold would
 * let most lines through.
 */
export const COMMON_LOG_WORDS: ReadonlySet<string> = new Set(
	(
${lines.map((l, i) => `\t\t'${l}${i < lines.length - 1 ? ' ' : ''}'`).join(' +\n')}
	).split(' '),
);

/**
 * Words of dates, which every timestamp varies over (a journal line starts
 * with a month; \`ls -l\` and \`date\` print them too): never an anchor either.
 */
export const DATE_WORDS: ReadonlySet<string> = new Set('jan feb mar apr may jun jul aug sep oct nov dec mon tue wed thu fri sat sun'.split(' '));
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const root = fileURLToPath(new URL('..', import.meta.url));
	const { words, threads } = deriveCommonWords(loadEvalSet(root));
	const text = commonWordsModule(words, threads);
	const file = `${root}${COMMON_WORDS_FILE}`;
	if (process.argv.includes('--check')) {
		const current = readFileSync(file, 'utf8') === text;
		console.log(current ? scriptMessages.commonWordsCurrent(COMMON_WORDS_FILE) : scriptMessages.commonWordsStale(COMMON_WORDS_FILE));
		process.exitCode = current ? 0 : 1;
	} else {
		writeFileSync(file, text);
		console.log(scriptMessages.commonWordsWritten(COMMON_WORDS_FILE, words.length, threads));
	}
}
