import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { remarkShellDirectives, withoutShellDirectives } from '../../src/lib/remark-shell-directives.ts';

const render = async (markdown: string) => (await (await createMarkdownProcessor({ remarkPlugins: [remarkShellDirectives], syntaxHighlight: false })).render(markdown)).code;

describe("ShellCheck's directives in shell code", () => {
	it('are left out of the code a reader sees, the rest of the block as written', async () => {
		const html = await render("```sh\n# shellcheck disable=SC2016\nnix-build -E 'derivation { }'\nif true; then\n  # shellcheck source=/dev/null\n  . ./env.sh\nfi\n```");
		expect(html).not.toContain('shellcheck');
		expect(html).toContain("nix-build -E 'derivation { }'\nif true; then\n  . ./env.sh\nfi");
	});

	it('stay in code of other languages, and a comment that only mentions ShellCheck stays', async () => {
		expect(await render('```yaml\n# shellcheck disable=SC2016\nkey: value\n```')).toContain('# shellcheck disable=SC2016');
		expect(await render('```sh\n# shellcheck is a linter\necho hi\n```')).toContain('# shellcheck is a linter');
		expect(await render('```sh\n# run shellcheck on it first\necho hi\n```')).toContain('# run shellcheck on it first');
	});

	it('are left out of a wizard result\'s fix the same way (withoutShellDirectives), in shell code only', () => {
		expect(withoutShellDirectives('sh', '# shellcheck disable=SC2016\necho \'$out\'')).toBe("echo '$out'");
		expect(withoutShellDirectives('text', '# shellcheck disable=SC2016')).toBe('# shellcheck disable=SC2016');
		expect(withoutShellDirectives('', '# shellcheck disable=SC2016')).toBe('# shellcheck disable=SC2016');
	});
});
