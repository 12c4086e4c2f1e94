// How a zone is shown, in one place: its key, its class, its colours (text "ink" on its "paper",
// and the band of the zone bar), light and dark, and its odds in words. The page's stylesheet gets
// its custom properties from here (scripts/build-site.mjs writes them), the widget sets them on
// its :host, and the badge and the preview image take the values. Every ink/paper pair keeps
// WCAG AA contrast (4.5:1), checked by tests/node/zones.test.mjs. A zone's colour is always shown
// with its name (never colour alone).
import { fixed } from './format.js';

/** The zones, in the order of the scale (best first). */
export const ZONE_KEYS = Object.freeze(['GREEN', 'YELLOW', 'RED']);

export const ZONE_COLOURS = Object.freeze({
  light: Object.freeze({
    GREEN: Object.freeze({ ink: '#1a7f37', paper: '#dafbe1', band: '#4ac26b' }),
    YELLOW: Object.freeze({ ink: '#7d5400', paper: '#fff8c5', band: '#eac54f' }),
    RED: Object.freeze({ ink: '#b4232c', paper: '#ffebe9', band: '#ff8182' }),
  }),
  dark: Object.freeze({
    GREEN: Object.freeze({ ink: '#56d364', paper: '#12361c', band: '#2ea043' }),
    YELLOW: Object.freeze({ ink: '#e3b341', paper: '#3a2d05', band: '#bb8009' }),
    RED: Object.freeze({ ink: '#ff7b72', paper: '#4a1519', band: '#da3633' }),
  }),
});

/** The image badge's right half: the zone's colour with a text colour that reads on it (AA). */
export const BADGE_COLOURS = Object.freeze({
  GREEN: Object.freeze({ fill: ZONE_COLOURS.light.GREEN.ink, text: '#ffffff' }),
  YELLOW: Object.freeze({ fill: ZONE_COLOURS.light.YELLOW.band, text: '#1b1f24' }),
  RED: Object.freeze({ fill: ZONE_COLOURS.light.RED.ink, text: '#ffffff' }),
});

const known = (zone) => (ZONE_KEYS.includes(zone) ? zone : 'YELLOW');

/** The class of a zone's badge or band on the page ("z-green"). */
export const zoneClass = (zone) => (ZONE_KEYS.includes(zone) ? `z-${zone.toLowerCase()}` : '');

/** A zone's colours ({ink, paper, band}) in a scheme ('light' or 'dark'); an unknown zone gets yellow's. */
export const zoneColours = (zone, scheme = 'light') => ZONE_COLOURS[scheme][known(zone)];

/**
 * The custom properties for a scheme: --green, --green-bg, --band-green, and so on for each zone.
 * `important`: each with !important (the widget's :host, so a host page cannot recolour it).
 */
export function zoneProperties(scheme, { important = false } = {}) {
  const bang = important ? ' !important' : '';
  return ZONE_KEYS.map((z) => {
    const c = ZONE_COLOURS[scheme][z];
    const k = z.toLowerCase();
    return `--${k}: ${c.ink}${bang}; --${k}-bg: ${c.paper}${bang}; --band-${k}: ${c.band}${bang};`;
  }).join(' ');
}

/** The stylesheet block the page's CSS starts with: the light properties, and the dark ones. */
export const zoneStylesheet = () => `:root { ${zoneProperties('light')} }\n`
  + `@media (prefers-color-scheme: dark) { :root { ${zoneProperties('dark')} } }\n`;

/**
 * Where each zone lies on the scale, for drawing a zone bar: [{zone, verdict, from, to}] from the
 * methodology's zones (each with its lower bound `min`), lowest first, the last ending at `max`.
 * The page's bar, the widget's and the preview image's are all drawn from this.
 */
export function zoneSpans(zones, max = 100) {
  const sorted = [...zones].sort((a, b) => a.min - b.min);
  return sorted.map((z, i) => ({ zone: z.zone, verdict: z.verdict, from: z.min, to: i + 1 < sorted.length ? sorted[i + 1].min : max }));
}

/** The chance of each zone in words ("Green 55.0% · Yellow 45.0% · Red 0.0%"): zones from the methodology. */
export const zoneOdds = (zones, odds, separator = ' · ') => zones
  .map((z) => `${z.name} ${fixed((odds[z.zone] ?? 0) * 100, 1)}%`).join(separator);
