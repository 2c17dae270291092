/**
 * The build-time check that every article's own error lines find it, like
 * tested examples: each signature's pattern must match its verbatim line, a
 * decisive line must be specific enough to decide, and matched alone it must
 * find its article (tied only with articles quoting the same message; its own
 * pattern always matches exactly, so no other article can score higher).
 */
import type { ArticleData } from '../article-schema.ts';
import { compileIndex, isGeneric, patternParts } from './compile.ts';
import { createMatcher, inOrder } from './match.ts';
import { normalizeLine, tokensOf } from './normalize.ts';

export interface SelfMatchProblem {
	article: string;
	signature: string;
	message: string;
	fix: string;
}

export function checkSelfMatch(articles: readonly ArticleData[]): SelfMatchProblem[] {
	const matcher = createMatcher(compileIndex(articles));
	const problems: SelfMatchProblem[] = [];
	for (const article of articles) {
		for (const sig of article.signatures) {
			const problem = (message: string, fix: string) => problems.push({ article: article.id, signature: sig.line, message, fix });
			const parts = patternParts(sig.pattern ?? sig.line);
			if (!inOrder(normalizeLine(sig.line), parts)) {
				problem('its pattern does not match its own line', 'make the pattern the line with only the variable parts replaced by {*}');
				continue;
			}
			if (!sig.decisive) continue;
			const specific = new Set(parts.flatMap(tokensOf).filter((t) => !isGeneric(t)));
			if (specific.size < 2) {
				problem('it is too generic to decide a match alone (fewer than two specific words)', 'mark it `decisive: false`, or quote more of the line');
				continue;
			}
			const { matches, excluded } = matcher.match(sig.line);
			if (excluded.some((e) => e.article.id === article.id)) {
				problem("the article's own excludeWhen rules it out", 'make the excludeWhen text something the error line itself does not contain');
			} else if (!matches.some((m) => m.article.id === article.id)) {
				const other = matches[0] ? `; it matches ${matches[0].article.id} instead` : '';
				problem(`it does not find its own article${other}`, 'quote more of the line, or mark it `decisive: false`');
			}
		}
	}
	return problems;
}
