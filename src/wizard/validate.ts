/**
 * Checking the wizard tree against the articles: failing the build, with the
 * file and the step named, on anything that would strand a reader.
 */
import type { ArticleData } from '../lib/article-schema.ts';
import type { ContentProblem } from '../lib/content.ts';
import { wizardMessages as m } from '../lib/messages.ts';
import { schemaProblems } from '../lib/schema-problems.ts';
import { choicesOf, linesMeeting } from './engine.ts';
import { normalizeLine } from '../lib/matcher/normalize.ts';
import { compilePattern, escapeRegExp } from '../lib/matcher/pattern.ts';
import { inlineCode } from '../lib/inline-code.ts';
import { treeSchema, type WizardNode, type WizardTree } from './schema.ts';

import { TREE_FILE } from '../lib/content-inputs.ts';

/** Where the tree lives, relative to the project root (the content inputs are listed in one place, content-inputs.ts). */
export { TREE_FILE };
/** Ids taken by the wizard's own pages. */
const RESERVED = new Set(['map', 'index']);

/** The fixes an article offers: anchors, the first recommended. */
export type FixAnchors = Map<string, string[]>;

/**
 * The tree with each error check's `signaturesOf` spelled out: after its own
 * `lines`, every signature of each named article (the pattern, or the line
 * where it has none), the decisive ones leading to that entry's `next` and
 * the `decisive: false` ones to its `shared` step (left out without one),
 * skipping a line already offered. An unknown article adds nothing here;
 * validateTree names it. Pure: returns a new tree.
 */
export function expandSignatures(tree: WizardTree, articles: readonly ArticleData[]): WizardTree {
	const byId = new Map(articles.map((a) => [a.id, a]));
	const nodes = tree.nodes.map((node) => {
		if (node.kind !== 'error-check' || (node.signaturesOf.length === 0 && node.groups.length === 0)) return node;
		const lines = [...node.lines];
		const offered = new Set(lines.map((l) => l.line));
		for (const { article, next, shared } of node.signaturesOf) {
			const signatures = byId.get(article)?.signatures ?? [];
			// Decisive lines first: a reader who has both kinds takes the first listed line that fits.
			for (const sig of [...signatures.filter((s) => s.decisive !== false), ...signatures.filter((s) => s.decisive === false)]) {
				const line = sig.pattern ?? sig.line;
				const to = sig.decisive === false ? shared : next;
				if (to === undefined || offered.has(line)) continue;
				offered.add(line);
				lines.push({ line, next: to });
			}
		}
		if (node.groups.length === 0) return { ...node, lines: orderByExclusions(lines, tree, byId) };
		// Grouped: each line under the first group whose words it shows, the groups in order, and within each
		// group the order the exclusions ask for (validateTree names a pair that the groups put the wrong way round).
		const groupOf = groupsOf(node.groups, articles);
		const grouped = lines.map((l) => ({ ...l, group: groupOf(l.line) }));
		// A line that fits no group (there is no group without words) comes last; validateTree names it.
		const order = [...node.groups.keys(), -1];
		return { ...node, lines: order.flatMap((g) => orderByExclusions(grouped.filter((l) => l.group === g), tree, byId)) };
	});
	return { ...tree, nodes };
}

/**
 * The group a listed line goes under (schema.ts, `groups`): the index of the
 * first group one of whose words starts a word (case aside) of the line; for a
 * line that shows no group's words, of its verbatim example (an article's
 * signature `line` whose `pattern` it is: a hole such as `{*}` may stand where
 * the reader's line names the word, as `cannot find …: exec: …` does for
 * newuidmap), the example's path words counting only then; else the first
 * group without words; -1 when there is none.
 */
export function groupsOf(groups: readonly { words: readonly string[] }[], articles: readonly ArticleData[]): (line: string) => number {
	const examples = new Map<string, string[]>();
	for (const sig of articles.flatMap((a) => a.signatures)) if (sig.pattern) examples.set(sig.pattern, [...(examples.get(sig.pattern) ?? []), sig.line]);
	const res = groups.map((g) => (g.words.length ? new RegExp(`(?<![\\p{L}\\p{N}_])(?:${g.words.map(escapeRegExp).join('|')})`, 'iu') : undefined));
	const rest = res.findIndex((re) => re === undefined);
	const first = (text: string) => res.findIndex((re) => re !== undefined && re.test(text));
	return (line) => {
		for (const text of [line, ...(examples.get(line) ?? [])]) {
			const g = first(text);
			if (g >= 0) return g;
		}
		return rest;
	};
}

/**
 * The lines of one error check, each moved after every line whose text its
 * own article rules out (`excludeWhen`): a reader who has both lines takes
 * the first listed, so the line that names the other cause must come first
 * (quadlet-nix#3: newuidmap not found on PATH, then found without setuid).
 * Stable otherwise; two articles that rule each other out keep their order.
 */
function orderByExclusions<L extends { line: string; next: string }>(lines: readonly L[], tree: WizardTree, articles: ReadonlyMap<string, ArticleData>): L[] {
	const before = mustFollow(lines, tree, articles);
	const placed = new Set<number>();
	const out: L[] = [];
	while (out.length < lines.length) {
		const free = lines.findIndex((_, i) => !placed.has(i) && before[i].every((j) => placed.has(j)));
		const i = free >= 0 ? free : lines.findIndex((_, k) => !placed.has(k));
		placed.add(i);
		out.push(lines[i]);
	}
	return out;
}

/**
 * For each of an error check's lines, the indexes of the lines that must be
 * listed before it: those whose text its own article rules out (`excludeWhen`),
 * unless their article rules this line out in turn (orderByExclusions).
 */
function mustFollow(lines: readonly { line: string; next: string }[], tree: WizardTree, articles: ReadonlyMap<string, ArticleData>): number[][] {
	const steps = new Map(tree.nodes.map((n) => [n.id, n]));
	const articleOf = (next: string) => {
		const to = steps.get(next);
		return to?.kind === 'result' ? articles.get(to.article) : undefined;
	};
	const rulesOut = (a: ArticleData | undefined, line: string) => (a?.excludeWhen ?? []).some((e) => line.toLowerCase().includes(e.text.toLowerCase()));
	const owners = lines.map((l) => articleOf(l.next));
	// before[i]: the lines that must come before line i.
	return lines.map((l, i) =>
		lines.flatMap((other, j) => (j !== i && owners[j] && owners[i] && owners[j] !== owners[i] && rulesOut(owners[i], other.line) && !rulesOut(owners[j], l.line) ? [j] : [])),
	);
}

/**
 * Parse the tree's raw data; problems name the step, and their line in the
 * file when `lineOf` tells it (yamlLines over the file's text).
 */
export function parseTree(raw: unknown, file = TREE_FILE, lineOf?: (path: readonly PropertyKey[]) => number | undefined): { tree?: WizardTree; problems: ContentProblem[] } {
	const parsed = treeSchema.safeParse(raw);
	if (parsed.success) return { tree: parsed.data, problems: [] };
	return {
		problems: schemaProblems(parsed.error.issues, raw, {
			file,
			root: 'tree',
			fieldOf: stepField,
			fix: (_path, union) => (union ? m.schemaKindFix : m.schemaFieldFix),
			unknownFieldFix: m.schemaUnknownFieldFix,
			lineOf,
		}),
	};
}

/** Check a parsed tree against the articles (and their fix anchors). */
export function validateTree(tree: WizardTree, articles: readonly ArticleData[], fixes: FixAnchors, file = TREE_FILE): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const add = (field: string, msg: { message: string; fix: string }) => problems.push({ file, field, ...msg });
	const byId = new Map<string, WizardNode>();

	for (const node of tree.nodes) {
		if (byId.has(node.id)) add(`step "${node.id}"`, m.duplicateNode(node.id));
		else byId.set(node.id, node);
		if (RESERVED.has(node.id)) add(`step "${node.id}"`, m.reservedId(node.id));
	}
	if (!byId.has(tree.start)) add('start', m.missingStart(tree.start));

	// Links: every choice leads to a step, and every step has one way in.
	const wayIn = new Map<string, string>();
	for (const node of tree.nodes) {
		choicesOf(node).forEach((choice, i) => {
			const field = `step "${node.id}" › ${fieldOfChoice(node, i)}`;
			if (!byId.has(choice.next)) return add(field, m.danglingNext(choice.next));
			if (choice.next === tree.start) return add(field, m.startHasWayIn(tree.start, node.id));
			const first = wayIn.get(choice.next);
			if (first && first !== node.id) add(field, m.twoWaysIn(choice.next, first, node.id));
			else if (!first) wayIn.set(choice.next, node.id);
		});
	}

	// Cycles and reachability, walking from the start.
	const reached = new Set<string>();
	const onPath: string[] = [];
	const walk = (id: string) => {
		const at = onPath.indexOf(id);
		if (at >= 0) return add(`step "${id}"`, m.cycle([...onPath.slice(at), id]));
		if (reached.has(id) || !byId.has(id)) return;
		reached.add(id);
		onPath.push(id);
		for (const c of choicesOf(byId.get(id)!)) walk(c.next);
		onPath.pop();
	};
	if (byId.has(tree.start)) walk(tree.start);
	for (const id of byId.keys()) if (!reached.has(id) && byId.has(tree.start)) add(`step "${id}"`, m.unreachable(id));

	// Content: results and suggestions name real articles; error lines are real signatures; questions have a way out.
	const articleById = new Map(articles.map((a) => [a.id, a]));
	// A listed line is an article's error line, or the output of one of its diagnostics that holds: a symptom with
	// no error line is told by what the step's command prints (crun's `rundir:` from `crun --version`, crun#1238).
	const errorLines = new Set(articles.flatMap((a) => a.signatures.flatMap((s) => [s.line, ...(s.pattern ? [s.pattern] : [])])));
	const diagnosticCommands = new Map<string, string[]>();
	for (const d of articles.flatMap((a) => a.diagnostics)) {
		if (d.means !== 'holds') continue;
		for (const text of [d.output, ...(d.pattern ? [d.pattern] : [])]) diagnosticCommands.set(text, [...(diagnosticCommands.get(text) ?? []), d.command]);
	}
	const checkArticle = (field: string, slug: string) => {
		const article = articleById.get(slug);
		if (!article) add(field, m.unknownArticle(slug));
		else if (article.status === 'retired') add(field, m.retiredArticle(slug, article.replacedBy ?? '?'));
		return article;
	};
	for (const node of tree.nodes) {
		const field = `step "${node.id}"`;
		if (node.kind === 'result') {
			const article = checkArticle(`${field} › article`, node.article);
			const known = fixes.get(node.article) ?? [];
			if (article && node.fix && !known.includes(node.fix)) add(`${field} › fix`, m.unknownFix(node.fix, node.article, known));
		}
		if (node.kind === 'end') node.suggest.forEach((slug, i) => checkArticle(`${field} › suggest.${i}`, slug));
		if (node.kind === 'error-check') {
			node.lines.forEach((l, i) => {
				if (errorLines.has(l.line)) return;
				const commands = diagnosticCommands.get(l.line);
				if (!commands) return add(`${field} › lines.${i}.line`, m.notASignature(l.line));
				// A diagnostic's output is only there for a reader who ran its command: the step's command must hold it.
				if (!commands.some((c) => node.command?.includes(c))) add(`${field} › lines.${i}.line`, m.diagnosticNotRun(l.line, commands[0]));
			});
			node.signaturesOf.forEach(({ article }, i) => articleById.get(article)?.status === 'active' || add(`${field} › signaturesOf.${i}.article`, m.signaturesOfWhat(article)));
		}
		if (node.kind === 'question' && !node.answers.some((a) => a.wayOut)) add(`${field} › answers`, m.noWayOut(node.id));
		for (const [name, text] of textsOf(node)) {
			const { unclosed, misPaired } = inlineCode(text);
			for (const at of unclosed) add(`${field} › ${name}`, m.unclosedCode(text, at));
			if (misPaired.length) add(`${field} › ${name}`, m.misPairedCode(text, misPaired[0]));
		}
	}

	// Grouped lines: every line under a group, no empty heading, the group without words last, and no line
	// listed (in a later group) after a line its article rules out, which a reader with both would take.
	const articleMap = new Map(articles.map((a) => [a.id, a]));
	for (const node of tree.nodes) {
		if (node.kind !== 'error-check' || node.groups.length === 0) continue;
		const field = `step "${node.id}" › groups`;
		node.groups.forEach((g, i) => {
			if (g.words.length === 0 && i < node.groups.length - 1) add(`${field}.${i}`, m.groupWithoutWordsNotLast(g.title));
			// The group without words may stay empty (the page leaves it out): it is there for lines added later.
			if (g.words.length > 0 && !node.lines.some((l) => l.group === i)) add(`${field}.${i}`, m.emptyGroup(g.title));
		});
		for (const l of node.lines) if (l.group === undefined || l.group < 0) add(field, m.lineInNoGroup(l.line));
		const before = mustFollow(node.lines, tree, articleMap);
		node.lines.forEach((l, i) => before[i].forEach((j) => j > i && add(field, m.groupsReverseExclusion(l.line, node.lines[j].line))));
	}

	// Every question routes: its answers lead to at least two places (a result counts as its article and fix).
	const place = (id: string) => {
		const to = byId.get(id);
		if (to?.kind !== 'result') return `step "${id}"`;
		return `${to.article}#${to.fix ?? fixes.get(to.article)?.[0] ?? ''}`;
	};
	for (const node of tree.nodes) {
		const places = new Set(choicesOf(node).map((c) => place(c.next)));
		if (places.size === 1) add(`step "${node.id}"`, m.doesNotRoute(node.id, [...places][0]));
	}

	// A line that is another article's error line too must not lead straight to a result: a reader who has
	// that article's line takes the first listed line that fits it, so it must reach a separating question.
	const examples = articles.filter((a) => a.status === 'active').flatMap((a) => a.signatures.map((s) => ({ owner: a.id, line: s.line, text: normalizeLine(s.line) })));
	const met = linesMeeting(examples.map((ex) => ex.text));
	for (const node of tree.nodes) {
		if (node.kind !== 'error-check') continue;
		// Each signature's first listed line that meets it, in the step's order; reported in the signatures' order.
		const taken: [number, { message: string; fix: string }][] = [];
		const seen = new Set<number>();
		for (const first of node.lines) {
			const to = byId.get(first.next);
			for (const e of met(first.line)) {
				if (seen.has(e)) continue;
				seen.add(e);
				const ex = examples[e];
				if (to?.kind === 'result' && to.article !== ex.owner && articleById.has(to.article)) taken.push([e, m.lineTakenByOther(ex.line, ex.owner, first.line, to.article)]);
			}
		}
		for (const [, msg] of taken.sort((a, b) => a[0] - b[0])) add(`step "${node.id}"`, msg);
	}

	// Every release's wording: each signature of an article named in signaturesOf is met by a line the step
	// offers (its own, or one spelled out from the data), so a reader with an older or newer wording finds it.
	for (const node of tree.nodes) {
		if (node.kind !== 'error-check') continue;
		const compiled = node.lines.map((l) => compilePattern(l.line));
		node.signaturesOf.forEach(({ article }, i) => {
			for (const sig of articleById.get(article)?.signatures ?? []) {
				const text = normalizeLine(sig.line);
				if (!compiled.some((re) => re.test(text))) add(`step "${node.id}" › signaturesOf.${i}`, m.signatureNotOffered(article, sig.line, sig.decisive === false));
			}
		});
	}

	// Every active article is reachable through at least one result.
	const named = new Set(tree.nodes.flatMap((n) => (n.kind === 'result' && reached.has(n.id) ? [n.article] : [])));
	for (const a of articles) if (a.status === 'active' && !named.has(a.id)) add(`article "${a.id}"`, m.articleNotReachable(a.id));
	return problems;
}

/** The texts of a step that render with code spans (InlineText.astro), by field; error lines are code whole and are not among them. */
function textsOf(node: WizardNode): [string, string][] {
	const texts: [string, string | undefined][] = [];
	if (node.kind === 'question') texts.push(['prompt', node.prompt], ['help', node.help], ['lookFor', node.lookFor], ...node.answers.map((a, i): [string, string] => [`answers.${i}.label`, a.label]));
	if (node.kind === 'error-check') texts.push(['prompt', node.prompt], ['help', node.help], ...node.groups.map((g, i): [string, string] => [`groups.${i}.title`, g.title]));
	if (node.kind === 'result') texts.push(['note', node.note]);
	if (node.kind === 'end') texts.push(['title', node.title], ['text', node.text]);
	return texts.filter((t): t is [string, string] => t[1] !== undefined);
}

function fieldOfChoice(node: WizardNode, i: number): string {
	if (node.kind === 'question') return `answers.${i}.next`;
	if (node.kind === 'error-check') return i < node.lines.length ? `lines.${i}.next` : 'none';
	return 'next';
}

/** A path in the tree as a step: `step "id" › field` (or `step #N` when the step has no id yet), and the field's own name. */
function stepField(path: readonly PropertyKey[], raw: unknown): { field: string; name: string } {
	const [top, index, ...rest] = path;
	const dotted = path.map(String).join('.') || 'tree';
	if (top !== 'nodes' || typeof index !== 'number') return { field: dotted, name: dotted };
	const id = (raw as { nodes?: { id?: unknown }[] })?.nodes?.[index]?.id;
	const step = `step ${typeof id === 'string' ? `"${id}"` : `#${index + 1}`}`;
	return { field: rest.length ? `${step} › ${rest.join('.')}` : step, name: rest.length ? rest.join('.') : step };
}
