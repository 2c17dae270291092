#!/usr/bin/env node
// The `faultline` command. In a clone of the repository (src/ is there), it
// runs the TypeScript source on the current articles (Node 24, which
// `npx faultline` puts first on PATH there); in the installed package,
// which ships no src/, the compiled dist-cli/faultline.js (Node 20 and later).
import { existsSync } from 'node:fs';

const clone = existsSync(new URL('../src/cli/main.ts', import.meta.url));
await import(clone ? './faultline.ts' : '../dist-cli/faultline.js');
