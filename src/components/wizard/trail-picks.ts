/**
 * The answers so far, as the reader picked them (Trail.astro). Where several of a step's choices lead
 * on to the same step (two wordings of one error), a step's page lists them all, joined by "or"; the
 * address names the one the reader picked (`?picked=<step>.<n>`, PICKED_PARAM in addresses.ts), and
 * this script shows that one alone. The picks it applied travel on with every link onward or back to a
 * step (`data-wizard-onward`), so a result two steps further still echoes the reader's line. Without
 * this script the list of all of them stays: never a line the reader did not pick, alone.
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
