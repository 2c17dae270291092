import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { apiArticles, apiArticlesSchema, articleEvidence } from '../../src/lib/api.ts';
import { checkArticle, loadArticles } from '../../src/lib/content.ts';
import { articleSource, validBody } from './fixtures.ts';
import { issueComment, markdownLink, shareUrl } from '../../src/lib/share.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the JSON API', () => {
	it('describes every article in the documented schema', () => {
		const articles = loadArticles(root);
		const doc = apiArticles(articles, 'https://kb.example.org');
		expect(apiArticlesSchema.parse(doc)).toEqual(doc);
		expect(doc.articles[0]).toMatchObject({ shortId: 'FL-0001', url: 'https://kb.example.org/kb/microvm-erofs-store-ownership/' });
		// Every article says how sure it is of its cause and of each fix.
		for (const a of doc.articles) {
			expect(a.fixes.length).toBeGreaterThan(0);
			for (const f of a.fixes) expect(f.url).toBe(`${a.url}#${f.anchor}`);
		}
	});

	it('carries the evidence level of the root cause and of each fix, with the fix URL', () => {
		const { article } = checkArticle(articleSource());
		expect(article).toBeDefined();
		const [doc] = apiArticles([article!], 'https://kb.example.org').articles;
		expect(doc.rootCause).toEqual({ evidence: 'confirmed upstream' });
		expect(doc.fixes).toEqual([{ anchor: 'right-thing', title: 'Do the right thing', evidence: 'reported', url: 'https://kb.example.org/kb/podman-example-failure/#right-thing' }]);
	});

	it('refuses an article whose fix has no evidence level, and a document without the evidence fields', () => {
		const body = validBody.replace(/\*\*Evidence:\*\* reported\. .*\n/, '');
		expect(() => articleEvidence({ data: checkArticle(articleSource()).article!.data, body }, 'https://kb.example.org')).toThrow(
			'podman-example-failure: fix "Do the right thing" has no valid evidence level (run the content check)',
		);
		const [doc] = apiArticles([checkArticle(articleSource()).article!], 'https://kb.example.org').articles;
		const { fixes: _, ...withoutFixes } = doc;
		expect(apiArticlesSchema.safeParse({ version: 1, articles: [withoutFixes] }).success).toBe(false);
		expect(apiArticlesSchema.safeParse({ version: 1, articles: [{ ...doc, rootCause: { evidence: 'certain' } }] }).success).toBe(false);
	});
});

describe('the texts readers copy', () => {
	const target = { shortId: 'FL-0004', title: 'Rootless Podman: "make `…/merged` private" [with brackets]', url: 'https://kb.example.org/kb/x/', summary: 'crun drops groups.' };

	it('builds the URL, the Markdown link and the comment for an article', () => {
		expect(shareUrl(target)).toBe('https://kb.example.org/kb/x/');
		expect(markdownLink(target)).toBe('[FL-0004: Rootless Podman: "make `…/merged` private" \\[with brackets\\]](https://kb.example.org/kb/x/)');
		expect(issueComment(target)).toMatchInlineSnapshot(`
			"This looks like a known problem: [FL-0004: Rootless Podman: "make \`…/merged\` private" \\[with brackets\\]](https://kb.example.org/kb/x/)

			Root cause: crun drops groups.

			How to confirm it: https://kb.example.org/kb/x/#how-to-confirm"
		`);
	});

	it('points at the fix when one is named', () => {
		const fix = { ...target, anchor: 'keep-groups', heading: 'Keep your groups' };
		expect(markdownLink(fix)).toBe('[FL-0004: Rootless Podman: "make `…/merged` private" \\[with brackets\\]](https://kb.example.org/kb/x/#keep-groups)');
		expect(issueComment(fix)).toContain('Fix: [Keep your groups](https://kb.example.org/kb/x/#keep-groups)');
	});
});
