/**
 * Words common in real logs: data, derived by scripts/common-log-words.ts
 * (do not edit by hand; run it after the eval data changes).
 *
 * Source: every eval text that reads as log output (tests/fixtures/dev.jsonl
 * and dev-more.jsonl, text-kind.ts `textKind`: journals, dmesg, CI and build
 * logs, tool output that people pasted into the upstream trackers), grouped
 * by thread (544 threads). A word (lower case, letters, digits and `_`,
 * as the pre-filter reads a raw line) is on the list when it occurs in at
 * least 5 % of the threads.
 *
 * The matcher never picks such a word as a signature's anchor (compile.ts):
 * an anchor lets a line past the pre-filter, and a word most logs hold would
 * let most lines through.
 */
export const COMMON_LOG_WORDS: ReadonlySet<string> = new Set(
	(
		'a action add after alice an and any arch are argument as at available bash be bin build but by can cannot ' +
		'cgroup code com command conf config container containers could create creating crun curl d daemon default ' +
		'denied directory docker does erro error errored errors etc exec execute executing exit failed fails failure ' +
		'fedora file following for found from fs get getting github have home host https i if image in info install ' +
		'installed installer installing invalid io is issue it key latest lib linux local m macos metadata mount ' +
		'multipass my name namespace nix nixos no not oci of on open operation or org os output overlay path permission ' +
		'permitted pid podman proc process profile rm root rootless run running runtime service set sh share shell so ' +
		'start status stderr storage store such sudo sys system systemd t that the this to try trying type ubuntu ' +
		'unable unknown up use user users using usr value var version was when while with write writing x86_64 you'
	).split(' '),
);

/**
 * Words of dates, which every timestamp varies over (a journal line starts
 * with a month; `ls -l` and `date` print them too): never an anchor either.
 */
export const DATE_WORDS: ReadonlySet<string> = new Set('jan feb mar apr may jun jul aug sep oct nov dec mon tue wed thu fri sat sun'.split(' '));
