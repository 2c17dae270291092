/**
 * The paste box's behaviour, loaded only when the reader opens search, puts
 * the cursor in a paste box (`warmUp`) or
 * starts to paste. Known-error matches come from the matcher in a worker,
 * and show as soon as it answers; full-text results come from Pagefind,
 * asked only after that, for a word search or a text no known error
 * matched (never before a wizard step's jump). Everything the reader typed
 * is rendered with textContent, never as HTML.
 *
 * What the reader gets depends on how the text reads (text-kind.ts):
 * - a log: the known errors it holds, or the verdict that none matches;
 * - a description: the known errors if an error line is in it, otherwise the
 *   articles whose prose fits it, marked `likely` (prose.ts), never a verdict;
 *   when none stands out, the closest articles by their words as search
 *   results, labelled as no diagnosis, with the wizard offered;
 * - a few words: a search, the likely (or closest) articles and the pages, never a verdict.
 * The pages (Pagefind, which requires every word of a query) are asked for a
 * description's informative words together, then, when no page holds them
 * all, word by word (`searchPages`).
 * A line that several causes print comes with the wizard's question that
 * tells them apart (engine.ts `separatingQuestion`, as the CLI prints it).
 */
import type { MatchRequest, MatchResponse, WarmUpRequest } from './match-worker.ts';
import { sameLineGroups, stripPrefixes, type Match, type MatchResult, type Possible } from '../../lib/matcher/index.ts';
import type { ProseMatch } from '../../lib/prose.ts';
import type { TextKind } from '../../lib/text-kind.ts';
import { LARGE_PASTE, MAX_PASTE, PREVIEW } from './paste-limits.ts';
import { arrivedWhole, showStart } from './show-start.ts';
import { jumpTarget, possibleTarget, separatingQuestion, type SeparatingQuestion, type WizardJumps } from '../../wizard/engine.ts';
import { articlePath, PAGEFIND_PATH, sectionPath, WIZARD_JUMPS_PATH, WIZARD_PATH, wizardStepPath } from '../../lib/addresses.ts';
import { inlineCode, plainText } from '../../lib/inline-code.ts';
import { pasteStatusMessages, possibleMessages, proseMessages, verdictMessages } from '../../lib/messages.ts';


interface PagefindResultData {
	url: string;
	excerpt: string;
	meta: Record<string, string>;
}
interface Pagefind {
	options(o: Record<string, unknown>): Promise<void>;
	search(term: string, o?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] }>;
}
interface PagefindResult {
	id: string;
	score: number;
	data(): Promise<PagefindResultData>;
}

let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
	pagefind ??= (async () => {
		const url = `${PAGEFIND_PATH}pagefind.js`;
		const mod = (await import(/* @vite-ignore */ url)) as Pagefind;
		await mod.options({ excerptLength: 24 });
		return mod;
	})();
	return pagefind;
}

let worker: Worker | undefined;
let nextId = 0;
/** Per request: the final answer's resolver, and what to do with an early one (matches without their display texts). */
const pending = new Map<number, { resolve: (r: MatchResponse) => void; early?: (r: MatchResponse) => void }>();
/** The matcher's worker, started once. */
function matchWorker(): Worker {
	if (!worker) {
		worker = new Worker(new URL('./match-worker.ts', import.meta.url), { type: 'module' });
		worker.addEventListener('message', (e: MessageEvent<MatchResponse>) => {
			const waiting = pending.get(e.data.id);
			if ('display' in e.data && e.data.display === 'pending') return waiting?.early?.(e.data);
			waiting?.resolve(e.data);
			pending.delete(e.data.id);
		});
	}
	return worker;
}

/**
 * Get ready for a paste (the reader has put the cursor in a box): start the
 * worker, which fetches the index's directory. Nothing of any text is sent.
 */
export function warmUp(): void {
	matchWorker().postMessage({ warmUp: true } satisfies WarmUpRequest);
}

/** Match a text in the worker: resolves with the final answer; `early` gets the matches first when their display texts are still loading. */
function matchInWorker(text: string, product?: string, early?: (r: MatchResponse) => void): Promise<MatchResponse> {
	const worker = matchWorker();
	const id = nextId++;
	return new Promise((resolve) => {
		pending.set(id, { resolve, early });
		worker.postMessage({ id, text, product } satisfies MatchRequest);
	});
}

/** A panel's run function, once mounted; `jump` says the reader pasted or submitted, so a wizard step may move on. */
const mounted = new WeakMap<HTMLFormElement, (jump: boolean) => Promise<void>>();
/**
 * A large paste kept out of the text box: the box shows its first PREVIEW
 * characters, then `note` on a line of its own; `rest` is the text after the
 * preview. While the note is in the box, the panel's text is the box's with
 * the note replaced by the rest, so typing anywhere edits the whole paste;
 * when the reader removes the note (replaces the text), the box alone counts.
 */
interface LargePaste {
	note: string;
	rest: string;
}
const largePaste = new WeakMap<HTMLFormElement, LargePaste>();

/** Put a text too large for the text box in the panel: the box shows its start, the panel holds all of it. */
function holdLarge(form: HTMLFormElement, text: string): void {
	const input = form.querySelector<HTMLTextAreaElement>('[data-search-input]')!;
	const note = pasteStatusMessages.largePasteNote(formatSize(text.length));
	largePaste.set(form, { note, rest: text.slice(PREVIEW) });
	input.value = `${text.slice(0, PREVIEW)}\n${note}`;
	showStart(input);
}

/** The panel's whole text: the box's, with a large paste's hidden rest in place of its note. */
function currentText(form: HTMLFormElement, input: HTMLTextAreaElement): string {
	const large = largePaste.get(form);
	if (!large) return input.value;
	const at = input.value.lastIndexOf(large.note);
	if (at < 0) {
		largePaste.delete(form); // the reader replaced the text
		return input.value;
	}
	return input.value.slice(0, at).replace(/\n$/, '') + large.rest + input.value.slice(at + large.note.length);
}

/** Take a text too large for the text box (a paste, a drop, autofill): show its start, match all of it. */
export function pasteLarge(form: HTMLFormElement, text: string): void {
	holdLarge(form, text);
	mountSearch(form, new Event('paste'));
}

/** Set the panel's text (from a link): large texts are held as a large paste is. Does not run the panel. */
export function setPasteText(form: HTMLFormElement, text: string): void {
	if (text.length > LARGE_PASTE) holdLarge(form, text);
	else {
		largePaste.delete(form);
		const input = form.querySelector<HTMLTextAreaElement>('[data-search-input]')!;
		input.value = text;
		showStart(input);
	}
}

/**
 * Wire up a paste box (once), then act on the event that asked for it: the
 * reader's first keystroke, paste or submit, or none for a page that reads
 * its query from the address.
 */
export function mountSearch(form: HTMLFormElement, trigger?: Event): void {
	const run = mounted.get(form) ?? setUp(form);
	const input = form.querySelector<HTMLTextAreaElement>('[data-search-input]')!;
	// The event that loaded this code is past the listener setUp adds: its text shows its start here.
	if (trigger && arrivedWhole(trigger)) showStart(input);
	if (input.value || largePaste.has(form)) void run(trigger ? wantsJump(trigger) : false);
}

/** A submit or a paste asks a wizard step to move on; typing does not. */
function wantsJump(event: Event): boolean {
	return event.type === 'submit' || event.type === 'paste' || isPaste(event);
}

function setUp(form: HTMLFormElement): (jump: boolean) => Promise<void> {
	const input = form.querySelector<HTMLTextAreaElement>('[data-search-input]')!;
	const product = form.querySelector<HTMLSelectElement>('[data-search-product]')!;
	const status = form.querySelector<HTMLElement>('[data-search-status]')!;
	const known = form.querySelector<HTMLElement>('[data-known-errors]')!;
	const likely = form.querySelector<HTMLElement>('[data-likely-articles]')!;
	const closest = form.querySelector<HTMLElement>('[data-closest-articles]')!;
	const textResults = form.querySelector<HTMLElement>('[data-text-results]')!;
	const list = form.querySelector<HTMLOListElement>('[data-search-results]')!;
	let generation = 0;
	// A jump asked for by a submit or a paste holds until a run answers: the run that asked may be
	// superseded by a later one for the same text (two loads of this code can finish in either order).
	let jumpAsked = false;

	const run = async (jump = false) => {
		const mine = ++generation;
		jumpAsked ||= jump;
		const raw = currentText(form, input);
		if (!raw.trim()) {
			known.hidden = likely.hidden = closest.hidden = textResults.hidden = true;
			status.textContent = '';
			return;
		}
		const cut = raw.length > MAX_PASTE;
		const text = cut ? raw.slice(0, MAX_PASTE) : raw;
		status.textContent = pasteStatusMessages.lookingForKnownErrors();
		// The answer first: the matcher's result shows (or the wizard step moves on) as soon as the worker
		// has it. Pagefind, a download of its own, runs only after: for a word search, or when no known
		// error matched (then the pages are what the reader has left).
		// Matches whose titles are still loading show at once, labelled by their IDs (no question or jump
		// yet: the final answer, a moment later, brings those).
		const showEarly = (early: MatchResponse) => {
			if (mine !== generation || 'error' in early) return;
			renderKnown(known, early.result, early.kind, []);
			status.textContent = summary(early.result, early.kind);
		};
		const response = await matchInWorker(text, product.selectedOptions[0]?.dataset.productId || undefined, showEarly);
		if (mine !== generation) return;

		const notes: string[] = [];
		if (cut) notes.push(pasteStatusMessages.pasteCut(formatSize(raw.length), formatSize(MAX_PASTE)));
		let searchWords = true;
		let words: string[] | undefined;
		/** The articles listed above the pages (known errors, likely, closest): the pages do not list them again. */
		const listed = new Set<string>();
		if ('error' in response) {
			notes.push(pasteStatusMessages.matchingUnavailable(response.error));
			known.hidden = likely.hidden = closest.hidden = true;
		} else {
			const questions = await questionsFor(response.result);
			if (mine !== generation) return;
			renderKnown(known, response.result, response.kind, questions);
			renderLikely(likely, response.likely, response.closest, response.result.possible.length > 0);
			renderClosest(closest, response.closest);
			for (const m of [...response.result.matches.map((m) => m.article), ...response.result.possible.map((p) => p.article), ...(response.likely ?? []), ...(response.closest ?? [])]) listed.add(articlePath(m.id));
			words = response.words;
			if (typeof response.display === 'object') notes.push(response.display.note);
			if (response.likelyError) notes.push(pasteStatusMessages.rankingUnavailable(response.likelyError));
			const said = summary(response.result, response.kind, response.likely, questions, response.closest);
			notes.push(said);
			const target = jumpAsked ? await wizardTarget(form, response.result) : undefined;
			if (mine !== generation) return;
			jumpAsked = false;
			if (target) {
				status.textContent = `${said} ${pasteStatusMessages.goingToStep()}`;
				location.assign(target);
				return;
			}
			searchWords = response.kind === 'words' || response.result.matches.length === 0;
		}
		if (!searchWords) {
			textResults.hidden = true;
			status.textContent = notes.join(' ');
			return;
		}
		status.textContent = [...notes, pasteStatusMessages.searchingPages()].join(' ');
		const found = await searchPages(text, product.value, words);
		if (mine !== generation) return;
		const { some } = found;
		// One list, not two: an article already listed as likely or closest is not listed again under the pages.
		const pages = found.pages.filter((p) => !listed.has(new URL(p.url, location.href).pathname));
		list.replaceChildren(...pages.map(renderPage));
		textResults.querySelector('h3')!.textContent = listed.size ? proseMessages.morePagesHeading() : proseMessages.pagesHeading();
		textResults.setAttribute('aria-label', textResults.querySelector('h3')!.textContent);
		textResults.hidden = pages.length === 0;
		if (found.pages.length === 0) notes.push(proseMessages.noPageHasAllWords());
		else if (some) notes.push(proseMessages.pagesWithSomeWords(words ?? []));
		status.textContent = notes.join(' ');
	};

	let timer: ReturnType<typeof setTimeout> | undefined;
	mounted.set(form, run);
	input.addEventListener('input', (event) => {
		clearTimeout(timer);
		if (arrivedWhole(event)) showStart(input);
		// A paste is whole at once: it runs now. Typing waits for a pause, so a word is not matched letter by letter.
		if (isPaste(event)) void run(true);
		else timer = setTimeout(() => run(false), 200);
	});
	product.addEventListener('change', () => run());
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		// A typed text's pending run must not start after this one and take its jump away.
		clearTimeout(timer);
		void run(true);
	});
	form.dataset.searchMounted = 'true';
	return run;
}

function isPaste(event: Event): boolean {
	return (event as InputEvent).inputType === 'insertFromPaste';
}

let jumpTable: Promise<WizardJumps | undefined> | undefined;

/** The wizard's jump table, fetched once; undefined (no jump, the matches still show) when it cannot be had. */
function loadJumps(url: string): Promise<WizardJumps | undefined> {
	jumpTable ??= fetch(url)
		.then((r) => (r.ok ? (r.json() as Promise<WizardJumps>) : undefined))
		.catch(() => undefined);
	return jumpTable;
}

/**
 * On a wizard step: the step a match leads to (see jumpTarget), or with no match the step a possible
 * cause's line leads to (possibleTarget), or undefined.
 */
async function wizardTarget(form: HTMLFormElement, result: MatchResult): Promise<string | undefined> {
	if (!form.dataset.wizardJumps || (result.matches.length === 0 && result.possible.length === 0)) return undefined;
	const jumps = await loadJumps(form.dataset.wizardJumps);
	if (!jumps) return undefined;
	const step =
		result.matches.length === 0
			? possibleTarget(jumps, result.possible[0].article.id)
			: jumpTarget(jumps, result.ambiguous ? result.matches.map((m) => m.article.id) : [result.matches[0].article.id]);
	return step ? wizardStepPath(step) : undefined;
}

/** A line that several known causes print, and the wizard's question that tells them apart (when it has one). */
interface SharedLine {
	group: Match[];
	question?: SeparatingQuestion;
}

/**
 * The lines of a result that several causes print, each with its separating
 * question. The jump table is fetched only when there is such a line; without
 * it the candidates still show, with the articles' own way to tell them apart.
 */
async function questionsFor(result: MatchResult): Promise<SharedLine[]> {
	const groups = sameLineGroups(result.matches);
	if (groups.length === 0) return [];
	const jumps = await loadJumps(WIZARD_JUMPS_PATH);
	return groups.map((group) => ({ group, question: jumps && separatingQuestion(jumps, group.map((m) => m.article.id)) }));
}

/** The status line: what was found. A search or a description never gets the "no known error" verdict. */
function summary(result: MatchResult, kind: TextKind, likely: readonly ProseMatch[] = [], shared: readonly SharedLine[] = [], closest: readonly ProseMatch[] = []): string {
	const n = result.matches.length;
	if (n > 0 && result.ambiguous) {
		return pasteStatusMessages.knownCauses(n, shared.some((l) => l.question));
	}
	if (n > 0) return pasteStatusMessages.knownErrorsFound(n);
	if (result.possible.length) return possibleMessages.summary(result.possible.length);
	if (kind === 'log') return verdictMessages.noKnownError();
	return proseMessages.summary(kind, likely.length, likely.length ? 0 : closest.length);
}

function renderKnown(section: HTMLElement, result: MatchResult, kind: TextKind, shared: readonly SharedLine[]) {
	// A search or a description with no error line gets no verdict (only what was ruled out, if anything).
	const possible = result.matches.length === 0 && result.possible.length > 0;
	if (result.matches.length === 0 && !possible && kind !== 'log' && result.excluded.length === 0) {
		section.hidden = true;
		return;
	}
	// A log with no match: the status line above already gives the verdict (verdictMessages.noKnownError), so the heading does not repeat it.
	const heading = el(
		'h3',
		possible ? possibleMessages.heading() : result.matches.length || kind === 'log' ? pasteStatusMessages.knownErrorsHeading() : pasteStatusMessages.ruledOutHeading(),
	);
	const children: Node[] = [heading];
	for (const line of shared) children.push(renderSharedLine(line));
	if (result.matches.length) {
		const ol = document.createElement('ol');
		ol.className = 'match-list';
		ol.append(...result.matches.map(renderMatch));
		children.push(ol);
	} else if (possible) {
		const ol = document.createElement('ol');
		ol.className = 'possible-list';
		ol.append(...result.possible.map(renderPossible));
		children.push(ol);
	} else if (kind === 'log') {
		children.push(el('p', pasteStatusMessages.noKnownErrorNote()));
	}
	for (const e of result.excluded) {
		children.push(withParts(el('p', pasteStatusMessages.ruledOut(), 'excluded-note'), shortIdNode(e.article.shortId), ' (', ...titleNodes(e.article.title || e.article.id), e.why ? `): ${e.why}` : ')'));
	}
	section.replaceChildren(...children);
	section.hidden = false;
}

/** Beside the candidates of a shared line: how many causes print it, and the question that tells them apart, linked to its wizard step. */
function renderSharedLine({ group, question }: SharedLine): HTMLElement {
	const box = document.createElement('div');
	box.className = 'ambiguous-note';
	box.dataset.sharedLine = String(group[0].lineNumber);
	box.append(withParts(el('p', pasteStatusMessages.sharedLine(group.length, group[0].lineNumber)), ...group.flatMap((m, i) => (i ? [', ', shortIdNode(m.article.shortId)] : [shortIdNode(m.article.shortId)])), ').'));
	if (question) {
		const ask = el('p', pasteStatusMessages.separatingQuestion());
		const link = el('a', plainText(question.prompt), 'separating-question');
		link.href = question.path;
		ask.append(link, pasteStatusMessages.separatingQuestionAfter());
		box.append(ask);
	} else {
		box.append(el('p', pasteStatusMessages.noSeparatingQuestion()));
	}
	return box;
}

/**
 * The likely articles for a description or a search (prose.ts): below any
 * known error, marked `likely`, each with the words it shares with the text.
 * Hidden when the worker did not rank (an error line matched, or a log), and
 * when possible causes are listed and no other article is likely.
 */
function renderLikely(section: HTMLElement, likely: readonly ProseMatch[] | undefined, closest: readonly ProseMatch[] = [], possible = false) {
	// With possible causes listed, no likely article left to add (the worker lists none twice: `notPossible`) says nothing more.
	if (!likely || (possible && !likely.length)) {
		section.hidden = true;
		return;
	}
	if (!likely.length) {
		// Ranked, and nothing stands out: no known match, and no "Likely articles" heading over nothing. A
		// reader with a symptom and no error line is who the wizard is for; the closest articles, if any,
		// follow in their own section as search results.
		const wizard = el('a', proseMessages.startWizard());
		wizard.href = WIZARD_PATH;
		section.replaceChildren(withParts(el('p', proseMessages.likelyNone(closest.length), 'likely-note'), wizard, '.'));
		section.hidden = false;
		return;
	}
	const ol = document.createElement('ol');
	ol.className = 'likely-list';
	ol.append(...likely.map(renderLikelyItem));
	section.replaceChildren(
		el('h3', proseMessages.likelyHeading()),
		el('p', proseMessages.likelyNote(), 'likely-note'),
		ol,
	);
	section.hidden = false;
}

/**
 * When no article stands out: the closest articles by their words (prose.ts `ProseRanking.closest`),
 * plainly labelled as search results and no diagnosis, each with the words it shares and where; no
 * `likely` badge, no verdict. Hidden when there are none.
 */
function renderClosest(section: HTMLElement, closest: readonly ProseMatch[] | undefined) {
	if (!closest?.length) {
		section.hidden = true;
		return;
	}
	const ol = document.createElement('ol');
	ol.className = 'closest-list';
	ol.append(
		...closest.map((m) => {
			const li = document.createElement('li');
			li.dataset.article = m.id;
			li.append(articleLink(m.id, m.shortId, m.title), withParts(el('p', '', 'match-summary'), ...titleNodes(m.summary)), el('p', proseMessages.whyListed(m.shared), 'closest-why'));
			return li;
		}),
	);
	section.replaceChildren(el('h3', proseMessages.closestHeading()), el('p', proseMessages.closestNote(), 'closest-note'), ol);
	section.hidden = false;
}

function renderLikelyItem(m: ProseMatch): HTMLLIElement {
	const li = document.createElement('li');
	li.dataset.article = m.id;
	const link = articleLink(m.id, m.shortId, m.title);
	const badge = el('span', proseMessages.likelyBadge(), 'likely-badge');
	const why = el('p', proseMessages.whyLikely(m.shared), 'likely-why');
	const confirm = el('a', proseMessages.howToConfirmIt());
	confirm.href = sectionPath(m.id, 'How to confirm');
	li.append(link, ' ', badge, withParts(el('p', '', 'match-summary'), ...titleNodes(m.summary)), why, confirm);
	return li;
}

/**
 * A possible cause (match.ts `possible`): the article, the reader's line that other causes print too, and the
 * link to its "How to confirm", which tells whether it is this cause. No confidence: it is no answer.
 */
function renderPossible(p: Possible): HTMLLIElement {
	const li = document.createElement('li');
	li.dataset.article = p.article.id;
	li.append(articleLink(p.article.id, p.article.shortId, p.article.title));
	if (p.article.summary) li.append(withParts(el('p', '', 'match-summary'), ...titleNodes(p.article.summary)));
	const confirm = el('a', possibleMessages.confirm(), 'possible-check');
	confirm.href = sectionPath(p.article.id, 'How to confirm');
	li.append(el('p', possibleMessages.line(p.lineNumber), 'possible-note'), block(el('code', p.matchedLine.trim(), 'matched-line')), confirm);
	return li;
}

function renderMatch(m: Match): HTMLLIElement {
	const li = document.createElement('li');
	li.dataset.article = m.article.id;
	const link = articleLink(m.article.id, m.article.shortId, m.article.title);
	// A line pasted word for word as the article has it shows once: two identical boxes read as a glitch.
	const same = m.matchedLine.trim() === m.signature;
	const why = el('p', pasteStatusMessages.matchConfidence(m.confidence, m.lineNumber, same ? 'verbatim' : m.kind));
	const pasted = el('code', m.matchedLine.trim(), 'matched-line');
	li.append(link);
	// Without its display texts (still loading, or not to be had) a match has no summary: the rest still shows.
	if (m.article.summary) li.append(withParts(el('p', '', 'match-summary'), ...titleNodes(m.article.summary)));
	// Two grey boxes look alike: each says whose line it holds (the article's could pass for another line of the paste).
	li.append(why, el('p', pasteStatusMessages.yourLine(m.lineNumber), 'match-box-label'), block(pasted));
	if (!same) li.append(el('p', pasteStatusMessages.articleLine(), 'match-box-label'), block(el('code', m.signature, 'signature')));
	if (m.supporting.length) li.append(el('p', pasteStatusMessages.moreLines(m.supporting.length)));
	return li;
}

/** At most this many pages are listed. */
const PAGES = 8;

/**
 * The pages for a text. `words`: a description's or a search's informative words (prose.ts
 * `ProseRanking.words`); without them (a log, or a search an error line matched) the query is
 * `pageQuery`'s. Pagefind requires every word of a query, so when no page holds all the words, each
 * word is asked alone and the pages are ranked by how many of the words they hold, then by the sum of
 * their scores (`some`: the pages listed hold only some of the words).
 */
async function searchPages(text: string, productName: string, words?: readonly string[]): Promise<{ pages: PagefindResultData[]; some: boolean }> {
	const query = words?.length ? words.join(' ') : pageQuery(text);
	if (!query) return { pages: [], some: false };
	const pf = await loadPagefind();
	const options = { filters: productName ? { product: productName } : undefined };
	const all = await pf.search(query, options);
	if (all.results.length || !words || words.length < 2) return { pages: await Promise.all(all.results.slice(0, PAGES).map((r) => r.data())), some: false };
	const each = await Promise.all(words.map((word) => pf.search(word, options)));
	const byPage = new Map<string, { result: PagefindResult; words: number; score: number }>();
	for (const { results } of each) {
		for (const result of results) {
			const page = byPage.get(result.id) ?? { result, words: 0, score: 0 };
			page.words += 1;
			page.score += result.score;
			if (result.score > page.result.score) page.result = result; // its excerpt marks the page's best word
			byPage.set(result.id, page);
		}
	}
	const ranked = [...byPage.values()].sort((a, b) => b.words - a.words || b.score - a.score).slice(0, PAGES);
	return { pages: await Promise.all(ranked.map((p) => p.result.data())), some: ranked.length > 0 };
}

/**
 * Pagefind requires every word of a query, so a whole log finds nothing: it
 * gets the first line that has words, without log prefixes, numbers, paths
 * or IDs, cut to eight words.
 */
export function pageQuery(text: string): string {
	for (const line of text.slice(0, 64 * 1024).split(/\r?\n/, 200)) {
		const words = stripPrefixes(line)
			.split(/\s+/)
			.map((w) => w.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, ''))
			.filter((w) => w.length > 1 && !/[/\\=\d]/.test(w));
		if (words.length) return words.slice(0, 8).join(' ');
	}
	return '';
}

function renderPage(data: PagefindResultData): HTMLLIElement {
	const li = document.createElement('li');
	const link = document.createElement('a');
	link.href = data.url;
	if (data.meta.shortId) link.append(shortIdNode(data.meta.shortId), ': ');
	link.append(...titleNodes(data.meta.title ?? ''));
	const excerpt = document.createElement('p');
	excerpt.append(...excerptNodes(data.excerpt));
	li.append(link, excerpt);
	return li;
}

/** Pagefind's excerpt as text nodes and <mark> elements only. */
function excerptNodes(html: string): Node[] {
	const template = document.createElement('template');
	template.innerHTML = html;
	return [...template.content.childNodes].map((node) => {
		if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent ?? '');
		return el('mark', node.textContent ?? '');
	});
}

/** A link to an article labelled "FL-0003: its title", the title's code spans as code; "FL-0003: its-id" while it has no title (display texts not loaded). */
function articleLink(id: string, shortId: string, title: string): HTMLAnchorElement {
	const link = document.createElement('a');
	link.href = articlePath(id);
	link.append(shortIdNode(shortId), ': ', ...titleNodes(title || id));
	return link;
}

/** A short ID that never breaks across lines ("FL-" / "0004" on a phone). */
function shortIdNode(shortId: string): HTMLSpanElement {
	return el('span', shortId, 'short-id');
}

/** A title or summary as text and <code> nodes, one per code span, as the article page shows it. */
function titleNodes(title: string): Node[] {
	return inlineCode(title).parts.map((p) => (p.code ? el('code', p.text) : document.createTextNode(p.text)));
}

function withParts<T extends HTMLElement>(node: T, ...parts: (Node | string)[]): T {
	node.append(...parts);
	return node;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text: string, className?: string): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	node.textContent = text;
	if (className) node.className = className;
	return node;
}

function block(code: HTMLElement): HTMLPreElement {
	const pre = document.createElement('pre');
	pre.append(code);
	return pre;
}

function formatSize(chars: number): string {
	return chars >= 1024 * 1024 ? `${(chars / 1024 / 1024).toFixed(1)} MB` : `${Math.round(chars / 1024)} KB`;
}
