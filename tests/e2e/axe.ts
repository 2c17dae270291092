/**
 * axe as the browser tests use it: what fails a page is a serious or critical violation, so axe runs
 * only the rules that can report one, and in the page itself (axeOn: no second, blank page per run). A rule's violation takes the highest impact among its failing
 * checks, or the rule's own impact when it declares one (axe-core's `_publishMetaData` and
 * `_finalizeRuleResult`); a rule whose checks are all `minor` or `moderate` (landmarks, heading order,
 * `region`…) can never fail these tests, and running it on every page was time spent on nothing.
 * The rule table is read from the very axe-core that @axe-core/playwright injects, so an axe upgrade
 * that raises a rule's impact brings the rule back in.
 */
import { createRequire } from 'node:module';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** The impacts that fail a page. */
export const FAILING_IMPACTS = ['serious', 'critical'] as const;

interface AxeRule {
	id: string;
	enabled?: boolean;
	impact?: string;
	any: (string | { id: string })[];
	all: (string | { id: string })[];
	none: (string | { id: string })[];
}
interface AxeModule {
	_audit: { rules: AxeRule[]; data: { checks: Record<string, { impact?: string }> } };
}

const axeCore = createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'))('axe-core') as AxeModule;

/** The impacts a rule's violation can have: its own, or those of its checks (unknown counts as failing). */
function possibleImpacts(rule: AxeRule): string[] {
	if (rule.impact) return [rule.impact];
	const checks = [...rule.any, ...rule.all, ...rule.none].map((c) => (typeof c === 'string' ? c : c.id));
	return checks.map((id) => axeCore._audit.data.checks[id]?.impact ?? 'critical');
}

/** The rules axe runs by default that can never report a serious or critical violation. */
export const MILD_RULES: string[] = axeCore._audit.rules
	.filter((r) => r.enabled !== false && possibleImpacts(r).every((i) => !(FAILING_IMPACTS as readonly string[]).includes(i)))
	.map((r) => r.id);

/**
 * An AxeBuilder for `page` that runs axe with `axe.run` in the page itself (@axe-core/playwright's
 * "legacy mode"). The default mode runs `axe.runPartial` in each frame and then opens a blank page,
 * injects axe-core there a second time and calls `axe.finishRun`: per call a new page and a second
 * injection of axe-core's source. Measured on an article page (2 cores, load 7-9): a full run
 * 9.6 s / 7.4 s by default, 4.3 s / 3.2 s with this. Legacy mode skips only cross-origin frames; the
 * built pages have no frames, and a page with a frame of another origin makes this throw rather than
 * be checked in part. Throws: that error, when `page` shows a frame from another origin.
 */
export function axeOn(page: Page): AxeBuilder {
	const origin = new URL(page.url()).origin;
	const foreign = page.frames().filter((f) => f.url() && !f.url().startsWith('about:') && new URL(f.url()).origin !== origin);
	if (foreign.length) throw new Error(`axe in legacy mode cannot check the frames of another origin: ${foreign.map((f) => f.url()).join(', ')}`);
	return new AxeBuilder({ page }).setLegacyMode();
}

/**
 * The serious and critical axe violations on the page as it is now (optionally only inside `include`),
 * each as `rule: help (targets)`; an empty list passes. Runs axe's default rules but MILD_RULES, and
 * asks for violations only (axe then skips serialising every passing node).
 */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
	let builder = axeOn(page).options({ resultTypes: ['violations'] }).disableRules(MILD_RULES); // options() replaces, disableRules() adds: this order
	if (include) builder = builder.include(include);
	const { violations } = await builder.analyze();
	return violations
		.filter((v) => (FAILING_IMPACTS as readonly (string | null | undefined)[]).includes(v.impact))
		.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
