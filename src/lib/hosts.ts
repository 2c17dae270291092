/**
 * The host systems a reader's own machine runs, and the words that name them: the one list of host words.
 * An article that applies only to some host systems says so in its front matter (`hosts`, article-schema.ts);
 * a description that names its host system is never given, as likely or as a closest search result, an
 * article that applies only to another one (prose.ts, `createProseRanker`).
 *
 * Browser-safe and small: the paste box's worker and the packaged CLI bundle it.
 *
 * Where the words come from: the host systems the knowledge base's products run on and that its articles
 * name (Multipass on Linux, macOS and Windows; the Nix installers on Linux and macOS; Podman machine on
 * macOS and Windows; WSL), and the names readers write for them in the eval set's descriptions and in
 * the upstream trackers' issue templates ("OS: Ubuntu 22.04", "macOS 15 Sequoia", "Windows 11 with
 * Hyper-V"): the systems themselves, their common distributions and releases, and Nix's system names
 * (`x86_64-linux`, `aarch64-darwin`). Left out on purpose, because a reader writes them for other things
 * too: `MAC` in capitals and "mac address" (a network card's address), "arch" in lower case (an
 * architecture: `--arch`, `arch: amd64`) and "Arch:" or "Arch/" (`docker version`'s `OS/Arch:`),
 * "windows" in lower case on its own (a desktop's windows), PowerShell and Homebrew (both also run on
 * Linux), and Alpine (mostly a container image, not the reader's machine). A word inside a URL or a dotted
 * name (`cloud-images.ubuntu.com`, launchd's `org.nixos.nix-daemon`) names no host (`hostsNamedIn`).
 *
 * A text may name several host systems ("Ubuntu on WSL 2", "the Linux VM on my Mac"): then an article for
 * any of them still fits (`hostRulesOut`).
 */

/** The host systems, each with the words (regular expressions, matched whole-word) that name it in a reader's text. */
export const HOSTS = {
	linux: {
		name: 'Linux',
		/**
		 * Case-insensitive. WSL too: a WSL distribution is Linux on a Windows host (its tools report `os: linux`,
		 * as nix-installer's did on WSL 1 in DeterminateSystems/nix-installer#920), so a Linux-only failure
		 * can happen there, and WSL names both hosts.
		 */
		words: [
			'wsl ?[12]?', 'linux', 'gnu/linux', 'ubuntu', 'kubuntu', 'xubuntu', 'lubuntu', 'fedora', 'silverblue', 'kinoite', 'debian', 'raspbian',
			'archlinux', 'manjaro', 'endeavouros', 'nixos', 'centos', 'rhel', 'red hat', 'rocky linux', 'almalinux', 'opensuse', 'suse',
			'sles', 'gentoo', 'linux mint', 'pop!?_os', 'steamos', 'zorin', 'elementary os',
		],
		/** Case-sensitive: "Arch" the distribution, not "arch" the architecture nor `OS/Arch:`. */
		caseWords: ['Arch(?![:/])'],
	},
	macos: {
		name: 'macOS',
		words: [
			'macos', 'mac ?os ?x?', 'os ?x', 'macbook(?: air| pro)?', 'imac', 'mac ?mini', 'mac studio', 'apple silicon', 'darwin',
			'sequoia', 'sonoma', 'ventura', 'monterey', 'big sur', 'catalina', 'mojave',
		],
		/** "Mac" or "mac" ("on my mac", `1.14.0+mac`), never `MAC` in capitals and never before "address". */
		caseWords: ['[Mm]ac(?!\\s*-?\\s*addr)'],
	},
	windows: {
		name: 'Windows',
		words: ['wsl ?[12]?', 'hyper-?v', 'win ?1[01]', 'windows ?(?:1[01]|server|host|machine|pc|laptop)'],
		/** "Windows" capitalised: in lower case alone it is as often a desktop's windows; `+win` ends Multipass's Windows version (`1.15.0+win`). */
		caseWords: ['Windows', '(?<=\\+)win'],
	},
} as const;

export type HostId = keyof typeof HOSTS;
export const HOST_IDS = /* @__PURE__ */ Object.keys(HOSTS) as [HostId, ...HostId[]];

/** Whole-word: not inside a longer word ("SELinux", "aarch64", "macvlan", "emacs"). */
const wholeWord = (alternatives: readonly string[], flags: string) => new RegExp(`(?<![\\w])(?:${alternatives.join('|')})(?![\\w])`, flags);

/** Each host's words, compiled once. */
const PATTERNS = /* @__PURE__ */ (Object.entries(HOSTS) as [HostId, (typeof HOSTS)[HostId]][]).map(([id, h]) => ({
	id,
	any: wholeWord(h.words, 'i'),
	exact: wholeWord(h.caseWords, ''),
}));

/**
 * URLs and dotted names (`https://…`, `cloud-images.ubuntu.com`, `org.nixos.nix-daemon`: a dotted name whose
 * last part begins with a letter): their words name a server or a label, not the reader's machine, so they
 * are blanked before the host words are read. A release stays (`Ubuntu-22.04`, `1.14.0+mac`: Multipass's macOS build).
 */
const NOT_A_HOST = /\S+:\/\/\S+|[\w-]+(?:\.[\w-]+)*\.[A-Za-z][\w-]*/g;

/**
 * Text that names another system than the reader's machine: a guest, an image or a channel, whichever host
 * runs it. Blanked before the host words are read, like URLs (`NOT_A_HOST`); each pattern is one form:
 * - Multipass's `multipass info` (`Release:  Ubuntu 24.04 LTS`, `Image hash:`) and `multipass list` rows
 *   (`primary  Running  192.0.2.2  Ubuntu 24.04 LTS`) and `multipass find` rows (`24.04  noble,lts  20240423
 *   Ubuntu 24.04 LTS`) name the instance's or the image's release, on a Mac or a Windows PC as on Linux
 *   (canonical/multipass src/client/cli/formatter/table_formatter.cpp prints these columns);
 * - a container image reference with its tag (`ubuntu:22.04`, `library/fedora:latest`), read by the OCI
 *   reference grammar (distribution/reference: a repository name is lower case, a tag at most 128 characters),
 *   so that a reader's `OS:macOS 14` or `Host:Ubuntu 22.04` still names their host; a flake reference
 *   (`github:NixOS/nixpkgs`) has the same shape and goes with it;
 * - a Nix channel (`nixos-24.05`, `nixos-unstable`, `…/channels/nixos`): the package set's name, used on any host.
 * A paste from a Mac that holds `multipass info` and a launch timeout was read as a Linux host's, which
 * ruled out the macOS article that explains it.
 */
const NOT_THE_HOST = [
	/^[ \t]*(?:Release|Image(?: hash)?):.*$/gm,
	/^[ \t]*\S+[ \t]+(?:Running|Stopped|Deleted|Starting|Restarting|Suspended|Suspending|Delayed Shutdown|Unknown)[ \t].*$/gm,
	/^[ \t]*\S+[ \t]+(?:\S+[ \t]+)?\d{8}[ \t].*$/gm,
	/(?<![\w/.:-])(?:[a-z0-9][a-z0-9._-]*\/)*[a-z0-9][a-z0-9._-]*:\w[\w.-]{0,127}(?![\w.-])/g,
	/\bnixos-(?:unstable|\d\d\.\d\d)[\w.-]*|\S*\bchannels\/nixos\S*/gi,
];

/** The host systems a text names, by the words in HOSTS; empty when it names none. */
export function hostsNamedIn(text: string): Set<HostId> {
	const plain = NOT_THE_HOST.reduce((t, pattern) => t.replace(pattern, ' '), text).replace(NOT_A_HOST, ' ');
	return new Set(PATTERNS.filter((p) => p.any.test(plain) || p.exact.test(plain)).map((p) => p.id));
}

/**
 * Whether a text that names the host systems `named` rules out an article for the host systems `hosts`:
 * only when both say something and they share none. An article with no `hosts` applies to any host, and a
 * text naming none rules nothing out.
 */
export function hostRulesOut(hosts: readonly string[], named: ReadonlySet<string>): boolean {
	return hosts.length > 0 && named.size > 0 && !hosts.some((h) => named.has(h));
}
