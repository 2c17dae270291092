/**
 * One translator for schema errors: the articles' front matter, the wizard
 * tree and the redirects report the same kind of mistake in the same words,
 * each with its own file, field and fix.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArticle, formatProblem } from '../../src/lib/content.ts';
import { loadRedirects } from '../../src/lib/redirects.ts';
import { parseTree } from '../../src/wizard/validate.ts';
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
		expect(article).toEqual([expect.stringMatching(/\.md › author: unknown field `author`\. Fix: remove it, or add it to src\/lib\/article-schema\.ts/)]);
		expect(tree).toEqual([expect.stringMatching(/tree\.yaml › step "end" › author: unknown field `author`\. Fix: remove the unknown field \(see src\/wizard\/schema\.ts/)]);
		expect(redirects).toEqual([expect.stringMatching(/redirects\.yaml › author: unknown field `author`\. Fix: see the format at the top of the file\.$/)]);
	});

	it('a wrong value quotes what was found, with the file\'s own fix', () => {
		const redirects = redirectProblems('slugs:\n  - { from: Not A Slug, to: podman-new-name }\n');
		expect(redirects).toHaveLength(1);
		expect(redirects[0]).toMatch(/redirects\.yaml › slugs\.0\.from: `slugs\.0\.from` .+ \(got "Not A Slug"\)\. Fix: see the format at the top of the file\.$/);
		const tree = parseTree({ start: 'q', nodes: [{ id: 'q', kind: 'question', answers: [] }] }).problems.map(formatProblem);
		expect(tree).toContain('src/content/wizard/tree.yaml › step "q" › prompt: `prompt` is missing. Fix: see the fields of each kind of step in src/wizard/schema.ts.');
	});
});
