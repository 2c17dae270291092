// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { unified } from '@astrojs/markdown-remark';
import { contentCheck } from './src/integrations/content-check.ts';
import { PRODUCTS_PATH, SITE_URL, WIZARD_PATH } from './src/lib/addresses.ts';
import { remarkAnchors } from './src/lib/remark-anchors.ts';
import { remarkArticleSections } from './src/lib/remark-article-sections.ts';
import { remarkEvidence } from './src/lib/remark-evidence.ts';
import { remarkShellDirectives } from './src/lib/remark-shell-directives.ts';
import { shortIdLinks, SMARTYPANTS } from './src/lib/site-markdown.ts';
import { rehypeTableRegions } from './src/lib/rehype-table-regions.ts';
import { anchorAliases } from './src/lib/knowledge-base.ts';
import { builtSiteCheck, contentSecurityPolicy, hostFiles, inlineScripts } from './src/integrations/post-build.ts';
import { cacheDir, outDir } from './scripts/build-dir.ts';

export default defineConfig({
	site: SITE_URL,
	// Every address the site writes ends in a slash (src/lib/addresses.ts), and hosts get 301s for the
	// rest (_redirects); 'ignore' lets `astro preview`, the README's server, serve the slashless forms a
	// reader types (`/FL-0003`) instead of its own "trailingSlash is set to always" 404 page.
	trailingSlash: 'ignore',
	// The README's server (`npm run serve`, `npm run preview`) listens here unless given `-- --port N`, which overrides it.
	server: { port: 4321 },
	// The paste box's worker is an ES module (it is started with type: 'module'), so the prose
	// ranking it needs only for descriptions and searches is a chunk of its own, fetched then,
	// instead of being inlined into every log paste's download (Vite's default 'iife' cannot split).
	vite: {
		worker: { format: 'es' },
		build: {
			rolldownOptions: {
				// Astro's own wrapper around an MDX article's styles starts with the directive
				// "use astro:head-inject" (astro/dist/content/vite-plugin-content-assets.js), which the
				// bundler warns it may not keep, on every build. Astro reads it before bundling; nothing
				// of ours is lost. Every other warning still shows.
				onwarn(warning, warn) {
					if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
					warn(warning);
				},
			},
		},
	},
	// `dist/` unless FAULTLINE_OUT_DIR says otherwise: the end-to-end tests build and preview a copy of their own.
	outDir: outDir(),
	...(cacheDir() ? { cacheDir: cacheDir() } : {}),
	// Permanent heading anchors, the sections generated from an article's front matter, the evidence badges, shell
	// code without ShellCheck's directive lines and the links of short IDs in prose are remark plugins; every table
	// scrolls in a focusable, named region (a rehype plugin: it wraps the table's HTML). The typography pass keeps
	// `--` as written (src/lib/site-markdown.ts).
	markdown: {
		processor: unified({
			smartypants: SMARTYPANTS,
			remarkPlugins: [[remarkAnchors, { aliases: () => anchorAliases() }], remarkArticleSections, remarkEvidence, remarkShellDirectives, shortIdLinks],
			rehypePlugins: [rehypeTableRegions],
		}),
	},
	integrations: [
		contentCheck(),
		starlight({
			title: 'Faultline',
			description: 'Paste an error from microvm.nix, Multipass, Podman, crun or Nix; get the root cause and the fix.',
			customCss: ['./src/styles/faultline.css'],
			components: {
				Search: './src/components/Search.astro',
				PageTitle: './src/components/PageTitle.astro',
				MarkdownContent: './src/components/MarkdownContent.astro',
				PageFrame: './src/components/PageFrame.astro',
			},
			routeMiddleware: './src/route-data.ts',
			// No list of articles here: every page would carry all of them (10,000 links
			// at 10,000 articles). Product pages list them; search and the wizard find them.
			sidebar: [
				{ label: 'Home', link: '/' },
				{ label: 'Troubleshooting wizard', link: WIZARD_PATH },
				{ label: 'Products and their articles', link: PRODUCTS_PATH },
			],
			pagination: false,
			// The site's own 404 page (src/pages/404.astro) offers the paste box and says when a short ID does not exist.
			disable404Route: true,
			lastUpdated: false,
			// Search indexes only the articles, after the build (src/lib/search-index.ts).
			pagefind: false,
			// No link icon beside every heading: it was 40 % of an article's HTML (an inline
			// SVG per heading). Articles link their fixes with copy buttons, and the table of
			// contents links every section.
			markdown: { headingLinks: false },
		}),
		// After the build, in this order (src/integrations/post-build.ts).
		builtSiteCheck(),
		hostFiles(),
		inlineScripts(),
		contentSecurityPolicy(),
	],
});
