/**
 * Keyboard access to code blocks (issue 19). A long line makes Expressive
 * Code's `<pre>` scroll sideways, and a region that scrolls must take the
 * focus, or a keyboard user cannot scroll it (WCAG 2.1.1; axe's
 * scrollable-region-focusable). Which blocks scroll depends on the reader's
 * screen, so every block is written focusable, as a named region, in the
 * HTML: it works without JavaScript and before any script runs.
 *
 * Expressive Code's own answer is a script (its core plugin "Scrollable block
 * tabindex", @expressive-code/core src/internal/tabindex-js-module.ts) that,
 * a quarter second after load, gives a scrolling `<pre>` tabindex and role
 * and takes both from one that does not scroll: it would leave our name on a
 * `<pre>` with no role, where ARIA forbids it (axe's aria-prohibited-attr),
 * and it needs JavaScript. withoutTabindexScript leaves that script out of
 * the code the site ships; Expressive Code's other scripts (the copy
 * button's) stay.
 */
import type { Element, ElementContent } from 'hast';
import type { ExpressiveCodePlugin, RehypeExpressiveCodeOptions, RehypeExpressiveCodeRenderer } from '@astrojs/starlight/expressive-code';
import { createRenderer } from '@astrojs/starlight/expressive-code';

/** The readable name of a code block's language, for its region's name; the language id itself when not listed. */
const LANGUAGE_NAMES: Readonly<Record<string, string>> = Object.freeze({
	sh: 'shell',
	bash: 'shell',
	shell: 'shell',
	console: 'shell',
	text: 'text',
	txt: 'text',
	plaintext: 'text',
	yaml: 'YAML',
	yml: 'YAML',
	json: 'JSON',
	nix: 'Nix',
	ini: 'INI',
	toml: 'TOML',
	diff: 'diff',
});

/** The accessible name of a code block: its frame title when it has one, else its language (`Code block (shell)`). */
export function codeBlockName(language: string, title?: string): string {
	const what = title?.trim() || LANGUAGE_NAMES[language] || language || 'text';
	return `Code block (${what})`;
}

/** The first `<pre>` in a rendered block, depth first. */
function findPre(node: Element | ElementContent): Element | undefined {
	if (node.type !== 'element') return undefined;
	if (node.tagName === 'pre') return node;
	for (const child of node.children) {
		const pre = findPre(child);
		if (pre) return pre;
	}
	return undefined;
}

/**
 * An Expressive Code plugin that makes every code block's `<pre>` focusable
 * (`tabindex="0"`) and a region named by codeBlockName, in the built HTML.
 * Its focus ring is styled in src/styles/faultline.css.
 */
export function focusableCodeBlocks(): ExpressiveCodePlugin {
	return {
		name: 'faultline: focusable code blocks',
		hooks: {
			postprocessRenderedBlock: ({ codeBlock, renderData }) => {
				const pre = findPre(renderData.blockAst);
				if (!pre) return;
				const title = typeof codeBlock.props.title === 'string' ? codeBlock.props.title : undefined;
				pre.properties = { ...pre.properties, tabIndex: 0, role: 'region', ariaLabel: codeBlockName(codeBlock.language, title) };
			},
		},
	};
}

/** The marker of Expressive Code's tabindex script: the text of its own error report, "[EC] tabindex-js-module failed:". */
export const TABINDEX_SCRIPT_MARKER = 'tabindex-js-module';

/**
 * Expressive Code's renderer (`customCreateRenderer` of its config) less its
 * tabindex script (see the header); the scripts it keeps are shipped as before.
 */
export async function withoutTabindexScript(options: RehypeExpressiveCodeOptions): Promise<RehypeExpressiveCodeRenderer> {
	const renderer = await createRenderer(options);
	return { ...renderer, jsModules: renderer.jsModules.filter((code) => !code.includes(TABINDEX_SCRIPT_MARKER)) };
}
