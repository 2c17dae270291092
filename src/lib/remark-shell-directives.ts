/**
 * ShellCheck's directive comments (`# shellcheck disable=SC2016`, `# shellcheck source=/dev/null`) are left out
 * of the shell code a reader sees and copies: an article's code blocks (the remark plugin) and the fixes a
 * wizard result shows from them (`withoutShellDirectives`, Step.astro and FixBlock.astro). They are there for the
 * build's ShellCheck pass (src/lib/shellcheck.ts reads the Markdown source, so it still sees them), not for the
 * reader, who would paste them into a terminal or a startup file as noise. Only whole lines that are a
 * directive, in code of the shell languages (shell-lint.ts `SHELL_LANGUAGES`).
 */
import type { Nodes, Root } from 'mdast';
import { SHELL_LANGUAGES } from './shell-lint.ts';

/** A line that is a ShellCheck directive and nothing else, with one of its keys (https://www.shellcheck.net/wiki/Directive). */
export const SHELLCHECK_DIRECTIVE = /^[ \t]*#[ \t]*shellcheck[ \t]+(?:disable|enable|source|source-path|shell|external-sources|extended-analysis)=.*$/;

/** A code block's contents as a reader is shown them: without ShellCheck's directive lines when `lang` is a shell language. */
export function withoutShellDirectives(lang: string | null | undefined, code: string): string {
	return lang && SHELL_LANGUAGES.has(lang) ? code.split('\n').filter((line) => !SHELLCHECK_DIRECTIVE.test(line)).join('\n') : code;
}

/** The plugin: removes the directive lines of every shell code block in place. */
export function remarkShellDirectives() {
	return (tree: Root) => walk(tree);
}

function walk(node: Nodes): void {
	if (node.type === 'code') {
		node.value = withoutShellDirectives(node.lang, node.value);
		return;
	}
	if ('children' in node) node.children.forEach(walk);
}
