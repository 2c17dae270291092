/**
 * The wizard map's layout: a tree drawn left to right, one column per depth,
 * leaves stacked in order and each parent level with its first child, so the
 * start sits at the top left where a reader begins.
 * Pure data; src/pages/wizard/map.astro draws it as SVG.
 */
import { choicesOf, displayLine } from './engine.ts';
import type { WizardNode, WizardTree } from './schema.ts';

export interface MapBox {
	id: string;
	kind: WizardNode['kind'];
	x: number;
	y: number;
	lines: string[];
}
export interface MapEdge {
	from: MapBox;
	to: MapBox;
	label: string;
}
export interface MapLayout {
	width: number;
	height: number;
	boxes: MapBox[];
	edges: MapEdge[];
}

export const BOX = { width: 220, height: 64, columnGap: 120, rowGap: 18, margin: 16, chars: 30 };

/** Lay out the tree; `labelOf` gives the text of each box. */
export function layoutMap(tree: WizardTree, labelOf: (n: WizardNode) => string): MapLayout {
	const byId = new Map(tree.nodes.map((n) => [n.id, n]));
	const boxes = new Map<string, MapBox>();
	const edges: MapEdge[] = [];
	let nextRow = 0;

	const place = (id: string, depth: number): MapBox => {
		const node = byId.get(id)!;
		const children = choicesOf(node).map((c) => ({ box: place(c.next, depth + 1), label: c.label }));
		const row = children.length ? children[0].box.y : rowY(nextRow++);
		const box: MapBox = { id, kind: node.kind, x: BOX.margin + depth * (BOX.width + BOX.columnGap), y: row, lines: wrap(labelOf(node)) };
		boxes.set(id, box);
		for (const c of children) edges.push({ from: box, to: c.box, label: shorten(displayLine(c.label).replaceAll('`', ''), 20) });
		return box;
	};
	place(tree.start, 0);

	const all = [...boxes.values()];
	return {
		width: Math.max(...all.map((b) => b.x)) + BOX.width + BOX.margin,
		height: Math.max(...all.map((b) => b.y)) + BOX.height + BOX.margin,
		boxes: all,
		edges,
	};
}

function rowY(row: number): number {
	return BOX.margin + row * (BOX.height + BOX.rowGap);
}

/** Up to three lines of at most BOX.chars characters. */
function wrap(text: string): string[] {
	const lines: string[] = [];
	let current = '';
	for (const word of text.split(/\s+/)) {
		if ((current + ' ' + word).trim().length > BOX.chars && current) {
			lines.push(current);
			current = word;
		} else current = `${current} ${word}`.trim();
	}
	if (current) lines.push(current);
	return lines.length > 3 ? [...lines.slice(0, 2), shorten(lines.slice(2).join(' '), BOX.chars)] : lines;
}

function shorten(text: string, max: number): string {
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
