import { expect, test } from '@playwright/test';
import { brokenLinks, checkLock, readLock } from '../../src/lib/links.ts';
import { DIST, ROOT } from './site.ts';

const dist = DIST;

test('every locked address and anchor still resolves, and every published one is locked', () => {
	const { gone, unlocked } = checkLock(readLock(ROOT), dist);
	expect(gone, 'locked addresses that no longer resolve: add a redirect in src/content/redirects.yaml').toEqual([]);
	expect(unlocked, 'published addresses missing from links.lock.json: run npm run links:lock').toEqual([]);
});

test('the built site has no broken internal link or anchor', () => {
	expect(brokenLinks(dist)).toEqual([]);
});
