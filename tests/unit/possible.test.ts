/**
 * A line other causes print too, of which one article is known (match.ts `possible`): no match, no
 * verdict that the text is a new problem, and the article offered as a cause to check, in the matcher,
 * the CLI's JSON and plain text, and never in a bot's comment.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { articleSchema, type ArticleData } from '../../src/lib/article-schema.ts';
import { compileIndex } from '../../src/lib/matcher/build.ts';
import { createMatcher, ruledOutBy } from '../../src/lib/matcher/index.ts';
import { loadKnowledgeBase } from '../../src/lib/knowledge-base.ts';
import { answer, loadEvalSet } from '../../src/lib/eval-set.ts';
import { createProseRanker } from '../../src/lib/prose.ts';
import { proseDocsOf } from '../../src/lib/prose-docs.ts';
import { loadArticles } from '../../src/lib/content.ts';
import { toJson, toMarkdown, toPlainText } from '../../src/lib/presenters.ts';
import { possibleMessages, verdictMessages } from '../../src/lib/messages.ts';
import { SITE_URL } from '../../src/lib/addresses.ts';
import { validData } from './fixtures.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

function article(id: string, shortId: string, fields: Partial<Record<string, unknown>>): ArticleData {
	return articleSchema.parse({ ...validData(), id, shortId, ...fields });
}

const REFUSED = "error: cannot connect to socket at '/nix/var/nix/daemon-socket/socket': Connection refused";
const refused = article('nix-cause-refused', 'FL-0904', {
	signatures: [{ line: REFUSED, pattern: "cannot connect to socket at '{path}': Connection refused", where: 'in the tests', decisive: false }],
	excludeWhen: [{ text: 'nix-daemon is running', why: 'the daemon runs, so it is not this cause' }],
});
const other = article('nix-cause-other', 'FL-0905', {
	signatures: [{ line: 'error: opening lock file /nix/var/nix/db/big-lock: Permission denied', where: 'in the tests' }],
});
const generic = article('nix-cause-generic', 'FL-0906', {
	signatures: [{ line: 'error: Operation not permitted', where: 'in the tests', decisive: false }],
});

describe('possible causes (match.ts `possible`)', () => {
	const matcher = createMatcher(compileIndex([refused, other, generic]));

	it('a line one article knows as printed by other causes too: no match, and that article as a possible cause', () => {
		const r = matcher.match(`building '/nix/store/x.drv'...\n${REFUSED}`);
		expect(r.matches).toEqual([]);
		expect(r.possible.map((p) => [p.article.id, p.lineNumber, p.kind])).toEqual([['nix-cause-refused', 2, 'exact']]);
	});

	it('none beside a match: the match is the answer', () => {
		const r = matcher.match(`${REFUSED}\nerror: opening lock file /nix/var/nix/db/big-lock: Permission denied`);
		expect(r.matches.map((m) => m.article.id)).toEqual(['nix-cause-other']);
		expect(r.possible).toEqual([]);
	});

	it('none for an article the paste rules out, or on a line of generic words alone', () => {
		expect(matcher.match(`${REFUSED}\nnix-daemon is running`).possible).toEqual([]);
		expect(matcher.match('error: Operation not permitted').possible).toEqual([]);
	});

	it('none when two articles print the line: that is an ambiguous match, with its question', () => {
		const twin = article('nix-cause-twin', 'FL-0907', { signatures: refused.signatures });
		const r = createMatcher(compileIndex([refused, { ...twin, signatures: twin.signatures.map((s) => ({ ...s, decisive: false })) }])).match(REFUSED);
		expect(r.ambiguous).toBe(true);
		expect(r.matches.map((m) => m.article.id).sort()).toEqual(['nix-cause-refused', 'nix-cause-twin']);
		expect(r.possible).toEqual([]);
	});

	it('presented as a cause to check in JSON and plain text, never as a verdict or a bot comment', () => {
		const r = matcher.match(REFUSED);
		const json = toJson(r, SITE_URL);
		expect(json.matches).toEqual([]);
		expect(json.possible).toEqual([
			expect.objectContaining({ id: 'nix-cause-refused', shortId: 'FL-0904', confidence: 'possible', lineNumber: 1, confirm: `${SITE_URL}/kb/nix-cause-refused/#how-to-confirm` }),
		]);
		const text = toPlainText(r, SITE_URL, () => undefined);
		expect(text.startsWith(possibleMessages.summary(1))).toBe(true);
		expect(text).not.toContain(verdictMessages.noKnownError());
		expect(text).toContain(`${SITE_URL}/kb/nix-cause-refused/#how-to-confirm`);
		expect(toMarkdown(r, SITE_URL)).toBe('');
		// A log with nothing at all keeps the verdict, and its JSON has no `possible`.
		const none = matcher.match('nothing known here at all');
		expect(toPlainText(none, SITE_URL, () => undefined)).toBe(verdictMessages.noKnownError());
		expect(toJson(none, SITE_URL)).not.toHaveProperty('possible');
	});

	it('on a real report: the shared line of the real article is offered, and it is the thread\'s cause', () => {
		const real = createMatcher(loadKnowledgeBase(root).matcherIndex());
		// containers/podman#9807: a bind mount refused by SELinux, only as "ls: cannot open directory 'app': Permission denied".
		const item = loadEvalSet(root).find((i) => i.id === 's14b-line-podman-9807-bind-mount-selinux')!;
		const r = real.match(item.text);
		expect(r.matches).toEqual([]);
		expect(r.possible[0].article.id).toBe(item.expected);
	});

	it('is no likely answer in the eval either: the site lists it once, as a cause to check (notPossible)', () => {
		const kb = loadKnowledgeBase(root);
		const real = createMatcher(kb.matcherIndex());
		const prose = createProseRanker(proseDocsOf(loadArticles(root)));
		// schollz/croc#190: a description around snap-confine's line, which the NFS article knows as one other causes print.
		const item = loadEvalSet(root).find((i) => i.id === 'd2-var-croc-190-nfs-cwd')!;
		const ranked = prose.rank(item.text, ruledOutBy(real.match(item.text)));
		expect(ranked[0]?.id).toBe(item.expected);
		expect(real.match(item.text).possible[0].article.id).toBe(item.expected);
		const [answered] = answer(real, [item], prose);
		expect(answered.got).not.toBe(item.expected);
		expect(answered.confidence).not.toBe('likely');
	});
});
