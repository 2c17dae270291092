import { expect, test } from '@playwright/test';
import { apiArticlesSchema } from '../../src/lib/api.ts';
import type { MatcherIndex } from '../../src/lib/matcher/index.ts';
import { ARTICLES } from './site.ts';

test('/api/v1/articles.json lists every article in the documented schema', async ({ request }) => {
	const doc = apiArticlesSchema.parse(await (await request.get('/api/v1/articles.json')).json());
	expect(doc.articles.map((a) => a.id).sort()).toEqual(ARTICLES.map((a) => a.id).sort());
});

test('/api/v1/matcher-index.json is the compiled matcher index', async ({ request }) => {
	const index = (await (await request.get('/api/v1/matcher-index.json')).json()) as MatcherIndex;
	expect(index.version).toBe(1);
	expect(index.articles.map((a) => a.id).sort()).toEqual(ARTICLES.map((a) => a.id).sort());
});

// Every article's link preview (Open Graph title and description, canonical address) and its sitemap entry are
// checked in the built HTML: every-built-page-holds-its-content-policy-and-links.spec.ts.
