/**
 * The shell code readers paste: every fenced block tagged sh, bash, shell or
 * console in an article, and every command in the wizard tree, must pass
 * ShellCheck (`shellcheck -s bash`, Debian's `shellcheck` package) and the
 * named rules of src/lib/shell-lint.ts. The unit tests run this over the real
 * content; `npm run test:unit` first makes sure ShellCheck is installed
 * (scripts/ensure-shellcheck.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fencedBlocksOf, type CodeBlock } from './article-body.ts';
import { lintShell, SHELL_LANGUAGES, type ShellFinding } from './shell-lint.ts';
import { messageLine, shellMessages } from './messages.ts';

/**
 * ShellCheck's arguments: bash, since readers paste into bash; every severity
 * (style included), since a reader pastes exactly what is printed; no check
 * excluded. Add an `--exclude=SCnnnn` here only with the reason beside it.
 */
export const SHELLCHECK_ARGS: readonly string[] = ['--shell=bash', '--format=json1', '--severity=style'];

/** Whether the `shellcheck` command runs here. */
export function hasShellCheck(): boolean {
	return spawnSync('shellcheck', ['--version'], { encoding: 'utf8' }).status === 0;
}

interface ShellCheckComment {
	line: number;
	code: number;
	message: string;
}

/** ShellCheck's findings for a piece of bash code; throws with the way to install it when it is missing. */
export function runShellCheck(code: string): ShellFinding[] {
	return runShellCheckOnAll([code])[0];
}

/**
 * ShellCheck's findings for many pieces of bash code, in the same order, from one ShellCheck process
 * (each piece a file of its own in a temporary directory, removed after): a process per piece was
 * most of the shell tests' time, ShellCheck's start-up repeated for every block of every article; the
 * build's checks use it too, so that forty wizard commands cost one process, not forty. Throws with the way to install ShellCheck when it is missing.
 */
export function runShellCheckOnAll(codes: readonly string[]): ShellFinding[][] {
	if (codes.length === 0) return [];
	const dir = mkdtempSync(join(tmpdir(), 'faultline-shellcheck-'));
	try {
		const files = codes.map((code, i) => {
			const file = join(dir, `${i}.sh`);
			writeFileSync(file, code.endsWith('\n') ? code : `${code}\n`);
			return file;
		});
		const r = spawnSync('shellcheck', [...SHELLCHECK_ARGS, ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
		if (r.error) {
			const m = shellMessages.noShellCheck();
			throw new Error(messageLine(m));
		}
		const { comments } = JSON.parse(r.stdout || '{"comments":[]}') as { comments: (ShellCheckComment & { file: string })[] };
		const found: ShellFinding[][] = codes.map(() => []);
		const index = new Map(files.map((f, i) => [f, i]));
		for (const c of comments) {
			found[index.get(c.file)!].push({ rule: `SC${c.code}`, line: c.line, ...shellMessages.shellcheck(`SC${c.code}`, c.message.trim().replace(/[.\s]+$/, '')) });
		}
		return found;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** ShellCheck's findings and the named rules' findings for one piece of shell code, by line. */
export function checkShellCode(code: string): ShellFinding[] {
	return checkShellCodes([code])[0];
}

/** checkShellCode for many pieces at once, in the same order, with one ShellCheck process (runShellCheckOnAll). */
export function checkShellCodes(codes: readonly string[]): ShellFinding[][] {
	return runShellCheckOnAll(codes).map((found, i) => [...found, ...lintShell(codes[i])].sort((a, b) => a.line - b.line));
}

/** The fenced blocks of an article body that hold shell code (tagged sh, bash, shell or console). */
export function shellBlocksOf(body: string): CodeBlock[] {
	return fencedBlocksOf(body).filter((b) => SHELL_LANGUAGES.has(b.lang));
}
