/**
 * A remark plugin that leaves ShellCheck's directive comments (`# shellcheck disable=SC2016`,
 * `# shellcheck source=/dev/null`) out of the shell code a reader sees and copies. They are there for
 * the build's ShellCheck pass (src/lib/shellcheck.ts reads the Markdown source, so it still sees them),
 * not for the reader, who would paste them into a terminal or a startup file as noise. Only whole lines
 * that are a directive, in code blocks of the shell languages (shell-lint.ts `SHELL_LANGUAGES`).
 */
import type { Nodes, Root } from 'mdast';
import { SHELL_LANGUAGES } from './shell-lint.ts';

/** A line that is a ShellCheck directive and nothing else (https://www.shellcheck.net/wiki/Directive). */
export const SHELLCHECK_DIRECTIVE = /^[ \t]*#[ \t]*shellcheck[ \t]+(?:disable|enable|source|source-path|shell|external-sources)=.*$/;

/** The plugin: removes the directive lines of every shell code block in place. */
export function remarkShellDirectives() {
	return (tree: Root) => walk(tree);
}

function walk(node: Nodes): void {
	if (node.type === 'code') {
		if (node.lang && SHELL_LANGUAGES.has(node.lang)) node.value = node.value.split('\n').filter((line) => !SHELLCHECK_DIRECTIVE.test(line)).join('\n');
		return;
	}
	if ('children' in node) node.children.forEach(walk);
}
