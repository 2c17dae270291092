/**
 * What a keyboard user sees of the focus: axe checks that a scrolling region can take the focus
 * (scrollable-region-focusable), not that the focus shows. WCAG 2.4.7 asks for a visible focus
 * indicator and 1.4.11 for 3:1 contrast of it against what is next to it.
 */
import type { Locator } from '@playwright/test';

/** The focused element's outline: its style, its width in px, and its colour's contrast with the element's own background (WCAG relative luminance). */
export async function focusRing(el: Locator): Promise<{ focusVisible: boolean; style: string; width: number; contrast: number }> {
	return el.evaluate((node) => {
		const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
		const luminance = (c: string) => {
			const [r, g, b] = rgb(c).map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
			return 0.2126 * r + 0.7152 * g + 0.0722 * b;
		};
		// The background the ring is drawn on: the first non-transparent one from the element up.
		let back = 'rgb(255, 255, 255)';
		for (let e: Element | null = node; e; e = e.parentElement) {
			const bg = getComputedStyle(e).backgroundColor;
			if (bg && !/rgba\(.*,\s*0\)$/.test(bg) && bg !== 'transparent') {
				back = bg;
				break;
			}
		}
		const style = getComputedStyle(node);
		const [l1, l2] = [luminance(style.outlineColor), luminance(back)].sort((a, b) => b - a);
		return { focusVisible: node.matches(':focus-visible'), style: style.outlineStyle, width: parseFloat(style.outlineWidth), contrast: (l1 + 0.05) / (l2 + 0.05) };
	});
}
