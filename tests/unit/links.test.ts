import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brokenLinks, builtPages, checkLock, publishedAddresses, resolveAddress } from '../../src/lib/links.ts';

const heading = (id: string) => `<h2 id="${id}">${id}</h2>`;
/** An article page as Starlight renders it: the page's own headings, then the content's. */
const article = (body: string) => `<h2 id="starlight__on-this-page">On this page</h2><div class="sl-markdown-content">${body}</div>`;
const redirect = (to: string) => `<html><head><meta http-equiv="refresh" content="0; url=${to}"></head></html>`;

/** A small built site in a temporary directory: path -> HTML. */
function site(pages: Record<string, string>): string {
	const dist = mkdtempSync(join(tmpdir(), 'faultline-dist-'));
	for (const [path, html] of Object.entries(pages)) {
		const file = join(dist, path, 'index.html');
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, html);
	}
	return dist;
}

const base = () => ({
	'/': '<a href="/kb/a/">a</a> <a href="/kb/a/#fix-one">fix</a> <a href="/FL-0001/#root-cause">short</a>',
	'/kb/a/': article(`${heading('root-cause')}${heading('fix-one')}<a href="#root-cause">self</a>`),
	'/FL-0001/': redirect('/kb/a/'),
	'/kb/old-a/': redirect('/kb/a/'),
});

describe('the built site', () => {
	it('lists its pages, following redirect pages to where they lead', () => {
		const pages = new Map(builtPages(site(base())).map((p) => [p.path, p]));
		expect([...pages.keys()]).toEqual(['/', '/FL-0001/', '/kb/a/', '/kb/old-a/']);
		expect(resolveAddress(pages, '/kb/old-a/')?.path).toBe('/kb/a/');
	});

	it('publishes every page, and the anchors of articles', () => {
		expect(publishedAddresses(site(base()))).toEqual({ '/': [], '/FL-0001/': [], '/kb/a/': ['root-cause', 'fix-one'], '/kb/old-a/': [] });
	});

	it('finds links to missing pages and missing anchors, through redirects too', () => {
		const pages = { ...base(), '/kb/b/': '<a href="/kb/gone/">x</a> <a href="/kb/a/#no-such-fix">y</a> <a href="/FL-0001/#nope">z</a> <a href="https://example.org/x">out</a>' };
		expect(brokenLinks(site(pages))).toEqual([
			{ page: '/kb/b/', href: '/kb/gone/' },
			{ page: '/kb/b/', href: '/kb/a/#no-such-fix' },
			{ page: '/kb/b/', href: '/FL-0001/#nope' },
		]);
		expect(brokenLinks(site(base()))).toEqual([]);
	});
});

describe('the address lock', () => {
	const lock = { '/': [], '/FL-0001/': [], '/kb/a/': ['root-cause', 'fix-one'], '/kb/old-a/': [] };

	it('passes when every locked address resolves and every published one is locked', () => {
		expect(checkLock(lock, site(base()))).toEqual({ gone: [], unlocked: [] });
	});

	it('fails for a removed page and a removed anchor', () => {
		const pages: Record<string, string> = { ...base(), '/kb/a/': heading('root-cause') };
		delete pages['/kb/old-a/'];
		expect(checkLock(lock, site(pages)).gone).toEqual(['/kb/a/#fix-one', '/kb/old-a/']);
	});

	it('accepts a removed page that a redirect keeps, and a moved anchor kept by an alias', () => {
		const pages = { ...base(), '/kb/a/': article(`${heading('root-cause')}<h2 id="fix-renamed"><span id="fix-one"></span>x</h2>`) };
		expect(checkLock({ ...lock, '/kb/older-a/': [] }, site({ ...pages, '/kb/older-a/': redirect('/kb/old-a/') })).gone).toEqual([]);
	});

	it('names new addresses that are not locked yet', () => {
		const pages = { ...base(), '/kb/c/': article(heading('symptoms')) };
		expect(checkLock(lock, site(pages)).unlocked).toEqual(['/kb/c/', '/kb/c/#symptoms']);
	});
});
