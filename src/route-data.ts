import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { loadKnowledgeBase } from './lib/knowledge-base.ts';
import { plainText } from './lib/inline-code.ts';

/**
 * An article's one-sentence summary is its meta and Open Graph description.
 * Starlight fills those from the site description when a page has no
 * `description`; the article model calls the field `summary`. Every
 * description is plain text: code spans lose their backticks (plainText).
 */
export const onRequest = defineRouteMiddleware((context) => {
	const route = context.locals.starlightRoute;
	// A title with code spans (a wizard question) reads without its backticks in the tab and in link previews.
	for (const tag of route.head) {
		if (tag.tag === 'title' && typeof tag.content === 'string') tag.content = plainText(tag.content);
		if (tag.attrs?.property === 'og:title' && typeof tag.attrs.content === 'string') tag.attrs.content = plainText(tag.attrs.content);
	}
	const summary = loadKnowledgeBase().articleOfPage(route.entry.id)?.data.summary;
	for (const tag of route.head) {
		const key = tag.attrs?.name ?? tag.attrs?.property;
		// Every page's description (an article's summary, a wizard result's) reads without its backticks in link previews.
		if (key === 'description' || key === 'og:description' || key === 'twitter:description') {
			const text = summary ?? tag.attrs!.content;
			if (typeof text === 'string') tag.attrs!.content = plainText(text);
		}
		// No preview image: a plain summary card unfurls better than a large empty one.
		if (summary && key === 'twitter:card') tag.attrs!.content = 'summary';
	}
});
