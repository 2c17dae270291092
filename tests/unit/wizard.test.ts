import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadArticles } from '../../src/lib/content.ts';
import { allPaths, answer, choiceGroupsOf, choicesOf, disproofsOf, firstLineMet, jumpTarget, jumpsOf, nodesById, picksOf, separatingQuestion, start, trailTo, WizardError } from '../../src/wizard/engine.ts';
import { checkTreeFile, commandProblems, fixAnchorsOf } from '../../src/wizard/load.ts';
import { expandSignatures, parseTree, validateTree } from '../../src/wizard/validate.ts';
import type { ErrorCheckNode, WizardTree } from '../../src/wizard/schema.ts';
import { normalizeLine } from '../../src/lib/matcher/normalize.ts';
import { errorCheckTree } from './wizard-trees.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const articles = loadArticles(root);
const real = checkTreeFile(root, articles).tree!;

/** A small valid tree over the real articles, to break in each test. */
function smallTree(): WizardTree {
	return parseTree({
		start: 'start',
		nodes: [
			{
				id: 'start',
				kind: 'question',
				prompt: 'What broke?',
				answers: [
					{ label: 'Nix', next: 'nix-lines' },
					{ label: 'Podman', next: 'podman' },
					{ label: 'Not sure', next: 'lost', wayOut: true },
				],
			},
			{ id: 'nix-lines', kind: 'error-check', prompt: 'Do you see this?', lines: [{ line: 'unable to load seccomp BPF program: Invalid argument', next: 'nix' }], none: 'lost-2' },
			{ id: 'nix', kind: 'result', article: 'nix-installer-seccomp-bpf' },
			{ id: 'podman', kind: 'result', article: 'crun-rootless-supplementary-group', fix: 'keep-groups' },
			{ id: 'lost', kind: 'end', title: 'Lost', text: 'Search or report it.' },
			{ id: 'lost-2', kind: 'end', title: 'Lost', text: 'Search or report it.' },
		],
	}).tree!;
}

const some = articles.filter((a) => ['nix-installer-seccomp-bpf', 'crun-rootless-supplementary-group'].includes(a.data.id));
const problemsOf = (tree: WizardTree, over = some) => validateTree(tree, over.map((a) => a.data), fixAnchorsOf(over)).map(formatProblem);
const edit = (change: (t: WizardTree) => void) => {
	const t = smallTree();
	change(t);
	return problemsOf(t);
};

describe('the wizard engine', () => {
	it('moves from step to step by answers, keeping the answers given', () => {
		const tree = smallTree();
		let state = start(tree);
		state = answer(tree, state, 0);
		expect(state).toEqual({ at: 'nix-lines', answers: [{ node: 'start', choice: 0 }] });
		state = answer(tree, state, 0);
		expect(state.at).toBe('nix');
		expect(choicesOf(nodesById(tree).get('nix')!)).toEqual([]);
	});

	it('offers "None of these" last on an error check', () => {
		const choices = choicesOf(nodesById(smallTree()).get('nix-lines')!);
		expect(choices.map((c) => [c.label, c.next, c.isLine, c.wayOut])).toEqual([
			['unable to load seccomp BPF program: Invalid argument', 'nix', true, false],
			['None of these', 'lost-2', false, true],
		]);
	});

	it('refuses a choice a step does not have', () => {
		expect(() => answer(smallTree(), { at: 'start', answers: [] }, 3)).toThrow(new WizardError('step "start" has 3 choices; there is no choice 3'));
	});

	it('knows the answers that lead to any step', () => {
		expect(trailTo(smallTree(), 'nix')).toEqual([
			{ node: 'start', choices: [0] },
			{ node: 'nix-lines', choices: [0] },
		]);
	});

	it('keeps every line that leads to a step, not the last one alone, and links to it with the line picked', () => {
		// Two wordings of one error lead to the same result: the trail holds both (the page shows the
		// reader's from its address), and a link names its own line only where another leads there too.
		const tree = smallTree();
		const lines = nodesById(tree).get('nix-lines') as ErrorCheckNode;
		lines.lines.push({ line: 'error: unable to load seccomp BPF program: {*}', next: 'nix' });
		expect(trailTo(tree, 'nix')).toEqual([
			{ node: 'start', choices: [0] },
			{ node: 'nix-lines', choices: [0, 1] },
		]);
		expect(picksOf(lines, 0)).toEqual([{ node: 'nix-lines', choice: 0 }]);
		expect(picksOf(lines, 1)).toEqual([{ node: 'nix-lines', choice: 1 }]);
		expect(picksOf(lines, 2)).toEqual([]);
		expect(picksOf(nodesById(tree).get('start')!, 0)).toEqual([]);
	});

	it('in the real tree, every step reached by several lines has them all in its trail', () => {
		const several = real.nodes.filter((n) => choicesOf(n).some((_, i) => picksOf(n, i).length > 0));
		expect(several.length).toBeGreaterThan(0);
		for (const n of several) {
			choicesOf(n).forEach((c, i) => {
				const leading = choicesOf(n).flatMap((d, j) => (d.next === c.next ? [j] : []));
				expect(trailTo(real, c.next).at(-1)).toEqual({ node: n.id, choices: leading });
				expect(picksOf(n, i)).toEqual(leading.length > 1 ? [{ node: n.id, choice: i }] : []);
			});
		}
	});

	it('jumps to the result for one article, and to the question that separates several', () => {
		const jumps = jumpsOf(smallTree());
		expect(jumpTarget(jumps, ['nix-installer-seccomp-bpf'])).toBe('nix');
		expect(jumpTarget(jumps, ['nix-installer-seccomp-bpf', 'crun-rootless-supplementary-group'])).toBe('start');
		expect(jumpTarget(jumps, ['no-such-article'])).toBeUndefined();
	});

	it("finds the first of an error check's lines whose pattern a text meets, holes filled, or none", () => {
		const node = nodesById(smallTree()).get('nix-lines') as ErrorCheckNode;
		node.lines.push({ line: 'error: cannot open {path}: {*}', next: 'lost' });
		const seen = normalizeLine("Nov 23 host nix[12]: error: cannot open /nix/var/nix/db/big-lock: Permission denied");
		expect(firstLineMet(node, seen)).toBe(1);
		expect(firstLineMet(node, ['nothing known here', seen, normalizeLine('error: unable to load seccomp BPF program: Invalid argument')])).toBe(0);
		expect(firstLineMet(node, ['nothing known here'])).toBe(-1);
		expect(firstLineMet(node, [])).toBe(-1);
	});

	it('names the question that tells several causes apart, and none for one cause', () => {
		const jumps = jumpsOf(smallTree());
		expect(separatingQuestion(jumps, ['nix-installer-seccomp-bpf', 'crun-rootless-supplementary-group'])).toEqual({ step: 'start', prompt: 'What broke?', path: '/wizard/start/' });
		expect(separatingQuestion(jumps, ['nix-installer-seccomp-bpf'])).toBeUndefined();
	});
});

describe('validating the tree', () => {
	it('accepts the small tree and the real one', () => {
		expect(problemsOf(smallTree())).toEqual([]);
		expect(checkTreeFile(root, articles).problems).toEqual([]);
	});

	it.each<[string, (t: WizardTree) => void]>([
		['a duplicate step id', (t) => t.nodes.push({ ...t.nodes[4] })],
		['a reserved step id', (t) => ((t.nodes[4] as { id: string }).id = 'map')],
		['a missing start', (t) => (t.start = 'begin')],
		['an answer leading nowhere', (t) => ((t.nodes[0] as { answers: { next: string }[] }).answers[1].next = 'podmann')],
		['a step with two ways in', (t) => ((t.nodes[1] as { none: string }).none = 'lost')],
		['a cycle back to the start', (t) => ((t.nodes[1] as { none: string }).none = 'start')],
		['an unknown article', (t) => ((t.nodes[2] as { article: string }).article = 'nix-no-such-thing')],
		['an unknown fix', (t) => ((t.nodes[3] as { fix: string }).fix = 'reboot')],
		['a line that is no signature', (t) => ((t.nodes[1] as { lines: { line: string }[] }).lines[0].line = 'something went wrong')],
		['a question without a way out', (t) => ((t.nodes[0] as { answers: { wayOut: boolean }[] }).answers[2].wayOut = false)],
		['an article no path reaches', (t) => ((t.nodes[3] as { article: string }).article = 'nix-installer-seccomp-bpf')],
	])('names the file and step for %s', (_, change) => {
		expect(edit(change)).toMatchSnapshot();
	});

	it('lists a diagnostic that holds as a line only where the step runs its command (crun#1238: no error, only the rundir)', () => {
		const crun = articles.filter((a) => a.data.id === 'crun-state-dir-mismatch');
		const rundir = crun[0].data.diagnostics.find((d) => d.means === 'holds')!;
		const withRundir = (command: string | undefined) => {
			const t = smallTree();
			const check = t.nodes[1] as ErrorCheckNode;
			check.lines.push({ line: rundir.pattern ?? rundir.output, next: 'crun' });
			check.command = command;
			t.nodes.push({ id: 'crun', kind: 'result', article: 'crun-state-dir-mismatch' });
			return problemsOf(t, [...some, ...crun]);
		};
		expect(withRundir(`${rundir.command}; crun list`)).toEqual([]);
		expect(withRundir('crun list')).toEqual([
			`src/content/wizard/tree.yaml › step "nix-lines" › lines.1.line: lists "${rundir.pattern ?? rundir.output}", a diagnostic's output, but the step's \`command\` does not run \`${rundir.command}\`, which prints it. Fix: add \`${rundir.command}\` to the step's \`command\`, so the reader has the output the line asks about.`,
		]);
	});

	it('names an unreachable step', () => {
		const t = smallTree();
		t.nodes.push({ id: 'orphan', kind: 'end', title: 'Orphan', text: 'Nobody comes here.', suggest: [] });
		expect(problemsOf(t)).toMatchInlineSnapshot(`
			[
			  "src/content/wizard/tree.yaml › step "orphan": step "orphan" cannot be reached from the start. Fix: lead an answer to it, or remove it.",
			]
		`);
	});

	it('names a cycle between steps', () => {
		const t = smallTree();
		t.nodes.push({ id: 'loop-a', kind: 'question', prompt: 'Loop a?', answers: [{ label: 'b', next: 'loop-b', wayOut: true }, { label: 'x', next: 'lost-3', wayOut: false }] });
		t.nodes.push({ id: 'loop-b', kind: 'question', prompt: 'Loop b?', answers: [{ label: 'a', next: 'loop-a', wayOut: true }, { label: 'y', next: 'nix-2', wayOut: false }] });
		t.nodes.push({ id: 'lost-3', kind: 'end', title: 'Lost', text: 'Search or report it.', suggest: [] }, { id: 'nix-2', kind: 'result', article: 'nix-installer-seccomp-bpf' });
		(t.nodes[0] as { answers: { label: string; next: string; wayOut: boolean }[] }).answers.push({ label: 'loop', next: 'loop-a', wayOut: false });
		expect(problemsOf(t)).toMatchInlineSnapshot(`
			[
			  "src/content/wizard/tree.yaml › step "loop-b" › answers.0.next: step "loop-a" is reached from both "start" and "loop-b". Fix: give every step one way in, so its page can show the answers that led to it: copy the step under a new id for the second way.",
			  "src/content/wizard/tree.yaml › step "loop-a": the steps "loop-a" → "loop-b" → "loop-a" form a cycle. Fix: every path must move forward and end at a result or an end step.",
			]
		`);
	});

	it('names a text whose backticks leave a span unclosed or pair wrongly', () => {
		const t = smallTree();
		(t.nodes[0] as { answers: { label: string }[] }).answers[1].label = '`make `…/merged` private: Permission denied`';
		(t.nodes[0] as { prompt: string }).prompt = 'Does `podman run print anything?';
		expect(problemsOf(t)).toMatchInlineSnapshot(`
			[
			  "src/content/wizard/tree.yaml › step "start" › prompt: the backticks at character 6 of "Does \`podman run print anything?" open a code span that nothing closes, so the page would show them as text. Fix: close the span with as many backticks as opened it; code that holds a backtick is opened and closed with two: \`\`make \`…/merged\` private\`\`.",
			  "src/content/wizard/tree.yaml › step "start" › answers.1.label: the code span at character 1 of "\`make \`…/merged\` private: Permission denied\`" pairs with the wrong backtick (its code ends in a space before a word, or starts with one after a word), so the page would show pieces of code and text. Fix: open and close code that holds a backtick with two: \`\`make \`…/merged\` private\`\`.",
			]
		`);
	});

	it('names a retired article and its replacement', () => {
		const retired = some.map((a) => (a.data.id === 'nix-installer-seccomp-bpf' ? { ...a, data: { ...a.data, status: 'retired' as const, replacedBy: 'crun-rootless-supplementary-group' } } : a));
		expect(problemsOf(smallTree(), retired)).toMatchInlineSnapshot(`
			[
			  "src/content/wizard/tree.yaml › step "nix" › article: names the retired article "nix-installer-seccomp-bpf". Fix: point it at its replacement, "crun-rootless-supplementary-group".",
			]
		`);
	});

	it('names a step of an unknown kind, and an unknown field', () => {
		const raw = { start: 'start', nodes: [{ id: 'start', kind: 'poll', prompt: 'x' }, { id: 'end', kind: 'end', title: 'End', text: 'The end of it all.', colour: 'red' }] };
		expect(parseTree(raw).problems.map(formatProblem)).toMatchInlineSnapshot(`
			[
			  "src/content/wizard/tree.yaml › step "start" › kind: \`kind\` Invalid discriminator value. Expected 'question' | 'error-check' | 'result' | 'end' (got "poll"). Fix: set \`kind\` to question, error-check, result or end.",
			  "src/content/wizard/tree.yaml › step "end" › colour: unknown field \`colour\`. Fix: remove the unknown field (see src/wizard/schema.ts for the fields of each kind).",
			]
		`);
	});
});

describe('what would prove a result wrong', () => {
	it("offers the article's rules-out diagnostics on its result steps, and nothing elsewhere", () => {
		const data = new Map(articles.map((a) => [a.data.id, a.data]));
		const byId = nodesById(real);
		const diagnostics = data.get('multipass-macos-firewall-bootpd')!.diagnostics;
		const snap = disproofsOf(byId.get('result-multipass-macos-firewall')!, diagnostics);
		expect(snap.length).toBeGreaterThan(0);
		expect(snap).toEqual(diagnostics.filter((d) => d.means === 'rules-out').map(({ command, output, why }) => ({ command, output, why })));
		// Not a result step: nothing, even given an article's rules-out output.
		expect(disproofsOf(byId.get('snap-nfs-where')!, diagnostics)).toEqual([]);
		const withSome = real.nodes.filter((n) => n.kind === 'result' && disproofsOf(n, data.get(n.article)!.diagnostics).length > 0).map((n) => (n as { article: string }).article);
		expect(new Set(withSome).size).toBeGreaterThanOrEqual(10);
	});
});

describe('the structural checks of issue 18', () => {
	it('refuses a question whose answers all lead to one place, counting a result as its article and fix', () => {
		const t = smallTree();
		(t.nodes[0] as { answers: { next: string }[] }).answers.forEach((a) => (a.next = 'nix-lines'));
		expect(problemsOf(t).filter((p) => p.includes('same place'))).toEqual([
			'src/content/wizard/tree.yaml › step "start": every answer of "start" leads to the same place (step "nix-lines"), so asking it tells the reader nothing. Fix: lead its answers to different steps, articles or fixes, or remove the question and lead its way in straight on.',
		]);
		const fixes = parseTree({
			start: 'q',
			nodes: [
				{ id: 'q', kind: 'question', prompt: 'Which one?', answers: [{ label: 'a', next: 'r1' }, { label: 'b', next: 'r2', wayOut: true }] },
				{ id: 'r1', kind: 'result', article: 'crun-rootless-supplementary-group', fix: 'keep-groups' },
				{ id: 'r2', kind: 'result', article: 'crun-rootless-supplementary-group' },
			],
		}).tree!;
		const crun = articles.filter((a) => a.data.id === 'crun-rootless-supplementary-group');
		expect(problemsOf(fixes, crun)).toEqual([]);
		(fixes.nodes[1] as { fix?: string }).fix = undefined;
		expect(problemsOf(fixes, crun).join('\n')).toContain('(crun-rootless-supplementary-group#reachable-path)');
	});

	it('spells out signaturesOf as every signature of the article after the lines, the shared ones to `shared`, and refuses a wording left out', () => {
		const raw = errorCheckTree(
			{ lines: [{ line: 'error: cloning builder process: Operation not permitted', next: 'r' }], signaturesOf: [{ article: 'nix-sandbox-cloning-builder', next: 'r' }] },
			{ r: 'nix-sandbox-cloning-builder', s: { article: 'nix-sandbox-cloning-builder', note: 'Shared lines.' } },
		);
		const nix = articles.filter((a) => a.data.id === 'nix-sandbox-cloning-builder');
		const sigs = nix[0].data.signatures;
		const decisive = sigs.filter((s) => s.decisive !== false).map((s) => s.pattern ?? s.line);
		const shared = sigs.filter((s) => s.decisive === false).map((s) => s.pattern ?? s.line);
		expect(shared).toContain('error: unable to start build process');
		// Without `shared`, the non-decisive lines are left out, and validation names each one.
		const without = expandSignatures(raw, nix.map((a) => a.data));
		const lines = (without.nodes[0] as { lines: { line: string }[] }).lines.map((l) => l.line);
		expect(lines[0]).toBe('error: cloning builder process: Operation not permitted');
		expect(new Set(lines)).toEqual(new Set(decisive));
		const problems = validateTree(without, nix.map((a) => a.data), fixAnchorsOf(nix)).map(formatProblem);
		expect(problems).toContain(
			'src/content/wizard/tree.yaml › step "e" › signaturesOf.0: "nix-sandbox-cloning-builder" is named in signaturesOf, but its error line "error: unable to start build process" is not offered here, so a reader with that wording finds nothing. Fix: give the entry a `shared:` step (the question that tells the causes of its non-decisive lines apart), or list the line under `lines` leading to one.',
		);
		expect(problems.filter((p) => p.includes("is not offered here"))).toHaveLength(shared.length);
		// With `shared`, they come after the decisive ones, leading there; the step is then complete.
		(raw.nodes[0] as { signaturesOf: { shared?: string }[] }).signaturesOf[0].shared = 's';
		const withShared = (expandSignatures(raw, nix.map((a) => a.data)).nodes[0] as { lines: { line: string; next: string }[] }).lines;
		expect(withShared.filter((l) => l.next === 's').map((l) => l.line)).toEqual(shared);
		expect(withShared.findIndex((l) => l.next === 's')).toBe(decisive.length);
		expect(validateTree(expandSignatures(raw, nix.map((a) => a.data)), nix.map((a) => a.data), fixAnchorsOf(nix)).map(formatProblem)).toEqual([]);
		(raw.nodes[0] as { signaturesOf: { article: string }[] }).signaturesOf[0].article = 'nix-gone';
		expect(validateTree(raw, nix.map((a) => a.data), fixAnchorsOf(nix)).map(formatProblem)).toContain(
			'src/content/wizard/tree.yaml › step "e" › signaturesOf.0.article: signaturesOf names "nix-gone", which is not an active article. Fix: name the slug of an active article in src/content/docs/kb/.',
		);
	});

	it("lists a line after the line its own article's excludeWhen names as another cause (quadlet-nix#3)", () => {
		const pair = articles.filter((a) => ['podman-newuidmap-missing', 'podman-newuidmap-not-setuid'].includes(a.data.id));
		const raw = errorCheckTree(
			{
				signaturesOf: [
					{ article: 'podman-newuidmap-missing', next: 'missing' },
					{ article: 'podman-newuidmap-not-setuid', next: 'setuid' },
				],
			},
			{ missing: 'podman-newuidmap-missing', setuid: 'podman-newuidmap-not-setuid' },
		);
		const lines = (expandSignatures(raw, pair.map((a) => a.data)).nodes[0] as { lines: { line: string; next: string }[] }).lines;
		const firstMissing = lines.findIndex((l) => l.next === 'missing');
		const setuid = lines.findIndex((l) => l.line.includes('should have setuid or have filecaps setuid'));
		expect(setuid).toBeGreaterThanOrEqual(0);
		expect(setuid).toBeLessThan(firstMissing);
	});

	it('groups a long list of lines by the words a reader sees, in the groups\' order, and keeps choice n the n-th listed', () => {
		const pair = articles.filter((a) => ['podman-newuidmap-missing', 'podman-newuidmap-not-setuid'].includes(a.data.id));
		const raw = {
			start: 'e',
			nodes: [
				{
					id: 'e',
					kind: 'error-check',
					prompt: 'Do you see one?',
					groups: [
						{ title: 'Setuid: setuid, filecaps', words: ['setuid', 'filecaps'] },
						{ title: 'Not found: newuidmap', words: ['newuidmap'] },
						{ title: 'Any other line' },
					],
					signaturesOf: [
						{ article: 'podman-newuidmap-missing', next: 'missing', shared: 'shared' },
						{ article: 'podman-newuidmap-not-setuid', next: 'setuid', shared: 'shared' },
					],
					none: 'x',
				},
				{ id: 'missing', kind: 'result', article: 'podman-newuidmap-missing' },
				{ id: 'setuid', kind: 'result', article: 'podman-newuidmap-not-setuid' },
				{ id: 'shared', kind: 'end', title: 'Several causes', text: 'Other causes print these lines too.' },
				{ id: 'x', kind: 'end', title: 'None', text: 'Search or report it.' },
			],
		};
		const tree = expandSignatures(parseTree(raw).tree!, pair.map((a) => a.data));
		const node = tree.nodes[0] as ErrorCheckNode;
		// Every line under the first group whose words it shows: the setuid lines first, then newuidmap's.
		for (const l of node.lines) if (/setuid|filecaps/i.test(l.line)) expect(l.group).toBe(0);
		for (const l of node.lines) if (!/setuid|filecaps/i.test(l.line) && /newuidmap/i.test(l.line)) expect(l.group).toBe(1);
		expect(node.lines.map((l) => l.group)).toEqual([...node.lines.map((l) => l.group!)].sort());
		// A pattern whose hole hides the word goes by its article's verbatim line: `cannot find {*}: exec: …` is newuidmap's.
		const hidden = node.lines.find((l) => l.line.startsWith('cannot find {*}'));
		expect(hidden?.group).toBe(1);
		// The page's runs: one per group that has lines, then the way out alone; the n-th choice listed is choice n.
		const runs = choiceGroupsOf(node);
		expect(runs.map((r) => r.title)).toEqual(['Setuid: setuid, filecaps', 'Not found: newuidmap', ...(node.lines.some((l) => l.group === 2) ? ['Any other line'] : []), undefined]);
		expect(runs.flatMap((r) => r.choices.map((c) => c.index))).toEqual(choicesOf(node).map((_, i) => i));
		expect(runs.at(-1)!.choices.map((c) => c.choice.label)).toEqual(['None of these']);
		expect(validateTree(tree, pair.map((a) => a.data), fixAnchorsOf(pair)).map(formatProblem)).toEqual([]);
		// The ruled-out order across groups, a group without words before others, a line in no group, an empty group.
		const broken = (groups: unknown[]) => {
			const t = expandSignatures(parseTree({ ...raw, nodes: [{ ...raw.nodes[0], groups }, ...raw.nodes.slice(1)] }).tree!, pair.map((a) => a.data));
			return validateTree(t, pair.map((a) => a.data), fixAnchorsOf(pair)).map(formatProblem);
		};
		expect(broken([{ title: 'Not found: newuidmap', words: ['newuidmap'] }, { title: 'Setuid: setuid, filecaps', words: ['setuid'] }]).some((p) => p.includes('which its article rules out (excludeWhen)'))).toBe(true);
		expect(broken([{ title: 'Any other line' }, { title: 'Setuid: setuid', words: ['setuid'] }])).toContain(
			'src/content/wizard/tree.yaml › step "e" › groups.0: the group "Any other line" has no words, so it takes every line the groups before it do not, and the groups after it get none. Fix: give it `words`, or move it to the end of `groups`.',
		);
		expect(broken([{ title: 'Setuid: setuid', words: ['setuid'] }]).some((p) => p.includes('shows none of the groups\' words'))).toBe(true);
		expect(broken([{ title: 'Keyrings: keyring', words: ['keyring'] }, { title: 'Any other line' }])).toContain(
			'src/content/wizard/tree.yaml › step "e" › groups.0: no line of the step goes under the group "Keyrings: keyring", so the page would show an empty heading. Fix: change its `words` to ones the step\'s lines show, or remove the group.',
		);
	});

	it("refuses an error line that sends another article's own line straight to a result", () => {
		const pair = articles.filter((a) => ['podman-subuid-not-picked-up', 'podman-subuid-range-includes-own-uid'].includes(a.data.id));
		const line = 'there might not be enough IDs available in the namespace (requested {*} for {*}): {*}: invalid argument';
		const t = errorCheckTree(
			{ lines: [{ line, next: 'a' }, { line: 'newuidmap: write to uid_map failed: Invalid argument', next: 'b' }] },
			{ a: 'podman-subuid-not-picked-up', b: 'podman-subuid-range-includes-own-uid' },
		);
		const problems = problemsOf(t, pair);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(/^src\/content\/wizard\/tree\.yaml › step "e": the error line of "podman-subuid-range-includes-own-uid" \("ERRO\[0009\] Error while applying layer: .*"\) is first met by "there might not be enough IDs .*", which leads straight to "podman-subuid-not-picked-up"/);
		(t.nodes[0] as { lines: { next: string }[] }).lines[0].next = 'x';
		expect(problemsOf(t, pair).filter((p) => p.includes('first met by'))).toEqual([]);
	});

	it('runs every command through ShellCheck and the named rules, naming the step', () => {
		const t = smallTree();
		(t.nodes[0] as { command?: string }).command = 'findmnt -T /nix/store /nix/.ro-store';
		(t.nodes[1] as { command?: string }).command = 'ls $HOME/*.conf';
		expect(commandProblems(t).map(formatProblem)).toEqual([
			expect.stringMatching(/^src\/content\/wizard\/tree\.yaml › step "start" › command: the command breaks findmnt-several-paths \(line 1 of the command\)/),
			expect.stringMatching(/^src\/content\/wizard\/tree\.yaml › step "nix-lines" › command: the command breaks SC2086 \(line 1 of the command\)/),
		]);
		expect(commandProblems(real)).toEqual([]);
	});
});

describe('every path through the real tree', () => {
	it('ends where the reviewed table says', () => {
		const byId = nodesById(real);
		const table = allPaths(real).map((state) => {
			const steps = state.answers.map((a) => choicesOf(byId.get(a.node)!)[a.choice].label).join(' › ');
			const end = byId.get(state.at)!;
			return `${steps}  =>  ${end.kind === 'result' ? end.article : `(end) ${end.id}`}`;
		});
		expect(table).toMatchSnapshot();
	});
});
