// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { unified } from '@astrojs/markdown-remark';
import { contentCheck } from './src/integrations/content-check.ts';
import { SITE_URL } from './src/lib/site.ts';
import { remarkAnchors } from './src/lib/remark-anchors.ts';
import { anchorAliases } from './src/lib/site-links.ts';
import { linkCheck } from './src/integrations/link-check.ts';

export default defineConfig({
	site: SITE_URL,
	trailingSlash: 'always',
	// Permanent heading anchors need a remark plugin, so Markdown goes through unified.
	markdown: { processor: unified({ remarkPlugins: [[remarkAnchors, { aliases: () => anchorAliases() }]] }) },
	integrations: [
		contentCheck(),
		starlight({
			title: 'Faultline',
			description: 'Paste an error from microvm.nix, Multipass, Podman, crun or Nix; get the root cause and the fix.',
			customCss: ['./src/styles/faultline.css'],
			components: {
				Search: './src/components/Search.astro',
				PageTitle: './src/components/PageTitle.astro',
			},
			routeMiddleware: './src/route-data.ts',
			sidebar: [
				{ label: 'Home', link: '/' },
				{ label: 'Troubleshooting wizard', link: '/wizard/' },
				{ label: 'Products', link: '/products/' },
				{ label: 'Articles', items: [{ autogenerate: { directory: 'kb' } }] },
			],
			lastUpdated: false,
		}),
		linkCheck(),
	],
});
