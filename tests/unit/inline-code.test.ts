import { describe, expect, it } from 'vitest';
import { inlineCode, plainText, slashPieces } from '../../src/lib/inline-code.ts';

const code = (text: string) => inlineCode(text).parts.filter((p) => p.code).map((p) => p.text);

describe('wizard texts read code spans by the CommonMark rule', () => {
	it('gives one code part per pair of single backticks', () => {
		expect(inlineCode('Does `multipass launch` print `x`?')).toEqual({
			parts: [
				{ code: false, text: 'Does ' },
				{ code: true, text: 'multipass launch' },
				{ code: false, text: ' print ' },
				{ code: true, text: 'x' },
				{ code: false, text: '?' },
			],
			unclosed: [],
			misPaired: [],
		});
	});

	it('closes a span only with a run of as many backticks, so double backticks hold single ones', () => {
		expect(code('``make `…/merged` private: Permission denied`` or ``open `…/merged`: Permission denied``')).toEqual([
			'make `…/merged` private: Permission denied',
			'open `…/merged`: Permission denied',
		]);
	});

	it('drops one space on each side when both are there (code starting with a backtick)', () => {
		expect(code('`` `x` ``')).toEqual(['`x`']);
		expect(code('`  `')).toEqual(['  ']);
	});

	it('leaves a run nothing closes as text, and says where it is', () => {
		expect(inlineCode('a `b')).toEqual({ parts: [{ code: false, text: 'a `b' }], unclosed: [2], misPaired: [] });
	});

	it('finds spans paired with the wrong backtick: code holding backticks written with single ones', () => {
		// What the tree once held: "make " and " private: …" became code, "…/merged" text.
		const old = '`make `…/merged` private: Permission denied` or `open `…/merged`: Permission denied`';
		expect(code(old)).toEqual(['make ', ' private: Permission denied', 'open ', ': Permission denied']);
		expect(inlineCode(old).misPaired).toEqual([0, 15, 48]);
		expect(inlineCode('run `ls -l` and `stat x` now').misPaired).toEqual([]);
	});

	it('reads as plain text without the backticks', () => {
		expect(plainText('Does ``a `b` c`` fail?')).toBe('Does a `b` c fail?');
	});
});

describe('a long path may break at its slashes', () => {
	it('cuts after each slash that has more of the path after it', () => {
		expect(slashPieces('mkdir /var/run/containers/storage: denied')).toEqual(['mkdir /var/', 'run/', 'containers/', 'storage: denied']);
		expect(slashPieces('"/var/lib/x.lock"')).toEqual(['"/var/', 'lib/', 'x.lock"']);
		expect(slashPieces('and / or, a/ b, end/')).toEqual(['and / or, a/ b, end/']);
	});
});
