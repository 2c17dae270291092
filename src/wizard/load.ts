/** Reading the wizard tree from its YAML file, with the articles it points to. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildMessages, wizardMessages } from '../lib/messages.ts';
import type { Article, ContentProblem } from '../lib/content.ts';
import { hasShellCheck, runShellCheckOnAll } from '../lib/shellcheck.ts';
import { lintShell } from '../lib/shell-lint.ts';
import { expandSignatures, parseTree, TREE_FILE, validateTree, type FixAnchors } from './validate.ts';
import type { WizardTree } from './schema.ts';

/** The fix anchors of each article, recommended first. */
export function fixAnchorsOf(articles: readonly Article[]): FixAnchors {
	return new Map(articles.map((a) => [a.data.id, a.outline.fixes.flatMap((f) => (f.anchor ? [f.anchor] : []))]));
}

/**
 * Every step's command through ShellCheck (one process for all) and the
 * named rules of src/lib/shell-lint.ts: readers paste them as printed. A
 * machine without ShellCheck gets one problem saying how to install it.
 */
export function commandProblems(tree: WizardTree, file = TREE_FILE): ContentProblem[] {
	const steps = tree.nodes.flatMap((n) => (n.kind === 'question' || n.kind === 'error-check') && n.command !== undefined ? [{ id: n.id, command: n.command }] : []);
	if (steps.length === 0) return [];
	if (!hasShellCheck()) return [{ file, field: 'command', ...wizardMessages.commandsUnchecked('the shellcheck command is not installed') }];
	const checked = runShellCheckOnAll(steps.map((s) => s.command));
	return steps.flatMap((s, i) =>
		[...checked[i], ...lintShell(s.command)].map((f) => ({ file, field: `step "${s.id}" › command`, ...wizardMessages.command(f.rule, f.line, f.message, f.fix) })),
	);
}

/** Read, parse and validate the tree of a project; error checks' `signaturesOf` come back spelled out as lines (expandSignatures). */
export function checkTreeFile(root: string, articles: readonly Article[], file = TREE_FILE): { tree?: WizardTree; problems: ContentProblem[] } {
	let raw: unknown;
	try {
		raw = parse(readFileSync(join(root, file), 'utf8'));
	} catch (e) {
		const reason = (e as Error).message.split('\n')[0];
		return { problems: [{ file, field: 'tree', ...buildMessages.treeNotYaml(reason) }] };
	}
	const { tree: parsed, problems } = parseTree(raw, file);
	if (!parsed) return { problems };
	const tree = expandSignatures(parsed, articles.map((a) => a.data));
	const invalid = [...validateTree(tree, articles.map((a) => a.data), fixAnchorsOf(articles), file), ...commandProblems(tree, file)];
	return invalid.length ? { problems: invalid } : { tree, problems: [] };
}
