/**
 * A remark plugin that links every short ID (`FL-0014`) in an article's running text to that article
 * (src/lib/addresses.ts articlePath), so prose that cites another article as "(FL-0014)" takes the reader
 * there. Text inside code (spans and blocks), inside a link already, or in a heading is left as written.
 * A short ID that names no article is an error naming the file and the line (the build stops on it).
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Nodes, PhrasingContent, Root, Text } from 'mdast';
import { articlePath } from './addresses.ts';
import { buildMessages } from './messages.ts';
import { SHORT_ID_SOURCE } from './short-id.ts';

/** A short ID in running text: FL- and four or more digits (src/lib/short-id.ts), not inside a longer word. */
const SHORT_ID_IN_TEXT = new RegExp(`(?<![\\w-])${SHORT_ID_SOURCE}(?![\\w-])`, 'g');

/** An unknown short ID in prose: where it is and what to do. */
export class UnknownShortIdError extends Error {
	constructor(file: string, line: number, shortId: string) {
		super(buildMessages.unknownShortIdInProse(`${file}:${line}`, shortId));
		this.name = 'UnknownShortIdError';
	}
}

/** Options: the article slug of each short ID (a function: the knowledge base is read when the plugin first runs). */
export interface ShortIdOptions {
	articles: () => ReadonlyMap<string, string>;
}

/** The plugin: rewrites the tree's text nodes in place, turning each known short ID into a link. */
export function remarkShortIds(options: ShortIdOptions) {
	return (tree: Root, file: { path?: string; value?: unknown }) => {
		const articles = options.articles();
		// An empty map means the content has problems, which the content check reports; link nothing then.
		if (articles.size === 0) return;
		// The front matter's lines are counted only for an error's line number: no second read of a good file.
		walk(tree, articles, { name: file.path ? relative(process.cwd(), file.path) : '<markdown>', offset: () => bodyOffset(file) });
	};
}

/** Where an error points: the file (relative to the working directory) and the lines above the body (its front matter). */
interface Where {
	name: string;
	/** The lines above the body, counted when an error needs them. */
	offset: () => number;
}

/** The lines of the file above the Markdown that was parsed (front matter), so lines count from the file's top; 0 when unknown. */
function bodyOffset(file: { path?: string; value?: unknown }): number {
	if (!file.path || typeof file.value !== 'string') return 0;
	let whole: string;
	try {
		whole = readFileSync(file.path, 'utf8');
	} catch {
		return 0;
	}
	return whole.endsWith(file.value) ? whole.slice(0, whole.length - file.value.length).split('\n').length - 1 : 0;
}

function walk(node: Nodes, articles: ReadonlyMap<string, string>, file: Where): void {
	if (node.type === 'link' || node.type === 'linkReference' || node.type === 'heading' || node.type === 'code' || node.type === 'inlineCode' || node.type === 'html') return;
	if (!('children' in node)) return;
	const children = node.children as Nodes[];
	for (let i = 0; i < children.length; i++) {
		const child = children[i];
		if (child.type !== 'text') {
			walk(child, articles, file);
			continue;
		}
		const parts = linked(child, articles, file);
		if (parts.length === 1 && parts[0] === child) continue;
		children.splice(i, 1, ...(parts as Nodes[]));
		i += parts.length - 1;
	}
}

/** A text node split around its short IDs, each a link; the node itself when it has none. */
function linked(text: Text, articles: ReadonlyMap<string, string>, file: Where): PhrasingContent[] {
	const out: PhrasingContent[] = [];
	let from = 0;
	for (const m of text.value.matchAll(SHORT_ID_IN_TEXT)) {
		const slug = articles.get(m[0]);
		if (!slug) {
			const before = text.value.slice(0, m.index);
			throw new UnknownShortIdError(file.name, file.offset() + (text.position?.start.line ?? 1) + (before.match(/\n/g)?.length ?? 0), m[0]);
		}
		if (m.index > from) out.push({ type: 'text', value: text.value.slice(from, m.index) });
		out.push({ type: 'link', url: articlePath(slug), children: [{ type: 'text', value: m[0] }] });
		from = m.index + m[0].length;
	}
	if (from === 0) return [text];
	if (from < text.value.length) out.push({ type: 'text', value: text.value.slice(from) });
	return out;
}
