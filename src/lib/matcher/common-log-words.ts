/**
 * Words common in real logs: data, derived by scripts/common-log-words.ts
 * (do not edit by hand; run it after the eval data changes).
 *
 * Source: every eval text that is log output (tests/fixtures/dev.jsonl and
 * dev-more.jsonl, every kind but `prose`: journals, dmesg, CI and build
 * logs, tool output that people pasted into the upstream trackers), grouped
 * by thread (476 threads). A word (lower case, letters, digits and `_`,
 * as the pre-filter reads a raw line) is on the list when it occurs in at
 * least 5 % of the threads.
 *
 * The matcher never picks such a word as a signature's anchor (compile.ts):
 * an anchor lets a line past the pre-filter, and a word most logs hold would
 * let most lines through.
 */
export const COMMON_LOG_WORDS: ReadonlySet<string> = new Set(
	(
		'a action add after alice all am an and any arch are argument as at available bash be bin build builder ' +
		'building but by can cannot cgroup code com command conf config container containers could create creating crun ' +
		'd daemon default denied directory docker does driver erro error errors etc exec executing exit failed fails ' +
		'fedora file following for found from fs get getting have home host https i if image in info install installed ' +
		'installing into invalid io is issue it just latest launch linux local m macos missing mount multipass my name ' +
		'namespace nix nixos no not now oci of on only open operation or org os out output overlay path permission ' +
		'permitted podman proc process profile rm root rootless run running runtime s same service set sh share shell ' +
		'so some start status stderr storage store such sudo sys system systemd t test that the then this to try trying ' +
		'ubuntu unable unknown up use user using usr value var version warn was when while with without works write ' +
		'writing x86_64 you'
	).split(' '),
);

/**
 * Words of dates, which every timestamp varies over (a journal line starts
 * with a month; `ls -l` and `date` print them too): never an anchor either.
 */
export const DATE_WORDS: ReadonlySet<string> = new Set('jan feb mar apr may jun jul aug sep oct nov dec mon tue wed thu fri sat sun'.split(' '));
