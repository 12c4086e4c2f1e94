// The guided path's result step, drawn from what it is given: the score, how sure it is (range and
// zone odds), what would move it most, and the comparison with a published role the visitor picks
// (the shared comparison table and role finder).
import { h } from '../lib/dom.js';
import { signed1, bandShare } from '../lib/format.js';
import { zoneClass, zoneOdds } from '../lib/zones.js';
import { stackedBar } from '../render/charts.js';
import { zoneBadge } from '../render/parts.js';
import { comparisonTable, resultRows, roleFinder } from '../render/comparison.js';
import { isPlaceholderName } from '../tasks/task-actions.js';
import { catalogKind } from '../lib/kind.js';

/** How many judged inputs are marked "not sure". */
export function countUnsure(a) {
  const c = a.confidence ?? {};
  return a.tasks.filter((t) => t.confidence === 'unsure').length
    + Object.values(c.evidence ?? {}).filter((x) => x === 'unsure').length
    + Object.values(c.barriers ?? {}).filter((x) => x === 'unsure').length
    + (c.ai_growth_correlation === 'unsure' ? 1 : 0);
}

/** The step's parts: {state, m (methodology), unsure, chosen (id), other (comparedRole), choices, large, found, findQuery}. */
export function resultView({ state, m, unsure, chosen, other, choices, large, found, findQuery }) {
  const r = state.result;
  const insight = state.insight;
  const u = insight?.uncertainty;
  const zones = m.zones;
  const placeholders = state.current.tasks.map((t, i) => (isPlaceholderName(t.name) ? i + 1 : 0)).filter(Boolean);
  return [
    placeholders.length ? h('p', { class: 'note-box info' }, `${placeholders.length === 1 ? `Task ${placeholders[0]} still has its placeholder name` : `Tasks ${placeholders.join(', ')} still have placeholder names`}; ${placeholders.length === 1 ? 'it counts' : 'they count'} in the score as set. Name ${placeholders.length === 1 ? 'it' : 'them'} or remove ${placeholders.length === 1 ? 'it' : 'them'} in step 2.`) : null,
    h('div', { class: 'guide-score' },
      h('p', { class: 'score-block' }, h('span', { class: 'big-score' }, r.display.score), h('span', { class: 'of' }, `/${m.clamp.max}`)),
      h('p', null, zoneBadge(r.zone, r.label),
        ` ${r.zone_name} zone · ${r.verdict}`),
      state.startResult && state.guide.from === 'published' && state.baselineResult
        ? h('p', { class: 'note' }, `The ${catalogKind(state.baseline) === 'derived' ? 'derived starting point' : 'published role'} scores ${state.baselineResult.display.score}; ${state.baselineResult.display.score === r.display.score ? 'yours is the same' : `yours is ${signed1(r.score - state.baselineResult.score)} points from it`}.`) : null),
    u ? [
      h('h2', null, 'How sure is it'),
      h('p', null, `Given how sure you said you are of each answer${unsure ? ` (${unsure} marked not sure)` : ''}, ${bandShare(m)} of outcomes fall between `,
        h('strong', null, u.display.p10), ' and ', h('strong', null, u.display.p90), '.'),
      stackedBar(zones.map((z) => ({ value: (u.zones[z.zone] ?? 0) * 100, class: zoneClass(z.zone) })), { class: 'odds-bar', height: 6, digits: 3 }),
      h('p', { class: 'zone-odds' }, 'Chance of each zone: ', zoneOdds(zones, u.zones)),
    ] : h('p', { class: 'note' }, 'Working out the range…'),
    insight ? [
      h('h2', null, 'What would move it most'),
      h('ol', { class: 'guide-levers' }, insight.sensitivity.filter((x) => x.swing > 0).slice(0, 3).map((x) => h('li', null, `${x.label}: `,
        [x.down ? `one step down gives ${x.down.display}` : null, x.up ? `one step up gives ${x.up.display}` : null].filter(Boolean).join(', '), '.'))),
      insight.best_move ? h('p', null, `Moving ${insight.best_move.points} points of time from “${state.current.tasks[insight.best_move.from].name}” to “${state.current.tasks[insight.best_move.to].name}” would give ${insight.best_move.display_score}.`) : null,
    ] : null,
    h('h2', null, 'Compare with a role of the catalog'),
    h('label', { class: 'guide-field' }, h('span', { class: 'guide-label' }, 'Catalog role'),
      h('select', { 'data-g': 'compare' },
        h('option', { value: '', selected: !chosen }, large ? 'Find one below' : 'Choose a role'),
        choices.map((x) => h('option', { value: x.id, selected: x.id === chosen }, `${x.title}${x.seniority ? ` (${x.seniority})` : ''}`)))),
    // A large catalog is searched, not listed in the select.
    large ? roleFinder({
      id: 'guide-compare-find', countId: 'guide-found-count', label: 'Find a role to compare with', attrs: { 'data-g': 'compare-find' },
      pick: { 'data-gaction': 'compare-pick' }, query: findQuery, found,
    }) : null,
    // The published role first, yours second: the change is yours minus it, as in Compare.
    other ? comparisonTable({
      className: 'kv guide-compare', caption: `Your assessment compared with ${other.label}`, heads: [other.short, 'You'],
      rows: resultRows(m, other.result, r),
    }) : chosen ? h('p', { class: 'note' }, 'Loading that role…') : null,
    h('p', { class: 'guide-actions' },
      h('button', { type: 'button', class: 'btn primary', 'data-action': 'print' }, 'My report')),
  ];
}
