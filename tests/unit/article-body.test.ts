import { describe, expect, it } from 'vitest';
import { checkArticleBody, checkBody, evidenceOf, fencedBlocksOf, outlineOf } from '../../src/lib/article-body.ts';
import { validBody } from './fixtures.ts';

const SIGNATURE = 'Error: example: something specific went wrong';
const messagesOf = (body: string) => checkBody(body, [SIGNATURE]).map((p) => `${p.field}: ${p.message}. Fix: ${p.fix}.`);

describe('the body template check', () => {
	it('accepts the template', () => {
		expect(messagesOf(validBody)).toEqual([]);
	});

	it('names a missing section and where it goes', () => {
		expect(messagesOf(validBody.replace('## Root cause\n\nA reason.\n', ''))).toMatchInlineSnapshot(`
			[
			  "body › Root cause: section "## Root cause" is missing. Fix: add "## Root cause" after "## Error messages" (order: ## Symptoms, ## Error messages, ## Root cause, ## How to confirm, ## Fixes, ## Affected versions, ## References).",
			]
		`);
	});

	it('names a misordered section', () => {
		const swapped = validBody.replace('## Symptoms\n\nIt fails.\n', '').replace('## Root cause', '## Symptoms\n\nIt fails.\n\n## Root cause');
		expect(messagesOf(swapped)).toMatchInlineSnapshot(`
			[
			  "body › Symptoms: section "## Symptoms" comes after "## Error messages" but belongs before it. Fix: put the sections in this order: ## Symptoms, ## Error messages, ## Root cause, ## How to confirm, ## Fixes, ## Affected versions, ## References.",
			]
		`);
	});

	it('rejects a section outside the template', () => {
		expect(messagesOf(validBody.replace('## References', '## Notes\n\nA note.\n\n## References'))).toMatchInlineSnapshot(`
			[
			  "line 38: section "## Notes" is not part of the article template. Fix: use only these sections: ## Symptoms, ## Error messages, ## Root cause, ## How to confirm, ## Fixes, ## Affected versions, ## References; put extra material under one of them as ### subsections.",
			]
		`);
	});

	it('rejects a section given twice', () => {
		expect(messagesOf(`${validBody}\n## Symptoms\n\nAgain.\n`)).toMatchInlineSnapshot(`
			[
			  "body › Symptoms: section "## Symptoms" appears twice. Fix: merge the two into one section.",
			]
		`);
	});

	it('needs the error lines quoted in a code block', () => {
		const unquoted = validBody.replace('```text\nError: example: something specific went wrong\n```', 'It says something.');
		expect(messagesOf(unquoted)).toMatchInlineSnapshot(`
			[
			  "body › Error messages: section "## Error messages" has no code block. Fix: quote the error lines verbatim in a fenced code block (\`\`\`text).",
			  "body › Error messages: signature "Error: example: something specific went wrong" is not quoted in "## Error messages". Fix: quote every signature verbatim in a code block of the Error messages section, or correct the signature.",
			]
		`);
	});

	it('accepts a signature quoted behind a log prefix', () => {
		const prefixed = validBody.replace(`\n${SIGNATURE}\n`, `\nJan 18 14:04:36 host podman[136]: ${SIGNATURE}\n`);
		expect(messagesOf(prefixed)).toEqual([]);
	});

	it('needs every fix to say how to verify it', () => {
		expect(messagesOf(validBody.replace('**Verify:** it works.', 'Then it works.'))).toMatchInlineSnapshot(`
			[
			  "body › Fixes › Do the right thing: fix "### Do the right thing" does not say how to verify it. Fix: add a paragraph that starts with **Verify:** and says what the reader sees when the fix worked.",
			]
		`);
	});

	it('needs a permanent anchor on every fix, used once', () => {
		expect(messagesOf(validBody.replace(' {#right-thing}', ''))).toMatchInlineSnapshot(`
			[
			  "body › Fixes › Do the right thing: fix "### Do the right thing" has no permanent anchor. Fix: end the heading with an anchor that never changes, e.g. "### Do the right thing {#do-the-right-thing}".",
			]
		`);
		expect(messagesOf(validBody.replace('{#right-thing}', '{#fixes}'))).toMatchInlineSnapshot(`
			[
			  "body › Fixes › Do the right thing: anchor {#fixes} is used twice in this article (or is a section's anchor). Fix: give every fix its own anchor.",
			]
		`);
	});

	it('lists the fixes with their anchors, recommended first, each with its code and its Verify paragraph', () => {
		const outline = outlineOf(validBody);
		expect(outline.fixes).toEqual([{ title: 'Do the right thing', anchor: 'right-thing', evidence: 'reported', code: [], verify: { text: 'it works.', line: 32 }, steps: [{ kind: 'markdown', markdown: 'Do it.', line: 28 }] }]);
		expect(outline.rootCauseEvidence).toBe('confirmed upstream');
	});

	it('gives each code block of a fix the paragraph just above it as its lead, never a Verify or Evidence paragraph', () => {
		const body = validBody.replace(
			'Do it.\n',
			'Do it in a shell:\n\n```sh\necho one\n```\n\nThen in your NixOS configuration,\nnot in a shell:\n\n```nix\nx = 1;\n```\n\n```sh\necho right after\n```\n',
		).replace('**Verify:** it works.\n', '**Verify:** it works.\n\n```sh\necho check\n```\n');
		const [fix] = outlineOf(body).fixes;
		expect(fix.code.map((c) => [c.code, c.lead])).toEqual([
			['echo one', 'Do it in a shell:'],
			['x = 1;', 'Then in your NixOS configuration, not in a shell:'],
			['echo right after', undefined],
			['echo check', undefined],
		]);
	});

	it('needs an evidence level on every fix', () => {
		expect(messagesOf(validBody.replace(/\*\*Evidence:\*\* reported\. .*\n/, ''))).toMatchInlineSnapshot(`
			[
			  "body › Fixes › Do the right thing: fix "### Do the right thing" does not say how sure we are that it works. Fix: add one paragraph that starts with **Evidence:** and a level ("reproduced here", "confirmed upstream", "reported", "inferred"), then a full stop and the source, e.g. "**Evidence:** confirmed upstream. The maintainer recommends it in owner/name#123.".",
			]
		`);
	});

	it('needs an evidence level for the root cause', () => {
		expect(messagesOf(validBody.replace(/\*\*Evidence:\*\* confirmed upstream\. .*\n/, ''))).toMatchInlineSnapshot(`
			[
			  "body › Root cause: section "## Root cause" does not say how sure we are of the cause. Fix: add one paragraph that starts with **Evidence:** and a level ("reproduced here", "confirmed upstream", "reported", "inferred") for the cause as a whole, then a full stop and the source; mark any weaker statement inline, e.g. "(inferred)".",
			]
		`);
	});

	it('refuses a level that is not one of the four, and a second evidence paragraph', () => {
		expect(messagesOf(validBody.replace('**Evidence:** reported.', '**Evidence:** confirmed.'))).toMatchInlineSnapshot(`
			[
			  "body › Fixes › Do the right thing: evidence level "confirmed" is not one of the four. Fix: write exactly one of "reproduced here", "confirmed upstream", "reported", "inferred" right after **Evidence:**, then a full stop (definitions: src/lib/evidence.ts).",
			]
		`);
		expect(messagesOf(validBody.replace('**Evidence:** reported.', '**Evidence:** Reported.'))).toHaveLength(1);
		expect(messagesOf(validBody.replace('**Verify:** it works.', '**Evidence:** inferred. A guess.\n\n**Verify:** it works.'))).toMatchInlineSnapshot(`
			[
			  "body › Fixes › Do the right thing: 2 **Evidence:** paragraphs ("reported", "inferred") where one belongs. Fix: keep one paragraph with the level of the claim as a whole; mark a weaker single statement inline, e.g. "(reported)".",
			]
		`);
	});

	it('refuses "reproduced here" without a recorded reproduction, and accepts it with one', () => {
		const claimed = validBody.replace('**Evidence:** reported.', '**Evidence:** reproduced here.');
		expect(messagesOf(claimed)).toMatchInlineSnapshot(`
			[
			  "body › Fixes › Do the right thing: evidence level "reproduced here" needs a recorded reproduction, and the article has none (no \`reproduced\` field). Fix: add a reproduction to scripts/repro/cases.ts and run \`npm run repro -- --record\` as root, which records it and writes the field; otherwise state the level the sources support ("confirmed upstream", "reported" or "inferred").",
			]
		`);
		expect(checkArticleBody(claimed, { signatures: [SIGNATURE], reproduced: true }).problems).toEqual([]);
	});

	it('reads evidence paragraphs only outside code blocks', () => {
		expect(evidenceOf('```text\n**Evidence:** inferred. x\n```\n**Evidence:** reported. y')).toEqual(['reported']);
		expect(messagesOf(validBody.replace('**Evidence:** reported. The reporter', '```text\n**Evidence:** reported. The reporter\n```\n'))).toHaveLength(1);
	});

	it('needs at least one fix', () => {
		expect(messagesOf(validBody.replace('### Do the right thing {#right-thing}', 'Do the right thing.'))).toMatchInlineSnapshot(`
			[
			  "body › Fixes: section "## Fixes" has no fix. Fix: give each fix a "### " heading, recommended fix first.",
			]
		`);
	});

	it('ignores headings inside code blocks', () => {
		expect(outlineOf('```sh\n## not a heading\n```\n## Symptoms').headings.map((h) => h.text)).toEqual(['Symptoms']);
		expect(outlineOf('text\n```sh\na\n~~~\nb\n```\nmore').codeBlocks.map((b) => b.code)).toEqual(['a\n~~~\nb']);
		expect(fencedBlocksOf('text\n```sh title="x"\na\n```\n~~~\nb\n~~~')).toEqual([
			{ lang: 'sh', code: 'a', line: 2 },
			{ lang: '', code: 'b', line: 5 },
		]);
	});
});
