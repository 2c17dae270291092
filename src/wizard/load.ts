/** Reading the wizard tree from its YAML file, with the articles it points to. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildMessages } from '../lib/messages.ts';
import type { Article, ContentProblem } from '../lib/content.ts';
import { parseTree, TREE_FILE, validateTree, type FixAnchors } from './validate.ts';
import type { WizardTree } from './schema.ts';

/** The fix anchors of each article, recommended first. */
export function fixAnchorsOf(articles: readonly Article[]): FixAnchors {
	return new Map(articles.map((a) => [a.data.id, a.outline.fixes.flatMap((f) => (f.anchor ? [f.anchor] : []))]));
}

/** Read, parse and validate the tree of a project. */
export function checkTreeFile(root: string, articles: readonly Article[], file = TREE_FILE): { tree?: WizardTree; problems: ContentProblem[] } {
	let raw: unknown;
	try {
		raw = parse(readFileSync(join(root, file), 'utf8'));
	} catch (e) {
		const reason = (e as Error).message.split('\n')[0];
		return { problems: [{ file, field: 'tree', ...buildMessages.treeNotYaml(reason) }] };
	}
	const { tree, problems } = parseTree(raw, file);
	if (!tree) return { problems };
	const invalid = validateTree(tree, articles.map((a) => a.data), fixAnchorsOf(articles), file);
	return invalid.length ? { problems: invalid } : { tree, problems: [] };
}
