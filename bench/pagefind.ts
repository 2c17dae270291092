/**
 * Pagefind as a reader uses it: the built site's own pagefind.js, in
 * Chromium, queried with each text. Returns the top result's article slug
 * (or null) per text, or undefined when there is no built site.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { ensureBrowser, launchArgs } from '../scripts/browser.ts';
import { serve } from './serve.ts';

export async function pagefindTop(root: string, texts: string[]): Promise<Map<string, string | null> | undefined> {
	const dist = join(root, 'dist');
	if (!existsSync(join(dist, 'pagefind/pagefind.js'))) return undefined;
	const server = await serve(dist);
	const browser = await chromium.launch({ executablePath: await ensureBrowser(), args: launchArgs() });
	try {
		const page = await browser.newPage();
		await page.goto(`${server.url}/`);
		const tops = await page.evaluate(async (all) => {
			const bundle = '/pagefind/pagefind.js';
			const pf = await import(bundle);
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
		await server.close();
	}
}
