#!/usr/bin/env node
/**
 * Scaffold a new article: `npm run new-article -- <slug>`. Writes
 * src/content/docs/kb/<slug>.md from the template with the next free short
 * ID, refusing to overwrite an existing file.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SLUG_PATTERN } from '../src/lib/article-schema.ts';
import { ARTICLES_DIR, readArticleSources, splitFrontMatter } from '../src/lib/content.ts';
import { parse } from 'yaml';
import { scriptMessages } from '../src/lib/messages.ts';
import { ARTICLE_TEMPLATE, TEMPLATE_TOKENS } from '../src/lib/article-template.ts';
import { TREE_FILE } from '../src/lib/content-inputs.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const slug = process.argv[2];

if (!slug || !SLUG_PATTERN.test(slug)) {
	console.error(scriptMessages.newArticleUsage());
	process.exit(2);
}
const target = join(root, ARTICLES_DIR, `${slug}.md`);
if (existsSync(target)) {
	console.error(scriptMessages.articleExists(`${ARTICLES_DIR}/${slug}.md`));
	process.exit(2);
}

// Short IDs are never reused, so the next one is one past the highest in use.
const used = readArticleSources(root).map((s) => {
	const fm = splitFrontMatter(s.text);
	const id = fm ? (parse(fm.yaml)?.shortId as string | undefined) : undefined;
	return Number(id?.slice(3) ?? 0);
});
const shortId = `FL-${String(Math.max(0, ...used) + 1).padStart(4, '0')}`;
const today = new Date().toISOString().slice(0, 10);

// The build refuses the file until every placeholder in it is replaced (src/lib/article-template.ts).
writeFileSync(
	target,
	ARTICLE_TEMPLATE.replaceAll(TEMPLATE_TOKENS.slug, slug).replaceAll(TEMPLATE_TOKENS.shortId, shortId).replaceAll(TEMPLATE_TOKENS.today, today),
);
console.log(scriptMessages.articleWritten(`${ARTICLES_DIR}/${slug}.md`, shortId, slug, TREE_FILE));
