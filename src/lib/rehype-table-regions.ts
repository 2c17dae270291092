/**
 * Keyboard access to tables (issue 19), as src/lib/focusable-code.ts gives it
 * to code blocks. A table wider than the screen (the Multipass versions table
 * is about 570 px in a phone's 358 px column) scrolls sideways in its own box,
 * and a region that scrolls must take the focus, or a keyboard user cannot
 * scroll it (WCAG 2.1.1; axe's scrollable-region-focusable, serious).
 *
 * Starlight makes the `<table>` itself the scroller (`display: block;
 * overflow: auto` in its markdown.css), but a table cannot be made a named,
 * focusable region without losing its table role. So this rehype plugin wraps
 * every table of an article in a `<div class="table-scroll">` that scrolls
 * instead, takes the focus (`tabindex="0"`) and is a region named by
 * tableName; the table inside is laid out as a table again (faultline.css).
 * Which tables scroll depends on the reader's screen, so every one is
 * wrapped, in the HTML: it works without JavaScript and before any script runs.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';

/** The text of a hast node, its descendants' text joined, white space collapsed. */
function textOf(node: Root | RootContent | ElementContent): string {
	if (node.type === 'text') return node.value;
	if (!('children' in node)) return '';
	return (node.children as (RootContent | ElementContent)[]).map(textOf).join('');
}

/**
 * A table's accessible name: its caption when it has one, else the heading of
 * the section it stands in (`Table (Affected versions)`), else `Table`.
 */
export function tableName(caption: string | undefined, heading: string | undefined): string {
	const what = caption?.replace(/\s+/g, ' ').trim() || heading?.replace(/\s+/g, ' ').trim();
	return what ? `Table (${what})` : 'Table';
}

const HEADING = /^h[1-6]$/;

/** The plugin: wraps every `<table>` of a rendered article in a focusable, named scrolling region. */
export function rehypeTableRegions() {
	return (tree: Root) => {
		// Document order: the last heading seen is the one whose section a table stands in.
		let heading: string | undefined;
		const walk = (parent: Root | Element) => {
			parent.children.forEach((child, i) => {
				if (child.type !== 'element') return;
				if (HEADING.test(child.tagName)) {
					heading = textOf(child);
					return;
				}
				if (child.tagName !== 'table') return walk(child);
				const caption = child.children.find((c): c is Element => c.type === 'element' && c.tagName === 'caption');
				const region: Element = {
					type: 'element',
					tagName: 'div',
					properties: { className: ['table-scroll'], tabIndex: 0, role: 'region', ariaLabel: tableName(caption && textOf(caption), heading) },
					children: [child],
				};
				parent.children[i] = region;
			});
		};
		walk(tree);
	};
}
