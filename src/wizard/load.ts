/** Reading the wizard tree from its YAML file, with the articles it points to. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildMessages, wizardMessages } from '../lib/messages.ts';
import type { Article, ContentProblem } from '../lib/content.ts';
import { yamlLines } from '../lib/schema-problems.ts';
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
	let text: string;
	try {
		text = readFileSync(join(root, file), 'utf8');
		raw = parse(text);
	} catch (e) {
		const reason = (e as Error).message.split('\n')[0];
		return { problems: [{ file, field: 'tree', ...buildMessages.treeNotYaml(reason) }] };
	}
	const lineOf = yamlLines(text, 1);
	const { tree: parsed, problems } = parseTree(raw, file, lineOf);
	if (!parsed) return { problems };
	const tree = expandSignatures(parsed, articles.map((a) => a.data));
	const invalid = [...validateTree(tree, articles.map((a) => a.data), fixAnchorsOf(articles), file), ...commandProblems(tree, file)];
	return invalid.length ? { problems: invalid.map((p) => withTreeLine(p, raw, lineOf)) } : { tree, problems: [] };
}

/**
 * A tree problem with the line of its field in the file (`step "id" ›
 * answers.1.next`, `start`), found through the step's place in the raw list.
 * An error check's `lines` are reported by their place after expandSignatures
 * spelled out and ordered them, which is not their place in the file, so a
 * problem in one of them gets the line of the step's `lines:`. A field that
 * is no place in the file (`article "slug"`, an article no path reaches)
 * keeps no line, and so does a step whose id is given twice.
 */
function withTreeLine(problem: ContentProblem, raw: unknown, lineOf: (path: readonly PropertyKey[]) => number | undefined): ContentProblem {
	if (problem.line !== undefined) return problem;
	let path: PropertyKey[] | undefined;
	if (problem.field === 'start') path = ['start'];
	const step = /^step "([^"]+)"(?: › (.+))?$/.exec(problem.field);
	if (step) {
		const ids = ((raw as { nodes?: { id?: unknown }[] })?.nodes ?? []).map((n) => n?.id);
		// An id given twice is no one place.
		const index = ids.indexOf(step[1]) === ids.lastIndexOf(step[1]) ? ids.indexOf(step[1]) : -1;
		const rest = (step[2] ?? '').split('.').filter(Boolean).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
		const cut = rest.indexOf('lines');
		if (index >= 0) path = ['nodes', index, ...(cut >= 0 ? rest.slice(0, cut + 1) : rest)];
	}
	const line = path && lineOf(path);
	return line === undefined ? problem : { ...problem, line };
}
