import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/lib/knowledge-base.ts';
import { compileIndex } from '../../src/lib/matcher/build.ts';
import { createMatcher, ruledOutBy } from '../../src/lib/matcher/index.ts';
import { answer, levelOf, loadEvalSet, reliability, shareRight, type EvalAnswer } from '../../src/lib/eval-set.ts';
import { RELIABILITY_TARGETS, SCORING } from '../../src/lib/matcher/scoring.ts';
import { createProseRanker, PROSE, proseIndexOf, readersWord, textKind } from '../../src/lib/prose.ts';
import { proseCliMessages, proseMessages } from '../../src/lib/messages.ts';
import { proseDocsOf } from '../../src/lib/prose-docs.ts';
import { normalizeLine } from '../../src/lib/matcher/normalize.ts';
import { hostRulesOut, hostsNamedIn } from '../../src/lib/hosts.ts';
import { articleSchema } from '../../src/lib/article-schema.ts';
import { validData } from './fixtures.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
// The model's articles (read and checked once per process, in the order the site and the CLI use).
const articles = loadKnowledgeBase(root).articles;
const ranker = createProseRanker(proseDocsOf(articles));

describe('how a text reads', () => {
	/** Real texts by how they must read. */
	const readAs = {
		// A few plain words are a search.
		words: ['subuid', 'rootless podman nfs', 'newuidmap setuid'],
		// Sentences are a description, even when they name a path (NixOS/nix#7215, the installer refusing leftover backup files, told in words).
		prose: [
			'I am trying to run containers with CPU or memory limits, the container fails to start',
			'I have seen a couple times that the nix installer fails when a file at `/etc/bash.bashrc.backup-before-nix` already exists. After that file was deleted, we reran the installer and got the same error.',
		],
		// A log line with a path and a few words stays a log.
		log: ['cannot open path of the current working directory: Permission denied\nuser@host:/repos/src$ ls /repos/src/app', 'Error: stat /home/alice/.config/containers/storage.conf: permission denied'],
	} as const;
	for (const [kind, texts] of Object.entries(readAs)) {
		it(`reads each of ${texts.length} texts as ${kind}`, () => {
			expect(texts.map((t) => [t, textKind(t)])).toEqual(texts.map((t) => [t, kind]));
		});
	}

	it('reads a Nix evaluation trace as a log: a bare `error:` line and `…` trace lines (microvm-nix/microvm.nix#333)', () => {
		const trace = "nix run --show-trace microvm#graphics neverball\nerror:\n       … while calling the 'derivationStrict' builtin\n       … while evaluating derivation 'microvm-cloud-hypervisor-graphical-microvm'\n       error: undefined variable 'kernelAtLeast'";
		expect(textKind(trace)).toBe('log');
		// The same words in sentences stay a description.
		expect(textKind('The example VM does not build: evaluating it stops with an undefined variable.\nI am on NixOS 24.11 under WSL.')).toBe('prose');
	});

	it('calls error and command output a log', () => {
		expect(textKind('Error: OCI runtime error: crun: the requested cgroup controller `cpu` is not available')).toBe('log');
		expect(textKind('Jan 18 14:04:36 host kernel: overlayfs: failed to resolve \'/sysroot/nix/.ro-store\': -2\nJan 18 14:04:37 host systemd[1]: Failed to mount /sysroot/nix/store.')).toBe('log');
	});
});

describe('descriptions', () => {
	it("reads a description's host systems in as many characters as the matcher reads a paste's", () => {
		expect(PROSE.queryChars).toBe(SCORING.hostScan);
	});

	it('ranks the article whose symptoms a description gives', () => {
		expect(ranker.rank('I am trying to run containers with CPU or memory limits, the container fails to start')[0]?.id).toBe('podman-cgroup-controller-not-delegated');
	});

	it('counts no everyday word of a sentence as a word shared with an article', () => {
		// podman-container-tools/podman#10186, told in words: "says", "all", "need", "same", "give" are in
		// long root causes by chance, and put the no-subuid-range article above the one about the own UID.
		const text = "Can't use podman alongside docker\n\nThe screenshot says it all.\n\nI need to have my UID in this file for docker to be able to operate in the same manner as podman's \"rootless\" which I need to facilitate my development environment workflow.\n\nPodman should not give a F about my UID being in this file.";
		const first = ranker.rank(text)[0];
		expect(first?.id).toBe('podman-subuid-range-includes-own-uid');
		expect(first?.shared.map((s) => s.word)).not.toEqual(expect.arrayContaining(['says']));
		expect(first?.shared.map((s) => s.word).filter((w) => ['all', 'need', 'same', 'give', 'being', 'able'].includes(w))).toEqual([]);
		// Everyday words alone are no description.
		expect(ranker.rank('I need the same thing as all the others, and it says so every time now')).toEqual([]);
		// The list's last words, each one a stop word (they once ran together into one word, "suresince").
		for (const word of ['sure', 'since', 'version', 'versions']) expect(ranker.rank(word), word).toEqual([]);
	});

	it('answers a search that shares only words many articles hold with no likely article (a report title alone)', () => {
		// podman-container-tools/podman#9936's title: "rootless", "podman", "since" and "version" each stand
		// in a fifth or more of the articles; the report is a storage regression no article covers.
		const title = "Rootless Podman won't work since version 3.1.0";
		expect(textKind(title)).toBe('words');
		expect(ranker.rank(title)).toEqual([]);
		// A search with one word few articles hold still lists them.
		expect(ranker.rank('rootless podman subuid').map((r) => r.id)).toContain('podman-no-subuid-range-for-user');
	});

	it('finds articles by a single distinctive word', () => {
		// A word shared by several articles lists each of them (here the three subuid articles).
		expect(ranker.rank('subuid').map((r) => r.id)).toEqual(expect.arrayContaining(['podman-subuid-not-picked-up', 'podman-no-subuid-range-for-user']));
		expect(ranker.rank('erofs')[0]?.id).toBe('microvm-erofs-store-ownership');
	});

	it('narrows the likely articles to the product the reader chose', () => {
		const description = 'I am trying to run containers with CPU or memory limits, the container fails to start';
		const products = new Map(articles.map((a) => [a.data.id, a.data.products]));
		expect(ranker.rank(description, undefined, { product: 'podman' })[0]?.id).toBe('podman-cgroup-controller-not-delegated');
		// Chosen another product, the Podman article is never offered; whatever is, is that product's.
		const multipass = ranker.rank(description, undefined, { product: 'multipass' });
		expect(multipass.map((m) => m.id)).not.toContain('podman-cgroup-controller-not-delegated');
		for (const m of multipass) expect(products.get(m.id)).toContain('multipass');
		// A search narrows the same way: "subuid" is a Podman word, and no Nix article is about it.
		expect(ranker.rank('subuid', undefined, { product: 'podman' }).map((r) => r.id)).toContain('podman-subuid-not-picked-up');
		for (const m of ranker.rank('erofs store', undefined, { product: 'nix' })) expect(products.get(m.id)).toContain('nix');
	});

	it('answers nothing when no article stands out', () => {
		expect(ranker.rank('my computer is slow today and the fan is loud')).toEqual([]);
	});

	it('does not offer as likely an article the text itself rules out', () => {
		const matcher = createMatcher(loadKnowledgeBase(root).matcherIndex());
		// Real texts whose first ranked article is one their own lines rule out (an excludeWhen met),
		// e.g. launchd refusing the daemon with error 5, not 119 (NixOS/nix#9969).
		const ruledOutFirst = loadEvalSet(root).filter((i) => {
			const first = ranker.rank(i.text)[0]?.id;
			return first !== undefined && matcher.match(i.text).excluded.some((e) => e.article.id === first);
		});
		expect(ruledOutFirst.length).toBeGreaterThan(0);
		for (const item of ruledOutFirst) expect(answer(matcher, [item], ranker)[0].got).not.toBe(ranker.rank(item.text)[0]?.id);
	});

	it('honours an excludeWhen text in a description that matches none of the article lines', () => {
		const matcher = createMatcher(loadKnowledgeBase(root).matcherIndex());
		// The same ranker without any excludeWhen text: what the words alone rank first.
		const blind = createProseRanker(proseDocsOf(articles).map((d) => ({ ...d, excludeWhen: [] })));
		const docs = new Map(proseDocsOf(articles).map((d) => [d.id, d]));
		// Real texts (among them stackrox/collector#2336) whose words alone rank an article first while holding one of
		// its excludeWhen texts, and that no error line of any article matches: found in the eval set, not listed,
		// so that a new article that changes their ranking changes which texts these are, not whether the rule holds.
		const holdsExclusion = (text: string, id: string) => docs.get(id)!.excludeWhen.some((t) => text.split('\n').some((line) => normalizeLine(line).includes(t)));
		const items = loadEvalSet(root).filter((i) => {
			const first = blind.rank(i.text)[0]?.id;
			return first !== undefined && holdsExclusion(i.text, first) && matcher.match(i.text).matches.length === 0;
		});
		expect(items.map((i) => i.id)).toContain('s7p-neg-stackrox-2336-short-name-enforced-tty');
		for (const item of items) {
			const first = blind.rank(item.text)[0].id;
			expect(ranker.rank(item.text).map((m) => m.id), item.id).not.toContain(first);
		}
		// Without the excludeWhen words the same article is answered: the text, not the article, decides.
		const stackrox = items.find((i) => i.id === 's7p-neg-stackrox-2336-short-name-enforced-tty')!;
		expect(answer(matcher, [stackrox], ranker)[0].got).toBeNull();
		const withoutExclusion = stackrox.text.replace(/short-name resolution enforced but cannot prompt without a TTY/g, 'short-name resolution fails');
		expect(blind.rank(withoutExclusion)[0]?.id).toBe('podman-short-name-no-search-registries');
		expect(ranker.rank(withoutExclusion)[0]?.id).toBe('podman-short-name-no-search-registries');
	});

	it('never answers a description from the matcher, and its likely answers are counted apart', () => {
		const matcher = createMatcher(loadKnowledgeBase(root).matcherIndex());
		const answers = answer(matcher, loadEvalSet(root), ranker);
		const levels = Object.fromEntries(reliability(answers).map(([level, right, n]) => [level, { right, n }]));
		expect(levels.likely.n).toBeGreaterThan(0);
		// Descriptions are never "high": that level belongs to an exact error line.
		expect(answers.filter((a) => a.item.kind === 'prose' && a.confidence === 'high')).toEqual([]);
		// Every level holds what it is said to mean (scoring.ts RELIABILITY_TARGETS) on all the eval data.
		for (const row of reliability(answers)) {
			expect(row[2], row[0]).toBeGreaterThan(0);
			expect(shareRight(row), row[0]).toBeGreaterThanOrEqual(RELIABILITY_TARGETS[row[0]]);
		}
	});

	it('counts tied candidates as their own level, right when the label is among them, and a single medium answer by its first article', () => {
		const item = { id: 'x', source: 'o/r#1', text: '', expected: 'b', kind: 'line' as const };
		const tied: EvalAnswer = { item, got: 'a', confidence: 'medium', ambiguous: true, right: false, amongCandidates: true };
		const single: EvalAnswer = { item, got: 'a', confidence: 'medium', ambiguous: false, right: false, amongCandidates: false };
		expect([levelOf(tied), levelOf(single), levelOf({ confidence: null, ambiguous: false })]).toEqual(['ambiguous', 'medium', null]);
		const rows = Object.fromEntries(reliability([tied, single]).map((row) => [row[0], row]));
		expect(shareRight(rows.ambiguous)).toBe(1);
		expect(shareRight(rows.medium)).toBe(0);
		expect(shareRight(rows.high)).toBeUndefined();
	});
});

describe('search results when no article stands out', () => {
	const matcher = createMatcher(loadKnowledgeBase(root).matcherIndex());
	// Descriptions of covered problems in plain words, as a first-time reader typed them (the s11 new-user
	// report, item 2): each got "no article stands out" and nothing else.
	const NFS = 'rootless podman fails when my home directory is on NFS';

	it('answers exactly as rank does, from the same search', () => {
		const texts = [...loadEvalSet(root).map((i) => i.text), NFS, 'subuid', 'my computer is slow today and the fan is loud'];
		for (const text of texts) {
			const ruledOut = ruledOutBy(matcher.match(text));
			expect(ranker.ranking(text, ruledOut).likely, text.slice(0, 60)).toEqual(ranker.rank(text, ruledOut));
		}
	});

	it('lists the closest articles, with the covered one among them, as no answer', () => {
		const r = ranker.ranking(NFS);
		expect(r.likely).toEqual([]);
		expect(r.closest.map((m) => m.id)).toContain('podman-rootless-storage-on-nfs');
		expect(r.closest.length).toBeLessThanOrEqual(PROSE.closest.top);
		// Why each is listed: the words it shares with the text, each with the fields that hold it.
		const nfs = r.closest.find((m) => m.id === 'podman-rootless-storage-on-nfs')!;
		expect(nfs.shared.map((s) => s.word)).toEqual(expect.arrayContaining(['nfs', 'podman', 'rootless']));
		expect(nfs.shared.find((s) => s.word === 'nfs')?.fields).toContain('title');
		// Each of the reader's words once, however many of the article's words it met ("launch": "launched", "launches").
		for (const m of r.closest) expect(new Set(m.shared.map((s) => s.word)).size).toBe(m.shared.length);
		const launch = ranker.ranking('multipass launch hangs on my laptop and then times out').closest.flatMap((m) => m.shared).filter((s) => s.word === 'launch');
		expect(launch.length).toBeGreaterThan(0);
		for (const s of launch) expect(s.as).toBeUndefined();
		// Best first, each within its share of the first.
		const scores = r.closest.map((m) => m.relative);
		expect(scores).toEqual([...scores].sort((a, b) => b - a));
		for (const m of r.closest) expect(m.relative).toBeGreaterThanOrEqual(PROSE.closest.share);
		// The eval set's answer for the text stays none: the closest articles are no answer.
		const item = { id: 'nfs', source: 'local', text: NFS, expected: null, kind: 'prose' as const };
		expect(answer(matcher, [item], ranker)[0]).toMatchObject({ got: null, confidence: null });
	});

	it('lists none beside likely articles', () => {
		const r = ranker.ranking('I am trying to run containers with CPU or memory limits, the container fails to start');
		expect(r.likely[0]?.id).toBe('podman-cgroup-controller-not-delegated');
		expect(r.closest).toEqual([]);
		for (const item of loadEvalSet(root)) {
			const ranked = ranker.ranking(item.text, ruledOutBy(matcher.match(item.text)));
			if (ranked.likely.length) expect(ranked.closest, item.id).toEqual([]);
		}
	});

	it('lists no article a word met only one or two letters off, or a product name alone, brings', () => {
		// "computer" meets "computed" and "computes" by the typo allowance: no reason to list those articles.
		expect(ranker.ranking('my computer is slow today and the fan is loud')).toMatchObject({ likely: [], closest: [] });
		// "rootless" and "podman" stand in a fifth or more of the articles: they name a product, not a failure.
		expect(ranker.ranking("Rootless Podman won't work since version 3.1.0").closest).toEqual([]);
	});

	it('never lists an article the text rules out', () => {
		// Real texts whose first-ranked article their own lines rule out (an excludeWhen met), with no likely article.
		const items = loadEvalSet(root).filter((i) => ['s6a-neg-multipass-1972-hypervisor-launch-off', 's7p-neg-stackrox-2336-short-name-enforced-tty'].includes(i.id));
		expect(items).toHaveLength(2);
		const ruledOutArticles = ['multipass-windows-hyperv-stale-ics-lease', 'podman-short-name-no-search-registries'];
		for (const [n, item] of items.entries()) {
			const ranked = ranker.ranking(item.text, ruledOutBy(matcher.match(item.text)));
			expect(ranked.likely, item.id).toEqual([]);
			expect(ranked.closest.map((m) => m.id), item.id).not.toContain(ruledOutArticles[n]);
		}
		// An article the matcher ruled out is left out too.
		const first = ranker.ranking(NFS).closest[0].id;
		expect(ranker.ranking(NFS, new Set([first])).closest.map((m) => m.id)).not.toContain(first);
	});

	it('narrows the closest articles to the product the reader chose', () => {
		const products = new Map(articles.map((a) => [a.data.id, a.data.products]));
		const podman = ranker.ranking(NFS, undefined, { product: 'podman' }).closest;
		expect(podman.map((m) => m.id)).toContain('podman-rootless-storage-on-nfs');
		for (const m of podman) expect(products.get(m.id)).toContain('podman');
		for (const m of ranker.ranking(NFS, undefined, { product: 'multipass' }).closest) expect(products.get(m.id)).toContain('multipass');
	});

	it('gives the text’s informative words for the pages’ search: lower case, each once, no stop word', () => {
		expect(ranker.ranking(NFS).words).toEqual(['rootless', 'podman', 'home', 'directory', 'nfs']);
		expect(ranker.ranking('Subuid subuid').words).toEqual(['subuid']);
		expect(ranker.ranking('a b c d e f g h i j k l m n o p q r s t u v w x y z alpha beta gamma delta epsilon zeta eta theta iota kappa').words).toHaveLength(PROSE.closest.pageWords);
	});
});

describe('the host system a description names', () => {
	const matcher = createMatcher(loadKnowledgeBase(root).matcherIndex());
	const hostsOf = new Map(articles.map((a) => [a.data.id, a.data.hosts as string[]]));
	// The same ranker with no article tied to a host: what the rule changes is the difference.
	const blind = createProseRanker(proseDocsOf(articles).map((d) => ({ ...d, hosts: [] })));
	const shownIds = (r: { likely: { id: string }[]; closest: { id: string }[] }) => [...r.likely, ...r.closest].map((m) => m.id);

	it('reads the host systems a text names, and not words that name something else', () => {
		expect([...hostsNamedIn('multipass launch times out on ubuntu')]).toEqual(['linux']);
		expect([...hostsNamedIn('Fedora 40; I use Arch btw; NixOS 24.05')]).toEqual(['linux']);
		expect([...hostsNamedIn('after the macOS 15 Sequoia update on my Mac')]).toEqual(['macos']);
		expect([...hostsNamedIn('multipass 1.14.0+mac')]).toEqual(['macos']);
		expect([...hostsNamedIn('Windows 11 with Hyper-V')]).toEqual(['windows']);
		// WSL is Linux on Windows: it names both.
		expect([...hostsNamedIn('nix on WSL 1')]).toEqual(['linux', 'windows']);
		expect([...hostsNamedIn('Ubuntu-22.04 on WSL2')]).toEqual(['linux', 'windows']);
		// A network card's MAC address, an architecture, a server's or a launchd label's dotted name, SELinux, a desktop's windows.
		// A guest's release (`multipass info`, `multipass list`), an image reference and a Nix channel or flake name no host.
		for (const text of ['Release:        Ubuntu 24.04 LTS', 'primary   Running   192.0.2.2   Ubuntu 24.04 LTS', 'podman run --rm ubuntu:22.04', 'FROM docker.io/library/fedora:latest', '/nix/var/nix/profiles/per-user/root/channels/nixos', 'inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.05";', 'nix run github:NixOS/nixpkgs#hello']) {
			expect([...hostsNamedIn(text)], text).toEqual([]);
		}
		expect([...hostsNamedIn('OS: Ubuntu 22.04 (lsb_release: Release: 22.04)')]).toEqual(['linux']);
		// A reader's label with no space after it is no image reference (those are lower case).
		expect([...hostsNamedIn('OS:macOS 14')]).toEqual(['macos']);
		expect([...hostsNamedIn('Host:Ubuntu 22.04')]).toEqual(['linux']);
		for (const text of ['my MAC address changes', 'arch: amd64', 'OS/Arch:', 'failed to download from https://cloud-images.ubuntu.com/releases', 'org.nixos.nix-daemon is disabled', 'SELinux is enforcing', 'too many windows open', 'macvlan and emacs']) {
			expect([...hostsNamedIn(text)], text).toEqual([]);
		}
	});

	it('rules an article out only when both name host systems and share none', () => {
		expect(hostRulesOut(['macos'], new Set(['linux']))).toBe(true);
		expect(hostRulesOut(['macos'], new Set(['linux', 'macos']))).toBe(false);
		expect(hostRulesOut([], new Set(['linux']))).toBe(false);
		expect(hostRulesOut(['macos'], new Set())).toBe(false);
	});

	it('never gives a Linux description a macOS-only article (issue 15: FL-0088 for a timeout on Ubuntu)', () => {
		const text = 'multipass launch times out on ubuntu';
		expect(shownIds(blind.ranking(text))).toContain('multipass-macos-sequoia-ip-lookup');
		const r = ranker.ranking(text);
		expect(shownIds(r)).not.toContain('multipass-macos-sequoia-ip-lookup');
		for (const id of shownIds(r)) expect(hostRulesOut(hostsOf.get(id)!, new Set(['linux'])), id).toBe(false);
		// The rest is as before: the same likely articles, in the same order, less the one ruled out.
		expect(r.likely.map((m) => m.id)).toEqual(blind.ranking(text).likely.map((m) => m.id).filter((id) => id !== 'multipass-macos-sequoia-ip-lookup'));
	});

	it('never gives a macOS description a Linux- or Windows-only article, the other way', () => {
		// Each got a Linux- or Windows-only article before (FL-0100 and FL-0085 among the closest; FL-0063 as likely).
		// (Nix in a container, without systemd or cloning its builder, is no longer among them: a Linux container
		// runs on a Mac too, through Docker Desktop or a Podman machine, so those two articles name no host.)
		const texts = ['multipass launch times out on my Mac', 'multipass on my mac: every command fails opening the certificate under a non-ASCII user name'];
		for (const text of texts) {
			const before = shownIds(blind.ranking(text));
			expect(before.some((id) => hostRulesOut(hostsOf.get(id)!, new Set(['macos']))), text).toBe(true);
			const after = shownIds(ranker.ranking(text));
			for (const id of after) expect(hostRulesOut(hostsOf.get(id)!, new Set(['macos'])), `${text}: ${id}`).toBe(false);
			// The macOS articles the text got stay.
			for (const id of before.filter((id) => hostsOf.get(id)!.includes('macos'))) expect(after, text).toContain(id);
		}
		// A macOS-only article offered for Fedora: FL-0084 (a macOS update replaces /etc/zshrc) was the likely one.
		const fedora = 'nix command not found after an update on fedora';
		expect(blind.ranking(fedora).likely.map((m) => m.id)).toContain('nix-macos-update-removes-shell-hook');
		expect(shownIds(ranker.ranking(fedora))).not.toContain('nix-macos-update-removes-shell-hook');
	});

	it('changes nothing for a text that names no host system, and keeps articles for any of the hosts named', () => {
		for (const text of ['multipass launch times out', ...loadEvalSet(root).map((i) => i.text).filter((t) => hostsNamedIn(t.slice(0, 2000)).size === 0)]) {
			const ruledOut = ruledOutBy(matcher.match(text));
			expect(ranker.ranking(text, ruledOut), text.slice(0, 60)).toEqual(blind.ranking(text, ruledOut));
		}
		// Naming two host systems keeps each one's articles ("the Linux VM on my Mac").
		expect(shownIds(ranker.ranking('multipass launch times out on my Mac, the Linux VM never gets an address'))).toContain('multipass-macos-sequoia-ip-lookup');
	});

	it('offers no eval text an article for another host system only', () => {
		for (const item of loadEvalSet(root)) {
			const named = hostsNamedIn(item.text.slice(0, 2000));
			for (const id of shownIds(ranker.ranking(item.text, ruledOutBy(matcher.match(item.text))))) expect(hostRulesOut(hostsOf.get(id)!, named), `${item.id}: ${id}`).toBe(false);
		}
	});

	it('requires `hosts` to list each host system the title names', () => {
		const title = 'Multipass on macOS: instances never get an address and launch times out';
		expect(() => articleSchema.parse({ ...validData(), title })).toThrow(/must list macos: the title names that host system/);
		expect(articleSchema.parse({ ...validData(), title, hosts: ['macos'] }).hosts).toEqual(['macos']);
		// A title naming none needs none; `hosts` defaults to any host.
		expect(articleSchema.parse(validData()).hosts).toEqual([]);
	});
});

describe('the prose index the site serves', () => {
	const served = createProseRanker(proseIndexOf(proseDocsOf(articles)).docs);

	it('ranks every eval text and search exactly as the full texts do', () => {
		const texts = [...loadEvalSet(root).map((i) => i.text), 'subuid', 'newuidmap setuid', 'erofs', 'cgroup cpu limits'];
		// The same articles, in the same order, with the same shared words (in any order), and the same
		// relative scores up to their last rounded digit: summing the same terms in another order can
		// move a score by one unit in the third decimal, so an article that close to the keepShare
		// cut-off may fall on either side of it, and is left out of the comparison.
		const ROUNDING = 0.0011;
		const clear = (r: typeof ranker, t: string) => r.rank(t).filter((m) => Math.abs(m.relative - PROSE.keepShare) > ROUNDING);
		const key = (ms: ReturnType<typeof clear>) => JSON.stringify(ms.map((m) => ({ id: m.id, shared: m.shared.map((s) => `${s.word}:${s.fields.join()}`).sort() })));
		const differ = texts.filter((t) => {
			const [a, b] = [clear(served, t), clear(ranker, t)];
			return key(a) !== key(b) || a.some((m, i) => Math.abs(m.relative - b[i].relative) > ROUNDING);
		});
		expect(differ).toEqual([]);
		expect(texts.filter((t) => served.rank(t).length > 0).length).toBeGreaterThan(5);
		// The closest articles (search results when none stands out) too, up to the same rounding at their cut-off.
		const near = (r: typeof ranker, t: string) => r.ranking(t).closest.filter((m) => Math.abs(m.relative - PROSE.closest.share) > ROUNDING);
		expect(texts.filter((t) => key(near(served, t)) !== key(near(ranker, t)))).toEqual([]);
		expect(texts.filter((t) => served.ranking(t).closest.length > 0).length).toBeGreaterThan(5);
	});

	it('is smaller than the documents it stands for', () => {
		const docs = proseDocsOf(articles);
		expect(JSON.stringify(proseIndexOf(docs)).length).toBeLessThan(JSON.stringify({ version: 1, docs }).length);
	});

	it('says why an article ranks: the words it shares with the text, and where they stand', () => {
		const [first] = served.rank('newuidmap setuid');
		expect(first.id).toBe('podman-newuidmap-not-setuid');
		expect(first.shared.map((s) => s.word)).toEqual(expect.arrayContaining(['newuidmap', 'setuid']));
		expect(first.shared.find((s) => s.word === 'setuid')?.fields).toContain('title');
	});

	it("names only the reader's words as theirs: a near word the ranker met is said as the article's (issue 19)", () => {
		// A reader's word that meets only a near word of the article ("newuidmapp", one letter off the articles'
		// "newuidmap"): "Why" said it shared the article's word as the reader's. (A word that also meets the
		// article as written, as "newuidmap" does, is listed as written: the near words it met say nothing more.)
		const typed = ['subuid', 'newuidmapp'];
		const likely = served.rank(typed.join(' '));
		expect(likely.length).toBeGreaterThan(0);
		for (const m of likely) expect(m.shared.map((s) => s.word).filter((w) => !typed.includes(w))).toEqual([]);
		const near = likely.flatMap((m) => m.shared).find((s) => s.as === 'newuidmap');
		expect(near).toMatchObject({ word: 'newuidmapp', as: 'newuidmap' });
		expect(proseCliMessages.sharedWord(near!)).toBe('newuidmapp (as newuidmap)');
		expect(proseMessages.sharedWords([{ word: 'subuid', fields: ['title'] }, near!])).toBe(
			`shares “subuid” (title) and “newuidmapp” (as “newuidmap”, in ${near!.fields.join(', ')}) with this article`,
		);
		// A word it begins is met too: "start" meets "starts", said as such.
		expect(readersWord('starts', ['start', 'limits'], (w) => w.length > 4, () => false)).toBe('start');
		expect(readersWord('newgidmap', ['subuid'], () => true, () => 0.15)).toBeUndefined();
	});
});
