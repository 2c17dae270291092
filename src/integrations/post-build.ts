/**
 * The steps that run on the built site, each a named integration so a failure
 * or a log line says which step it was. astro.config.mjs lists them in the
 * order they must run: the checks read the pages as built, before the policy
 * is written into them.
 *
 * 1. `faultline:built-site-check`: no internal link to a missing page or
 *    anchor, no locked address (links.lock.json) lost, and no code in a page's
 *    content that the site does not ship (src/lib/built-checks.ts).
 * 2. `faultline:host-files`: `_redirects` (short IDs and renamed slugs as
 *    permanent 301s) and `_headers` for hosts that read them; the redirect
 *    pages serve every other host.
 * 3. `faultline:inline-small-scripts`: a bundled script below 1 KB is
 *    written into the pages that load it, one request fewer each
 *    (src/lib/inline-scripts.ts); before the policy, which hashes it.
 * 4. `faultline:content-security-policy`: every page gets its policy
 *    (src/lib/csp.ts).
 */
import type { AstroIntegration } from 'astro';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblem } from '../lib/content.ts';
import { loadKnowledgeBase } from '../lib/knowledge-base.ts';
import { pageFiles } from '../lib/links.ts';
import { withPolicy } from '../lib/csp.ts';
import { inlineSmallScriptsInSite } from '../lib/inline-scripts.ts';
import { builtSiteProblems } from '../lib/built-checks.ts';
import { shortIdPaths } from '../lib/redirects.ts';
import { articlePath } from '../lib/addresses.ts';
import { buildMessages } from '../lib/messages.ts';
import { BuildStop, stoppingOn } from './stop-build.ts';

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

/** An integration that runs `step` on the built site (its directory and the project root). */
function afterBuild(name: string, step: (dist: string, root: string) => string): AstroIntegration {
	let root = '';
	return {
		name,
		hooks: {
			'astro:config:done': ({ config }) => {
				root = fileURLToPath(config.root);
			},
			'astro:build:done': ({ dir, logger }) => {
				logger.info(stoppingOn(logger, () => step(fileURLToPath(dir), root)));
			},
		},
	};
}

/** Fails the build on a broken internal link or anchor, a lost locked address, or unshipped code in a page. */
export function builtSiteCheck(): AstroIntegration {
	return afterBuild('faultline:built-site-check', (dist, root) => {
		const problems = builtSiteProblems(root, dist);
		if (problems.length) throw new BuildStop(buildMessages.siteProblems(problems.length, problems.map(formatProblem).join('\n')));
		return 'No broken internal links, no locked address lost, no unshipped code in a page.';
	});
}

/** Writes `_redirects` and `_headers` for hosts that read them. */
export function hostFiles(): AstroIntegration {
	return afterBuild('faultline:host-files', (dist, root) => {
		const { articles, redirects } = loadKnowledgeBase(root);
		const lines = [
			...articles.flatMap(({ data }) => shortIdPaths(data.shortId).map((p) => `${p} ${articlePath(data.id)} 301`)),
			...redirects.slugs.map((r) => `${articlePath(r.from)} ${articlePath(r.to)} 301`),
		];
		writeFileSync(join(dist, '_redirects'), `${lines.join('\n')}\n`);
		writeFileSync(join(dist, '_headers'), HEADERS);
		return `${lines.length} redirects written to _redirects, and _headers.`;
	});
}

/** Writes the bundled scripts below 1 KB into the pages that load them, and removes those no page or bundle names any more. */
export function inlineScripts(): AstroIntegration {
	return afterBuild('faultline:inline-small-scripts', (dist) => {
		const pages = pageFiles(dist);
		const { inlined, removed } = inlineSmallScriptsInSite(dist, pages, (f) => readFileSync(f, 'utf8'), (f, html) => writeFileSync(f, html));
		return `${inlined.size} small scripts inlined (${[...inlined].join(', ') || 'none'}); ${removed.length} removed.`;
	});
}

/** Gives every built page its Content-Security-Policy. */
export function contentSecurityPolicy(): AstroIntegration {
	return afterBuild('faultline:content-security-policy', (dist) => {
		const files = pageFiles(dist);
		for (const file of files) writeFileSync(file, withPolicy(readFileSync(file, 'utf8')));
		return `${files.length} pages given a CSP.`;
	});
}
