/**
 * The CLI's data compiled from the articles and the wizard tree of a clone
 * (needs `yaml` and `zod`, so the packaged CLI never imports this file: it
 * reads the same data precompiled, see scripts/build-cli.ts).
 */
import { ContentError, loadArticles, type Article } from '../lib/content.ts';
import { compileIndex } from '../lib/matcher/index.ts';
import { articleEvidence } from '../lib/api.ts';
import { byShortId } from '../lib/short-id.ts';
import { sourceUrl } from '../lib/sources.ts';
import { jumpsOf } from '../wizard/engine.ts';
import { checkTreeFile } from '../wizard/load.ts';
import type { CliData, CliWizard } from './data.ts';

/**
 * Compile the CLI's data from the project at `root`. The wizard part is read
 * only when asked for (a Markdown comment of an ambiguous match), as it costs
 * as much again; it throws ContentError when the wizard tree is broken.
 */
export function dataFromContent(root: string): CliData {
	const articles = loadArticles(root);
	let wizard: CliWizard | undefined;
	const data: Omit<CliData, 'wizard'> = {
		version: 1,
		index: compileIndex(articles.map((a) => a.data)),
		articles: [...articles]
			.sort((x, y) => byShortId(x.data, y.data))
			.map((article) => {
				const { data: a } = article;
				const { rootCause, fixes } = articleEvidence(article, '');
				return {
					id: a.id,
					shortId: a.shortId,
					title: a.title,
					products: [...a.products],
					sources: a.sources.map((s) => ({ ...s, url: sourceUrl(s.ref) })),
					status: a.status,
					rootCause,
					fixes: fixes.map(({ anchor, title, evidence }) => ({ anchor, title, evidence })),
				};
			}),
	};
	return Object.defineProperty(data, 'wizard', { enumerable: true, get: () => (wizard ??= wizardOf(root, articles)) }) as CliData;
}

function wizardOf(root: string, articles: readonly Article[]): CliWizard {
	const { tree, problems } = checkTreeFile(root, articles);
	if (!tree) throw new ContentError(problems);
	return jumpsOf(tree);
}
