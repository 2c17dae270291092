import type { AstroIntegration } from 'astro';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblem, loadArticles } from '../lib/content.ts';
import { pageFiles } from '../lib/links.ts';
import { withPolicy } from '../lib/csp.ts';
import { builtSiteProblems } from '../lib/built-checks.ts';
import { shortIdPaths } from '../lib/redirects.ts';
import { articlePath } from '../lib/addresses.ts';
import { siteRedirects } from '../lib/site-links.ts';

/**
 * After the build: fail on any internal link to a missing page or anchor, on
 * any locked address (links.lock.json) that no longer resolves, and on code
 * in a page's content that the site does not ship (src/lib/built-checks.ts);
 * write `_headers` (what a <meta> policy cannot say) and
 * `_redirects` (short IDs and renamed slugs as permanent 301s) for
 * hosts that read it, the redirect pages serving every other host; and give
 * every page its Content-Security-Policy (src/lib/csp.ts).
 */
/**
 * HTTP headers for hosts that read a `_headers` file (Netlify, Cloudflare
 * Pages): no framing, which a <meta> Content-Security-Policy cannot forbid
 * (`frame-ancestors` and X-Frame-Options only work as headers), no MIME
 * sniffing (also header-only), and no referrer (which every page also says
 * in a <meta name="referrer">, for hosts that ignore this file).
 */
export const HEADERS = `/*
  Content-Security-Policy: frame-ancestors 'none'
  X-Frame-Options: DENY
  X-Content-Type-Options: nosniff
  Referrer-Policy: no-referrer
`;

export function linkCheck(): AstroIntegration {
	let root = '';
	return {
		name: 'faultline:link-check',
		hooks: {
			'astro:config:done': ({ config }) => {
				root = fileURLToPath(config.root);
			},
			'astro:build:done': ({ dir, logger }) => {
				const dist = fileURLToPath(dir);
				const problems = builtSiteProblems(root, dist);
				if (problems.length) throw new Error(`The built site has ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`);
				const lines = [
					...loadArticles(root).flatMap(({ data }) => shortIdPaths(data.shortId).map((p) => `${p} ${articlePath(data.id)} 301`)),
					...siteRedirects(root).slugs.map((r) => `${articlePath(r.from)} ${articlePath(r.to)} 301`),
				];
				writeFileSync(join(dist, '_redirects'), `${lines.join('\n')}\n`);
				writeFileSync(join(dist, '_headers'), HEADERS);
				const files = pageFiles(dist);
				for (const file of files) writeFileSync(file, withPolicy(readFileSync(file, 'utf8')));
				logger.info(`No broken internal links, no locked address lost; ${lines.length} redirects written to _redirects; ${files.length} pages given a CSP.`);
			},
		},
	};
}
