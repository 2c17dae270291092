/** Small wizard trees for the tests of the tree's checks and of the walks: one place for their shape. */
import { parseTree } from '../../src/wizard/validate.ts';
import type { WizardTree } from '../../src/wizard/schema.ts';

/** What the one error check of `errorCheckTree` offers: its own lines, and the articles whose signatures it spells out. */
export interface ErrorCheck {
	lines?: { line: string; next: string }[];
	signaturesOf?: { article: string; next: string; shared?: string }[];
}

/**
 * A parsed tree (defaults filled in) of one error check, step `e` ("Do you see one?"), offering `check`,
 * its "None of these" leading to the end step `x`; then a result step for each entry of `results` (step
 * id → the article's slug, or the slug with the result's `note`), in the order given, then `x`.
 * @throws when the tree does not parse (a test's typo), naming the problems.
 */
export function errorCheckTree(check: ErrorCheck, results: Record<string, string | { article: string; note: string }>): WizardTree {
	const { tree, problems } = parseTree({
		start: 'e',
		nodes: [
			{ id: 'e', kind: 'error-check', prompt: 'Do you see one?', ...check, none: 'x' },
			...Object.entries(results).map(([id, r]) => ({ id, kind: 'result', ...(typeof r === 'string' ? { article: r } : r) })),
			{ id: 'x', kind: 'end', title: 'None', text: 'Search or report it.' },
		],
	});
	if (!tree) throw new Error(`the test's tree does not parse: ${JSON.stringify(problems)}`);
	return tree;
}
