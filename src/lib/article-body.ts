/**
 * An article body, read once: one mdast parse (markdown.ts) outlined into its
 * headings, sections, fixes, evidence and code blocks (BodyOutline, kept with
 * the article in the model), and the body template check over that parse:
 * the same sections, in the same order, on every article, with the error
 * lines quoted, every fix verifiable, and nothing that could run in a page.
 */
import type { Nodes, Root } from 'mdast';
import { mdxProblems } from './article-mdx.ts';
import { MdxSyntaxError, parseBody, sectionsOfTree, type BodyFormat } from './markdown.ts';
import { ARTICLE_SECTIONS, SECTION_ANCHORS, type ArticleSection } from './registry.ts';
import { EVIDENCE_PARAGRAPH, isEvidenceLevel, UNRECORDED_LEVELS } from './evidence.ts';
import { messages, type Message } from './messages.ts';
import { NAME_SOURCE } from './addresses.ts';
import { repeatedText, type RenderedFrontMatter } from './repeated-text.ts';

const SECTION_ANCHOR_SET = new Set(Object.values(SECTION_ANCHORS));

/** A heading found in the body, outside code blocks. */
export interface Heading {
	depth: number;
	/** The heading's words as written (code spans keep their backticks), without an explicit anchor. */
	text: string;
	/** The explicit anchor written as `{#anchor}` at the end of the heading, if any. */
	anchor?: string;
	/** 1-based line number in the body. */
	line: number;
}

/** A section: its heading and the lines under it, up to the next heading of the same depth. */
export interface Section extends Heading {
	body: string;
	/** The last line of the section (1-based, in the body the section was split from). */
	endLine: number;
}

/** A fix of an article: its `### ` subsection of "## Fixes", in order (the first is the recommended one). */
export interface Fix {
	title: string;
	anchor: string | undefined;
	/** The evidence level its evidence paragraph states, as written (the body check makes sure it is one of the four). */
	evidence: string | undefined;
	/**
	 * The fenced code blocks under the fix's heading, in order (what the wizard's result step shows), each
	 * with the paragraph just above it in the fix (its `lead`: what the block is for, where it goes), unless
	 * that is the fix's Verify or Evidence paragraph.
	 */
	code: (CodeBlock & { lead?: string })[];
	/** Its `**Verify:**` paragraph: the words after the label, lines joined (Markdown as written), and its 1-based line. */
	verify: { text: string; line: number } | undefined;
	/**
	 * Its instructions, what a wizard result step shows above the Verify paragraph: the top-level blocks under
	 * the fix's heading in order (paragraphs, lists, quotes, tables as their Markdown source; fenced code as a
	 * CodeBlock), up to the first Evidence or Verify paragraph, not including it.
	 */
	steps: FixStep[];
}

/** One block of a fix's instructions: Markdown source (1-based `line` of its first line), or a fenced code block. */
export type FixStep = { kind: 'markdown'; markdown: string; line: number } | ({ kind: 'code' } & CodeBlock);

/** A fenced code block: its language tag (`''` when none), its contents, and the 1-based line of its opening fence. */
export interface CodeBlock {
	lang: string;
	code: string;
	line: number;
}

/**
 * What the site, the model and the checks read from a body, from one mdast
 * parse (markdown.ts): the headings, the `## ` sections, the fixes with their
 * anchors and evidence, the root cause's evidence, the fenced code blocks.
 * The knowledge base keeps it with each article (content.ts), so nothing
 * reads a body twice; the tree itself is not kept (at 10,000 articles it
 * would hold gigabytes).
 */
export interface BodyOutline {
	headings: Heading[];
	/** The `## ` sections, in the order written. */
	sections: Section[];
	fixes: Fix[];
	rootCauseEvidence: string | undefined;
	codeBlocks: CodeBlock[];
}

/** `{#anchor}` at the end of a heading (`\{#anchor}`, escaped, is read the same): its permanent id. */
export const EXPLICIT_ANCHOR = new RegExp(`\\s*\\\\?\\{#(${NAME_SOURCE})\\}\\s*$`);
/**
 * A heading's end that tries to be an anchor and is not one (no `#`, a name not in lower-case words joined
 * by hyphens, spaces inside the braces, no closing brace): `{upgrade-podman}`, `{#Upgrade_Podman}`,
 * `{ #upgrade-podman }`, `{#upgrade-podman`. Group 1 is what was written, group 2 the name inside.
 */
export const MALFORMED_ANCHOR = /\s*(\\?\{\s*#?\s*([^{}\s]*)\s*\}?)\s*$/;

/** The anchor the build suggests for a fix heading: a malformed anchor's name, or the heading's own words (the first four), in lower-case words joined by hyphens. */
export function anchorFor(name: string): string {
	return name
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.split('-')
		.slice(0, 4)
		.join('-');
}

/** An ATX heading's line: its hashes and its words. */
const ATX_HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;

/**
 * Parse a body once and outline it (see BodyOutline). The tree is returned
 * too, for the body check; MDX that does not parse throws MdxSyntaxError.
 */
export function parseArticleBody(body: string, format: BodyFormat = 'md'): ParsedBody {
	const tree = parseBody(body, format);
	const lines = body.split('\n');
	const codeBlocks = fencedCode(tree, lines);
	const headings = headingsIn(tree, lines);
	const codeLines = new Set(codeLinesIn(tree));
	const sections = split(tree, lines, headings, 2);
	const fixesSection = sections.find((s) => s.text === 'Fixes');
	const rootCause = sections.find((s) => s.text === 'Root cause');
	const evidenceIn = (section: Section) => evidenceLines(lines, codeLines, section.line + 1, section.endLine);
	const fixes = fixesSection
		? split(tree, lines, headings, 3, fixesSection).map((f) => ({
				title: f.text,
				anchor: f.anchor,
				evidence: evidenceIn(f)[0],
				code: codeBlocks.filter((c) => c.line > f.line && c.line <= f.endLine).map((c) => ({ ...c, lead: leadParagraph(lines, codeLines, c.line, f.line) })),
				verify: verifyParagraph(lines, codeLines, f.line + 1, f.endLine),
				steps: fixSteps(tree, lines, codeBlocks, f),
			}))
		: [];
	return { tree, lines, codeLines, outline: { headings, sections, fixes, rootCauseEvidence: rootCause ? evidenceIn(rootCause)[0] : undefined, codeBlocks } };
}

/** A body parsed once: its tree, its outline, and its lines with those fenced code covers (for the body check). */
export interface ParsedBody {
	tree: Root;
	outline: BodyOutline;
	lines: string[];
	codeLines: Set<number>;
}

/** The outline of a Markdown body (parsed here; an article's is kept in the model as `article.outline`). */
export function outlineOf(body: string, format: BodyFormat = 'md'): BodyOutline {
	return parseArticleBody(body, format).outline;
}

/** The headings of the body: ATX headings at the top level (not inside a list, quote or component), as written. */
function headingsIn(tree: Root, lines: string[]): Heading[] {
	return tree.children.flatMap((node) => {
		const line = node.position?.start.line;
		const m = node.type === 'heading' && line !== undefined ? ATX_HEADING.exec(lines[line - 1]) : null;
		if (!m || !line) return [];
		const anchored = EXPLICIT_ANCHOR.exec(m[2]);
		return [{ depth: m[1].length, text: (anchored ? m[2].slice(0, anchored.index) : m[2]).trim(), anchor: anchored?.[1], line }];
	});
}

/** Every fenced code block, at any depth (in lists and quotes too), in document order. */
function fencedCode(tree: Root, lines: string[]): CodeBlock[] {
	const blocks: CodeBlock[] = [];
	const visit = (node: Nodes) => {
		const line = node.position?.start.line;
		if (node.type === 'code' && line !== undefined && /^\s*(```|~~~)/.test(lines[line - 1])) blocks.push({ lang: node.lang ?? '', code: node.value, line });
		if ('children' in node) node.children.forEach((child) => visit(child as Nodes));
	};
	visit(tree);
	return blocks;
}

/** The lines (1-based) that fenced code blocks cover, fences included. */
function codeLinesIn(tree: Root): number[] {
	const covered: number[] = [];
	const visit = (node: Nodes) => {
		if (node.type === 'code' && node.position) for (let l = node.position.start.line; l <= node.position.end.line; l++) covered.push(l);
		if ('children' in node) node.children.forEach((child) => visit(child as Nodes));
	};
	visit(tree);
	return covered;
}

/**
 * The sections of one heading depth (markdown.ts's one section walk), within `within` (a section of the
 * depth above) or the whole body, as line ranges: a section ends the line before the next heading of its
 * depth, the last at the end of `within`. Only the headings of the outline (ATX, top level) count.
 */
function split(tree: Root, lines: string[], headings: Heading[], depth: number, within?: Section): Section[] {
	const byLine = new Map(headings.map((h) => [h.line, h]));
	const to = within ? within.endLine : lines.length;
	const inRange = (line: number | undefined) => line !== undefined && line > (within?.line ?? 0) && line <= to;
	const found = sectionsOfTree(tree.children, depth, { counts: (node) => inRange(node.position?.start.line) && byLine.has(node.position!.start.line) });
	return found.map((s, i) => {
		const h = byLine.get(s.heading.position!.start.line)!;
		const endLine = i + 1 < found.length ? found[i + 1].heading.position!.start.line - 1 : to;
		return { ...h, endLine, body: lines.slice(h.line, endLine).join('\n') };
	});
}

/** A paragraph that says how a fix is verified or how sure it is: never a code block's lead. */
const LABELLED_PARAGRAPH = /^\*\*(?:Verify|Evidence):\*\*/;

/**
 * The paragraph that ends just above the fence on line `fence` (blank lines between allowed), below the
 * heading on line `floor`: its lines trimmed and joined with spaces (Markdown as written); undefined when
 * code, a heading or nothing is there, or when it is a Verify or Evidence paragraph.
 */
function leadParagraph(lines: string[], codeLines: Set<number>, fence: number, floor: number): string | undefined {
	let l = fence - 1;
	while (l > floor && !(lines[l - 1] ?? '').trim()) l--;
	const words: string[] = [];
	for (; l > floor && !codeLines.has(l) && (lines[l - 1] ?? '').trim() && !/^\s*#/.test(lines[l - 1]); l--) words.unshift(lines[l - 1].trim());
	const text = words.join(' ');
	return text && !LABELLED_PARAGRAPH.test(text) ? text : undefined;
}

/** The top-level blocks under a fix's heading up to its first Verify or Evidence paragraph (Fix['steps']). */
function fixSteps(tree: Root, lines: string[], codeBlocks: CodeBlock[], fix: Section): FixStep[] {
	const fenced = new Map(codeBlocks.map((c) => [c.line, c]));
	const steps: FixStep[] = [];
	for (const node of tree.children) {
		const start = node.position?.start.line;
		const end = node.position?.end.line;
		if (start === undefined || end === undefined || start <= fix.line || start > fix.endLine) continue;
		if (node.type === 'paragraph' && LABELLED_PARAGRAPH.test((lines[start - 1] ?? '').trim())) break;
		const code = node.type === 'code' ? fenced.get(start) : undefined;
		steps.push(code ? { kind: 'code', ...code } : { kind: 'markdown', markdown: lines.slice(start - 1, end).join('\n'), line: start });
	}
	return steps;
}

/** A paragraph that starts `**Verify:**`. */
const VERIFY_PARAGRAPH = /^\*\*Verify:\*\*\s*/;

/** The first `**Verify:**` paragraph in lines `from`..`to`, outside code blocks: its words after the label (lines joined) and its line. */
function verifyParagraph(lines: string[], codeLines: Set<number>, from: number, to: number): Fix['verify'] {
	for (let l = from; l <= to; l++) {
		if (codeLines.has(l) || !VERIFY_PARAGRAPH.test(lines[l - 1] ?? '')) continue;
		const words: string[] = [];
		for (let k = l; k <= to && !codeLines.has(k) && (lines[k - 1] ?? '').trim(); k++) words.push(lines[k - 1].trim());
		return { text: words.join(' ').replace(VERIFY_PARAGRAPH, ''), line: l };
	}
	return undefined;
}

/** The levels of the `**Evidence:** <level>.` lines in lines `from`..`to`, outside code blocks, as written. */
function evidenceLines(lines: string[], codeLines: Set<number>, from: number, to: number): string[] {
	const levels: string[] = [];
	for (let l = from; l <= to; l++) {
		const m = codeLines.has(l) ? null : EVIDENCE_PARAGRAPH.exec(lines[l - 1] ?? '');
		if (m) levels.push(m[1].trim());
	}
	return levels;
}

/**
 * The levels of the `**Evidence:** <level>.` paragraphs in a piece of
 * Markdown, outside code blocks, as written (not yet checked against the four).
 */
export function evidenceOf(markdown: string): string[] {
	const tree = parseBody(markdown);
	const lines = markdown.split('\n');
	return evidenceLines(lines, new Set(codeLinesIn(tree)), 1, lines.length);
}

/** The fenced code blocks of a piece of Markdown, with their language tags. */
export function fencedBlocksOf(markdown: string): CodeBlock[] {
	return outlineOf(markdown).codeBlocks;
}

/** A problem with the body, tied to a section (the "field" of a body). */
export interface BodyProblem extends Message {
	field: string;
}

/**
 * Check a body against the template. `signatures` are the front matter's
 * verbatim lines; each must be quoted in the Error messages section, which
 * needs a code block unless the failure prints no error (`requireErrorBlock`).
 * `firstLine` is the file line the body starts at (problems name file lines).
 * Every check applies to both formats; an MDX body (`format: 'mdx'`) is also
 * held to what article-mdx.ts allows beyond Markdown.
 */
export function checkBody(body: string, signatures: readonly string[] = [], requireErrorBlock = true, firstLine = 1, format: BodyFormat = 'md'): BodyProblem[] {
	return checkArticleBody(body, { signatures, requireErrorBlock, firstLine, format }).problems;
}

/**
 * checkBody, from one parse of the body, returning the body's outline as
 * well (undefined when MDX does not parse): the model keeps it with the article.
 */
export function checkArticleBody(
	body: string,
	{
		signatures = [],
		requireErrorBlock = true,
		firstLine = 1,
		format = 'md',
		reproduced = false,
		frontMatter,
	}: {
		signatures?: readonly string[];
		requireErrorBlock?: boolean;
		firstLine?: number;
		format?: BodyFormat;
		reproduced?: boolean;
		/** What the page renders from the front matter, for the check that the body does not say it again (repeated-text.ts). */
		frontMatter?: RenderedFrontMatter;
	},
): { outline?: BodyOutline; problems: BodyProblem[] } {
	const problems: BodyProblem[] = [];
	const add = (field: string, m: Message) => problems.push({ field, ...m });
	/** A line of the body as a line of the file (the body starts at `firstLine`). */
	const at = (bodyLine: number) => `line ${bodyLine + firstLine - 1}`;
	let parsed: ParsedBody;
	try {
		parsed = parseArticleBody(body, format);
	} catch (e) {
		if (!(e instanceof MdxSyntaxError)) throw e;
		add(at(e.line), messages.mdxSyntax(e.reason));
		return { problems };
	}
	const { tree, outline, lines, codeLines } = parsed;
	const evidenceIn = (section: Section) => evidenceLines(lines, codeLines, section.line + 1, section.endLine);
	const known = new Set<string>(ARTICLE_SECTIONS);
	const seen = new Map<ArticleSection, Section>();

	for (const section of outline.sections) {
		if (!known.has(section.text)) {
			add(at(section.line), messages.unknownSection(section.text));
			continue;
		}
		const name = section.text as ArticleSection;
		if (seen.has(name)) add(`body › ${name}`, messages.duplicateSection(name));
		else seen.set(name, section);
	}

	ARTICLE_SECTIONS.forEach((name, i) => {
		if (!seen.has(name)) add(`body › ${name}`, messages.missingSection(name, ARTICLE_SECTIONS[i - 1]));
	});

	// Order: each present section must come after every earlier one that is present.
	let last: Section | undefined;
	for (const name of ARTICLE_SECTIONS) {
		const section = seen.get(name);
		if (!section) continue;
		if (last && section.line < last.line) add(`body › ${last.text}`, messages.misorderedSection(last.text, name));
		last = section;
	}

	const errors = seen.get('Error messages');
	if (errors) {
		const quoted = outline.codeBlocks.filter((b) => b.line > errors.line && b.line <= errors.endLine).map((b) => b.code);
		if (quoted.length === 0 && requireErrorBlock) add('body › Error messages', messages.noErrorBlock());
		// A quoted line may carry a log prefix (timestamp, host, PID) before the signature.
		const quotedLines = quoted.flatMap((b) => b.split('\n'));
		for (const line of signatures) {
			if (!quotedLines.some((q) => q.includes(line.trim()))) add('body › Error messages', messages.signatureNotQuoted(line));
		}
	}

	const rootCause = seen.get('Root cause');
	if (rootCause) checkEvidence(evidenceIn(rootCause), 'body › Root cause', messages.rootCauseWithoutEvidence(), add, reproduced);

	const fixes = seen.get('Fixes');
	if (fixes) {
		const subsections = split(tree, lines, outline.headings, 3, fixes);
		if (subsections.length === 0) add('body › Fixes', messages.noFixes());
		const anchors = new Set<string>();
		for (const fix of subsections) {
			const field = `body › Fixes › ${fix.text}`;
			if (!/\*\*Verify:?\*\*/.test(fix.body)) add(field, messages.fixWithoutVerify(fix.text));
			checkEvidence(evidenceIn(fix), field, messages.fixWithoutEvidence(fix.text), add, reproduced);
			const malformed = fix.anchor ? null : MALFORMED_ANCHOR.exec(fix.text);
			if (malformed && malformed.index > 0) {
				const words = fix.text.slice(0, malformed.index).trim();
				add(field, messages.fixMalformedAnchor(fix.text, malformed[1], words, anchorFor(malformed[2]) || anchorFor(words), format));
			} else if (!fix.anchor) add(field, messages.fixWithoutAnchor(fix.text, anchorFor(fix.text), format));
			else if (anchors.has(fix.anchor) || SECTION_ANCHOR_SET.has(fix.anchor)) add(field, messages.duplicateAnchor(fix.anchor));
			else anchors.add(fix.anchor);
		}
	}

	const mdxLines = new Set<number>();
	if (format === 'mdx') {
		for (const p of mdxProblems(tree)) add(p.line === undefined ? 'file' : at(p.line), { message: p.message, fix: p.fix });
	} else {
		// Left over from MDX in a Markdown article: an import, or a component tag, outside code blocks.
		lines.forEach((line, i) => {
			if (codeLines.has(i + 1)) return;
			if (/^import\s.+\sfrom\s['"]/.test(line) || /^<[A-Z]\w*[\s/>]/.test(line.trim())) {
				add(at(i + 1), messages.mdxInMarkdown(line.trim()));
				mdxLines.add(i + 1);
			}
		});
	}
	// Text said twice: in two sections, or in the body and in what the page renders from the front matter.
	for (const r of repeatedText(tree, outline, frontMatter)) {
		const field = `body › ${r.at.section} (${at(r.at.line)})`;
		const first = 'field' in r.first ? r.first.field : `"${r.first.section}" (${at(r.first.line)})`;
		if (r.kind === 'sentence') add(field, messages.repeatedSentence(r.text, first));
		else if (r.kind === 'code') add(field, messages.repeatedCode(r.text, first));
		else if (r.kind === 'front-matter') add(field, messages.repeatsFrontMatter(r.text, first));
		else add(field, messages.restatesVersionsTable(r.text));
	}
	for (const found of unsafeMarkdown(tree)) {
		if (found.kind === 'html' && mdxLines.has(found.line)) continue; // already named as MDX
		add(at(found.line), found.kind === 'html' ? messages.rawHtml(found.text) : messages.unsafeLink(found.text));
	}
	return { outline, problems };
}

/** One evidence paragraph, with one of the four levels, and not a level that needs a record the article does not have (`reproduced`). */
function checkEvidence(levels: string[], field: string, missing: Message, add: (field: string, m: Message) => void, reproduced: boolean): void {
	if (levels.length === 0) return add(field, missing);
	if (levels.length > 1) add(field, messages.duplicateEvidence(levels));
	for (const level of levels) {
		if (!isEvidenceLevel(level)) add(field, messages.unknownEvidence(level));
		else if (UNRECORDED_LEVELS.has(level) && !reproduced) add(field, messages.reproductionNotRecorded(level));
	}
}

/**
 * Link targets an article may use: a path or anchor on the site, or an
 * http(s) or mailto address. Anything else (`javascript:`, `data:`,
 * `vbscript:`, `file:`...) is refused: the first three run code or show
 * content of the author's choosing when clicked.
 */
const SAFE_URL = /^(?:https?:|mailto:|[^:]*$|[^:]*[/?#])/i;

/** True when a link or image target is one an article may carry (see SAFE_URL). */
export function isSafeUrl(url: string): boolean {
	// Browsers drop ASCII white space and control characters inside a scheme ("java\tscript:").
	const cleaned = url.replace(/[\u0000-\u0020\u007f]+/g, '');
	return SAFE_URL.test(cleaned);
}

/** Something in a body that must not reach a page: raw HTML, or a link with an unsafe scheme. */
export interface UnsafeMarkdown {
	kind: 'html' | 'link';
	/** The HTML as written, or the link's target. */
	text: string;
	/** 1-based line in the body. */
	line: number;
}

/**
 * Raw HTML and unsafe link targets in a body, parsed as Astro does
 * (markdown.ts; a string is parsed as Markdown): every `html` node (block or
 * inline, outside code), and every link, image or link definition whose
 * target fails `isSafeUrl`. Character references are decoded by the parser,
 * so `javascript&#58;` is seen as `javascript:`.
 */
export function unsafeMarkdown(body: string | Root): UnsafeMarkdown[] {
	const found: UnsafeMarkdown[] = [];
	const visit = (node: Nodes) => {
		const line = node.position?.start.line ?? 1;
		if (node.type === 'html') found.push({ kind: 'html', text: node.value, line });
		else if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && !isSafeUrl(node.url)) found.push({ kind: 'link', text: node.url, line });
		if ('children' in node) for (const child of node.children) visit(child as Nodes);
	};
	visit(typeof body === 'string' ? parseBody(body) : body);
	return found;
}
