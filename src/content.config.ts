import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

/**
 * Articles are Starlight docs under src/content/docs/kb/. Astro checks only
 * Starlight's own fields here; the article fields are read and checked once,
 * with the strict article schema, by the knowledge base's model
 * (src/lib/knowledge-base.ts), which every page reads them from.
 */
export const collections = {
	docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
};
