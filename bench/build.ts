/**
 * Build a project and measure it: wall time, and peak memory of the whole
 * process tree (Astro's Node process plus the programs it starts, such as
 * Pagefind), sampled from /proc every 100 ms.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ASTRO = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));
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

export async function measureBuild(root: string): Promise<BuildFigures> {
	const started = performance.now();
	const child = spawn(process.execPath, [ASTRO, 'build'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
	let log = '';
	child.stdout.on('data', (d) => (log = (log + d).slice(-20_000)));
	child.stderr.on('data', (d) => (log = (log + d).slice(-20_000)));
	let peakBytes = 0;
	const sampler = setInterval(() => (peakBytes = Math.max(peakBytes, treeRss(child.pid!))), 100);
	const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
	clearInterval(sampler);
	if (code !== 0) throw new Error(`astro build failed in ${root} (exit ${code}):\n${log}`);
	const seconds = (performance.now() - started) / 1000;
	return { seconds, peakBytes, ...sizeOf(join(root, 'dist')) };
}

/** The resident memory of a process and all its descendants, in bytes. */
function treeRss(pid: number): number {
	const children = new Map<number, number[]>();
	const rss = new Map<number, number>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			// Fields after the command name (which may hold spaces) start at ") ".
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			const ppid = Number(fields[1]);
			children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
			rss.set(Number(name), Number(fields[21]) * PAGE_SIZE);
		} catch {
			// The process ended while we looked.
		}
	}
	let total = 0;
	for (const queue = [pid]; queue.length; ) {
		const p = queue.pop()!;
		total += rss.get(p) ?? 0;
		queue.push(...(children.get(p) ?? []));
	}
	return total;
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
