/**
 * What the CLI and the Action match against, in one JSON-able shape: the
 * compiled matcher index, the article list `faultline list` prints, and the
 * part of the wizard that says which question tells several causes apart.
 *
 * In a clone it is compiled from the articles on every run
 * (`dataFromContent`, in content-data.ts); the package ships it compiled, as
 * `dist-cli/data.json`, written by `scripts/build-cli.ts` (see `npm pack`).
 */
import type { EvidenceLevel } from '../lib/evidence.ts';
import type { MatcherIndex } from '../lib/matcher/index.ts';
import type { WizardJumps } from '../wizard/engine.ts';

/** One row of `faultline list --json`, without the URL (that depends on --base-url). */
export interface ListedArticle {
	id: string;
	shortId: string;
	title: string;
	products: string[];
	sources: { ref: string; title: string; url: string }[];
	status: 'active' | 'retired';
	/** The root cause's evidence level (src/lib/evidence.ts). */
	rootCause: { evidence: EvidenceLevel };
	/** The fixes, recommended first, each with its evidence level; the URL is added with --base-url. */
	fixes: { anchor: string; title: string; evidence: EvidenceLevel }[];
}

/** The wizard steps a match can lead to, and the prompt of every question among them (`jumpsOf`; ask it with `separatingQuestion`). */
export type CliWizard = WizardJumps;

export interface CliData {
	/** Bumped when this shape changes incompatibly. */
	version: 1;
	index: MatcherIndex;
	articles: ListedArticle[];
	wizard: CliWizard;
}
