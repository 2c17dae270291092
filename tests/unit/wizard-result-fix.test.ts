import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/lib/knowledge-base.ts';
import { outlineOf } from '../../src/lib/article-body.ts';
import { renderFixMarkdown } from '../../src/lib/site-markdown.ts';
import { articlePath } from '../../src/lib/addresses.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const kb = loadKnowledgeBase(root);

describe("a wizard result step's recommended fix", () => {
	it('has instructions on every result step: something between its title and its Verify paragraph', () => {
		const empty = kb.wizard.tree.nodes.flatMap((n) => {
			if (n.kind !== 'result') return [];
			const anchor = n.fix ?? kb.fixes.get(n.article)?.[0];
			const fix = kb.byId.get(n.article)!.outline.fixes.find((f) => f.anchor === anchor);
			return fix && fix.steps.length === 0 ? [`${n.id} (${n.article}#${anchor})`] : [];
		});
		expect(empty).toEqual([]);
	});

	it('takes the paragraphs, lists and code under the heading in order, up to the Evidence or Verify paragraph', () => {
		const body = [
			'## Fixes',
			'',
			'### Do it {#do-it}',
			'',
			'Set `x = 1;` in your configuration:',
			'',
			'- first',
			'- second',
			'',
			'```sh',
			'echo one',
			'```',
			'',
			'**Evidence:** reported. Someone said so.',
			'',
			'**Verify:** it works.',
			'',
			'```sh',
			'echo check',
			'```',
		].join('\n');
		const [fix] = outlineOf(body).fixes;
		expect(fix.steps).toEqual([
			{ kind: 'markdown', markdown: 'Set `x = 1;` in your configuration:', line: 5 },
			{ kind: 'markdown', markdown: '- first\n- second', line: 7 },
			{ kind: 'code', lang: 'sh', code: 'echo one', line: 10 },
		]);
	});

	it('renders a step as the article does: inline code kept, dashes as written, curly quotes, short IDs linked, no raw HTML', async () => {
		const shortId = kb.articles[0].data.shortId;
		const html = await renderFixMarkdown(`Run it with \`--flag\` or --other, "quoted" (${shortId}) <b onclick="x()">bold</b>`);
		expect(html).toContain('<code>--flag</code>');
		expect(html).toContain(' --other,');
		expect(html).toContain('“quoted”');
		expect(html).toContain(`<a href="${articlePath(kb.articles[0].data.id)}">${shortId}</a>`);
		expect(html).not.toContain('<b');
		expect(html).not.toContain('onclick');
	});
});
