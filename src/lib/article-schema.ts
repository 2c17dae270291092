/**
 * The article model: one zod schema for an article's front matter, strict
 * (unknown keys are errors) and documented field by field. The build, the
 * content check, the CLI and the tests all validate with this one schema.
 */
import { z } from 'zod';
import { NAME_SOURCE } from './addresses.ts';
import { PRODUCT_IDS, SUBSYSTEM_IDS } from './registry.ts';
import { HOST_IDS, hostsNamedIn } from './hosts.ts';
import { SHORT_ID_PATTERN } from './short-id.ts';
import { buildMessages } from './messages.ts';
import { NOT_REPRODUCED_REASONS, type NotReproducedReason } from './repro.ts';

/** A permanent article slug: lower-case words joined by single hyphens. */
export const SLUG_PATTERN = new RegExp(`^${NAME_SOURCE}$`);
export { SHORT_ID_PATTERN } from './short-id.ts';
const ISSUE_REF = /^[\w.-]+\/[\w.-]+#\d+$/;
const COMMIT_REF = /^[\w.-]+\/[\w.-]+@[0-9a-f]{7,40}$/;
const URL_REF = /^https:\/\/[^\s]+$/;

/** One verbatim error line, as a tool prints it. */
export const signatureSchema = z
	.object({
		/** The line exactly as the tool prints it, one line, no prompt or timestamp prefix. */
		line: z
			.string()
			.min(12, 'a signature must be at least 12 characters: quote the whole line')
			.refine((s) => !s.includes('\n'), 'a signature is one line: split it into one entry per line')
			.refine((s) => s === s.trimEnd(), buildMessages.signatureTrailingSpace()),
		/**
		 * The line with the parts that differ between machines replaced by typed
		 * holes (`{path}`, `{n}`, `{hex}`, `{word}`, `{a|b|c}`; `{*}` only where
		 * nothing narrower fits; see src/lib/matcher/pattern.ts); it must match
		 * `line`. Without it, `line` is matched as written, after normalisation.
		 */
		pattern: z.string().min(12).optional(),
		/** Where and when this variant appears: tool, version range, log. */
		where: z.string().min(3),
		/**
		 * `false` for a line that also appears with other causes: it supports a
		 * match made by another line but never makes one alone.
		 */
		decisive: z.boolean().default(true),
	})
	.strict();

/** Text in a paste that points to a different cause (`excludeWhen`) or to this one (`when`). */
export const exclusionSchema = z
	.object({
		/** The text to look for, matched after normalisation, anywhere in the paste. */
		text: z.string().min(3),
		/** Why its presence means another cause; shown to the reader. */
		why: z.string().min(10),
	})
	.strict();

/**
 * A diagnostic command and what its output means: the data behind "How to
 * confirm". The page shows it; a paste that holds output fitting `pattern`
 * is evidence for the article (`holds`) or against it (`rules-out`).
 */
export const diagnosticSchema = z
	.object({
		/** The command a reader runs, pasteable as written (checked by ShellCheck with the article's shell blocks). */
		command: z.string().min(2),
		/** One line of its output, verbatim, as it looks in this case. */
		output: z.string().min(3).refine((s) => !s.includes('\n'), 'one line of output: add one entry per line that matters'),
		/** `output` with the parts that differ between machines replaced by typed holes; it must match `output`. */
		pattern: z.string().min(3).optional(),
		/** `holds`: this output means this is the cause; `rules-out`: it means this is not. */
		means: z.enum(['holds', 'rules-out']),
		/** What the output says, in a sentence a reader understands. */
		why: z.string().min(10),
	})
	.strict();

/** The affected and fixed versions of one product. */
export const versionSchema = z
	.object({
		/** The product these versions are of (from the registry). */
		product: z.enum(PRODUCT_IDS),
		/** The affected range, as precisely as the sources allow. */
		affected: z.string().min(1),
		/** The first fixed release or commit; `null` when there is no fix. */
		fixed: z.string().min(1).nullable(),
	})
	.strict();

/** An upstream reference. */
export const sourceSchema = z
	.object({
		/** `owner/name#N` for an issue or PR, `owner/name@<hash>` for a commit, or an `https://` URL. */
		ref: z
			.string()
			.refine(
				(s) => ISSUE_REF.test(s) || COMMIT_REF.test(s) || URL_REF.test(s),
				'must be owner/name#123, owner/name@<commit hash> or an https:// URL',
			),
		/** What the reader finds there, in a few words. */
		title: z.string().min(3),
	})
	.strict();

/**
 * True when a text's double quotes do not pair up as quotes around words: some quoted part holds a
 * double quote itself, as in `fails with "open "x": denied"` or `conmon bytes """`. Between a closing
 * quote and the next opening one there must be a space or punctuation on both sides (`"a" or "b"`,
 * `"a", "b"`); an escaped quote (`\"`) counts as a quote. An odd number of quotes nests too.
 */
export function quotesNest(text: string): boolean {
	const parts = text.replace(/\\"/g, '"').split('"');
	if (parts.length % 2 === 0) return true;
	// Odd indexes are quoted; an even one between two quoted parts is what lies between a closing and an opening quote.
	for (let i = 2; i < parts.length - 1; i += 2) if (!/^[\s,.;:!?)\]]/.test(parts[i]) || !/[\s([]$/.test(parts[i])) return true;
	return parts.some((p, i) => i % 2 === 1 && p === '');
}

/** The fields of an article's front matter, without the cross-field rules. */
export const articleFields = z
	.object({
		/** The permanent slug: the file name without `.md`, and the last part of its URL (addresses.ts, articlePath). */
		id: z.string().regex(SLUG_PATTERN, 'must be lower-case words joined by hyphens, e.g. podman-foo-bar'),
		/** The short permanent ID, `FL-0001` style; unique and never reused. */
		shortId: z.string().regex(SHORT_ID_PATTERN, 'must be FL- and four digits (more from FL-10000 on), e.g. FL-0006'),
		/** The page title: the failure, as a reader would describe it; an error it quotes holds no double quote (quotesNest). */
		title: z
			.string()
			.min(10)
			.max(120)
			.refine((s) => !quotesNest(s), buildMessages.titleNestedQuotes()),
		/** The root cause in one sentence. Also the page's meta description. */
		summary: z
			.string()
			.min(20)
			.max(320)
			.refine((s) => /[.!?]$/.test(s.trim()) && !/[.!?]\s+[A-Z]/.test(s.trim()), 'must be exactly one sentence'),
		/** Products involved, from the registry; the first is the main one. */
		products: z.array(z.enum(PRODUCT_IDS)).min(1),
		/** Kernel or system mechanisms involved, from the registry. */
		subsystems: z.array(z.enum(SUBSYSTEM_IDS)).min(1),
		/**
		 * The host systems (hosts.ts: `linux`, `macos`, `windows`) the failure happens on only, as the article
		 * itself says (its title, summary or root cause): Multipass's macOS firewall, WSL 1's missing seccomp,
		 * a Linux driver. Empty (the default) when it is not tied to a host system. A description that names
		 * another host system only is never given the article (prose.ts). Required when the title names a host
		 * system (`hostsNamedIn`), and then with it (one of them, when the title's words name several).
		 */
		hosts: z.array(z.enum(HOST_IDS)).default([]),
		/**
		 * The exact error lines, one entry per variant. Empty only for a failure
		 * that prints no error at all; readers then reach it through the wizard.
		 */
		signatures: z.array(signatureSchema).default([]),
		/** Text in a paste that rules this article out, e.g. a flag that means a look-alike cause. */
		excludeWhen: z.array(exclusionSchema).default([]),
		/**
		 * Text in a paste that points to this cause among those that print the
		 * same line: with it, a shared (`decisive: false`) line decides, and the
		 * article ranks above look-alikes without it.
		 */
		when: z.array(exclusionSchema).default([]),
		/** Diagnostic commands with the output that confirms the cause or rules it out. */
		diagnostics: z.array(diagnosticSchema).default([]),
		/** What the reader sees, in plain words, one entry each. */
		symptoms: z.array(z.string().min(5)).min(1),
		/** Affected and fixed versions, one entry per product. */
		versions: z.array(versionSchema).min(1),
		/** The day the facts were last checked against the sources (YYYY-MM-DD). */
		lastVerified: z.coerce.date({ error: 'must be a date as YYYY-MM-DD' }),
		/**
		 * Set by `npm run repro -- --record` (scripts/repro/) when the failure was
		 * recreated here on the real tools: the day (UTC), the tools and their
		 * versions, and whether the recommended fix was run and worked. The
		 * recorded run is tests/fixtures/repro/<slug>.json; the page shows it, and
		 * only an article with it may say "reproduced here" (evidence.ts).
		 */
		reproduced: z
			.object({
				date: z.coerce.date({ error: 'must be a date as YYYY-MM-DD' }),
				tools: z.array(z.string().min(3)).min(1),
				fix: z.boolean(),
			})
			.strict()
			.optional(),
		/**
		 * Why this failure cannot be recreated on the machine that runs `npm run
		 * repro`: a key of NOT_REPRODUCED_REASONS (src/lib/repro.ts), whose text
		 * the page shows; the run checks that the reason still holds.
		 */
		notReproduced: z.enum(Object.keys(NOT_REPRODUCED_REASONS) as [NotReproducedReason, ...NotReproducedReason[]]).optional(),
		/** Upstream issues, commits and documentation that back the article. */
		sources: z.array(sourceSchema).min(1),
		/** `active`, or `retired` (then `replacedBy` names the article that replaces it). */
		status: z.enum(['active', 'retired']),
		/** The slug of the article that replaces a retired one. */
		replacedBy: z.string().regex(SLUG_PATTERN).optional(),
	})
	.strict();

/** The front matter of one article. */
export const articleSchema = articleFields.superRefine((article, ctx) => {
		if (article.status === 'retired' && !article.replacedBy) {
			ctx.addIssue({ code: 'custom', path: ['replacedBy'], message: buildMessages.retiredWithoutReplacement() });
		}
		if (article.status === 'active' && article.replacedBy) {
			ctx.addIssue({ code: 'custom', path: ['replacedBy'], message: buildMessages.replacementWhileActive() });
		}
		// A date no one can have checked on yet: later than today anywhere on Earth (UTC+14).
		if (article.lastVerified.getTime() > Date.now() + LATEST_TIME_ZONE_MS) {
			ctx.addIssue({ code: 'custom', path: ['lastVerified'], message: buildMessages.lastVerifiedInFuture() });
		}
		// A title that names a host system says the article is for it: `hosts` must say so too (one of them,
		// when the title's words name several: WSL is Linux on Windows).
		const titleHosts = [...hostsNamedIn(article.title)];
		if (titleHosts.length && !titleHosts.some((h) => (article.hosts as string[]).includes(h))) {
			ctx.addIssue({ code: 'custom', path: ['hosts'], message: buildMessages.hostsMissingTitleHost(titleHosts) });
		}
		article.versions.forEach((v, i) => {
			if (!(article.products as string[]).includes(v.product)) {
				ctx.addIssue({ code: 'custom', path: ['versions', i, 'product'], message: buildMessages.versionsOfUnlistedProduct(article.products), params: { fix: buildMessages.versionsOfUnlistedProductFix() } });
			}
		});
	});

/** The most any time zone is ahead of UTC (Kiribati, UTC+14), in milliseconds: a date that is today there is not in the future. */
const LATEST_TIME_ZONE_MS = 14 * 60 * 60 * 1000;

/** Front matter as written in the file. */
export type ArticleInput = z.input<typeof articleSchema>;
/** Front matter after validation. */
export type ArticleData = z.output<typeof articleSchema>;
export type Signature = z.output<typeof signatureSchema>;
export type Source = z.output<typeof sourceSchema>;
export type Diagnostic = z.output<typeof diagnosticSchema>;

