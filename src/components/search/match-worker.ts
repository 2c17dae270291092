/**
 * Matching off the main thread: the worker fetches the matcher index once
 * (from this site) and answers each message with a result. The pasted text
 * never leaves the browser.
 */
import { createMatcher, type Matcher, type MatcherIndex, type MatchResult } from '../../lib/matcher/index.ts';

export interface MatchRequest {
	id: number;
	text: string;
}
export type MatchResponse = { id: number; result: MatchResult } | { id: number; error: string };

let matcher: Promise<Matcher> | undefined;

function load(): Promise<Matcher> {
	matcher ??= fetch('/api/v1/matcher-index.json')
		.then((r) => {
			if (!r.ok) throw new Error(`the matcher index could not be loaded (HTTP ${r.status})`);
			return r.json() as Promise<MatcherIndex>;
		})
		.then(createMatcher);
	return matcher;
}

self.addEventListener('message', async (event: MessageEvent<MatchRequest>) => {
	const { id, text } = event.data;
	try {
		const result = (await load()).match(text, { top: 5 });
		(self as unknown as Worker).postMessage({ id, result } satisfies MatchResponse);
	} catch (error) {
		(self as unknown as Worker).postMessage({ id, error: (error as Error).message } satisfies MatchResponse);
	}
});
