#!/usr/bin/env node
/**
 * `npm run repro`: recreate each reproducible failure on the real tools
 * (issue 21), as root on Debian, and print a table: article, tools and
 * versions, the error line seen, the article `faultline match` puts first,
 * and whether the recommended fix worked. Exit 1 when any reproduction no
 * longer holds, with one line per problem naming the article and what
 * changed (src/lib/messages.ts, reproMessages); exit 2 when the machine
 * cannot host them.
 *
 *   npm run repro [-- --only <slug>] [-- --record] [-- --show]
 *
 * `--record` also writes each run to tests/fixtures/repro/<slug>.json and
 * the article's `reproduced` field (date and tools). `--show` prints every
 * command with its output.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadKnowledgeBase } from '../../src/lib/knowledge-base.ts';
import { messageLine, reproMessages } from '../../src/lib/messages.ts';
import { judgeReproduction, REPRO_DIR_SHOWN, REPRO_RECORDS_DIR, type RecordedCommand, type ReproRecord, type ReproVerdict, writeReproducedField } from '../../src/lib/repro.ts';
import { HOST_LIMITS, REPRODUCTIONS, type Reproduction, type ReproRun } from './cases.ts';
import { firstMatch } from './faultline-match.ts';
import { ensureHost, HostUnfit, packageVersion, platform, Sandbox } from './host.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({ options: { only: { type: 'string', multiple: true }, record: { type: 'boolean' }, show: { type: 'boolean' } } });

const started = Date.now();
let installed: string[];
try {
	installed = ensureHost();
} catch (error) {
	if (!(error instanceof HostUnfit)) throw error;
	console.error(error.message);
	process.exit(2);
}
const installSeconds = (Date.now() - started) / 1000;

const chosen = values.only ?? REPRODUCTIONS.map((r) => r.article);
for (const slug of chosen) {
	if (!REPRODUCTIONS.some((r) => r.article === slug)) {
		console.error(messageLine(reproMessages.unknownArticle(slug)));
		process.exit(2);
	}
}

// A run stopped by a signal still removes what it made.
let current: Sandbox | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		current?.cleanup();
		process.exit(130);
	});
}

const kb = loadKnowledgeBase(root);
const rows: string[][] = [];
const problems: string[] = [];
const date = new Date().toISOString().slice(0, 10);

for (const repro of REPRODUCTIONS.filter((r) => chosen.includes(r.article))) {
	const article = kb.byId.get(repro.article);
	if (!article) throw new Error(messageLine(reproMessages.unknownArticle(repro.article)));
	const tools = [...repro.tools.map((t) => `${t.name} ${packageVersion(t.pkg)}`), platform()];
	const t0 = Date.now();
	const sandbox = (current = new Sandbox());
	let ran: ReproRun | undefined;
	try {
		ran = repro.run(stepsIn(sandbox));
	} catch (error) {
		problems.push(messageLine(reproMessages.setupFailed(repro.article, 'setup', (error as Error).message)));
	} finally {
		const left = sandbox.cleanup();
		current = undefined;
		if (left.length > 0) problems.push(messageLine(reproMessages.leftBehind(left)));
	}
	if (!ran) {
		rows.push([repro.article, tools.join(', '), '(setup failed)', '-', '-', '-']);
		continue;
	}
	if (values.show) for (const c of [ran.failing, ...(ran.fix?.commands ?? [])]) console.log(`\n[${repro.article}] $ ${c.command}   (exit ${c.status})\n${c.output}`);
	const matchedFirst = await firstMatch(root, ran.failing.output);
	const verdict = judgeReproduction(article.data, { failing: ran.failing, matchedFirst, fix: ran.fix?.commands ?? null });
	for (const p of verdict.problems) problems.push(messageLine(p));
	rows.push(row(repro, tools, verdict, ran, (Date.now() - t0) / 1000));
	if (values.record && verdict.problems.length === 0) record(repro, tools, ran);
}

// The limits that keep other articles from being reproduced here: each must still hold.
for (const limit of values.only ? [] : HOST_LIMITS) {
	const articles = kb.articles.filter((a) => a.data.notReproduced === limit.reason).map((a) => a.data.id);
	const tools = [...limit.tools.map((t) => `${t.name} ${packageVersion(t.pkg)}`), platform()];
	const t0 = Date.now();
	const sandbox = (current = new Sandbox());
	let shown = '';
	try {
		const ran = limit.run(stepsIn(sandbox));
		shown = ran.output.split('\n').find((l) => limit.shows.test(l)) ?? '';
		if (!shown) problems.push(messageLine(reproMessages.limitGone(limit.reason, articles, ran.output.trimEnd().split('\n').pop() ?? '')));
	} catch (error) {
		problems.push(messageLine(reproMessages.setupFailed(limit.reason, 'setup', (error as Error).message)));
	} finally {
		const left = sandbox.cleanup();
		current = undefined;
		if (left.length > 0) problems.push(messageLine(reproMessages.leftBehind(left)));
	}
	rows.push([`${articles.length} articles (${limit.reason}): not reproduced`, tools.join(', '), shown.trim() || 'NONE', '-', '-', `${((Date.now() - t0) / 1000).toFixed(1)} s`]);
}

console.log(table(['article', 'tools and versions', 'error line seen', 'matched first', 'fixed', 'time'], rows));
const total = (Date.now() - started) / 1000;
console.log(`\n${rows.length} reproductions in ${total.toFixed(0)} s${installed.length ? ` (apt-get install of ${installed.join(', ')}: ${installSeconds.toFixed(0)} s)` : ' (packages already installed)'}.`);
if (problems.length > 0) {
	console.error();
	console.error(problems.join('\n'));
	process.exit(1);
}

/** The recorder a reproduction runs its steps through: every output with the run's directory shown neutrally. */
function stepsIn(sb: Sandbox) {
	const shown = (c: RecordedCommand): RecordedCommand => ({ command: neutral(c.command), status: c.status, output: neutral(c.output) });
	// The run's directory shown neutrally, and colours taken out (the matcher ignores them too).
	const neutral = (text: string) => text.split(sb.dir).join(REPRO_DIR_SHOWN).replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '');
	const timed = (command: string, f: () => { status: number; output: string }) => {
		const t = Date.now();
		const r = f();
		if (values.show) console.log(`  ${((Date.now() - t) / 1000).toFixed(1)} s  ${neutral(command)}`);
		return shown({ command, ...r });
	};
	return {
		sb,
		as: (user: Parameters<Sandbox['runAs']>[0], command: string, options?: Parameters<Sandbox['runAs']>[2]) => timed(command, () => sb.runAs(user, command, options)),
		root: (command: string, options?: Parameters<Sandbox['runAsRoot']>[1]) => timed(command, () => sb.runAsRoot(command, options)),
	};
}

function row(repro: Reproduction, tools: string[], v: ReproVerdict, ran: ReproRun, seconds: number): string[] {
	const fixed = v.fixed === undefined ? `not run: ${ran.fixNotRun ?? 'no fix'}` : v.fixed ? 'yes' : 'NO';
	const first = v.matchedFirst === repro.article ? 'yes' : `NO (${v.matchedFirst ?? 'nothing'})`;
	return [repro.article, tools.join(', '), v.errorLine?.trim() ?? 'NONE', first, fixed, `${seconds.toFixed(1)} s`];
}

/** Write the run to tests/fixtures/repro/<slug>.json and the article's `reproduced` field. */
function record(repro: Reproduction, tools: string[], ran: ReproRun): void {
	const anchor = kb.fixes.get(repro.article)?.[0] ?? '';
	const rec: ReproRecord = {
		article: repro.article,
		date,
		tools,
		setup: repro.setup,
		failing: ran.failing,
		fix: ran.fix ? { anchor, applied: ran.fix.applied, commands: ran.fix.commands } : null,
		...(ran.fixNotRun ? { fixNotRun: ran.fixNotRun } : {}),
	};
	writeFileSync(join(root, REPRO_RECORDS_DIR, `${repro.article}.json`), `${JSON.stringify(rec, null, '\t')}\n`);
	const file = join(root, kb.byId.get(repro.article)!.file);
	writeFileSync(file, writeReproducedField(readFileSync(file, 'utf8'), { date, tools, fix: ran.fix !== null }));
}

/** A Markdown table, columns padded. */
function table(head: string[], body: string[][]): string {
	const all = [head, ...body];
	const width = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
	const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(width[i])).join(' | ')} |`;
	return [line(head), `|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
