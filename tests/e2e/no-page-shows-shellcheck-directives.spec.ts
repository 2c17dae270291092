/**
 * ShellCheck's directive comments (`# shellcheck disable=…`) are written into an article's shell code for the
 * build's ShellCheck pass; a reader would copy them into a terminal or a startup file. So no built page shows
 * one in its code, an article's or a wizard result's fix (src/lib/remark-shell-directives.ts), while the code they
 * annotate stays.
 */
import { expect, test } from '@playwright/test';
import { all, builtPageList, parsedPage, text } from './built-html.ts';
import { SHELLCHECK_DIRECTIVE } from '../../src/lib/remark-shell-directives.ts';
import { articlePath, wizardStepPath } from '../../src/lib/addresses.ts';

test("no built page shows ShellCheck's directives in its code, and the code they annotate is there", () => {
	const found: string[] = [];
	for (const { path, redirectTo } of builtPageList()) {
		if (redirectTo) continue;
		for (const pre of all(parsedPage(path), 'pre')) for (const line of text(pre).split('\n')) if (SHELLCHECK_DIRECTIVE.test(line)) found.push(`${path}: ${line.trim()}`);
	}
	expect(found).toEqual([]);
	// The line FL-0107's directive annotates (its source holds `# shellcheck disable=SC2016` above it).
	const probe = all(parsedPage(articlePath('nix-build-users-group-no-members')), 'pre').map(text).join('\n');
	expect(probe).toContain('nix-build --no-out-link -E');
	// FL-0092's fix, as a wizard result shows it (its source has `# shellcheck source=/dev/null` inside the block).
	const fix = all(parsedPage(wizardStepPath('result-nix-self-test-not-found')), 'pre').map(text).join('\n');
	expect(fix).toContain('. /nix/var/nix/profiles/default/etc/profile.d/nix-daemon.sh');
});
