import { defineCollection } from 'astro:content';
import { docsSchema } from '@astrojs/starlight/schema';
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
};
