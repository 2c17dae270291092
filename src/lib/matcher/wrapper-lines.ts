/**
 * Wrapper lines: the links of an error chain that only name the step that
 * failed, printed whatever the cause below them. Such a line is no evidence
 * for any cause: an article may quote it (the reader sees it above the cause),
 * but it never decides a match, never makes an article a candidate and never
 * corroborates one, even when several articles quote it (match.ts `rank`).
 * The list is data, as GENERIC_WORDS is for words (model.ts): each entry is a
 * pattern with typed holes (pattern.ts) made from the tool's format string.
 */
import { compilePattern } from './pattern.ts';
import { normalizeLine } from './normalize.ts';

export const WRAPPER_LINES: readonly { pattern: string; source: string }[] = [
	{
		// `impl Display for ActionError`: f.write_fmt(format_args!("Action `{}` errored", self.action_tag)); its
		// `source()` is the error that says why, printed on the next line of the chain.
		pattern: 'Action `{word}` errored',
		source: 'DeterminateSystems/nix-installer src/action/mod.rs, v0.8.0 and later (8bb37f1b)',
	},
	{
		// ActionErrorKind::Child before v0.8.0: #[error("Child action `{0}`")].
		pattern: 'Child action `{word}`',
		source: 'DeterminateSystems/nix-installer src/action/mod.rs, before v0.8.0 (replaced in 8bb37f1b)',
	},
	{
		// NixInstallerError::Action: #[error("Error executing action")], above the failed action.
		pattern: 'Error executing action',
		source: 'DeterminateSystems/nix-installer src/error.rs',
	},
	{
		// eyre!(err).wrap_err("Install failure"): the first link of every failed install.
		pattern: 'Install failure',
		source: 'DeterminateSystems/nix-installer src/cli/subcommand/install/mod.rs',
	},
	{
		// chroot/run_common.go: fmt.Fprintf(os.Stderr, "subprocess exited with status %d\n", …): a RUN step's
		// command under chroot isolation exited non-zero, whatever the reason (a command missing from the image,
		// a failing script, containers/podman#25460's unmounted root).
		pattern: 'subprocess exited with status {n}',
		source: 'containers/buildah chroot/run_common.go (as of 5b1b18eeb)',
	},
	{
		// imagebuildah/stage_executor.go: fmt.Errorf("building at STEP \"%s\": %w", step.Message, err), with the
		// RUN command's exit status as the wrapped error: names the step, not why it failed.
		pattern: 'building at STEP "{*}": exit status {n}',
		source: 'containers/buildah imagebuildah/stage_executor.go (as of 5b1b18eeb)',
	},
];

const compiled = WRAPPER_LINES.map((w) => compilePattern(w.pattern));

/**
 * Whether a line, as an article quotes it, is a wrapper line: after its
 * numbering (`3: `) and an `Error: ` label, nothing but one of WRAPPER_LINES.
 * A line that goes on past the wrapper ("Install failure: …") is not one.
 */
export function isWrapperLine(line: string): boolean {
	const core = normalizeLine(line).replace(/^(?:\d+: )?(?:error: )?/, '');
	return compiled.some((re) => {
		const met = re.exec(core);
		return met !== null && met.index === 0 && met[0].length === core.length;
	});
}
