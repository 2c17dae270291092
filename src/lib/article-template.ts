/**
 * The new-article template (`npm run new-article`, scripts/new-article.ts)
 * and the placeholders in it. The content check refuses an article that still
 * holds any of them, naming each, so an unedited template never publishes:
 * every placeholder passes the schema on its own (it has to, or the template
 * would not be a starting point), so only this check tells it from content.
 */
import { parse } from 'yaml';

/** The tokens new-article.ts fills in: the slug, the next short ID and today's date. */
export const TEMPLATE_TOKENS = { slug: '__SLUG__', shortId: '__SHORT_ID__', today: '__TODAY__' } as const;

/** The template as written to src/content/docs/kb/<slug>.md, tokens still in. */
export const ARTICLE_TEMPLATE = `---
id: __SLUG__
shortId: __SHORT_ID__
title: "Product: the failure as a reader would describe it"
summary: "The root cause in one sentence."
products: [podman]
subsystems: [file-permissions]
signatures:
  - line: "the exact error line, as the tool prints it"
    where: "which tool prints it, in which versions"
symptoms:
  - "What the reader sees, in plain words."
versions:
  - product: podman
    affected: "the affected versions"
    fixed: null
lastVerified: __TODAY__
sources:
  - ref: owner/name#1
    title: "What the reader finds there"
status: active
---
## Symptoms

## Error messages

\`\`\`text
the exact error line, as the tool prints it
\`\`\`

## Root cause

Why it happens, from the sources. Mark a statement weaker than the level below inline: (inferred).

**Evidence:** confirmed upstream. Where a maintainer, a merged fix or the code says so (or: reported, inferred).

## How to confirm

\`\`\`sh
a-command-that-shows-it
\`\`\`

What its output means.

## Fixes

### The recommended fix {#recommended-fix}

What to do, with its trade-offs.

**Evidence:** reported. Who says it works, and where.

**Verify:** what the reader sees when it worked.

## Affected versions

## References
`;

/** A placeholder of the template: the front-matter field that holds it (`signatures.0.line`), or `body`; and its text. */
export interface Placeholder {
	field: string;
	text: string;
}

/**
 * Every placeholder of the template: each string of its front matter that is
 * prose to replace (not a token, not a registry id such as `podman`, nor
 * `active`), and each line of its body that is not a section heading.
 */
export function templatePlaceholders(template = ARTICLE_TEMPLATE): Placeholder[] {
	const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(template)!;
	const found: Placeholder[] = [];
	const walk = (value: unknown, path: string[]) => {
		if (typeof value === 'string') {
			if (/\s|#/.test(value)) found.push({ field: path.join('.'), text: value });
		} else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
	};
	walk(parse(m[1]), []);
	for (const line of m[2].split('\n')) {
		const text = line.trim();
		if (text && !/^(## |```)/.test(text) && !found.some((p) => p.field === 'body' && p.text === text)) found.push({ field: 'body', text });
	}
	return found;
}

/** The placeholders still in an article: each front-matter string equal to one, and each body line (trimmed) equal to one, with its 1-based line in the body. */
export function placeholdersIn(frontMatter: unknown, body: string): { field: string; text: string; bodyLine?: number }[] {
	const all = templatePlaceholders();
	const prose = new Set(all.map((p) => p.text));
	const left: { field: string; text: string; bodyLine?: number }[] = [];
	const walk = (value: unknown, path: string[]) => {
		if (typeof value === 'string') {
			if (prose.has(value)) left.push({ field: path.join('.'), text: value });
		} else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
	};
	walk(frontMatter, []);
	const bodyLines = new Set(all.filter((p) => p.field === 'body').map((p) => p.text));
	body.split('\n').forEach((line, i) => bodyLines.has(line.trim()) && left.push({ field: 'body', text: line.trim(), bodyLine: i + 1 }));
	return left;
}
