/**
 * Short texts with code spans, as the wizard tree writes them (prompts,
 * answers, help): the CommonMark rule for code spans, and nothing else of
 * Markdown. A run of N backticks opens a span that only a run of exactly N
 * backticks closes, so code that holds a backtick is written with two:
 * ``make `…/merged` private``. One leading and one trailing space inside a
 * span are dropped when both are there (CommonMark 0.31, "Code spans").
 */

/** A piece of text: plain, or the contents of one code span. */
export interface InlinePart {
	code: boolean;
	text: string;
}

/**
 * The text as plain and code parts, in order. A backtick run that nothing
 * closes stays literal text, as in CommonMark; `unclosed` lists each such
 * run's offset so that a check can refuse it. `misPaired` lists the offset of
 * each span that looks paired with the wrong backtick: its code ends in a
 * space right before a word (`` `make `…/merged` ``: "make " is code and
 * "…/merged" text) or starts with one right after a word. Both nearly always
 * mean code holding a backtick, written with single backticks.
 */
export function inlineCode(text: string): { parts: InlinePart[]; unclosed: number[]; misPaired: number[] } {
	const parts: InlinePart[] = [];
	const unclosed: number[] = [];
	const misPaired: number[] = [];
	let plain = '';
	let i = 0;
	while (i < text.length) {
		if (text[i] !== '`') {
			plain += text[i++];
			continue;
		}
		let run = 0;
		while (text[i + run] === '`') run++;
		const close = closingRun(text, i + run, run);
		if (close < 0) {
			unclosed.push(i);
			plain += text.slice(i, i + run);
			i += run;
			continue;
		}
		if (plain) parts.push({ code: false, text: plain });
		plain = '';
		let code = text.slice(i + run, close);
		const after = text[close + run];
		if ((/ $/.test(code) && after !== undefined && /\S/.test(after)) || (/^ /.test(code) && i > 0 && /\S/.test(text[i - 1]))) misPaired.push(i);
		if (code.startsWith(' ') && code.endsWith(' ') && code.trim()) code = code.slice(1, -1);
		parts.push({ code: true, text: code });
		i = close + run;
	}
	if (plain) parts.push({ code: false, text: plain });
	return { parts, unclosed, misPaired };
}

/** The offset of the first run of exactly `run` backticks from `from`, or -1. */
function closingRun(text: string, from: number, run: number): number {
	for (let i = from; i < text.length; ) {
		if (text[i] !== '`') {
			i++;
			continue;
		}
		let n = 0;
		while (text[i + n] === '`') n++;
		if (n === run) return i;
		i += n;
	}
	return -1;
}

/** The text as a reader sees it without formatting (a page's <title>, a map's box): the spans' contents, no backticks. */
export function plainText(text: string): string {
	return inlineCode(text)
		.parts.map((p) => p.text)
		.join('');
}

/**
 * A text cut after each `/` inside a path (one with a character of the path before it and more of the
 * path after it): a page renders a `<wbr>` between the pieces, so that a path too long for a phone's
 * line (`/var/run/containers/storage:` in a heading) breaks at a slash instead of inside a word (`…/st`
 * `orage`), and only when it must, since a `<wbr>` is only an opportunity. A path's leading slash stays
 * with it (no line ends in `mkdir /`). One piece when there is no such slash.
 */
export function slashPieces(text: string): string[] {
	return text.split(/(?<=[^\s"'`(/]\/)(?=[^/\s])/);
}
