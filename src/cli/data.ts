/**
 * What the CLI and the Action match against, in one JSON-able shape: the
 * compiled matcher index, the article list `faultline list` prints, the
 * prose index that ranks descriptions, and the part of the wizard that says which question tells several causes apart.
 *
 * In a clone it is compiled from the articles on every run
 * (`dataFromContent`, in content-data.ts); the package ships it compiled, as
 * `dist-cli/data.json`, written by `scripts/build-cli.ts` (see `npm pack`).
 */
import type { MatcherIndex } from '../lib/matcher/index.ts';
import type { WizardJumps } from '../wizard/engine.ts';
import type { ArticleFacts } from '../lib/presenters.ts';
import type { ProseIndex } from '../lib/prose.ts';

/** The wizard steps a match can lead to, and the prompt of every question among them (`jumpsOf`; ask it with `separatingQuestion`). */
export type CliWizard = WizardJumps;

export interface CliData {
	/** Bumped when this shape changes incompatibly. */
	version: 1;
	index: MatcherIndex;
	/** Every article, by short ID, as `faultline list` shows it (its URLs are added with --base-url). */
	articles: ArticleFacts[];
	wizard: CliWizard;
	/** The articles' prose documents, as the site serves them (`/api/v1/prose-index.json`): a description's likely articles. */
	prose: ProseIndex;
}
