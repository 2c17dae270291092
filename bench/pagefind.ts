/**
 * Pagefind as a reader uses it: the built site's own pagefind.js, in
 * Chromium, queried with each text. Returns the top result's article slug
 * (or null) per text, or undefined when there is no built site.
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { chromium } from '@playwright/test';
import { ensureBrowser, launchArgs } from '../scripts/browser.ts';

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.wasm': 'application/wasm' };

export async function pagefindTop(root: string, texts: string[]): Promise<Map<string, string | null> | undefined> {
	const dist = join(root, 'dist');
	if (!existsSync(join(dist, 'pagefind/pagefind.js'))) return undefined;
	const server = createServer((req, res) => {
		const path = normalize(join(dist, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
		const file = path.endsWith('/') ? join(path, 'index.html') : path;
		if (!file.startsWith(dist) || !existsSync(file)) return void res.writeHead(404).end();
		res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const { port } = server.address() as { port: number };
	const browser = await chromium.launch({ executablePath: await ensureBrowser(), args: launchArgs() });
	try {
		const page = await browser.newPage();
		await page.goto(`http://127.0.0.1:${port}/`);
		const tops = await page.evaluate(async (all) => {
			const pf = await import('/pagefind/pagefind.js');
			const out: (string | null)[] = [];
			for (const t of all) {
				const r = await pf.search(t);
				const first = r.results[0] ? await r.results[0].data() : null;
				out.push(first ? (/\/kb\/([^/]+)\//.exec(first.url)?.[1] ?? null) : null);
			}
			return out;
		}, texts);
		return new Map(texts.map((t, i) => [t, tops[i]]));
	} finally {
		await browser.close();
		server.close();
	}
}
