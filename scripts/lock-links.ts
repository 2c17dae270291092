#!/usr/bin/env node
/**
 * `npm run links:lock`: add every address the built site publishes to
 * links.lock.json. It never removes one: an address that goes away needs a
 * redirect (src/content/redirects.yaml), and the lock test says so.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCK_FILE, publishedAddresses, readLock, type LinkLock } from '../src/lib/links.ts';
import { outDir } from './build-dir.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const lock: LinkLock = readLock(root);
let added = 0;
for (const [path, anchors] of Object.entries(publishedAddresses(resolve(root, outDir())))) {
	const known = new Set(lock[path] ?? []);
	if (!(path in lock)) added++;
	for (const a of anchors) if (!known.has(a)) (added++, known.add(a));
	lock[path] = [...known];
}
const sorted = Object.fromEntries(Object.entries(lock).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(join(root, LOCK_FILE), `${JSON.stringify(sorted, null, '\t')}\n`);
console.log(`${LOCK_FILE}: ${added} new address${added === 1 ? '' : 'es'} locked, ${Object.keys(sorted).length} pages in all.`);
