/**
 * Where a build writes the site. `npm run build` writes `dist/` (what `npm run serve` serves); the
 * end-to-end tests build into a directory of their own (E2E_OUT_DIR, through FAULTLINE_OUT_DIR), with
 * Astro's cache beside it, so `npm test` never rewrites the site a running `npm run serve` is serving,
 * nor shares a cache with that build. astro.config.mjs, the search-index step, the preview server the
 * tests start and the tests themselves all read the directory from here.
 */
import { dirname, join } from 'node:path';

/** The environment variable that moves a build (and `astro preview`) to another directory, relative to the project. */
export const OUT_DIR_VARIABLE = 'FAULTLINE_OUT_DIR';

/** The end-to-end tests' own build directory, under the git-ignored `.tmp/`. */
export const E2E_OUT_DIR = '.tmp/e2e/dist';

/** The build directory, relative to the project root: FAULTLINE_OUT_DIR, or `dist`. */
export function outDir(env: Record<string, string | undefined> = process.env): string {
	return env[OUT_DIR_VARIABLE] || 'dist';
}

/** Astro's cache for a build into `outDir`: its default for `dist`, a directory beside any other. */
export function cacheDir(env: Record<string, string | undefined> = process.env): string | undefined {
	const dir = outDir(env);
	return dir === 'dist' ? undefined : join(dirname(dir), 'astro-cache');
}
