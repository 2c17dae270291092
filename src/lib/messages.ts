/**
 * Every content error message, in one place. Each says what is wrong and how
 * to fix it; the content check builds problems from these and the tests pin
 * them.
 */
import { ARTICLE_SECTIONS } from './registry.ts';
import { EVIDENCE_LEVEL_NAMES } from './evidence.ts';
import { apiPath, MATCHER_INDEX_PATH, wizardStepPath } from './addresses.ts';

/** A quoted piece of content cut to `max` characters, with an ellipsis when cut. */
function shorten(text: string, max: number): string {
	return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

const ORDER = ARTICLE_SECTIONS.map((s) => `## ${s}`).join(', ');
const LEVELS = EVIDENCE_LEVEL_NAMES.map((l) => `"${l}"`).join(', ');

export const messages = {
	unreadable: (reason: string) => ({
		message: `cannot be read (${reason})`,
		fix: 'check that the file exists and is UTF-8 text',
	}),
	noFrontMatter: () => ({
		message: 'has no front matter',
		fix: 'start the file with a --- block; `npm run new-article -- <slug>` writes a template',
	}),
	badYaml: (reason: string) => ({
		message: `front matter is not valid YAML: ${reason}`,
		fix: 'fix the YAML syntax (quote strings that contain `: ` or start with a backtick)',
	}),
	invalidField: (what: string, hint: string) => ({ message: what, fix: hint }),
	unknownField: (key: string) => ({
		message: `unknown field \`${key}\``,
		fix: 'remove it, or add it to src/lib/article-schema.ts with a JSDoc comment',
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
	mdxArticle: () => ({
		message: 'articles are plain Markdown, not MDX: every MDX file becomes a module of the site bundle, which does not scale',
		fix: 'rename it to .md; the symptoms, versions and references sections are filled in from the front matter',
	}),
	idMismatch: (id: string, fileSlug: string) => ({
		message: `\`id\` is "${id}" but the file is named ${fileSlug}.md`,
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
		fix: after ? `add "## ${section}" after "## ${after}" (order: ${ORDER})` : `add "## ${section}" as the first section (order: ${ORDER})`,
	}),
	misorderedSection: (section: string, before: string) => ({
		message: `section "## ${section}" comes after "## ${before}" but belongs before it`,
		fix: `put the sections in this order: ${ORDER}`,
	}),
	unknownSection: (heading: string) => ({
		message: `section "## ${heading}" is not part of the article template`,
		fix: `use only these sections: ${ORDER}; put extra material under one of them as ### subsections`,
	}),
	duplicateSection: (section: string) => ({
		message: `section "## ${section}" appears twice`,
		fix: 'merge the two into one section',
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
	fixWithoutAnchor: (fix: string) => ({
		message: `fix "### ${fix}" has no permanent anchor`,
		fix: `end the heading with an anchor that never changes, e.g. "### ${fix} {#${fix.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').split('-').slice(0, 4).join('-')}}"`,
	}),
	fixWithoutEvidence: (fix: string) => ({
		message: `fix "### ${fix}" does not say how sure we are that it works`,
		fix: `add one paragraph that starts with **Evidence:** and a level (${LEVELS}), then a full stop and the source, e.g. "**Evidence:** confirmed upstream. The maintainer recommends it in owner/name#123."`,
	}),
	rootCauseWithoutEvidence: () => ({
		message: 'section "## Root cause" does not say how sure we are of the cause',
		fix: `add one paragraph that starts with **Evidence:** and a level (${LEVELS}) for the cause as a whole, then a full stop and the source; mark any weaker statement inline, e.g. "(inferred)"`,
	}),
	unknownEvidence: (level: string) => ({
		message: `evidence level "${level}" is not one of the four`,
		fix: `write exactly one of ${LEVELS} right after **Evidence:**, then a full stop (definitions: src/lib/evidence.ts)`,
	}),
	duplicateEvidence: (levels: readonly string[]) => ({
		message: `${levels.length} **Evidence:** paragraphs (${levels.map((l) => `"${l}"`).join(', ')}) where one belongs`,
		fix: 'keep one paragraph with the level of the claim as a whole; mark a weaker single statement inline, e.g. "(reported)"',
	}),
	reproductionNotRecorded: (level: string) => ({
		message: `evidence level "${level}" needs a recorded reproduction, and the project does not record reproductions yet`,
		fix: 'state the level the sources support ("confirmed upstream", "reported" or "inferred") until reproductions are recorded with the article',
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
	noShellCheck: (how: string) => ({
		message: 'ShellCheck is not installed, so the shell code in the articles cannot be checked',
		fix: how,
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
		message: `lists "${line}", which is not the line or pattern of any article's signature`,
		fix: "copy a signature's `line` or `pattern` from an article's front matter exactly",
	}),
	noWayOut: (id: string) => ({
		message: `question "${id}" offers no way out`,
		fix: 'add an answer such as "I\'m not sure" or "None of these" with `wayOut: true`, leading to a step that helps',
	}),
	articleNotReachable: (slug: string) => ({
		message: `the article "${slug}" is not reachable: no result step names it`,
		fix: 'add a result step for it under the question that leads to its cause',
	}),
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
	indexNotJson: () => ({ message: 'is not JSON', fix: `pass the site's ${MATCHER_INDEX_PATH}, not an HTML page or a shard` }),
	indexNewer: (version: unknown) => ({
		message: `is version ${JSON.stringify(version)}, and this faultline reads version 1`,
		fix: 'install a newer faultline (npm install -g faultline@latest), or pass an index of version 1',
	}),
	indexShape: (what: string) => ({
		message: what,
		fix: `pass the site's whole index, ${MATCHER_INDEX_PATH} (a shard or ${apiPath('articles.json')} is not one)`,
	}),
	eventUnreadable: (reason: string) => ({
		message: `cannot be read (${reason})`,
		fix: 'run the Action on `issues` or `issue_comment` events, which GitHub writes to $GITHUB_EVENT_PATH',
	}),
	eventShape: (what: string) => ({
		message: what,
		fix: 'run the Action on `issues` (opened, edited, reopened) or `issue_comment` (created, edited) events',
	}),
	badInput: (what: string, allowed: string) => ({ message: what, fix: `set it to ${allowed}` }),
	githubApi: (what: string, status: number, detail: string) => ({
		message: `${what} failed with HTTP ${status}${detail ? ` (${detail})` : ''}`,
		fix: 'give the job `permissions: issues: write` and pass a token that may comment on this repository',
	}),
} as const;

/** One problem as one line, the build's format: `where › field: what is wrong. Fix: how.` */
export function problemLine(where: string, field: string, m: Message): string {
	return `${where} › ${field}: ${m.message}. Fix: ${m.fix}.`;
}
