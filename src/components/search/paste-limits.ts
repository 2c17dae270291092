/** Size limits of the paste box, shared by the page script and the search code. */

/** Pastes longer than this are kept out of the text box; it shows their start. */
export const LARGE_PASTE = 256 * 1024;
/** How much of a large paste the text box shows. */
export const PREVIEW = 16 * 1024;
/** Pastes longer than this are cut before matching, and the reader is told. */
export const MAX_PASTE = 8 * 1024 * 1024;

/**
 * When the browser's whole index (gzipped, `wholeBytes` in the directory) is at most this, the worker
 * fetches it as soon as the cursor enters a paste box, so a paste waits for no index request: issue 17's
 * budget for what a 4 KB paste downloads is 50 KB, of which the box's code and directory take about 16 KB.
 * A bigger index (thousands of articles) waits for the paste and fetches only the shards it needs.
 */
export const PREFETCH_WHOLE_BYTES = 32 * 1024;
