/**
 * The GitHub Action's entry, compiled by scripts/build-cli.ts into
 * dist-cli/action.js, which action.yml runs. It matches against the data
 * compiled at packing time (dist-cli/data.json).
 */
import { packagedData } from '../cli/packaged-data.ts';
import { runAction } from './github.ts';

process.exitCode = await runAction({ env: process.env, fetch, data: packagedData(), stdout: process.stdout, stderr: process.stderr });
