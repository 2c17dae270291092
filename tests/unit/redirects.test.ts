import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/content.ts';
import { loadRedirects, shortIdPaths } from '../../src/lib/redirects.ts';
import { remarkAnchors } from '../../src/lib/remark-anchors.ts';

const anchors = new Map([
	['podman-new-name', ['symptoms', 'root-cause', 'keep-groups']],
	['nix-other', ['symptoms']],
]);

function redirectsFile(yaml: string): string {
	const root = mkdtempSync(join(tmpdir(), 'faultline-redirects-'));
	mkdirSync(join(root, 'src/content'), { recursive: true });
	writeFileSync(join(root, 'src/content/redirects.yaml'), yaml);
	return root;
}

describe('redirects', () => {
	it('gives each short ID an upper- and a lower-case address', () => {
		expect(shortIdPaths('FL-0003')).toEqual(['/FL-0003/', '/fl-0003/']);
	});

	it('accepts a renamed slug and a moved anchor', () => {
		const root = redirectsFile('slugs:\n  - { from: podman-old-name, to: podman-new-name }\nanchors:\n  - { article: podman-new-name, from: group-add, to: keep-groups }\n');
		expect(loadRedirects(root, anchors).problems).toEqual([]);
	});

	it('accepts a merged wizard step that leads to a live one', () => {
		const root = redirectsFile('steps:\n  - { from: result-old-step, to: result-live-step }\n');
		const { redirects, problems } = loadRedirects(root, anchors, new Set(['start', 'result-live-step']));
		expect(problems).toEqual([]);
		expect(redirects.steps).toEqual([{ from: 'result-old-step', to: 'result-live-step' }]);
	});

	it('refuses a step redirect that would shadow a live step or lead to no step', () => {
		const root = redirectsFile('steps:\n  - { from: start, to: result-live-step }\n  - { from: result-old-step, to: result-gone }\n');
		expect(loadRedirects(root, anchors, new Set(['start', 'result-live-step'])).problems.map(formatProblem)).toEqual([
			'src/content/redirects.yaml › steps.0.from (line 2): "start" is a live wizard step, so it cannot also redirect. Fix: remove the redirect, or remove the step from src/content/wizard/tree.yaml.',
			'src/content/redirects.yaml › steps.1.to (line 3): "result-gone" is not a wizard step. Fix: redirect to the id of a step in src/content/wizard/tree.yaml.',
		]);
	});

	it('refuses redirects that would shadow a live page or lead nowhere', () => {
		const root = redirectsFile(
			[
				'slugs:',
				'  - { from: nix-other, to: podman-new-name }',
				'  - { from: podman-old, to: podman-missing }',
				'anchors:',
				'  - { article: podman-new-name, from: symptoms, to: keep-groups }',
				'  - { article: podman-new-name, from: gone, to: also-gone }',
				'  - { article: podman-nope, from: a, to: b }',
			].join('\n'),
		);
		expect(loadRedirects(root, anchors).problems.map(formatProblem)).toMatchInlineSnapshot(`
			[
			  "src/content/redirects.yaml › slugs.0.from (line 2): "nix-other" is a live article, so it cannot also redirect. Fix: remove the redirect, or rename the article.",
			  "src/content/redirects.yaml › slugs.1.to (line 3): "podman-missing" is not an article. Fix: redirect to the slug of an existing article.",
			  "src/content/redirects.yaml › anchors.0.from (line 5): #symptoms still exists in podman-new-name. Fix: remove the redirect, or rename the anchor.",
			  "src/content/redirects.yaml › anchors.1.to (line 6): #also-gone is not an anchor of podman-new-name. Fix: use one of: symptoms, root-cause, keep-groups.",
			  "src/content/redirects.yaml › anchors.2.article (line 7): "podman-nope" is not an article. Fix: name the slug of an existing article.",
			]
		`);
	});
});

describe('permanent anchors in the Markdown', () => {
	const heading = (text: string, depth = 2) => ({ type: 'heading', depth, children: [{ type: 'text', value: text }] });
	const run = (tree: { children: ReturnType<typeof heading>[] }, aliases = new Map()) =>
		(remarkAnchors({ aliases: () => aliases }) as (t: unknown, f: { path: string }) => void)(tree, { path: '/x/src/content/docs/kb/podman-new-name.md' });

	it('gives template sections their fixed anchor and takes {#id} from a heading', () => {
		const tree = { type: 'root', children: [heading('Root cause'), heading('Keep your groups \\{#keep-groups}', 3), heading('Other', 3)] };
		run(tree);
		expect(tree.children.map((h) => [(h as { data?: { id?: string } }).data?.id, h.children.at(-1)!.value])).toEqual([
			['root-cause', 'Root cause'],
			['keep-groups', 'Keep your groups'],
			[undefined, 'Other'],
		]);
	});

	it('keeps a moved anchor working with an alias element in the new heading', () => {
		const tree = { type: 'root', children: [heading('Keep your groups {#keep-groups}', 3)] };
		run(tree, new Map([['podman-new-name', new Map([['keep-groups', ['group-add']]])]]));
		expect(tree.children[0].children[0]).toEqual({ type: 'html', value: '<span id="group-add" class="anchor-alias"></span>' });
	});
});
