// The image badge: a score as a small self-contained SVG (no script, no external font or style),
// for pages that allow only images and links (READMEs, newsletters). Pure functions, no DOM: the
// build writes one per published role (dist/badge/<id>.svg) and the Embed panel makes one for an
// own assessment (as SVG, or drawn to a PNG). Every text goes through the XML escaping.
import { plainLine, xmlText } from '../lib/escape.js';
import { BADGE_COLOURS } from '../lib/zones.js';
import { CARD_KIND, cardKind } from '../lib/card.js';

/** Zone colours with their text colour: contrast of 4.5:1 or more each (white on green and red, ink on yellow). */
const ZONE = BADGE_COLOURS;
const LEFT = { fill: '#4a5058', text: '#ffffff' };

// Advance widths of 11px Verdana (DejaVu Sans is close), by character class; textLength pins the
// drawn text to this width in any font, so nothing overflows its box.
const NARROW = /[ijlt.,:;|!'()[\]fI ]/;
const WIDE = /[mwMW%@]/;
const CAPITAL = /[A-Z0-9+\-·]/;
const textWidth = (text) => [...text].reduce((w, c) => w + (NARROW.test(c) ? 3.9 : WIDE.test(c) ? 10.3 : CAPITAL.test(c) ? 7.6 : 6.8), 0);

const attrs = (o) => Object.entries(o).map(([k, v]) => ` ${k}="${xmlText(v)}"`).join('');
const el = (name, a, body = '') => `<${name}${attrs(a)}>${body}</${name}>`;

/**
 * A badge for one score. card: {title, seniority?, display_score, max, zone, label}.
 * Returns {svg, width, height, alt}.
 */
export function badgeSvg(card) {
  const zone = ZONE[card.zone] ?? ZONE.YELLOW;
  // Published, derived (nobody assessed it) or self-assessed (nobody published it): it says which.
  const kind = CARD_KIND[cardKind(card)];
  const left = kind.badge;
  const right = `${card.display_score}/${card.max} · ${card.label}`;
  const pad = 7;
  const lw = Math.ceil(textWidth(left) + pad * 2);
  const rw = Math.ceil(textWidth(right) + pad * 2);
  const width = lw + rw;
  const height = 20;
  const role = plainLine(`${card.title}${card.seniority ? ` (${card.seniority})` : ''}`);
  const alt = `AI exposure of ${role}: ${card.display_score} out of ${card.max}, ${card.label} (${kind.alt})`;
  const text = (x, w, value, colour) => el('text', {
    x: x + w / 2, y: 14, fill: colour, 'text-anchor': 'middle', textLength: Math.max(1, w - pad * 2).toFixed(1), lengthAdjust: 'spacingAndGlyphs',
  }, xmlText(value));
  const svg = `<svg${attrs({ xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': alt })}>`
    + el('title', {}, xmlText(alt))
    + el('clipPath', { id: 'r' }, el('rect', { width, height, rx: 4 }))
    + `<g clip-path="url(#r)">${el('rect', { width: lw, height, fill: LEFT.fill })}${el('rect', { x: lw, width: rw, height, fill: zone.fill })}</g>`
    + `<g${attrs({ 'font-family': 'Verdana,DejaVu Sans,Geneva,sans-serif', 'font-size': 11 })}>`
    + text(0, lw, left, LEFT.text) + text(lw, rw, right, zone.text)
    + '</g></svg>';
  return { svg: `${svg}\n`, width, height, alt };
}
