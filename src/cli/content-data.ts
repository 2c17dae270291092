/**
 * The CLI's data compiled from the articles and the wizard tree of a clone
 * (needs `yaml` and `zod`, so the packaged CLI never imports this file: it
 * reads the same data precompiled, see scripts/build-cli.ts).
 */
import { loadKnowledgeBase, type KnowledgeBase } from '../lib/knowledge-base.ts';
import { articleFacts } from '../lib/api.ts';
import { jumpsOf } from '../wizard/engine.ts';
import { proseIndexOf } from '../lib/prose.ts';
import { proseDocsOf } from '../lib/prose-docs.ts';
import type { CliData, CliWizard } from './data.ts';

/**
 * Compile the CLI's data from the knowledge base of the project at `root`
 * (src/lib/knowledge-base.ts); throws ContentError when the content has
 * problems. The wizard's jump table is built only when asked for (a Markdown
 * comment of an ambiguous match).
 */
export function dataFromContent(root: string): CliData {
	const model = loadKnowledgeBase(root);
	let wizard: CliWizard | undefined;
	const data: Omit<CliData, 'wizard'> = {
		version: 1,
		index: model.matcherIndex(),
		articles: model.articles.map(articleFacts),
		prose: proseIndexOf(proseDocsOf(model.articles)),
	};
	return Object.defineProperty(data, 'wizard', { enumerable: true, get: () => (wizard ??= wizardOf(model)) }) as CliData;
}

function wizardOf(model: KnowledgeBase): CliWizard {
	return jumpsOf(model.wizard.tree);
}
