/**
 * A remark plugin that fills an article's generated sections from its checked
 * data in the knowledge base's model (src/lib/knowledge-base.ts), never from
 * a second reading of the front matter: the symptoms list under "## Symptoms", the table of diagnostic
 * output at the end of "## How to confirm", the versions table under
 * "## Affected versions" and the sources under "## References".
 *
 * Articles are plain Markdown, not MDX, for the sake of scale: Astro renders
 * Markdown once into its content store, while every MDX file becomes a
 * module of the site's bundle (10,000 articles took 3 minutes and 5.5 GB
 * just to bundle). What MDX components did, this plugin does at render time,
 * from the same fields. Related failures depend on other articles, so they
 * are added by the page (src/components/MarkdownContent.astro), never cached
 * into an article's rendering.
 */
import { PRODUCTS, type ArticleSection } from './registry.ts';
import type { ArticleData } from './article-schema.ts';
import { checkKnowledgeBase } from './knowledge-base.ts';
import { sourceLabel, sourceUrl } from './sources.ts';
import type { Element as HastElement, ElementContent, Properties } from 'hast';
import type { Root } from 'mdast';
import { sectionsOfTree } from './markdown.ts';
import { inlineCode } from './inline-code.ts';

type HastChild = ElementContent | string;

function h(tagName: string, properties: Properties, ...children: HastChild[]): HastElement {
	return { type: 'element', tagName, properties, children: children.map((c) => (typeof c === 'string' ? { type: 'text', value: c } : c)) };
}

/** A front-matter text (a symptom, a version note, a source's title) with its code spans as <code>, as the article's prose shows them. */
function inline(text: string): HastChild[] {
	return inlineCode(text).parts.map((p) => (p.code ? h('code', {}, p.text) : p.text));
}

/** Each generated section: what goes right under its heading. */
const GENERATED: Partial<Record<ArticleSection, (f: ArticleData) => HastElement | undefined>> = {
	Symptoms: (f) => f.symptoms && h('ul', { className: ['symptoms'] }, ...f.symptoms.map((s) => h('li', {}, ...inline(s)))),
	'Affected versions': (f) =>
		f.versions &&
		h(
			'table',
			{ className: ['versions'] },
			h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Product'), h('th', { scope: 'col' }, 'Affected'), h('th', { scope: 'col' }, 'Fixed in'))),
			h('tbody', {}, ...f.versions.map((v) => h('tr', {}, h('th', { scope: 'row' }, PRODUCTS[v.product]?.name ?? v.product), h('td', {}, ...inline(v.affected)), h('td', {}, ...inline(v.fixed ?? 'No fix yet'))))),
		),
	'How to confirm': (f) =>
		f.diagnostics?.length
			? h(
					'table',
					{ className: ['diagnostics'] },
					h('caption', {}, 'What the output means'),
					h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Run'), h('th', { scope: 'col' }, 'If it prints'), h('th', { scope: 'col' }, 'It means'))),
					h(
						'tbody',
						{},
						...f.diagnostics.map((d) =>
							h(
								'tr',
								{ className: [d.means === 'holds' ? 'diagnostic-holds' : 'diagnostic-rules-out'] },
								h('td', {}, h('code', {}, d.command)),
								h('td', {}, h('code', {}, d.output)),
								h('td', {}, h('strong', {}, d.means === 'holds' ? 'This is the cause. ' : 'Not this cause. '), ...inline(d.why)),
							),
						),
					),
				)
			: undefined,
	References: (f) =>
		f.sources &&
		h('ol', { className: ['sources'] }, ...f.sources.map((s) => h('li', {}, h('a', { href: sourceUrl(s.ref) }, h('code', {}, sourceLabel(s.ref))), ': ', ...inline(s.title)))),
};

/** The plugin: fills the generated sections of the article in `file` (by its path) from the model. */
export function remarkArticleSections() {
	return (tree: Root, file: { path?: string }) => {
		// Without a model (content with problems, which the content check reports) nothing is generated.
		const fields = file.path ? checkKnowledgeBase().model?.articleOfFile(file.path)?.data : undefined;
		if (!fields) return;
		const children = tree.children;
		// Backwards, so that inserting into one section leaves the indexes of the earlier ones as they were.
		for (const { heading, index, end } of sectionsOfTree(children, 2).reverse()) {
			const title = heading.children.map((c) => ('value' in c ? c.value : '')).join('').trim() as ArticleSection;
			const element = GENERATED[title]?.(fields);
			if (!element) continue;
			// Most generated parts open their section; the diagnostics table closes "How to confirm", after its prose.
			const at = title === 'How to confirm' ? end : index + 1;
			children.splice(at, 0, { type: 'generated', data: { hName: element.tagName, hProperties: element.properties, hChildren: element.children } });
		}
	};
}
