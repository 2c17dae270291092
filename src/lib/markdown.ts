/**
 * The one Markdown parser for article bodies: CommonMark with GFM, as Astro
 * renders them (mdast-util-from-markdown with the GFM extension), and for an
 * `.mdx` article the MDX extension as @astrojs/mdx parses it (remark-mdx is
 * micromark-extension-mdxjs with mdast-util-mdx; the same two are used here).
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { gfm } from 'micromark-extension-gfm';
import { mdxjs } from 'micromark-extension-mdxjs';
import type { Heading, Root, RootContent } from 'mdast';
import type { Position } from 'unist';
import type { ElementContent as HastElementContent, Properties as HastProperties } from 'hast';
import type {} from 'mdast-util-to-hast';

/** How an article is written: plain Markdown (`.md`, the default) or MDX (`.mdx`, Markdown with imported components). */
export type BodyFormat = 'md' | 'mdx';

/** The format of an article file, from its name: `.mdx` is MDX, anything else Markdown. */
export function formatOf(file: string): BodyFormat {
	return file.endsWith('.mdx') ? 'mdx' : 'md';
}

/** A body that is not valid MDX: where (1-based line of the body) and why, as the MDX parser says. */
export class MdxSyntaxError extends Error {
	readonly line: number;
	readonly reason: string;
	constructor(line: number, reason: string) {
		super(`line ${line}: ${reason}`);
		this.name = 'MdxSyntaxError';
		this.line = line;
		this.reason = reason;
	}
}

/**
 * Parse a body into mdast, positions 1-based within the body. Markdown never
 * fails to parse; MDX does (an unbalanced `{` or `<`): then MdxSyntaxError.
 */
export function parseBody(body: string, format: BodyFormat = 'md'): Root {
	if (format === 'md') return fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
	try {
		return fromMarkdown(body, { extensions: [gfm(), mdxjs()], mdastExtensions: [gfmFromMarkdown(), mdxFromMarkdown()] });
	} catch (e) {
		const { line, reason } = e as { line?: number; reason?: string };
		throw new MdxSyntaxError(line ?? 1, reason ?? String(e));
	}
}

/** A section of a tree: a top-level heading and the index range of the top-level nodes it heads. */
export interface TreeSection {
	heading: Heading;
	/** The heading's index among the tree's top-level nodes. */
	index: number;
	/** The index of the node after the section's last: the next heading of the same depth, or the end of the range. */
	end: number;
}

/**
 * The one section walk over a parsed body, for the outline (article-body.ts) and the remark plugins alike:
 * the top-level headings of one depth among `nodes[from..to)` that `counts` accepts, each with the nodes up to
 * the next such heading. A heading inside a list, a quote or a component is not a section's.
 */
export function sectionsOfTree(nodes: readonly RootContent[], depth: number, { from = 0, to = nodes.length, counts = () => true }: { from?: number; to?: number; counts?: (heading: Heading) => boolean } = {}): TreeSection[] {
	const at: number[] = [];
	for (let i = from; i < to; i++) {
		const node = nodes[i];
		if (node.type === 'heading' && node.depth === depth && counts(node)) at.push(i);
	}
	return at.map((index, k) => ({ heading: nodes[index] as Heading, index, end: at[k + 1] ?? to }));
}

/**
 * A node the remark plugins add: it stands for the HTML in `data` (hName,
 * hProperties, hChildren, as mdast-util-to-hast reads them) and has no
 * Markdown of its own. One type for the evidence badge and the sections
 * filled from the front matter, in blocks and in running text alike.
 */
export interface GeneratedNode {
	type: 'generated';
	/** Never set: the node is not from the file. */
	position?: Position;
	data: { hName: string; hProperties?: HastProperties; hChildren?: HastElementContent[] };
}

declare module 'mdast' {
	interface RootContentMap {
		generated: GeneratedNode;
	}
	interface PhrasingContentMap {
		generated: GeneratedNode;
	}
	interface HeadingData {
		/** The heading's id, as Astro reads it (remark-anchors.ts sets it to the permanent anchor). */
		id?: string;
	}
}
