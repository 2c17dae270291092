/**
 * The docs collection's loader: hands Astro the articles the knowledge base
 * has already read and checked (knowledge-base.ts), instead of a glob loader
 * that would read every file and parse its front matter a second time.
 *
 * Each article becomes the Starlight docs entry `kb/<slug>` with the one
 * field Starlight needs from it, the title (validated by the collection's
 * schema, which fills Starlight's defaults); the page's other fields come
 * from the model. A Markdown body is rendered here through Astro's own
 * Markdown pipeline (the config's remark plugins included) from the body the
 * model holds, with no front matter left to parse. An MDX article is left to
 * @astrojs/mdx, which renders it as a module of its own when the page is
 * built (`deferredRender`, as Astro's glob loader does for MDX): that module
 * is the file itself, so the MDX compiler still strips its front matter.
 *
 * Unchanged files are not rendered again: an entry whose digest is the same
 * keeps its rendering (Astro keeps the store between builds in its cache).
 * The digest follows the project's one staleness rule (content-inputs.ts): a
 * rendering is fresh while its inputs are, which are the article's file, the
 * redirects (moved anchors are rendered into the page as aliases) and the
 * code that shapes every article's HTML: RENDERING_FILES and every module
 * they import, and the installed packages (`codeDigest`). Astro empties the
 * store when its config changes, but these are functions the config only
 * points to, so an edit to them alone would leave every article as the old
 * code rendered it.
 * In the dev server an edited content file is read, checked and loaded again.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { formatProblem } from './content.ts';
import { checkKnowledgeBase, forgetKnowledgeBase } from './knowledge-base.ts';
import { codeDigest, inputsDigest, isContentFile, REDIRECTS_FILE } from './content-inputs.ts';
import { formatOf } from './markdown.ts';

/** Where Starlight's docs live, relative to the project root: an entry's id is its path from here without the extension. */
const DOCS_DIR = 'src/content/docs';

/** The code, relative to the project root, that renders a Markdown article (with every module it imports): Expressive Code's config and plugin, the remark and rehype plugins. */
const RENDERING_FILES = ['ec.config.mjs', 'src/lib/focusable-code.ts', 'src/lib/remark-anchors.ts', 'src/lib/remark-article-sections.ts', 'src/lib/remark-evidence.ts', 'src/lib/rehype-table-regions.ts'];

/** The loader for Starlight's docs collection (src/content.config.ts). */
export function articlesLoader(): Loader {
	return {
		name: 'faultline-articles',
		load: async (context) => {
			await sync(context);
			const root = fileURLToPath(context.config.root);
			context.watcher?.on('all', (_event, path) => {
				if (!isContentFile(root, path)) return;
				forgetKnowledgeBase(root);
				void sync(context);
			});
		},
	};
}

/** Put every checked article in the store, render what changed, and drop entries of articles that are gone. */
async function sync({ config, store, parseData, renderMarkdown, generateDigest, logger }: LoaderContext): Promise<void> {
	const root = fileURLToPath(config.root);
	const { model, problems } = checkKnowledgeBase(root);
	// The content check (src/integrations/content-check.ts) fails the build on these and logs them in the dev server.
	if (!model) return logger.error(`The articles were not loaded:\n${problems.map(formatProblem).join('\n')}`);
	const rendering = `${inputsDigest(root, [REDIRECTS_FILE])}\0${codeDigest(root, RENDERING_FILES)}`;
	const untouched = new Set(store.keys());
	for (const article of model.articles) {
		const id = article.file.slice(DOCS_DIR.length + 1).replace(/\.mdx?$/, '');
		untouched.delete(id);
		const path = join(root, article.file);
		const digest = generateDigest(`${readFileSync(path, 'utf8')}\0${rendering}`);
		const existing = store.get(id);
		if (existing?.digest === digest && existing.filePath === article.file) {
			// The store does not remember module imports between builds; an unchanged MDX entry asks again, as Astro's glob loader does.
			if (existing.deferredRender) store.addModuleImport(article.file);
			continue;
		}
		const data = await parseData({ id, data: { title: article.data.title }, filePath: path });
		if (formatOf(article.file) === 'mdx') {
			store.set({ id, data, body: article.body, filePath: article.file, digest, deferredRender: true });
		} else {
			store.set({ id, data, body: article.body, filePath: article.file, digest, rendered: await renderMarkdown(article.body, { fileURL: pathToFileURL(path) }) });
		}
	}
	for (const id of untouched) store.delete(id);
}
