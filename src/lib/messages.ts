/**
 * Every user-facing message, in one place: the content and build checks, the
 * CLI's usage and input errors, the GitHub Action's inputs and log, the
 * wizard engine's and the paste box's errors. Each says what is wrong and how
 * to fix it; the checks build problems from these and the tests pin them.
 * Module-level values are computed lazily, so a browser bundle that imports
 * one group (the paste box, the wizard) carries only that group.
 */
import { ARTICLE_COMPONENTS_DIR, ARTICLE_SECTIONS, PRODUCT_IDS, SUBSYSTEM_IDS } from './registry.ts';
import { EVIDENCE_LEVEL_NAMES } from './evidence.ts';
import { apiPath, MATCHER_INDEX_PATH, wizardStepPath } from './addresses.ts';
import type { Confidence, MatchKind } from './matcher/match.ts';
import { HOST_IDS } from './hosts.ts';

/** A quoted piece of content cut to `max` characters, with an ellipsis when cut. */
function shorten(text: string, max: number): string {
	return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

/** The sections in order, as a fix lists them (a function, so that importing this module computes nothing). */
const order = () => ARTICLE_SECTIONS.map((s) => `## ${s}`).join(', ');
/** The four evidence levels, quoted. */
const levels = () => EVIDENCE_LEVEL_NAMES.map((l) => `"${l}"`).join(', ');

export const messages = {
	unreadable: (reason: string) => ({
		message: `cannot be read (${reason})`,
		fix: 'check that the file exists and is UTF-8 text',
	}),
	noFrontMatter: () => ({
		message: 'has no front matter',
		fix: 'start the file with a --- block; `npm run new-article -- <slug>` writes a template',
	}),
	/** A placeholder of the new-article template still in an article (article-template.ts), once, with the other places it stands (`alsoAt`) and the fix for what it stands in for. */
	templatePlaceholder: (text: string, fix: string, alsoAt: readonly string[] = []) => ({
		message: `still holds the new-article template's placeholder "${text}"${alsoAt.length ? ` (also at ${alsoAt.join(', ')})` : ''}`,
		fix,
	}),
	badYaml: (reason: string) => ({
		message: `front matter is not valid YAML: ${reason}`,
		fix: 'fix the YAML syntax (quote strings that contain `: ` or start with a backtick)',
	}),
	mdxInMarkdown: (line: string) => ({
		message: `"${shorten(line, 60)}" is MDX, which a Markdown article shows as text`,
		fix: 'remove it: symptoms, versions and references are filled in from the front matter',
	}),
	rawHtml: (html: string) => ({
		message: `raw HTML ${JSON.stringify(shorten(html.trim(), 60))} is not allowed in an article: it could run scripts, redirect or restyle the page`,
		fix: 'write it in Markdown (a code span or code block shows tags as text); headings, lists, links, tables and code cover what an article needs',
	}),
	unsafeLink: (url: string) => ({
		message: `the link target ${JSON.stringify(shorten(url, 60))} is not allowed: only https:, http:, mailto: and addresses on this site are`,
		fix: 'link to a web page or a page of this site; javascript:, data: and vbscript: links run code or show content of the author\'s choosing',
	}),
	mdxWithoutComponent: () => ({
		message: 'articles are plain Markdown, not MDX, unless a component earns it, and this one uses none: every MDX file becomes a module of the site bundle, which does not scale',
		fix: 'rename it to .md; the symptoms, versions and references sections are filled in from the front matter (CONTRIBUTING.md, "Markdown or MDX", says when MDX is worth it)',
	}),
	mdxSyntax: (reason: string) => ({
		message: `is not valid MDX: ${reason}`,
		fix: 'in MDX, `{` starts a JavaScript expression and `<` a component: write a fix anchor as `\\{#anchor}`, and put a literal `{` or `<` in a code span or escape it with a backslash',
	}),
	mdxImport: (source: string) => ({
		message: `imports ${JSON.stringify(shorten(source, 60))}: an article may import only default exports of components from ${ARTICLE_COMPONENTS_DIR}`,
		fix: `write \`import Name from '~/components/articles/Name.astro';\` for a component in ${ARTICLE_COMPONENTS_DIR}, or move the component there`,
	}),
	mdxCode: (kind: string, text: string) => ({
		message: `${kind} ${JSON.stringify(shorten(text.trim(), 60))} is code in the article: an article may only import components and use them`,
		fix: 'remove it; anything computed belongs in the component (src/components/articles/), which the build checks and the CSP allows',
	}),
	mdxUnknownElement: (name: string) => ({
		message: `<${name}> is not a component the article imports: lower-case tags are raw HTML, which could run scripts, redirect or restyle the page`,
		fix: 'write it in Markdown, or import the component it names from src/components/articles/',
	}),
	mdxAttribute: (component: string, attribute: string) => ({
		message: `<${component}> has the attribute ${JSON.stringify(shorten(attribute, 40))}, which is not a plain string`,
		fix: 'give components string attributes only (`name="value"`); anything computed belongs in the component',
	}),
	mdxUnusedImport: (name: string) => ({
		message: `imports ${name} but never uses it`,
		fix: `use <${name} /> where it belongs, or remove the import`,
	}),
	idMismatch: (id: string, fileSlug: string) => ({
		message: `\`id\` is "${id}" but the file is named ${fileSlug}`,
		fix: `make them agree: the id, the file name and the URL are the same permanent slug (rename a published article with a redirect, never by editing the id)`,
	}),
	duplicateId: (id: string, other: string) => ({
		message: `\`id\` "${id}" is also used by ${other}`,
		fix: 'every article needs its own slug',
	}),
	duplicateShortId: (shortId: string, other: string) => ({
		message: `\`shortId\` ${shortId} is also used by ${other}`,
		fix: 'take the next free FL-NNNN (`npx faultline list` shows the ones in use); IDs are never reused',
	}),
	unknownReplacement: (slug: string) => ({
		message: `\`replacedBy\` names "${slug}", which is not an article`,
		fix: 'name the slug of an existing article',
	}),
	missingSection: (section: string, after: string | undefined) => ({
		message: `section "## ${section}" is missing`,
		fix: after ? `add "## ${section}" after "## ${after}" (order: ${order()})` : `add "## ${section}" as the first section (order: ${order()})`,
	}),
	misorderedSection: (section: string, before: string) => ({
		message: `section "## ${section}" comes after "## ${before}" but belongs before it`,
		fix: `put the sections in this order: ${order()}`,
	}),
	unknownSection: (heading: string) => ({
		message: `section "## ${heading}" is not part of the article template`,
		fix: `use only these sections: ${order()}; put extra material under one of them as ### subsections`,
	}),
	duplicateSection: (section: string) => ({
		message: `section "## ${section}" appears twice`,
		fix: 'merge the two into one section',
	}),
	/**
	 * Text said twice (repeated-text.ts): `what` is the repeated text, `first` where its first copy is (a body section
	 * and line, or the front-matter field the page renders). The fix names the template's home of each kind of fact.
	 */
	repeatedSentence: (what: string, first: string) => ({
		message: `this sentence is already in ${first}: "${what}"`,
		fix: `say it once, in the section the template gives it (CONTRIBUTING.md, "Write the body": the error lines in Error messages, why it happens in Root cause, diagnostic commands in How to confirm, each fix's commands in its fix, release notes and look-alikes in Affected versions), and refer to it from here ("see Root cause")`,
	}),
	repeatedCode: (what: string, first: string) => ({
		message: `this code block is already in ${first}: "${what}"`,
		fix: 'keep the block once, where the template puts it (error output in Error messages, commands that confirm in How to confirm, commands that fix in their fix), and refer to it from here ("the commands under How to confirm")',
	}),
	repeatsFrontMatter: (what: string, field: string) => ({
		message: `this sentence repeats the front matter's \`${field}\`, which the page already shows: "${what}"`,
		fix: 'cut it from the body: the page renders the symptoms under Symptoms, the versions table under Affected versions and the diagnostics table under How to confirm',
	}),
	restatesVersionsTable: (tokens: string) => ({
		message: `this sentence retells the versions table, which the page shows just above it (it names ${tokens})`,
		fix: 'cut what the table already says; keep in Affected versions only notes the table lacks and look-alikes, and the per-release wording of the error in Error messages',
	}),
	noErrorBlock: () => ({
		message: 'section "## Error messages" has no code block',
		fix: 'quote the error lines verbatim in a fenced code block (```text)',
	}),
	signatureNotQuoted: (line: string) => ({
		message: `signature "${line}" is not quoted in "## Error messages"`,
		fix: 'quote every signature verbatim in a code block of the Error messages section, or correct the signature',
	}),
	noFixes: () => ({
		message: 'section "## Fixes" has no fix',
		fix: 'give each fix a "### " heading, recommended fix first',
	}),
	fixWithoutVerify: (fix: string) => ({
		message: `fix "### ${fix}" does not say how to verify it`,
		fix: 'add a paragraph that starts with **Verify:** and says what the reader sees when the fix worked',
	}),
	/** The fix names the one documented form (CONTRIBUTING.md, "Write the body", item 5): `{#anchor}`, written `\{#anchor}` in an `.mdx` file. */
	fixWithoutAnchor: (fix: string, anchor: string, format: 'md' | 'mdx' = 'md') => ({
		message: `fix "### ${fix}" has no permanent anchor`,
		fix: `end the heading with an anchor that never changes, e.g. "### ${fix} ${format === 'mdx' ? '\\' : ''}{#${anchor}}"`,
	}),
	/**
	 * The heading ends in something meant as its anchor, written wrong (article-body.ts MALFORMED_ANCHOR): the
	 * fix replaces it with the documented form, never adds a second anchor after it (which published the
	 * broken text in the heading, the s12 new-user walk).
	 */
	fixMalformedAnchor: (heading: string, written: string, words: string, anchor: string, format: 'md' | 'mdx' = 'md') => ({
		message: `fix "### ${heading}" has a malformed anchor "${written}": an anchor is {#, lower-case words joined by hyphens, then }`,
		fix: `replace "${written}" with "${format === 'mdx' ? '\\' : ''}{#${anchor}}": "### ${words} ${format === 'mdx' ? '\\' : ''}{#${anchor}}"`,
	}),
	fixWithoutEvidence: (fix: string) => ({
		message: `fix "### ${fix}" does not say how sure we are that it works`,
		fix: `add one paragraph that starts with **Evidence:** and a level (${levels()}), then a full stop and the source, e.g. "**Evidence:** confirmed upstream. The maintainer recommends it in owner/name#123."`,
	}),
	rootCauseWithoutEvidence: () => ({
		message: 'section "## Root cause" does not say how sure we are of the cause',
		fix: `add one paragraph that starts with **Evidence:** and a level (${levels()}) for the cause as a whole, then a full stop and the source; mark any weaker statement inline, e.g. "(inferred)"`,
	}),
	unknownEvidence: (level: string) => ({
		message: `evidence level "${level}" is not one of the four`,
		fix: `write exactly one of ${levels()} right after **Evidence:**, then a full stop (definitions: src/lib/evidence.ts)`,
	}),
	duplicateEvidence: (levels: readonly string[]) => ({
		message: `${levels.length} **Evidence:** paragraphs (${levels.map((l) => `"${l}"`).join(', ')}) where one belongs`,
		fix: 'keep one paragraph with the level of the claim as a whole; mark a weaker single statement inline, e.g. "(reported)"',
	}),
	reproductionNotRecorded: (level: string) => ({
		message: `evidence level "${level}" needs a recorded reproduction, and the article has none (no \`reproduced\` field)`,
		fix: 'add a reproduction to scripts/repro/cases.ts and run `npm run repro -- --record` as root, which records it and writes the field; otherwise state the level the sources support ("confirmed upstream", "reported" or "inferred")',
	}),
	versionNotSourced: (token: string, kind: 'version' | 'commit') => ({
		message: `${kind} "${token}" is not named by any of the article's sources`,
		fix: `add a \`sources\` entry whose ref or title names ${token} (a commit ref owner/name@<hash>, a release or tag URL, or an issue or PR whose title names it), or correct the ${kind}`,
	}),
	duplicateAnchor: (anchor: string) => ({
		message: `anchor {#${anchor}} is used twice in this article (or is a section's anchor)`,
		fix: 'give every fix its own anchor',
	}),
} as const;

export type Message = { message: string; fix: string };

/**
 * Schema errors in any checked file (src/lib/schema-problems.ts): `name` is
 * the field as the message names it, `value` the value found, as JSON; `fix`
 * comes from the document (the article fields below, the wizard's and the
 * redirects' own).
 */
export const schemaMessages = {
	missing: (name: string, fix: string) => ({ message: `\`${name}\` is missing`, fix }),
	unknownValue: (name: string, value: string, fix: string) => ({ message: `\`${name}\` has ${value}, which is not a known value`, fix }),
	invalid: (name: string, what: string, value: string, fix: string) => ({ message: `\`${name}\` ${what} (got ${value})`, fix }),
	unknownField: (key: string, fix: string) => ({ message: `unknown field \`${key}\``, fix }),
} as const;

/**
 * The fix for a product or subsystem id that is not one. A call (marked pure), not a template: a browser
 * bundle that imports messages.ts for other messages then leaves out the registry's tables (a template
 * literal's string conversion counts as a side effect to the bundler, which kept them).
 */
function useIds(what: string, ids: readonly string[]): string {
	return `use ${what} ids from src/lib/registry.ts: ${ids.join(', ')}`;
}

/** How each front-matter field of an article is fixed (src/lib/article-schema.ts): the hint a contributor reads. */
export const articleFieldFixes: Record<string, string> = {
	id: 'set `id` to the file name without .md (lower-case, hyphens)',
	shortId: 'give the next free FL-NNNN (see `npx faultline list`); IDs are never reused',
	title: 'a title of 10 to 120 characters naming the failure',
	summary: 'write the root cause as one sentence of 20 to 320 characters, ending with a full stop',
	products: /* @__PURE__ */ useIds('product', PRODUCT_IDS),
	subsystems: /* @__PURE__ */ useIds('subsystem', SUBSYSTEM_IDS),
	signatures: 'list each verbatim error line as { line, where }, with `pattern` marking variable parts by typed holes ({path}, {n}, {hex}, {word}, {a|b}, or {*})',
	excludeWhen: 'list { text, why } for context that points to a different cause',
	when: 'list { text, why } for context that points to this cause among those that print the same line',
	diagnostics: 'list { command, output, pattern?, means: holds | rules-out, why } for each output that confirms or rules out the cause',
	symptoms: 'list what the reader sees, one plain sentence each',
	versions: 'list { product, affected, fixed } for each product the article lists in `products` (fixed: null when unfixed)',
	lastVerified: 'the date the facts were checked, as YYYY-MM-DD, today or earlier',
	reproduced: 'leave it to `npm run repro -- --record`, which writes { date, tools, fix } from the recorded run',
	notReproduced: 'name a reason of NOT_REPRODUCED_REASONS in src/lib/repro.ts (e.g. crun-hybrid-cgroups)',
	sources: 'list { ref, title } with ref as owner/name#N, owner/name@<hash> or an https:// URL',
	status: 'use `active`, or `retired` with `replacedBy`',
	replacedBy: 'name the slug of the replacing article (only when status is retired)',
};

/**
 * How to replace a placeholder of the new-article template (src/lib/article-template.ts), by what it stands in
 * for: a front-matter field by its path (indexes as N), or a body line by its kind and section. Each says only
 * what applies to it: the heading remark for the fix's heading alone.
 */
export function placeholderFix(p: { field: string; kind: string; section?: string }): string {
	const FIELDS: Record<string, string> = {
		title: articleFieldFixes.title,
		summary: articleFieldFixes.summary,
		'signatures.N.line': "the error line exactly as the tool prints it, from a source (a report, the tool's code); the same line goes in the Error messages block",
		'signatures.N.where': 'which tool prints the line, and in which versions, from its source',
		'symptoms.N': 'what the reader sees, in one plain sentence',
		'versions.N.affected': 'the affected versions, as the sources give them',
		'sources.N.ref': 'the issue, commit or page the article rests on: owner/name#N, owner/name@<hash> or an https:// URL',
		'sources.N.title': 'what the reader finds at that source, in a few words',
	};
	const own = "replace it with the article's own text, from its sources";
	if (p.kind === 'field') return FIELDS[p.field.replace(/\.\d+(?=\.|$)/g, '.N')] ?? own;
	if (p.kind === 'heading') return 'name the fix in its heading, and give it an anchor of its own: ### Give your user a range {#add-subid-range}';
	if (p.kind === 'evidence') return `give the evidence level, one of ${levels()}, and who or what says so (a maintainer, a merged fix, the code)`;
	if (p.kind === 'verify') return 'say what the reader runs or sees when the fix worked';
	if (p.kind === 'code' && p.section === 'Error messages') return 'quote the error line exactly as the tool prints it, as in a signature';
	if (p.kind === 'code') return 'a command that shows the cause, exactly as the reader runs it';
	return own;
}

/** The fixes for front matter the field list above does not cover. */
export const articleSchemaFixes = {
	otherField: 'see the field list in CONTRIBUTING.md',
	unknownField: 'remove it, or add it to src/lib/article-schema.ts with a JSDoc comment',
} as const;

/** Messages for src/content/redirects.yaml (src/lib/redirects.ts). */
export const redirectMessages = {
	unreadable: (reason: string) => ({ message: `cannot be read: ${reason}`, fix: 'fix the YAML syntax' }),
	schemaFix: 'see the format at the top of the file',
	liveSlug: (slug: string) => ({ message: `"${slug}" is a live article, so it cannot also redirect`, fix: 'remove the redirect, or rename the article' }),
	unknownTarget: (slug: string) => ({ message: `"${slug}" is not an article`, fix: 'redirect to the slug of an existing article' }),
	unknownArticle: (slug: string) => ({ message: `"${slug}" is not an article`, fix: 'name the slug of an existing article' }),
	liveAnchor: (anchor: string, article: string) => ({ message: `#${anchor} still exists in ${article}`, fix: 'remove the redirect, or rename the anchor' }),
	unknownAnchor: (anchor: string, article: string, anchors: readonly string[]) => ({ message: `#${anchor} is not an anchor of ${article}`, fix: `use one of: ${anchors.join(', ')}` }),
	liveStep: (step: string) => ({ message: `"${step}" is a live wizard step, so it cannot also redirect`, fix: 'remove the redirect, or remove the step from src/content/wizard/tree.yaml' }),
	unknownStep: (step: string) => ({ message: `"${step}" is not a wizard step`, fix: 'redirect to the id of a step in src/content/wizard/tree.yaml' }),
} as const;

/** The end of the fix for a pattern that does not match its own text. */
const ONLY_HOLES = 'with only the variable parts replaced by typed holes ({path}, {n}, {hex}, {word}, {a|b}) or {*}';

/** Messages of the build's matcher checks (src/lib/matcher/self-check.ts), about one signature of an article. */
export const matcherMessages = {
	diagnosticMismatch: () => ({ message: "the diagnostic's pattern does not match its own output", fix: `make the pattern the output ${ONLY_HOLES}` }),
	patternMismatch: () => ({ message: 'its pattern does not match its own line', fix: `make the pattern the line ${ONLY_HOLES}` }),
	tooGeneric: () => ({ message: 'it is too generic to decide a match alone (fewer than two specific words)', fix: 'mark it `decisive: false`, or quote more of the line' }),
	wrapperDecisive: () => ({
		message: 'it only names the step that failed (a wrapper line, src/lib/matcher/wrapper-lines.ts), which the tool prints whatever the cause',
		fix: 'mark it `decisive: false`: the line below it in the error chain says why, quote that one as the decisive line',
	}),
	excludesItself: () => ({ message: "the article's own excludeWhen rules it out", fix: 'make the excludeWhen text something the error line itself does not contain' }),
	notFound: (other: string | undefined) => ({
		message: `it does not find its own article${other ? `; it matches ${other} instead` : ''}`,
		fix: 'quote more of the line, or mark it `decisive: false`',
	}),
	confidentWrong: (item: string, source: string, cause: string) => ({
		message: `it answers the real report ${item} (${source}) with high confidence, but ${cause}`,
		fix: 'if the line has several causes, mark it `decisive: false` and add a `when` context; else add an `excludeWhen` for what sets the report apart, or narrow the pattern with typed holes',
	}),
	overlap: (article: string, line: string) => ({
		message: `its pattern also matches ${article}'s line "${line}", a different message`,
		fix: 'narrow the pattern: a typed hole ({path}, {n}, {hex}, {word}, {a|b}) instead of {*}, never across the words that tell the causes apart',
	}),
} as const;

/** Messages for the shell code in articles and the wizard tree (src/lib/shell-lint.ts, src/lib/shellcheck.ts). */
export const shellMessages = {
	prompt: () => ({
		message: 'the line starts with a `$ ` prompt, which breaks the command when pasted',
		fix: 'remove the prompt; put output that is not a command in a ```text block',
	}),
	backslashX: (insideAnsiQuotes: boolean) => ({
		message: insideAnsiQuotes
			? "a `\\x` escape inside `$'…'`: the shell turns it into the character it encodes, so the command gets another name"
			: 'a `\\x` escape outside quotes: the shell drops the backslash, so the command gets another name (systemd writes `-` in a unit name as `\\x2d`)',
		fix: "put the word in single quotes, e.g. 'sysroot-nix-.ro\\x2dstore.mount'",
	}),
	findmntSeveralPaths: (paths: readonly string[]) => ({
		message: `findmnt is given ${paths.length} paths (${paths.join(', ')}); it reads two as a source and a target, and prints nothing unless exactly that pair is mounted`,
		fix: 'one call per path: `findmnt -T <path>` (-T finds the mount that holds a path, even one that is not itself a mount point)',
	}),
	shellcheck: (code: string, text: string) => ({
		message: `ShellCheck ${code}: ${text}`,
		fix: `change the command so ShellCheck passes (https://www.shellcheck.net/wiki/${code}); a placeholder such as <path> is not shell: write a real example, or a variable the text explains`,
	}),
	noShellCheck: () => ({
		message: 'ShellCheck is not installed, so the shell code in the articles cannot be checked',
		fix: 'install it: `sudo apt-get install -y shellcheck` on Debian or Ubuntu (npm run build and npm test do this by themselves when run as root), or see https://github.com/koalaman/shellcheck#installing',
	}),
};

/** Messages for the built site's checks (src/lib/built-checks.ts): links, the address lock, shipped code. */
export const siteMessages = {
	brokenLink: (page: string, href: string) => ({
		message: `the page ${page} links to ${href}, which does not exist`,
		fix: 'correct the link, or add a redirect in src/content/redirects.yaml',
	}),
	lockedAddressGone: () => ({
		message: 'this locked address no longer resolves',
		fix: 'add a redirect for it in src/content/redirects.yaml (slugs: { from: <old-slug>, to: <new-slug> }, anchors: { article, from, to }), or keep the article and retire it (status: retired, replacedBy: <slug>); never remove a line from links.lock.json',
	}),
	unlockedAddress: () => ({ message: 'this published address is not locked yet', fix: 'run npm run links:lock' }),
	unshippedCode: (page: string, code: string) => ({
		message: `the page ${page} carries ${JSON.stringify(code)} in its content, code the site does not ship (its Content-Security-Policy blocks it)`,
		fix: 'remove it: articles are Markdown without raw HTML, and scripts and styles belong in components',
	}),
} as const;

/** Messages for the wizard tree (src/content/wizard/tree.yaml). */
export const wizardMessages = {
	schemaKindFix: 'set `kind` to question, error-check, result or end',
	schemaFieldFix: 'see the fields of each kind of step in src/wizard/schema.ts',
	schemaUnknownFieldFix: 'remove the unknown field (see src/wizard/schema.ts for the fields of each kind)',
	duplicateNode: (id: string) => ({ message: `step id "${id}" is used twice`, fix: `give every step its own id; ids are permanent URLs (${wizardStepPath('<id>')})` }),
	reservedId: (id: string) => ({ message: `step id "${id}" is reserved for a page of the wizard`, fix: 'choose another id' }),
	missingStart: (id: string) => ({ message: `the start step "${id}" does not exist`, fix: 'set `start` to the id of the first question' }),
	danglingNext: (target: string) => ({ message: `leads to "${target}", which is not a step`, fix: 'point it at an existing step id, or add that step' }),
	twoWaysIn: (id: string, first: string, second: string) => ({
		message: `step "${id}" is reached from both "${first}" and "${second}"`,
		fix: 'give every step one way in, so its page can show the answers that led to it: copy the step under a new id for the second way',
	}),
	startHasWayIn: (id: string, from: string) => ({ message: `the start step "${id}" is reached again from "${from}", which makes a cycle`, fix: 'lead that answer to another step' }),
	cycle: (ids: readonly string[]) => ({ message: `the steps ${ids.map((i) => `"${i}"`).join(' → ')} form a cycle`, fix: 'every path must move forward and end at a result or an end step' }),
	unreachable: (id: string) => ({ message: `step "${id}" cannot be reached from the start`, fix: 'lead an answer to it, or remove it' }),
	unknownArticle: (slug: string) => ({ message: `names the article "${slug}", which does not exist`, fix: 'use the slug of an article in src/content/docs/kb/' }),
	retiredArticle: (slug: string, replacement: string) => ({ message: `names the retired article "${slug}"`, fix: `point it at its replacement, "${replacement}"` }),
	unknownFix: (anchor: string, slug: string, known: readonly string[]) => ({
		message: `names the fix "${anchor}", which is not a fix of "${slug}"`,
		fix: `use one of its fix anchors: ${known.join(', ')}`,
	}),
	notASignature: (line: string) => ({
		message: `lists "${line}", which is not the line or pattern of any article's signature, nor the output or pattern of a diagnostic that holds`,
		fix: "copy a signature's `line` or `pattern` (or a `means: holds` diagnostic's `output` or `pattern`) from an article's front matter exactly",
	}),
	diagnosticNotRun: (line: string, command: string) => ({
		message: `lists "${line}", a diagnostic's output, but the step's \`command\` does not run \`${command}\`, which prints it`,
		fix: `add \`${command}\` to the step's \`command\`, so the reader has the output the line asks about`,
	}),
	noWayOut: (id: string) => ({
		message: `question "${id}" offers no way out`,
		fix: 'add an answer such as "I\'m not sure" or "None of these" with `wayOut: true`, leading to a step that helps',
	}),
	articleNotReachable: (slug: string) => ({
		message: `the article "${slug}" is not reachable: no result step names it`,
		fix: 'add a result step for it under the question that leads to its cause',
	}),
	doesNotRoute: (id: string, to: string) => ({
		message: `every answer of "${id}" leads to the same place (${to}), so asking it tells the reader nothing`,
		fix: 'lead its answers to different steps, articles or fixes, or remove the question and lead its way in straight on',
	}),
	command: (rule: string, line: number, message: string, fix: string) => ({
		message: `the command breaks ${rule} (line ${line} of the command): ${message}`,
		fix: `${fix}; readers paste the command as printed`,
	}),
	commandsUnchecked: (reason: string) => ({
		message: `the commands of the tree could not be checked with ShellCheck: ${reason}`,
		fix: 'install ShellCheck: `sudo apt-get install -y shellcheck` on Debian or Ubuntu, or see https://github.com/koalaman/shellcheck#installing',
	}),
	lineTakenByOther: (example: string, owner: string, line: string, other: string) => ({
		message: `the error line of "${owner}" ("${example}") is first met by "${line}", which leads straight to "${other}": a reader with that line gets the wrong article`,
		fix: 'lead the shared line to a question that tells the causes apart, or list the narrower line first',
	}),
	signatureNotOffered: (slug: string, line: string, shared: boolean) => ({
		message: `"${slug}" is named in signaturesOf, but its error line "${line}" is not offered here, so a reader with that wording finds nothing`,
		fix: shared
			? 'give the entry a `shared:` step (the question that tells the causes of its non-decisive lines apart), or list the line under `lines` leading to one'
			: "list the line under `lines`, or check the signature's pattern",
	}),
	groupWithoutWordsNotLast: (title: string) => ({
		message: `the group "${title}" has no words, so it takes every line the groups before it do not, and the groups after it get none`,
		fix: 'give it `words`, or move it to the end of `groups`',
	}),
	emptyGroup: (title: string) => ({
		message: `no line of the step goes under the group "${title}", so the page would show an empty heading`,
		fix: "change its `words` to ones the step's lines show, or remove the group",
	}),
	lineInNoGroup: (line: string) => ({
		message: `the line "${line}" shows none of the groups' words, and there is no group without words to take it`,
		fix: 'add a word it shows to the group a reader would look in, or end `groups` with a group without words',
	}),
	groupsReverseExclusion: (line: string, ruledOut: string) => ({
		message: `the groups list "${line}" before "${ruledOut}", which its article rules out (excludeWhen): a reader who has both lines takes the first and gets the wrong cause`,
		fix: 'move a word so that both lines fall under the same group, or the ruled-out line under an earlier one',
	}),
	signaturesOfWhat: (slug: string) => ({
		message: `signaturesOf names "${slug}", which is not an active article`,
		fix: 'name the slug of an active article in src/content/docs/kb/',
	}),
	unclosedCode: (text: string, at: number) => ({
		message: `the backticks at character ${at + 1} of "${text}" open a code span that nothing closes, so the page would show them as text`,
		fix: 'close the span with as many backticks as opened it; code that holds a backtick is opened and closed with two: ``make `…/merged` private``',
	}),
	misPairedCode: (text: string, at: number) => ({
		message: `the code span at character ${at + 1} of "${text}" pairs with the wrong backtick (its code ends in a space before a word, or starts with one after a word), so the page would show pieces of code and text`,
		fix: 'open and close code that holds a backtick with two: ``make `…/merged` private``',
	}),
} as const;

/** What each input of the Action (action.yml) may be set to. */
const ACTION_INPUTS = {
	token: '${{ github.token }} (the default) or a token that may comment on issues',
	'min-confidence': '"high" or "medium"',
	'include-comments': 'true or false',
	'site-url': 'the http(s) address of a Faultline site',
} as const;

/** An input of the Action, as action.yml names it. */
export type ActionInput = keyof typeof ACTION_INPUTS;

const EVENT_FIX = 'run the Action on `issues` (opened, edited, reopened) or `issue_comment` (created, edited) events';

/**
 * What a field of a matcher index must be (src/cli/index-file.ts), for
 * `cliMessages.indexShape`: a JSON index names the first field that is not.
 */
export const indexShapes = {
	index: 'a JSON object with version, articles, signatures, weights and maxWeight',
	nonEmptyList: 'a non-empty list',
	list: 'a list',
	object: 'an object',
	string: 'a string',
	status: '"active" or "retired"',
	exclusion: 'an object with text, why and anchor (strings)',
	articlePosition: (count: number) => `a position in articles (0 to ${count - 1})`,
	strings: 'a list of strings',
	stringLists: 'a list of lists of strings',
	hosts: `a list of host systems (${HOST_IDS.join(', ')})`,
	boolean: 'true or false',
	weights: 'an object of word -> number',
	number: 'a number',
} as const;

/**
 * Messages of the installed CLI and the GitHub Action about their inputs (a
 * matcher index given with --index, a GitHub event, the Action's inputs), in
 * the build's format: `where › field: what is wrong. Fix: how.`
 */
export const cliMessages = {
	indexUnreadable: (source: string, reason: string) => ({
		message: `cannot be read (${reason})`,
		fix: `pass a readable file or an http(s) URL of a matcher index, such as <site>${MATCHER_INDEX_PATH} (got ${source})`,
	}),
	/** The reason `indexUnreadable` gives for a refused download. */
	httpStatus: (status: number) => `HTTP ${status}`,
	/** The reason `indexUnreadable` gives for a file that is not there. */
	noSuchFile: () => 'no such file',
	indexNotJson: () => ({ message: 'is not JSON', fix: `pass the site's ${MATCHER_INDEX_PATH}, not an HTML page or a shard` }),
	indexNewer: (version: unknown) => ({
		message: `is version ${JSON.stringify(version)}, and this faultline reads version 1`,
		fix: 'install a newer faultline (npm install -g faultline@latest), or pass an index of version 1',
	}),
	/** `expected`: one of `indexShapes`. */
	indexShape: (expected: string) => ({
		message: `must be ${expected}`,
		fix: `pass the site's whole index, ${MATCHER_INDEX_PATH} (a shard or ${apiPath('articles.json')} is not one)`,
	}),
	eventPathUnset: () => ({
		message: 'cannot be read (it is not set: this does not run in GitHub Actions)',
		fix: 'run the Action on `issues` or `issue_comment` events, which GitHub writes to $GITHUB_EVENT_PATH',
	}),
	/** An event file that cannot be read (`code`: the system's error code; none when it is not JSON). */
	eventUnreadable: (code: string | undefined) => ({
		message: `cannot be read (${code === 'ENOENT' ? 'no such file' : code ?? 'not JSON'})`,
		fix: 'run the Action on `issues` or `issue_comment` events, which GitHub writes to $GITHUB_EVENT_PATH',
	}),
	eventName: (name: string) => ({ message: `is a "${name || 'unnamed'}" event, which has no issue to answer`, fix: EVENT_FIX }),
	eventNotObject: () => ({ message: 'is not a JSON object', fix: EVENT_FIX }),
	eventNoIssue: () => ({ message: 'is missing: this is not an issue or issue comment event', fix: EVENT_FIX }),
	eventFieldMissing: () => ({ message: 'is missing', fix: EVENT_FIX }),
	eventFieldNotObject: () => ({ message: 'is not an object', fix: EVENT_FIX }),
	/** An input of the Action with a value it cannot use (`value` empty: the input is empty). */
	badInput: (input: ActionInput, value: string) => ({ message: value ? `is "${value}"` : 'is empty', fix: `set it to ${ACTION_INPUTS[input]}` }),
	githubApi: (what: string, status: number, detail: string) => ({
		message: `${what} failed with HTTP ${status}${detail ? ` (${detail})` : ''}`,
		fix: 'give the job `permissions: issues: write` and pass a token that may comment on this repository',
	}),
} as const;

/**
 * What the Action writes to its log (src/action/github.ts), and why it stays
 * silent on an event (src/cli/issue-comment.ts `skipReason`).
 */
export const actionMessages = {
	pullRequest: () => 'the event is about a pull request, not an issue',
	commentsOff: () => 'comments are not read (include-comments is false)',
	commentAction: (action: string) => `a comment was ${action}`,
	ownComment: () => "the comment is Faultline's own",
	botComment: () => 'the comment is by a bot',
	issueAction: (action: string) => `the issue was ${action}`,
	botIssue: () => 'the issue is by a bot',
	noKnownError: () => 'no known error in the text',
	allExplained: () => 'no known error that the comment does not already explain',
	noComment: (reason: string) => `faultline: no comment: ${reason}.`,
	commented: (updated: boolean, explained: readonly string[], url: string) =>
		`faultline: ${updated ? 'updated its comment' : 'commented'} (${explained.join(', ')}): ${url}`,
	commentedLikely: (likely: readonly string[], url: string) => `faultline: commented with likely articles, no known error (${likely.join(', ')}): ${url}`,
} as const;

/** `faultline --help` and each command's `--help` (src/cli/main.ts); `d` gives the defaults the text names. */
export const cliHelp = {
	main: () => `Usage: faultline <command> [options]

Commands:
  match [FILE|-]   match a log or issue text against the knowledge base
  list             list every article
  comment EVENT    the comment for a GitHub issue or comment event (for bots)

Options:
  -h, --help       this help
  -V, --version    print the version

Environment:
  FAULTLINE_SITE_URL  the site the links point to, when not the public one
                      (the site served by npm run serve:
                      FAULTLINE_SITE_URL=http://localhost:4321); --base-url
                      wins over it

Run 'faultline <command> --help' for a command's options.`,
	match: (d: { top: number; site: string }) => `Usage: faultline match [FILE|-] [options]

Reads FILE, or standard input when FILE is - or missing, and prints the
articles whose known error lines it contains. A description or a few words
with no error line get the likely articles by their description, marked
likely: never a known error, so the exit status stays 1.

Options:
  --json            print {"matches":[...],"ambiguous":false}
  --markdown        print a ready issue comment (nothing when no match)
  --top N           at most N matches (default ${d.top})
  --product ID      with no error line in a description or a few search
                    words: rank only this product's articles (e.g. podman)
  --base-url URL    the site the links point to (default: FAULTLINE_SITE_URL
                    from the environment when set, else ${d.site});
                    for the site npm run serve serves on this machine:
                    --base-url http://localhost:4321
  --batch FILE      JSON lines {"id","text"} in; one JSON line per input out
  --index URL|FILE  match against this matcher index instead of the one
                    built in (e.g. ${d.site}${MATCHER_INDEX_PATH});
                    nothing is fetched without it
  -h, --help        this help

Exit status: 0 a match was found, 1 no match, 2 bad usage or unreadable input.`,
	comment: () => `Usage: faultline comment EVENT.json|- [--base-url URL] [--index URL|FILE]

Reads a GitHub webhook event (a new issue, or a new comment) and prints the
comment to post: the known problems its text contains, with links. An issue
that describes a failure in words, with no known error line, gets the likely
articles by its description, marked likely. Prints nothing, and exits 1,
when there is nothing to say, including for comments by bots and by
Faultline itself.`,
	list: () => `Usage: faultline list [--json] [--base-url URL]

Lists every article: short ID, slug and title (with --json: the objects of
the site's ${apiPath('articles.json')}: id, shortId, title, url, summary, products,
signatures, sources, rootCause: {evidence}, fixes: [{anchor, title,
evidence, url}], status, replacedBy).`,
} as const;

/** Why a value is not a site's address (--base-url, FAULTLINE_SITE_URL; src/cli/main.ts): after "got '…', ". */
export const siteUrlProblems = {
	noScheme: () => 'which has no http:// or https:// in front',
	notUrl: () => 'which is not a URL',
	notHttp: (scheme: string) => `which is a ${scheme}: address, not http:// or https://`,
	queryOrFragment: () => 'which has a ? query or # fragment; give the address alone',
} as const;

/**
 * The CLI's one-line messages about how it was called and what it was given
 * (src/cli/main.ts, src/cli/read-lines.ts): printed after `faultline: `, each
 * saying what is wrong and what to do instead. `input` is a file name or
 * "standard input" (`inputName`).
 */
export const cliUsageMessages = {
	unknownCommand: (command: string) => `unknown command '${command}'; the commands are match, list and comment (see faultline --help)`,
	badOption: (what: string, command: string) => `${what} (see faultline ${command} --help)`,
	jsonAndMarkdown: () => '--json and --markdown cannot be combined; pick one',
	severalInputs: (inputs: readonly string[]) => `match reads one input, got ${inputs.length}: ${inputs.join(' ')}`,
	badTop: (value: string) => `--top takes a whole number of 1 or more, got '${value}'`,
	badProduct: (value: string, known: readonly string[]) => `--product takes a product id, one of ${known.join(', ')}; got '${value}'`,
	batchWithInput: () => '--batch reads its own file; do not also name an input',
	readingTerminal: () => 'reading the text to match from standard input; paste it, then press Ctrl-D on an empty line (Ctrl-C to stop). Or pass a file: faultline match FILE',
	lineCut: (n: number, input: string, size: string, kept: string) => `note: line ${n} of ${input} is ${size} long; only its first ${kept} was read`,
	batchLineTooLong: (where: string, size: string, max: string) => `${where}: a line of ${size} is longer than ${max}; split the text`,
	batchNotJson: (where: string) => `${where}: not a JSON object; each line must be {"id": ..., "text": "..."}`,
	batchNoText: (where: string) => `${where}: missing "text"; each line must be {"id": ..., "text": "..."}`,
	commentInputs: () => 'comment reads one event file: faultline comment EVENT.json (or - for standard input)',
	eventLineTooLong: (input: string, max: string) => `${input} has a line longer than ${max}; it is not a GitHub event`,
	eventNotJson: (input: string) => `${input} is not a JSON event`,
	notAnEvent: (input: string, why: string) => `${input} is not a GitHub issue or comment event: ${why}`,
	/** The `why` of `notAnEvent`: `kind` is how the value reads ("null", "an array", "a number"…). */
	eventIsNot: (kind: string) => `it is ${kind}, not an object`,
	eventHasNoPart: () => 'it has no "issue" or "comment" object',
	eventFieldNotObject: (field: string, kind: string) => `"${field}" is ${kind}, not an object`,
	eventFieldNotText: (field: string, kind: string) => `"${field}" is ${kind}, not text`,
	listArguments: (args: readonly string[]) => `list takes no arguments, got: ${args.join(' ')}`,
	emptyIndex: () => '--index needs a URL or a file',
	/** `why` is one of siteUrlProblems. */
	badBaseUrl: (value: string, why: string) => `--base-url takes the address the site is served at, such as http://localhost:4321; got '${value}', ${why}`,
	badSiteUrlVariable: (variable: string, value: string, why: string) =>
		`${variable} (from the environment) must be the address the site is served at, such as http://localhost:4321; got '${value}', ${why}. Fix or unset it, or pass --base-url`,
	directory: (input: string) => `${input} is a directory; pass a log file, or - for standard input`,
	noSuchFile: (input: string) => `${input}: no such file`,
	cannotRead: (input: string, code: string | undefined) => `cannot read ${input}${code ? ` (${code})` : ''}`,
	binary: (input: string) => `${input} looks like binary data (it has NUL bytes); pass a text log`,
	notUtf8: (input: string) => `${input} is not UTF-8 text; pass a text log`,
} as const;

/** A file name as the CLI's messages say it: `-` is standard input. */
export function inputName(name: string): string {
	return name === '-' ? 'standard input' : name;
}

/** Errors of the API's projection of an article the content check should have refused (src/lib/api.ts). */
export const apiMessages = {
	noEvidence: (article: string, what: string) => `${article}: ${what} has no valid evidence level (run the content check)`,
	fixWithoutAnchor: (article: string, fix: string) => `${article}: fix "${fix}" has no anchor (run the content check)`,
} as const;

/** The wizard engine's words (src/wizard/engine.ts): the way out it adds to an error check, and its errors, a state or an answer that is not in the tree. */
export const wizardEngineMessages = {
	/** `choicesOf`: an error check's way out, after its lines (walks.ts reads it as a reporter's pick). */
	noneOfThese: () => 'None of these',
	noSuchStep: (id: string) => `no step "${id}" in the tree`,
	noSuchChoice: (id: string, count: number, choice: number) => `step "${id}" has ${count} choices; there is no choice ${choice}`,
	stepUnreachable: (id: string, start: string) => `step "${id}" cannot be reached from "${start}"`,
} as const;

/** Errors of the wizard-walk evaluation (src/wizard/walks.ts, tests/fixtures/wizard-walks.jsonl). */
export const wizardWalkMessages = {
	notJson: (at: string, reason: string) => `${at}: not a JSON object (${reason}). Fix: write one walk per line as JSON.`,
	fields: (at: string) => `${at}: a walk needs \`eval\` (an eval item id), \`source\` (owner/name#N), \`saw\` (a list of lines) and \`answers\` (an object by step id). Fix: add the missing field.`,
	pickNotOne: (walk: string, step: string, pick: string, hits: number) =>
		`walk "${walk}" › answers.${step}.pick: "${pick}" fits ${hits} of the step's choices, not one. Fix: quote a piece of the one label the reporter would choose (the tree may have changed its wording).`,
	noStep: (walk: string, step: string) => `walk "${walk}": the tree has no step "${step}". Fix: check the tree with npm run build.`,
	loops: (walk: string) => `walk "${walk}": the replay visited more steps than the tree has. Fix: check the tree for a cycle with npm run build.`,
	noItem: (walk: string) => `walk "${walk}" › eval: no eval item with this id has an expected article. Fix: name a positive of tests/fixtures/dev.jsonl or dev-more.jsonl.`,
} as const;

/**
 * The paste box's own words in the page (src/components/search/SearchPanel.astro), written at build time:
 * apart from `pasteBoxMessages`, so that the browser's search code does not carry them.
 */
export const searchPanelMessages = {
	/** SearchPanel.astro: the form's name, the text box's label, and its hint (the privacy line only where the page has not said it already). */
	panelLabel: () => 'Paste an error or search',
	inputLabel: () => 'Paste an error message',
	hint: () => 'One line or a whole journal or CI log; or a few words to search.',
	hintPrivacy: () => ' Matching runs in your browser: nothing you paste leaves it.',
	/** SearchPanel.astro: the product filter, its no-filter choice, and the submit button. */
	productLabel: () => 'Product',
	allProducts: () => 'All products',
	submit: () => 'Find the cause',
	/**
	 * SearchPanel.astro: the box without JavaScript, around its two links (`noScriptWizard`, then
	 * `noScriptProducts`): what works instead, and why matching needs scripts.
	 */
	noScriptStart: () =>
		'Matching needs JavaScript: it runs in your browser, because this site is only files, with no server that could match (and so nothing you paste is ever sent anywhere). Without JavaScript, the ',
	noScriptWizard: () => 'troubleshooting wizard',
	noScriptMiddle: () => ' works and leads to the cause by questions; or open the ',
	noScriptProducts: () => 'articles by product',
	noScriptEnd: () => ' and find a few words of the error in the page (Ctrl+F).',
} as const;

/**
 * What the paste box says as it works (src/components/search/search-ui.ts, its status line and results; the
 * SearchPanel.astro section names that match them). Only the page script's bundle carries this group; the
 * worker's errors are `pasteBoxMessages`.
 */
export const pasteStatusMessages = {
	/** search-ui.ts: the note in the text box in place of a large paste's rest (`size` as formatSize gives it: "3.2 MB"). */
	largePasteNote: (size: string) => `[… ${size} pasted: the box shows the start, the whole text is matched]`,
	/** The status line while the matcher works, and while the pages are asked. */
	lookingForKnownErrors: () => 'Looking for known errors…',
	searchingPages: () => 'Searching the pages…',
	/** The status line's notes: a paste past MAX_PASTE was cut (sizes as formatSize gives them); the matcher or the ranker failed (`error`, the worker's). */
	pasteCut: (size: string, read: string) => `Your paste is ${size}; only the first ${read} were read.`,
	matchingUnavailable: (error: string) => `Known-error matching is unavailable: ${error}.`,
	rankingUnavailable: (error: string) => `Ranking the articles by their descriptions is unavailable: ${error}.`,
	/** The status line for known errors: several causes of one line (`question`: the wizard has the question that tells them apart), or `count` found. */
	knownCauses: (count: number, question: boolean) =>
		`This message has ${count} known causes; ${question ? 'the question below tells them apart' : 'each article says how to tell them apart'}.`,
	knownErrorsFound: (count: number) => `${count} known error${count === 1 ? '' : 's'} found.`,
	/** The known errors' section: its heading (and SearchPanel.astro's name for it), or, with only ruled-out articles, theirs. */
	knownErrorsHeading: () => 'Known errors',
	ruledOutHeading: () => 'Known errors ruled out',
	/** Under the heading, for a log no known error matches (the status line gave the verdict: `verdictMessages.noKnownError`). */
	noKnownErrorNote: () => 'None: nothing in the knowledge base explains this text with confidence. The pages below contain some of its words; if none fits, this may be a new problem.',
	/** Before a ruled-out article's short ID; its title and the reason follow. */
	ruledOut: () => 'Ruled out ',
	/** A line that several causes print: before their short IDs. */
	sharedLine: (count: number, lineNumber: number) => `${count} known causes print line ${lineNumber} of your text (`,
	/** Around the link to the wizard's question that tells them apart; or, when the wizard has none, what to read instead. */
	separatingQuestion: () => 'The question that tells them apart: ',
	separatingQuestionAfter: () => ' (answer it in the wizard). Each article’s “How to confirm” section checks its own cause.',
	noSeparatingQuestion: () => 'Read the “How to confirm” section of each to tell them apart.',
	/**
	 * A known error's line above the code boxes: its confidence, and how the reader's line meets the article's
	 * (`verbatim`: word for word, so one box; else the match's kind, matcher/match.ts MatchKind).
	 */
	matchConfidence: (confidence: Confidence, lineNumber: number, how: MatchKind | 'verbatim') => {
		const level = confidence === 'high' ? 'High' : 'Medium';
		if (how === 'verbatim') return `${level} confidence: line ${lineNumber} of your text is this article's error line, word for word:`;
		const verb = how === 'exact' ? 'matches' : how === 'near' ? 'has every specific word of' : 'is part of';
		return `${level} confidence: line ${lineNumber} of your text ${verb} this article's error line:`;
	},
	/** Under a known error's boxes: how many more lines of the reader's text match it. */
	moreLines: (count: number) => `${count} more ${count === 1 ? 'line of your text matches' : 'lines of your text match'} this article too.`,
	/** src/components/search/search-ui.ts: the labels of a match's two code boxes, the reader's own line and the line the article quotes. */
	yourLine: (lineNumber: number) => `Your line (line ${lineNumber} of your text):`,
	articleLine: () => "The article's error line:",
	/** A wizard step's paste box: after the status line, while the page goes to the step that explains the paste. */
	goingToStep: () => 'Going to the matching step…',
} as const;

/**
 * What the paste box's worker and the browser index say (src/components/search/match-worker.ts,
 * src/lib/matcher/browser-index.ts): errors the page shows in the box. The worker's bundle carries this
 * group (and the matcher's and the index's own groups), so it holds nothing the page script says: a bundle
 * drops an unused group, never an unused entry of a group it keeps (tests/unit/messages.test.ts checks
 * that the worker's bundle holds every entry here and none of `pasteStatusMessages`).
 */
export const pasteBoxMessages = {
	/** src/lib/matcher/browser-index.ts: a result names an article whose display record was not fetched. */
	noDisplayRecord: (article: string) => `no display record for article ${article}: the display texts and the index come from different builds; reload the page`,
	/** match-worker.ts: a file of the index (`what`) answered with an HTTP error. */
	notLoaded: (what: string, status: number) => `${what} could not be loaded (HTTP ${status})`,
	/** match-worker.ts: the display texts (titles, summaries, reasons) of a result could not be fetched; the matches still show, by ID. */
	noDisplayTexts: (reason: string) => `The articles' titles and summaries could not be loaded (${reason}); each known error is linked by its ID.`,
} as const;

/** Labels of the site's pages that are not an article's own words (src/components). */
export const pageMessages = {
	/** ArticleJumps.astro: the jump box under an article's summary, its recommended fix, and the Fixes link when there are several. */
	jumpsLabel: () => 'Jump to',
	recommendedFix: () => 'Recommended fix:',
	allFixes: (count: number) => `All ${count} fixes`,
	/** WizardPaste.astro: the step's paste box, open before a long list of error lines, or closed after the answers. */
	wizardPasteFirst: () => 'Paste your error message instead of looking through the long list below',
	wizardPasteAfter: () => 'Or paste an error message',
	/** ArticleList.astro: the badge of a retired article. */
	retired: () => 'retired',
	/** ProductGrid.astro: a product's article count. */
	articleCount: (count: number) => `${count} article${count === 1 ? '' : 's'}`,
	/** RedirectPage.astro: the line of a moved page, before the link to its new address. */
	movedTo: () => 'This page has moved to ',
	/** MarkdownContent.astro: the heading of an article's related failures, at the end of its References. */
	relatedFailures: () => 'Related failures',
	/**
	 * Search.astro: the header's search link, the dialog's name and heading, its close button, and the paste box's
	 * status line when a paste is submitted before the search code has arrived (written into the page's inline script).
	 */
	searchLink: () => 'Search',
	searchDialogLabel: () => 'Search',
	searchDialogTitle: () => 'Paste an error, or search',
	closeSearch: () => 'Close',
	startingMatcher: () => 'Starting the matcher…',
} as const;

/** An article's line under its title and its lead (src/components/PageTitle.astro). */
export const pageTitleMessages = {
	/** A retired article's status, before the link to its replacement. */
	retiredSee: () => 'Retired: see ',
	/** Before the date the article was last verified. */
	lastVerified: () => 'Last verified ',
	/** The `reproduced` field: the badge, then " on <date> with <tools>", then what the recorded run recreated (`fix`: the recommended fix ran too). */
	reproducedBadge: () => 'Reproduced here',
	reproducedOn: () => ' on ',
	reproducedWith: () => ' with ',
	reproducedWhat: (fix: boolean) => (fix ? ': the error, the match and the recommended fix' : ': the error and the match (the recommended fix could not be run there)'),
	/** The `notReproduced` field, with its reason (repro.ts NOT_REPRODUCED_REASONS). */
	notReproduced: (reason: string) => `Not reproduced here: ${reason}.`,
	/** Before the article's root-cause summary, its lead. */
	rootCause: () => 'Root cause:',
} as const;

/** What each copy button copies (src/lib/share.ts makes each text), as its label names it. */
const SHARE_KINDS = { url: 'URL', markdown: 'Markdown link', comment: 'issue comment' } as const;
/** A copy button's kind: its `data-copy`. */
export type ShareKind = keyof typeof SHARE_KINDS;

/**
 * The copy buttons of an article and of each fix (ShareLinks.astro). Its script reads the texts it shows from the
 * page's data attributes, written from these at build time: an import would add a request to every article page.
 */
export const shareMessages = {
	/** The toolbar's label, for the article and for a fix. */
	articleLabel: () => 'Link this article:',
	fixLabel: () => 'Link this fix:',
	/** A button's text ("Copy URL"), and the status line once its text is on the clipboard ("Copied: URL"). */
	copy: (what: ShareKind) => `Copy ${SHARE_KINDS[what]}`,
	copied: (what: ShareKind) => `Copied: ${SHARE_KINDS[what]}`,
	/** The status line when the clipboard refuses, before the text itself, to copy by hand. */
	copyThis: () => 'Copy this: ',
} as const;

/** The wizard's pages (src/components/wizard/): a step, the answers so far, the maps. */
export const wizardPageMessages = {
	/** Step.astro: before a question's command, and before what to look for in its output. */
	run: () => 'Run:',
	lookFor: () => 'Look for:',
	/** Step.astro: the list of a long error check's groups of lines, its heading and how to use it. */
	groupsHeading: () => 'The lines, by the words they show',
	groupsHow: () => ' (look under the first group whose words your line has):',
	/** Step.astro: a result step that names a cause of its own, before the article's summary. */
	causeInGeneral: (shortId: string) => `${shortId} in general: `,
	/** Step.astro: a result's links, to the article (its title follows) and to its recommended fix. */
	readArticle: (shortId: string) => `Read ${shortId}: `,
	fixLink: () => 'The recommended fix, its trade-offs and evidence',
	/** Step.astro: what would prove the result wrong, each command followed by "prints:" and its output. */
	disproofHeading: () => 'Not this cause if…',
	prints: () => 'prints:',
	/** Step.astro: the recommended fix shown on the step, its heading (the fix's title follows) and its Verify paragraph's lead. */
	fixHeading: () => 'The recommended fix: ',
	verify: () => 'Verify:',
	/**
	 * Examples.astro: "In these commands guest0 stands for your guest's name and alice for the user's name:
	 * they are examples, put yours in their place." Its pieces, around each name (shown as code): the start,
	 * the joint before name `i` of `count`, the words after it, and the end.
	 */
	examplesStart: () => 'In these commands ',
	examplesJoint: (i: number, count: number) => (i === 0 ? '' : i === count - 1 ? ' and ' : ', '),
	examplesStands: (i: number) => (i === 0 ? ' stands for ' : ' for '),
	examplesEnd: (count: number) => (count === 1 ? ': it is an example, put yours in its place.' : ': they are examples, put yours in their place.'),
	/** Step.astro: an end step, the articles that may still apply, and what to do when nothing fits (around its two links). */
	suggestedHeading: () => 'Articles that may still apply',
	notFoundHeading: () => 'Not found?',
	searchLink: () => 'Search the knowledge base',
	searchOr: () => ', or ',
	reportLink: () => 'report this problem',
	reportAfter: () => " (opens the project's issue tracker with your answers filled in; add your error message there, without secrets).",
	/** Step.astro: the pre-filled report an end step opens on the tracker: its title, and its body around the answers. */
	reportTitle: (what: string) => `Unknown failure: ${what}`,
	reportEnded: (stepPath: string) => `The Faultline wizard ended at ${stepPath} without a known cause.`,
	reportAnswers: () => 'Answers:',
	reportPaste: () => 'Error message or log (paste it here, without secrets):',
	/** Trail.astro: the answers so far (heading and name), the "or" between several answers, and the link back to a step. */
	trailHeading: () => 'Your answers so far',
	trailOr: () => ' or ',
	change: () => 'Change',
	changeLabel: (prompt: string) => `Change your answer to: ${prompt}`,
	/** WizardMap.astro: the zoom toolbar's name, its buttons, and the note when the map is wider than its frame. */
	mapToolsLabel: () => 'Map size',
	zoomFit: () => 'Fit (smallest readable)',
	zoomWidth: () => 'Whole width (overview)',
	zoomOut: () => 'Zoom out',
	zoomIn: () => 'Zoom in',
	zoomActual: () => 'Actual size',
	mapScrolls: () => 'Wider than the frame: scroll sideways to see the rest →',
	/** WizardMap.astro: the map's name for screen readers (`title`, the map's), with how to move around it. */
	mapRegion: (title: string) => `${title} (scroll to pan; + and − zoom)`,
	/** A branch drawn as one box (WizardMap.astro, MapOutline.astro): after its label, and the box's last line. */
	ownMap: (steps: number) => `(its own map: ${steps} steps)`,
	ownMapLine: (steps: number) => `→ its map: ${steps} steps`,
	/** WizardMap.astro: the map as an outline list, folded under it. */
	mapAsList: () => 'The map as a list',
} as const;

/** The verdict for a log no known error matches, the same on the site (the paste box's status line) and in the CLI (presenters.ts). */
export const verdictMessages = {
	noKnownError: () => 'No known error matches this text.',
} as const;

/**
 * A log with no match whose line one article knows as a line other causes print too (match.ts `possible`), the
 * same on the site (src/components/search/search-ui.ts) and in the CLI (presenters.ts): a cause to check, not an
 * answer and not a new problem. The bot posts nothing for it (presenters.ts `toMarkdown`).
 */
export const possibleMessages = {
	/** The status line (site) and the first line (CLI), in place of `verdictMessages.noKnownError`. */
	summary: (count: number) =>
		`No known error matches this text with confidence, but ${count === 1 ? 'one of its lines is' : 'some of its lines are'} printed by a known cause among others: check ${count === 1 ? 'it' : 'them'} before you follow a fix.`,
	/** The section's heading (site) and label (CLI). */
	heading: () => 'Possible causes — to check, not a diagnosis',
	/** Under each possible cause: which line, and why it is not an answer. */
	line: (lineNumber: number) => `Line ${lineNumber} of your text is printed by this cause, and by others no article explains yet:`,
	/** The link to the article's “How to confirm” (site) and its label (CLI). */
	confirm: () => 'Check whether it is this cause (How to confirm)',
} as const;

/** Why the matcher rules an article out that no `excludeWhen` of its own names (match.ts `rank`); shown beside the article as its `why`. */
export const exclusionMessages = {
	/** An article for some host systems only (its `hosts`), and a paste that names only others (hosts.ts). */
	otherHost: (articleHosts: readonly string[], named: readonly string[]) => `It happens on ${articleHosts.join(' or ')} only, and the text names ${named.join(' and ')}.`,
} as const;

/**
 * What a description or a search with no error line gets, on the site (src/components/search/search-ui.ts)
 * and in the CLI (src/lib/presenters.ts) alike: likely articles when one stands out (prose.ts), else no
 * known match, never a "no known error" verdict, and the closest articles by their words as search
 * results, plainly not a diagnosis.
 */
export const proseMessages = {
	/** The status line (site) and the first line (CLI): how many likely articles, or none and whether search results follow. */
	summary: (kind: 'words' | 'prose', likely: number, closest = 0) => {
		const articles = `${likely} likely article${likely === 1 ? '' : 's'}`;
		const rest = closest ? `; the closest articles by their words follow, as search results` : '';
		if (kind === 'words') return likely ? `Search: ${articles} for these words.` : `Search: no article stands out for these words${rest}.`;
		return likely ? `No error line in this text; ${articles} by its description.` : `No error line in this text, and no article stands out for this description${rest}.`;
	},
	/** The likely articles' heading (site), shown only over a list: none standing out gets `likelyNone` alone. */
	likelyHeading: () => 'Likely articles',
	/** Under that heading: what the likely articles are. */
	likelyNote: () => 'Not a known error: no error line in your text matched. These articles’ descriptions fit its words; check with each one’s “How to confirm”.',
	/** The pages' heading (site) when no article is listed above them. */
	pagesHeading: () => 'Pages',
	/** The pages' heading (site) under listed articles: the pages leave those out, so these are the others. */
	morePagesHeading: () => 'Other pages',
	/** The closest articles' heading (site) and label (CLI). */
	closestHeading: () => 'Closest articles by their words — not a diagnosis',
	/** Under the heading: what these are, and what to do with them. */
	closestNote: () =>
		'Search results, not a known match: no article stands out for your text, and these share the most words with it. Read each one’s symptoms, and check with its “How to confirm” before you follow it.',
	/** The likely section when none stands out, beside the closest articles (site); the wizard's link follows. */
	likelyNone: (closest: number) =>
		`${closest ? 'None stands out: no article’s description fits these words well enough to be an answer.' : 'None: no article’s description fits these words.'} Without an error line, the wizard finds the cause one question at a time, each with the command that answers it: `,
	/** The wizard link's text after `likelyNone`. */
	startWizard: () => 'start the wizard',
	/**
	 * Why an article ranks (likely or closest): "shares “subuid” (title, symptoms) and “newuidmap” (as “newgidmap”,
	 * in root cause) with this article". Each word is the reader's (prose.ts SharedWord); the article's own word
	 * only as such, when the ranker met a near one: "shares “newgidmap”" named a word the reader had not typed.
	 */
	sharedWords: (shared: readonly { word: string; as?: string; fields: readonly string[] }[], max = 6) => {
		const parts = shared.slice(0, max).map((s) => (s.as ? `“${s.word}” (as “${s.as}”, in ${s.fields.join(', ')})` : `“${s.word}” (${s.fields.join(', ')})`));
		const more = shared.length > max ? ` and ${shared.length - max} more` : '';
		return `shares ${parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0]}${more} with this article`;
	},
	/** A closest article's line under its summary (site): why it is listed. */
	whyListed: (shared: readonly { word: string; as?: string; fields: readonly string[] }[]) => `Why listed: ${proseMessages.sharedWords(shared)}.`,
	/** A likely article's badge, its line under its summary (site): why it ranks, and its link to the article's "How to confirm" section. */
	likelyBadge: () => 'likely',
	whyLikely: (shared: readonly { word: string; as?: string; fields: readonly string[] }[]) => `Why: ${proseMessages.sharedWords(shared)}.`,
	/** The link to an article's "How to confirm" section: under a likely article (site), and on a wizard result step (Step.astro). */
	howToConfirmIt: () => 'How to confirm it',
	/** The pages' status note: none holds all the words searched, and none holds any (a log's line, or words no page has). */
	noPageHasAllWords: () => 'No page contains all of these words.',
	/** The pages' status note: no page holds all of a description's words; the pages listed hold some of them, most first. */
	pagesWithSomeWords: (words: readonly string[]) => `No page contains all of its words; the pages below contain some of them (${words.join(', ')}), the most first.`,
} as const;

/** The CLI's own lines for the closest articles (src/lib/presenters.ts), apart so that the paste box's bundle does not carry them. */
export const proseCliMessages = {
	/** A word an article shares with the text, in a terminal's or a comment's list: the reader's, and the article's near word as such (`newuidmap (as newgidmap)`). */
	sharedWord: (s: { word: string; as?: string }) => (s.as ? `${s.word} (as ${s.as})` : s.word),
	/** The line under each likely article (terminal): what it is, and the words it shares. */
	likelyShares: (words: readonly string[]) => `likely, not a known error; shares: ${words.join(', ')}`,
	/** The line under each likely article (Markdown comment): the words it shares with the issue or log. */
	sharesWith: (source: string, words: readonly string[]) => `Shares with ${source}: ${words.join(', ')}`,
	/** The line under each closest article: the words it shares. */
	closestShares: (words: readonly string[]) => `search result, not a diagnosis; shares: ${words.join(', ')}`,
	/** The last line after the closest articles: the wizard. */
	closestWizard: (url: string) => `Or let the wizard find the cause one question at a time: ${url}`,
} as const;

/** The build's summaries (src/integrations/), the eval set's and the search index's errors. */
export const buildMessages = {
	titleNestedQuotes: () =>
		'a title quotes an error in double quotes only when the quoted words hold no double quote themselves (a quote in a quote reads as two): quote the part before or after the inner quotes, or name it in words',
	signatureTrailingSpace: () =>
		'a signature does not end in spaces: the page shows code without trailing spaces, so the line as written would not be on it; remove them',
	contentProblems: (count: number, report: string) => `The content check found ${count} problem(s):\n${report}`,
	contentProblemsDev: (report: string) => `Content problems:\n${report}`,
	contentPassed: (count: number) => `${count} articles pass the content check.`,
	siteProblems: (count: number, report: string) => `The built site has ${count} problem(s):\n${report}`,
	evalNotJson: (at: string, reason: string) => `${at}: not JSON (${reason}). Fix: one JSON object per line.`,
	evalItemFields: (at: string) => `${at}: an eval item needs "id", "text" and "expected" (an article slug or null).`,
	searchIndex: (errors: readonly string[]) => `the search index (Pagefind) failed: ${errors.join('; ')}`,
	/** src/lib/matcher/browser-index.ts: a `why` text that already looks like the `@n` reference it would be replaced by. */
	/** src/lib/remark-short-ids.ts: a short ID in an article's prose that names no article. */
	unknownShortIdInProse: (at: string, shortId: string) =>
		`${at}: ${shortId} names no article; write the short ID of an existing article, or put it in backticks if it is not a reference`,
	displayReferenceInWhy: (article: string, why: string) =>
		`a why text of article ${article} reads as a display reference (@ and a number alone): ${why}; reword it`,
	treeNotYaml: (reason: string) => ({ message: `cannot be read as YAML: ${reason}`, fix: 'fix the YAML syntax' }),
	/** The schema's own messages for the two rules a field type cannot state (src/lib/article-schema.ts). */
	retiredWithoutReplacement: () => 'a retired article must name its replacement',
	replacementWhileActive: () => 'only a retired article has a replacement',
	// The schema's problem line adds the value given: (got "2999-01-01").
	lastVerifiedInFuture: () => 'is a day that has not come yet: it is the day you last checked the facts against the sources',
	versionsOfUnlistedProduct: (products: readonly string[]) => `names a product the article does not list in \`products\` (${products.join(', ')})`,
	hostsMissingTitleHost: (hosts: readonly string[]) => `must list ${hosts.join(' or ')}: the title names that host system (src/lib/hosts.ts; list each host system the article applies to only)`,
	/** Its fix: either way out, the versions entry or the product list. */
	versionsOfUnlistedProductFix: () => 'list { product, affected, fixed } only for products the article lists in `products`, or add the product to `products` if the failure is one of it too',
} as const;

/** Messages of the project's own scripts (scripts/): scaffolding an article, packing the CLI, finding a browser. */
export const scriptMessages = {
	newArticleUsage: () => 'usage: npm run new-article -- <slug>   (lower-case words joined by hyphens, e.g. podman-foo-bar)',
	articleExists: (file: string) => `${file} already exists; pick another slug.`,
	/**
	 * new-article's closing words: what the build will ask of the new article, in the order it asks it. The
	 * wizard step is named here with the build's own fix for an article no path reaches (wizardMessages), so that
	 * a contributor who follows these words meets no check they were not told of.
	 */
	articleWritten: (file: string, shortId: string, slug: string, treeFile: string) =>
		`Wrote ${file} (${shortId}). Fill in every field; then make it reachable in the wizard: in ${treeFile}, ${wizardMessages.articleNotReachable(slug).fix} (a step \`{ id: result-${slug}, kind: result, article: ${slug} }\`, CONTRIBUTING.md says how). Then run \`npm run build\` to check it.`,
	cliBundlesPackages: (packages: readonly string[]) =>
		`dist-cli › bundle: the packaged CLI would bundle ${packages.join(', ')}. Fix: keep content loading (yaml, zod) out of src/cli/packaged.ts and src/action/main.ts; they read dist-cli/data.json.`,
	packInsideRepository: (dir: string) => `${dir} is inside the repository; set TMPDIR to a directory outside it`,
	noChromium: () =>
		[
			'No Chromium found for the end-to-end tests. Any one of these fixes it:',
			'  - Debian/Ubuntu: sudo apt-get install -y chromium',
			"  - or Playwright's own build: npx playwright install chromium",
			'  - or point CHROMIUM_PATH at a Chromium or Chrome binary.',
		].join('\n'),
	commonWordsWritten: (file: string, words: number, threads: number) => `${file}: ${words} words common in real logs, from ${threads} eval threads`,
	commonWordsCurrent: (file: string) => `${file} is current`,
	commonWordsStale: (file: string) => `${file} › COMMON_LOG_WORDS: the list no longer follows from the eval data. Fix: run node scripts/common-log-words.ts and commit the file.`,
} as const;

/** `npm run repro` (scripts/repro/, src/lib/repro.ts): the machine, and a reproduction that no longer reproduces, naming the article and what changed. */
export const reproMessages = {
	notRoot: () => ({
		message: 'npm run repro recreates failures on the real tools: it creates throwaway users and installs podman, runc, crun, uidmap, busybox-static and nix-bin with apt-get when absent, so it needs root on Debian (as on CI)',
		fix: 'run it as root on a Debian machine you can spare, e.g. `sudo npm run repro`, or let CI run it (`.ci/run`)',
	}),
	aptFailed: (packages: readonly string[]) => ({
		message: `apt-get could not install ${packages.join(', ')}`,
		fix: `run \`apt-get update && apt-get install -y ${packages.join(' ')}\` as root and read its error (a mirror that cannot be reached, a held package)`,
	}),
	noLongerFails: (article: string, command: string) => ({
		message: `${article}: \`${shorten(command, 120)}\` succeeded in the broken state: the failure no longer reproduces on these tool versions`,
		fix: `find out what changed upstream (a new release handles this case), then update the article's versions and affected releases, or the reproduction in scripts/repro/cases.ts`,
	}),
	wordingGone: (article: string, command: string, lastLine: string) => ({
		message: `${article}: no line printed by \`${shorten(command, 120)}\` matches any of the article's signatures any more (its last line was "${shorten(lastLine, 200)}")`,
		fix: `the tool's wording changed or the article's signature did: add the wording the tool prints now as a signature with the releases that print it (\`where\`), and keep the old one for the older releases`,
	}),
	notFirst: (article: string, first: string | undefined) => ({
		message: `${article}: \`faultline match\` on the reproduction's output puts ${first ? `"${first}"` : 'no article'} first, not this article`,
		fix: first
			? `tell the two apart: give ${article} \`when\` context from the output, or ${first} an \`excludeWhen\` for it (CONTRIBUTING.md, "Patterns and typed holes")`
			: `make a signature of ${article} match a line of the output (tests/fixtures/repro/${article}.json)`,
	}),
	fixFailed: (article: string, command: string, status: number, lastLine: string) => ({
		message: `${article}: after the recommended fix, \`${shorten(command, 120)}\` still fails (exit ${status}: "${shorten(lastLine, 200)}"): the fix no longer works as printed`,
		fix: `check the fix against the current release, then correct the article's first fix (or its order) and its evidence level`,
	}),
	setupFailed: (article: string, step: string, error: string) => ({
		message: `${article}: the reproduction could not set up the broken state (${step}: ${shorten(error, 200)})`,
		fix: 'run `npm run repro -- --only <slug>` as root to see the step, and correct scripts/repro/cases.ts',
	}),
	leftBehind: (things: readonly string[]) => ({
		message: `the run could not remove ${things.join('; ')}`,
		fix: 'remove them by hand (userdel, kill by PID, rm -r), then look at the cleanup in scripts/repro/host.ts',
	}),
	shadowFailed: (tool: string, args: readonly string[], stderr: string) => ({
		message: `\`${tool} ${args.join(' ')}\` failed: ${shorten(stderr, 200)}`,
		fix: 'read the error of shadow\'s tool (a user or range left by an earlier run, a full /etc/subuid), remove what is in the way, and run again',
	}),
	limitGone: (reason: string, articles: readonly string[], lastLine: string) => ({
		message: `the machine no longer shows the limit "${reason}" that keeps ${articles.join(', ')} from being reproduced (the check printed "${shorten(lastLine, 200)}")`,
		fix: 'write reproductions for those articles in scripts/repro/cases.ts and remove their `notReproduced`, or update the limit\'s check (HOST_LIMITS)',
	}),
	unknownArticle: (slug: string) => ({
		message: `there is no reproduction for "${slug}"`,
		fix: 'name one of the slugs listed in scripts/repro/cases.ts',
	}),
	recordMismatch: (article: string, field: string) => ({
		message: `${article}: the front matter's \`reproduced.${field}\` is not what the recorded run (tests/fixtures/repro/${article}.json) says`,
		fix: 'run `npm run repro -- --record` as root, which writes both',
	}),
	recordMissing: (article: string) => ({
		message: `${article} says it was reproduced here, but tests/fixtures/repro/${article}.json does not exist`,
		fix: 'run `npm run repro -- --record` as root, or remove the `reproduced` field',
	}),
} as const;

/** One problem as one line, the build's format: `where › field: what is wrong. Fix: how.` */
export function problemLine(where: string, field: string, m: Message): string {
	return `${where} › ${field}: ${m.message}. Fix: ${m.fix}.`;
}

/** A message with no file or field to name, as one line: `what is wrong. Fix: how.` */
export function messageLine(m: Message): string {
	return `${m.message}. Fix: ${m.fix}.`;
}
