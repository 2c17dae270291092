#!/usr/bin/env node
/** The second half of `npm run build`: the search index over the built articles (src/lib/search-index.ts). */
import { join } from 'node:path';
import { buildSearchIndex } from '../src/lib/search-index.ts';
import { outDir } from './build-dir.ts';

const started = performance.now();
const pages = await buildSearchIndex(join(process.cwd(), outDir()));
console.log(`${pages} articles indexed for search in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
