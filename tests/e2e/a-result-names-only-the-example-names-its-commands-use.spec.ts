/**
 * A wizard result that shows a fix's commands says which names in them are examples ("In these commands
 * alice stands for the user's name"), and only names a command shown there uses: FL-0079's result said
 * alice stands for the user's name under commands that use "$(id -un)", because its prose has
 * `alice:100000:65536` (the s12 new-user walk, item 9). Checked on every built result page, as served.
 */
import { expect, test } from '@playwright/test';
import { all, builtPageList, first, parsedPage, text } from './built-html.ts';
import { EXAMPLE_NAMES } from '../../src/lib/example-names.ts';

test('every example-name note on a result step names only names its commands use, and each such name', () => {
	const wrong: string[] = [];
	let notes = 0;
	for (const { path, redirectTo } of builtPageList()) {
		if (redirectTo || !path.startsWith('/wizard/result-')) continue;
		for (const section of all(parsedPage(path), '[data-wizard-fix], [data-wizard-disproof]')) {
			// Its commands: code blocks, and code spans with a space (a command with its arguments, commandsIn).
			const commands = [...all(section, 'pre').map(text), ...all(section, ':not(pre) > code').map(text).filter((c) => /\S\s+\S/.test(c))].join('\n');
			const note = first(section, '[data-wizard-examples]');
			const named = note ? all(note, 'code').map(text) : [];
			notes += named.length ? 1 : 0;
			// The names a command uses (each pattern finds its name only as the example: alice not inside /home/alice).
			const used = EXAMPLE_NAMES.filter((e) => e.pattern.test(commands)).map((e) => e.name);
			for (const n of named) if (!used.includes(n)) wrong.push(`${path}: the note names ${n}, which no command there uses`);
			for (const n of used) if (!named.includes(n)) wrong.push(`${path}: a command uses ${n}, which the note does not name`);
		}
	}
	expect(wrong).toEqual([]);
	expect(notes).toBeGreaterThan(0);
	// The page of the report: its commands use "$(id -un)", not alice, so it has no note.
	expect(first(parsedPage('/wizard/result-no-subuid-range-ids/'), '[data-wizard-fix] [data-wizard-examples]')).toBeUndefined();
});
