/** The matcher's thresholds and weights: one frozen object, read by compiling, matching and sharding. */

/**
 * Every threshold and weight of matching, in one place. The values were set
 * on the development sets (tests/fixtures/*.jsonl) and are checked by the
 * bench's reliability table: change one only with that table in hand.
 */
export const SCORING = Object.freeze({
	/** Lines longer than this are read in overlapping windows, so a megabyte line costs no more than many short ones. */
	window: 4096,
	overlap: 1024,
	/** Matched lines are kept at most this long (characters). */
	keep: 500,
	/** Scores within this distance of the best make a match ambiguous. */
	tie: 0.05,
	/** A verified line must contain at least this many specific (non-generic) words of the signature. */
	minSpecific: 2,
	/** A signature is verified only when a line holds this many of its anchors (or all, if it has fewer). */
	minAnchorHits: 2,
	/** Near match: every specific word there, and at least this share of the signature's weight. */
	nearCoverage: 0.8,
	/** A near match scores this times its coverage. */
	nearScale: 0.9,
	/** Partial match: at least this share of the line's weight is the signature's own words… */
	partialLineShare: 0.9,
	/** …and at least this share of the signature's specific weight is on the line. */
	partialSpecificShare: 0.6,
	/** A partial match scores this times its coverage. */
	partialScale: 0.8,
	/** Below this score nothing is reported. */
	minScore: 0.56,
	/** Supporting lines alone (no decisive line) score this share of their best. */
	supportOnlyScale: 0.7,
	/** Each supporting line adds this much, up to `maxSupport` lines. */
	supportBonus: 0.1,
	maxSupport: 3,
	/** The article's `when` context in the paste adds this much: more than `tie`, so context breaks a tie. */
	contextBonus: 0.1,
	/** A diagnostic output that confirms a cause, with no error line of it, scores this (a medium answer). */
	diagnosticOnlyScore: 0.6,
	/** At most this many matches by default. */
	top: 5,
});
/** A signature is verified only when a line holds this many of its anchors (or all, if it has fewer). */
export const MIN_ANCHOR_HITS = SCORING.minAnchorHits;
