/**
 * The body template check: the same sections, in the same order, on every
 * article, with the error lines quoted and every fix verifiable.
 */
import type { Nodes, Root } from 'mdast';
import { mdxProblems } from './article-mdx.ts';
import { MdxSyntaxError, parseBody, type BodyFormat } from './markdown.ts';
import { ARTICLE_SECTIONS, SECTION_ANCHORS, type ArticleSection } from './registry.ts';
import { EVIDENCE_PARAGRAPH, isEvidenceLevel, UNRECORDED_LEVELS } from './evidence.ts';
import { messages, type Message } from './messages.ts';

const SECTION_ANCHOR_SET = new Set(Object.values(SECTION_ANCHORS));

/** A heading found in the body, outside code blocks. */
export interface Heading {
	depth: number;
	/** The heading's words, without an explicit anchor. */
	text: string;
	/** The explicit anchor written as `{#anchor}` at the end of the heading, if any. */
	anchor?: string;
	/** 1-based line number in the body. */
	line: number;
}

/** A `## ` section: its heading and the lines under it. */
export interface Section extends Heading {
	body: string;
}

const FENCE = /^\s*(```|~~~)/;
/** `{#anchor}` at the end of a heading (`\{#anchor}`, escaped, is read the same): its permanent id. */
export const EXPLICIT_ANCHOR = /\s*\\?\{#([a-z0-9]+(?:-[a-z0-9]+)*)\}\s*$/;

/**
 * The fixes of an article body, in order (the first is the recommended one),
 * with their anchors and the evidence level each states (as written; the body
 * check makes sure it is one of the four).
 */
export function fixesOf(body: string): { title: string; anchor: string | undefined; evidence: string | undefined }[] {
	const fixes = sectionsOf(body).find((s) => s.text === 'Fixes');
	return fixes ? sectionsOf(fixes.body, 3).map((f) => ({ title: f.text, anchor: f.anchor, evidence: evidenceOf(f.body)[0] })) : [];
}

/** The evidence level the `## Root cause` section states for the root cause as a whole (as written), if any. */
export function rootCauseEvidenceOf(body: string): string | undefined {
	const section = sectionsOf(body).find((s) => s.text === 'Root cause');
	return section ? evidenceOf(section.body)[0] : undefined;
}

/**
 * The levels of the `**Evidence:** <level>.` paragraphs in a piece of
 * Markdown, outside code blocks, as written (not yet checked against the four).
 */
export function evidenceOf(markdown: string): string[] {
	const levels: string[] = [];
	outsideCode(markdown, (line) => {
		const m = EVIDENCE_PARAGRAPH.exec(line);
		if (m) levels.push(m[1].trim());
	});
	return levels;
}

/** Call `visit` with each line of Markdown that is not inside a fenced code block, and its 1-based number. */
function outsideCode(markdown: string, visit: (line: string, number: number) => void): void {
	let fence: string | undefined;
	markdown.split('\n').forEach((line, i) => {
		const opener = FENCE.exec(line)?.[1];
		if (opener && (!fence || opener === fence)) fence = fence ? undefined : opener;
		else if (!fence) visit(line, i + 1);
	});
}

/** The headings of a Markdown body, skipping fenced code. */
export function headingsOf(body: string): Heading[] {
	const headings: Heading[] = [];
	let fence: string | null = null;
	body.split('\n').forEach((text, i) => {
		const opener = FENCE.exec(text)?.[1];
		if (opener) {
			fence = fence === null ? opener : fence === opener ? null : fence;
			return;
		}
		if (fence !== null) return;
		const m = /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(text);
		if (!m) return;
		const anchored = EXPLICIT_ANCHOR.exec(m[2]);
		headings.push({ depth: m[1].length, text: (anchored ? m[2].slice(0, anchored.index) : m[2]).trim(), anchor: anchored?.[1], line: i + 1 });
	});
	return headings;
}

/** Split Markdown at its headings of one depth (`## ` sections by default). */
export function sectionsOf(markdown: string, depth = 2): Section[] {
	const lines = markdown.split('\n');
	const hs = headingsOf(markdown).filter((h) => h.depth === depth);
	return hs.map((h, i) => ({
		...h,
		body: lines.slice(h.line, i + 1 < hs.length ? hs[i + 1].line - 1 : lines.length).join('\n'),
	}));
}

/** A fenced code block: its language tag (`''` when none), its contents, and the 1-based line of its opening fence. */
export interface CodeBlock {
	lang: string;
	code: string;
	line: number;
}

/** The fenced code blocks of a piece of Markdown, with their language tags. */
export function fencedBlocksOf(markdown: string): CodeBlock[] {
	const blocks: CodeBlock[] = [];
	let current: { lang: string; line: number; lines: string[] } | null = null;
	let fence = '';
	markdown.split('\n').forEach((line, i) => {
		const opener = FENCE.exec(line)?.[1];
		if (current === null && opener) {
			current = { lang: line.trim().slice(opener.length).trim().split(/\s+/)[0] ?? '', line: i + 1, lines: [] };
			fence = opener;
		} else if (current !== null && opener === fence && line.trim() === fence) {
			blocks.push({ lang: current.lang, code: current.lines.join('\n'), line: current.line });
			current = null;
		} else if (current !== null) {
			current.lines.push(line);
		}
	});
	return blocks;
}

/** The contents of the fenced code blocks in a piece of Markdown. */
export function codeBlocksOf(markdown: string): string[] {
	return fencedBlocksOf(markdown).map((b) => b.code);
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
	const problems: BodyProblem[] = [];
	const add = (field: string, m: Message) => problems.push({ field, ...m });
	/** A line of the body as a line of the file (the body starts at `firstLine`). */
	const at = (bodyLine: number) => `line ${bodyLine + firstLine - 1}`;
	const sections = sectionsOf(body);
	const known = new Set<string>(ARTICLE_SECTIONS);
	const seen = new Map<ArticleSection, Section>();

	for (const section of sections) {
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
		const quoted = codeBlocksOf(errors.body);
		if (quoted.length === 0 && requireErrorBlock) add('body › Error messages', messages.noErrorBlock());
		// A quoted line may carry a log prefix (timestamp, host, PID) before the signature.
		const quotedLines = quoted.flatMap((b) => b.split('\n'));
		for (const line of signatures) {
			if (!quotedLines.some((q) => q.includes(line.trim()))) add('body › Error messages', messages.signatureNotQuoted(line));
		}
	}

	const rootCause = seen.get('Root cause');
	if (rootCause) checkEvidence(evidenceOf(rootCause.body), 'body › Root cause', messages.rootCauseWithoutEvidence(), add);

	const fixes = seen.get('Fixes');
	if (fixes) {
		const subsections = sectionsOf(fixes.body, 3);
		if (subsections.length === 0) add('body › Fixes', messages.noFixes());
		const anchors = new Set<string>();
		for (const fix of subsections) {
			const field = `body › Fixes › ${fix.text}`;
			if (!/\*\*Verify:?\*\*/.test(fix.body)) add(field, messages.fixWithoutVerify(fix.text));
			checkEvidence(evidenceOf(fix.body), field, messages.fixWithoutEvidence(fix.text), add);
			if (!fix.anchor) add(field, messages.fixWithoutAnchor(fix.text));
			else if (anchors.has(fix.anchor) || SECTION_ANCHOR_SET.has(fix.anchor)) add(field, messages.duplicateAnchor(fix.anchor));
			else anchors.add(fix.anchor);
		}
	}

	let tree: Root;
	try {
		tree = parseBody(body, format);
	} catch (e) {
		if (!(e instanceof MdxSyntaxError)) throw e;
		add(at(e.line), messages.mdxSyntax(e.reason));
		return problems;
	}
	const mdxLines = new Set<number>();
	if (format === 'mdx') {
		for (const p of mdxProblems(tree)) add(p.line === undefined ? 'file' : at(p.line), p);
	} else {
		// Left over from MDX in a Markdown article: an import, or a component tag, outside code blocks.
		outsideCode(body, (line, n) => {
			if (/^import\s.+\sfrom\s['"]/.test(line) || /^<[A-Z]\w*[\s/>]/.test(line.trim())) {
				add(at(n), messages.mdxInMarkdown(line.trim()));
				mdxLines.add(n);
			}
		});
	}
	for (const found of unsafeMarkdown(tree)) {
		if (found.kind === 'html' && mdxLines.has(found.line)) continue; // already named as MDX
		add(at(found.line), found.kind === 'html' ? messages.rawHtml(found.text) : messages.unsafeLink(found.text));
	}
	return problems;
}

/** One evidence paragraph, with one of the four levels, and not a level that needs a record the project does not keep. */
function checkEvidence(levels: string[], field: string, missing: Message, add: (field: string, m: Message) => void): void {
	if (levels.length === 0) return add(field, missing);
	if (levels.length > 1) add(field, messages.duplicateEvidence(levels));
	for (const level of levels) {
		if (!isEvidenceLevel(level)) add(field, messages.unknownEvidence(level));
		else if (UNRECORDED_LEVELS.has(level)) add(field, messages.reproductionNotRecorded(level));
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
