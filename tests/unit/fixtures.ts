/** Small article fixtures for the content tests: one valid article, and ways to break it. */
import { stringify } from 'yaml';
import type { ArticleSource } from '../../src/lib/content.ts';

export const validData = (): Record<string, unknown> => ({
	id: 'podman-example-failure',
	shortId: 'FL-0901',
	title: 'Podman: an example failure for the tests',
	summary: 'An example root cause, written as one sentence.',
	products: ['podman'],
	subsystems: ['file-permissions'],
	signatures: [{ line: 'Error: example: something specific went wrong', where: 'podman run, all versions' }],
	symptoms: ['The example fails.'],
	versions: [{ product: 'podman', affected: 'all', fixed: null }],
	lastVerified: '2026-11-23',
	sources: [{ ref: 'containers/podman#1', title: 'An example issue' }],
	status: 'active',
});

export const validBody = `
## Symptoms

It fails.

## Error messages

\`\`\`text
Error: example: something specific went wrong
\`\`\`

## Root cause

A reason.

**Evidence:** confirmed upstream. The maintainer explains it in containers/podman#1.

## How to confirm

\`\`\`sh
true
\`\`\`

## Fixes

### Do the right thing {#right-thing}

Do it.

**Evidence:** reported. The reporter of containers/podman#1 says it worked.

**Verify:** it works.

## Affected versions

All.

## References

The issue.
`;

/** An article file from front matter and body; the file is named after `id` unless `file` is given. */
export function articleSource(data: Record<string, unknown> = validData(), body = validBody, file?: string): ArticleSource {
	return {
		file: file ?? `src/content/docs/kb/${String(data.id)}.md`,
		text: `---\n${stringify(data)}---\n${body}`,
	};
}

/** The valid article with some fields changed (`undefined` removes a field). */
export function withFields(changes: Record<string, unknown>): ArticleSource {
	const data = { ...validData(), ...changes };
	for (const [k, v] of Object.entries(changes)) if (v === undefined) delete data[k];
	return articleSource(data, validBody, 'src/content/docs/kb/podman-example-failure.md');
}
