import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';
import { formatProblem, type Article, type ContentProblem } from '../lib/content.ts';
import { checkKnowledgeBase, forgetKnowledgeBase, isContentFile } from '../lib/knowledge-base.ts';
import { checkCalibration, checkPatternOverlap, checkSelfMatch } from '../lib/matcher/build.ts';
import { loadEvalSet } from '../lib/eval-set.ts';
import type { MatcherIndex } from '../lib/matcher/index.ts';
import { buildMessages } from '../lib/messages.ts';
import { BuildStop, stoppingOn } from './stop-build.ts';

/**
 * Fails the build, before Astro reads any content, when an article breaks
 * the model, when its own error lines do not find it in the matcher, or when
 * the wizard tree would strand a reader: each problem names the file, the
 * field or step, and the fix. Not in `astro preview`, which serves a build
 * that was checked when it was made.
 */
export function contentCheck(): AstroIntegration {
	let root = '';
	return {
		name: 'faultline:content-check',
		hooks: {
			'astro:config:setup': ({ config, logger, command }) => {
				root = fileURLToPath(config.root);
				// `astro preview` (the README's `npm run serve`, after its build) serves a built site: that
				// build was checked when it was made, and checking again only kept the server from starting
				// (35 s on a loaded 2-core machine, before it served a file).
				if (command === 'preview') return;
				stoppingOn(logger, () => checkContent(root, logger, command === 'dev'));
			},
			// In the dev server a content file changes under a running process: the model is read again, and checked.
			'astro:server:setup': ({ server, logger }) => {
				server.watcher.on('all', (_event, path) => {
					if (!isContentFile(root, path)) return;
					forgetKnowledgeBase(root);
					checkContent(root, logger, true);
				});
			},
		},
	};
}

/** Check the knowledge base at `root`: log success; report problems (only log them in the dev server, else throw a BuildStop with the report). */
export function checkContent(root: string, logger: AstroIntegrationLogger, dev: boolean): void {
	const { model, problems } = checkKnowledgeBase(root);
	if (model) problems.push(...selfMatchProblems(model.articles, model.matcherIndex(), loadEvalSet(root)));
	if (model && problems.length === 0) {
		logger.info(buildMessages.contentPassed(model.articles.length));
		return;
	}
	const report = problems.map(formatProblem).join('\n');
	if (dev) return logger.error(buildMessages.contentProblemsDev(report));
	throw new BuildStop(buildMessages.contentProblems(problems.length, report));
}

/**
 * Every article's own error lines must match it first (like tested examples),
 * no pattern may swallow another article's different line, and no real
 * report of the eval set may get a confident wrong answer.
 */
function selfMatchProblems(articles: readonly Article[], index: MatcherIndex, evalItems: ReturnType<typeof loadEvalSet>): ContentProblem[] {
	const fileOf = new Map(articles.map((a) => [a.data.id, a.file]));
	const data = articles.map((a) => a.data);
	// The model's one compiled index, which the site's pages and API then serve as well.
	return [...checkSelfMatch(data, index), ...checkPatternOverlap(data), ...checkCalibration(data, evalItems, index)].map((p) => ({
		file: fileOf.get(p.article) ?? p.article,
		field: `signatures › "${p.signature}"`,
		message: p.message,
		fix: p.fix,
	}));
}
