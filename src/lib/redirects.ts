/**
 * Addresses that moved: renamed slugs, moved anchors and merged wizard steps,
 * from src/content/redirects.yaml, checked against the articles and the wizard
 * tree so a redirect can never point nowhere or shadow a live page.
 */
import { shortIdPath } from './addresses.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { SLUG_PATTERN } from './article-schema.ts';
import type { ContentProblem } from './content.ts';
import { redirectMessages as m, type Message } from './messages.ts';
import { schemaProblems, yamlLines } from './schema-problems.ts';
import { REDIRECTS_FILE } from './content-inputs.ts';

/** The redirects file, relative to the project root (the content inputs are listed in one place, content-inputs.ts). */
export { REDIRECTS_FILE };

const anchor = z.string().regex(SLUG_PATTERN);
export const redirectsSchema = z
	.object({
		/** Renamed articles: the old slug keeps working and leads to the new one. */
		slugs: z.array(z.object({ from: z.string().regex(SLUG_PATTERN), to: z.string().regex(SLUG_PATTERN) }).strict()).default([]),
		/** Moved anchors: `#from` on the article keeps working and lands on `#to`. */
		anchors: z.array(z.object({ article: z.string().regex(SLUG_PATTERN), from: anchor, to: anchor }).strict()).default([]),
		/** Wizard steps merged into another or removed: the old step's page keeps working and leads to the step `to`. */
		steps: z.array(z.object({ from: z.string().regex(SLUG_PATTERN), to: z.string().regex(SLUG_PATTERN) }).strict()).default([]),
	})
	.strict();
export type Redirects = z.output<typeof redirectsSchema>;

/** Every address a short ID answers to: `/FL-0003/` and `/fl-0003/`. */
export function shortIdPaths(shortId: string): string[] {
	return [shortIdPath(shortId), shortIdPath(shortId.toLowerCase())];
}

/**
 * Read and check the redirects against the articles' slugs and anchors (`anchorsOf`: slug -> its anchors) and
 * the wizard's step ids (`stepIds`; steps are not checked when it is undefined, as when the tree failed its own
 * checks); each problem names the line of its field in the file.
 */
export function loadRedirects(
	root: string,
	anchorsOf: Map<string, string[]>,
	stepIds?: ReadonlySet<string>,
	file = REDIRECTS_FILE,
): { redirects: Redirects; problems: ContentProblem[] } {
	const problems: ContentProblem[] = [];
	let lineOf: (path: readonly PropertyKey[]) => number | undefined = () => undefined;
	// A field is a dotted path (`slugs.0.from`): its line in the file, when the file tells it.
	const add = (field: string, message: Message) => {
		const line = lineOf(field.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)));
		problems.push(line === undefined ? { file, field, ...message } : { file, field, line, ...message });
	};
	let raw: unknown;
	try {
		const text = readFileSync(join(root, file), 'utf8');
		raw = parse(text) ?? {};
		lineOf = yamlLines(text, 1);
	} catch (e) {
		add('redirects', m.unreadable((e as Error).message.split('\n')[0]));
		return { redirects: { slugs: [], anchors: [], steps: [] }, problems };
	}
	const parsed = redirectsSchema.safeParse(raw);
	if (!parsed.success) {
		problems.push(...schemaProblems(parsed.error.issues, raw, { file, root: 'redirects', fix: () => m.schemaFix, unknownFieldFix: m.schemaFix, lineOf }));
		return { redirects: { slugs: [], anchors: [], steps: [] }, problems };
	}
	const redirects = parsed.data;
	redirects.slugs.forEach((r, i) => {
		if (anchorsOf.has(r.from)) add(`slugs.${i}.from`, m.liveSlug(r.from));
		if (!anchorsOf.has(r.to)) add(`slugs.${i}.to`, m.unknownTarget(r.to));
	});
	redirects.anchors.forEach((r, i) => {
		const anchors = anchorsOf.get(r.article);
		if (!anchors) return add(`anchors.${i}.article`, m.unknownArticle(r.article));
		if (anchors.includes(r.from)) add(`anchors.${i}.from`, m.liveAnchor(r.from, r.article));
		if (!anchors.includes(r.to)) add(`anchors.${i}.to`, m.unknownAnchor(r.to, r.article, anchors));
	});
	if (stepIds)
		redirects.steps.forEach((r, i) => {
			if (stepIds.has(r.from)) add(`steps.${i}.from`, m.liveStep(r.from));
			if (!stepIds.has(r.to)) add(`steps.${i}.to`, m.unknownStep(r.to));
		});
	return { redirects, problems };
}
