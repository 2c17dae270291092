/**
 * The CLI's line reader: every kind of line break, across chunk boundaries,
 * and a line past the limit cut with its whole length reported.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readLines, UnreadableInput } from '../../src/cli/read-lines.ts';

async function lines(chunks: (string | Uint8Array)[], options?: Parameters<typeof readLines>[2]): Promise<string[]> {
	const out: string[] = [];
	for await (const line of readLines(Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))), 'test', options)) out.push(line);
	return out;
}

describe('readLines', () => {
	it('splits at \\n, \\r\\n and a lone \\r, also when a break spans two chunks', async () => {
		expect(await lines(['a\nb\r', '\nc\rd', '\r', 'e\n\nf'])).toEqual(['a', 'b', 'c', 'd', 'e', '', 'f']);
		expect(await lines(['one\r'])).toEqual(['one']);
		expect(await lines(['x\n'])).toEqual(['x']);
	});

	it('keeps a UTF-8 character split between chunks', async () => {
		const bytes = Buffer.from('é→x\n');
		expect(await lines([bytes.subarray(0, 1), bytes.subarray(1, 3), bytes.subarray(3)])).toEqual(['é→x']);
	});

	it('cuts a line past the limit, over many chunks, and reports its whole length', async () => {
		const cut: [number, number][] = [];
		const chunks = ['short\n', ...Array.from({ length: 100 }, () => 'y'.repeat(1000)), '\nlast'];
		const out = await lines(chunks, { maxLine: 2500, onCut: (n, length) => cut.push([n, length]) });
		expect(out).toEqual(['short', 'y'.repeat(2500), 'last']);
		expect(cut).toEqual([[2, 100_000]]);
	});

	it('refuses binary data and text that is not UTF-8', async () => {
		await expect(lines(['ok\n', new Uint8Array([1, 0, 2])])).rejects.toThrow(UnreadableInput);
		await expect(lines([new Uint8Array([0x66, 0xff])])).rejects.toThrow('test is not UTF-8 text; pass a text log');
	});
});
