import { describe, expect, it } from 'vitest';
import { checkArticle, formatProblem } from '../../src/lib/content.ts';
import { articleSource, withFields } from './fixtures.ts';

/** The one-line messages a contributor sees for an article. */
const problemsOf = (source = articleSource()) => checkArticle(source).problems.map(formatProblem);

describe('the article schema', () => {
	it('accepts a complete article', () => {
		expect(problemsOf()).toEqual([]);
	});

	it('names a missing field and how to fill it', () => {
		expect(problemsOf(withFields({ summary: undefined }))).toMatchInlineSnapshot(`
			[
			  "src/content/docs/kb/podman-example-failure.md › summary: \`summary\` is missing. Fix: write the root cause as one sentence of 20 to 320 characters, ending with a full stop.",
			]
		`);
	});

	it('rejects a malformed short ID', () => {
		expect(problemsOf(withFields({ shortId: 'FL-12' }))).toMatchInlineSnapshot(`
			[
			  "src/content/docs/kb/podman-example-failure.md › shortId (line 3): \`shortId\` must be FL- and four digits (more from FL-10000 on), e.g. FL-0006 (got "FL-12"). Fix: give the next free FL-NNNN (see \`npx faultline list\`); IDs are never reused.",
			]
		`);
	});

	it('rejects an unknown product and lists the known ones', () => {
		expect(problemsOf(withFields({ products: ['dockr'] }))).toMatchInlineSnapshot(`
			[
			  "src/content/docs/kb/podman-example-failure.md › products.0 (line 7): \`products.0\` has "dockr", which is not a known value. Fix: use product ids from src/lib/registry.ts: microvm-nix, multipass, podman, crun, buildah, nix-installer, nix, nixos, postfix, qemu, docker, distrobox, linux-kernel, systemd, snapd, libvirt, wsl.",
			]
		`);
	});

	it('rejects an unknown field', () => {
		expect(problemsOf(withFields({ author: 'someone' }))).toMatchInlineSnapshot(`
			[
			  "src/content/docs/kb/podman-example-failure.md › author (line 24): unknown field \`author\`. Fix: remove it, or add it to src/lib/article-schema.ts with a JSDoc comment.",
			]
		`);
	});

	it('rejects a summary of more than one sentence', () => {
		expect(problemsOf(withFields({ summary: 'One sentence. And another one.' }))).toMatchInlineSnapshot(`
			[
			  "src/content/docs/kb/podman-example-failure.md › summary (line 5): \`summary\` must be exactly one sentence (got "One sentence. And another one."). Fix: write the root cause as one sentence of 20 to 320 characters, ending with a full stop.",
			]
		`);
	});

	it('rejects a source that is neither an issue, a commit nor a URL', () => {
		expect(problemsOf(withFields({ sources: [{ ref: 'see the forum', title: 'somewhere' }] }))).toMatchInlineSnapshot(`
			[
			  "src/content/docs/kb/podman-example-failure.md › sources.0.ref (line 21): \`sources.0.ref\` must be owner/name#123, owner/name@<commit hash> or an https:// URL (got "see the forum"). Fix: list { ref, title } with ref as owner/name#N, owner/name@<hash> or an https:// URL.",
			]
		`);
	});

	it('rejects a multi-line signature', () => {
		expect(problemsOf(withFields({ signatures: [{ line: 'first line\nsecond line', where: 'somewhere' }] }))).toMatchInlineSnapshot(`
			[
			  "src/content/docs/kb/podman-example-failure.md › signatures.0.line (line 11): \`signatures.0.line\` a signature is one line: split it into one entry per line (got "first line\\nsecond line"). Fix: list each verbatim error line as { line, where }, with \`pattern\` marking variable parts by typed holes ({path}, {n}, {hex}, {word}, {a|b}, or {*}).",
			]
		`);
	});

	it('rejects a signature that ends in spaces, which the page would not show', () => {
		const [problem] = problemsOf(withFields({ signatures: [{ line: 'Failed to execute command with status 5, stdout: ', where: 'somewhere' }] }));
		expect(problem).toContain('signatures.0.line');
		expect(problem).toContain('a signature does not end in spaces');
	});

	it('rejects a title whose quoted error holds double quotes itself, and takes quotes side by side', () => {
		for (const title of [
			'conmon 2.1.9: every container fails with "container create failed (no logs from conmon): conmon bytes """',
			'Podman 1.8.1 to 1.9.3: "unable to write pod event: "open : no such file or directory"" on every run',
			'buildah 1.20.0 rootless: "error creating overlay mount to …, mount_data="…,userxattr": invalid argument"',
			'Multipass: "launch failed: Remote \\"\\" is unknown or unreachable." with no image list',
		]) {
			const [problem] = problemsOf(withFields({ title }));
			expect(problem, title).toContain('› title');
			expect(problem, title).toContain('a quote in a quote reads as two');
		}
		expect(problemsOf(withFields({ title: 'Podman: "unable to write pod event" with "open : no such file or directory" (rootless)' }))).toEqual([]);
	});

	it('needs a replacement for a retired article', () => {
		expect(problemsOf(withFields({ status: 'retired' }))).toMatchInlineSnapshot(`
			[
			  "src/content/docs/kb/podman-example-failure.md › replacedBy: \`replacedBy\` is missing. Fix: name the slug of the replacing article (only when status is retired).",
			]
		`);
	});

	it('rejects a date that is not a date', () => {
		expect(problemsOf(withFields({ lastVerified: 'last week' }))).toMatchInlineSnapshot(`
			[
			  "src/content/docs/kb/podman-example-failure.md › lastVerified (line 19): \`lastVerified\` must be a date as YYYY-MM-DD (got "last week"). Fix: the date the facts were checked, as YYYY-MM-DD, today or earlier.",
			]
		`);
	});

	it('requires the id to be the file name', () => {
		expect(problemsOf(articleSource(undefined, undefined, 'src/content/docs/kb/other-name.md'))).toMatchInlineSnapshot(`
			[
			  "src/content/docs/kb/other-name.md › id: \`id\` is "podman-example-failure" but the file is named other-name.md. Fix: make them agree: the id, the file name and the URL are the same permanent slug (rename a published article with a redirect, never by editing the id).",
			]
		`);
	});

	it('reports a file without front matter', () => {
		expect(problemsOf({ file: 'src/content/docs/kb/x.md', text: '## Symptoms\n' })).toMatchInlineSnapshot(`
			[
			  "src/content/docs/kb/x.md › front matter: has no front matter. Fix: start the file with a --- block; \`npm run new-article -- <slug>\` writes a template.",
			]
		`);
	});

	it('reports broken YAML', () => {
		expect(problemsOf({ file: 'src/content/docs/kb/x.md', text: '---\ntitle: [unclosed\n---\n' })).toMatchInlineSnapshot(`
			[
			  "src/content/docs/kb/x.md › front matter: front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] at line 2, column 17 of the file. Fix: fix the YAML syntax (quote strings that contain \`: \` or start with a backtick).",
			]
		`);
	});
});
