/**
 * Every address the site publishes, in one place: the public URL, the URL
 * shape of each kind of page, and the section anchors of an article. Pages,
 * components, the CLI, the bot, the build checks and the benchmark all build
 * and recognise addresses through these functions, so a URL shape changes
 * here or nowhere. Browser-safe: no Node imports.
 *
 * Override the public URL at build time with FAULTLINE_SITE_URL (SITE_URL_VARIABLE).
 */
import { SECTION_ANCHORS, type ArticleSection } from './registry.ts';

/** The public site's address, without a trailing slash. */
export const PUBLIC_SITE_URL = 'https://faultline.dev';

/**
 * The environment variable that names another address for the site: at build time the site's own
 * (sitemap, canonical links, the API's URLs), at run time the one the CLI's links point to (a site
 * served locally, `npm run serve`: http://localhost:4321); the CLI's --base-url wins over it.
 */
export const SITE_URL_VARIABLE = 'FAULTLINE_SITE_URL';

/** The URL of the site, without a trailing slash (links the CLI prints, the sitemap): SITE_URL_VARIABLE, else the public site. */
export const SITE_URL: string = /* @__PURE__ */ (globalThis.process?.env?.[SITE_URL_VARIABLE] || PUBLIC_SITE_URL).replace(/\/$/, '');

/**
 * A name in an address: an article's slug, a wizard step's id, a fix's anchor; lower-case words
 * joined by hyphens, as the source of a regular expression (anchor it where it is used).
 */
export const NAME_SOURCE = '[a-z0-9]+(?:-[a-z0-9]+)*';

/** Where readers report a problem the knowledge base does not know. */
export const TRACKER_URL = 'https://github.com/faultline-kb/faultline/issues/new';

/** The path prefix of articles: every article lives at `/kb/<id>/`. */
export const ARTICLES_PREFIX = '/kb/';

/** The path of an article, `/kb/<id>/`, and with a section or fix anchor `/kb/<id>/#<anchor>`. */
export function articlePath(id: string, anchor?: string): string {
	return `${ARTICLES_PREFIX}${id}/${anchor ? `#${anchor}` : ''}`;
}

/** The path of a section of an article, e.g. `sectionPath(id, 'How to confirm')` is `/kb/<id>/#how-to-confirm`. */
export function sectionPath(id: string, section: ArticleSection): string {
	return articlePath(id, SECTION_ANCHORS[section]);
}

/** True for the path of an article page (`/kb/<id>/`), not for other pages. */
export function isArticlePath(path: string): boolean {
	return path.startsWith(ARTICLES_PREFIX);
}

/** The short-ID address of an article, `/FL-0003/`, which redirects to its page. */
export function shortIdPath(shortId: string): string {
	return `/${shortId}/`;
}

/** The list of products, each linking to its own list of articles. */
export const PRODUCTS_PATH = '/products/';

/** The page listing one product's articles, `/products/<id>/`, or its page `n` (from 2), `/products/<id>/<n>/`: with a trailing slash, as every address of the site. */
export function productPath(product: string, page = 1): string {
	return page > 1 ? `${PRODUCTS_PATH}${product}/${page}/` : `${PRODUCTS_PATH}${product}/`;
}

/** The wizard's start page. */
export const WIZARD_PATH = '/wizard/';

/**
 * The query parameter that says which answer a reader picked at a step where several lead on to the
 * same step (two wordings of one error): `picked=<step>.<choice index>`, once per such step on the way.
 * The step's page is the same however it was reached; its answers so far echo the picked one
 * (src/components/wizard/trail-picks.ts), or all of them when the address names none.
 */
export const PICKED_PARAM = 'picked';

/** One answer picked: at which step (its id), and which choice (its index in the step's choices). */
export interface Pick {
	node: string;
	choice: number;
}

/** The page of one wizard step, `/wizard/<id>/`, with the answers picked on the way when they matter (`?picked=<step>.<n>`, PICKED_PARAM). */
export function wizardStepPath(step: string, picks: readonly Pick[] = []): string {
	return `${WIZARD_PATH}${step}/${picksQuery(picks)}`;
}

function picksQuery(picks: readonly Pick[]): string {
	const query = picks.map((p) => `${PICKED_PARAM}=${p.node}.${p.choice}`).join('&');
	return query ? `?${query}` : '';
}

/**
 * A wizard step's address (wizardStepPath) carrying `picks` too, before the picks it names itself: the
 * answers picked on the way to the page a link is on travel on with the reader. A pick the address
 * names for the same step wins.
 */
export function withPicks(href: string, picks: readonly Pick[]): string {
	const at = href.indexOf('?');
	const path = at < 0 ? href : href.slice(0, at);
	const own = picksIn(at < 0 ? '' : href.slice(at));
	return `${path}${picksQuery([...picks.filter((p) => !own.some((o) => o.node === p.node)), ...own])}`;
}

const PICK_VALUE = new RegExp(`^(${NAME_SOURCE})\\.(\\d{1,4})$`);

/** The picks a wizard step's address names (its query, `?picked=<step>.<n>`), in order; a malformed one is ignored. */
export function picksIn(search: string): Pick[] {
	return new URLSearchParams(search).getAll(PICKED_PARAM).flatMap((value) => {
		const m = PICK_VALUE.exec(value);
		return m ? [{ node: m[1], choice: Number(m[2]) }] : [];
	});
}

/** The map of the whole wizard tree (`/wizard/map/`), or of the branch from one step (`/wizard/map/<id>/`). */
export function wizardMapPath(step?: string): string {
	return `${WIZARD_PATH}map/${step ? `${step}/` : ''}`;
}

/** The wizard's jump table (src/wizard/engine.ts, WizardJumps), fetched by the paste box on a step. */
export const WIZARD_JUMPS_PATH = `${WIZARD_PATH}jumps.json`;

/** The search page and the match page. */
export const SEARCH_PATH = '/search/';
export const MATCH_PATH = '/match/';

/** The pages that read a paste from their address (`#q=`): the match page and the search page. */
export const RESULTS_PAGES = [MATCH_PATH, SEARCH_PATH] as const;

/** Where the Pagefind bundle is served. */
export const PAGEFIND_PATH = '/pagefind/';

/** The static JSON API, versioned by path. */
export const API_PATH = '/api/v1/';

/** The path of one API document, e.g. `apiPath('articles.json')`. */
export function apiPath(file: string): string {
	return `${API_PATH}${file}`;
}

/** The whole matcher index, which the CLI can also read (`--index`). */
export const MATCHER_INDEX_FILE = 'matcher-index.json';
export const MATCHER_INDEX_PATH = /* @__PURE__ */ apiPath(MATCHER_INDEX_FILE);

/** The browser's whole index (display texts apart, src/lib/matcher/browser-index.ts), for a paste that needs most shards. */
export const MATCHER_WHOLE_FILE = 'matcher/whole.json';

/** The directory of the browser's shards (src/lib/matcher/shards.ts), fetched first. */
export const MATCHER_DIRECTORY_FILE = 'matcher/directory.json';

/** One shard of the browser's index. */
export function matcherShardFile(n: number): string {
	return `matcher/shard-${n}.json`;
}

/** One bucket of articles' display texts (titles, summaries, reasons), fetched for the articles a result names. */
export function matcherDisplayFile(n: number): string {
	return `matcher/display/${n}.json`;
}

/** The articles' prose documents (src/lib/prose.ts ProseIndex), fetched by the paste box for a description or a search, never for a log. */
export const PROSE_INDEX_FILE = 'prose-index.json';

/** `path` on the site at `baseUrl` (a trailing slash on the base is ignored). */
export function absolute(baseUrl: string, path: string): string {
	return `${baseUrl.replace(/\/$/, '')}${path}`;
}

/** The absolute URL of an article on the site at `baseUrl`, optionally with an anchor. */
export function articleUrl(baseUrl: string, id: string, anchor?: string): string {
	return absolute(baseUrl, articlePath(id, anchor));
}

/**
 * The longest link the site, the CLI or the bot ever generates, in
 * characters: about 8 KB, the request-line limit of common servers and
 * proxies (nginx's large_client_header_buffers default is 8k; Apache's
 * LimitRequestLine default is 8190). A longer link is not generated at all.
 */
export const MAX_LINK_LENGTH = 8 * 1024;

/**
 * The match page opened on `text` (and a product filter): the text goes in
 * the fragment (`/match/#q=...`), which browsers never send to a server or in
 * a Referer. The page reads it with URLSearchParams.
 */
export function matchUrl(baseUrl: string, text: string, product?: string): string {
	const params = new URLSearchParams({ q: text });
	if (product) params.set('product', product);
	return absolute(baseUrl, `${MATCH_PATH}#${params}`);
}

/** matchUrl, or undefined when the link would be longer than MAX_LINK_LENGTH. */
export function matchLink(baseUrl: string, text: string, product?: string): string | undefined {
	const link = matchUrl(baseUrl, text, product);
	return link.length <= MAX_LINK_LENGTH ? link : undefined;
}
