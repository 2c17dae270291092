/**
 * Reproductions (issue 21): what `npm run repro` records when it recreates a
 * failure on the real tools, and the checks that say whether it still
 * reproduces. Pure: the run (scripts/repro/) gives the outputs, the unit
 * tests give the recorded ones (tests/fixtures/repro/<slug>.json), and both
 * get the same verdict and the same messages.
 *
 * A reproduction holds when (1) a line of the failing command's output
 * matches one of the article's signatures (the matcher's own normalisation
 * and patterns), (2) `faultline match` on the whole output puts the article
 * first, and (3) the command succeeds after the article's recommended fix.
 */
import { normalizeLine } from './matcher/normalize.ts';
import { compilePattern } from './matcher/pattern.ts';
import type { ArticleData } from './article-schema.ts';
import { reproMessages, type Message } from './messages.ts';

/** The directory of the recorded runs, relative to the project root: one `<slug>.json` each. */
export const REPRO_RECORDS_DIR = 'tests/fixtures/repro';

/** One command of a reproduction as it ran: what was run (as a reader would type it) and what it printed. */
export interface RecordedCommand {
	/** The command, as the user ran it (the run's temporary directory shown as REPRO_DIR_SHOWN). */
	command: string;
	/** Exit status. */
	status: number;
	/** Standard output and error, merged, with the run's directory and user shown neutrally. */
	output: string;
}

/** A recorded reproduction: `tests/fixtures/repro/<slug>.json`. */
export interface ReproRecord {
	/** The article's slug. */
	article: string;
	/** The day it ran, YYYY-MM-DD (UTC). */
	date: string;
	/** The tools it ran on, e.g. `["Podman 4.3.1", "runc 1.1.5", "uidmap 4.13", "Debian 12"]`. */
	tools: string[];
	/** The broken state, in one sentence. */
	setup: string;
	/** The failing command. */
	failing: RecordedCommand;
	/** The article's recommended fix as applied: its anchor, and what was done. */
	fix: { anchor: string; applied: string; commands: RecordedCommand[] } | null;
	/** Why the fix could not be applied here, when `fix` is null. */
	fixNotRun?: string;
}

/**
 * Why an article cannot be reproduced on the machine that runs the
 * reproductions (its `notReproduced` field), as the page says it. `npm run
 * repro` checks that each reason still holds (scripts/repro/cases.ts, HOST_LIMITS).
 */
export const NOT_REPRODUCED_REASONS = {
	'crun-hybrid-cgroups':
		'crun cannot run any container on the machine that runs the reproductions (Debian 12, crun 1.8.1): its cgroup layout is hybrid, and crun stops with "cgroups in hybrid mode not supported, drop all controllers from cgroupv2", so this crun failure is not recreated there',
} as const;

export type NotReproducedReason = keyof typeof NOT_REPRODUCED_REASONS;

/** How the run's temporary directory appears in records and tables. */
export const REPRO_DIR_SHOWN = '/tmp/faultline-repro';

/** What a reproduction showed. */
export interface ReproVerdict {
	/** The output line that matched one of the article's signatures, if any. */
	errorLine?: string;
	/** The article `faultline match` put first, if any. */
	matchedFirst?: string;
	/** Whether the command succeeded after the fix (undefined when the fix was not run). */
	fixed?: boolean;
	/** What no longer holds, each naming the article (reproMessages). */
	problems: Message[];
}

/**
 * The first line of `output` that one of the article's signatures matches
 * (its pattern, or its line when it has none), read as the matcher reads a
 * pasted line (normalizeLine).
 */
export function signatureLineIn(article: Pick<ArticleData, 'signatures'>, output: string): string | undefined {
	const patterns = article.signatures.map((s) => compilePattern(s.pattern ?? s.line));
	return output.split('\n').find((line) => {
		const normalized = normalizeLine(line);
		return patterns.some((p) => p.test(normalized));
	});
}

/**
 * Judge one reproduction: the article's signatures against the failing
 * output, the article `faultline match` put first (`matchedFirst`, from the
 * CLI's JSON), and the fix's last command. `fixNotRun` says why a fix could
 * not be run here; then only (1) and (2) are judged.
 */
export function judgeReproduction(
	article: Pick<ArticleData, 'id' | 'signatures'>,
	run: { failing: RecordedCommand; matchedFirst?: string; fix: RecordedCommand[] | null },
): ReproVerdict {
	const problems: Message[] = [];
	const { failing } = run;
	if (failing.status === 0) problems.push(reproMessages.noLongerFails(article.id, failing.command));
	const errorLine = signatureLineIn(article, failing.output);
	if (!errorLine) problems.push(reproMessages.wordingGone(article.id, failing.command, lastLine(failing.output)));
	if (run.matchedFirst !== article.id) problems.push(reproMessages.notFirst(article.id, run.matchedFirst));
	let fixed: boolean | undefined;
	if (run.fix) {
		const failed = run.fix.find((c) => c.status !== 0);
		fixed = !failed;
		if (failed) problems.push(reproMessages.fixFailed(article.id, failed.command, failed.status, lastLine(failed.output)));
	}
	return { errorLine, matchedFirst: run.matchedFirst, fixed, problems };
}

/** The last non-empty line of an output, to quote in a message. */
function lastLine(output: string): string {
	return output.trimEnd().split('\n').pop()?.trim() ?? '';
}

/** The front matter's `reproduced` field (article-schema.ts): when, on what, and whether the recommended fix was run. */
export interface ReproducedField {
	date: string;
	tools: string[];
	fix: boolean;
}

/**
 * An article file with its `reproduced` field set to `field`: an existing
 * one replaced, otherwise written after `lastVerified`. The rest of the
 * file is left byte for byte.
 */
export function writeReproducedField(text: string, field: ReproducedField): string {
	const block = [`reproduced:`, `  date: ${field.date}`, `  tools: [${field.tools.map((t) => JSON.stringify(t)).join(', ')}]`, `  fix: ${field.fix}`].join('\n');
	const without = text.replace(/^reproduced:\n(?:[ \t]+.*\n)*/m, '');
	return without.replace(/^(lastVerified:.*\n)/m, `$1${block}\n`);
}

/**
 * Whether an article's `reproduced` field says what its recorded run says
 * (date, tools, whether the fix ran): one problem per field that differs,
 * or recordMissing when the article claims a run that was not recorded.
 */
export function recordProblems(article: Pick<ArticleData, 'id' | 'reproduced'>, record: ReproRecord | undefined): Message[] {
	if (!article.reproduced) return [];
	if (!record) return [reproMessages.recordMissing(article.id)];
	const problems: Message[] = [];
	if (article.reproduced.date.toISOString().slice(0, 10) !== record.date) problems.push(reproMessages.recordMismatch(article.id, 'date'));
	if (article.reproduced.tools.join('\n') !== record.tools.join('\n')) problems.push(reproMessages.recordMismatch(article.id, 'tools'));
	if (article.reproduced.fix !== (record.fix !== null)) problems.push(reproMessages.recordMismatch(article.id, 'fix'));
	return problems;
}
