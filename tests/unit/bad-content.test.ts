/**
 * Every kind of broken content fails the build, or the tests, with one line
 * that names the file, the field or step, and the fix. Each case breaks a
 * small copy of the real content in a fresh directory and runs the same
 * checks the build runs.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/integrations/content-check.ts';
import { brokenLinks, lockProblems } from '../../src/lib/links.ts';
import { builtSiteProblems } from '../../src/lib/built-checks.ts';
import { policyFor } from '../../src/lib/csp.ts';
import { createHash } from 'node:crypto';
import { formatProblem } from '../../src/lib/content.ts';
import { ARTICLE_TEMPLATE, TEMPLATE_TOKENS } from '../../src/lib/article-template.ts';
import { scriptMessages } from '../../src/lib/messages.ts';
import { TREE_FILE } from '../../src/lib/content-inputs.ts';

const real = fileURLToPath(new URL('../..', import.meta.url));
const KB = 'src/content/docs/kb';
const ARTICLES = ['nix-installer-seccomp-bpf', 'nix-wsl1-seccomp'];

const TREE = `start: start
nodes:
  - id: start
    kind: error-check
    prompt: Do you see this line?
    lines:
      - line: "unable to load seccomp BPF program: Invalid argument"
        next: where
    none: lost
  - id: where
    kind: question
    prompt: Where does Nix run?
    answers:
      - label: Under emulation
        next: emulated
      - label: On WSL 1
        next: wsl1
      - label: Not sure
        next: lost-2
        wayOut: true
  - id: emulated
    kind: result
    article: nix-installer-seccomp-bpf
  - id: wsl1
    kind: result
    article: nix-wsl1-seccomp
  - id: lost
    kind: end
    title: Lost
    text: Search or report it.
  - id: lost-2
    kind: end
    title: Lost
    text: Search or report it.
`;

/** A fresh project with two real articles, a wizard over them and no redirects. */
function project(): string {
	const root = mkdtempSync(join(tmpdir(), 'faultline-bad-'));
	mkdirSync(join(root, KB), { recursive: true });
	for (const a of ARTICLES) cpSync(join(real, KB, `${a}.md`), join(root, KB, `${a}.md`));
	mkdirSync(join(root, 'src/content/wizard'), { recursive: true });
	writeFileSync(join(root, 'src/content/wizard/tree.yaml'), TREE);
	writeFileSync(join(root, 'src/content/redirects.yaml'), 'slugs: []\nanchors: []\n');
	return root;
}

/** Change one file of a project by a text replacement (which must apply). */
function change(root: string, file: string, from: string | RegExp, to: string) {
	const path = join(root, file);
	const text = readFileSync(path, 'utf8');
	const next = text.replace(from, to);
	expect(next, `the case must change ${file}`).not.toBe(text);
	writeFileSync(path, next);
}

/** Turn the first article into an MDX file (fix anchors escaped, as MDX needs), with `insert` under its Symptoms heading. */
function asMdx(root: string, insert = '') {
	renameSync(join(root, A), join(root, `${A}x`));
	change(root, `${A}x`, /\{#/g, '\\{#');
	if (insert) change(root, `${A}x`, '## Symptoms\n', `## Symptoms\n\n${insert}\n`);
}

/** Run the build's content check on a project; the error it throws, or ''. */
function build(root: string): string {
	const logger = { info() {}, error() {} } as unknown as AstroIntegrationLogger;
	try {
		checkContent(root, logger, false);
		return '';
	} catch (e) {
		return (e as Error).message;
	}
}

const A = `${KB}/nix-installer-seccomp-bpf.md`;
/** The 1-based line of the real file `file` that starts with `text`. */
const lineOf = (file: string, text: string) => readFileSync(join(real, file), 'utf8').split('\n').findIndex((l) => l.startsWith(text)) + 1;
const W = `${KB}/nix-wsl1-seccomp.md`;
const T = 'src/content/wizard/tree.yaml';

const CASES: [string, (root: string) => void, RegExp][] = [
	['a missing field', (r) => change(r, A, /^summary: .*\n/m, ''), /nix-installer-seccomp-bpf\.md › summary: `summary` is missing\. Fix: write the root cause/],
	['a malformed short ID', (r) => change(r, A, 'shortId: FL-0005', 'shortId: FL-5'), /› shortId \(line 3\): `shortId` must be FL- and four digits \(more from FL-10000 on\).*\. Fix: give the next free FL-NNNN/],
	['an unknown product', (r) => change(r, A, 'products: [nix-installer,', 'products: [nix-instaler,'), /› products\.0 \(line 6\): `products\.0` has "nix-instaler", which is not a known value\. Fix: use product ids from src\/lib\/registry\.ts/],
	['an unknown field', (r) => change(r, A, 'status: active', 'status: active\nauthor: me'), new RegExp(`› author \\(line ${lineOf(A, 'status: active') + 1}\\): unknown field \`author\`\\. Fix: remove it, or add it to src/lib/article-schema\\.ts`)],
	['bad YAML', (r) => change(r, A, 'status: active', 'status: [active'), /› front matter: front matter is not valid YAML: .*Fix: fix the YAML syntax/],
	// The parser counts from the front matter's first line; the message counts from the file's, where an editor does.
	['bad YAML, at the line of the file', (r) => change(r, A, 'status: active', 'status: [active\nnext: 1'), new RegExp(`front matter is not valid YAML: .* at line ${lineOf(A, 'status: active') + 1}, column \\d+ of the file\\. Fix`)],
	['a lastVerified in the future', (r) => change(r, A, /^lastVerified: .*$/m, 'lastVerified: 2999-01-01'), new RegExp(`nix-installer-seccomp-bpf\\.md › lastVerified \\(line ${lineOf(A, 'lastVerified: ')}\\): \`lastVerified\` is a day that has not come yet: it is the day you last checked the facts against the sources \\(got "2999-01-01"\\)\\. Fix: the date the facts were checked, as YYYY-MM-DD, today or earlier\\.`)],
	['versions for a product the article does not list', (r) => change(r, A, 'products: [nix-installer, nix, qemu, docker]', 'products: [nix-installer, nix, docker]'), new RegExp(`nix-installer-seccomp-bpf\\.md › versions\\.2\\.product \\(line ${lineOf(A, '  - product: qemu')}\\): \`versions\\.2\\.product\` names a product the article does not list in \`products\` \\(nix-installer, nix, docker\\) \\(got "qemu"\\)\\. Fix: list \\{ product, affected, fixed \\} only for products the article lists in \`products\`, or add the product to \`products\` if the failure is one of it too\\.`)],
	['a duplicate short ID', (r) => change(r, W, 'shortId: FL-0007', 'shortId: FL-0005'), /nix-wsl1-seccomp\.md › shortId: `shortId` FL-0005 is also used by .*nix-installer-seccomp-bpf\.md\. Fix: take the next free FL-NNNN/],
	['an id that is not the file name', (r) => change(r, W, 'id: nix-wsl1-seccomp', 'id: nix-wsl-seccomp'), /nix-wsl1-seccomp\.md › id: `id` is "nix-wsl-seccomp" but the file is named nix-wsl1-seccomp\.md\. Fix: make them agree/],
	['an article renamed to MDX as it is', (r) => renameSync(join(r, A), join(r, `${A}x`)), /nix-installer-seccomp-bpf\.mdx › line \d+: is not valid MDX: Could not parse expression with acorn\. Fix: .*write a fix anchor as `\\\{#anchor\}`/],
	['an MDX article that uses no component', (r) => asMdx(r), /nix-installer-seccomp-bpf\.mdx › file: articles are plain Markdown, not MDX, unless a component earns it, and this one uses none.*\. Fix: rename it to \.md/],
	['an MDX article that imports from outside the article components', (r) => asMdx(r, "import Evil from '../../../lib/evil.ts';\n\n<Evil />\n"), /\.mdx › line \d+: imports "\.\.\/\.\.\/\.\.\/lib\/evil\.ts": an article may import only default exports of components from src\/components\/articles\. Fix: /],
	['code in an MDX article', (r) => asMdx(r, "export const x = 1;\n\nIt is {globalThis.alert(1)}.\n"), /\.mdx › line \d+: the statement "export const x = 1;" is code in the article.*\n.*\.mdx › line \d+: the expression "\{globalThis\.alert\(1\)\}" is code in the article/],
	['HTML in an MDX article', (r) => asMdx(r, '<script>alert(1)</script>\n'), /\.mdx › line \d+: <script> is not a component the article imports: lower-case tags are raw HTML.*\. Fix: write it in Markdown/],
	['an MDX component left in a Markdown article', (r) => change(r, A, '## Symptoms\n', '## Symptoms\n\n<Symptoms />\n'), /nix-installer-seccomp-bpf\.md › line \d+: "<Symptoms \/>" is MDX, which a Markdown article shows as text\. Fix: remove it/],
	// Raw HTML and unsafe link targets: articles come from contributors, so nothing in one may run, redirect or restyle a page.
	['a script in an article', (r) => change(r, A, '## Root cause\n', '## Root cause\n\n<script>alert(1)</script>\n'), /nix-installer-seccomp-bpf\.md › line \d+: raw HTML "<script>alert\(1\)<\/script>" is not allowed in an article: it could run scripts, redirect or restyle the page\. Fix: write it in Markdown/],
	['a meta refresh in an article', (r) => change(r, A, '## Root cause\n', '## Root cause\n\n<meta http-equiv="refresh" content="0;url=https://evil.example/">\n'), /› line \d+: raw HTML "<meta http-equiv=\\"refresh\\" content=\\"0;url=https:\/\/evil\.ex\.\.\." is not allowed in an article/],
	['a style element in an article', (r) => change(r, A, '## Root cause\n', '## Root cause\n\n<style>body{display:none}</style>\n'), /› line \d+: raw HTML "<style>body\{display:none\}<\/style>" is not allowed in an article/],
	['an iframe with srcdoc in an article', (r) => change(r, A, '## Root cause\n', '## Root cause\n\n<iframe srcdoc="<script>alert(1)</script>"></iframe>\n'), /› line \d+: raw HTML "<iframe srcdoc=\\"<script>alert\(1\)<\/script>\\"><\/iframe>" is not allowed/],
	['inline HTML with an event handler', (r) => change(r, A, '## Root cause\n', '## Root cause\n\nSee <img src=x onerror=alert(1)> here.\n'), /› line \d+: raw HTML "<img src=x onerror=alert\(1\)>" is not allowed in an article/],
	['a javascript: link', (r) => change(r, A, '## Root cause\n', '## Root cause\n\n[click](javascript:alert(1))\n'), /› line \d+: the link target "javascript:alert\(1\)" is not allowed: only https:, http:, mailto: and addresses on this site are\. Fix: link to a web page/],
	['a data: link', (r) => change(r, A, '## Root cause\n', '## Root cause\n\n[x](data:text/html;base64,PHNjcmlwdD4=)\n'), /› line \d+: the link target "data:text\/html;base64,PHNjcmlwdD4=" is not allowed/],
	['a vbscript: link by reference', (r) => change(r, A, '## Root cause\n', '## Root cause\n\nSee [x][v].\n\n[v]: vbscript:msgbox(1)\n'), /› line \d+: the link target "vbscript:msgbox\(1\)" is not allowed/],
	['a javascript: link hidden by a character reference and a tab', (r) => change(r, A, '## Root cause\n', '## Root cause\n\n[x](java&#9;script&#58;alert(1))\n'), /› line \d+: the link target "java\\tscript:alert\(1\)" is not allowed/],
	['a javascript: autolink', (r) => change(r, A, '## Root cause\n', '## Root cause\n\n<javascript:alert(1)>\n'), /› line \d+: the link target "javascript:alert\(1\)" is not allowed/],
	['a data: image', (r) => change(r, A, '## Root cause\n', '## Root cause\n\n![x](data:image/svg+xml;base64,PHN2Zz4=)\n'), /› line \d+: the link target "data:image\/svg\+xml;base64,PHN2Zz4=" is not allowed/],
	['a missing section', (r) => change(r, A, '## How to confirm', '## How to check'), /› body › How to confirm: section "## How to confirm" is missing\. Fix: add "## How to confirm" after "## Root cause"/],
	['a fix without a way to verify it', (r) => change(r, W, /\*\*Verify:\*\* `wsl -l -v`/, 'Then `wsl -l -v`'), /› body › Fixes › Convert the distribution to WSL 2: fix "### Convert the distribution to WSL 2" does not say how to verify it\. Fix: add a paragraph that starts with \*\*Verify:\*\*/],
	['a fix without a permanent anchor', (r) => change(r, W, ' {#convert-to-wsl2}', ''), /fix "### Convert the distribution to WSL 2" has no permanent anchor\. Fix: end the heading with an anchor/],
	// A malformed anchor is named as such, and the fix replaces it: adding a second anchor after it published the broken text (s12 new-user walk).
	...(
		[
			['without its #', '{convert-to-wsl2}'],
			['not in lower-case words joined by hyphens', '{#Convert_To_WSL2}'],
			['with spaces inside the braces', '{ #convert-to-wsl2 }'],
			['without its closing brace', '{#convert-to-wsl2'],
		] as const
	).map(([how, written]): (typeof CASES)[number] => [
		`a fix anchor ${how}`,
		(r) => change(r, W, ' {#convert-to-wsl2}', ` ${written}`),
		new RegExp(
			`nix-wsl1-seccomp\\.md › body › Fixes › .*: fix "### Convert the distribution to WSL 2 ${written.replace(/[{}]/g, '\\$&')}" has a malformed anchor "${written.replace(/[{}]/g, '\\$&')}": an anchor is \\{#, lower-case words joined by hyphens, then \\}\\. Fix: replace "${written.replace(/[{}]/g, '\\$&')}" with "\\{#convert-to-wsl2\\}": "### Convert the distribution to WSL 2 \\{#convert-to-wsl2\\}"\\.$`,
			'm',
		),
	]),
	['a fix without an evidence level', (r) => change(r, W, /(### Convert the distribution to WSL 2 \{#convert-to-wsl2\}[\s\S]*?)\*\*Evidence:\*\*[^\n]*\n/, '$1'), /nix-wsl1-seccomp\.md › body › Fixes › Convert the distribution to WSL 2: fix "### Convert the distribution to WSL 2" does not say how sure we are that it works\. Fix: add one paragraph that starts with \*\*Evidence:\*\* and a level \("reproduced here", "confirmed upstream", "reported", "inferred"\)/],
	['a root cause without an evidence level', (r) => change(r, W, /(## Root cause\n[\s\S]*?)\*\*Evidence:\*\*[^\n]*\n/, '$1'), /nix-wsl1-seccomp\.md › body › Root cause: section "## Root cause" does not say how sure we are of the cause\. Fix: add one paragraph that starts with \*\*Evidence:\*\*/],
	['an unknown evidence level', (r) => change(r, W, /(### Convert the distribution to WSL 2 \{#convert-to-wsl2\}[\s\S]*?\*\*Evidence:\*\* )[^.\n]*\./, '$1certain.'), /nix-wsl1-seccomp\.md › body › Fixes › Convert the distribution to WSL 2: evidence level "certain" is not one of the four\. Fix: write exactly one of "reproduced here", "confirmed upstream", "reported", "inferred"/],
	['"reproduced here" without a recorded reproduction', (r) => change(r, W, /(## Root cause\n[\s\S]*?\*\*Evidence:\*\* )[^.\n]*\./, '$1reproduced here.'), /nix-wsl1-seccomp\.md › body › Root cause: evidence level "reproduced here" needs a recorded reproduction, and the article has none \(no `reproduced` field\)\. Fix: add a reproduction to scripts\/repro\/cases\.ts and run `npm run repro -- --record` as root/],
	['a fixed version no source names', (r) => change(r, W, /^(\s+fixed: ).*$/m, '$1"9.99.1"'), /nix-wsl1-seccomp\.md › versions\.0\.fixed: version "9\.99\.1" is not named by any of the article's sources\. Fix: add a `sources` entry whose ref or title names 9\.99\.1/],
	['a fixing commit no source names', (r) => change(r, W, /^(\s+fixed: ).*$/m, '$1"commit 0123abc"'), /nix-wsl1-seccomp\.md › versions\.0\.fixed: commit "0123abc" is not named by any of the article's sources\. Fix: add a `sources` entry/],
	['a signature not quoted in the body', (r) => change(r, W, /```text\nerror: unable to load seccomp BPF program: Invalid argument\n```/, '```text\nsomething else\n```'), /nix-wsl1-seccomp\.md › body › Error messages: signature "error: unable to load seccomp BPF program: Invalid argument" is not quoted in "## Error messages"/],
	['a signature its own article cannot find', (r) => change(r, W, '  - text: "buildx"', '  - text: "seccomp BPF"'), /nix-wsl1-seccomp\.md › signatures › "error: unable to load seccomp BPF program: Invalid argument": the article's own excludeWhen rules it out\. Fix: make the excludeWhen text/],
	['a pattern that does not match its own line', (r) => change(r, W, 'pattern: "unable to load seccomp BPF program: Invalid argument"', 'pattern: "unable to load seccomp {*} filter: Invalid argument"'), /› signatures › "error: unable to load seccomp BPF program: Invalid argument": its pattern does not match its own line\. Fix: make the pattern the line/],
	['a wizard answer leading nowhere', (r) => change(r, T, 'next: emulated', 'next: emulation'), /tree\.yaml › step "where" › answers\.0\.next \(line 15\): leads to "emulation", which is not a step\. Fix: point it at an existing step id/],
	['a wizard cycle', (r) => change(r, T, 'next: lost-2', 'next: where'), /tree\.yaml › step "where" \(line 10\): the steps "where" → "where" form a cycle\. Fix: every path must move forward/],
	['an article no wizard path reaches', (r) => change(r, T, 'article: nix-wsl1-seccomp', 'article: nix-installer-seccomp-bpf'), /tree\.yaml › article "nix-wsl1-seccomp": the article "nix-wsl1-seccomp" is not reachable: no result step names it\. Fix: add a result step/],
	['a wizard line that is no signature', (r) => change(r, T, 'line: "unable to load seccomp BPF program: Invalid argument"', 'line: "seccomp is broken"'), /tree\.yaml › step "start" › lines\.0\.line \(line 6\): lists "seccomp is broken", which is not the line or pattern of any article's signature/],
	['a redirect to an article that does not exist', (r) => change(r, 'src/content/redirects.yaml', 'slugs: []', 'slugs:\n  - { from: nix-old, to: nix-nowhere }'), /redirects\.yaml › slugs\.0\.to \(line 2\): "nix-nowhere" is not an article\. Fix: redirect to the slug of an existing article/],
];

describe('broken content fails the build, naming the file, the field and the fix', () => {
	it('accepts the unbroken project', () => {
		expect(build(project())).toBe('');
	});

	it.each(CASES)('%s', (_, breakIt, message) => {
		const root = project();
		breakIt(root);
		expect(build(root)).toMatch(message);
	});

	it('an unedited new-article template, naming each placeholder still in it once, each with the fix that applies to it', () => {
		const root = project();
		const slug = 'podman-new-failure';
		writeFileSync(join(root, KB, `${slug}.md`), ARTICLE_TEMPLATE.replaceAll(TEMPLATE_TOKENS.slug, slug).replaceAll(TEMPLATE_TOKENS.shortId, 'FL-0099').replaceAll(TEMPLATE_TOKENS.today, '2026-01-01'));
		const report = build(root);
		const placeholders = report.split('\n').filter((l) => l.includes("still holds the new-article template's placeholder"));
		// Each line: where, the placeholder (and where else it stands), and its fix; the new-user walk saw one fix, about headings, 17 times.
		expect(placeholders.map((l) => l.replace(/^.*? › (.*?): still holds the new-article template's placeholder (".*?"(?: \(also at .*?\))?)\. Fix: (.*)$/, '$1 $2 => $3'))).toEqual([
			'front matter › title "Product: the failure as a reader would describe it" => a title of 10 to 120 characters naming the failure.',
			'front matter › summary "The root cause in one sentence." => write the root cause as one sentence of 20 to 320 characters, ending with a full stop.',
			'front matter › signatures.0.line "the exact error line, as the tool prints it" (also at line 28) => the error line exactly as the tool prints it, from a source (a report, the tool\'s code); the same line goes in the Error messages block.',
			'front matter › signatures.0.where "which tool prints it, in which versions" => which tool prints the line, and in which versions, from its source.',
			'front matter › symptoms.0 "What the reader sees, in plain words." => what the reader sees, in one plain sentence.',
			'front matter › versions.0.affected "the affected versions" => the affected versions, as the sources give them.',
			'front matter › sources.0.ref "owner/name#1" => the issue, commit or page the article rests on: owner/name#N, owner/name@<hash> or an https:// URL.',
			'front matter › sources.0.title "What the reader finds there" => what the reader finds at that source, in a few words.',
			'line 33 "Why it happens, from the sources. Mark a statement weaker than the level below inline: (inferred)." => replace it with the article\'s own text, from its sources.',
			'line 35 "**Evidence:** confirmed upstream. Where a maintainer, a merged fix or the code says so (or: reported, inferred)." => give the evidence level, one of "reproduced here", "confirmed upstream", "reported", "inferred", and who or what says so (a maintainer, a merged fix, the code).',
			'line 40 "a-command-that-shows-it" => a command that shows the cause, exactly as the reader runs it.',
			'line 43 "What its output means." => replace it with the article\'s own text, from its sources.',
			'line 47 "### The recommended fix {#recommended-fix}" => name the fix in its heading, and give it an anchor of its own: ### Give your user a range {#add-subid-range}.',
			'line 49 "What to do, with its trade-offs." => replace it with the article\'s own text, from its sources.',
			'line 51 "**Evidence:** reported. Who says it works, and where." => give the evidence level, one of "reproduced here", "confirmed upstream", "reported", "inferred", and who or what says so (a maintainer, a merged fix, the code).',
			'line 53 "**Verify:** what the reader sees when it worked." => say what the reader runs or sees when the fix worked.',
		]);
		// The heading remark is the fix heading's alone.
		expect(placeholders.filter((l) => l.includes('### ')).map((l) => l.replace(/^.*? › (.*?):.*$/, '$1'))).toEqual(['line 47']);
		expect(placeholders[0]).toBe(
			`${KB}/${slug}.md › front matter › title: still holds the new-article template's placeholder "Product: the failure as a reader would describe it". Fix: a title of 10 to 120 characters naming the failure.`,
		);
	});

	it("new-article's closing words ask for the wizard step the build then asks for, in the build's own words", () => {
		// The new-user walk: "Fill in every field, then run npm run build", and the build then failed on the wizard.
		const root = project();
		change(root, T, 'article: nix-wsl1-seccomp', 'article: nix-installer-seccomp-bpf');
		const fix = /the article "nix-wsl1-seccomp" is not reachable: [^\n]*?\. Fix: ([^\n]*)\.$/m.exec(build(root))?.[1];
		expect(fix).toBeDefined();
		const words = scriptMessages.articleWritten(`${KB}/nix-wsl1-seccomp.md`, 'FL-0002', 'nix-wsl1-seccomp', TREE_FILE);
		expect(words).toContain(`in ${TREE_FILE}, ${fix}`);
		expect(words).toMatch(/^Wrote .*\. Fill in every field; then make it reachable in the wizard: .*\. Then run `npm run build` to check it\.$/);
	});

	it('a misordered section', () => {
		const root = project();
		change(root, A, /## Symptoms\n\n/, '');
		change(root, A, '## Root cause', '## Symptoms\n\n## Root cause');
		expect(build(root)).toMatch(/› body › Symptoms: section "## Symptoms" comes after "## Error messages" but belongs before it\. Fix: put the sections in this order/);
	});
});

describe('broken links and lost addresses fail the checks, naming the place and the fix', () => {
	/** A tiny built site: path -> HTML. */
	function site(pages: Record<string, string>): string {
		const dist = mkdtempSync(join(tmpdir(), 'faultline-bad-dist-'));
		for (const [path, html] of Object.entries(pages)) {
			mkdirSync(dirname(join(dist, path, 'index.html')), { recursive: true });
			writeFileSync(join(dist, path, 'index.html'), html);
		}
		return dist;
	}

	it('a broken internal link', () => {
		expect(brokenLinks(site({ '/': '<a href="/kb/gone/">gone</a>' }))).toEqual([{ page: '/', href: '/kb/gone/' }]);
	});

	it('a removed locked URL', () => {
		const problems = lockProblems({ '/': [], '/kb/removed/': ['symptoms'] }, site({ '/': 'home' })).map(formatProblem);
		expect(problems).toEqual([
			'links.lock.json › /kb/removed/: this locked address no longer resolves. Fix: add a redirect for it in src/content/redirects.yaml (slugs: { from: <old-slug>, to: <new-slug> }, anchors: { article, from, to }), or keep the article and retire it (status: retired, replacedBy: <slug>); never remove a line from links.lock.json.',
			'links.lock.json › /kb/removed/#symptoms: this locked address no longer resolves. Fix: add a redirect for it in src/content/redirects.yaml (slugs: { from: <old-slug>, to: <new-slug> }, anchors: { article, from, to }), or keep the article and retire it (status: retired, replacedBy: <slug>); never remove a line from links.lock.json.',
		]);
	});

	it('a published page that is not locked', () => {
		expect(lockProblems({ '/': [] }, site({ '/': 'home', '/wizard/new/': 'new' })).map((p) => p.field)).toEqual(['/wizard/new/']);
	});

	/** The page HTML of an article as the build writes it: our chrome, then the authored content. */
	const page = (content: string, anchors: string[] = []) =>
		`<html><head><meta charset="utf-8"><script>window.shipped = 1;</script></head><body><div class="sl-markdown-content">${anchors.map((a) => `<h2 id="${a}">x</h2>`).join('')}${content}</div></body></html>`;

	it('a removed article fails the build, naming each locked address and the two ways out', () => {
		const root = project();
		writeFileSync(join(root, 'links.lock.json'), JSON.stringify({ '/': [], '/kb/nix-wsl1-seccomp/': ['symptoms', 'convert-to-wsl2'] }));
		const problems = builtSiteProblems(root, site({ '/': page('home') })).map(formatProblem);
		const ways = 'Fix: add a redirect for it in src/content/redirects.yaml (slugs: { from: <old-slug>, to: <new-slug> }, anchors: { article, from, to }), or keep the article and retire it (status: retired, replacedBy: <slug>); never remove a line from links.lock.json.';
		expect(problems).toEqual([
			`links.lock.json › /kb/nix-wsl1-seccomp/: this locked address no longer resolves. ${ways}`,
			`links.lock.json › /kb/nix-wsl1-seccomp/#symptoms: this locked address no longer resolves. ${ways}`,
			`links.lock.json › /kb/nix-wsl1-seccomp/#convert-to-wsl2: this locked address no longer resolves. ${ways}`,
		]);
	});

	it('a broken link names the article and the line it comes from', () => {
		const root = project();
		change(root, A, '## Root cause\n', '## Root cause\n\nSee [the other one](/kb/gone/#fix).\n');
		const line = readFileSync(join(root, A), 'utf8').split('\n').findIndex((l) => l.includes('/kb/gone/')) + 1;
		const problems = builtSiteProblems(root, site({ '/kb/nix-installer-seccomp-bpf/': page('<a href="/kb/gone/#fix">x</a>') })).map(formatProblem);
		expect(problems).toEqual([
			`${A} › line ${line}: the page /kb/nix-installer-seccomp-bpf/ links to /kb/gone/#fix, which does not exist. Fix: correct the link, or add a redirect in src/content/redirects.yaml.`,
		]);
	});

	it('a broken link from the front matter names the field', () => {
		const root = project();
		change(root, A, 'status: active', 'status: retired\nreplacedBy: nix-gone');
		const problems = builtSiteProblems(root, site({ '/kb/nix-installer-seccomp-bpf/': page('<a href="/kb/nix-gone/">x</a>') })).map(formatProblem);
		expect(problems[0]).toMatch(/^src\/content\/docs\/kb\/nix-installer-seccomp-bpf\.md › replacedBy \(line \d+\): the page \/kb\/nix-installer-seccomp-bpf\/ links to \/kb\/nix-gone\/, which does not exist/);
	});

	it('a broken link on a wizard step names the step', () => {
		const problems = builtSiteProblems(project(), site({ '/wizard/where/': page('<a href="/kb/gone/">x</a>') })).map(formatProblem);
		expect(problems).toEqual([
			'src/content/wizard/tree.yaml › step "where": the page /wizard/where/ links to /kb/gone/, which does not exist. Fix: correct the link, or add a redirect in src/content/redirects.yaml.',
		]);
	});

	it('a script in a page\'s content fails the build, and its policy has no hash for it', () => {
		const authored = 'alert(document.cookie)';
		const html = page(`<p>x</p><script>${authored}</script><p onclick="alert(1)">y</p><span style="color:red">z</span>`);
		const problems = builtSiteProblems(project(), site({ '/kb/nix-installer-seccomp-bpf/': html })).map((p) => p.message);
		expect(problems).toEqual([
			'the page /kb/nix-installer-seccomp-bpf/ carries "<script>" in its content, code the site does not ship (its Content-Security-Policy blocks it)',
			'the page /kb/nix-installer-seccomp-bpf/ carries "<p onclick=" in its content, code the site does not ship (its Content-Security-Policy blocks it)',
			'the page /kb/nix-installer-seccomp-bpf/ carries "style=\\"color:red\\"" in its content, code the site does not ship (its Content-Security-Policy blocks it)',
		]);
		const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
		const policy = policyFor(html);
		expect(policy).toContain(hash('window.shipped = 1;'));
		expect(policy).not.toContain(hash(authored));
		expect(policy).not.toContain(hash('color:red'));
		expect(policy).not.toContain('unsafe-inline');
	});
});
