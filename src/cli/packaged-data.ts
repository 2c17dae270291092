/**
 * The installed package's data: dist-cli/data.json, written at `npm pack` by
 * scripts/build-cli.ts, and the version from package.json. Both paths are
 * relative to the compiled file, which esbuild puts in dist-cli/.
 */
import { readFileSync } from 'node:fs';
import type { CliData } from './data.ts';

/** The data compiled at `npm pack` (dist-cli/data.json). */
export function packagedData(): CliData {
	return JSON.parse(readFileSync(new URL('./data.json', import.meta.url), 'utf8')) as CliData;
}

/** The package's version (package.json, one level above dist-cli/). */
export function packagedVersion(): string {
	return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}
