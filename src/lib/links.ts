/**
 * The built site's addresses: every page and anchor it publishes, and every
 * internal link it contains. The link check, the address lock and its test
 * read the output through this module.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { siteMessages } from './messages.ts';
import { isArticlePath, RESULTS_PAGES } from './addresses.ts';

/** A lock of published addresses: URL path -> the anchors it must keep. */
export type LinkLock = Record<string, string[]>;

export const LOCK_FILE = 'links.lock.json';

/**
 * A built page, as the checks need it: its URL path, its ids, its links and
 * where it redirects if it is a redirect page. Its HTML is read once and not
 * kept: a site of 10,000 articles has about a gigabyte of it.
 */
export interface BuiltPage {
	path: string;
	/** The HTML file. */
	file: string;
	/** Every id on the page, for checking links into it. */
	ids: Set<string>;
	/** The permanent anchors: the ids of its content headings (sections and fixes). */
	anchors: string[];
	/** Every link's href, as written. */
	links: string[];
	redirectTo?: string;
}

/** Every HTML file under a build directory (not Astro's assets or Pagefind's index). */
export function pageFiles(dist: string): string[] {
	const walk = (dir: string): string[] =>
		readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
			const p = join(dir, e.name);
			if (e.isDirectory()) return ['_astro', 'pagefind'].includes(e.name) ? [] : walk(p);
			return e.name.endsWith('.html') ? [p] : [];
		});
	return walk(dist);
}

/** Every HTML page under a build directory. */
export function builtPages(dist: string): BuiltPage[] {
	return pageFiles(dist)
		.map((file) => {
			const html = readFileSync(file, 'utf8');
			const redirectTo = /<meta http-equiv="refresh" content="0;\s*url=([^"]+)"/i.exec(html)?.[1];
			return {
				path: `/${relative(dist, file)}`.replace(/index\.html$/, '').replace(/\.html$/, '/'),
				file,
				ids: new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => own(m[1]))),
				anchors: anchorsOf(html).map(own),
				links: [...html.matchAll(/<a\s[^>]*?href="([^"]+)"/g)].map((m) => own(m[1])),
				redirectTo: redirectTo && own(redirectTo),
			};
		})
		.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * A copy of a piece of a page. V8 keeps a matched substring as a view into
 * the whole page's text, which would keep every page of the site in memory.
 */
function own(piece: string): string {
	return ` ${piece}`.slice(1);
}

/** The permanent anchors of a page: the ids of its content headings (sections and fixes), not of the page's own. */
export function anchorsOf(html: string): string[] {
	const content = html.indexOf('<div class="sl-markdown-content">');
	return content < 0 ? [] : [...html.slice(content).matchAll(/<h[23] id="([^"]+)"/g)].map((m) => m[1]);
}

/** The addresses a build publishes: every page (not the 404) with the anchors of articles. */
export function publishedAddresses(dist: string): LinkLock {
	const lock: LinkLock = {};
	for (const page of builtPages(dist)) {
		if (page.path === '/404/') continue;
		lock[page.path] = isArticlePath(page.path) && !page.redirectTo ? page.anchors : [];
	}
	return lock;
}

/** Where an address ends up: following redirect pages, the final page, or undefined if it leads nowhere. */
export function resolveAddress(pages: Map<string, BuiltPage>, path: string): BuiltPage | undefined {
	let page = pages.get(path);
	for (let hops = 0; page?.redirectTo && hops < 5; hops++) page = pages.get(new URL(page.redirectTo, 'https://x').pathname);
	return page?.redirectTo ? undefined : page;
}

/** True when the address (path and optional anchor) resolves in the build. */
export function addressResolves(pages: Map<string, BuiltPage>, path: string, anchor?: string): boolean {
	const page = resolveAddress(pages, path);
	return !!page && (!anchor || page.ids.has(anchor));
}

export interface BrokenLink {
	page: string;
	href: string;
}

/** Internal links of the build that lead to no page or to a missing anchor. */
export function brokenLinks(dist: string): BrokenLink[] {
	const pages = builtPages(dist);
	const byPath = new Map(pages.map((p) => [p.path, p]));
	const broken: BrokenLink[] = [];
	for (const page of pages) {
		for (const href of page.links) {
			const url = new URL(href.replace(/&amp;/g, '&'), `https://site${page.path}`);
			if (url.host !== 'site' || /\.(xml|json|txt|js|css|png|svg|ico)$/.test(url.pathname)) continue;
			// The results pages read their fragment as parameters (`/match/#q=…`, addresses.ts matchUrl), not as an anchor.
			const parameters = (RESULTS_PAGES as readonly string[]).includes(url.pathname) && url.hash.includes('=');
			const anchor = url.hash && !parameters ? decodeURIComponent(url.hash.slice(1)) : undefined;
			const target = url.pathname === page.path && anchor ? page : resolveAddress(byPath, url.pathname);
			// A link to a file that is not a page (a download, an image) only needs the file.
			const ok = target ? !anchor || target.ids.has(anchor) : isFile(join(dist, url.pathname));
			if (!ok) broken.push({ page: page.path, href });
		}
	}
	return broken;
}

function isFile(path: string): boolean {
	return existsSync(path) && statSync(path).isFile();
}

/** Compare a lock with a build: addresses that no longer resolve, and new ones not yet locked. */
export function checkLock(lock: LinkLock, dist: string): { gone: string[]; unlocked: string[] } {
	const pages = new Map(builtPages(dist).map((p) => [p.path, p]));
	const gone: string[] = [];
	for (const [path, anchors] of Object.entries(lock)) {
		if (!addressResolves(pages, path)) gone.push(path);
		for (const a of anchors) if (!addressResolves(pages, path, a)) gone.push(`${path}#${a}`);
	}
	const unlocked = Object.entries(publishedAddresses(dist)).flatMap(([path, anchors]) => [
		...(path in lock ? [] : [path]),
		...anchors.filter((a) => !lock[path]?.includes(a)).map((a) => `${path}#${a}`),
	]);
	return { gone, unlocked };
}

/**
 * The lock's failures as content problems: file, address, what is wrong, the
 * fix. `unlocked: false` leaves out new addresses not yet locked (the build
 * itself fails only on lost ones: `npm run links:lock` builds before it locks).
 */
export function lockProblems(lock: LinkLock, dist: string, { unlocked: withUnlocked = true } = {}): { file: string; field: string; message: string; fix: string }[] {
	const { gone, unlocked } = checkLock(lock, dist);
	return [
		...gone.map((address) => ({ file: LOCK_FILE, field: address, ...siteMessages.lockedAddressGone() })),
		...(withUnlocked ? unlocked.map((address) => ({ file: LOCK_FILE, field: address, ...siteMessages.unlockedAddress() })) : []),
	];
}

/** Read the committed lock (empty when there is none yet). */
export function readLock(root: string): LinkLock {
	const file = join(root, LOCK_FILE);
	return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as LinkLock) : {};
}
