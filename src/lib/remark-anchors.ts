/**
 * A remark plugin giving headings permanent ids: `## Symptoms` and the other
 * template sections get their fixed anchor (SECTION_ANCHORS), and a heading
 * ending in `{#some-id}` gets that id (the text is removed from the heading).
 * Astro keeps ids that are already set, so links never depend on wording.
 */
import { EXPLICIT_ANCHOR } from './article-body.ts';
import { SECTION_ANCHORS, type ArticleSection } from './registry.ts';

interface Node {
	type: string;
	depth?: number;
	value?: string;
	children?: Node[];
	data?: { hProperties?: Record<string, unknown>; id?: string };
}

export function remarkAnchors() {
	return (tree: Node) => walk(tree);
}

function walk(node: Node): void {
	if (node.type === 'heading') return anchor(node);
	node.children?.forEach(walk);
}

function anchor(heading: Node): void {
	const last = heading.children?.at(-1);
	let id: string | undefined;
	if (last?.type === 'text' && last.value) {
		const m = EXPLICIT_ANCHOR.exec(last.value);
		if (m) {
			id = m[1];
			last.value = last.value.slice(0, m.index);
		}
	}
	const text = (heading.children ?? []).map((c) => c.value ?? '').join('').trim();
	if (!id && heading.depth === 2) id = SECTION_ANCHORS[text as ArticleSection];
	if (!id) return;
	heading.data ??= {};
	heading.data.id = id;
	heading.data.hProperties = { ...heading.data.hProperties, id };
}
