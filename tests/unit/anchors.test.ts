import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase } from '../../src/lib/knowledge-base.ts';
import { loadEvalSet } from '../../src/lib/eval-set.ts';
import { compileIndex, shardIndex } from '../../src/lib/matcher/build.ts';
import { lookupWords, mayAnchor, wholeWordsOf } from '../../src/lib/matcher/lookup.ts';
import { COMMON_LOG_WORDS, DATE_WORDS } from '../../src/lib/matcher/common-log-words.ts';
import { compiledPattern } from '../../src/lib/matcher/pattern.ts';
import { createMatcher, mergeShards, shardsFor, type MatchResult } from '../../src/lib/matcher/index.ts';
import { forEachLine } from '../../src/lib/matcher/match.ts';
import { articleSchema } from '../../src/lib/article-schema.ts';
import { commonWordsModule, COMMON_WORDS_FILE, deriveCommonWords } from '../../scripts/common-log-words.ts';
import { validData } from './fixtures.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
// The model's one compiled index (src/lib/knowledge-base.ts), shared with the other test files of this worker.
const index = loadKnowledgeBase(root).matcherIndex();
const evalSet = loadEvalSet(root);

/** An article with one signature, for the anchor rules on a made-up line. */
const withSignature = (line: string, pattern?: string) =>
	articleSchema.parse({ ...validData(), signatures: [{ line, ...(pattern ? { pattern } : {}), where: 'example 1.0' }] });

describe('the list of words common in real logs', () => {
	it('is the one the eval data gives (scripts/common-log-words.ts writes it)', () => {
		const { words, threads } = deriveCommonWords(evalSet);
		expect(readFileSync(`${root}${COMMON_WORDS_FILE}`, 'utf8')).toBe(commonWordsModule(words, threads));
	});

	it('holds the everyday journal words the old anchors picked, and no word that names one failure', () => {
		for (const w of ['systemd', 'linux', 'can', 'error', 'failed']) expect(COMMON_LOG_WORDS.has(w), w).toBe(true);
		for (const w of ['subtree_control', 'filecaps', 'seccomp', 'erofs']) expect(COMMON_LOG_WORDS.has(w), w).toBe(false);
		expect(DATE_WORDS.has('jan')).toBe(true);
	});
});

describe('anchor choice', () => {
	it('never picks a common, date or generic word for any real signature', () => {
		for (const sig of index.signatures) {
			for (const a of sig.anchors) {
				expect(COMMON_LOG_WORDS.has(a) || DATE_WORDS.has(a), `${a} in ${sig.line}`).toBe(false);
				expect(mayAnchor(a)).toBe(true);
			}
			// A one-value diagnostic output is looked up by its value at a line's end instead (pattern.ts `valuesOf`).
			expect(sig.anchors.length > 0 || sig.phrase !== undefined || (sig.diagnostic !== undefined && (sig.values?.length ?? 0) > 0), sig.line).toBe(true);
		}
	});

	it('never picks a word from a hole, nor the piece of a word a hole completes', () => {
		const [sig] = compileIndex([withSignature("error: the user '_nixbld1' in the group 'nixbld' does not exist", "error: the user '_nixbld{n}' in the group '{word}' does not exist")]).signatures;
		expect(sig.anchors).not.toContain('_nixbld');
		expect(sig.anchors).not.toContain('nixbld');
		const [holes] = compileIndex([withSignature('frobnicator stalled reading /var/lib/zzqux at deadbeefcafe', 'frobnicator stalled reading {path} at {hex}')]).signatures;
		expect([...holes.anchors].sort()).toEqual(['frobnicator', 'reading', 'stalled']);
		const { parts, glued } = compiledPattern('frob {n}abc def{word} ghi');
		expect(wholeWordsOf(parts, glued)).toEqual([['frob'], [], ['ghi']]);
	});

	it('never picks the month of an ls -l date written into a signature', () => {
		const [sig] = compileIndex([withSignature('-r--r--r-- 1 1000 users 57 Jan  1  1970 /nix/store/frobnicated')]).signatures;
		expect(sig.anchors).not.toContain('jan');
	});

	it('looks a signature of common words alone up by its longest phrase, which a line must hold in a row', () => {
		const { phrase, anchors } = lookupWords([['bash', 'nix', 'command', 'not', 'found']], {});
		expect(anchors).toEqual([]);
		expect(phrase?.words).toEqual(['bash', 'nix', 'command', 'not', 'found']);
		const matcher = createMatcher(compileIndex([withSignature('bash: nix: command not found')]));
		expect(matcher.mayMatch('Jan 01 00:00:00 host1 sshd[12]: bash: nix: command not found')).toBe(true);
		expect(matcher.match('bash: nix: command not found').matches).toHaveLength(1);
		expect(matcher.mayMatch('Jan 01 00:00:00 host1 bash[12]: nix command was not found in /usr/bin')).toBe(false);
	});
});

describe('the pre-filter (one scan over each raw line)', () => {
	const matcher = createMatcher(index);
	const lines = evalSet.flatMap((item) => item.text.split(/\r?\n|\r/));

	it('lets through every real line that matches an article on its own', () => {
		for (const line of lines) if (matcher.match(line).matches.length) expect(matcher.mayMatch(line), line).toBe(true);
	});

	it('reads words as lower-casing would, the two non-ASCII letters that lower-case to ASCII included', () => {
		const m = createMatcher(compileIndex([withSignature('frobnicator stalled: kelvin probe')]));
		expect(m.mayMatch('FROBNICATOR STALLED: \u212Aelvin probe')).toBe(true);
		expect(m.mayMatch('\x1b[31mfrobnicator\x1b[0m stalled: kelvin probe')).toBe(true);
		expect(m.match('\x1b[31mfrobnicator\x1b[0m stalled: kelvin probe').matches).toHaveLength(1);
		expect(m.mayMatch('frobnicatorstalled')).toBe(false);
	});

	it('lets a line through for a signature of one anchor only with a second of its specific words, as verifying asks', () => {
		// Anchor `line` (every other word is common or generic); its specific words are line, nix and found.
		const m = createMatcher(compileIndex([withSignature('bash: line 1: nix: command not found')]));
		expect(m.index.signatures[0].anchors).toEqual(['line']);
		expect(m.mayMatch('Jan 01 00:00:00 host1 kernel: invalid line 12 in /etc/fstab')).toBe(false);
		expect(m.mayMatch('Jan 01 00:00:00 host1 sshd[12]: bash: line 3: nix: command not found')).toBe(true);
		expect(m.match('bash: line 3: nix: command not found').matches).toHaveLength(1);
		// Two anchors are not enough when no reading can meet the line: an exact one needs the inner words
		// (stalled, kelvin), a near or partial one 60 % of the specific words' weight.
		const two = createMatcher(compileIndex([withSignature('frobnicator stalled: kelvin probe')]));
		expect(two.mayMatch('frobnicator stalled at noon')).toBe(false);
		expect(two.match('frobnicator stalled at noon').matches).toHaveLength(0);
		expect(two.mayMatch('frobnicator stalled, kelvin')).toBe(true);
		// Diagnostic output is met by its pattern alone: its one word is enough.
		const d = createMatcher(compileIndex([articleSchema.parse({ ...validData(), diagnostics: [{ command: 'cat /proc/self/status', output: 'NoNewPrivs:\t1', means: 'holds', why: 'no_new_privs is set for the process' }] })]));
		expect(d.mayMatch('NoNewPrivs:\t1')).toBe(true);
	});

	it('in a session, lets no line through for what the paste has already settled', () => {
		// `buildah-run-as-non-root-before-rootless` is ruled out by "podman info": the first line that holds it is read, the rest are not.
		const m = createMatcher(index);
		const s = m.session();
		for (let i = 0; i < 100; i++) s.addLine(`Jan 01 00:00:0${i % 10} host1 alice[1]: running podman info --debug, take ${i}`);
		expect(s.linesRead()).toBe(1);
		expect(m.mayMatch('Jan 01 00:00:05 host1 alice[1]: running podman info --debug, take 5')).toBe(true);
		// A signature met exactly is settled too: its line again is not read again. (A line that holds
		// another article's context word, or a phrase an unsettled signature is looked up by, such as the
		// "Permission denied" of busybox's "can't open '…': Permission denied" (FL-0106), is still read for those.)
		const t = m.session();
		for (let i = 0; i < 50; i++) t.addLine('virtio-fs: tag <ro-store> not found');
		expect(t.linesRead()).toBe(1);
		expect(t.result().matches[0]?.lineNumber).toBe(1);
	});

	it('lets a line through for a one-value diagnostic output only when it ends with the value', () => {
		// A one-word output (`oci`) is no anchor: a log full of "OCI runtime error" lines is not read for it,
		// settled or not, while a line that is the value, or a key's value, is.
		const oci = articleSchema.parse({
			...validData(),
			diagnostics: [{ command: 'printenv BUILDAH_ISOLATION', output: 'oci', pattern: '{oci|rootless}', means: 'rules-out', why: 'not chroot isolation' }],
		});
		const m = createMatcher(compileIndex([oci]));
		const s = m.session();
		for (let i = 0; i < 50; i++) s.addLine(`Error: OCI runtime error: crun: take ${i}: OCI permission denied`);
		expect(s.linesRead()).toBe(0);
		expect(m.mayMatch('Error: OCI runtime error: oci permission denied')).toBe(false);
		expect(m.mayMatch('oci')).toBe(true);
		expect(m.mayMatch('BUILDAH_ISOLATION=rootless ')).toBe(true);
		expect(m.mayMatch('rootlessport')).toBe(false);
	});
});

describe('the sharded and the whole index', () => {
	/** What a reader sees of a result (the articles ruled out as a set: a merged index holds its articles in another order). */
	const visible = (r: MatchResult) => ({
		ambiguous: r.ambiguous,
		matches: r.matches.map((m) => [m.article.id, m.confidence, m.score, m.kind, m.signature, m.lineNumber, m.supporting.length]),
		excluded: r.excluded.map((e) => e.article.id).sort(),
	});

	it('give the same answer for every eval text', () => {
		const sharded = shardIndex(index);
		const keys = new Set(sharded.directory.anchors.split('\n'));
		const whole = createMatcher(index);
		for (const item of evalSet) {
			const needed = shardsFor(item.text, keys, sharded.directory.shards);
			const part = createMatcher(mergeShards(needed.map((n) => sharded.shards[n]), sharded.directory.maxWeight));
			expect(visible(part.match(item.text)), item.id).toEqual(visible(whole.match(item.text)));
		}
	});
});

describe('splitting a paste into lines', () => {
	it('gives the lines split(/\\r?\\n|\\r/) gives, for every mix of line ends', () => {
		const ends = ['a', 'b', '\r', '\n', '\r\n'];
		// Every text of up to six pieces, each a letter or a line end: 5^6 texts.
		const texts = [''];
		for (let n = 0; n < 6; n++) for (const t of texts.splice(0)) for (const e of ['', ...ends]) texts.push(t + e);
		for (const text of new Set(texts)) {
			const lines: string[] = [];
			forEachLine(text, (line) => lines.push(line));
			expect(lines, JSON.stringify(text)).toEqual(text.split(/\r?\n|\r/));
		}
	});
});
