/**
 * Reading a stream as lines with bounded memory, refusing binary data: a NUL
 * byte, or text that is not UTF-8, means the input is not a log.
 */
import type { Readable } from 'node:stream';

export class UnreadableInput extends Error {}

/** The lines of a stream; throws UnreadableInput on binary data. */
export async function* readLines(stream: Readable, name: string): AsyncGenerator<string> {
	const decoder = new TextDecoder('utf-8', { fatal: true });
	let pending = '';
	try {
		for await (const chunk of stream) {
			const bytes: Uint8Array = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
			if (bytes.includes(0)) throw new UnreadableInput(`${label(name)} looks like binary data (it has NUL bytes); pass a text log`);
			pending += decodeOrThrow(decoder, bytes, name, true);
			const lines = pending.split(/\r?\n|\r(?!$)/);
			pending = lines.pop() ?? '';
			yield* lines;
		}
		pending += decodeOrThrow(decoder, new Uint8Array(), name, false);
	} catch (error) {
		if (error instanceof UnreadableInput) throw error;
		const code = (error as NodeJS.ErrnoException).code;
		throw new UnreadableInput(`cannot read ${label(name)}${code ? ` (${code})` : ''}`);
	}
	if (pending) yield pending;
}

function decodeOrThrow(decoder: TextDecoder, bytes: Uint8Array, name: string, stream: boolean): string {
	try {
		return decoder.decode(bytes, { stream });
	} catch {
		throw new UnreadableInput(`${label(name)} is not UTF-8 text; pass a text log`);
	}
}

function label(name: string): string {
	return name === '-' ? 'standard input' : name;
}
