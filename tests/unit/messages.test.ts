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

/**
 * A reader-facing text written in place in a component: a status line set from a literal, a label, or an
 * element's text starting with a capitalised word (the element's text on the tag's line).
 */
const SHOWN_IN_PLACE = /textContent\s*=\s*['"`][A-Z]|aria-label="[A-Z]|<(?:h[1-6]|summary|strong|button|label|span|a|p|th|td|li|legend|option|caption|figcaption|time|div|dt|dd|em|small)\b[^>{]*>\s*[A-Z][a-z]+[ :.,…]?/;
/** In a component's markup, a line of text on its own that starts with a capitalised word (`Last verified <time …>`). */
const TEXT_LINE = /^\s*[A-Z][a-z]+(?:[ :,]|$)/;

/**
 * The reader-facing texts written in place in src/components, as `file:line: text`: SHOWN_IN_PLACE anywhere,
 * and TEXT_LINE in an Astro component's markup (after its front matter, outside scripts, styles and comments).
 * Not src/components/articles/: what an article imports is the article's own content, like its Markdown.
 */
function shownInPlace(): string[] {
	return sources('src/components')
		.filter((file) => !file.startsWith(join('src', 'components', 'articles')))
		.flatMap((file) => {
			let fences = 0;
			let inBlock = false;
			return readFileSync(join(root, file), 'utf8')
				.split('\n')
				.flatMap((line, i) => {
					if (file.endsWith('.astro') && line.trim() === '---') fences++;
					if (/<(script|style)\b/.test(line)) inBlock = true;
					const markup = file.endsWith('.astro') && fences >= 2 && !inBlock && !/^\s*\{?\/?\*/.test(line);
					if (/<\/(script|style)>/.test(line)) inBlock = false;
					return SHOWN_IN_PLACE.test(line) || (markup && TEXT_LINE.test(line)) ? [`${file}:${i + 1}: ${line.trim()}`] : [];
				});
		});
}

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

	it("shown to readers by src/components are written only in src/lib/messages.ts too (labels, headings, a page's status lines)", () => {
		expect(shownInPlace()).toEqual([]);
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
