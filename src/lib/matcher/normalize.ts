/**
 * Normalisation: both a pasted log line and an article's signature are
 * brought to one canonical form before matching, so that what differs
 * between machines (timestamps, PIDs, store hashes, container IDs, addresses,
 * quote styles) cannot stop a match. Each rule is named so tests can pin it.
 */

/** A rewrite applied to a line; `prefix` rules only strip what starts a log line. */
export interface Rule {
	name: string;
	pattern: RegExp;
	replace: string;
	/** Text every match of the pattern contains: a line without it is left alone without running the pattern (speed only). */
	needs?: string;
}

/** Log-line prefixes, stripped (repeatedly) from the start of a pasted line. */
export const PREFIX_RULES: readonly Rule[] = [
	{ name: 'iso-timestamp', pattern: /^\[?\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?\]?\s+/, replace: '' },
	// Its one capture is the journal's identifier (`microvm@guest0[1]`), what logged the line (`splitPrefixes`).
	{ name: 'syslog-journal', pattern: /^[A-Z][a-z]{2} [ \d]?\d \d\d:\d\d:\d\d(?:\.\d+)? (?:[\w.-]+ )?(?:([\w.@/-]+(?:\[\d+\])?): )?/, replace: '' },
	{ name: 'dmesg-time', pattern: /^\[\s*[+-]?\d+\.\d+\]\s*/, replace: '' },
	{ name: 'build-step-time', pattern: /^(?:#\d+ )?\d+\.\d+\s+/, replace: '' },
	{ name: 'nix-build-log', pattern: /^[\w.+-]+> /, replace: '' },
	{ name: 'quote-marker', pattern: /^>+\s?/, replace: '' },
	{ name: 'shell-prompt', pattern: /^(?:\[[^\]\n]{1,60}\][$#]|[\w.@~:/-]{0,60}[$#%]) /, replace: '' },
];

/** Rewrites anywhere in a line, in this order. */
export const VALUE_RULES: readonly Rule[] = [
	{ name: 'ellipsis', pattern: /…/g, replace: '...', needs: '…' },
	// A message quoted inside another is printed with its quotes escaped: logrus's text format without a
	// terminal (`msg="… exec: \"newuidmap\": …"`), Rust's Debug format (`command: "\"sh\" …"`), and once
	// more per level of nesting (`\\\"`). The quote is the same quote: the backslashes go before `quotes`.
	{ name: 'escaped-quote', pattern: /\\+(?=[`'"])/g, replace: '', needs: '\\' },
	{ name: 'quotes', pattern: /[`'‘’‚‛′´"“”„″«»]/g, replace: "'" },
	{ name: 'nix-store-hash', pattern: /\/nix\/store\/[0-9a-z]{32}-/g, replace: '/nix/store/#-', needs: '/nix/store/' },
	{ name: 'uuid', pattern: /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, replace: '#uuid', needs: '-' },
	{ name: 'ipv4', pattern: /\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?\b/g, replace: '#ip', needs: '.' },
	{ name: 'ipv6', pattern: /\b(?:[0-9a-f]{1,4}:){4,7}[0-9a-f]{1,4}\b/g, replace: '#ip', needs: ':' },
	{ name: 'long-hex', pattern: /\b(?:0x)?(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{12,}\b/g, replace: '#hex' },
	{ name: 'pid', pattern: /\b(pid|ses|auid|tid)=\d+/g, replace: '$1=#', needs: '=' },
	{ name: 'bracket-pid', pattern: /\[\d+\]/g, replace: '[#]', needs: '[' },
	{ name: 'audit-stamp', pattern: /audit\(\d+\.\d+:\d+\)/g, replace: 'audit(#)', needs: 'audit(' },
	{ name: 'home-dir', pattern: /\/(home|users)\/[^/\s']+/g, replace: '/$1/#' },
	{ name: 'long-number', pattern: /\b\d+\.\d{3,}\b|\b\d{5,}\b/g, replace: '#' },
	{ name: 'space', pattern: /\s+/g, replace: ' ' },
];

/** Terminal escapes (colours, titles), removed from each raw line before anything else. */
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g;
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f]/g;

/**
 * A raw line without its terminal escapes, as normalising sees it: a colour
 * code glued to a word (`\x1b[31merror`) would otherwise hide the word from a
 * look at the raw line's words.
 */
export function withoutEscapes(line: string): string {
	return line.includes('\x1b') ? line.replace(ANSI, '') : line;
}

/** Remove log prefixes from the start of a line. */
export function stripPrefixes(line: string): string {
	return splitPrefixes(line).rest;
}

/**
 * A line's text after its log prefixes (terminal escapes and control characters removed first), and what
 * logged it: the journal's identifier when a syslog-style prefix names one (`microvm@guest0[1]` of
 * `Mar 18 10:58:45 host microvm@guest0[1]: `), else empty. The identifier can say where the line comes from
 * (a microvm.nix guest's console), which a `when` or `excludeWhen` text may be, so the matcher reads those
 * in `source` and `rest` together. The date, the host name and a shell prompt's `user@host` are never part
 * of it: a host named `k8s-node1` says nothing of the failure.
 */
export function splitPrefixes(line: string): { source: string; rest: string } {
	let source = '';
	let previous: string;
	let current = line.replace(ANSI, '').replace(CONTROL, ' ').trimStart();
	do {
		previous = current;
		for (const rule of PREFIX_RULES) {
			current = current
				.replace(rule.pattern, (_whole, identifier: unknown) => {
					// Only the journal rule captures; for the others the second argument is the offset.
					if (typeof identifier === 'string') source = identifier;
					return rule.replace;
				})
				.trimStart();
		}
	} while (current !== previous);
	return { source, rest: current };
}

/** Canonical form of the text after the prefixes: lower case, values replaced, spaces collapsed. */
export function normalizeValues(text: string): string {
	let out = text.toLowerCase();
	for (const rule of VALUE_RULES) if (rule.needs === undefined || out.includes(rule.needs)) out = out.replace(rule.pattern, rule.replace);
	return out.trim();
}

/** Canonical form of one pasted line. */
export function normalizeLine(line: string): string {
	return normalizeValues(stripPrefixes(line));
}

/** The words of a normalised line: runs of letters, digits, `_` and `#`. */
export function tokensOf(normalized: string): string[] {
	return normalized.match(/[a-z0-9_#]+/g) ?? [];
}
