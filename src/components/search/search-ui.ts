/**
 * The search behaviour, loaded only when the reader opens search: it loads
 * Pagefind's index on first use and renders results as text (excerpts keep
 * only Pagefind's <mark> highlights).
 */

interface PagefindResultData {
	url: string;
	excerpt: string;
	meta: Record<string, string>;
}
interface Pagefind {
	options(o: Record<string, unknown>): Promise<void>;
	search(term: string, o?: { filters?: Record<string, string> }): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

let pagefind: Promise<Pagefind> | undefined;

/** Pagefind's own module, fetched once, on the first search. */
function loadPagefind(): Promise<Pagefind> {
	pagefind ??= (async () => {
		const url = '/pagefind/pagefind.js';
		const mod = (await import(/* @vite-ignore */ url)) as Pagefind;
		await mod.options({ excerptLength: 24 });
		return mod;
	})();
	return pagefind;
}

const mounted = new WeakSet<HTMLFormElement>();

/** Wire up a search panel; safe to call more than once. */
export function mountSearch(form: HTMLFormElement): void {
	if (mounted.has(form)) return;
	mounted.add(form);
	const input = form.querySelector<HTMLInputElement>('[data-search-input]')!;
	const product = form.querySelector<HTMLSelectElement>('[data-search-product]')!;
	const status = form.querySelector<HTMLElement>('[data-search-status]')!;
	const list = form.querySelector<HTMLOListElement>('[data-search-results]')!;
	let generation = 0;

	const run = async () => {
		const query = input.value.trim();
		const mine = ++generation;
		if (!query) {
			list.replaceChildren();
			status.textContent = '';
			return;
		}
		status.textContent = 'Searching…';
		const pf = await loadPagefind();
		const filters = product.value ? { product: product.value } : undefined;
		const search = await pf.search(query, { filters });
		const results = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
		if (mine !== generation) return;
		list.replaceChildren(...results.map(renderResult));
		status.textContent = results.length === 0 ? 'No pages match these words.' : `${search.results.length} page${search.results.length === 1 ? '' : 's'} found.`;
	};

	let timer: ReturnType<typeof setTimeout> | undefined;
	input.addEventListener('input', () => {
		clearTimeout(timer);
		timer = setTimeout(run, 150);
	});
	product.addEventListener('change', run);
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		void run();
	});
	if (input.value) void run();
}

function renderResult(data: PagefindResultData): HTMLLIElement {
	const li = document.createElement('li');
	const link = document.createElement('a');
	link.href = data.url;
	link.textContent = [data.meta.shortId, data.meta.title].filter(Boolean).join(': ');
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
		const mark = document.createElement('mark');
		mark.textContent = node.textContent;
		return mark;
	});
}
