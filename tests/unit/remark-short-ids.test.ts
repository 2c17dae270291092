import { describe, expect, it } from 'vitest';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { remarkShortIds } from '../../src/lib/remark-short-ids.ts';
import { articlePath } from '../../src/lib/addresses.ts';

const articles = new Map([['FL-0014', 'podman-example']]);
const render = async (markdown: string, path?: string) => {
	const p = await createMarkdownProcessor({ syntaxHighlight: false, remarkPlugins: [[remarkShortIds, { articles: () => articles }]] });
	return (await p.render(markdown, path ? { fileURL: new URL(`file://${path}`) } : undefined)).code;
};

describe('remarkShortIds', () => {
	it('links a short ID in running text to its article, in lists and emphasis too', async () => {
		const html = await render('A look-alike (FL-0014).\n\n- see *FL-0014* here');
		expect(html).toContain(`(<a href="${articlePath('podman-example')}">FL-0014</a>).`);
		expect(html).toContain(`<em><a href="${articlePath('podman-example')}">FL-0014</a></em>`);
	});

	it('leaves code spans, code blocks, links and headings as written', async () => {
		const html = await render('## FL-0014 heading\n\n`FL-0014` and [the article FL-0014](https://example.org/)\n\n```text\nFL-0014\n```');
		expect(html).not.toContain(`href="${articlePath('podman-example')}"`);
	});

	it('refuses a short ID that names no article, with the file and line', async () => {
		await expect(render('one\n\ntwo FL-9999 three', '/nowhere/kb/x.md')).rejects.toThrow(/x\.md:3: FL-9999 names no article/);
	});

	it('does not read a longer token as a short ID', async () => {
		const html = await render('XFL-0014 and FL-0014-old and FL-00141');
		expect(html).not.toContain('<a');
	});
});
