import { defineCollection } from 'astro:content';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { articlesLoader } from './lib/articles-loader.ts';

/**
 * Articles are Starlight docs under src/content/docs/kb/. Their front matter
 * is read and checked once, with the strict article schema, by the knowledge
 * base's model (src/lib/knowledge-base.ts); the loader hands Astro the
 * checked articles (src/lib/articles-loader.ts), and Starlight's schema
 * only fills its own defaults around the title.
 */
export const collections = {
	docs: defineCollection({ loader: articlesLoader(), schema: docsSchema() }),
	// Starlight reads its UI strings' overrides from this collection on every build; without it Astro
	// warned that "i18n" does not exist. One entry, English with no overrides: the defaults stand.
	i18n: defineCollection({ loader: () => [{ id: 'en' }], schema: i18nSchema() }),
};
