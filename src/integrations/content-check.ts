import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { checkArticles, formatProblem, readArticleSources } from '../lib/content.ts';

/**
 * Fails the build, before Astro reads any content, when an article breaks
 * the model: each problem names the file, the field and the fix.
 */
export function contentCheck(): AstroIntegration {
	return {
		name: 'faultline:content-check',
		hooks: {
			'astro:config:setup': ({ config, logger, command }) => {
				const root = fileURLToPath(config.root);
				const { articles, problems } = checkArticles(readArticleSources(root));
				if (problems.length === 0) {
					logger.info(`${articles.length} articles pass the content check.`);
					return;
				}
				const report = problems.map(formatProblem).join('\n');
				if (command === 'dev') {
					logger.error(`Content problems:\n${report}`);
					return;
				}
				throw new Error(`The content check found ${problems.length} problem(s):\n${report}`);
			},
		},
	};
}
