import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../src/lib/matcher/index.ts';
import { loadKnowledgeBase } from '../../src/lib/knowledge-base.ts';
import { honestBodies, noiseBodies, realisticLog, realLogLines } from '../../bench/realistic-log.ts';
import { NEEDLE, NEEDLE_ARTICLE } from '../../bench/grep-speed.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const matcher = createMatcher(loadKnowledgeBase(root).matcherIndex());

describe('the speed bench log (bench/realistic-log.ts)', () => {
	it('holds its needle as the only answer once its noise is read on the log itself (honestBodies)', () => {
		const real = realLogLines(root);
		const bodies = noiseBodies(real, matcher);
		const bytes = 256 * 1024;
		const honest = honestBodies(bytes, real, bodies, NEEDLE, matcher);
		// Replaced in place: the list keeps its length, and holds only bodies it had.
		expect(honest.bodies).toHaveLength(bodies.length);
		const known = new Set(bodies);
		expect(honest.bodies.every((b) => known.has(b))).toBe(true);
		const result = matcher.match(realisticLog(bytes, real, honest.bodies, NEEDLE), { top: Number.POSITIVE_INFINITY });
		expect(result.matches.map((m) => [m.article.id, m.confidence, m.matchedLine])).toEqual([[NEEDLE_ARTICLE, 'high', NEEDLE]]);
		expect(result.matches[0].supporting).toEqual([]);
		expect(result.excluded).toEqual([]);
	});
});
