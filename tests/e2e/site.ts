/** What the end-to-end tests know about the site: read from the real content, never hard-coded. */
import { join } from 'node:path';
import { builtPages as listBuiltPages } from '../../src/lib/links.ts';
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase } from '../../src/lib/knowledge-base.ts';
import { allPaths } from '../../src/wizard/engine.ts';
import { outDir } from '../../scripts/build-dir.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/**
 * The real knowledge base, read and checked once per test process: every worker imports this module,
 * and reading the articles took 2 to 3 s of CPU each time. It is the model the site is built from
 * (src/lib/knowledge-base.ts), kept per process, so a spec that asks for it (a-first-visit) reads nothing again.
 */
const KB = loadKnowledgeBase(ROOT);
/** The real articles, in file-name order (the model orders them by short ID). */
export const LOADED_ARTICLES = [...KB.articles].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
export const ARTICLES = LOADED_ARTICLES.map((a) => a.data);
/** The matcher's compiled index of the real articles, as the site's build compiles it. */
export const MATCHER_INDEX = KB.matcherIndex();

/** The built site under test: the tests' own build directory (playwright.config.ts sets it; scripts/build-dir.ts). */
export const DIST = join(ROOT, outDir());

/** Every content page of the built site (not redirect pages), as URL paths: new pages are covered automatically. */
export function builtPages(): string[] {
	return listBuiltPages(DIST)
		.filter((p) => !p.redirectTo)
		.map((p) => p.path);
}

/** The real wizard tree and every path through it. */
export const TREE = KB.wizard.tree;
export const PATHS = allPaths(TREE);

/** Every answer of the tree once, as a link from one step to the next, with the depth of the step it starts from (its answers so far). */
export interface WizardEdge {
	from: string;
	choice: number;
	to: string;
	depth: number;
}

/** Every edge on any path through the tree, each once: walking them all clicks every step of every path. */
export const EDGES: WizardEdge[] = [
	...new Map(
		PATHS.flatMap((path) => path.answers.map((a, i) => ({ from: a.node, choice: a.choice, to: path.answers[i + 1]?.node ?? path.at, depth: i }))).map((e) => [`${e.from}:${e.choice}`, e]),
	).values(),
];
