/**
 * The wizard map's layout: a tree drawn left to right, one column per depth,
 * leaves stacked in order and each parent level with its first child, so the
 * start sits at the top left where a reader begins.
 * Pure data; src/components/wizard/Map.astro draws it as SVG.
 *
 * A map shows at most MAX_BOXES steps, so it stays readable and small at any
 * size of tree: when a tree is bigger, its biggest branches are drawn as one
 * box each, leading to a map of their own (addresses.ts, wizardMapPath).
 */
import { choicesOf, displayLine } from './engine.ts';
import type { WizardNode, WizardTree } from './schema.ts';
import { plainText } from '../lib/inline-code.ts';
import { MIN_FIT_SCALE } from './map-scale.ts';

export interface MapBox {
	id: string;
	kind: WizardNode['kind'];
	x: number;
	y: number;
	lines: string[];
	/** The whole label, of which `lines` may show only the start (shown on hover and focus). */
	label: string;
	/** For a branch drawn as one box: how many steps it holds (its own map draws them). */
	branch?: number;
}
export interface MapEdge {
	from: MapBox;
	to: MapBox;
	/** The answer, shortened to fit beside the line. */
	label: string;
	/** The whole answer. */
	fullLabel: string;
	/** The answer as written: an error line (`isLine`), shown verbatim as code, or text with code spans (src/lib/inline-code.ts). */
	written: string;
	isLine: boolean;
}
export interface MapLayout {
	width: number;
	height: number;
	boxes: MapBox[];
	edges: MapEdge[];
}

export const BOX = { width: 200, height: 64, columnGap: 100, rowGap: 18, margin: 16, chars: 27 };
/** The characters an answer's label keeps on its line (its full text is its title): at the labels' 11 px (faultline.css) they fill the column gap. */
export const EDGE_LABEL_CHARS = 15;

/**
 * The map's frame at a 1280 px window (the splash page's content column, as measured by the new-user walk of
 * session 12), and the smallest scale the map's "fit" draws at (map-zoom.ts MIN_FIT_SCALE: its 12 px box text at
 * 11 px). A map drew 1,789 px in that 1,078 px frame and scrolled sideways.
 */
export const MAP_FRAME = { width: 1078, minScale: MIN_FIT_SCALE };

/**
 * The most columns (steps from a map's root, plus one) one map draws: as many as fit MAP_FRAME at its
 * smallest readable scale (4 with BOX). A step deeper than that which leads on is drawn as one box linking
 * to a map of its own, as a branch too big for MAX_BOXES is.
 */
export const MAX_COLUMNS = Math.floor((MAP_FRAME.width / MAP_FRAME.minScale - 2 * BOX.margin - BOX.width) / (BOX.width + BOX.columnGap)) + 1;

/** The most steps one map draws. */
export const MAX_BOXES = 300;

/**
 * The maps of a tree: each map's root step, and the branches it draws as one
 * box (each the root of a map of its own). The first map starts at the start.
 */
export function splitMaps(tree: WizardTree, maxBoxes = MAX_BOXES, maxColumns = MAX_COLUMNS): Map<string, Set<string>> {
	const byId = new Map(tree.nodes.map((n) => [n.id, n]));
	const size = new Map<string, number>();
	const sizeOf = (id: string): number => {
		let n = size.get(id);
		if (n === undefined) size.set(id, (n = 1 + choicesOf(byId.get(id)!).reduce((sum, c) => sum + sizeOf(c.next), 0)));
		return n;
	};
	const maps = new Map<string, Set<string>>();
	const split = (root: string) => {
		if (maps.has(root)) return;
		const branches = new Set<string>();
		let total = sizeOf(root);
		// Cut the biggest branch still drawn until the map is small enough.
		while (total > maxBoxes) {
			let biggest: string | undefined;
			const visit = (id: string) => {
				for (const c of choicesOf(byId.get(id)!)) {
					if (branches.has(c.next)) continue;
					if (!biggest || sizeOf(c.next) > sizeOf(biggest)) biggest = c.next;
					visit(c.next);
				}
			};
			visit(root);
			if (!biggest || sizeOf(biggest) === 1) break;
			branches.add(biggest);
			total -= sizeOf(biggest) - 1;
		}
		// Then no map wider than maxColumns: a step in its last column that leads on is a branch.
		const cut = (id: string, column: number) => {
			for (const c of choicesOf(byId.get(id)!)) {
				if (branches.has(c.next)) continue;
				if (column + 1 === maxColumns - 1) {
					if (choicesOf(byId.get(c.next)!).length) branches.add(c.next);
				} else cut(c.next, column + 1);
			}
		};
		cut(root, 0);
		maps.set(root, branches);
		for (const b of branches) split(b);
	};
	split(tree.start);
	return maps;
}

/** Lay out the map of `root` (default: the start); `branches` are drawn as one box each. */
export function layoutMap(
	tree: WizardTree,
	labelOf: (n: WizardNode) => string,
	root = tree.start,
	branches: ReadonlySet<string> = new Set(),
): MapLayout {
	const byId = new Map(tree.nodes.map((n) => [n.id, n]));
	const boxes = new Map<string, MapBox>();
	const edges: MapEdge[] = [];
	let nextRow = 0;
	const count = (id: string): number => 1 + choicesOf(byId.get(id)!).reduce((sum, c) => sum + count(c.next), 0);

	const place = (id: string, depth: number): MapBox => {
		const node = byId.get(id)!;
		const branch = id !== root && branches.has(id);
		const children = branch ? [] : choicesOf(node).map((c) => ({ box: place(c.next, depth + 1), label: c.label, isLine: !!c.isLine }));
		const row = children.length ? children[0].box.y : rowY(nextRow++);
		const box: MapBox = { id, kind: node.kind, x: BOX.margin + depth * (BOX.width + BOX.columnGap), y: row, lines: wrap(labelOf(node)), label: labelOf(node) };
		if (branch) box.branch = count(id);
		boxes.set(id, box);
		for (const c of children) {
			const fullLabel = plainText(displayLine(c.label));
			edges.push({ from: box, to: c.box, label: shorten(fullLabel, EDGE_LABEL_CHARS), fullLabel, written: c.label, isLine: c.isLine });
		}
		return box;
	};
	place(root, 0);

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
