/**
 * A remark plugin giving headings permanent ids: `## Symptoms` and the other
 * template sections get their fixed anchor (SECTION_ANCHORS), and a heading
 * ending in `{#some-id}` gets that id (the text is removed from the heading).
 * Astro keeps ids that are already set, so links never depend on wording.
 * An anchor that moved (src/content/redirects.yaml) keeps working: the
 * heading it moved to also carries an empty element with the old id.
 */
import type { Heading, Nodes, Root } from 'mdast';
import { EXPLICIT_ANCHOR } from './article-body.ts';
import type {} from './markdown.ts';
import { SECTION_ANCHORS, type ArticleSection } from './registry.ts';

/** Old anchors per article and new anchor: slug -> (new anchor -> old anchors). */
export type AnchorAliases = Map<string, Map<string, string[]>>;

/** The plugin; `aliases` gives the moved anchors (knowledge-base.ts, anchorAliases). */
export function remarkAnchors(options: { aliases?: () => AnchorAliases } = {}) {
	return (tree: Root, file: { path?: string }) => {
		const slug = /\/kb\/([^/]+)\.mdx?$/.exec(file.path ?? '')?.[1];
		const aliases = (slug && options.aliases?.().get(slug)) || new Map<string, string[]>();
		walk(tree, aliases);
	};
}

function walk(node: Nodes, aliases: Map<string, string[]>): void {
	if (node.type === 'heading') return anchor(node, aliases);
	if ('children' in node) node.children.forEach((child) => walk(child, aliases));
}

function anchor(heading: Heading, aliases: Map<string, string[]>): void {
	const last = heading.children.at(-1);
	let id: string | undefined;
	if (last?.type === 'text' && last.value) {
		const m = EXPLICIT_ANCHOR.exec(last.value);
		if (m) {
			id = m[1];
			last.value = last.value.slice(0, m.index);
		}
	}
	const text = heading.children.map((c) => ('value' in c ? c.value : '')).join('').trim();
	if (!id && heading.depth === 2) id = SECTION_ANCHORS[text as ArticleSection];
	if (!id) return;
	heading.data ??= {};
	heading.data.id = id;
	heading.data.hProperties = { ...heading.data.hProperties, id };
	for (const old of aliases.get(id) ?? []) {
		heading.children.unshift({ type: 'html', value: `<span id="${old}" class="anchor-alias"></span>` });
	}
}
