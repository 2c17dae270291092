import { expect, test } from '@playwright/test';
import { findBrowser, launchArgs } from '../../scripts/browser.ts';
import { lighthouseScores } from '../../bench/lighthouse.ts';
import { ARTICLES, TREE } from './site.ts';

// Performance is timing, and timing is the benchmark's (npm run bench); the
// other three categories are properties of the pages, checked here, and only they are run (the
// performance category's trace and simulated load were most of this test's time).
test('Lighthouse (mobile) gives the home page, an article and a wizard step 100 for accessibility, best practices and SEO', async ({ baseURL }) => {
	const step = TREE.nodes.find((n) => n.kind === 'error-check')!.id;
	const pages = ['/', `/kb/${ARTICLES[0].id}/`, `/wizard/${step}/`];
	const scores = await lighthouseScores((await findBrowser())!, launchArgs(), pages.map((p) => `${baseURL}${p}`), ['accessibility', 'best-practices', 'seo']);
	for (const [i, page] of pages.entries()) {
		expect(scores[i], `${page} loses points on: ${scores[i].failing.join(', ')}`).toMatchObject({ accessibility: 100, 'best-practices': 100, seo: 100 });
	}
});
