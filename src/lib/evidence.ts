/**
 * Evidence levels: how sure the knowledge base is of a claim. Every fix, and
 * the root cause as a whole, carries one, written in the article body as a
 * paragraph that starts `**Evidence:** <level>.` followed by its reason. The
 * body check, the page's badge and the JSON API all read the levels here.
 */

/** The four levels, strongest first, each with the definition a reader sees beside the badge. */
export const EVIDENCE_LEVELS = {
	'reproduced here': 'Our own scripted reproduction shows it.',
	'confirmed upstream': 'A maintainer says so, or a merged fix or the upstream source code shows it.',
	reported: 'One or more reporters say so; no maintainer has confirmed it and the code does not show it.',
	inferred: 'Our reasoning from the code or the facts; nobody has observed it.',
} as const;

export type EvidenceLevel = keyof typeof EVIDENCE_LEVELS;

export const EVIDENCE_LEVEL_NAMES = Object.keys(EVIDENCE_LEVELS) as [EvidenceLevel, ...EvidenceLevel[]];

/**
 * Levels an article may claim only with a recorded, scripted reproduction
 * (its `reproduced` field, written by `npm run repro -- --record`).
 */
export const UNRECORDED_LEVELS: ReadonlySet<EvidenceLevel> = new Set(['reproduced here']);

/**
 * The evidence paragraph: at the start of a line, `**Evidence:**`, then the
 * level up to the first full stop. Group 1 is the level as written.
 */
export const EVIDENCE_PARAGRAPH = /^\*\*Evidence:\*\*[ \t]+([^.\n]*)\./;

/** Whether a string is one of the four levels, exactly as spelled. */
export function isEvidenceLevel(level: string): level is EvidenceLevel {
	return Object.hasOwn(EVIDENCE_LEVELS, level);
}

/** The CSS class of a level's badge, e.g. `evidence-confirmed-upstream`. */
export function evidenceClass(level: EvidenceLevel): string {
	return `evidence-${level.replace(/\s+/g, '-')}`;
}
