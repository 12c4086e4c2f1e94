// The five factors of the score at a glance, each with its scale and the way that is safer.
import { h } from '../lib/dom.js';
import { signed, totalRange } from '../lib/format.js';
import { gauge } from './charts.js';
import { patchWhen } from './parts.js';

/**
 * The glance card's rows: [label, value in words, gauge]. Every factor raises the score as it grows
 * ("higher is safer"), which the card says once and each gauge's name repeats.
 * @returns {[string, string, () => Element][]}
 */
export function glanceRows(res, m) {
  const d = res.display;
  const ev = totalRange(m.inputs.evidence);
  const ba = totalRange(m.inputs.barriers);
  const pr = totalRange(m.inputs.protective);
  const gr = m.inputs.ai_growth_correlation;
  const trMax = m.formula.task_resistance_base - m.inputs.task_score.min;
  return [
    ['Task resistance', `${d.task_resistance} of ${trMax}`, () => gauge(res.task_resistance, 0, trMax, `Task resistance ${d.task_resistance} of ${trMax}; higher is safer`)],
    ['Evidence', `${signed(res.totals.evidence)} of ${signed(ev.min)} to ${signed(ev.max)}`,
      () => gauge(res.totals.evidence, ev.min, ev.max, `Evidence ${signed(res.totals.evidence)}, range ${ev.min} to ${signed(ev.max)}; higher is safer`)],
    ['Barriers to AI', `${res.totals.barriers} of ${ba.max}`, () => gauge(res.totals.barriers, ba.min, ba.max, `Barriers ${res.totals.barriers} of ${ba.max}; higher is safer`)],
    res.quick_screen.judged === false
      ? ['Protective principles', 'not judged', () => h('span', { class: 'muted' }, '—')]
      : ['Protective principles', `${res.totals.protective} of ${pr.max}`, () => gauge(res.totals.protective, pr.min, pr.max, `Protective ${res.totals.protective} of ${pr.max}; higher is safer`)],
    ['AI growth', `${signed(res.totals.growth)} of ${signed(gr.min)} to ${signed(gr.max)}`,
      () => gauge(res.totals.growth, gr.min, gr.max, `AI growth ${signed(res.totals.growth)}, range ${gr.min} to ${signed(gr.max)}; higher is safer`)],
  ];
}

/**
 * The glance card's lead under the score, so a phone shows the answer before the method: the
 * likely range with each zone's chance (a derived role leads with its own range above the card),
 * and the three inputs that move the score most (the chart of all is under "What moves this
 * score"). Drawn empty here and filled from the analyses (renderGlanceLead), in room kept for it.
 */
export function glanceLead(r, { ownRange = true } = {}) {
  r.glanceRange = ownRange ? h('p', { class: 'glance-range' }) : null;
  r.glanceLevers = h('ol', { class: 'glance-levers' });
  return h('div', { class: 'glance-lead' }, r.glanceRange,
    h('h3', { class: 'glance-sub' }, 'What moves it most'), r.glanceLevers,
    h('p', { class: 'glance-more' }, h('span', { class: 'muted' }, 'The score with that input one step either way. '), h('a', { href: '#levers' }, 'Every input')));
}

/** Where one step either way takes the score: "57.2–66.6" (the score now, where a step is off the scale). */
function spread(x, insight, nowText) {
  const ends = [x.down, x.up].filter(Boolean).map((step) => [step.score, step.display]);
  ends.push([insight.score, nowText]);
  ends.sort((a, b) => a[0] - b[0]);
  return `${ends[0][1]}–${ends[ends.length - 1][1]}`;
}

/** Fills the glance lead from the analyses: `likely` is insight-view's likelyOf for the range. */
export function renderGlanceLead(refs, { insight, nowText, likely, bandWords, noted }) {
  const u = insight.uncertainty;
  if (refs.glanceRange) {
    patchWhen(noted, refs.glanceRange, `${u.display.p10}|${u.display.p90}|${likely.zones}`, () => [
      h('strong', null, `${bandWords} likely between ${u.display.p10} and ${u.display.p90}`), ` · ${likely.zones}`]);
  }
  const top = insight.sensitivity.filter((x) => x.swing > 0).slice(0, 3);
  // One line each (the name cut with an ellipsis on a narrow screen; read whole by a screen reader).
  const words = (x) => [x.down ? `one step down gives ${x.down.display}` : 'no step down', x.up ? `one step up ${x.up.display}` : 'no step up'].join(', ');
  patchWhen(noted, refs.glanceLevers, `${top.map((x) => `${x.label}|${x.down?.display}|${x.up?.display}`).join('||') || 'none'}|${nowText}`, () => (top.length
    ? top.map((x) => h('li', null, h('span', { class: 'lv-name', title: x.label }, x.label),
      h('span', { class: 'lv-fig', 'aria-hidden': 'true' }, spread(x, insight, nowText)),
      h('span', { class: 'visually-hidden' }, `: ${words(x)}`)))
    : [h('li', { class: 'muted' }, 'No single input moves the score.')]));
}
