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

/**
 * What a placeholder stands in for, which says how to replace it (messages.ts `placeholderFix`): a
 * front-matter field (`field`, by its path), or in the body a heading, an evidence or a verify paragraph, a
 * line of a code block (with the section it is in: an error line, a command), or prose.
 */
export type PlaceholderKind = 'field' | 'heading' | 'evidence' | 'verify' | 'code' | 'prose';

/** A placeholder of the template: the front-matter field that holds it (`signatures.0.line`), or `body`; its text; what it stands in for, and for a body line the `## ` section it is in. */
export interface Placeholder {
	field: string;
	text: string;
	kind: PlaceholderKind;
	section?: string;
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
			if (/\s|#/.test(value)) found.push({ field: path.join('.'), text: value, kind: 'field' });
		} else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
	};
	walk(parse(m[1]), []);
	let section: string | undefined;
	let inCode = false;
	for (const line of m[2].split('\n')) {
		const text = line.trim();
		if (text.startsWith('## ')) section = text.slice(3);
		if (text.startsWith('```')) inCode = !inCode;
		if (!text || /^(## |```)/.test(text) || found.some((p) => p.field === 'body' && p.text === text)) continue;
		const kind: PlaceholderKind = inCode ? 'code' : text.startsWith('#') ? 'heading' : text.startsWith('**Evidence:**') ? 'evidence' : text.startsWith('**Verify:**') ? 'verify' : 'prose';
		found.push({ field: 'body', text, kind, section });
	}
	return found;
}

/** A placeholder still in an article: the template's, and where it stands (a front-matter field, or `body` and its 1-based line in the body). */
export type PlaceholderLeft = Placeholder & { bodyLine?: number };

/**
 * The placeholders still in an article, each once: each front-matter string equal to one, and each body
 * line (trimmed) equal to one, with its 1-based line in the body; a text found in several places (the
 * template's error line is both `signatures.0.line` and the Error messages block) is one placeholder, at
 * its first place, with the others in `alsoAt`.
 */
export function placeholdersIn(frontMatter: unknown, body: string): (PlaceholderLeft & { alsoAt: PlaceholderLeft[] })[] {
	const all = templatePlaceholders();
	const left: PlaceholderLeft[] = [];
	const walk = (value: unknown, path: string[]) => {
		if (typeof value === 'string') {
			if (all.some((q) => q.text === value)) left.push({ field: path.join('.'), text: value, kind: 'field' });
		} else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
	};
	walk(frontMatter, []);
	body.split('\n').forEach((line, i) => {
		const p = all.find((q) => q.field === 'body' && q.text === line.trim());
		if (p) left.push({ ...p, bodyLine: i + 1 });
	});
	const byText = new Map<string, PlaceholderLeft & { alsoAt: PlaceholderLeft[] }>();
	for (const p of left) {
		const first = byText.get(p.text);
		if (first) first.alsoAt.push(p);
		else byText.set(p.text, { ...p, alsoAt: [] });
	}
	return [...byText.values()];
}
