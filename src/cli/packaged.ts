/**
 * The entry of the installed package, compiled by scripts/build-cli.ts into
 * dist-cli/faultline.js (plain JavaScript for Node 20 and later), matching
 * against the data compiled at `npm pack`.
 */
import { runCli } from './main.ts';
import { packagedData, packagedVersion } from './packaged-data.ts';

process.exitCode = await runCli(process.argv.slice(2), {
	data: packagedData,
	version: packagedVersion(),
	stdin: process.stdin,
	stdout: process.stdout,
	stderr: process.stderr,
	env: process.env,
});
