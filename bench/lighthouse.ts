/**
 * Lighthouse (npm `lighthouse`) on pages of a served site, with its default
 * mobile settings (a mid-range phone on slow 4G, simulated), in the system's
 * Chromium. Scores are 0 to 100 per category.
 */
import lighthouse from 'lighthouse';
import { launch } from 'chrome-launcher';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Scores = Record<(typeof CATEGORIES)[number], number> & {
	failing: string[];
	/** Total blocking time, ms (simulated mobile CPU), and the main thread's work by group (audit mainthread-work-breakdown: styleLayout, scriptEvaluation, …), ms. */
	totalBlockingMs: number;
	mainThread: Record<string, number>;
};

/**
 * Run Lighthouse on each of `urls` in one Chromium, one after another. `only` names the categories it runs
 * (all four by default); a category not run scores 0. Leaving out `performance` leaves out its trace and
 * its simulated load, most of a run's time: the end-to-end test, which asserts the other three, does so.
 */
export async function lighthouseScores(chromePath: string, args: readonly string[], urls: readonly string[], only: readonly (typeof CATEGORIES)[number][] = CATEGORIES): Promise<Scores[]> {
	const chrome = await launch({ chromePath, chromeFlags: ['--headless=new', ...args] });
	try {
		const scores: Scores[] = [];
		for (const url of urls) {
			const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...only] });
			if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
			const { categories, audits } = result.lhr;
			const score = (c: string) => Math.round((categories[c]?.score ?? 0) * 100);
			// The weighted audits that cost points, to say why a score is below 100.
			const failing = CATEGORIES.flatMap((c) => categories[c]?.auditRefs ?? [])
				.filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1)
				.map((ref) => `${ref.id} (${audits[ref.id].displayValue ?? audits[ref.id].score})`);
			const items = (audits['mainthread-work-breakdown']?.details as { items?: { group: string; duration: number }[] } | undefined)?.items ?? [];
			const mainThread = Object.fromEntries(items.map((i) => [i.group, i.duration]));
			const totalBlockingMs = audits['total-blocking-time']?.numericValue ?? 0;
			scores.push({ performance: score('performance'), accessibility: score('accessibility'), 'best-practices': score('best-practices'), seo: score('seo'), failing, totalBlockingMs, mainThread });
		}
		return scores;
	} finally {
		chrome.kill();
	}
}
