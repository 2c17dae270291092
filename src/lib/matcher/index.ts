/**
 * The matcher's public entry, safe in a browser: nothing reachable from here
 * imports `node:` modules or compiles anything (tests/unit/matcher-entries.test.ts
 * checks that). The site's worker, the search page, the CLI and the bot match
 * through it:
 *
 * - `createMatcher(index)`: a compiled index -> a matcher with `match(text)` and a streaming `session()`.
 * - `shardsFor(text, …)`, `mergeShards(…)`: the shards of the index a paste needs, and one index from them.
 * - `ruledOutBy(result)`, `notPossible(likely, result)`: what the prose stage skips, and the likely articles listed beside possible causes.
 * - `stripPrefixes(line)`: a pasted line without its timestamp or prompt, as the matcher reads it.
 * - `displayPattern(pattern)`: a signature's pattern as readers see it (the wizard's error-check steps).
 * - the result counts (`PAGE_RESULTS`, `SHORT_RESULTS`) and the index and result types.
 *
 * Compiling the index, sharding it and the build's checks are in ./build.ts;
 * presenting a result (JSON, plain text, Markdown) is in ../presenters.ts.
 */
export { createMatcher, notPossible, ruledOutBy, sameLineGroups, type Matcher, type MatchSession, type Match, type MatchKind, type MatchResult, type MatchOptions, type Confidence, type Context, type Exclusion, type Possible } from './match.ts';
export type { IndexedArticle, IndexedSignature, MatcherIndex } from './model.ts';
export { shardsFor, mergeShards, type Shard, type ShardDirectory } from './shards.ts';
export { stripPrefixes } from './normalize.ts';
export { displayPattern } from './pattern.ts';
export { PAGE_RESULTS, SHORT_RESULTS } from './scoring.ts';
