/**
 * Reading and checking the articles outside Astro: the build's content check,
 * the CLI and the tests read articles through this module, so all of them
 * see the same articles and the same errors.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { articleSchema, type ArticleData } from './article-schema.ts';
import { checkArticleBody, type BodyOutline } from './article-body.ts';
import { formatOf } from './markdown.ts';
import { articleFieldFixes, articleSchemaFixes, messages, placeholderFix, problemLine, type Message } from './messages.ts';
import { schemaProblems, yamlLines } from './schema-problems.ts';
import { unsourcedVersions } from './version-claims.ts';
import { placeholdersIn } from './article-template.ts';
import { ARTICLES_DIR } from './content-inputs.ts';

/** Where the articles live, relative to the project root (the content inputs are listed in one place, content-inputs.ts). */
export { ARTICLES_DIR };

/** A validated article: its front matter and its body (Markdown, or MDX in an `.mdx` file). */
export interface Article {
	data: ArticleData;
	body: string;
	/** The body's headings, sections, fixes, evidence and code blocks, from its one parse (article-body.ts). */
	outline: BodyOutline;
	/** The file, relative to the project root. */
	file: string;
}

/** One thing wrong with the content: where, what, and how to fix it. */
export interface ContentProblem extends Message {
	file: string;
	field: string;
	/** The line of the file (1-based, from its top) the problem stands on, when it is known: a front-matter field's, a wizard tree's or a redirect's. */
	line?: number;
}

/** The raw parts of an article file. */
export interface ArticleSource {
	file: string;
	text: string;
}

/** Split a file into its YAML front matter and body. */
export function splitFrontMatter(text: string): { yaml: string; body: string } | null {
	const m = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
	return m ? { yaml: m[1], body: text.slice(m[0].length) } : null;
}

/** Validate one article file on its own (front matter and body). */
export function checkArticle(source: ArticleSource): { article?: Article; problems: ContentProblem[] } {
	const { file, text } = source;
	const problem = (field: string, m: Message): ContentProblem => ({ file, field, ...m });
	const parts = splitFrontMatter(text);
	if (!parts) return { problems: [problem('front matter', messages.noFrontMatter())] };

	let raw: unknown;
	try {
		raw = parseYaml(parts.yaml);
	} catch (e) {
		// The YAML parser counts from the front matter's first line, the file's second (after `---`).
		return { problems: [problem('front matter', messages.badYaml(fileLines(firstLine(e), 1)))] };
	}
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
		return { problems: [problem('front matter', messages.badYaml('it must be a mapping of field: value'))] };
	}

	const parsed = articleSchema.safeParse(raw);
	const problems = parsed.success
		? []
		: schemaProblems(parsed.error.issues, raw, {
				file,
				root: 'front matter',
				fix: (path) => articleFieldFixes[String(path[0])] ?? articleSchemaFixes.otherField,
				unknownFieldFix: articleSchemaFixes.unknownField,
				// The front matter starts on the file's second line, after `---`.
				lineOf: yamlLines(parts.yaml, 2),
			});
	const slug = basename(file).replace(/\.mdx?$/, '');
	const id = (raw as Record<string, unknown>).id;
	if (typeof id === 'string' && id !== slug) problems.push(problem('id', messages.idMismatch(id, basename(file))));

	// Until the front matter parses, assume the article quotes errors, so the body check still asks for them.
	const signatures = parsed.success ? parsed.data.signatures.map((s) => s.line) : [];
	const bodyLine = text.slice(0, text.length - parts.body.length).split('\n').length;
	// Whether a reproduction is recorded: from the raw front matter while it does not parse, so that a schema
	// error elsewhere does not also report "reproduced here" as unrecorded.
	const reproduced = parsed.success ? parsed.data.reproduced !== undefined : (raw as Record<string, unknown>).reproduced !== undefined;
	const body = checkArticleBody(parts.body, { signatures, requireErrorBlock: !parsed.success || signatures.length > 0, firstLine: bodyLine, format: formatOf(file), reproduced, frontMatter: parsed.success ? parsed.data : undefined });
	for (const p of body.problems) problems.push({ file, ...p });

	// An unedited template passes the schema: its placeholders are what give it away, each named once with its own fix.
	const placeAt = (p: { field: string; bodyLine?: number }) => (p.bodyLine ? `line ${p.bodyLine + bodyLine - 1}` : `front matter › ${p.field}`);
	for (const p of placeholdersIn(raw, parts.body)) {
		problems.push(problem(placeAt(p), messages.templatePlaceholder(p.text, placeholderFix(p), p.alsoAt.map(placeAt))));
	}

	if (parsed.success) {
		for (const { field, token } of unsourcedVersions(parsed.data)) problems.push(problem(field, messages.versionNotSourced(token.text, token.kind)));
	}

	if (!parsed.success || !body.outline || problems.length > 0) return { problems };
	return { article: { data: parsed.data, body: parts.body, outline: body.outline, file }, problems };
}

/** Check a set of articles together: each on its own, then IDs across the set. */
export function checkArticles(sources: readonly ArticleSource[]): { articles: Article[]; problems: ContentProblem[] } {
	const articles: Article[] = [];
	const problems: ContentProblem[] = [];
	for (const source of sources) {
		const result = checkArticle(source);
		problems.push(...result.problems);
		if (result.article) articles.push(result.article);
	}
	const byId = new Map<string, string>();
	const byShortId = new Map<string, string>();
	for (const { data, file } of articles) {
		const sameId = byId.get(data.id);
		if (sameId) problems.push({ file, field: 'id', ...messages.duplicateId(data.id, sameId) });
		else byId.set(data.id, file);
		const sameShort = byShortId.get(data.shortId);
		if (sameShort) problems.push({ file, field: 'shortId', ...messages.duplicateShortId(data.shortId, sameShort) });
		else byShortId.set(data.shortId, file);
	}
	for (const { data, file } of articles) {
		if (data.replacedBy && !byId.has(data.replacedBy)) {
			problems.push({ file, field: 'replacedBy', ...messages.unknownReplacement(data.replacedBy) });
		}
	}
	return { articles, problems };
}

/** Read every article file under a directory (default: the real content). */
export function readArticleSources(root: string, dir = ARTICLES_DIR): ArticleSource[] {
	const abs = join(root, dir);
	return articleFileNames(abs).map((name) => {
		const path = join(abs, name);
		return { file: relative(root, path), text: readFileSync(path, 'utf8') };
	});
}

function articleFileNames(abs: string): string[] {
	return readdirSync(abs)
		.filter((name) => /\.mdx?$/.test(name) && !name.startsWith('_'))
		.sort();
}

/**
 * Read and check the articles under `dir` of the project at `root`; throws a
 * ContentError listing every problem. Reads the files on every call: the
 * site, the API and the build read the cached model (knowledge-base.ts).
 */
export function loadArticles(root: string, dir = ARTICLES_DIR): Article[] {
	const { articles, problems } = checkArticles(readArticleSources(root, dir));
	if (problems.length > 0) throw new ContentError(problems);
	return articles;
}

/** Thrown when the content has problems; its message lists all of them. */
export class ContentError extends Error {
	readonly problems: ContentProblem[];
	constructor(problems: ContentProblem[]) {
		super(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the articles:\n${problems.map(formatProblem).join('\n')}`);
		this.name = 'ContentError';
		this.problems = problems;
	}
}

/**
 * One problem as one line: `file › field: what is wrong. Fix: how.`, the field
 * followed by `(line N)` when its line is known, as the built-site checks name
 * a front-matter field (built-checks.ts, sourceOf).
 */
export function formatProblem(p: ContentProblem): string {
	return problemLine(p.file, p.line === undefined ? p.field : `${p.field} (line ${p.line})`, p);
}

/** A YAML error's "at line N, column C" moved down by `offset` lines: counted from the top of the file. */
function fileLines(reason: string, offset: number): string {
	return reason.replace(/\bat line (\d+), column (\d+):?/, (_, line: string, column: string) => `at line ${Number(line) + offset}, column ${column} of the file`);
}

function firstLine(e: unknown): string {
	return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}
