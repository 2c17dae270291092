/**
 * The smallest scale the wizard map's "fit" draws a map at (src/components/wizard/map-zoom.ts; zooming
 * out goes on to the whole width): its box text, 12 px in the SVG (faultline.css), never shows below
 * 11 px, nor its answers' labels (11 px) below 10 px. Fitting a 1,600 px map into a 1,000 px frame drew
 * its text at about 7 px (issue 19's new-user walk). The layout (src/wizard/map.ts MAX_COLUMNS) draws
 * no map wider than a desktop frame holds at this scale. A module of its own: the page's zoom script
 * imports it without the layout code.
 */
export const MIN_FIT_SCALE = 11 / 12;
