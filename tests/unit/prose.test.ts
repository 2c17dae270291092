import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/lib/content.ts';
import { compileIndex } from '../../src/lib/matcher/build.ts';
import { createMatcher } from '../../src/lib/matcher/index.ts';
import { answer, loadEvalSet, reliability } from '../../src/lib/eval-set.ts';
import { createProseRanker, proseDocsOf, textKind } from '../../src/lib/prose.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const articles = loadArticles(root);
const ranker = createProseRanker(proseDocsOf(articles));

describe('how a text reads', () => {
	it('calls a few plain words a search', () => {
		expect(textKind('subuid')).toBe('words');
		expect(textKind('rootless podman nfs')).toBe('words');
	});

	it('calls sentences a description', () => {
		expect(textKind('I am trying to run containers with CPU or memory limits, the container fails to start')).toBe('prose');
	});

	it('calls error and command output a log', () => {
		expect(textKind('Error: OCI runtime error: crun: the requested cgroup controller `cpu` is not available')).toBe('log');
		expect(textKind('Jan 18 14:04:36 host kernel: overlayfs: failed to resolve \'/sysroot/nix/.ro-store\': -2\nJan 18 14:04:37 host systemd[1]: Failed to mount /sysroot/nix/store.')).toBe('log');
	});
});

describe('descriptions', () => {
	it('ranks the article whose symptoms a description gives', () => {
		expect(ranker.rank('I am trying to run containers with CPU or memory limits, the container fails to start')[0]?.id).toBe('podman-cgroup-controller-not-delegated');
	});

	it('finds articles by a single distinctive word', () => {
		expect(ranker.rank('subuid')[0]?.id).toBe('podman-subuid-not-picked-up');
		expect(ranker.rank('erofs')[0]?.id).toBe('microvm-erofs-store-ownership');
	});

	it('answers nothing when no article stands out', () => {
		expect(ranker.rank('my computer is slow today and the fan is loud')).toEqual([]);
	});

	it('does not offer as likely an article the text itself rules out', () => {
		const matcher = createMatcher(compileIndex(articles.map((a) => a.data)));
		// launchd refusing the daemon with error 5, not 119: the disabled-job article's excludeWhen says so.
		const item = loadEvalSet(root).find((i) => i.id === 'd3c-unc-nix-9969-load-io-error');
		expect(item).toBeDefined();
		expect(matcher.match(item!.text).excluded.map((e) => e.article.id)).toContain('nix-daemon-launchd-not-running-macos');
		// The ranker's first answer is the excluded article, so without the rule the answer would be it.
		expect(ranker.rank(item!.text)[0]?.id).toBe('nix-daemon-launchd-not-running-macos');
		expect(answer(matcher, [item!], ranker)[0].got).not.toBe('nix-daemon-launchd-not-running-macos');
	});

	it('never answers a description from the matcher, and its likely answers are counted apart', () => {
		const matcher = createMatcher(compileIndex(articles.map((a) => a.data)));
		const answers = answer(matcher, loadEvalSet(root), ranker);
		const levels = Object.fromEntries(reliability(answers).map(([level, right, n]) => [level, { right, n }]));
		expect(levels.likely.n).toBeGreaterThan(0);
		// Descriptions are never "high": that level belongs to an exact error line.
		expect(answers.filter((a) => a.item.kind === 'prose' && a.confidence === 'high')).toEqual([]);
	});
});
