/**
 * The content check refuses text an article says twice (src/lib/repeated-text.ts, issue 19): each case
 * changes a real article the way FL-0079 was written and pins the line the build prints.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkArticle, checkArticles, formatProblem, readArticleSources } from '../../src/lib/content.ts';
import { REPEATED_SENTENCE_WORDS, VERSIONS_TABLE_TOKENS } from '../../src/lib/repeated-text.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const FILE = 'src/content/docs/kb/nix-installer-seccomp-bpf.md';
const original = readFileSync(join(root, FILE), 'utf8');

/** The lines the check prints for the article after `edit`, only those about repeated text. */
function repeats(edit: (text: string) => string): string[] {
	const text = edit(original);
	expect(text, 'the case must change the article').not.toBe(original);
	return checkArticle({ file: FILE, text })
		.problems.map(formatProblem)
		.filter((line) => /already in|repeats the front matter|retells the versions table/.test(line));
}

/** The file line of the first line that starts with `start` in `text`. */
const lineOf = (text: string, start: string) => text.split('\n').findIndex((l) => l.startsWith(start)) + 1;

const insertAfter = (text: string, heading: string, paragraph: string) => {
	expect(text).toContain(`${heading}\n`);
	return text.replace(`${heading}\n`, `${heading}\n\n${paragraph}\n`);
};

const SENTENCE = 'Only a build step that runs under user-mode emulation loads the seccomp filter this way.';
const SENTENCE_FIX =
	'say it once, in the section the template gives it (CONTRIBUTING.md, "Write the body": the error lines in Error messages, why it happens in Root cause, diagnostic commands in How to confirm, each fix\'s commands in its fix, release notes and look-alikes in Affected versions), and refer to it from here ("see Root cause").';

describe('text said twice', () => {
	it('the real articles say nothing twice', () => {
		const { problems } = checkArticles(readArticleSources(root));
		expect(problems.map(formatProblem).filter((l) => /already in|repeats the front matter|retells the versions table/.test(l))).toEqual([]);
	});

	it('a sentence in two sections names both places and the template home', () => {
		let text = '';
		const found = repeats((t) => (text = insertAfter(insertAfter(t, '## Root cause', SENTENCE), '## Affected versions', SENTENCE)));
		const first = lineOf(text, SENTENCE);
		const second = text.split('\n').findLastIndex((l) => l.startsWith(SENTENCE)) + 1;
		expect(found).toEqual([`${FILE} › body › Affected versions (line ${second}): this sentence is already in "Root cause" (line ${first}): "${SENTENCE}". Fix: ${SENTENCE_FIX}`]);
	});

	it('a sentence inside a fix names the fix', () => {
		let text = '';
		const found = repeats((t) => (text = insertAfter(insertAfter(t, '## Root cause', SENTENCE), '### Build on native runners {#native-runners}', SENTENCE)));
		const second = text.split('\n').findLastIndex((l) => l.startsWith(SENTENCE)) + 1;
		expect(found).toEqual([
			`${FILE} › body › Fixes › Build on native runners (line ${second}): this sentence is already in "Root cause" (line ${lineOf(text, SENTENCE)}): "${SENTENCE}". Fix: ${SENTENCE_FIX}`,
		]);
	});

	it(`a sentence shorter than ${REPEATED_SENTENCE_WORDS} words may repeat`, () => {
		const short = 'Then build the image again.';
		expect(short.split(' ').length).toBeLessThan(REPEATED_SENTENCE_WORDS);
		expect(repeats((t) => insertAfter(insertAfter(t, '## Root cause', short), '## Affected versions', short))).toEqual([]);
	});

	it('two fixes may end in the same Verify paragraph', () => {
		const verify = '**Verify:** the install finishes and the emulated build runs to its end without the seccomp message.';
		expect(repeats((t) => insertAfter(insertAfter(t, '### Write nix.conf yourself before the first Nix command {#write-nix-conf}', verify), '### Build on native runners {#native-runners}', verify))).toEqual([]);
	});

	it('a code block in two sections', () => {
		let text = '';
		const block = '```sh\ncat /etc/nix/nix.conf\n```';
		const found = repeats((t) => (text = insertAfter(t, '### Build on native runners {#native-runners}', block)));
		const lines = text.split('\n');
		const first = lines.indexOf('cat /etc/nix/nix.conf');
		const second = lines.lastIndexOf('cat /etc/nix/nix.conf');
		expect(found).toEqual([
			`${FILE} › body › Fixes › Build on native runners (line ${second}): this code block is already in "How to confirm" (line ${first}): "cat /etc/nix/nix.conf". Fix: keep the block once, where the template puts it (error output in Error messages, commands that confirm in How to confirm, commands that fix in their fix), and refer to it from here ("the commands under How to confirm").`,
		]);
	});

	it('a body sentence the page already renders from the front matter', () => {
		const symptom = 'Installing Nix in a docker buildx build for a foreign platform (linux/arm64 on an amd64 host, or the reverse) fails.';
		let text = '';
		const found = repeats((t) => (text = insertAfter(t, '## Root cause', symptom)));
		expect(found).toEqual([
			`${FILE} › body › Root cause (line ${lineOf(text, symptom)}): this sentence repeats the front matter's \`symptoms.0\`, which the page already shows: "Installing Nix in a docker buildx build for a foreign platform (linux/arm64 on an amd64 h…". Fix: cut it from the body: the page renders the symptoms under Symptoms, the versions table under Affected versions and the diagnostics table under How to confirm.`,
		]);
	});

	it(`an Affected versions sentence naming ${VERSIONS_TABLE_TOKENS} of the table's releases retells the table`, () => {
		const retold = 'The installer ignored the setting in v0.29.0 and v0.30.0, and v0.30.1 fixed it.';
		let text = '';
		const found = repeats((t) => (text = insertAfter(t, '## Affected versions', retold)));
		expect(found).toEqual([
			`${FILE} › body › Affected versions (line ${lineOf(text, retold)}): this sentence retells the versions table, which the page shows just above it (it names 0.29.0, 0.30.0, 0.30.1). Fix: cut what the table already says; keep in Affected versions only notes the table lacks and look-alikes, and the per-release wording of the error in Error messages.`,
		]);
	});

	it('two releases in Affected versions, or the history in Root cause, are not the table again', () => {
		const note = 'Pinned images of v0.29.0 and v0.30.0 stay affected after an upgrade of the host.';
		expect(repeats((t) => insertAfter(t, '## Affected versions', note))).toEqual([]);
		const why = 'The installer ignored the setting in v0.29.0 and v0.30.0, and v0.30.1 fixed it.';
		expect(repeats((t) => insertAfter(t, '## Root cause', why))).toEqual([]);
	});
});
