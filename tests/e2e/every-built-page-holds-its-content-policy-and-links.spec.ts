/**
 * One pass over the built HTML, for everything that needs no browser: each page is read once
 * (built-html.ts), not visited once per check. What is served is also exactly what a reader without
 * JavaScript gets, so the no-JavaScript checks of every article, short ID and wizard step live here;
 * a real Chromium with JavaScript off still walks one article, one short ID and one wizard path
 * (articles-and-wizard-steps-work-without-javascript, short-ids-lead-to-their-article).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ARTICLE_SECTIONS } from '../../src/lib/registry.ts';
import { EVIDENCE_LEVELS, evidenceClass, type EvidenceLevel } from '../../src/lib/evidence.ts';
import { relatedIndex } from '../../src/lib/related.ts';
import { all, attr, builtPageList, first, parsedPage, text } from './built-html.ts';
import { plainText } from '../../src/lib/inline-code.ts';
import { choiceGroupsOf, choicesOf } from '../../src/wizard/engine.ts';
import { contentViolations, gluedWords, policyViolations } from './page-rules.ts';
import { fromHtml } from 'hast-util-from-html';
import { ARTICLES, DIST, EDGES, LOADED_ARTICLES, TREE } from './site.ts';

const OUTLINES = new Map(LOADED_ARTICLES.map((a) => [a.data.id, a.outline]));
const related = relatedIndex(ARTICLES);
const sitemap = readFileSync(join(DIST, 'sitemap-0.xml'), 'utf8');

for (const article of ARTICLES) {
	test(`${article.shortId} ${article.id} renders its sections in the template order, whole without JavaScript`, () => {
		const page = parsedPage(`/kb/${article.id}/`);
		expect(text(first(page, 'h1')).trim()).toBe(plainText(article.title));
		expect(text(first(page, '.article-meta .short-id')).trim()).toBe(article.shortId);
		expect(all(page, '.sl-markdown-content h2').map((h) => text(h).trim())).toEqual([...ARTICLE_SECTIONS]);

		// Symptoms, versions and references come from the front matter.
		expect(all(page, 'ul.symptoms li')).toHaveLength(article.symptoms.length);
		expect(all(page, 'table.versions tbody tr')).toHaveLength(article.versions.length);
		expect(all(page, 'ol.sources li')).toHaveLength(article.sources.length);

		// Every signature is on the page verbatim, in a code block with a copy button (that it shows: every-page-passes-axe-and-its-policy-in-chromium).
		const code = all(page, '.expressive-code pre').map(text).join('\n');
		for (const s of article.signatures) expect(code).toContain(s.line);
		expect(all(page, '.sl-markdown-content pre').map(text).join('\n')).toBe(code);
		expect(first(page, '.expressive-code .copy button')).toBeTruthy();
		expect(first(page, '.sl-markdown-content h3')).toBeTruthy();

		// The root cause and every fix show their evidence level as a badge, in their own section:
		// the level written out, its definition as a tooltip, in the site stylesheet's colours.
		const outline = OUTLINES.get(article.id)!;
		const expected = [
			{ section: 'root-cause', level: outline.rootCauseEvidence! },
			...outline.fixes.map((f) => ({ section: f.anchor!, level: f.evidence! })),
		].map(({ section, level }) => ({ section, className: `evidence-badge ${evidenceClass(level as EvidenceLevel)}`, title: EVIDENCE_LEVELS[level as EvidenceLevel], text: `Evidence: ${level}` }));
		const badges: { section: string; className: string; title: string | null; text: string }[] = [];
		let section = '';
		for (const el of all(page, '.sl-markdown-content :is(h2, h3, .evidence-badge)')) {
			if (el.tagName === 'h2' || el.tagName === 'h3') section = attr(el, 'id') ?? '';
			else badges.push({ section, className: attr(el, 'class') ?? '', title: attr(el, 'title') ?? null, text: text(el).replace(/\s*\(.*$/s, '').trim() });
		}
		expect(badges).toEqual(expected);

		// Related failures, as links.
		expect(all(page, 'ul.related a').map((a) => attr(a, 'href'))).toEqual(related.get(article.id)!.map((r) => `/kb/${r.id}/`));

		// It unfurls with its title and root cause (the summary is the meta description), and is in the sitemap.
		expect(attr(first(page, 'meta[name="description"]'), 'content')).toBe(plainText(article.summary));
		expect(attr(first(page, 'meta[property="og:title"]'), 'content')).toBe(plainText(article.title));
		expect(attr(first(page, 'meta[property="og:description"]'), 'content')).toBe(plainText(article.summary));
		expect(attr(first(page, 'link[rel="canonical"]'), 'href')).toBe(`https://faultline.dev/kb/${article.id}/`);
		expect(sitemap).toContain(`<loc>https://faultline.dev/kb/${article.id}/</loc>`);

		// Its short ID, in either case, leads here without JavaScript (a refresh to the article; with it, the page keeps the anchor).
		for (const path of [`/${article.shortId}/`, `/${article.shortId.toLowerCase()}/`]) {
			expect(parsedPage(path).redirectTo, path).toBe(`/kb/${article.id}/`);
		}
	});
}

test('every page declares a strict policy: no unsafe-inline scripts, no other origins', () => {
	expect(builtPageList().length).toBeGreaterThan(ARTICLES.length);
	for (const { path } of builtPageList()) {
		const { html } = parsedPage(path);
		const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
		expect(policy, path).toBeTruthy();
		const scriptSrc = policy!.split(';').find((d) => d.trim().startsWith('script-src'))!;
		expect(scriptSrc, path).not.toContain('unsafe-inline');
		expect(scriptSrc, path).not.toContain("'unsafe-eval'");
		expect(policy!.replace(/&#39;|'/g, ''), path).not.toMatch(/https?:\/\//);
		// What a <meta> can carry holds on any host, whether or not it reads _headers: no referrer.
		expect(html.slice(0, html.indexOf('</head>')), path).toContain('<meta name="referrer" content="no-referrer">');
		// What the browser would block or fetch elsewhere on this page (Chromium loads one page per
		// template and feature: every-page-passes-axe-and-its-policy-in-chromium).
		expect(policyViolations(parsedPage(path)), path).toEqual([]);
	}
});

test("every page passes axe's rules that depend on its own words: names of links and buttons, image text, labels, lists, ids, focusable code blocks", () => {
	for (const { path } of builtPageList()) expect(contentViolations(parsedPage(path)), path).toEqual([]);
});

test('no page runs a word into a link or a code span (a template line that ends in a word before one loses its space)', () => {
	for (const { path } of builtPageList()) expect(gluedWords(parsedPage(path)), path).toEqual([]);
});

test('the static rules still find what they look for', () => {
	const page = (html: string) => ({ path: '/t/', file: '', ids: new Set<string>(), anchors: [], links: [], html, tree: fromHtml(html) });
	const policy = `<meta http-equiv="Content-Security-Policy" content="script-src 'self'; style-src 'self' 'unsafe-hashes'">`;
	expect(
		policyViolations(page(`<html><head>${policy}<script>alert(1)</script><style>p{}</style><script src="https://cdn.example/x.js"></script></head><body><p style="color:red">x</p><img src="//cdn.example/i.png" alt=""></body></html>`)).map((v) => v.split(':')[0]),
	).toEqual(['inline script not in script-src', '<style> not in style-src', 'style attribute sets more than custom properties', '<script> loads https', '<img> loads //cdn.example/i.png from another origin']);
	expect(
		contentViolations(page('<html><head></head><body><a href="/x/"></a><button></button><img src="/i.png"><input name="q"><ul><p>x</p></ul><li>y</li><i id="a"></i><b id="a"></b><div class="expressive-code"><pre><code>x</code></pre><pre tabindex="0" role="region" aria-label="Code block (text)"><code>y</code></pre></div></body></html>')).map((v) => v.split(':')[0]),
	).toEqual(['html-has-lang', 'document-title', 'link-name', 'button-name', 'image-alt', 'label', 'list', 'listitem', 'scrollable-region-focusable', 'duplicate-id-aria']);
	expect(gluedWords(page('<html><body><p>answer the<a href="/w/">wizard</a>, such as<code>FL-0003</code>; the <a href="/w/">wizard</a>, (<code>x</code>)</p></body></html>'))).toEqual([
		'glued: …answer the<a>wizard…',
		'glued: …, such as<code>FL-0003…',
	]);
});

const byId = new Map(TREE.nodes.map((n) => [n.id, n]));

test('a wizard step with grouped lines shows each group under its heading, listed and linked at the top, in the order of its choices', () => {
	const grouped = TREE.nodes.filter((n) => n.kind === 'error-check' && n.groups.length > 0);
	expect(grouped.length).toBeGreaterThan(0);
	for (const node of grouped) {
		const page = parsedPage(`/wizard/${node.id}/`);
		const runs = choiceGroupsOf(node).filter((r) => r.title !== undefined);
		const headings = all(page, '.wizard-step h2[id^="lines-"]');
		expect(headings.map((h) => text(h).trim()), node.id).toEqual(runs.map((r) => plainText(r.title!)));
		expect(all(page, '.wizard-groups a').map((a) => attr(a, 'href')), node.id).toEqual(headings.map((h) => `#${attr(h, 'id')}`));
		// Each heading's list holds its group's lines, and the lists together hold every choice, "None of these" last.
		const lists = all(page, '.wizard-step ul.wizard-choices');
		expect(lists.slice(0, runs.length).map((ul) => all(ul, ':scope > li').length), node.id).toEqual(runs.map((r) => r.choices.length));
		expect(text(first(lists.at(-1)!, 'a')).trim(), node.id).toBe('None of these');
	}
});

test(`following the links of all ${EDGES.length} wizard answers, without JavaScript, reaches every path's end`, () => {
	for (const edge of EDGES) {
		const where = `${edge.from}:${edge.choice}`;
		const step = parsedPage(`/wizard/${edge.from}/`);
		expect(attr(first(step, '[data-step]'), 'data-step'), where).toBe(edge.from);
		expect(all(step, '.wizard-trail li'), where).toHaveLength(edge.depth);
		const link = first(all(step, '.wizard-choices > li')[edge.choice], 'a');
		// A link names its own line where another line of the step leads to the same step (the next page echoes it).
		const several = choicesOf(byId.get(edge.from)!).filter((c) => c.next === edge.to).length > 1;
		expect(attr(link, 'href'), where).toBe(`/wizard/${edge.to}/${several ? `?picked=${edge.from}.${edge.choice}` : ''}`);
		const next = parsedPage(`/wizard/${edge.to}/`);
		expect(all(next, '.wizard-trail li'), where).toHaveLength(edge.depth + 1);
		const end = byId.get(edge.to)!;
		if (end.kind === 'result') expect(attr(first(next, '.wizard-result a'), 'href'), where).toBe(`/kb/${end.article}/`);
		else if (end.kind === 'end') expect(all(next, '.wizard-end a').some((a) => text(a).includes('report this problem')), where).toBe(true);
	}
});
