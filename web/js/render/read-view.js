// The read view of a shared link: what was shared, to read (score, zone, likely range, the tasks,
// who made it), before anything can be edited. "Adjust a copy" opens the editor on a copy; the
// address stays the link, so it can be passed on as it came. Every text of the assessment is
// set as text (h() never parses markup).
import { h } from '../lib/dom.js';
import { pct, signed, totalRange } from '../lib/format.js';
import { CARD_KIND } from '../lib/card.js';
import { zoneBadge } from './parts.js';
import { zoneBar } from './charts.js';
import { likelyOf } from './insight-view.js';
import { zoneMeaning } from './words.js';

/** Who made what a link shows, by kind (lib/card.js CardKind). */
const WHO = {
  published: 'An unchanged copy of an assessment published on this site.',
  derived: 'An unchanged copy of a derived starting point: made by stated rules from public data, and nobody has assessed it.',
  self: 'Made with jobzone by whoever shared this link: not published, and nobody checked it.',
};

/**
 * The read view: {el, likely} (likely: where the range goes once the analyses are in).
 * @param {{assessment: any, result: any, methodology: any, kind: import('../lib/card.js').CardKind}} model
 */
export function readView({ assessment: a, result: r, methodology: m, kind }) {
  const name = `${a.role.title}${a.role.seniority ? ` (${a.role.seniority})` : ''}`;
  const level = (v) => m.inputs.task_score.levels.find((l) => l.value === v)?.text ?? '';
  const impact = (key) => m.inputs.impacts.find((i) => i.key === key)?.label ?? key;
  const likely = h('p', { class: 'read-likely', 'aria-live': 'polite' }, 'Likely range: working it out…');
  const total = (scale, value) => `${signed(value)} (of ${signed(totalRange(scale).min)} to ${signed(totalRange(scale).max)})`;
  const el = h('section', { class: 'read-view', id: 'read', 'aria-labelledby': 'read-h' },
    h('p', { class: 'eyebrow' }, `Shared with you · ${CARD_KIND[kind].word}`),
    h('h1', { id: 'read-h', tabindex: '-1' }, name),
    h('p', { class: 'read-who' }, WHO[kind], ' Everything on this page came in the link itself: opening it sent nothing anywhere.'),
    h('div', { class: 'read-score' },
      h('p', { class: 'read-line' }, h('span', { class: 'read-figure' }, r.display.score), h('span', { class: 'muted' }, ` /${m.clamp.max}  `), zoneBadge(r.zone, r.label)),
      zoneBar({ zones: m.zones, score: r.score, scoreText: r.display.score, published: null, neighbours: [], title: name, band: null, bandWords: '' }),
      likely,
      h('p', { class: 'read-means' }, zoneMeaning(r, m))),
    h('p', { class: 'read-actions' },
      h('button', { type: 'button', class: 'btn primary', 'data-action': 'adjust-copy' }, 'Adjust a copy'),
      h('span', { class: 'muted' }, ' Your copy stays in this browser; this link does not change.')),
    h('h2', null, `Tasks (${a.tasks.length})`),
    h('div', { class: 'read-table' }, h('table', { class: 'kv read-tasks' },
      h('thead', null, h('tr', null, ['Task', 'Share of the week', 'How far AI can do it', 'Impact'].map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', null, a.tasks.map((t) => h('tr', null, h('th', { scope: 'row' }, t.name), h('td', null, pct(t.time_pct)),
        h('td', null, `${t.score} of ${m.inputs.task_score.max}: ${level(t.score)}`), h('td', null, impact(t.impact))))))),
    h('h2', null, 'The other inputs'),
    h('ul', { class: 'read-inputs' },
      h('li', null, `Market evidence ${total(m.inputs.evidence, r.totals.evidence)}`),
      h('li', null, `Barriers ${total(m.inputs.barriers, r.totals.barriers)}`),
      h('li', null, `Protective principles ${total(m.inputs.protective, r.totals.protective)}`),
      h('li', null, `AI growth correlation ${signed(a.ai_growth_correlation)} (of ${signed(m.inputs.ai_growth_correlation.min)} to ${signed(m.inputs.ai_growth_correlation.max)})`)),
    a.summary ? [h('h2', null, 'In the words of whoever made it'), h('p', { class: 'read-summary' }, a.summary)] : null,
    h('p', { class: 'muted' }, 'Scored in your browser with the JobZone method; "Adjust a copy" shows every figure and lets you change any input.'));
  return { el, likely };
}

/** The likely range once the analyses are in: "Likely 33 to 53; Green 55%, Yellow 45%". */
export function fillLikely(likely, insight, m) {
  const u = insight?.uncertainty;
  if (!u) {
    likely.textContent = '';
    return;
  }
  const { low, high, zones } = likelyOf(u, m);
  likely.replaceChildren(h('strong', null, `Likely ${low} to ${high}`), `; ${zones}`);
}
