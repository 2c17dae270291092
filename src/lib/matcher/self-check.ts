/**
 * The build-time check that every article's own error lines find it, like
 * tested examples: each signature's pattern must match its verbatim line, a
 * decisive line must be specific enough to decide, and matched alone it must
 * find its article (tied only with articles quoting the same message; its own
 * pattern always matches exactly, so no other article can score higher).
 */
import type { ArticleData } from '../article-schema.ts';
import { compileIndex } from './compile.ts';
import { isGeneric, type MatcherIndex } from './model.ts';
import { SCORING } from './scoring.ts';
import { matcherMessages as m, type Message } from '../messages.ts';
import { createMatcher } from './match.ts';
import { compilePattern, patternParts, segmentsOf } from './pattern.ts';
import { normalizeLine, normalizeValues, tokensOf } from './normalize.ts';
import { isWrapperLine } from './wrapper-lines.ts';

export interface SelfMatchProblem {
	article: string;
	signature: string;
	message: string;
	fix: string;
}

/** Every article's own lines must find it. `index`: the articles' compiled index, when the caller has it (compiled here otherwise). */
export function checkSelfMatch(articles: readonly ArticleData[], index: MatcherIndex = compileIndex(articles)): SelfMatchProblem[] {
	const matcher = createMatcher(index);
	const problems: SelfMatchProblem[] = [];
	for (const article of articles) {
		for (const d of article.diagnostics) {
			if (!compilePattern(d.pattern ?? d.output).test(normalizeLine(d.output))) {
				problems.push({ article: article.id, signature: d.output, ...m.diagnosticMismatch() });
			}
		}
		for (const sig of article.signatures) {
			const problem = (message: Message) => problems.push({ article: article.id, signature: sig.line, ...message });
			const parts = patternParts(sig.pattern ?? sig.line);
			if (!compilePattern(sig.pattern ?? sig.line).test(normalizeLine(sig.line))) {
				problem(m.patternMismatch());
				continue;
			}
			if (!sig.decisive) continue;
			if (isWrapperLine(sig.line)) {
				problem(m.wrapperDecisive());
				continue;
			}
			const specific = new Set(parts.flatMap(tokensOf).filter((t) => !isGeneric(t)));
			if (specific.size < SCORING.minSpecific) {
				problem(m.tooGeneric());
				continue;
			}
			const { matches, excluded } = matcher.match(sig.line);
			if (excluded.some((e) => e.article.id === article.id)) {
				problem(m.excludesItself());
			} else if (!matches.some((m) => m.article.id === article.id)) {
				problem(m.notFound(matches[0]?.article.id));
			}
		}
	}
	return problems;
}

/** A real text (from the eval set) that an article's line answers confidently and wrongly. */
export interface CalibrationProblem extends SelfMatchProblem {
	/** The eval item's id and source. */
	item: string;
}

/**
 * `high` must be right: no eval text may be answered with high confidence by
 * an article that does not explain it. Each problem names the article and
 * the line that decided, so the author can make that line shared
 * (`decisive: false`, with a `when` context), add an `excludeWhen`, or
 * narrow the pattern's holes. Tuning the mechanism, not the texts: the eval
 * texts themselves are never edited to pass.
 */
export function checkCalibration(
	articles: readonly ArticleData[],
	items: readonly { id: string; source: string; text: string; expected: string | null }[],
	index: MatcherIndex = compileIndex(articles),
): CalibrationProblem[] {
	const matcher = createMatcher(index);
	const problems: CalibrationProblem[] = [];
	for (const item of items) {
		const [top] = matcher.match(item.text).matches;
		if (!top || top.confidence !== 'high' || top.article.id === item.expected) continue;
		const cause = item.expected ? `its cause is ${item.expected}` : 'no article explains it';
		problems.push({
			article: top.article.id,
			signature: top.signature,
			item: `${item.id} (${item.source})`,
			...m.confidentWrong(item.id, item.source, cause),
		});
	}
	return problems;
}

/**
 * A pattern's holes must not swallow another article's different line. Two
 * articles may share a message: when each pattern matches the other's line,
 * or one article's whole line stands inside the other's (the same message
 * quoted with more around it), the reader is asked which cause applies. A
 * line that the pattern's own `excludeWhen` rules out is stepped aside from.
 */
export function checkPatternOverlap(articles: readonly ArticleData[]): SelfMatchProblem[] {
	const sigs = articles.flatMap((a) =>
		a.signatures.map((s) => ({
			article: a.id,
			line: s.line,
			normalized: normalizeLine(s.line),
			decisive: s.decisive,
			pattern: compilePattern(s.pattern ?? s.line),
			holed: segmentsOf(s.pattern ?? s.line).some((x) => 'hole' in x),
			excludes: a.excludeWhen.map((e) => normalizeValues(e.text)),
		})),
	);
	const problems: SelfMatchProblem[] = [];
	for (const a of sigs) {
		// Only holes can be too wide: a pattern of literal text found in another line is the same message.
		if (!a.decisive || !a.holed) continue;
		for (const b of sigs) {
			if (b.article === a.article || !a.pattern.test(b.normalized)) continue;
			if (b.pattern.test(a.normalized) || b.normalized.includes(a.normalized) || a.excludes.some((e) => b.normalized.includes(e))) continue;
			problems.push({
				article: a.article,
				signature: a.line,
				...m.overlap(b.article, b.line),
			});
		}
	}
	return problems;
}
