import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { articleFields } from './lib/article-schema.ts';

/**
 * Articles are Starlight docs under src/content/docs/kb/. The content check
 * (src/integrations/content-check.ts) validates them against the full,
 * strict article schema with friendly errors before Astro reads them; here
 * the fields are optional because Starlight applies this schema to every
 * page, including the generated ones (home, products, search).
 */
export const collections = {
	docs: defineCollection({ loader: docsLoader(), schema: docsSchema({ extend: articleFields.omit({ title: true }).partial() }) }),
};
