import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BOT_MARKER, commentFor } from '../../src/cli/issue-comment.ts';
import { loadArticles } from '../../src/lib/content.ts';
import { compileIndex, createMatcher } from '../../src/lib/matcher/index.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const matcher = createMatcher(compileIndex(loadArticles(root).map((a) => a.data)));
/** Real issue bodies, recorded from issue trackers (the development set). */
const recorded = new Map(
	readFileSync(new URL('../fixtures/dev.jsonl', import.meta.url), 'utf8')
		.trim()
		.split('\n')
		.map((l) => JSON.parse(l) as { id: string; text: string })
		.map((d) => [d.id, d.text]),
);
const issue = (id: string) => ({ issue: { title: 'It fails', body: recorded.get(id)! }, sender: { type: 'User' } });
const BASE = 'https://kb.example.org';

describe('the issue bot', () => {
	it('answers a new issue whose body holds a known error', () => {
		const comment = commentFor(issue('pos-race-186-full'), matcher, BASE);
		expect(comment.startsWith(BOT_MARKER)).toBe(true);
		expect(comment).toContain('This looks like a known problem:');
		expect(comment).toContain('[FL-0002: microvm.nix: boot sometimes fails');
		expect(comment).toContain('](https://kb.example.org/kb/microvm-overlay-ro-store-race/)');
		expect(comment).toContain('Matched line 2:'); // line 1 is the issue title
	});

	it('names every cause, and says so, when the message has several', () => {
		const comment = commentFor(issue('crun-pos-01'), matcher, BASE);
		expect(comment).toContain('This error has **2 known causes** that print the same message.');
		expect(comment).toContain('[FL-0004: Rootless Podman');
		expect(comment).toContain('[FL-0006: Rootless Podman with --userns=keep-id');
	});

	it('answers a new comment too', () => {
		const event = { issue: { title: 'x', body: 'x' }, comment: { body: recorded.get('nix-pos-01')!, user: { type: 'User' } }, sender: { type: 'User' } };
		expect(commentFor(event, matcher, BASE)).toContain('FL-0005');
	});

	it('says nothing when nothing is known (a hard negative)', () => {
		expect(commentFor(issue('mp-neg-07'), matcher, BASE)).toBe('');
		expect(commentFor(issue('neg-yunohost-2086-postmap-sasl'), matcher, BASE)).toBe('');
	});

	it('never answers itself or another bot', () => {
		const own = { issue: { title: 'x', body: 'x' }, comment: { body: commentFor(issue('pos-race-186-full'), matcher, BASE), user: { type: 'User' } } };
		expect(own.comment.body).not.toBe('');
		expect(commentFor(own, matcher, BASE)).toBe('');
		expect(commentFor({ ...issue('pos-race-186-full'), sender: { type: 'Bot' } }, matcher, BASE)).toBe('');
	});
});
