/**
 * The paste box does not wrap (a log keeps its lines), so when text arrives in it the browser shows the caret, at
 * the end of the text: the end of a long line, the last lines of a log, and the start the reader needs to
 * recognise their paste hidden. Whenever text arrives other than by typing (a paste, a drop, a phone keyboard's
 * clipboard or dictation, which insert it without a paste event; text the page puts in from a link or an
 * example), the box shows the text's start: scrolled to its first column and first line. The caret stays where
 * the browser put it. The search code (search-ui.ts) calls these, for the event that loaded it and every one
 * after, so nothing here is fetched before a reader pastes or types.
 */

/**
 * Whether an `input` event brought text that was not typed: pasted, dropped or yanked (`insertFrom…`), or
 * inserted more than one character at once outside a composition (a keyboard's clipboard, dictation). Typing,
 * deleting and autocorrect's word replacements are not: the reader is editing where the caret is.
 */
export function arrivedWhole(event: Event): boolean {
	if (!(event instanceof InputEvent) || event.isComposing) return false;
	return event.inputType.startsWith('insertFrom') || (event.inputType === 'insertText' && (event.data?.length ?? 0) > 1);
}

/**
 * Show the start of the box's text. In the next animation frame: the browser scrolls the caret into view after
 * the `input` event (Chromium, measured: a scroll set in the `input` listener itself is undone by a paste).
 */
export function showStart(input: HTMLTextAreaElement): void {
	requestAnimationFrame(() => {
		input.scrollLeft = 0;
		input.scrollTop = 0;
	});
}
