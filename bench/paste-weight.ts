/**
 * What the paste box downloads for a 4 KB paste on the real built site
 * (issue 15: under 50 KB gzipped), measured in Chromium against `dist/`
 * served with gzip (bench/serve.ts), after the home page has loaded and
 * settled: everything fetched from the paste until the box has answered.
 * Bytes are the bodies as sent (gzipped), counted by the server.
 * Three pastes, one per way a text reads (src/lib/text-kind.ts): a log of
 * real lines (bench/realistic-log.ts) with a known error line inside, a description (real descriptions from
 * the eval set), and two search words. KB of 1,024.
 */
import { join } from 'node:path';
import { ensureBrowser, launchArgs } from '../scripts/browser.ts';
import { loadArticles } from '../src/lib/content.ts';
import { loadEvalSet } from '../src/lib/eval-set.ts';
import { textKind } from '../src/lib/text-kind.ts';
import { API_PATH, apiPath, MATCHER_DIRECTORY_FILE, matcherDisplayFile, PAGEFIND_PATH, PROSE_INDEX_FILE, WIZARD_JUMPS_PATH } from '../src/lib/addresses.ts';
import type { Page } from '@playwright/test';
import { launch, pasteAndWait, settle } from './page-weight.ts';
import { serve } from './serve.ts';
import { compileIndex } from '../src/lib/matcher/build.ts';
import { createMatcher } from '../src/lib/matcher/index.ts';
import { noiseBodies, realisticLog, realLogLines } from './realistic-log.ts';

/** The parts of a paste's download, by path prefix: a request counts in the first part whose prefix it has. */
const PARTS = {
	code: '/_astro/',
	'matcher directory': apiPath(MATCHER_DIRECTORY_FILE),
	'display texts': apiPath(matcherDisplayFile(0)).replace(/0\.json$/, ''),
	'matcher index (shards or whole)': `${API_PATH}matcher`,
	'prose index': apiPath(PROSE_INDEX_FILE),
	'wizard jumps': WIZARD_JUMPS_PATH,
	Pagefind: PAGEFIND_PATH,
} as const;

/** The part a path counts in. */
function partOf(path: string): keyof typeof PARTS | undefined {
	return (Object.keys(PARTS) as (keyof typeof PARTS)[]).find((name) => path.startsWith(PARTS[name]));
}

export interface PasteWeight {
	paste: string;
	chars: number;
	/**
	 * Milliseconds from the paste (an input event of type insertFromPaste) to the answer on the page, from
	 * the page's own clock; best of PASTE_RUNS fresh pages: `answerMs` with the cursor put in the box first
	 * and the page settled again (as a reader clicks the box, then pastes), `coldMs` with the paste alone.
	 */
	answerMs: number;
	coldMs: number;
	/** KB per part, then the paste box's own total (without Pagefind) and everything. */
	parts: Record<keyof typeof PARTS, number>;
	box: number;
	total: number;
	/**
	 * Where the time goes, from one more paste with the cursor in the box first: each request the server
	 * answered after the paste, with the milliseconds from the paste to when the server sent it (the
	 * server's clock; the paste is dispatched just after the clock starts), its KB, and the answer's time
	 * on the page's clock.
	 */
	timeline: { path: string; ms: number; kb: number }[];
	timelineAnswerMs: number;
}

/** The three 4 KB pastes: a log with a known line, a description, a word search. */
export function pastes(root: string): { paste: string; text: string }[] {
	const article = loadArticles(root).find((a) => a.data.signatures.some((s) => s.decisive !== false))!.data;
	const line = article.signatures.find((s) => s.decisive !== false)!.line;
	// Real line bodies under journal, CI and dmesg prefixes (realistic-log.ts), as the speed bench's log.
	const real = realLogLines(root);
	const log = realisticLog(4096, real, noiseBodies(real, createMatcher(compileIndex(loadArticles(root).map((a) => a.data)))), line, 3);
	const descriptions = loadEvalSet(root).filter((i) => i.kind === 'prose' && textKind(i.text) === 'prose').map((i) => i.text);
	let description = '';
	for (let i = 0; description.length < 4096 && descriptions.length; i++) description += `${descriptions[i % descriptions.length]}\n\n`;
	description = description.slice(0, 4096);
	if (textKind(log) !== 'log' || textKind(description) !== 'prose') throw new Error('a measured paste does not read as its kind');
	return [
		{ paste: `4 KB log with ${article.shortId}'s line inside`, text: log },
		{ paste: '4 KB description (eval-set prose)', text: description },
		{ paste: 'search: "newuidmap setuid"', text: 'newuidmap setuid' },
	];
}

/** Fresh pages per paste for the time to answer (the best is kept: other jobs on the machine only add to it). */
const PASTE_RUNS = 3;

/**
 * The time from a paste to its answer, on the page's clock: the text goes
 * into the box with the input event a paste fires, and the clock stops when
 * the paste box shows a known error, likely articles or pages (the first
 * answer the reader sees), or its verdict. The search code, the worker and
 * the index load inside this time, as on a first paste.
 */
async function timeToAnswer(page: Page, text: string): Promise<number> {
	return page.evaluate(
		(pasted) =>
			new Promise<number>((resolve) => {
				const form = document.querySelector('main [data-search-panel]')!;
				const input = form.querySelector('textarea')!;
				const answered = () =>
					form.querySelector('[data-known-errors]:not([hidden]) li, [data-likely-articles]:not([hidden]) li, [data-text-results]:not([hidden]) li') ||
					/No known error matches/.test(form.querySelector('[data-search-status]')?.textContent ?? '');
				const start = performance.now();
				const observer = new MutationObserver(() => {
					if (!answered()) return;
					observer.disconnect();
					resolve(performance.now() - start);
				});
				observer.observe(form, { subtree: true, childList: true, attributes: true, characterData: true });
				input.value = pasted;
				input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: null }));
			}),
		text,
	);
}

/**
 * Measure each paste on the built site in `root/dist`, each in a new page
 * (an empty cache): the bytes the server sends from the paste on, counted at
 * the server, so the worker's own script and fetches count as well.
 */
export async function measurePasteWeight(root: string): Promise<PasteWeight[]> {
	let served: { path: string; bytes: number; at: number }[] = [];
	const server = await serve(join(root, 'dist'), (path, bytes) => served.push({ path, bytes, at: performance.now() }));
	const browser = await launch(await ensureBrowser(), launchArgs());
	try {
		const rows: PasteWeight[] = [];
		for (const { paste, text } of pastes(root)) {
			let answerMs = Infinity;
			let coldMs = Infinity;
			for (let run = 0; run < PASTE_RUNS; run++) {
				for (const focused of [true, false]) {
					const page = await browser.newPage();
					await page.goto(`${server.url}/`);
					await settle(page);
					if (focused) {
						await page.focus('main [data-search-panel] textarea');
						await settle(page);
					}
					const ms = await timeToAnswer(page, text);
					if (focused) answerMs = Math.min(answerMs, ms);
					else coldMs = Math.min(coldMs, ms);
					await page.close();
				}
			}
			const page = await browser.newPage();
			await page.goto(`${server.url}/`);
			await settle(page);
			served = [];
			await pasteAndWait(page, text);
			await page.close();
			const kb = (part?: keyof typeof PARTS) => served.filter((s) => !part || partOf(s.path) === part).reduce((n, s) => n + s.bytes, 0) / 1024;
			const parts = Object.fromEntries(Object.keys(PARTS).map((name) => [name, kb(name as keyof typeof PARTS)])) as PasteWeight['parts'];
			const total = kb();
			// Where the time goes: one more paste, cursor first, each response as the server sends it.
			const timed = await browser.newPage();
			await timed.goto(`${server.url}/`);
			await settle(timed);
			await timed.focus('main [data-search-panel] textarea');
			await settle(timed);
			served = [];
			const start = performance.now();
			const timelineAnswerMs = await timeToAnswer(timed, text);
			await timed.close();
			const timeline = served.map((s) => ({ path: s.path, ms: s.at - start, kb: s.bytes / 1024 }));
			rows.push({ paste, chars: text.length, answerMs, coldMs, parts, box: total - parts.Pagefind, total, timeline, timelineAnswerMs });
		}
		return rows;
	} finally {
		await browser.close();
		await server.close();
	}
}
