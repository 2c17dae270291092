import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { apiArticles, apiArticlesSchema } from '../../src/lib/api.ts';
import { loadArticles } from '../../src/lib/content.ts';
import { issueComment, markdownLink, shareUrl } from '../../src/lib/share.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the JSON API', () => {
	it('describes every article in the documented schema', () => {
		const doc = apiArticles(loadArticles(root).map((a) => a.data), 'https://kb.example.org');
		expect(apiArticlesSchema.parse(doc)).toEqual(doc);
		expect(doc.articles[0]).toMatchObject({ shortId: 'FL-0001', url: 'https://kb.example.org/kb/microvm-erofs-store-ownership/' });
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
