/**
 * Stopping the build on our own problems with only our message, once.
 * An error thrown from an integration hook reaches the reader wrapped: Astro
 * logs "An unhandled error occurred while running the … hook", then prints the
 * message again with its stack trace (astro/dist/integrations/hooks.js and
 * core/messages/runtime.js formatErrorMessage). A problem report is for the
 * person who must fix the content, so it is logged as it is and the build
 * exits with status 1.
 */
import type { AstroIntegrationLogger } from 'astro';

/** A problem report that stops the build: its message is the whole report (messages.ts). */
export class BuildStop extends Error {
	override name = 'BuildStop';
}

/** Run `step`; when it throws a BuildStop, log the report with `logger` and exit the process with status 1. Other errors pass through. */
export function stoppingOn<T>(logger: AstroIntegrationLogger, step: () => T): T {
	try {
		return step();
	} catch (e) {
		if (!(e instanceof BuildStop)) throw e;
		logger.error(e.message);
		process.exit(1);
	}
}
