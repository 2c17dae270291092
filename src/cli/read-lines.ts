/**
 * Reading a stream as lines in linear time and bounded memory, whatever the
 * line lengths, refusing binary data: a NUL byte, or text that is not UTF-8,
 * means the input is not a log. A line longer than a limit is cut to it (the
 * caller is told, to tell the reader): each character is looked at once, and
 * at most one line of the limit's length is held, plus one chunk.
 */
import type { Readable } from 'node:stream';
import { cliUsageMessages as u, inputName } from '../lib/messages.ts';

export class UnreadableInput extends Error {}

/**
 * The longest line kept, in characters (4 MiB): far longer than any error
 * line, and the matcher reads a line of this length in well under a second
 * (it reads long lines in windows: src/lib/matcher/match.ts).
 */
export const MAX_LINE = 4 * 1024 * 1024;

export interface ReadLinesOptions {
	/** Lines longer than this many characters are cut to it (default MAX_LINE). */
	maxLine?: number;
	/** Called for each cut line: its 1-based number and its whole length in characters. */
	onCut?: (lineNumber: number, length: number) => void;
}

const BREAK = /\r\n|\n|\r/g;

/**
 * The lines of a stream (without their line breaks: `\n`, `\r\n` or a lone
 * `\r`); throws UnreadableInput on binary data or a read error.
 */
export async function* readLines(stream: Readable, name: string, { maxLine = MAX_LINE, onCut }: ReadLinesOptions = {}): AsyncGenerator<string> {
	const decoder = new TextDecoder('utf-8', { fatal: true });
	let parts: string[] = [];
	let kept = 0;
	let dropped = 0;
	let lineNumber = 0;
	let carry = ''; // a '\r' at the end of a chunk, which may be half of '\r\n'
	const add = (piece: string) => {
		if (kept < maxLine) {
			const take = piece.length <= maxLine - kept ? piece : piece.slice(0, maxLine - kept);
			if (take) parts.push(take);
			kept += take.length;
			dropped += piece.length - take.length;
		} else dropped += piece.length;
	};
	const finish = (): string => {
		lineNumber++;
		const line = parts.length === 1 ? parts[0] : parts.join('');
		if (dropped) onCut?.(lineNumber, kept + dropped);
		parts = [];
		kept = dropped = 0;
		return line;
	};
	try {
		for await (const chunk of stream) {
			const bytes: Uint8Array = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
			if (bytes.includes(0)) throw new UnreadableInput(u.binary(inputName(name)));
			let text = carry + decodeOrThrow(decoder, bytes, name, true);
			carry = '';
			if (text.endsWith('\r')) {
				carry = '\r';
				text = text.slice(0, -1);
			}
			let from = 0;
			BREAK.lastIndex = 0;
			for (let m = BREAK.exec(text); m; m = BREAK.exec(text)) {
				add(text.slice(from, m.index));
				from = m.index + m[0].length;
				yield finish();
			}
			add(text.slice(from));
		}
		add(decodeOrThrow(decoder, new Uint8Array(), name, false));
	} catch (error) {
		if (error instanceof UnreadableInput) throw error;
		const code = (error as NodeJS.ErrnoException).code;
		throw new UnreadableInput(u.cannotRead(inputName(name), code));
	}
	// A final '\r' ends the last line, as a final '\n' does.
	if (kept || dropped || carry) yield finish();
}

function decodeOrThrow(decoder: TextDecoder, bytes: Uint8Array, name: string, stream: boolean): string {
	try {
		return decoder.decode(bytes, { stream });
	} catch {
		throw new UnreadableInput(u.notUtf8(inputName(name)));
	}
}
