/**
 * The 404 page's note on a short-ID address. Without its slash (a host that
 * does not add one), the address is tried again with it, where the article's
 * redirect page lives; with it, the page says that no article has the ID, or
 * that the address is not a short ID at all.
 */
import { SHORT_ID_PATTERN } from '../lib/short-id.ts';

/** What the 404 page does for a path: retry it with a slash, name an ID no article has, name a malformed one, or nothing. */
export type NotFoundNote = { retry: string } | { missing: string } | { malformed: string } | undefined;

/** The note for `pathname` (as in location.pathname, percent-encoded). */
export function notFoundNote(pathname: string): NotFoundNote {
	let path: string;
	try {
		path = decodeURIComponent(pathname);
	} catch {
		return undefined;
	}
	const m = /^\/(fl-[^/]*)(\/?)$/i.exec(path);
	if (!m) return undefined;
	if (!m[2]) return { retry: `${pathname}/` };
	const id = m[1].toUpperCase();
	return SHORT_ID_PATTERN.test(id) ? { missing: id } : { malformed: id };
}

if (typeof document !== 'undefined') {
	const note = notFoundNote(location.pathname);
	if (note && 'retry' in note) location.replace(`${note.retry}${location.hash}`);
	else if (note) {
		const element = document.querySelector<HTMLElement>('missing' in note ? '[data-not-found-id]' : '[data-not-found-malformed]')!;
		element.querySelector('[data-not-found-name]')!.textContent = 'missing' in note ? note.missing : note.malformed;
		element.hidden = false;
		// The note says what is wrong with the address; the generic sentence would say it a second time.
		document.querySelector<HTMLElement>('[data-not-found-generic]')!.hidden = true;
	}
}
