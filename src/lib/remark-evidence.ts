/**
 * A remark plugin that turns each `**Evidence:** <level>.` paragraph (see
 * src/lib/evidence.ts) into a badge a reader notices: the words "Evidence:
 * <level>" in a pill whose colour follows the level (never colour alone: the
 * level is written out), the level's definition as a tooltip (`title`) and as
 * visually hidden text for screen readers, then the reason as written. Plain
 * HTML and CSS classes from the site stylesheet: no script, no inline style.
 * A paragraph whose level is not one of the four is left as written (the
 * content check refuses it before the build gets here).
 */
import type { Nodes, Paragraph, Root } from 'mdast';
import { EVIDENCE_LEVELS, evidenceClass, isEvidenceLevel } from './evidence.ts';
import type {} from './markdown.ts';

const text = (value: string) => ({ type: 'text' as const, value });

/** The plugin: rewrites every evidence paragraph of a Markdown tree in place. */
export function remarkEvidence() {
	return (tree: Root) => walk(tree);
}

function walk(node: Nodes): void {
	if (node.type === 'paragraph') return badge(node);
	if ('children' in node) node.children.forEach(walk);
}

function badge(paragraph: Paragraph): void {
	const [label, rest] = paragraph.children;
	const labelText = label?.type === 'strong' && label.children.length === 1 ? label.children[0] : undefined;
	if (labelText?.type !== 'text' || labelText.value !== 'Evidence:') return;
	if (rest?.type !== 'text' || !rest.value) return;
	const m = /^[ \t]+([^.\n]*)\.[ \t]*/.exec(rest.value);
	const level = m?.[1].trim();
	if (!m || !level || !isEvidenceLevel(level)) return;
	const definition = EVIDENCE_LEVELS[level];
	rest.value = rest.value.slice(m[0].length);
	paragraph.data = { ...paragraph.data, hProperties: { ...paragraph.data?.hProperties, className: ['evidence'] } };
	paragraph.children.splice(0, 1, {
		type: 'generated',
		data: {
			hName: 'span',
			hProperties: { className: ['evidence-badge', evidenceClass(level)], title: definition },
			hChildren: [
				{ type: 'element', tagName: 'span', properties: { className: ['evidence-label'] }, children: [text('Evidence:')] },
				text(` ${level}`),
				{ type: 'element', tagName: 'span', properties: { className: ['visually-hidden'] }, children: [text(` (${definition.replace(/\.$/, '')}).`)] },
			],
		},
	});
	if (rest.value) rest.value = ` ${rest.value}`;
}
