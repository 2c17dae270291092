/**
 * The matcher's build-time entry (Node only: sharding measures gzip sizes
 * with `node:zlib`). The site's build, the CLI in a clone, the bench and the
 * tests use it next to the public entry (./index.ts):
 *
 * - `compileIndex(articles)`: checked articles -> the JSON index.
 * - `shardIndex(index)`: the index as a directory and shards for the browser.
 * - `checkSelfMatch`, `checkCalibration`, `checkPatternOverlap`: the build's
 *   checks that articles find themselves, that the eval set gets no confident
 *   wrong answer, and that no pattern swallows another article's line.
 */
export { compileIndex } from './compile.ts';
export { shardIndex } from './shard-index.ts';
export { checkSelfMatch, checkCalibration, checkPatternOverlap, type SelfMatchProblem, type CalibrationProblem } from './self-check.ts';
