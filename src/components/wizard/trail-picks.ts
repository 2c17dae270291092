/**
 * The answers so far, as the reader picked them (Trail.astro). Where several of a step's choices lead
 * on to the same step (two wordings of one error), a step's page lists them all, joined by "or"; the
 * address names the one the reader picked (`?picked=<step>.<n>`, PICKED_PARAM in addresses.ts), and
 * this script shows that one alone. The picks it applied travel on with every link onward or back to a
 * step (`data-wizard-onward`), so a result two steps further still echoes the reader's line, and an
 * end's pre-filled report names the reader's answer (`data-report-answers`, Step.astro). Without this
 * script the list of all of them stays: never a line the reader did not pick, alone.
 */
import { picksIn, withPicks, type Pick } from '~/lib/addresses';

const picks = picksIn(location.search);
const applied: Pick[] = [];
for (const entry of document.querySelectorAll<HTMLElement>('[data-trail-node]')) {
	const alternatives = [...entry.querySelectorAll<HTMLElement>('[data-trail-choice]')];
	const pick = picks.find((p) => p.node === entry.dataset.trailNode && alternatives.some((a) => Number(a.dataset.trailChoice) === p.choice));
	if (alternatives.length < 2 || !pick) continue;
	applied.push(pick);
	for (const a of alternatives) a.hidden = Number(a.dataset.trailChoice) !== pick.choice;
	for (const or of entry.querySelectorAll<HTMLElement>('[data-trail-or]')) or.hidden = true;
}
if (applied.length > 0) {
	for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-wizard-onward]')) link.setAttribute('href', withPicks(link.getAttribute('href')!, applied));
}

const report = document.querySelector<HTMLAnchorElement>('a[data-report-answers]');
if (report && applied.length > 0) {
	const answers = JSON.parse(report.dataset.reportAnswers!) as Record<string, { line: string; lines: Record<string, string> }>;
	const url = new URL(report.href);
	const body = url.searchParams.get('body');
	// No body: the link was too long to pre-fill (Step.astro), and stays the tracker's plain address.
	if (body !== null) {
		const picked = new Map(applied.flatMap((p) => (answers[p.node]?.lines[p.choice] ? [[answers[p.node].line, answers[p.node].lines[p.choice]]] : [])));
		url.searchParams.set('body', body.split('\n').map((line) => picked.get(line) ?? line).join('\n'));
		report.setAttribute('href', url.href);
	}
}
