/**
 * What an MDX article may hold beyond Markdown: imports of components from
 * src/components/articles/ and those components with string attributes,
 * nothing else. No JavaScript expression, no export, no lower-case (HTML)
 * tag: a component is code reviewed once, in its own file, and the page's
 * strict CSP and the "no raw HTML" rule hold for MDX as for Markdown.
 * And an `.mdx` file must use a component: without one it is a Markdown
 * article paying the cost of MDX (README, "Staying fast at 10,000 articles").
 */
import type { Nodes, Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import { messages, type Message } from './messages.ts';

/** The one import an article may write: a default import of `~/components/articles/<Name>.astro`. */
export const ARTICLE_COMPONENT_IMPORT = /^~\/components\/articles\/[A-Z][A-Za-z0-9]*\.astro$/;

/** A problem with an MDX body; `line` is 1-based in the body, undefined for the file as a whole. */
export interface MdxProblem extends Message {
	line?: number;
}

interface EstreeImport {
	type: string;
	source?: { value?: unknown };
	specifiers?: { type: string; local: { name: string } }[];
}

/**
 * The problems of a parsed MDX body (parseBody(body, 'mdx')), in document
 * order: imports other than an article component's, exports, expressions,
 * tags that are not imported components, attributes that are not strings,
 * imports never used, and a body that uses no component at all.
 */
export function mdxProblems(tree: Root): MdxProblem[] {
	const problems: MdxProblem[] = [];
	const imported = new Map<string, number>();
	const used = new Set<string>();
	const lineOf = (node: Nodes) => node.position?.start.line ?? 1;

	const visit = (node: Nodes) => {
		switch (node.type) {
			case 'mdxjsEsm': {
				const statements = ((node.data as { estree?: { body: EstreeImport[] } } | undefined)?.estree?.body ?? []) as EstreeImport[];
				for (const s of statements) {
					const source = String(s.source?.value ?? '');
					const only = s.specifiers?.length === 1 ? s.specifiers[0] : undefined;
					if (s.type === 'ImportDeclaration' && ARTICLE_COMPONENT_IMPORT.test(source) && only?.type === 'ImportDefaultSpecifier') imported.set(only.local.name, lineOf(node));
					else if (s.type === 'ImportDeclaration') problems.push({ line: lineOf(node), ...messages.mdxImport(source) });
					else problems.push({ line: lineOf(node), ...messages.mdxCode('the statement', node.value) });
				}
				break;
			}
			case 'mdxFlowExpression':
			case 'mdxTextExpression':
				problems.push({ line: lineOf(node), ...messages.mdxCode('the expression', `{${node.value}}`) });
				break;
			case 'mdxJsxFlowElement':
			case 'mdxJsxTextElement':
				element(node, lineOf(node));
				break;
		}
		if ('children' in node) for (const child of node.children) visit(child as Nodes);
	};

	const element = (node: MdxJsxFlowElement | MdxJsxTextElement, line: number) => {
		const name = node.name ?? '';
		if (!imported.has(name)) return problems.push({ line, ...messages.mdxUnknownElement(name) });
		used.add(name);
		for (const attribute of node.attributes) {
			if (attribute.type === 'mdxJsxExpressionAttribute') problems.push({ line, ...messages.mdxAttribute(name, `{${attribute.value}}`) });
			else if (attribute.value !== null && typeof attribute.value === 'object') problems.push({ line, ...messages.mdxAttribute(name, `${attribute.name}={${attribute.value.value}}`) });
		}
	};

	// Imports come first in MDX, but an element may precede a later import in the file: collect imports first.
	for (const node of tree.children) if (node.type === 'mdxjsEsm') visit(node);
	for (const node of tree.children) if (node.type !== 'mdxjsEsm') visit(node);
	for (const [name, line] of imported) if (!used.has(name)) problems.push({ line, ...messages.mdxUnusedImport(name) });
	if (used.size === 0) problems.push(messages.mdxWithoutComponent());
	return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
