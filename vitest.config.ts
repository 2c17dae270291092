import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that mostly wait on a process of their own (an Astro build of a generated site, the CLI,
 * `npm pack`, a content check), longest first, as measured on 2026-11-30 (one worker, load average 20:
 * 438 s, 253 s, 93 s, 48 s of 1,160 s). They start first, so that the other worker's files run while
 * they wait; vitest's own order on a fresh clone (no timings cached yet) puts larger files first, and
 * the site build, a short file, came last and ran alone for minutes.
 */
const WAITING_FIRST = ['synthetic-site-build', 'cli', 'content-check', 'package'].map((name) => `tests/unit/${name}.test.ts`);

/** Vitest's order, but WAITING_FIRST before the rest. */
class WaitingFirst extends BaseSequencer {
	override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
		const rank = (f: TestSpecification) => {
			const i = WAITING_FIRST.findIndex((name) => f.moduleId.endsWith(name));
			return i < 0 ? WAITING_FIRST.length : i;
		};
		return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
	}
}

export default defineConfig({
	test: {
		include: ['tests/unit/**/*.test.ts'],
		// A stray `.only` would quietly skip the rest of the suite on CI.
		allowOnly: !process.env.CI,
		// A deadline, not a wait, set once: the CLI tests start real processes and one test builds a whole
		// site, which on a shared 2-core machine (load average 20) took 15 to 50 s and minutes respectively.
		testTimeout: 600_000,
		// One module registry per worker for all its test files, not a fresh one per file: most files
		// import the real content and the knowledge base, and re-importing and re-checking it per file
		// was a large part of the unit tests' CPU time. Safe here because no test mocks a module, stubs
		// the environment or a global (process.exit neither) or changes directory: a test that must start fresh,
		// or must see a process end, spawns one (cli, package, content-check).
		isolate: false,
		// Two workers on any machine (vitest's default is one fewer than the cores: one, on the 2-core
		// machines this runs on): the longest files mostly wait on a child process (WAITING_FIRST), and
		// with one worker nothing else ran while they waited (the site build's 438 s alone, 2026-11-30).
		maxWorkers: 2,
		sequence: { sequencer: WaitingFirst },
		hookTimeout: 600_000,
		coverage: {
			provider: 'v8',
			// The framework-free logic the site, the CLI and the build checks share.
			include: ['src/lib/**/*.ts'],
			reporter: ['text-summary', 'html'],
			reportsDirectory: 'coverage',
			// The figures still print when a test fails, so a red run still shows where coverage stands.
			reportOnFailure: true,
			// The floor is what the unit tests reach today, rounded down (2026-11-30, `npx vitest run --coverage`
			// without the tests that only run subprocesses or build a whole site: cli, package,
			// synthetic-site-build; lines 87.1 %, branches 83.7 %, statements 86.6 %, functions 79.0 %):
			// coverage may grow, and a change that leaves part of src/lib untested fails here.
			thresholds: { lines: 87, branches: 83, statements: 86, functions: 79 },
		},
	},
});
