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
 *   npm run repro [-- --only <slug>] [-- --record] [-- --show] [-- --jobs N]
 *
 * `--record` also writes each run to tests/fixtures/repro/<slug>.json and
 * the article's `reproduced` field (date and tools). `--show` prints every
 * command with its output. Jobs (each reproduction, and each host limit) run
 * side by side, `--jobs` at a time (default 3), each in a process of its
 * own with its own users: most of their time is spent waiting on Podman
 * (its conmon can wait 20 s for a container that has exited), not on CPU.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadKnowledgeBase } from '../../src/lib/knowledge-base.ts';
import { messageLine, reproMessages } from '../../src/lib/messages.ts';
import { judgeReproduction, REPRO_DIR_SHOWN, REPRO_RECORDS_DIR, type RecordedCommand, type ReproRecord, type ReproVerdict, writeReproducedField } from '../../src/lib/repro.ts';
import { HOST_LIMITS, REPRODUCTIONS, type Reproduction, type ReproRun } from './cases.ts';
import { firstMatch } from './faultline-match.ts';
import { ensureHost, HostUnfit, packageVersion, platform, Sandbox, setSlot } from './host.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({
	options: { only: { type: 'string', multiple: true }, record: { type: 'boolean' }, show: { type: 'boolean' }, jobs: { type: 'string' }, worker: { type: 'string' } },
});

/** What a worker reports to the parent: its table row, its problems and what it printed with --show. */
interface JobResult {
	row: string[];
	problems: string[];
	shown: string;
}

if (values.worker !== undefined) {
	// One job, in this process: --worker <slot> --only <job>.
	setSlot(Number(values.worker));
	const result = await runJob(values.only![0]);
	process.stdout.write(`${JSON.stringify(result)}\n`);
	process.exit(0);
}

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

const jobNames = [...REPRODUCTIONS.map((r) => r.article), ...HOST_LIMITS.map((l) => l.reason)];
const chosen = values.only ?? jobNames;
for (const slug of chosen) {
	if (!jobNames.includes(slug)) {
		console.error(messageLine(reproMessages.unknownArticle(slug)));
		process.exit(2);
	}
}

// Stopped by a signal: no further job starts, and the running ones remove what they made before they
// exit (a worker handles the signal once its current command returns).
const workers = new Set<ReturnType<typeof spawn>>();
const queue = [...chosen];
let stopped = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		stopped = true;
		queue.length = 0;
		for (const w of workers) w.kill(signal);
	});
}

const rows: string[][] = [];
const problems: string[] = [];
const results = new Map<string, JobResult>();
const jobs = Math.max(1, Number(values.jobs ?? 3));
await Promise.all(
	Array.from({ length: Math.min(jobs, queue.length) }, async (_, slot) => {
		for (let job = queue.shift(); job !== undefined; job = queue.shift()) results.set(job, await inWorker(job, slot + 1));
	}),
);
if (stopped) process.exit(130);
for (const job of chosen) {
	const r = results.get(job)!;
	if (r.shown) console.log(r.shown);
	rows.push(r.row);
	problems.push(...r.problems);
}

console.log(table(['article', 'tools and versions', 'error line seen', 'matched first', 'fixed', 'time'], rows));
const total = (Date.now() - started) / 1000;
console.log(`\n${rows.length} jobs in ${total.toFixed(0)} s, ${Math.min(jobs, rows.length)} at a time${installed.length ? ` (apt-get install of ${installed.join(', ')}: ${installSeconds.toFixed(0)} s)` : ' (packages already installed)'}.`);
if (problems.length > 0) {
	console.error();
	console.error(problems.join('\n'));
	process.exit(1);
}

/** Run one job in a worker process (this script with --worker), and read its result. */
function inWorker(job: string, slot: number): Promise<JobResult> {
	const args = [fileURLToPath(import.meta.url), '--worker', String(slot), '--only', job, ...(values.record ? ['--record'] : []), ...(values.show ? ['--show'] : [])];
	return new Promise((resolve) => {
		const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
		workers.add(child);
		let out = '';
		child.stdout.on('data', (chunk) => (out += String(chunk)));
		child.on('close', () => {
			workers.delete(child);
			const last = out.trimEnd().split('\n').pop() ?? '';
			try {
				resolve(JSON.parse(last) as JobResult);
			} catch {
				resolve({ row: [job, '-', '(the job stopped)', '-', '-', '-'], problems: [messageLine(reproMessages.setupFailed(job, 'worker', out.slice(-300)))], shown: '' });
			}
		});
	});
}

/** Run one job (a reproduction or a host limit) in this process, cleaning up whatever happens. */
async function runJob(job: string): Promise<JobResult> {
	let current: Sandbox | undefined;
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.on(signal, () => {
			current?.cleanup();
			process.exit(130);
		});
	}
	const kb = loadKnowledgeBase(root);
	const problems: string[] = [];
	let shownText = '';
	const t0 = Date.now();
	const seconds = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
	const limit = HOST_LIMITS.find((l) => l.reason === job);
	if (limit) {
		const articles = kb.articles.filter((a) => a.data.notReproduced === limit.reason).map((a) => a.data.id);
		const tools = [...limit.tools.map((t) => `${t.name} ${packageVersion(t.pkg)}`), platform()];
		const sandbox = (current = new Sandbox());
		let line = '';
		try {
			const ran = limit.run(stepsIn(sandbox, (t) => (shownText += t)));
			line = ran.output.split('\n').find((l) => limit.shows.test(l)) ?? '';
			if (!line) problems.push(messageLine(reproMessages.limitGone(limit.reason, articles, ran.output.trimEnd().split('\n').pop() ?? '')));
		} catch (error) {
			problems.push(messageLine(reproMessages.setupFailed(limit.reason, 'setup', (error as Error).message)));
		} finally {
			const left = sandbox.cleanup();
			if (left.length > 0) problems.push(messageLine(reproMessages.leftBehind(left)));
		}
		return { row: [`${articles.length} articles (${limit.reason}): not reproduced`, tools.join(', '), line.trim() || 'NONE', '-', '-', seconds()], problems, shown: shownText };
	}

	const repro = REPRODUCTIONS.find((r) => r.article === job)!;
	const article = kb.byId.get(repro.article);
	if (!article) throw new Error(messageLine(reproMessages.unknownArticle(repro.article)));
	const tools = [...repro.tools.map((t) => `${t.name} ${packageVersion(t.pkg)}`), platform()];
	const sandbox = (current = new Sandbox());
	let ran: ReproRun | undefined;
	try {
		ran = repro.run(stepsIn(sandbox, (t) => (shownText += t)));
	} catch (error) {
		problems.push(messageLine(reproMessages.setupFailed(repro.article, 'setup', (error as Error).message)));
	} finally {
		const left = sandbox.cleanup();
		if (left.length > 0) problems.push(messageLine(reproMessages.leftBehind(left)));
	}
	if (!ran) return { row: [repro.article, tools.join(', '), '(setup failed)', '-', '-', seconds()], problems, shown: shownText };
	if (values.show) for (const c of [ran.failing, ...(ran.fix?.commands ?? [])]) shownText += `\n[${repro.article}] $ ${c.command}   (exit ${c.status})\n${c.output}`;
	const matchedFirst = await firstMatch(root, ran.failing.output);
	const verdict = judgeReproduction(article.data, { failing: ran.failing, matchedFirst, fix: ran.fix?.commands ?? null });
	for (const p of verdict.problems) problems.push(messageLine(p));
	if (values.record && verdict.problems.length === 0) record(kb, repro, tools, ran);
	return { row: row(repro, tools, verdict, ran, seconds()), problems, shown: shownText };
}

/** The recorder a reproduction runs its steps through: every output with the run's directory shown neutrally. */
function stepsIn(sb: Sandbox, show: (text: string) => void) {
	const shown = (c: RecordedCommand): RecordedCommand => ({ command: neutral(c.command), status: c.status, output: neutral(c.output) });
	// The run's directory shown neutrally, and colours taken out (the matcher ignores them too).
	const neutral = (text: string) => text.split(sb.dir).join(REPRO_DIR_SHOWN).replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '');
	const timed = (command: string, f: () => { status: number; output: string }) => {
		const t = Date.now();
		const r = f();
		if (values.show) show(`  ${((Date.now() - t) / 1000).toFixed(1)} s  ${neutral(command)}\n`);
		return shown({ command, ...r });
	};
	return {
		sb,
		as: (user: Parameters<Sandbox['runAs']>[0], command: string, options?: Parameters<Sandbox['runAs']>[2]) => timed(command, () => sb.runAs(user, command, options)),
		root: (command: string, options?: Parameters<Sandbox['runAsRoot']>[1]) => timed(command, () => sb.runAsRoot(command, options)),
	};
}

function row(repro: Reproduction, tools: string[], v: ReproVerdict, ran: ReproRun, seconds: string): string[] {
	const fixed = v.fixed === undefined ? `not run: ${ran.fixNotRun ?? 'no fix'}` : v.fixed ? 'yes' : 'NO';
	const first = v.matchedFirst === repro.article ? 'yes' : `NO (${v.matchedFirst ?? 'nothing'})`;
	return [repro.article, tools.join(', '), v.errorLine?.trim() ?? 'NONE', first, fixed, seconds];
}

/** Write the run to tests/fixtures/repro/<slug>.json and the article's `reproduced` field. */
function record(kb: ReturnType<typeof loadKnowledgeBase>, repro: Reproduction, tools: string[], ran: ReproRun): void {
	const anchor = kb.fixes.get(repro.article)?.[0] ?? '';
	const date = new Date().toISOString().slice(0, 10);
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
