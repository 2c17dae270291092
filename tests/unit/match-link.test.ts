/** Match links put the text in the fragment and are never longer than hosts accept. */
import { describe, expect, it } from 'vitest';
import { MAX_LINK_LENGTH, matchLink } from '../../src/lib/addresses.ts';

describe('matchLink', () => {
	it('puts the text and the product in the fragment, never in the query', () => {
		const link = matchLink('https://kb.example.org/', 'error: a & b #c', 'Podman')!;
		const url = new URL(link);
		expect(url.pathname).toBe('/match/');
		expect(url.search).toBe('');
		const params = new URLSearchParams(url.hash.slice(1));
		expect([params.get('q'), params.get('product')]).toEqual(['error: a & b #c', 'Podman']);
	});

	it('makes no link longer than MAX_LINK_LENGTH', () => {
		const base = 'https://kb.example.org';
		const room = MAX_LINK_LENGTH - `${base}/match/#q=`.length;
		expect(matchLink(base, 'x'.repeat(room))).toHaveLength(MAX_LINK_LENGTH);
		expect(matchLink(base, 'x'.repeat(room + 1))).toBeUndefined();
		// Encoding counts: 3 characters per byte of a non-ASCII character.
		expect(matchLink(base, 'é'.repeat(Math.ceil(room / 6) + 1))).toBeUndefined();
	});
});
