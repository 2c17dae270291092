/**
 * Build a project as `npm run build` does and measure it: wall time, and the
 * peak memory of each step's whole process tree (Node and the programs it
 * starts, such as Pagefind), sampled from /proc every 100 ms.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ASTRO = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));
const SEARCH_INDEX = fileURLToPath(new URL('../scripts/search-index.ts', import.meta.url));
const PAGE_SIZE = 4096;

export interface BuildFigures {
	seconds: number;
	/** Peak resident memory of the build's process tree, in bytes. */
	peakBytes: number;
	/** The built site: files, HTML pages, bytes. */
	files: number;
	pages: number;
	bytes: number;
}

/** `npm run build` in a project, measured: `astro build`, then the search index in a process of its own. */
export async function measureBuild(root: string): Promise<BuildFigures> {
	const started = performance.now();
	const peaks = [await measure(root, [ASTRO, 'build']), await measure(root, [SEARCH_INDEX])];
	return { seconds: (performance.now() - started) / 1000, peakBytes: Math.max(...peaks), ...sizeOf(join(root, 'dist')) };
}

/**
 * Run one Node program in a project and sample its process tree's memory
 * until it exits; returns the peak. FAULTLINE_BENCH_TRACE=1 prints the tree's
 * memory by program every 5 s.
 */
async function measure(root: string, args: string[]): Promise<number> {
	const started = performance.now();
	const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
	let log = '';
	child.stdout.on('data', (d) => (log = (log + d).slice(-20_000)));
	child.stderr.on('data', (d) => (log = (log + d).slice(-20_000)));
	let peakBytes = 0;
	let traced = 0;
	const sampler = setInterval(() => {
		const tree = treeRss(child.pid!);
		peakBytes = Math.max(peakBytes, tree.total);
		if (process.env.FAULTLINE_BENCH_TRACE && performance.now() - traced > 5000 && (traced = performance.now())) console.error(`${((performance.now() - started) / 1000).toFixed(0)} s ${(tree.total / 2 ** 30).toFixed(2)} GiB ${JSON.stringify(tree.byProgram)}`);
	}, 100);
	const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
	clearInterval(sampler);
	if (code !== 0) throw new Error(`${args.join(' ')} failed in ${root} (exit ${code}):\n${log}`);
	return peakBytes;
}

/** The resident memory of a process and all its descendants, in bytes, in all and by program. */
function treeRss(pid: number): { total: number; byProgram: Record<string, number> } {
	const children = new Map<number, number[]>();
	const rss = new Map<number, number>();
	const names = new Map<number, string>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			// Fields after the command name (which may hold spaces) start at ") ".
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			const ppid = Number(fields[1]);
			children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
			rss.set(Number(name), Number(fields[21]) * PAGE_SIZE);
			names.set(Number(name), stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
		} catch {
			// The process ended while we looked.
		}
	}
	let total = 0;
	const byProgram: Record<string, number> = {};
	for (const queue = [pid]; queue.length; ) {
		const p = queue.pop()!;
		const bytes = rss.get(p) ?? 0;
		total += bytes;
		const program = names.get(p) ?? '?';
		byProgram[program] = (byProgram[program] ?? 0) + bytes;
		queue.push(...(children.get(p) ?? []));
	}
	return { total, byProgram };
}

function sizeOf(dir: string): { files: number; pages: number; bytes: number } {
	let files = 0;
	let pages = 0;
	let bytes = 0;
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		files++;
		if (entry.name.endsWith('.html')) pages++;
		bytes += statSync(join(entry.parentPath, entry.name)).size;
	}
	return { files, pages, bytes };
}
