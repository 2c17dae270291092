/**
 * A signature is verified only when a line holds this many of its anchors (or all, if it has fewer).
 * Chosen (a0fae4a); sharding relies on it (shard-index.ts). SCORING holds it as `minAnchorHits`; it is
 * set here, not read from SCORING, so that a bundle using neither (the paste box's page script) drops both.
 */
export const MIN_ANCHOR_HITS = 2;

/**
 * The matcher's thresholds, weights and result counts: one frozen object,
 * read by compiling, matching and sharding, and nowhere else written as a
 * number.
 *
 * Where the values come from: unless a docstring says otherwise, a value was
 * chosen by hand when the matcher was written (commit a0fae4a, "Matcher
 * engine and CLI"; moved here unchanged in 554996e) and no measurement that
 * picked it was recorded. What holds them in place is measured: the build's
 * calibration check (no confident wrong answer on the eval data,
 * tests/fixtures/*.jsonl, self-check.ts), the unit tests over the same data
 * (tests/unit/match.test.ts), and the bench's per-kind accuracy and
 * reliability table (`npm run bench -- --no-sites`). Change one only with
 * that table in hand, before and after.
 */
export const SCORING = /* @__PURE__ */ Object.freeze({
	/**
	 * Lines longer than this (characters) are read in overlapping windows, so
	 * a megabyte line costs no more than many short ones. Chosen (a0fae4a);
	 * every signature line in the articles is far shorter (the longest is about 500).
	 */
	window: 4096,
	/**
	 * How much consecutive windows of a long line overlap (characters), so an
	 * error line that straddles a window boundary is still read whole in one
	 * window. Chosen (a0fae4a); longer than any signature line in the articles.
	 */
	overlap: 1024,
	/**
	 * A line this long (characters) or longer, ending inside a sentence, may have been wrapped at a
	 * width, and is read once more joined to the next line when that goes on in lower case. Chosen:
	 * below the narrowest wrap seen in the eval set (about 70 characters, an issue pasted from an
	 * 80-column terminal), above most short log lines.
	 */
	wrapWidth: 60,
	/** Matched lines are kept at most this long (characters); the result and its JSON carry no more. Chosen. */
	keep: 500,
	/** A long matched line is cut to start this many characters before the first signature word in it, so the reader sees what led up to the error. Chosen. */
	excerptLead: 40,
	/** Scores within this distance of the best make a match ambiguous. Chosen; below `contextBonus` so context always breaks a tie. */
	tie: 0.05,
	/** A verified line must contain at least this many specific (non-generic) words of the signature. Chosen: one shared word is a coincidence, two rarely. */
	minSpecific: 2,
	/** A signature is looked up by at most this many of its most specific words (its anchors). Chosen (a0fae4a). */
	anchorsPerSignature: 3,
	/** MIN_ANCHOR_HITS, above. */
	minAnchorHits: MIN_ANCHOR_HITS,
	/**
	 * A generic word (see isGeneric in model.ts) weighs this share of what
	 * its rarity alone would give it: it may fill out a near match but never
	 * decide one. Chosen (a0fae4a).
	 */
	genericWeightShare: 0.25,
	/** Near match: every specific word there, and at least this share of the signature's weight. Chosen. */
	nearCoverage: 0.8,
	/** A near match scores this times its coverage: always below an exact match (1). Chosen. */
	nearScale: 0.9,
	/**
	 * A near reading may drop a word of the signature that the line says otherwise with at most this many words
	 * (match.ts `saysOtherInPlace`): a word or two is another wording, more is another sentence. Chosen between
	 * the eval set's cases: runc's "before pivot" stands for buildah's "for […]" in the same refusal (2, right),
	 * nix-installer's plan says "the nix configuration in" where its refusal says "file" (4, another line).
	 */
	nearReplacedBy: 2,
	/**
	 * Partial match: at least this share of the line's weight is the signature's own words… Chosen.
	 * A near or partial match also needs, for each neighbour (another article's signature sharing
	 * `minSpecific` specific words), a word this signature has and the neighbour lacks (match.ts
	 * `setApart`): a share of words alone let a trace line or another ending pass.
	 */
	partialLineShare: 0.9,
	/** …and at least this share of the signature's specific weight is on the line. Chosen. */
	partialSpecificShare: 0.6,
	/** A partial match scores this times its coverage: below a near match of the same coverage. Chosen. */
	partialScale: 0.8,
	/**
	 * Below this score nothing is reported (the bar for `medium`). Chosen
	 * (a0fae4a); it equals `partialScale` × 0.7 coverage, and a near match
	 * (at least `nearScale` × `nearCoverage` = 0.72) always passes it.
	 */
	minScore: 0.56,
	/** Supporting lines alone (no decisive line) score this share of their best. Chosen: below a decisive line of the same kind. */
	supportOnlyScale: 0.7,
	/** Each supporting line adds this much, up to `maxSupport` lines. Chosen. */
	supportBonus: 0.1,
	/** At most this many supporting lines add to a score, so an article with many signatures cannot win by their number alone. Chosen. */
	maxSupport: 3,
	/** The article's `when` context in the paste adds this much: more than `tie`, so context breaks a tie. Chosen (271d929). */
	contextBonus: 0.1,
	/**
	 * How many lines back (those holding more than spaces) the matcher looks for the command whose output
	 * a pasted line is (match.ts `isOutputOf`). Chosen: longer than the output readers paste under a
	 * command (a findmnt table, an excerpt of podman info), short enough that a command far above is not taken.
	 */
	commandLookback: 20,
	/**
	 * A specific word held by more error-line signatures than this makes no neighbour
	 * (apart.ts `neighbourFinder`): it names no one message. Chosen: above every word of the real articles
	 * (the most held, `nix`, is in 73 error-line signatures at 122 articles, up from 52 at 102, so the bound
	 * went from 64 to 128; tests/unit/shards.test.ts fails when a word passes it), so today it only bounds the
	 * compile-time neighbour search at 10,000 articles, which without it grew with the square of the
	 * signatures (85 s at 3,000 synthetic articles).
	 */
	maxNeighbourWordSignatures: 128,
	/**
	 * The host systems a paste names are read in its first this many characters (hosts.ts `hostsNamedIn`),
	 * where a report's template puts them ("OS: Ubuntu 22.04", "macOS 15"), as the prose ranker reads a
	 * description's first `PROSE.queryChars` (prose.ts; a test holds the two equal). Bounded so that a megabyte of log costs no host search: over
	 * a whole megabyte it took about 100 ms, the matcher's whole budget. Chosen: every eval text that names a
	 * host names it in its first 2,000 characters (all 588 at this commit).
	 */
	hostScan: 2000,
	/**
	 * At most this many lines that read as a failure (match.ts `FAILURE_LINE`) are kept per paste, by number,
	 * for the rule that diagnostic output alone explains no failure that no article's line meets (`rank`):
	 * a few suffice to find one no signature met, and a log of a million error lines keeps no more (a line logged
	 * again, with another time before it, is kept as the same failure, `rank`).
	 * Chosen; after them no line is tested, so a long log costs the test only until then.
	 */
	failureLines: 16,
	/** A diagnostic output that confirms a cause, with no error line of it, scores this (a medium answer, above `minScore`). Chosen (1c011c0). */
	diagnosticOnlyScore: 0.6,
	/** Scores and word weights are rounded to this many decimals, so the JSON index and results are stable and small. Chosen. */
	decimals: 3,
});

/**
 * What each level of an answer means, as the least share of its answers that must be right on all the
 * eval data (tests/fixtures/*.jsonl; eval-set.ts `reliability` measures it, `npm run bench -- --only
 * accuracy` prints it beside each target, tests/unit/prose.test.ts holds the matcher to it). One place for
 * each: the build's calibration check (self-check.ts) holds `high` on every text too.
 *
 * - `high`: the first article is right. Issue 15's bar: a confident wrong answer is the one thing the
 *   product must never give.
 * - `medium`: one article, not tied (an exact line several causes print with this cause's context, a near
 *   reading, two lines of the article, or diagnostic output alone): the first article is right. Measured
 *   84 % (16/19) at s14-lookalike; the wrong ones are each one line with a cause no article covers (a near
 *   reading of Nix's "cloning builder process" from a nested chroot, containers/storage's "insufficient
 *   UIDs" with an empty /etc/subuid, Nix's seccomp line from a kernel without user namespaces).
 * - `ambiguous`: several causes tie on a line they all print; the reader is shown each with the question
 *   that tells them apart, so it is right when the label is among them (a look-alike answered so is
 *   wrong). Which candidate comes first is the order of short ids, no measure of anything, so it is not
 *   counted as a `medium` answer for that article. Measured 79 % (15/19): 4 of the 19 are look-alikes that
 *   print the shared line for a cause no article covers.
 * - `likely`: a description's first article (prose.ts), shown as likely, never as a known error.
 *   Measured 71 % (25/35).
 *
 * Chosen at s14-lookalike as floors a little under what each level measures there, so that a new eval text
 * answered wrong is seen, not a wall; they are no figure for text never seen, which the blind sets
 * measure (issue 15's targets there: 95 % right first, 95 % of look-alikes unanswered, `high` 99 % right).
 */
export const RELIABILITY_TARGETS = /* @__PURE__ */ Object.freeze({ high: 0.98, medium: 0.8, ambiguous: 0.65, likely: 0.7 });

/** Round a score or weight to `SCORING.decimals` decimals. */
export function roundScore(value: number): number {
	const scale = 10 ** SCORING.decimals;
	return Math.round(value * scale) / scale;
}

/**
 * How many matches a reader is shown, by where they read them. Two meanings,
 * two names (both chosen: the CLI's 3 in a0fae4a, the paste box's 5 in
 * 36d103d, the bot's 3 in f287a65):
 *
 * - `PAGE_RESULTS` (5): the matcher's default and the site's paste box (src/components/search/match-worker.ts).
 * - `SHORT_RESULTS` (3): the CLI's default (`--top`) and the bot's issue
 *   comment, text read in a terminal or an issue thread. An ambiguous result
 *   shows every tied match in both (match.ts).
 */
export const PAGE_RESULTS = 5;
export const SHORT_RESULTS = 3;
