/**
 * The recorded reproductions (tests/fixtures/repro/, written by `npm run
 * repro -- --record` as root): each still holds against the articles as they
 * are now, judged as the run judges it (the article's signature finds a line,
 * the real CLI puts the article first, the fix's commands succeeded), and
 * each article's `reproduced` field says what its record says. The run
 * itself needs root and recreates them on the real tools (`npm run test:repro`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/lib/knowledge-base.ts';
import { messageLine } from '../../src/lib/messages.ts';
import { judgeReproduction, recordProblems, REPRO_RECORDS_DIR, writeReproducedField, type ReproRecord } from '../../src/lib/repro.ts';
import { firstMatch } from '../../scripts/repro/faultline-match.ts';

const root = join(import.meta.dirname, '..', '..');
const kb = loadKnowledgeBase(root);
const records = new Map<string, ReproRecord>(
	readdirSync(join(root, REPRO_RECORDS_DIR)).map((f) => {
		const r = JSON.parse(readFileSync(join(root, REPRO_RECORDS_DIR, f), 'utf8')) as ReproRecord;
		return [r.article, r];
	}),
);

describe('the recorded reproductions', () => {
	it('cover at least six articles, each named after its file', () => {
		expect(records.size).toBeGreaterThanOrEqual(6);
		for (const f of readdirSync(join(root, REPRO_RECORDS_DIR))) expect(f).toBe(`${(JSON.parse(readFileSync(join(root, REPRO_RECORDS_DIR, f), 'utf8')) as ReproRecord).article}.json`);
	});

	it.each([...records.keys()])('%s: the signature finds the error line, faultline match puts the article first, the fix worked', async (slug) => {
		const record = records.get(slug)!;
		const article = kb.byId.get(slug);
		expect(article).toBeDefined();
		const verdict = judgeReproduction(article!.data, { failing: record.failing, matchedFirst: await firstMatch(root, record.failing.output), fix: record.fix?.commands ?? null });
		expect(verdict.problems.map(messageLine)).toEqual([]);
		expect(verdict.errorLine).toBeDefined();
		expect(record.fix === null).toBe(record.fixNotRun !== undefined);
		if (record.fix) expect(record.fix.anchor).toBe(kb.fixes.get(slug)?.[0]);
	});

	it('agree with the articles: every article that says it was reproduced has its record, with the same date, tools and fix', () => {
		const problems = kb.articles.flatMap((a) => recordProblems(a.data, records.get(a.data.id)).map(messageLine));
		expect(problems).toEqual([]);
		for (const slug of records.keys()) expect(kb.byId.get(slug)?.data.reproduced).toBeDefined();
	});

	it('hold no personal details: the run directory and users are shown neutrally', () => {
		for (const record of records.values()) {
			const text = JSON.stringify(record);
			expect(text).not.toMatch(/\/tmp\/faultline-repro-\w{6}/);
			expect(text).not.toMatch(/\/home\/(?!alice\b)\w+/);
		}
	});
});

describe('a reproduction that stops reproducing', () => {
	it('names the article and the wording when a signature is changed to one the tool no longer prints', () => {
		const slug = 'podman-containers-conf-invalid-value';
		const record = records.get(slug)!;
		const article = kb.byId.get(slug)!.data;
		// Podman 2.0 to 3.1.x's wording ("error validating ..."), which Podman 4.3 no longer prints.
		const old = { ...article, signatures: [{ line: 'ERRO[0000] error validating engine configs: static directory must be an absolute path - instead got "test/libpod"', pattern: 'error validating engine configs: {static|temporary} directory must be an absolute path - instead got "{*}"', where: 'Podman 2.0 to 3.1.x', decisive: true }] };
		const verdict = judgeReproduction(old, { failing: record.failing, matchedFirst: slug, fix: record.fix!.commands });
		expect(verdict.problems.map(messageLine)).toMatchInlineSnapshot(`
			[
			  "podman-containers-conf-invalid-value: no line printed by \`podman info\` matches any of the article's signatures any more (its last line was "ERRO[0000] validating engine configs: static directory must be an absolute path - instead got "test/libpod""). Fix: the tool's wording changed or the article's signature did: add the wording the tool prints now as a signature with the releases that print it (\`where\`), and keep the old one for the older releases.",
			]
		`);
	});

	it('names the article and the command when the fix no longer works', () => {
		const slug = 'podman-subuid-not-picked-up';
		const record = records.get(slug)!;
		const article = kb.byId.get(slug)!.data;
		// The last step (the import again) failing as before the fix, with Podman 4.3's line.
		const stillFailing = 'Error: potentially insufficient UIDs or GIDs available in user namespace (requested 0:42 for /etc/shadow): Check /etc/subuid and /etc/subgid if configured locally and run podman-system-migrate: lchown /etc/shadow: invalid argument\n';
		const broken = record.fix!.commands.map((c, i, all) => (i === all.length - 1 ? { ...c, status: 125, output: stillFailing } : c));
		expect(judgeReproduction(article, { failing: record.failing, matchedFirst: slug, fix: broken }).problems.map(messageLine)).toMatchInlineSnapshot(`
			[
			  "podman-subuid-not-picked-up: after the recommended fix, \`podman import '/tmp/faultline-repro/shadow-image.tar' localhost/repro-shadow\` still fails (exit 125: "Error: potentially insufficient UIDs or GIDs available in user namespace (requested 0:42 for /etc/shadow): Check /etc/subuid and /etc/subgid if configured locally and run podman-system-migrate: lch..."): the fix no longer works as printed. Fix: check the fix against the current release, then correct the article's first fix (or its order) and its evidence level.",
			]
		`);
	});
});

describe('writeReproducedField', () => {
	it('writes the field after lastVerified, and replaces it on the next run', () => {
		const text = '---\nid: x\nlastVerified: 2026-11-29\nsources: []\n---\nbody\n';
		const once = writeReproducedField(text, { date: '2026-11-30', tools: ['Podman 4.3.1', 'Debian 12'], fix: true });
		expect(once).toBe('---\nid: x\nlastVerified: 2026-11-29\nreproduced:\n  date: 2026-11-30\n  tools: ["Podman 4.3.1", "Debian 12"]\n  fix: true\nsources: []\n---\nbody\n');
		expect(writeReproducedField(once, { date: '2026-12-01', tools: ['Podman 4.3.1'], fix: false })).toBe(
			'---\nid: x\nlastVerified: 2026-11-29\nreproduced:\n  date: 2026-12-01\n  tools: ["Podman 4.3.1"]\n  fix: false\nsources: []\n---\nbody\n',
		);
	});
});
