/**
 * The knowledge base as one checked model: the articles with their anchors and
 * fixes, the wizard tree with its lookups, the redirects, the matcher index and
 * the lists the site shows, loaded and checked together. The site's pages, the
 * API, the build's checks and the CLI's data all read this model; nothing else
 * reads the content files for them.
 *
 * One cache, one rule (src/lib/content-inputs.ts): a product of the content
 * is fresh while its content files and its code are unchanged. The model is
 * kept per project root until a content file (an article, the wizard tree,
 * the redirects: `isContentFile`) changes, and a change is reported to
 * `forgetKnowledgeBase`; its code cannot change under the running process.
 * The dev server's file watcher reports every change
 * (src/integrations/content-check.ts), so `astro dev` shows an edit at the
 * next page it renders; a build and a test read the content once per process,
 * as nothing changes it under them, and the CLI reads it only when its disk
 * cache's key (content and code) changed (src/cli/data-cache.ts). Nothing is
 * checked per call: every page of a build asks for the model, so a per-call
 * check of 10,000 files would run 10,000 times per page.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { checkArticles, ContentError, readArticleSources, type Article, type ContentProblem } from './content.ts';
import { compileIndex, shardIndex } from './matcher/build.ts';
import type { MatcherIndex } from './matcher/index.ts';
import { splitDisplay } from './matcher/browser-index.ts';
import { loadRedirects, type Redirects } from './redirects.ts';
import { PRODUCT_IDS, SECTION_ANCHORS, type ProductId } from './registry.ts';
import { relatedIndex } from './related.ts';
import { byShortId } from './short-id.ts';
import type { ArticleData } from './article-schema.ts';
import { checkTreeFile, fixAnchorsOf } from '../wizard/load.ts';
import { nodesById, parentsOf, type TrailStep } from '../wizard/engine.ts';
import { splitMaps } from '../wizard/map.ts';
import { isContentFile } from './content-inputs.ts';
import type { WizardNode, WizardTree } from '../wizard/schema.ts';

/** Where Starlight's docs live: an article's page id is its path from here, without the extension (`kb/<slug>`). */
const DOCS_DIR = 'src/content/docs';

/** The wizard tree and the lookups every step's page needs, built once per model. */
export interface WizardModel {
	tree: WizardTree;
	/** The steps by id. */
	byId: Map<string, WizardNode>;
	/** The way in to each step: the step before it and each choice there that leads to it (engine.ts parentsOf). */
	parents: Map<string, TrailStep>;
	/** Each map's root step and the branches it draws as one box (src/wizard/map.ts). */
	maps: Map<string, Set<string>>;
}

/** The whole checked knowledge base of one project. */
export interface KnowledgeBase {
	/** Every article, ordered by short ID (the order they were published in). */
	articles: Article[];
	/** The articles by slug. */
	byId: Map<string, Article>;
	/** Each article's permanent anchors: the sections, then every heading with an explicit anchor. */
	anchors: Map<string, string[]>;
	/** Each article's fix anchors, recommended first. */
	fixes: Map<string, string[]>;
	wizard: WizardModel;
	redirects: Redirects;
	/** The products that have at least one article, in registry order, with their articles. */
	products: { id: ProductId; articles: Article[] }[];
	/** An article's related failures (src/lib/related.ts). */
	related(id: string): ArticleData[];
	/** The article whose Starlight page id (`kb/<slug>`) is `pageId`, if that page is an article. */
	articleOfPage(pageId: string): Article | undefined;
	/** The article in the file at `path` (absolute, or relative to the root), if it is one. */
	articleOfFile(path: string): Article | undefined;
	/** The matcher index of every article, compiled on first use. */
	matcherIndex(): MatcherIndex;
	/** The index as the browser downloads it (matcher/browser-index.ts): display texts apart, on first use. */
	display(): ReturnType<typeof splitDisplay>;
	/** The browser's index (`display().index`) in shards, on first use. */
	shards(): ReturnType<typeof shardIndex>;
	/** Moved anchors as the remark plugin wants them: article → new anchor → its old anchors. */
	anchorAliases: Map<string, Map<string, string[]>>;
}

/**
 * The models by project root, kept on `globalThis`: Astro loads this module
 * more than once in one build (the integrations through Node, the content
 * layer and the pages through Vite's bundles), and each copy would read,
 * check and compile everything again with a cache of its own.
 */
const models: Map<string, KnowledgeBase> = ((globalThis as { faultlineModels?: Map<string, KnowledgeBase> }).faultlineModels ??= new Map());

/**
 * Forget the model of the project at `root` (every project's when omitted):
 * the next call reads and checks the content again. Called when a content
 * file changes (`isContentFile`).
 */
export function forgetKnowledgeBase(root?: string): void {
	if (root === undefined) models.clear();
	else models.delete(resolve(root));
}

/** True when `path` (absolute) is a file the model of the project at `root` is read from (content-inputs.ts). */
export { isContentFile };

/**
 * The knowledge base of the project at `root` (default: the working
 * directory), checked; from the cache until a content file changes.
 * Throws ContentError listing every problem when the content has any.
 */
export function loadKnowledgeBase(root = process.cwd()): KnowledgeBase {
	const { model, problems } = checkKnowledgeBase(root);
	if (!model) throw new ContentError(problems);
	return model;
}

/**
 * Load and check the knowledge base at `root` without throwing: the model
 * when the content has no problems, and every problem found. The build's
 * content check reports the problems; everything else calls loadKnowledgeBase.
 */
export function checkKnowledgeBase(project = process.cwd()): { model?: KnowledgeBase; problems: ContentProblem[] } {
	// One entry per project however its root is spelled (Astro's config root ends in a slash, process.cwd() does not).
	const root = resolve(project);
	const hit = models.get(root);
	if (hit) return { model: hit, problems: [] };

	const { articles, problems } = checkArticles(readArticleSources(root));
	if (problems.length) return { problems };
	articles.sort((a, b) => byShortId(a.data, b.data));
	const anchors = new Map(articles.map((a) => [a.data.id, [...Object.values(SECTION_ANCHORS), ...a.outline.headings.flatMap((h) => (h.anchor ? [h.anchor] : []))]]));
	const { tree, problems: treeProblems } = checkTreeFile(root, articles);
	const { redirects, problems: redirectProblems } = loadRedirects(root, anchors, tree && new Set(tree.nodes.map((n) => n.id)));
	if (!tree || treeProblems.length || redirectProblems.length) return { problems: [...treeProblems, ...redirectProblems] };

	const byId = new Map(articles.map((a) => [a.data.id, a]));
	const byPage = new Map(articles.map((a) => [relative(DOCS_DIR, a.file).replace(/\.mdx?$/, ''), a]));
	const byFile = new Map(articles.map((a) => [a.file, a]));
	let related: Map<string, ArticleData[]> | undefined;
	let index: MatcherIndex | undefined;
	let sharded: ReturnType<typeof shardIndex> | undefined;
	let split: ReturnType<typeof splitDisplay> | undefined;
	const model: KnowledgeBase = {
		articles,
		byId,
		anchors,
		fixes: fixAnchorsOf(articles),
		wizard: { tree, byId: nodesById(tree), parents: parentsOf(tree), maps: splitMaps(tree) },
		redirects,
		products: PRODUCT_IDS.map((id) => ({ id, articles: articles.filter((a) => a.data.products.includes(id)) })).filter((p) => p.articles.length > 0),
		related: (id) => (related ??= relatedIndex(articles.map((a) => a.data))).get(id) ?? [],
		articleOfPage: (pageId) => byPage.get(pageId),
		articleOfFile: (path) => byFile.get(isAbsolute(path) ? relative(root, path) : path),
		matcherIndex: () => (index ??= compileIndex(articles.map((a) => a.data))),
		display: () => (split ??= splitDisplay(model.matcherIndex())),
		shards: () => (sharded ??= shardIndex(model.display().index)),
		anchorAliases: aliasesOf(redirects),
	};
	models.set(root, model);
	return { model, problems: [] };
}

/**
 * Moved anchors as the remark plugin wants them; empty while the content has
 * problems, which the content check reports with file and field.
 */
export function anchorAliases(root = process.cwd()): Map<string, Map<string, string[]>> {
	return checkKnowledgeBase(root).model?.anchorAliases ?? new Map();
}

/**
 * Each article's slug by its short ID, as the short-ID link plugin wants them (src/lib/remark-short-ids.ts);
 * empty while the content has problems, which the content check reports with file and field.
 */
export function shortIdArticles(root = process.cwd()): Map<string, string> {
	return new Map((checkKnowledgeBase(root).model?.articles ?? []).map((a) => [a.data.shortId, a.data.id]));
}

/** The redirects' moved anchors by article, then by new anchor: the old anchors that lead to it. */
function aliasesOf(redirects: Redirects): Map<string, Map<string, string[]>> {
	const aliases = new Map<string, Map<string, string[]>>();
	for (const r of redirects.anchors) {
		const perArticle = aliases.get(r.article) ?? new Map<string, string[]>();
		perArticle.set(r.to, [...(perArticle.get(r.to) ?? []), r.from]);
		aliases.set(r.article, perArticle);
	}
	return aliases;
}
