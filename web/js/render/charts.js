// Small inline SVG charts. Colour is never the only signal: every chart carries text too.
import { h, s } from '../lib/dom.js';
import { zoneClass, zoneSpans } from '../lib/zones.js';
import { fixed, score1 } from '../lib/format.js';


/**
 * A bar gauge for one component. Signed scales (min < 0) fill from the middle.
 * `text` is what a screen reader hears and what the page prints beside it.
 */
export function gauge(value, min, max, text) {
  const w = 120;
  const x = (v) => ((v - min) / (max - min)) * w;
  const zero = min < 0 ? x(0) : 0;
  const end = x(Math.min(Math.max(value, min), max));
  const cls = min < 0 ? (value < 0 ? 'g-neg' : 'g-pos') : 'g-pos';
  return s('svg', { class: 'gauge', viewBox: `0 0 ${w} 10`, role: 'img', 'aria-label': text, focusable: 'false' },
    s('rect', { class: 'g-track', x: 0, y: 2, width: w, height: 6, rx: 3 }),
    s('rect', { class: cls, x: Math.min(zero, end), y: 2, width: Math.abs(end - zero), height: 6, rx: 3 }),
    min < 0 ? s('rect', { class: 'g-zero', x: zero - 0.5, y: 0, width: 1, height: 10 }) : null);
}

/**
 * The 0-100 bar with zone bands, neighbour ticks, the published position and this role.
 * Positions are percentages (no viewBox), so the text is never stretched.
 * zones: [{zone, min, verdict}] highest first.
 */
export function zoneBar({ zones, score, scoreText = score1(score), published, neighbours, title, band, bandWords, baseWord = 'published' }) {
  const P = (v) => `${Math.min(Math.max(v, 0), 100)}%`;
  const parts = [];
  // (Drawn highest zone first, as before: the markup of prerendered pages stays the same.)
  for (const z of zoneSpans(zones).reverse()) {
    parts.push(s('rect', { class: `band ${zoneClass(z.zone)}`, x: P(z.from), y: 30, width: P(z.to - z.from), height: 16 }));
    parts.push(s('text', { class: 'band-label', x: P((z.from + z.to) / 2), y: 64, 'text-anchor': 'middle' }, z.verdict));
  }
  if (band) {
    parts.push(s('rect', { class: 'band-range', x: P(band.p10), y: 27, width: P(Math.max(band.p90 - band.p10, 0.4)), height: 22, rx: 3 }));
    parts.push(s('line', { class: 'band-mid', x1: P(band.p50), x2: P(band.p50), y1: 27, y2: 49 }));
  }
  for (const n of neighbours) {
    parts.push(s('line', { class: 'nb', x1: P(n.score), x2: P(n.score), y1: 26, y2: 50 }, s('title', null, `${n.title}: ${score1(n.score)}`)));
  }
  if (published !== null) parts.push(s('line', { class: 'pub', x1: P(published), x2: P(published), y1: 22, y2: 54 }));
  const anchor = score < 8 ? 'start' : score > 92 ? 'end' : 'middle';
  parts.push(s('svg', { x: P(score), y: 0, overflow: 'visible' },
    s('path', { class: 'me', d: 'M-7 12 L7 12 L0 26 Z' }),
    s('text', { class: 'me-label', x: 0, y: 9, 'text-anchor': anchor }, scoreText)));
  parts.push(s('text', { class: 'axis', x: 0, y: 80 }, '0'));
  parts.push(s('text', { class: 'axis', x: '100%', y: 80, 'text-anchor': 'end' }, '100'));
  const label = `Where ${title} sits on the 0 to 100 scale: ${scoreText}` +
    (published === null ? '' : `, ${baseWord} ${score1(published)}`) +
    (band ? `; if each judgment were one step off, ${bandWords} of outcomes between ${band.display?.p10 ?? score1(band.p10)} and ${band.display?.p90 ?? score1(band.p90)}` : '') +
    (neighbours.length ? `; neighbours ${neighbours.map((n) => `${n.title} ${score1(n.score)}`).join(', ')}` : '');
  return s('svg', { class: 'zonebar', width: '100%', height: 84, role: 'img', 'aria-label': label }, parts);
}

/** A stacked bar of the time split by impact. parts: [{key, label, value}] in percent. */
export function splitBar(parts) {
  const text = parts.map((p) => `${p.label} ${Math.round(p.value * 100) / 100}%`).join(', ');
  return stackedBar(parts.map((p) => ({ value: p.value, class: `sp-${p.key}` })),
    { class: 'splitbar', height: 8, label: `Time by impact: ${text}` });
}

/**
 * A stacked bar of shares adding up to 100 ({value, class} each), as one small SVG: labelled
 * (`label`, role img) or hidden from assistive technology when words beside it carry the figures
 * (never colour alone). `digits`: decimals of the positions (none: as given).
 */
export function stackedBar(parts, { class: className, height, label = null, digits = null }) {
  let x = 0;
  const at = (v) => (digits === null ? v : fixed(v, digits));
  const attrs = label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': 'true', focusable: 'false' };
  return s('svg', { class: className, viewBox: `0 0 100 ${height}`, ...attrs, preserveAspectRatio: 'none' },
    parts.map((p) => {
      const r = s('rect', { class: p.class, x: at(x), y: 0, width: at(p.value), height });
      x += p.value;
      return r;
    }));
}

/** Horizontal bars with signed values, one row each: [{label, value}]; `max` sets the scale. */
export function barRows(rows, max, caption) {
  // An explicit tbody, as an HTML parser would add one to prerendered markup (so the two match).
  const body = h('tbody');
  const table = h('table', { class: 'bars' }, h('caption', { class: 'visually-hidden' }, caption), body);
  for (const row of rows) {
    const w = Math.min(Math.abs(row.value) / max, 1) * 100;
    body.append(h('tr', null,
      h('th', { scope: 'row' }, row.label),
      h('td', { class: 'bar-cell', 'aria-hidden': 'true' },
        s('svg', { viewBox: '0 0 100 8', preserveAspectRatio: 'none', focusable: 'false' },
          s('rect', { class: row.value < 0 ? 'g-neg' : 'g-pos', x: 0, y: 0, width: w, height: 8 }))),
      h('td', { class: 'num' }, row.text)));
  }
  return table;
}

/**
 * A tornado chart: one row an input, bars left and right of the current score for one step
 * down and one step up. rows: [{label, down, up, text}] with down/up as score changes or null.
 */
export function tornado(rows, max, caption) {
  const body = h('tbody');
  const table = h('table', { class: 'bars tornado' }, h('caption', { class: 'visually-hidden' }, caption), body);
  const X = (v) => 50 + (Math.max(-max, Math.min(max, v)) / max) * 50;
  for (const row of rows) {
    const bars = [];
    for (const [dir, delta] of [['down', row.down], ['up', row.up]]) {
      if (delta === null) continue;
      const x = X(delta);
      bars.push(s('rect', { class: `t-${dir} ${delta < 0 ? 'g-neg' : 'g-pos'}`, x: Math.min(50, x), y: dir === 'down' ? 0 : 5, width: Math.abs(x - 50), height: 5 }));
    }
    body.append(h('tr', null,
      h('th', { scope: 'row' }, row.label),
      h('td', { class: 'bar-cell', 'aria-hidden': 'true' },
        s('svg', { viewBox: '0 0 100 10', preserveAspectRatio: 'none', focusable: 'false' },
          s('rect', { class: 'g-zero', x: 49.8, y: 0, width: 0.4, height: 10 }), bars)),
      h('td', { class: 'num' }, row.text)));
  }
  return table;
}
