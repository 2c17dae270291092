/**
 * Text an article says twice. A reader who has the error reads the page once, top to bottom: the same
 * sentence, the same code block, or the release history the versions table already shows, written again
 * in another section only pushes the fix further down (issue 19: FL-0079 told its per-release wording and
 * commit history in Error messages, Root cause, its evidence and Affected versions). The body check
 * (article-body.ts) reports what this finds; each fact belongs in one section of the template
 * (CONTRIBUTING.md, "Write the body"), and the others refer to it.
 *
 * What counts as the same, precisely:
 * - a sentence: prose outside code and headings, split after `.`, `!` or `?` followed by a space, compared
 *   lower-cased, with Markdown marks (backticks, emphasis, link brackets) and runs of spaces folded. Only a
 *   sentence of at least REPEATED_SENTENCE_WORDS words counts (see there).
 * - a code block: a fenced block whose contents, trimmed, equal an earlier block's in another section (or
 *   another fix): the same commands or the same output, quoted twice.
 * - front matter: a body sentence equal (as above) to one the page renders from the front matter (a symptom,
 *   a versions-table cell, a diagnostic's `why`), or a sentence of "Affected versions", where the page
 *   renders the versions table just above it, that names VERSIONS_TABLE_TOKENS or more of the table's
 *   releases and commits: the table again in words (the template asks for notes and look-alikes there).
 *   Root cause and Fixes may name the releases and commits a mechanism or a fix turns on: that is why it
 *   happens and what to install, not the table.
 *
 * A fix's `**Verify:**` paragraph is not compared: every fix needs its own (the wizard's result step shows
 * one fix alone), and two fixes that end in the same state are verified the same way.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import type { ArticleData } from './article-schema.ts';
import type { BodyOutline, CodeBlock } from './article-body.ts';
import { versionTokens } from './version-claims.ts';

/**
 * The shortest sentence, in words, that counts as repeated: 8. A sentence of eight or more words written
 * twice word for word is a paragraph pasted into a second section, not a coincidence of style. Shorter
 * ones repeat for good reasons: the label "Evidence: confirmed upstream." (3 words, 143 times in 82
 * articles), a lead-in such as "When the file does not exist at all:", "Then restart the daemon.".
 * Measured on the 95 articles of 2026-11-30 (Verify paragraphs left out, see above): from 4 words up to
 * 8 nothing repeats word for word, so 8 leaves room for such formulas as articles grow and still
 * catches any pasted sentence. (Those articles repeated themselves in paraphrase, which the
 * versions-table rule catches where it matters: see VERSIONS_TABLE_TOKENS.)
 */
export const REPEATED_SENTENCE_WORDS = 8;

/**
 * How many of the versions table's releases and commits one sentence of "Affected versions" may name
 * before it is the table again in words: 3. One or two ("fixed in 4.2.0", "5.3.0 and 5.3.1 only") tie a
 * note or a look-alike to a release boundary; three or more retell the history the table shows just
 * above. Measured on the 95 articles of 2026-11-30 before their audit: at 3, 13 articles, each a
 * retelling of the table (cut in the audit); at 2, 31 articles, the other 18 with notes such as "the
 * reports name 2.18.1, with glibc 2.34" that the table does not hold.
 */
export const VERSIONS_TABLE_TOKENS = 3;

/** Where a piece of text stands: its section (`Fixes › <fix title>` inside a fix) and its 1-based body line. */
export interface TextPlace {
	section: string;
	line: number;
}

/** One repeat: the second copy's place, what is repeated (shortened), and where the first copy is. */
export interface Repeat {
	kind: 'sentence' | 'code' | 'front-matter' | 'versions-table';
	at: TextPlace;
	text: string;
	/** The first copy: a place in the body, or the front-matter field the page renders it from. */
	first: TextPlace | { field: string };
}

/** The front matter that the page renders into the body (remark-article-sections.ts). */
export type RenderedFrontMatter = Pick<ArticleData, 'symptoms' | 'versions'> & Partial<Pick<ArticleData, 'diagnostics'>>;

interface Sentence extends TextPlace {
	text: string;
	key: string;
	words: number;
}

/** A sentence's comparison key: lower case, Markdown marks dropped, spaces folded, no final stop. */
function keyOf(sentence: string): string {
	return sentence
		.toLowerCase()
		.replace(/[`*_[\]]/g, '')
		.replace(/\s+/g, ' ')
		.replace(/[.!?:;,\s]+$/, '')
		.trim();
}

/** Split prose into sentences: after `.`, `!` or `?` and a space, before a capital, a digit, a quote, a bracket or a code mark. */
function sentencesOf(text: string): string[] {
	return text
		.replace(/\s+/g, ' ')
		.split(/(?<=[.!?]["')]?)\s+(?=[A-Z0-9"'(`*[])/)
		.map((s) => s.trim())
		.filter(Boolean);
}

/** The text of a node as a reader sees it, code spans in backticks (so a key keeps their words); nested lists and code blocks left out. */
function textOf(node: Nodes): string {
	if (node.type === 'text') return node.value;
	if (node.type === 'inlineCode') return `\`${node.value}\``;
	if (node.type === 'code' || node.type === 'html' || node.type === 'list') return ' ';
	if (node.type === 'break') return ' ';
	if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
	return '';
}

/** A fix's Verify paragraph, as textOf reads it. */
const VERIFY = /^Verify:/;

/** The prose blocks under a node (paragraphs, list items, table cells), each with its first line; Verify paragraphs left out. */
function proseBlocks(node: Nodes, out: { text: string; line: number }[]): void {
	if (node.type === 'code' || node.type === 'html' || node.type === 'heading') return;
	if (node.type === 'paragraph' || node.type === 'tableCell') {
		const text = textOf(node);
		if (!VERIFY.test(text.trim())) out.push({ text, line: node.position?.start.line ?? 1 });
		return;
	}
	if ('children' in node) for (const child of node.children as Nodes[]) proseBlocks(child, out);
}

/** The section a body line is in: the `## ` section's name, with the fix's title inside "Fixes". */
function sectionAt(outline: BodyOutline, line: number): string {
	const section = [...outline.sections].reverse().find((s) => s.line <= line);
	if (!section) return 'before the first section';
	if (section.text !== 'Fixes') return section.text;
	const fix = [...outline.headings].reverse().find((h) => h.depth === 3 && h.line <= line && h.line > section.line);
	return fix ? `Fixes › ${fix.text}` : 'Fixes';
}

/** The top section's name of a place (`Fixes › x` is in Fixes). */
const topOf = (section: string) => section.split(' › ')[0];

/** Shorten a quoted text for a message. */
function shorten(text: string, max = 90): string {
	const one = text.replace(/\s+/g, ' ').trim();
	return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** The release and commit tokens of a text, in a comparable form (`v0.4.0` is `0.4.0`). */
function tokenSet(text: string): Set<string> {
	return new Set(versionTokens(text).map((t) => (t.kind === 'version' ? t.text.replace(/^v/, '') : t.text)));
}

/** The tokens of `sentence` the table names (a commit matches when one hash starts with the other). */
function tableTokensIn(sentence: string, table: Set<string>): string[] {
	return [...tokenSet(sentence)].filter((t) => [...table].some((u) => u === t || (/[a-f]/.test(t) && t.length >= 7 && (u.startsWith(t) || t.startsWith(u)))));
}

/**
 * Every repeat in an article body: sentences and code blocks said twice, and front-matter content the page
 * already renders said again in the body. `tree` and `outline` are the body's one parse (article-body.ts);
 * lines are body lines.
 */
export function repeatedText(tree: Root, outline: BodyOutline, frontMatter?: RenderedFrontMatter): Repeat[] {
	const repeats: Repeat[] = [];
	const sentences: Sentence[] = [];
	for (const node of tree.children as RootContent[]) {
		const blocks: { text: string; line: number }[] = [];
		proseBlocks(node, blocks);
		for (const block of blocks) {
			const section = sectionAt(outline, block.line);
			for (const text of sentencesOf(block.text)) {
				const key = keyOf(text);
				sentences.push({ section, line: block.line, text, key, words: key.split(' ').filter((w) => /\w/.test(w)).length });
			}
		}
	}

	const seen = new Map<string, Sentence>();
	for (const s of sentences) {
		if (s.words < REPEATED_SENTENCE_WORDS) continue;
		const first = seen.get(s.key);
		if (first) repeats.push({ kind: 'sentence', at: { section: s.section, line: s.line }, text: shorten(s.text), first: { section: first.section, line: first.line } });
		else seen.set(s.key, s);
	}

	const blocks = new Map<string, CodeBlock & { section: string }>();
	for (const block of outline.codeBlocks) {
		const code = block.code.trim();
		if (!code) continue;
		const section = sectionAt(outline, block.line);
		const first = blocks.get(code);
		if (!first) blocks.set(code, { ...block, section });
		else if (first.section !== section) repeats.push({ kind: 'code', at: { section, line: block.line }, text: shorten(code.split('\n')[0], 70), first: { section: first.section, line: first.line } });
	}

	if (!frontMatter) return repeats;
	const rendered = new Map<string, string>();
	const render = (field: string, text: string | null | undefined) => {
		if (!text) return;
		for (const s of sentencesOf(text)) {
			const key = keyOf(s);
			if (key.split(' ').length >= REPEATED_SENTENCE_WORDS && !rendered.has(key)) rendered.set(key, field);
		}
	};
	frontMatter.symptoms.forEach((s, i) => render(`symptoms.${i}`, s));
	frontMatter.versions.forEach((v, i) => {
		render(`versions.${i}.affected`, v.affected);
		render(`versions.${i}.fixed`, v.fixed);
	});
	frontMatter.diagnostics?.forEach((d, i) => render(`diagnostics.${i}.why`, d.why));
	const table = new Set(frontMatter.versions.flatMap((v) => [...tokenSet(v.affected), ...tokenSet(v.fixed ?? '')]));
	for (const s of sentences) {
		const field = s.words >= REPEATED_SENTENCE_WORDS ? rendered.get(s.key) : undefined;
		if (field) {
			repeats.push({ kind: 'front-matter', at: { section: s.section, line: s.line }, text: shorten(s.text), first: { field } });
			continue;
		}
		if (topOf(s.section) !== 'Affected versions') continue;
		const named = tableTokensIn(s.text, table);
		if (named.length >= VERSIONS_TABLE_TOKENS) repeats.push({ kind: 'versions-table', at: { section: s.section, line: s.line }, text: named.join(', '), first: { field: 'versions' } });
	}
	return repeats.sort((a, b) => a.at.line - b.at.line);
}
