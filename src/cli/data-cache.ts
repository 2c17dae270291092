/**
 * The CLI's data in a clone, compiled once and kept on disk until its inputs
 * change (the project's one staleness rule, src/lib/content-inputs.ts): the
 * key is `contentKey` over the content files and the compiler's code
 * (COMPILER, with every module it imports), the installed packages and the
 * Node version. A fresh start then reads one JSON file instead of reading,
 * checking and compiling every article (about 4.7 CPU-seconds for one
 * `faultline match`; `npm run bench -- --only cli` prints both starts).
 *
 * The cache is a convenience, never a dependency: a missing, corrupt, stale
 * or unreadable file is compiled again, and a folder that cannot be written
 * is left alone, without a word (the answer is the same either way, only
 * slower). The file is written whole under another name and then renamed, so
 * a reader never sees half of one, and two runs at once each leave a whole
 * file. Content with problems is never cached: the compile throws
 * ContentError, as it does without a cache.
 *
 * This module and content-inputs.ts import nothing but Node, so a start with
 * a fresh cache never loads the compiler (yaml, zod, the Markdown parser).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { contentKey } from '../lib/content-inputs.ts';
import type { CliData } from './data.ts';

/** The module that compiles the CLI's data from the content (content-data.ts): the entry of the code the key covers. */
export const COMPILER = 'src/cli/content-data.ts';

/** The cache file's name in its folder. */
export const CACHE_FILE = 'cli-data.json';

/** What the file holds: the key its data was made under, and the data. */
interface CacheEntry {
	key: string;
	data: CliData;
}

/**
 * The folder for the cache of the project at `root`: `FAULTLINE_CACHE_DIR`
 * when set; else `node_modules/.cache/faultline` (where tools keep caches of
 * a project: git-ignored, and gone with a fresh `npm install`), when
 * node_modules exists; else `$XDG_CACHE_HOME/faultline` (`~/.cache/faultline`).
 */
export function cacheDir(root: string, env: NodeJS.ProcessEnv = process.env): string {
	if (env.FAULTLINE_CACHE_DIR) return env.FAULTLINE_CACHE_DIR;
	if (existsSync(join(root, 'node_modules'))) return join(root, 'node_modules/.cache/faultline');
	return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'faultline');
}

/** The data in `file` when it is whole and made under `key`; undefined otherwise (absent, unreadable, not JSON, another key). */
function read(file: string, key: string): CliData | undefined {
	try {
		const entry = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheEntry> | null;
		const data = entry?.data;
		if (entry?.key !== key || data?.version !== 1 || !data.index || !Array.isArray(data.articles) || !data.prose || !data.wizard) return undefined;
		return data;
	} catch {
		return undefined;
	}
}

/** Write `entry` to `file` whole (a temporary name, then rename); a failure leaves no file behind and is not reported. */
function write(dir: string, file: string, entry: CacheEntry): void {
	const temporary = `${file}.${process.pid}.tmp`;
	try {
		mkdirSync(dir, { recursive: true });
		writeFileSync(temporary, JSON.stringify(entry));
		renameSync(temporary, file);
	} catch {
		try {
			rmSync(temporary, { force: true });
		} catch {
			// Nothing was left, or nothing can be removed there either.
		}
	}
}

/**
 * The CLI's data for the project at `root`: from the cache when it was made
 * under the current key, else compiled by `compile` (default: content-data.ts,
 * loaded only then) and written to the cache for the next start.
 *
 * @param options.dir the cache folder (default `cacheDir(root)`).
 * @throws whatever `compile` throws (ContentError for content with problems).
 */
export async function cachedData(root: string, options: { dir?: string; compile?: (root: string) => CliData } = {}): Promise<CliData> {
	const dir = options.dir ?? cacheDir(root);
	const file = join(dir, CACHE_FILE);
	const key = contentKey(root, [COMPILER]);
	const hit = read(file, key);
	if (hit) return hit;
	const compile = options.compile ?? (await import('./content-data.ts')).dataFromContent;
	const data = compile(root);
	// The key was taken before the compile read anything: content edited meanwhile makes the next start compile again.
	// Serialising reads every field, the wizard's jump table included, so the file holds all a later start may ask for.
	write(dir, file, { key, data });
	return data;
}
