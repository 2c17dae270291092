/**
 * The wizard tree's schema: a discriminated union of step kinds. The tree
 * lives in src/content/wizard/tree.yaml.
 */
import { z } from 'zod';
import { NAME_SOURCE } from '../lib/addresses.ts';

const nodeId = z.string().regex(new RegExp(`^${NAME_SOURCE}$`), 'must be lower-case words joined by hyphens');

/** One answer of a question. */
export const answerSchema = z
	.object({
		/** What the reader clicks. */
		label: z.string().min(1),
		/** The step it leads to. */
		next: nodeId,
		/** True for the "I'm not sure" or "None of these" answer every question must offer. */
		wayOut: z.boolean().default(false),
	})
	.strict();

/**
 * A step kind's schema: the fields every step has (its permanent `id`, whose
 * page is wizardStepPath(id) in addresses.ts, and its `kind`), then the
 * kind's own `fields`; any other field is refused.
 */
function stepSchema<K extends string, F extends z.ZodRawShape>(kind: K, fields: F) {
	return z.object({ id: nodeId, kind: z.literal(kind), ...fields }).strict();
}

/** Fields of a step that asks the reader something: a question and an error check. */
const asked = {
	/** The question, one sentence. */
	prompt: z.string().min(5),
	/** Why it is asked, or how to answer it. */
	help: z.string().optional(),
	/** The command whose output answers it (an error check's: prints its lines). */
	command: z.string().optional(),
};

/** A question, answered by a choice, often with the command that answers it. */
export const questionSchema = stepSchema('question', {
	...asked,
	/** What to look for in that output. */
	lookFor: z.string().optional(),
	answers: z.array(answerSchema).min(2),
});

/** "Do you see one of these lines?": real error lines, each leading on, and a way out. */
export const errorCheckSchema = stepSchema('error-check', {
	...asked,
	/**
	 * Each line is an article's signature (its line or its pattern), or the
	 * output (or pattern) of one of its `means: holds` diagnostics for a
	 * failure without an error line, which the step's `command` must print;
	 * verbatim. Listed first, so a line that needs a separating question leads to it.
	 */
	lines: z
		.array(
			z
				.object({
					line: z.string().min(5),
					next: nodeId,
					/**
					 * The index in `groups` of the group the line is listed under: set by
					 * expandSignatures from the groups' words (validate.ts), never by hand.
					 */
					group: z.number().int().nonnegative().optional(),
				})
				.strict(),
		)
		.default([]),
	/**
	 * For a step with many lines: headings that group them by words a reader
	 * sees in their own line, in order. A line goes under the first group one
	 * of whose `words` starts a word of the line (for a pattern that shows
	 * none, of the article's verbatim example of it), case aside; a last group without
	 * words takes every other line. The page shows each group under its
	 * title, linked from a list of the titles; the lines keep their order
	 * within a group. Without groups the lines form one list.
	 */
	groups: z
		.array(
			z
				.object({
					/** The heading: what its lines are about, naming the words that put a line there. */
					title: z.string().min(5),
					/** Words or phrases, each matched at the start of a word (`cgroup` meets `cgroups` and `/sys/fs/cgroup`); none for the last group. */
					words: z.array(z.string().min(2)).default([]),
				})
				.strict(),
		)
		.default([]),
	/**
	 * Articles whose every decisive signature (its pattern, or its line
	 * where it has none) is offered after `lines`, each leading to `next`:
	 * every release's wording, read from the articles' front matter when the
	 * tree loads (expandSignatures in validate.ts), never copied here. A
	 * signature with `decisive: false` leads to the entry's `shared` step;
	 * validation refuses a step that leaves any of the article's signatures
	 * unoffered (issue 18: every release's wording).
	 */
	signaturesOf: z
		.array(
			z
				.object({
					article: z.string().min(1),
					/** Where the article's decisive signatures lead (its result step). */
					next: nodeId,
					/**
					 * Where its `decisive: false` signatures lead: a question that tells
					 * their causes apart, or a result whose note says what else prints
					 * them. Without it they are left out, and validation asks for it
					 * when one of them is not offered by another line of the step.
					 */
					shared: nodeId.optional(),
				})
				.strict(),
		)
		.default([]),
	/** Where "None of these" leads. */
	none: nodeId,
});

/** The root cause found: names the article, and optionally which of its fixes fits this path. */
export const resultSchema = stepSchema('result', {
	/** The article's slug. */
	article: z.string().min(1),
	/** The anchor of the fix to recommend on this path; the article's first fix by default. */
	fix: z.string().optional(),
	/** A sentence about this path, shown above the root cause. */
	note: z.string().optional(),
	/**
	 * The cause as it shows on this path, when the article's title names a symptom that a reader
	 * reaching it this way does not have (an error line, for a reader who answered that there is
	 * none): the page's heading reads `Root cause: <cause>` instead of the article's title. Plain text.
	 */
	cause: z.string().min(10).optional(),
});

/** An end without a known article: offers search, articles that may apply, and reporting the problem. */
export const endSchema = stepSchema('end', {
	title: z.string().min(3),
	text: z.string().min(10),
	/** Articles that may still apply. */
	suggest: z.array(z.string()).default([]),
});

export const nodeSchema = z.discriminatedUnion('kind', [questionSchema, errorCheckSchema, resultSchema, endSchema]);

export const treeSchema = z
	.object({
		/** The id of the first step. */
		start: nodeId,
		nodes: z.array(nodeSchema).min(1),
	})
	.strict();

export type WizardTree = z.output<typeof treeSchema>;
export type WizardNode = z.output<typeof nodeSchema>;
export type QuestionNode = z.output<typeof questionSchema>;
export type ErrorCheckNode = z.output<typeof errorCheckSchema>;
export type ResultNode = z.output<typeof resultSchema>;
export type EndNode = z.output<typeof endSchema>;
