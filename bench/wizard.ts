/**
 * `npm run bench -- --only wizard`: the wizard-walk evaluation (issue 18).
 * Every walk of tests/fixtures/wizard-walks.jsonl replayed through the
 * engine over the real tree (src/wizard/walks.ts says how a walk answers).
 */
import { loadArticles } from '../src/lib/content.ts';
import { loadEvalSet } from '../src/lib/eval-set.ts';
import { checkTreeFile } from '../src/wizard/load.ts';
import { loadWalks, replayWalks, walkFigures, type WalkResult } from '../src/wizard/walks.ts';

/** Every walk's result and the totals, for the project at `root`. */
export function measureWalks(root: string): { results: WalkResult[]; figures: ReturnType<typeof walkFigures> } {
	const { tree, problems } = checkTreeFile(root, loadArticles(root));
	if (!tree) throw new Error(`the wizard tree does not load: ${problems.map((p) => p.message).join('; ')}`);
	const results = replayWalks(tree, loadWalks(root), loadEvalSet(root));
	return { results, figures: walkFigures(results) };
}
