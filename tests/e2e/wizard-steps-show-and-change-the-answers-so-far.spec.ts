import { expect, test, type Page } from '@playwright/test';
import { TREE } from './site.ts';
import { choicesOf } from '../../src/wizard/engine.ts';
import { wizardStepPath } from '../../src/lib/addresses.ts';

test('a step lists the answers that led to it, and each can be changed', async ({ page }) => {
	await page.goto('/wizard/podman-supplementary/');
	const trail = page.getByRole('navigation', { name: 'Your answers so far' }).locator('li');
	await expect(trail).toHaveCount(3);
	await expect(trail.nth(2)).toContainText('Does the command use --userns=keep-id');
	await expect(trail.nth(2)).toContainText('No');

	await trail.nth(2).getByRole('link', { name: /Change/ }).click();
	await expect(page).toHaveURL(/\/wizard\/podman-keep-id\/$/);
	await page.getByRole('link', { name: 'Yes, keep-id (or distrobox, toolbox)' }).click();
	await expect(page).toHaveURL(/\/wizard\/podman-keep-id-home\/$/);
	await expect(page.getByRole('navigation', { name: 'Your answers so far' }).locator('li').nth(2)).toContainText('Yes, keep-id');
});

test('the back button returns to the previous step', async ({ page }) => {
	await page.goto('/wizard/start/');
	await page.getByRole('link', { name: 'Using Multipass (launching, starting or listing instances, the multipass command, or its daemon or GUI not starting)' }).click();
	await expect(page).toHaveURL(/\/wizard\/multipass-launch-lines\/$/);
	await page.goBack();
	await expect(page).toHaveURL(/\/wizard\/start\/$/);
});

/** Wait until the page's trail has its `answers` entries, each showing the one answer picked (trail-picks.ts has run). */
async function showsEachAnswerAlone(page: Page, answers: number) {
	const entries = page.locator('.wizard-trail li');
	await expect(entries).toHaveCount(answers);
	for (let i = 0; i < answers; i++) await expect(entries.nth(i).locator('.trail-answer:visible')).toHaveCount(1);
}

test('"None of these" ends on a page with search and a pre-filled report', async ({ page }) => {
	await page.goto('/wizard/start/');
	await page.getByRole('link', { name: 'Podman, buildah or skopeo, rootless or as root (running a container, pulling, building or pushing an image, podman machine; also through toolbox or distrobox)' }).click();
	await page.getByRole('link', { name: 'Something else' }).click();
	await page.getByRole('link', { name: 'None of these' }).click();
	// With no listed line, one more question asks about a missing login session (round 7's fix) before the end.
	await expect(page).toHaveURL(/\/wizard\/podman-no-line-session\/$/);
	await page.getByRole('link', { name: "I'm not sure" }).click();
	// Then one about the machine's setup (session 11's fix), whose way out is the end. Where several answers
	// lead to the same step, the address names the one clicked (?picked=), and the page and report give it alone.
	await expect(page).toHaveURL(/\/wizard\/podman-setup\/(\?picked=[^/]*)?$/);
	// The picks so far travel on in the links once trail-picks.ts has run, which shows each answer alone:
	// wait for that state before the next click (under load the click can come before the script). The trail's
	// length first: a URL that matches says the new page is committed, not parsed, and `all()` does not wait.
	await showsEachAnswerAlone(page, 4);
	await page.getByRole('link', { name: "None of these, or I'm not sure" }).click();
	await expect(page).toHaveURL(/\/wizard\/podman-none\/(\?picked=[^/]*)?$/);
	await showsEachAnswerAlone(page, 5);
	await expect(page.getByRole('link', { name: 'Search the knowledge base' })).toHaveAttribute('href', '/search/');
	const report = new URL((await page.getByRole('link', { name: 'report this problem' }).getAttribute('href'))!);
	const body = report.searchParams.get('body')!;
	expect(body).toContain('/wizard/podman-none/');
	expect(body).toContain('1. What were you doing when it went wrong? Podman, buildah or skopeo');
	expect(body).toContain('2. What does the failing command print on its last `Error:` line? Something else');
	expect(body).toContain('3. Does the failing command print one of these? None of these');
	expect(body).toContain("4. Which cgroup manager does Podman use where the failing command runs, and who runs it? I'm not sure");
	expect(body).toContain("5. Is one of these true of the machine where Podman fails? None of these, or I'm not sure");
});

// An error check where several lines (wordings of one error) lead to the same question: the reader's line,
// not one fixed line of them, is what the answers so far echo there and on the result after it (issue 19).
// Not the last of those lines: that one was the line every reader saw echoed.
const shared = TREE.nodes
	.flatMap((n) => (n.kind === 'error-check' ? choicesOf(n).map((c, i) => ({ node: n, choice: c, index: i })) : []))
	.find(({ node, choice, index }) => {
		const next = TREE.nodes.find((m) => m.id === choice.next)!;
		return next.kind === 'question' && choicesOf(node).some((c, i) => i > index && c.next === choice.next);
	})!;

test('a step reached by one of several error lines echoes the line the reader picked, there and further on', async ({ page, browser }) => {
	const { node, choice, index } = shared;
	const leading = choicesOf(node).flatMap((c, i) => (c.next === choice.next ? [{ label: c.label, i }] : []));
	expect(leading.length).toBeGreaterThan(1);
	await page.goto(wizardStepPath(node.id));
	await page.locator('.wizard-choices > li').nth(index).getByRole('link').click();
	await expect(page).toHaveURL(new RegExp(`${wizardStepPath(choice.next)}\\?picked=${node.id}\\.${index}$`));
	const echoed = (p: Page) => p.getByRole('navigation', { name: 'Your answers so far' }).locator(`[data-trail-node="${node.id}"] .trail-answer:visible`);
	await expect(echoed(page)).toHaveText([choice.label]);

	// One answer further, on its result or next step, the reader's line still.
	const question = TREE.nodes.find((m) => m.id === choice.next)!;
	await page.locator('.wizard-choices > li').first().getByRole('link').click();
	await expect(page).toHaveURL(new RegExp(`${wizardStepPath(choicesOf(question)[0].next)}\\?`));
	await expect(echoed(page)).toHaveText([choice.label]);
	// Changing the later answer keeps it too.
	await page.locator(`[data-trail-node="${question.id}"]`).getByRole('link', { name: /Change/ }).click();
	await expect(page).toHaveURL(new RegExp(`${wizardStepPath(question.id)}\\?`));
	await expect(echoed(page)).toHaveText([choice.label]);

	// Reached with no line named (a paste, the map, a shared link, or no JavaScript): every line that leads there, never one alone.
	const plain = await browser.newContext({ javaScriptEnabled: false });
	const other = await plain.newPage();
	await other.goto(wizardStepPath(choice.next, [{ node: node.id, choice: index }]));
	await expect(echoed(other)).toHaveText(leading.map((l) => l.label));
	await expect(other.locator(`[data-trail-node="${node.id}"]`)).toContainText(leading.map((l) => l.label).join(' or '));
	await plain.close();
});
