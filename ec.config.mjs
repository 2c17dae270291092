// @ts-check
// Expressive Code's options that are functions, which astro.config.mjs cannot hand to Starlight's
// <Code> component (astro-expressive-code reads this file for Markdown and the component alike).
import { defineEcConfig } from '@astrojs/starlight/expressive-code';
import { focusableCodeBlocks, withoutTabindexScript } from './src/lib/focusable-code.ts';

export default defineEcConfig({
	// Every code block focusable and named in the HTML, for keyboard scrolling (src/lib/focusable-code.ts).
	plugins: [focusableCodeBlocks()],
	customCreateRenderer: withoutTabindexScript,
});
