/**
 * The wizard map's zoom (WizardMap.astro): fitted to its frame's width at
 * first (never below MIN_FIT_SCALE, so its text stays readable); "whole width" draws all of it in the
 * frame's width, however small its text (an overview: the line in the toolbar names the box under the
 * pointer or with focus, in full); then zoomed by the toolbar's buttons or + and − on the focused map,
 * in steps of ZOOM_STEP between the whole width and MAX_ZOOM times the drawn
 * size. Panning is the frame's own scrolling (mouse, touch, arrow keys), so
 * no pan code is needed. The line in the toolbar names the box that has focus,
 * in full, and so does the box under the pointer (its `<title>` is the browser's tooltip too). When the map is
 * wider than its frame (a big tree at MIN_FIT_SCALE), a line in the toolbar says that it scrolls sideways.
 * Without this script the map is drawn at its own size and scrolls.
 */

import { MIN_FIT_SCALE } from '../../wizard/map-scale.ts';

/** The screens where the outline replaces the drawn map (the breakpoint in faultline.css, Starlight's 50rem). */
const NARROW = '(max-width: 50rem)';

/** Each zoom step multiplies or divides the width by this. */
export const ZOOM_STEP = 1.25;
/** The largest zoom, as a multiple of the map's drawn size. */
export const MAX_ZOOM = 2;

for (const frame of document.querySelectorAll<HTMLElement>('[data-wizard-map]')) {
	const viewport = frame.querySelector<HTMLElement>('[data-map-viewport]')!;
	const svg = viewport.querySelector<SVGSVGElement>('svg')!;
	const tools = frame.querySelector<HTMLElement>('[data-map-tools]')!;
	const focused = frame.querySelector<HTMLElement>('[data-map-focused]')!;
	const scrolls = frame.querySelector<HTMLElement>('[data-map-scrolls]')!;
	const natural = Number(svg.dataset.mapNaturalWidth);
	const ratio = Number(svg.getAttribute('height')) / natural;
	const fitted = () => Math.min(natural, Math.max(viewport.clientWidth, natural * MIN_FIT_SCALE));
	const whole = () => Math.min(natural, viewport.clientWidth);
	/** `fit` and `width` follow the frame's width as it changes; a zoom step or the actual size does not. */
	let mode: 'fit' | 'width' | 'set' = 'fit';
	let width = fitted();

	const apply = () => {
		svg.setAttribute('width', String(Math.round(width)));
		svg.setAttribute('height', String(Math.round(width * ratio)));
		for (const b of tools.querySelectorAll<HTMLButtonElement>('[data-map-zoom="fit"], [data-map-zoom="width"]')) b.setAttribute('aria-pressed', String(b.dataset.mapZoom === mode));
		frame.dataset.mapFit = String(mode === 'fit');
		scrolls.hidden = viewport.scrollWidth <= viewport.clientWidth + 1;
	};
	const zoom = (how: string) => {
		if (how === 'fit') (mode = 'fit'), (width = fitted());
		else if (how === 'width') (mode = 'width'), (width = whole());
		else if (how === 'actual') (mode = 'set'), (width = natural);
		else {
			mode = 'set';
			width = Math.max(whole(), Math.min(natural * MAX_ZOOM, how === 'in' ? width * ZOOM_STEP : width / ZOOM_STEP));
		}
		apply();
	};

	// On a narrow screen the drawn map is hidden (faultline.css): its outline opens in its place.
	const outline = frame.querySelector<HTMLDetailsElement>('[data-map-outline]');
	if (outline && matchMedia(NARROW).matches) outline.open = true;
	tools.hidden = false;
	tools.addEventListener('click', (e) => {
		const how = (e.target as HTMLElement).closest<HTMLElement>('[data-map-zoom]')?.dataset.mapZoom;
		if (how) zoom(how);
	});
	viewport.addEventListener('keydown', (e) => {
		if (e.key === '+' || e.key === '=') (e.preventDefault(), zoom('in'));
		else if (e.key === '-' || e.key === '−') (e.preventDefault(), zoom('out'));
	});
	viewport.addEventListener('focusin', (e) => {
		const box = (e.target as Element).closest<SVGAElement>('[data-box]');
		focused.textContent = box?.dataset.label ?? '';
		// A box reached by Tab is brought wholly into the frame: the browser's own focus scrolling left it
		// partly outside the frame's right edge (the s12 new-user walk).
		box?.querySelector('rect')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
	});
	viewport.addEventListener('pointerover', (e) => {
		const box = (e.target as Element).closest<SVGAElement>('[data-box]');
		if (box) focused.textContent = box.dataset.label ?? '';
	});
	new ResizeObserver(() => mode !== 'set' && ((width = mode === 'fit' ? fitted() : whole()), apply())).observe(viewport);
	apply();
}
