/**
 * Every user-facing message lives in src/lib/messages.ts (issue 14): no
 * source file outside it throws, logs or reports a text it writes itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { cliMessages, cliUsageMessages, inputName, pasteBoxMessages, pasteStatusMessages, problemLine } from '../../src/lib/messages.ts';

const root = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
	return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
		.filter((e) => e.isFile() && /\.(ts|astro)$/.test(e.name))
		.map((e) => relative(root, join(e.parentPath, e.name)));
}

/** A message written in place: a string or template literal thrown, logged as an error, or given as a problem's text. */
const WRITTEN_IN_PLACE = /throw new \w*Error\(\s*['"`]|console\.error\(\s*['"`]|\bmessage: ['"`]|\bfix: ['"`]|stderr\.write\(\s*['"`](?!faultline: \$\{error\.message\})/;

describe('messages', () => {
	it('are written only in src/lib/messages.ts', () => {
		const offenders = [...sources('src'), ...sources('scripts')]
			.filter((file) => file !== join('src', 'lib', 'messages.ts'))
			.flatMap((file) =>
				readFileSync(join(root, file), 'utf8')
					.split('\n')
					.flatMap((line, i) => (WRITTEN_IN_PLACE.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
			);
		expect(offenders).toEqual([]);
	});

	it('name standard input for "-" and keep the build format', () => {
		expect(cliUsageMessages.cannotRead(inputName('-'), 'EIO')).toBe('cannot read standard input (EIO)');
		expect(cliUsageMessages.cannotRead(inputName('a.log'), undefined)).toBe('cannot read a.log');
		expect(problemLine('event.json', 'event', cliMessages.eventUnreadable(undefined))).toBe(
			'event.json › event: cannot be read (not JSON). Fix: run the Action on `issues` or `issue_comment` events, which GitHub writes to $GITHUB_EVENT_PATH.',
		);
	});

	it("the paste box's worker carries only its own messages, none of the page script's status texts", async () => {
		// Bundled and minified as the site bundles it: a bundle drops an unused group, but keeps every entry of a group it uses.
		const result = await build({ entryPoints: [join(root, 'src/components/search/match-worker.ts')], bundle: true, minify: true, write: false, format: 'esm', platform: 'browser', logLevel: 'silent', absWorkingDir: root });
		const worker = result.outputFiles[0].text;
		// Its own group is there (so the check looks at the right bundle) ...
		for (const key of Object.keys(pasteBoxMessages)) expect(worker, key).toContain(`${key}:`);
		// ... and no entry of the page's, by name or by text.
		for (const key of Object.keys(pasteStatusMessages)) expect(worker, key).not.toContain(`${key}:`);
		expect(worker).not.toContain(pasteStatusMessages.lookingForKnownErrors());
	});
});
