/** Every table of an article scrolls in a focusable, named region (src/lib/rehype-table-regions.ts). */
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { rehypeTableRegions, tableName } from '../../src/lib/rehype-table-regions.ts';

const render = async (markdown: string) => (await (await createMarkdownProcessor({ rehypePlugins: [rehypeTableRegions] })).render(markdown)).code;

describe('a table is wrapped in a focusable region named after it', () => {
	it('names it by its caption, else by the heading of its section, else plainly', () => {
		expect(tableName('What the output means', 'How to confirm')).toBe('Table (What the output means)');
		expect(tableName(undefined, ' Affected\n versions ')).toBe('Table (Affected versions)');
		expect(tableName('  ', undefined)).toBe('Table');
	});

	it('wraps each table of a body, named by the heading it stands under, and leaves the rest alone', async () => {
		const html = await render('## Affected versions\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nText.\n\n## Notes\n\n- x\n\n  | c |\n  |---|\n  | 3 |\n');
		expect(html.match(/<div class="table-scroll" tabindex="0" role="region" aria-label="[^"]*">\s*<table>/g)).toEqual([
			'<div class="table-scroll" tabindex="0" role="region" aria-label="Table (Affected versions)"><table>',
			'<div class="table-scroll" tabindex="0" role="region" aria-label="Table (Notes)"><table>',
		]);
		expect(html.match(/<table>/g)).toHaveLength(2);
		expect(html).toContain('<p>Text.</p>');
	});
});
