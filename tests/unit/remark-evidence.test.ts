import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { remarkEvidence } from '../../src/lib/remark-evidence.ts';
import { EVIDENCE_LEVELS } from '../../src/lib/evidence.ts';

const render = async (markdown: string) => (await (await createMarkdownProcessor({ remarkPlugins: [remarkEvidence] })).render(markdown)).code;

describe('the evidence paragraph renders as a badge', () => {
	it('writes the level out, with its definition as a tooltip and for screen readers, then the reason', async () => {
		expect(await render('**Evidence:** confirmed upstream. The maintainer says so in containers/podman#1.')).toBe(
			'<p class="evidence"><span class="evidence-badge evidence-confirmed-upstream" title="A maintainer says so, or a merged fix or the upstream source code shows it.">' +
				'<span class="evidence-label">Evidence:</span> confirmed upstream' +
				'<span class="visually-hidden"> (A maintainer says so, or a merged fix or the upstream source code shows it).</span></span>' +
				' The maintainer says so in containers/podman#1.</p>',
		);
	});

	it('gives each level its own class and definition', async () => {
		for (const [level, definition] of Object.entries(EVIDENCE_LEVELS)) {
			const html = await render(`**Evidence:** ${level}. Why.`);
			expect(html).toContain(`class="evidence-badge evidence-${level.replace(' ', '-')}" title="${definition}"`);
			expect(html).toContain(`</span> ${level}<span`);
		}
	});

	it('leaves other bold paragraphs and unknown levels as written', async () => {
		expect(await render('**Verify:** it works.')).toBe('<p><strong>Verify:</strong> it works.</p>');
		expect(await render('**Evidence:** certain. Why.')).toBe('<p><strong>Evidence:</strong> certain. Why.</p>');
	});
});
