/**
 * The wizard's engine: pure functions over the tree. Given the tree, the
 * answers so far and a new answer, it returns the next state; pages and
 * components only render what it returns.
 */
import { displayPattern } from '../lib/matcher/index.ts';
import { compiledPattern } from '../lib/matcher/pattern.ts';
import { wizardStepPath } from '../lib/addresses.ts';
import type { ErrorCheckNode, WizardNode, WizardTree } from './schema.ts';
import type { ArticleData } from '../lib/article-schema.ts';
import { wizardEngineMessages } from '../lib/messages.ts';

/** A choice offered at a step: what the reader clicks and where it leads. */
export interface Choice {
	label: string;
	next: string;
	/** The label is an error line, to show as code. */
	isLine: boolean;
	wayOut: boolean;
}

/** One answer given: at which step, and which choice. */
export interface Answer {
	node: string;
	choice: number;
}

/** Where the reader is, and the answers that led there. */
export interface WizardState {
	at: string;
	answers: Answer[];
}

export class WizardError extends Error {}

/**
 * The first of an error check's lines whose pattern (typed holes, compiled as the matcher compiles them:
 * compilePattern) one of `texts` meets, as its index in `node.lines`; -1 when none does. The texts are
 * tested as given: normalize them first (normalizeLine), as the matcher does with what it reads.
 */
export function firstLineMet(node: ErrorCheckNode, texts: string | readonly string[]): number {
	const met = linesMeeting(typeof texts === 'string' ? [texts] : texts);
	return node.lines.findIndex((l) => met(l.line).length > 0);
}

/**
 * Which of `texts` an error line meets (its pattern, compiled as the matcher
 * compiles it), by index in ascending order; the texts are tested as given, so
 * normalize them first (normalizeLine). The lookup is built once and keeps each
 * line's answer: the tree check asks it of every line of every step about
 * every article's signature, and a line several steps list is worked out once.
 * A pattern's regular expression is tried only on the texts that hold its
 * longest literal part (every literal part of a pattern stands in a line it
 * matches), so most texts cost one substring search.
 */
export function linesMeeting(texts: readonly string[]): (line: string) => number[] {
	const byLine = new Map<string, number[]>();
	return (line) => {
		let hits = byLine.get(line);
		if (!hits) {
			const { parts, source } = compiledPattern(line);
			const re = new RegExp(source);
			const longest = parts.reduce((a, b) => (b.length > a.length ? b : a), '');
			hits = [];
			texts.forEach((text, i) => {
				if (text.includes(longest) && re.test(text)) hits!.push(i);
			});
			byLine.set(line, hits);
		}
		return hits;
	};
}

/** The choices of a step, in order; "None of these" last on an error check. */
export function choicesOf(node: WizardNode): Choice[] {
	if (node.kind === 'question') return node.answers.map((a) => ({ label: a.label, next: a.next, isLine: false, wayOut: a.wayOut }));
	if (node.kind === 'error-check') {
		return [
			...node.lines.map((l) => ({ label: displayLine(l.line), next: l.next, isLine: true, wayOut: false })),
			{ label: wizardEngineMessages.noneOfThese(), next: node.none, isLine: false, wayOut: true },
		];
	}
	return [];
}

/** A run of a step's choices shown under one heading (`title`), or under none. */
export interface ChoiceGroup {
	title?: string;
	/** The choices, each with its index in choicesOf(node), in order. */
	choices: { choice: Choice; index: number }[];
}

/**
 * A step's choices as its page lists them: an error check with `groups`, its
 * lines under each group's title (groups without lines left out), then "None
 * of these" on its own; any other step, all its choices in one untitled run.
 * The runs keep choicesOf's order, so the n-th choice on the page is choice n.
 */
export function choiceGroupsOf(node: WizardNode): ChoiceGroup[] {
	const all = choicesOf(node).map((choice, index) => ({ choice, index }));
	if (node.kind !== 'error-check' || node.groups.length === 0) return [{ choices: all }];
	const runs: ChoiceGroup[] = [];
	node.lines.forEach((l, i) => {
		const title = l.group === undefined ? undefined : node.groups[l.group]?.title;
		const last = runs.at(-1);
		if (last && last.title === title) last.choices.push(all[i]);
		else runs.push({ title, choices: [all[i]] });
	});
	return [...runs, { choices: all.slice(node.lines.length) }];
}

/** An error line as shown to readers: a pattern's holes become "…". */
export function displayLine(line: string): string {
	return displayPattern(line);
}

/** The steps by id. */
export function nodesById(tree: WizardTree): Map<string, WizardNode> {
	return new Map(tree.nodes.map((n) => [n.id, n]));
}

/** The state at the start. */
export function start(tree: WizardTree): WizardState {
	return { at: tree.start, answers: [] };
}

/** The state after choosing `choice` at the current step. */
export function answer(tree: WizardTree, state: WizardState, choice: number): WizardState {
	const node = nodesById(tree).get(state.at);
	if (!node) throw new WizardError(wizardEngineMessages.noSuchStep(state.at));
	const choices = choicesOf(node);
	if (!Number.isInteger(choice) || choice < 0 || choice >= choices.length) {
		throw new WizardError(wizardEngineMessages.noSuchChoice(state.at, choices.length, choice));
	}
	return { at: choices[choice].next, answers: [...state.answers, { node: state.at, choice }] };
}

/**
 * One step on the way to another: the step, and each of its choices that leads on, in choice order.
 * Several when several of an error check's lines lead to the same next step (two wordings of one
 * error): the page of that next step is the same however it was reached, so which one the reader
 * picked travels in its address (`picksIn`, addresses.ts), never in the page.
 */
export interface TrailStep {
	node: string;
	choices: number[];
}

/** Each step's one way in: the step that leads to it, and every choice there that does. */
export function parentsOf(tree: WizardTree): Map<string, TrailStep> {
	const parents = new Map<string, TrailStep>();
	for (const node of tree.nodes) {
		choicesOf(node).forEach((c, choice) => {
			const known = parents.get(c.next);
			if (known?.node === node.id) known.choices.push(choice);
			else parents.set(c.next, { node: node.id, choices: [choice] });
		});
	}
	return parents;
}

/** The steps and choices that lead from the start to a step (each step has one way in). */
export function trailTo(tree: WizardTree, id: string, parents = parentsOf(tree)): TrailStep[] {
	const trail: TrailStep[] = [];
	const seen = new Set<string>();
	for (let at = id; at !== tree.start; ) {
		const parent = parents.get(at);
		if (!parent || seen.has(at)) throw new WizardError(wizardEngineMessages.stepUnreachable(id, tree.start));
		seen.add(at);
		trail.unshift(parent);
		at = parent.node;
	}
	return trail;
}

/**
 * The picks a link to a choice's next step carries in its address (wizardStepPath): this answer, when
 * another choice of the step leads to the same step (two wordings of one error), so that step's page
 * can echo the reader's own line; none otherwise (the step alone says which answer led there).
 */
export function picksOf(node: WizardNode, choice: number): Answer[] {
	const choices = choicesOf(node);
	return choices.filter((c) => c.next === choices[choice].next).length > 1 ? [{ node: node.id, choice }] : [];
}

/** Every path from the start to a step with no choices (a result or an end), as the states reached. */
export function allPaths(tree: WizardTree): WizardState[] {
	const byId = nodesById(tree);
	const paths: WizardState[] = [];
	const walk = (state: WizardState) => {
		const choices = choicesOf(byId.get(state.at)!);
		if (choices.length === 0) paths.push(state);
		choices.forEach((_, i) => walk(answer(tree, state, i)));
	};
	walk(start(tree));
	return paths;
}

/**
 * What a paste needs from the tree, without the tree: the first result step
 * of each article (in tree order), each step's parent, and the prompt of each
 * question. The site serves it once as WIZARD_JUMPS_PATH (addresses.ts; it
 * grows with the tree, so no page embeds it) and the CLI ships it in its data
 * (src/cli/data.ts); both ask `jumpTarget` and `separatingQuestion` of it.
 */
export interface WizardJumps {
	results: Record<string, string>;
	/**
	 * Article -> the step its lines that other causes print too lead to (an error check's `signaturesOf`
	 * `shared`: the question that tells their causes apart), the first in tree order. A paste whose only
	 * known line is such a line (match.ts `possible`) jumps there (`possibleTarget`).
	 */
	shared: Record<string, string>;
	parents: Record<string, string>;
	/** Step id -> what it asks, for question and error-check steps. */
	prompts: Record<string, string>;
}

export function jumpsOf(tree: WizardTree): WizardJumps {
	const results: Record<string, string> = {};
	const shared: Record<string, string> = {};
	const prompts: Record<string, string> = {};
	for (const n of tree.nodes) {
		if (n.kind === 'result' && !(n.article in results)) results[n.article] = n.id;
		if (n.kind === 'error-check') for (const entry of n.signaturesOf) if (entry.shared && !(entry.article in shared)) shared[entry.article] = entry.shared;
		if (n.kind === 'question' || n.kind === 'error-check') prompts[n.id] = n.prompt;
	}
	const parents: Record<string, string> = {};
	for (const [child, { node }] of parentsOf(tree)) parents[child] = node;
	return { results, shared, parents, prompts };
}

/**
 * Where a match jumps to: one article, its result step; several (an ambiguous
 * match), the deepest step that all their result steps lie under, which is the
 * question that tells them apart. Undefined when an article has no result.
 */
export function jumpTarget(jumps: WizardJumps, articles: readonly string[]): string | undefined {
	const chains: string[][] = [];
	for (const article of articles) {
		const result = jumps.results[article];
		if (!result) return undefined;
		const chain = [result];
		for (let p = jumps.parents[result]; p; p = jumps.parents[p]) chain.unshift(p);
		chains.push(chain);
	}
	let common: string | undefined;
	for (let i = 0; chains.length > 0 && chains.every((c) => i < c.length && c[i] === chains[0][i]); i++) common = chains[0][i];
	return common;
}

/**
 * Where a paste whose only known line is one other causes print too jumps to (match.ts `possible`, best
 * first): the step that line leads to in the wizard (`WizardJumps.shared`), which asks what tells its
 * causes apart. Undefined when the article's lines lead to no such step: the paste box then stays and shows
 * the possible cause.
 */
export function possibleTarget(jumps: WizardJumps, article: string): string | undefined {
	return jumps.shared[article];
}

/** The question that tells several causes apart: its step, what it asks, and the step's page (wizardStepPath). */
export interface SeparatingQuestion {
	step: string;
	prompt: string;
	path: string;
}

/**
 * For several articles that explain the same line: the deepest question
 * whose answers lead to every one of them (`jumpTarget`), with its prompt
 * and page. The one function behind the site's paste box, the CLI and the
 * issue bot, so all three ask the same question. Undefined when an article
 * has no result step, or the only common step is a result.
 */
export function separatingQuestion(jumps: WizardJumps, articles: readonly string[]): SeparatingQuestion | undefined {
	const step = jumpTarget(jumps, articles);
	const prompt = step === undefined ? undefined : jumps.prompts[step];
	return step === undefined || prompt === undefined ? undefined : { step, prompt, path: wizardStepPath(step) };
}

/** A check that would prove a result wrong: the command, the output that rules the article out, and why. */
export interface Disproof {
	command: string;
	output: string;
	why: string;
}

/**
 * What would prove a result step wrong (issue 18): of `diagnostics`, the
 * `diagnostics` of the step's article, those that mean `rules-out`, in the
 * article's order, so that a reader who took a wrong turn can tell. Empty for
 * any other step, and for an article that records no such output (its "How
 * to confirm" section is then the check). Step pages render these; the data
 * is the article's own.
 */
export function disproofsOf(node: WizardNode, diagnostics: ArticleData['diagnostics'] = []): Disproof[] {
	if (node.kind !== 'result') return [];
	return diagnostics.filter((d) => d.means === 'rules-out').map(({ command, output, why }) => ({ command, output, why }));
}
