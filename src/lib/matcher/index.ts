/**
 * The matcher's public API. The site, the CLI and the build-time checks all
 * match errors through these functions and nothing else.
 *
 * - `compileIndex(articles)`: articles -> a JSON index (at build time).
 * - `createMatcher(index)`: an index -> a matcher with `match(text)` and a streaming `session()`.
 * - `checkSelfMatch(articles)`: every article's own lines must find that article first.
 * - `shardIndex(index)`, `shardsFor(text, …)`, `mergeShards(…)`: the index in parts the browser fetches as a paste needs them.
 */
export { compileIndex, type MatcherIndex, type IndexedArticle } from './compile.ts';
export { WILDCARD, HOLE_TYPES, compilePattern, displayPattern } from './pattern.ts';
export { createMatcher, type Matcher, type MatchSession, type Match, type MatchResult, type MatchOptions, type Confidence, type Exclusion } from './match.ts';
export { normalizeLine } from './normalize.ts';
export { shardsFor, mergeShards, type Shard, type ShardDirectory } from './shards.ts';
export { shardIndex } from './shard-index.ts';
export { checkSelfMatch, checkCalibration, checkPatternOverlap, type SelfMatchProblem, type CalibrationProblem } from './self-check.ts';
export { toJson, toMarkdown, markdownItem, ambiguityNote, sameLineGroups, fittedMatchLink, type JsonMatch, type Question } from './report.ts';
