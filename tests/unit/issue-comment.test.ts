/**
 * The issue bot and the GitHub Action, on recorded webhook payloads
 * (tests/fixtures/github-events/, shaped as GitHub's webhook documentation
 * shows them, with the error texts of real issues from the development set).
 * The GitHub API is an in-memory fake given to the Action as its `fetch`:
 * nothing here touches the network.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readInputs, runAction } from '../../src/action/github.ts';
import { dataFromContent } from '../../src/cli/content-data.ts';
import { BOT_MARKER, commentFor, decide, readEvent, type BotOptions, type GitHubComment, type IssueEvent } from '../../src/cli/issue-comment.ts';
import { MAX_LINK_LENGTH } from '../../src/lib/addresses.ts';
import { createMatcher } from '../../src/lib/matcher/index.ts';
import { createProseRanker } from '../../src/lib/prose.ts';
import { toPlainText } from '../../src/lib/presenters.ts';
import { separatingQuestion } from '../../src/wizard/engine.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const data = dataFromContent(root);
const matcher = createMatcher(data.index);
const BASE = 'https://kb.example.org';
const options: BotOptions = { baseUrl: BASE, minConfidence: 'medium', includeComments: true, wizard: data.wizard };

const fixture = (name: string) => readFileSync(new URL(`../fixtures/github-events/${name}.json`, import.meta.url), 'utf8');
const event = (name: string) => readEvent(JSON.parse(fixture(name)), name);

/** The text a `/match/#q=` link carries, as the site's page reads it (URLSearchParams over the fragment). */
function linkedTexts(body: string): string[] {
	return [...body.matchAll(/\((https:\/\/kb\.example\.org\/match\/#q=[^)\s]+)\)/g)].map((m) => new URLSearchParams(new URL(m[1]).hash.slice(1)).get('q')!);
}

/** Faultline's comment as GitHub lists it once posted. */
function posted(id: number, body: string): GitHubComment {
	return { id, body, user: { login: 'github-actions[bot]', type: 'Bot' }, html_url: `https://github.com/example-org/vm-tools/issues/42#issuecomment-${id}` };
}

describe('the decision: create, update or stay silent', () => {
	it('creates a comment on a new issue holding a known error, with the article, the line and a #q= link', () => {
		const d = decide(event('issues-opened'), [], matcher, options);
		expect(d.action).toBe('create');
		if (d.action !== 'create') return;
		expect(d.explained).toEqual(['microvm-overlay-ro-store-race']);
		expect(d.body.startsWith(`${BOT_MARKER}\n<!-- faultline-explained: microvm-overlay-ro-store-race -->\nThis looks like a known problem:`)).toBe(true);
		expect(d.body).toContain('[FL-0002: microvm.nix: boot sometimes fails');
		expect(d.body).toContain('](https://kb.example.org/kb/microvm-overlay-ro-store-race/)** (high confidence)');
		// Line 1 is the title, 2 the sentence, 3 blank, 4 the fence: the journal's first line is line 5.
		expect(d.body).toContain(
			'Matched line 5 of [the issue](https://github.com/example-org/vm-tools/issues/42): `Jan 18 14:04:36 sire-paperless mount[136]: mount: /sysroot/nix/store: special device overlay does not exist.`',
		);
		expect(d.body).not.toContain('?q=');
		const e = event('issues-opened');
		expect(linkedTexts(d.body)).toEqual([`${e.issue.title}\n${e.issue.body}`]);
	});

	it('stays silent on a new issue with no known error (a hard negative)', () => {
		expect(decide(event('issues-opened-no-known-error'), [], matcher, options)).toEqual({ action: 'none', reason: 'no known error in the text' });
	});

	it('updates its own comment when an edit brings a new known error, keeping the first', () => {
		const first = decide(event('issues-opened'), [], matcher, options);
		if (first.action !== 'create') throw new Error('expected a comment');
		const d = decide(event('issues-edited'), [posted(5000000001, first.body)], matcher, options);
		expect(d).toMatchObject({ action: 'update', commentId: 5000000001, explained: ['microvm-overlay-ro-store-race', 'nix-installer-seccomp-bpf', 'nix-wsl1-seccomp'] });
		if (d.action !== 'update') return;
		expect(d.body).toContain('These look like known problems:');
		// The seccomp line has two known causes (emulation, WSL 1): the note names them and the wizard's question.
		expect(d.body).toContain('In line 23 of [the issue](https://github.com/example-org/vm-tools/issues/42): **2 known causes print this line** (FL-0005, FL-0007).');
		expect(d.body).toContain('[FL-0002:');
		expect(d.body).toContain('[FL-0005: Nix under CPU emulation');
		expect(d.body).toContain('error: unable to load seccomp BPF program: Invalid argument');
		// An edit that brings nothing new changes nothing.
		expect(decide(event('issues-edited'), [posted(5000000001, d.body)], matcher, options)).toEqual({
			action: 'none',
			reason: 'no known error that the comment does not already explain',
		});
	});

	it('updates its comment for a comment with a new error, naming its several causes and the question that tells them apart', () => {
		const first = decide(event('issues-opened'), [], matcher, options);
		if (first.action !== 'create') throw new Error('expected a comment');
		const e = event('issue-comment-created-user');
		const d = decide(e, [posted(5000000001, first.body), e.comment!], matcher, options);
		expect(d).toMatchObject({ action: 'update', commentId: 5000000001 });
		if (d.action !== 'update') return;
		expect(d.explained).toEqual(['microvm-overlay-ro-store-race', 'crun-rootless-supplementary-group', 'podman-keep-id-owner-only-home']);
		expect(d.body).toContain('Matched line 4 of [a comment by @helper-b](https://github.com/example-org/vm-tools/issues/42#issuecomment-5000000002)');
		expect(d.body).toContain('**2 known causes print this line** (FL-0004, FL-0006).');
		expect(d.body).toContain(
			'The question that tells them apart: *Does the command use --userns=keep-id, or run through distrobox or toolbox?* ([answer it in the wizard](https://kb.example.org/wizard/podman-keep-id/))',
		);
		expect(linkedTexts(d.body)).toEqual([`${e.issue.title}\n${e.issue.body}`, e.comment!.body]);
	});

	it('creates the comment on a comment when it has not commented yet', () => {
		const d = decide(event('issue-comment-created-user'), [], matcher, { ...options, includeComments: true });
		expect(d.action).toBe('create');
		if (d.action === 'create') expect(d.explained).toEqual(['microvm-overlay-ro-store-race', 'crun-rootless-supplementary-group', 'podman-keep-id-owner-only-home']);
	});

	it('leaves out matches below min-confidence', () => {
		const e = event('issues-opened-no-known-error');
		e.issue.body = readFileSync(new URL('../fixtures/dev.jsonl', import.meta.url), 'utf8')
			.split('\n')
			.map((l) => (l ? (JSON.parse(l) as { id: string; text: string }) : undefined))
			.find((d) => d?.id === 'mp-pos-01')!.text;
		// The Multipass/AppArmor report matches FL-0003 with medium confidence only.
		const medium = decide(e, [], matcher, options);
		expect(medium.action === 'create' && medium.body).toContain('[FL-0003:');
		expect(medium.action === 'create' && medium.body).toContain('(medium confidence)');
		expect(decide(e, [], matcher, { ...options, minConfidence: 'high' })).toEqual({ action: 'none', reason: 'no known error in the text' });
	});

	it('reads no comment when include-comments is false', () => {
		expect(decide(event('issue-comment-created-user'), [], matcher, { ...options, includeComments: false })).toEqual({
			action: 'none',
			reason: 'comments are not read (include-comments is false)',
		});
	});

	it('never answers a bot, itself, or a pull request', () => {
		expect(decide(event('issue-comment-created-bot'), [], matcher, options)).toEqual({ action: 'none', reason: 'the comment is by a bot' });
		expect(decide(event('issue-comment-created-self'), [], matcher, options)).toEqual({ action: 'none', reason: "the comment is Faultline's own" });
		// Posted with a personal token, its own comment comes from a User: the marker still tells.
		const viaUser = event('issue-comment-created-self');
		viaUser.comment!.user = { login: 'maintainer-c', type: 'User' };
		viaUser.sender = { login: 'maintainer-c', type: 'User' };
		expect(decide(viaUser, [], matcher, options)).toEqual({ action: 'none', reason: "the comment is Faultline's own" });
		expect(decide(event('issue-comment-created-on-pull-request'), [], matcher, options).action).toBe('none');
	});

	it('stays silent on a comment that only quotes an error it already explained', () => {
		const first = decide(event('issues-opened'), [], matcher, options);
		if (first.action !== 'create') throw new Error('expected a comment');
		const e = event('issue-comment-created-quote');
		// The quoted line alone is a known error: without the earlier comment it would be answered.
		expect(matcher.match(e.comment!.body!).matches[0].article.id).toBe('microvm-overlay-ro-store-race');
		expect(decide(e, [posted(5000000001, first.body), e.comment!], matcher, options)).toEqual({
			action: 'none',
			reason: 'no known error that the comment does not already explain',
		});
	});

	it('keeps the #q= link under MAX_LINK_LENGTH for a huge issue, carrying the matched line', () => {
		const e = event('issues-opened');
		const line = 'Jan 18 14:04:36 sire-paperless mount[136]: mount: /sysroot/nix/store: special device overlay does not exist.';
		e.issue.body = `${'building the VM image, step 1 of many\n'.repeat(20_000)}${line}\n`;
		const d = decide(e, [], matcher, options);
		if (d.action !== 'create') throw new Error('expected a comment');
		const link = /\((https:\/\/kb\.example\.org\/match\/#q=[^)\s]+)\)/.exec(d.body)![1];
		expect(link.length).toBeLessThanOrEqual(MAX_LINK_LENGTH);
		expect(linkedTexts(d.body)).toEqual([line]);
	});

	it('refuses an event that is not about an issue', () => {
		expect(() => readEvent(JSON.parse(fixture('push')), 'push.json')).toThrow(
			'push.json › issue: is missing: this is not an issue or issue comment event. Fix: run the Action on `issues`',
		);
		expect(() => readEvent([], 'x.json')).toThrow('x.json › event: is not a JSON object.');
	});

	it('`faultline comment` prints the same comment for one event', () => {
		const once = commentFor(JSON.parse(fixture('issues-opened')), matcher, BASE, data.wizard);
		const d = decide(event('issues-opened'), [], matcher, options);
		expect(d.action === 'create' && once).toBe(d.action === 'create' ? d.body : false);
		expect(commentFor(JSON.parse(fixture('issue-comment-created-bot')), matcher, BASE)).toBe('');
	});
});

/** An in-memory GitHub issue with its comments, answering the REST calls the Action makes. */
function fakeGitHub(existing: GitHubComment[] = []) {
	const comments = [...existing];
	const calls: string[] = [];
	let nextId = 6000000000;
	const fetchFn = (async (input: string | URL | Request, init?: RequestInit) => {
		const url = new URL(String(input));
		const method = init?.method ?? 'GET';
		calls.push(`${method} ${url.pathname}${url.search}`);
		expect(url.origin).toBe('https://api.github.com');
		expect((init?.headers as Record<string, string>).authorization).toBe('Bearer test-token');
		const json = (value: unknown, status = 200) => new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });
		if (method === 'GET' && url.pathname === '/repos/example-org/vm-tools/issues/42/comments') {
			const page = Number(url.searchParams.get('page'));
			const size = Number(url.searchParams.get('per_page'));
			return json(comments.slice((page - 1) * size, page * size));
		}
		const body = JSON.parse(String(init?.body ?? '{}')).body as string;
		if (method === 'POST' && url.pathname === '/repos/example-org/vm-tools/issues/42/comments') {
			const c = posted(nextId++, body);
			comments.push(c);
			return json(c, 201);
		}
		const patch = /^\/repos\/example-org\/vm-tools\/issues\/comments\/(\d+)$/.exec(url.pathname);
		if (method === 'PATCH' && patch) {
			const c = comments.find((x) => x.id === Number(patch[1]));
			if (!c) return json({ message: 'Not Found' }, 404);
			c.body = body;
			return json(c);
		}
		return json({ message: 'Not Found' }, 404);
	}) as typeof fetch;
	return { comments, calls, fetch: fetchFn };
}

const dir = mkdtempSync(join(tmpdir(), 'faultline-action-'));

async function run(eventName: string, file: string | undefined, api: ReturnType<typeof fakeGitHub>, inputs: Record<string, string> = {}) {
	let out = '';
	let err = '';
	const sink = (add: (s: string) => void) => new Writable({ write: (chunk, _enc, done) => (add(String(chunk)), done()) });
	const output = join(dir, `output-${Math.random().toString(36).slice(2)}`);
	writeFileSync(output, '');
	const code = await runAction({
		env: {
			GITHUB_EVENT_NAME: eventName,
			GITHUB_EVENT_PATH: file,
			GITHUB_API_URL: 'https://api.github.com',
			GITHUB_OUTPUT: output,
			INPUT_TOKEN: 'test-token',
			'INPUT_MIN-CONFIDENCE': 'medium',
			'INPUT_SITE-URL': BASE,
			'INPUT_INCLUDE-COMMENTS': 'true',
			...inputs,
		},
		fetch: api.fetch,
		data,
		stdout: sink((s) => (out += s)),
		stderr: sink((s) => (err += s)),
	});
	return { code, out, err, output: readFileSync(output, 'utf8') };
}

const path = (name: string) => fileURLToPath(new URL(`../fixtures/github-events/${name}.json`, import.meta.url));

describe('a line that several known causes print, each article marking it decisive: false', () => {
	// Podman prints this for a newuidmap without setuid or file capabilities and inside an unprivileged
	// container alike; neither article lets it decide alone.
	const line = 'Error: cannot setup namespace using newuidmap: exit status 1';

	it('gets every cause, none high, and the wizard question that tells them apart, in the bot comment and the CLI text', () => {
		const result = matcher.match(line);
		const ids = result.matches.map((m) => m.article.id).sort();
		expect(ids).toEqual(['podman-in-unprivileged-container', 'podman-newuidmap-not-setuid']);
		expect(result.ambiguous).toBe(true);
		expect(result.matches.every((m) => m.confidence === 'medium')).toBe(true);
		const question = separatingQuestion(data.wizard, ids)!;
		expect(question).toBeDefined();
		const e = event('issues-opened-no-known-error');
		e.issue.title = '';
		e.issue.body = line;
		const d = decide(e, [], matcher, options);
		expect(d.action).toBe('create');
		if (d.action === 'create') {
			expect(d.body).toContain('**2 known causes print this line**');
			expect(d.body).toContain(`(${BASE}${question.path})`);
		}
		expect(toPlainText(result, BASE, (a) => separatingQuestion(data.wizard, a))).toContain(`The question that tells them apart: ${question.prompt}\n  ${BASE}${question.path}`);
	});
});

describe('an issue that describes its failure in words', () => {
	const prose = createProseRanker(data.prose.docs);
	const withProse: BotOptions = { ...options, prose };
	/** The text of a real report from the eval set (tests/fixtures/*.jsonl), by id. */
	const evalText = (id: string) =>
		['dev.jsonl', 'dev-more.jsonl']
			.flatMap((f) => readFileSync(new URL(`../fixtures/${f}`, import.meta.url), 'utf8').split('\n'))
			.filter(Boolean)
			.map((l) => JSON.parse(l) as { id: string; text: string })
			.find((d) => d.id === id)!.text;
	const issue = (body: string) => {
		const e = event('issues-opened-no-known-error');
		e.issue.title = '';
		e.issue.body = body;
		return e;
	};

	it('gets the likely articles, marked likely, and no known-error wording (podman#7765, nix#7215)', () => {
		for (const [id, article] of [
			['d2-prose-podman-7765-limits', 'podman-cgroup-controller-not-delegated'],
			['d3e-prose-nix-7215-backup-files-colleague', 'nix-install-profile-backup-exists'],
		] as const) {
			const d = decide(issue(evalText(id)), [], matcher, withProse);
			expect(d.action, id).toBe('create');
			if (d.action !== 'create') continue;
			expect(d.likely?.[0]).toBe(article);
			expect(d.explained).toEqual([]);
			expect(d.body.startsWith(`${BOT_MARKER}\n<!-- faultline-likely: ${d.likely!.join(' ')} -->\nNo known error line in the issue`)).toBe(true);
			expect(d.body).toContain(`](${BASE}/kb/${article}/)** (likely)`);
			expect(d.body).not.toMatch(/confidence\)/);
			expect(linkedTexts(d.body)).toEqual([`\n${evalText(id)}`]);
		}
	});

	it('gets nothing without the ranker, below a min-confidence of high, or when the text is a log (a hard negative)', () => {
		const text = evalText('d2-prose-podman-7765-limits');
		expect(decide(issue(text), [], matcher, options)).toEqual({ action: 'none', reason: 'no known error in the text' });
		expect(decide(issue(text), [], matcher, { ...withProse, minConfidence: 'high' })).toEqual({ action: 'none', reason: 'no known error in the text' });
		expect(decide(event('issues-opened-no-known-error'), [], matcher, withProse)).toEqual({ action: 'none', reason: 'no known error in the text' });
	});

	it('is updated to the known error when a later comment quotes one: the likely articles were never marked explained', () => {
		const first = decide(issue(evalText('d2-prose-podman-7765-limits')), [], matcher, withProse);
		expect(first.action).toBe('create');
		if (first.action !== 'create') return;
		const quote = event('issue-comment-created-user');
		quote.issue.title = '';
		quote.issue.body = evalText('d2-prose-podman-7765-limits');
		const later = decide(quote, [posted(7001, first.body), quote.comment!], matcher, withProse);
		expect(later.action).toBe('update');
		if (later.action === 'update') expect(later.explained.length).toBeGreaterThan(0);
	});

	it('is what `faultline comment` prints for the same event', () => {
		const e = issue(evalText('d2-prose-podman-7765-limits'));
		expect(commentFor(e, matcher, BASE, data.wizard, prose)).toBe((decide(e, [], matcher, withProse) as { body: string }).body);
	});
});

describe('the Action against a fake GitHub API', () => {
	it('comments once on a thread: create, then update, then silence', async () => {
		const api = fakeGitHub();
		const opened = await run('issues', path('issues-opened'), api);
		expect(opened.code).toBe(0);
		expect(api.calls).toEqual(['GET /repos/example-org/vm-tools/issues/42/comments?per_page=100&page=1', 'POST /repos/example-org/vm-tools/issues/42/comments']);
		expect(opened.output).toBe('action=create\ncomment-url=https://github.com/example-org/vm-tools/issues/42#issuecomment-6000000000\n');
		expect(api.comments).toHaveLength(1);

		const edited = await run('issues', path('issues-edited'), api);
		expect(edited.code).toBe(0);
		expect(api.calls.at(-1)).toBe('PATCH /repos/example-org/vm-tools/issues/comments/6000000000');
		expect(api.comments).toHaveLength(1);
		expect(api.comments[0].body).toContain('[FL-0005:');

		const quote = readEvent(JSON.parse(fixture('issue-comment-created-quote')), 'q') as IssueEvent;
		api.comments.push(quote.comment!);
		const quoted = await run('issue_comment', path('issue-comment-created-quote'), api);
		expect(quoted.code).toBe(0);
		expect(quoted.out).toBe('faultline: no comment: no known error that the comment does not already explain.\n');
		expect(api.calls.filter((c) => !c.startsWith('GET'))).toHaveLength(2);
	});

	it('finds its comment on a later page of a long thread', async () => {
		const chatter = Array.from({ length: 150 }, (_, i) => ({ id: 100 + i, body: `+1 (${i})`, user: { login: `user-${i}`, type: 'User' } }));
		const first = decide(event('issues-opened'), [], matcher, options);
		if (first.action !== 'create') throw new Error('expected a comment');
		const api = fakeGitHub([...chatter, posted(777, first.body)]);
		expect((await run('issues', path('issues-edited'), api)).code).toBe(0);
		expect(api.calls).toEqual([
			'GET /repos/example-org/vm-tools/issues/42/comments?per_page=100&page=1',
			'GET /repos/example-org/vm-tools/issues/42/comments?per_page=100&page=2',
			'PATCH /repos/example-org/vm-tools/issues/comments/777',
		]);
	});

	it('makes no API call for a bot, and exits 0', async () => {
		const api = fakeGitHub();
		const r = await run('issue_comment', path('issue-comment-created-bot'), api);
		expect(r.code).toBe(0);
		expect(r.out).toBe('faultline: no comment: the comment is by a bot.\n');
		expect(api.calls).toEqual([]);
	});

	it('exits 2 with a message on an event it cannot read, or bad inputs', async () => {
		const api = fakeGitHub();
		const push = await run('push', path('push'), api);
		expect(push.code).toBe(2);
		expect(push.err).toContain('push.json › event: is a "push" event, which has no issue to answer. Fix: run the Action on `issues`');
		const missing = await run('issues', join(dir, 'no-such-event.json'), api);
		expect(missing.code).toBe(2);
		expect(missing.err).toContain('no-such-event.json › event: cannot be read (no such file).');
		writeFileSync(join(dir, 'broken.json'), '{"action": "opened", "issue": ');
		expect((await run('issues', join(dir, 'broken.json'), api)).err).toContain('broken.json › event: cannot be read (not JSON).');
		const noIssue = join(dir, 'no-issue.json');
		writeFileSync(noIssue, JSON.stringify({ action: 'opened', repository: { full_name: 'example-org/vm-tools' } }));
		expect((await run('issues', noIssue, api)).err).toContain('› issue: is missing');
		const badInput = await run('issues', path('issues-opened'), api, { 'INPUT_MIN-CONFIDENCE': 'low' });
		expect(badInput.code).toBe(2);
		expect(badInput.err).toBe('faultline: action.yml › with.min-confidence: is "low". Fix: set it to "high" or "medium".\n');
		expect((await run('issues', path('issues-opened'), api, { INPUT_TOKEN: '' })).code).toBe(2);
		expect(api.calls).toEqual([]);
	});

	it('exits 1 naming the call when GitHub refuses it', async () => {
		const api = fakeGitHub();
		const refusing = (async () => new Response(JSON.stringify({ message: 'Resource not accessible by integration' }), { status: 403 })) as typeof fetch;
		const r = await run('issues', path('issues-opened'), { ...api, fetch: refusing });
		expect(r.code).toBe(1);
		expect(r.err).toContain('GET /repos/example-org/vm-tools/issues/42/comments?per_page=100&page=1 failed with HTTP 403 (Resource not accessible by integration)');
	});
});

describe('action.yml and the README workflow', () => {
	const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as {
		inputs: Record<string, { default?: string }>;
		runs: { using: string; main: string };
	};

	it('declares exactly the inputs the Action reads, with defaults it accepts', () => {
		expect(Object.keys(action.inputs).sort()).toEqual(['include-comments', 'min-confidence', 'site-url', 'token']);
		const env = Object.fromEntries(Object.entries(action.inputs).map(([name, i]) => [`INPUT_${name.toUpperCase()}`, i.default === '${{ github.token }}' ? 't' : i.default]));
		expect(readInputs(env)).toEqual({ token: 't', minConfidence: 'medium', includeComments: true, baseUrl: 'https://faultline.dev' });
	});

	it('runs the entry the package build writes', () => {
		expect(action.runs).toEqual({ using: 'node24', main: 'dist-cli/action.js' });
		expect(readFileSync(join(root, 'scripts/build-cli.ts'), 'utf8')).toContain("action: join(root, 'src/action/main.ts')");
	});

	it('the README gives the three-line workflow for the events the Action answers', () => {
		const readme = readFileSync(join(root, 'README.md'), 'utf8');
		const block = /```yaml\n(on: [^\n]+\npermissions: [^\n]+\njobs: [^\n]+)\n```/.exec(readme);
		expect(block, 'a three-line yaml block').not.toBeNull();
		const workflow = parse(block![1]);
		expect(workflow.on).toEqual({ issues: { types: ['opened', 'edited', 'reopened'] }, issue_comment: { types: ['created', 'edited'] } });
		expect(workflow.permissions).toEqual({ issues: 'write' });
		expect(Object.values(workflow.jobs as Record<string, { steps: { uses: string }[] }>)[0].steps).toEqual([{ uses: 'faultline-kb/faultline@v1' }]);
	});
});
