import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkArticles, ContentError, formatProblem, loadArticles, readArticleSources } from '../../src/lib/content.ts';
import { articleSource, validData } from './fixtures.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('checking the articles as a set', () => {
	it('passes the real content: one article per file, named by its slug', () => {
		const files = readArticleSources(root).map((s) => s.file.replace(/^.*\/|\.mdx?$/g, ''));
		expect(loadArticles(root).map((a) => a.data.id)).toEqual(files);
		expect(files).toContain('microvm-erofs-store-ownership');
	});

	it('rejects a short ID used twice', () => {
		const other = { ...validData(), id: 'podman-other-failure' };
		const { problems } = checkArticles([articleSource(), articleSource(other)]);
		expect(problems.map(formatProblem)).toMatchInlineSnapshot(`
			[
			  "src/content/docs/kb/podman-other-failure.md › shortId: \`shortId\` FL-0901 is also used by src/content/docs/kb/podman-example-failure.md. Fix: take the next free FL-NNNN (\`npx faultline list\` shows the ones in use); IDs are never reused.",
			]
		`);
	});

	it('rejects a slug used twice', () => {
		const a = articleSource();
		const b = { ...articleSource({ ...validData(), shortId: 'FL-0902' }), file: 'src/content/docs/kb/nested/podman-example-failure.md' };
		const { problems } = checkArticles([a, b]);
		expect(problems.map(formatProblem)).toMatchInlineSnapshot(`
			[
			  "src/content/docs/kb/nested/podman-example-failure.md › id: \`id\` "podman-example-failure" is also used by src/content/docs/kb/podman-example-failure.md. Fix: every article needs its own slug.",
			]
		`);
	});

	it('rejects a replacement that does not exist', () => {
		const { problems } = checkArticles([articleSource({ ...validData(), status: 'retired', replacedBy: 'nowhere-at-all' })]);
		expect(problems.map(formatProblem)).toMatchInlineSnapshot(`
			[
			  "src/content/docs/kb/podman-example-failure.md › replacedBy: \`replacedBy\` names "nowhere-at-all", which is not an article. Fix: name the slug of an existing article.",
			]
		`);
	});

	it('throws one error that lists every problem', () => {
		expect(() => loadArticles(root, 'tests/unit/fixtures/broken-site/src/content/docs/kb')).toThrow(ContentError);
		expect(() => loadArticles(root, 'tests/unit/fixtures/broken-site/src/content/docs/kb')).toThrowErrorMatchingInlineSnapshot(`
			[ContentError: 8 problems in the articles:
			tests/unit/fixtures/broken-site/src/content/docs/kb/podman-broken.md › shortId (line 3): \`shortId\` must be FL- and four digits (more from FL-10000 on), e.g. FL-0006 (got "FL-9"). Fix: give the next free FL-NNNN (see \`npx faultline list\`); IDs are never reused.
			tests/unit/fixtures/broken-site/src/content/docs/kb/podman-broken.md › summary (line 5): \`summary\` Too small: expected string to have >=20 characters (got "Broken on purpose."). Fix: write the root cause as one sentence of 20 to 320 characters, ending with a full stop.
			tests/unit/fixtures/broken-site/src/content/docs/kb/podman-broken.md › products.1 (line 6): \`products.1\` has "nomad", which is not a known value. Fix: use product ids from src/lib/registry.ts: microvm-nix, multipass, podman, crun, buildah, nix-installer, nix, nixos, postfix, qemu, docker, distrobox, linux-kernel, systemd, snapd, libvirt, wsl.
			tests/unit/fixtures/broken-site/src/content/docs/kb/podman-broken.md › body › How to confirm: section "## How to confirm" is missing. Fix: add "## How to confirm" after "## Root cause" (order: ## Symptoms, ## Error messages, ## Root cause, ## How to confirm, ## Fixes, ## Affected versions, ## References).
			tests/unit/fixtures/broken-site/src/content/docs/kb/podman-broken.md › body › Fixes: section "## Fixes" is missing. Fix: add "## Fixes" after "## How to confirm" (order: ## Symptoms, ## Error messages, ## Root cause, ## How to confirm, ## Fixes, ## Affected versions, ## References).
			tests/unit/fixtures/broken-site/src/content/docs/kb/podman-broken.md › body › Affected versions: section "## Affected versions" is missing. Fix: add "## Affected versions" after "## Fixes" (order: ## Symptoms, ## Error messages, ## Root cause, ## How to confirm, ## Fixes, ## Affected versions, ## References).
			tests/unit/fixtures/broken-site/src/content/docs/kb/podman-broken.md › body › References: section "## References" is missing. Fix: add "## References" after "## Affected versions" (order: ## Symptoms, ## Error messages, ## Root cause, ## How to confirm, ## Fixes, ## Affected versions, ## References).
			tests/unit/fixtures/broken-site/src/content/docs/kb/podman-broken.md › body › Error messages: section "## Error messages" comes after "## Root cause" but belongs before it. Fix: put the sections in this order: ## Symptoms, ## Error messages, ## Root cause, ## How to confirm, ## Fixes, ## Affected versions, ## References.]
		`);
	});
});
