// The five factors of the score at a glance, each with its scale and the way that is safer.
import { h } from '../lib/dom.js';
import { signed, totalRange } from '../lib/format.js';
import { gauge } from './charts.js';

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
