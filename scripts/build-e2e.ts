#!/usr/bin/env node
/**
 * `npm run build:e2e`: the same build as `npm run build`, into the end-to-end tests' own directory
 * (scripts/build-dir.ts), so that `npm test` can run while `npm run serve` serves `dist/`.
 */
import { spawnSync } from 'node:child_process';
import { E2E_OUT_DIR, OUT_DIR_VARIABLE } from './build-dir.ts';

const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];
const result = spawnSync(npm[0], [...npm.slice(1), 'run', 'build'], { stdio: 'inherit', env: { ...process.env, [OUT_DIR_VARIABLE]: E2E_OUT_DIR } });
process.exit(result.status ?? 1);
