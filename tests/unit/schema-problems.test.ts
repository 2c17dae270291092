/**
 * One translator for schema errors: the articles' front matter, the wizard
 * tree and the redirects report the same kind of mistake in the same words,
 * each with its own file, field and fix.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkArticle, formatProblem, loadArticles } from '../../src/lib/content.ts';
import { loadRedirects } from '../../src/lib/redirects.ts';
import { parseTree } from '../../src/wizard/validate.ts';
import { checkTreeFile } from '../../src/wizard/load.ts';
import { withFields } from './fixtures.ts';

function redirectProblems(yaml: string): string[] {
	const root = mkdtempSync(join(tmpdir(), 'faultline-schema-'));
	mkdirSync(join(root, 'src/content'), { recursive: true });
	writeFileSync(join(root, 'src/content/redirects.yaml'), yaml);
	return loadRedirects(root, new Map([['podman-new-name', ['symptoms']]])).problems.map(formatProblem);
}

describe('schema errors, in every checked file', () => {
	it('an unknown field is named the same way in an article, the wizard tree and the redirects', () => {
		const article = checkArticle(withFields({ author: 'me' })).problems.map(formatProblem);
		const tree = parseTree({ start: 'end', nodes: [{ id: 'end', kind: 'end', title: 'End', text: 'The end of it all.', author: 'me' }] }).problems.map(formatProblem);
		const redirects = redirectProblems('slugs: []\nauthor: me\n');
		expect(article).toEqual([expect.stringMatching(/\.md › author \(line \d+\): unknown field `author`\. Fix: remove it, or add it to src\/lib\/article-schema\.ts/)]);
		expect(tree).toEqual([expect.stringMatching(/tree\.yaml › step "end" › author: unknown field `author`\. Fix: remove the unknown field \(see src\/wizard\/schema\.ts/)]);
		expect(redirects).toEqual([expect.stringMatching(/redirects\.yaml › author \(line 2\): unknown field `author`\. Fix: see the format at the top of the file\.$/)]);
	});

	it('a wrong value quotes what was found, with the file\'s own fix', () => {
		const redirects = redirectProblems('slugs:\n  - { from: Not A Slug, to: podman-new-name }\n');
		expect(redirects).toHaveLength(1);
		expect(redirects[0]).toMatch(/redirects\.yaml › slugs\.0\.from \(line 2\): `slugs\.0\.from` .+ \(got "Not A Slug"\)\. Fix: see the format at the top of the file\.$/);
		const tree = parseTree({ start: 'q', nodes: [{ id: 'q', kind: 'question', answers: [] }] }).problems.map(formatProblem);
		expect(tree).toContain('src/content/wizard/tree.yaml › step "q" › prompt: `prompt` is missing. Fix: see the fields of each kind of step in src/wizard/schema.ts.');
	});
});

describe('a front-matter schema error names the line of its field, counted from the top of the file', () => {
	const KB = 'src/content/docs/kb';
	const real = (name: string) => ({ file: `${KB}/${name}`, text: readFileSync(fileURLToPath(new URL(`../../${KB}/${name}`, import.meta.url)), 'utf8') });
	/** The 1-based line of the file that starts with `start`, found in the text itself. */
	const lineOf = (text: string, start: string) => {
		const i = text.split('\n').findIndex((l) => l.startsWith(start));
		expect(i, `a line starting with ${JSON.stringify(start)}`).toBeGreaterThanOrEqual(0);
		return i + 1;
	};

	it.each(['podman-newuidmap-missing.md', 'microvm-overlay-ro-store-race.mdx'])('in %s: a wrong value, a wrong nested value and an unknown field', (name) => {
		const { file, text: original } = real(name);
		const text = original
			.replace(/^shortId: .*$/m, 'shortId: FL-12')
			// The first signature's first line gets a sibling that is not a boolean.
			.replace(/^(  - line: .*)$/m, '$1\n    decisive: maybe')
			.replace(/^(lastVerified: .*)$/m, '$1\nauthor: me');
		const problems = checkArticle({ file, text }).problems;
		// Only the three schema errors: nothing else of the article is reported for them.
		expect(problems.filter((p) => p.line === undefined).map(formatProblem)).toEqual([]);
		const lines = problems.map(formatProblem);
		expect(lines).toEqual([
			expect.stringMatching(new RegExp(`^${file} › shortId \\(line ${lineOf(text, 'shortId: FL-12')}\\): \`shortId\` must be FL- and four digits .*\\(got "FL-12"\\)\\. Fix: `)),
			expect.stringMatching(new RegExp(`^${file} › signatures\\.0\\.decisive \\(line ${lineOf(text, '    decisive: maybe')}\\): \`signatures\\.0\\.decisive\` .*\\(got "maybe"\\)\\. Fix: `)),
			`${file} › author (line ${lineOf(text, 'author: me')}): unknown field \`author\`. Fix: remove it, or add it to src/lib/article-schema.ts with a JSDoc comment.`,
		]);
	});

	it('a missing field names the entry it is missing from, and a missing top-level field no line', () => {
		const { file, text: original } = real('podman-newuidmap-missing.md');
		const firstWhere = original.split('\n').find((l) => l.startsWith('    where: '));
		expect(firstWhere).toBeDefined();
		const text = original.replace(`${firstWhere}\n`, '').replace(/^summary: .*\n/m, '');
		const problems = checkArticle({ file, text }).problems.map(formatProblem);
		expect(problems).toContain(`${file} › summary: \`summary\` is missing. Fix: write the root cause as one sentence of 20 to 320 characters, ending with a full stop.`);
		expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^${file} › signatures\\.0\\.where \\(line ${lineOf(text, '  - line: ')}\\): \`signatures\\.0\\.where\` is missing\\. Fix: `)));
	});
});

describe('a wizard tree or redirects schema error names the line of its node, counted from the top of the file', () => {
	/** The real file of the project, changed by `edit`, in a project of its own; returns the project's root and the changed text. */
	const brokenCopy = (file: string, edit: (text: string) => string) => {
		const text = edit(readFileSync(fileURLToPath(new URL(`../../${file}`, import.meta.url)), 'utf8'));
		const root = mkdtempSync(join(tmpdir(), 'faultline-lines-'));
		mkdirSync(join(root, file, '..'), { recursive: true });
		writeFileSync(join(root, file), text);
		return { root, text };
	};
	/** The 1-based line of the text that is exactly `line`; the one such line. */
	const lineOf = (text: string, line: string) => {
		const all = text.split('\n').flatMap((l, i) => (l === line ? [i + 1] : []));
		expect(all, `one line ${JSON.stringify(line)}`).toHaveLength(1);
		return all[0];
	};

	it('in the real wizard tree: a wrong kind, an unknown field and a missing field', () => {
		const { root, text } = brokenCopy('src/content/wizard/tree.yaml', (t) =>
			t
				.replace(/^(  - id: snap-nfs-where\n)    kind: question$/m, '$1    kind: poll')
				.replace(/^(  - id: snap-nfs-lines\n)/m, '$1    colour: red\n')
				.replace(/^(  - id: result-snap-confine-nfs-cwd\n    kind: result\n)    article: .*\n/m, '$1'),
		);
		const problems = checkTreeFile(root, []).problems.map(formatProblem);
		expect(problems).toEqual([
			`src/content/wizard/tree.yaml › step "snap-nfs-lines" › colour (line ${lineOf(text, '    colour: red')}): unknown field \`colour\`. Fix: remove the unknown field (see src/wizard/schema.ts for the fields of each kind).`,
			`src/content/wizard/tree.yaml › step "snap-nfs-where" › kind (line ${lineOf(text, '    kind: poll')}): \`kind\` Invalid discriminator value. Expected 'question' | 'error-check' | 'result' | 'end' (got "poll"). Fix: set \`kind\` to question, error-check, result or end.`,
			// A missing field: the line of the step it is missing from.
			`src/content/wizard/tree.yaml › step "result-snap-confine-nfs-cwd" › article (line ${lineOf(text, '  - id: result-snap-confine-nfs-cwd')}): \`article\` is missing. Fix: see the fields of each kind of step in src/wizard/schema.ts.`,
		]);
	});

	it('in the real wizard tree, past the schema: an answer that leads nowhere, and a line no article prints', () => {
		const { root, text } = brokenCopy('src/content/wizard/tree.yaml', (t) =>
			t.replace(/^(  - id: snap-nfs-where\n(?:    .*\n)*?      - label: On NFS \(nfs or nfs4\), mounted outside \/home\n)        next: .*$/m, '$1        next: no-such-step').replace('      - line: "cannot open path of the current working directory: Permission denied"', '      - line: "cannot open path: made up"'),
		);
		const next = text.split('\n').indexOf('        next: no-such-step') + 1;
		expect(next).toBeGreaterThan(0);
		const problems = checkTreeFile(root, loadArticles(fileURLToPath(new URL('../..', import.meta.url)))).problems.map(formatProblem);
		// An error check's line is reported by its place among the lines spelled out: the line of the step's `lines:`.
		const lines = text.split('\n').indexOf('    lines:', text.split('\n').indexOf('  - id: snap-nfs-lines')) + 1;
		expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^src/content/wizard/tree\\.yaml › step "snap-nfs-lines" › lines\\.\\d+\\.line \\(line ${lines}\\): lists "cannot open path: made up", which is not`)));
		expect(problems).toContain(`src/content/wizard/tree.yaml › step "snap-nfs-where" › answers.0.next (line ${next}): leads to "no-such-step", which is not a step. Fix: point it at an existing step id, or add that step.`);
	});

	it('in the real redirects: a wrong value, an unknown field, and an anchor that leads nowhere', () => {
		const { root, text } = brokenCopy('src/content/redirects.yaml', (t) => `${t}  - { article: microvm-guest-module-on-host, from: Not An Anchor, to: guest-enable-false }\n  - { article: microvm-guest-module-on-host, from: old-fix, to: no-such-fix }\nauthor: me\n`);
		const anchors = new Map([['microvm-guest-module-on-host', ['guest-enable-false']]]);
		expect(loadRedirects(root, anchors).problems.map(formatProblem)).toEqual([
			`src/content/redirects.yaml › anchors.1.from (line ${lineOf(text, '  - { article: microvm-guest-module-on-host, from: Not An Anchor, to: guest-enable-false }')}): \`anchors.1.from\` Invalid string: must match pattern /^[a-z0-9]+(?:-[a-z0-9]+)*$/ (got "Not An Anchor"). Fix: see the format at the top of the file.`,
			`src/content/redirects.yaml › author (line ${lineOf(text, 'author: me')}): unknown field \`author\`. Fix: see the format at the top of the file.`,
		]);
		const fixed = brokenCopy('src/content/redirects.yaml', (t) => `${t}  - { article: microvm-guest-module-on-host, from: old-fix, to: no-such-fix }\n`);
		expect(loadRedirects(fixed.root, anchors).problems.map(formatProblem)).toEqual([
			`src/content/redirects.yaml › anchors.1.to (line ${lineOf(fixed.text, '  - { article: microvm-guest-module-on-host, from: old-fix, to: no-such-fix }')}): #no-such-fix is not an anchor of microvm-guest-module-on-host. Fix: use one of: guest-enable-false.`,
		]);
	});
});
