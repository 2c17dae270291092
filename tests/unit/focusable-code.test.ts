/** A code block's name, which a screen reader says when the keyboard reaches the block (src/lib/focusable-code.ts). */
import { describe, expect, it } from 'vitest';
import { codeBlockName, TABINDEX_SCRIPT_MARKER } from '../../src/lib/focusable-code.ts';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';

describe('a code block is named by its frame title, else by its language', () => {
	it('names shell, text and other languages, and prefers a title', () => {
		expect(codeBlockName('sh')).toBe('Code block (shell)');
		expect(codeBlockName('console')).toBe('Code block (shell)');
		expect(codeBlockName('text')).toBe('Code block (text)');
		expect(codeBlockName('')).toBe('Code block (text)');
		expect(codeBlockName('rust')).toBe('Code block (rust)');
		expect(codeBlockName('sh', 'Install the helpers')).toBe('Code block (Install the helpers)');
	});

	it("finds Expressive Code's tabindex script by the marker it is left out by", () => {
		// The installed @expressive-code/core: if an upgrade renames its script, the marker no longer finds it and this fails.
		const core = readFileSync(fileURLToPath(import.meta.resolve('@expressive-code/core')), 'utf8');
		expect(core).toContain(`[EC] ${TABINDEX_SCRIPT_MARKER} failed:`);
	});
});
