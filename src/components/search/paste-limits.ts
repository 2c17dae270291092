/** Size limits of the paste box, shared by the page script and the search code. */

/** Pastes longer than this are kept out of the text box; it shows their start. */
export const LARGE_PASTE = 256 * 1024;
/** How much of a large paste the text box shows. */
export const PREVIEW = 16 * 1024;
/** Pastes longer than this are cut before matching, and the reader is told. */
export const MAX_PASTE = 8 * 1024 * 1024;
