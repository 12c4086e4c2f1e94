// Two assessments side by side, as the compare panel and the guide's result step show them: one
// table, one sign convention (a change is always the second minus the first), and one way to find
// a published role to compare with when the catalog is too large to list.
import { h, fill } from '../lib/dom.js';
import { fixed, signed, signed1, pct } from '../lib/format.js';
import { matchWords } from '../catalog/search.js';

const signed2 = (v) => (v > 0.004 ? `+${fixed(v, 2)}` : fixed(v, 2));

/** The change from the first result to the second, figure by figure: [label, first, second, change]. */
export function resultRows(m, first, second) {
  const [a, b] = [first, second];
  return [
    ['Score', a.display.score, b.display.score, signed1(b.score - a.score)],
    ['Zone and label', a.label, b.label, a.zone === b.zone ? 'same zone' : `${a.zone} → ${b.zone}`],
    ['Task resistance', a.display.task_resistance, b.display.task_resistance, signed2(b.task_resistance - a.task_resistance)],
    ['Evidence', signed(a.totals.evidence), signed(b.totals.evidence), signed(b.totals.evidence - a.totals.evidence)],
    ['Barriers', String(a.totals.barriers), String(b.totals.barriers), signed(b.totals.barriers - a.totals.barriers)],
    ['AI growth', signed(a.totals.growth), signed(b.totals.growth), signed(b.totals.growth - a.totals.growth)],
    [`Time scoring ${m.inputs.task_score.exposed_min}+`, pct(a.time_share_3plus), pct(b.time_share_3plus), `${signed1(b.time_share_3plus - a.time_share_3plus)} points`],
  ];
}

/** The points each part of the formula gives (the exact attribution: they add up to each score). */
export function attributionRows(first, second) {
  const printed = (r, i) => r.display.attribution?.[i]?.points ?? fixed(r.attribution[i].points, 1);
  return first.attribution.map((p, i) => [`${p.label} (points)`, printed(first, i), printed(second, i), signed1(second.attribution[i].points - p.points)]);
}

/**
 * The table: a row per figure, columns first, second and the change (second minus first).
 * heads: [first, second] column names; rows: [label, first, second, change].
 */
export function comparisonTable({ className, caption = null, heads, rows }) {
  return h('table', { class: className },
    caption ? h('caption', { class: 'visually-hidden' }, caption) : null,
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Figure')),
      h('th', { scope: 'col' }, heads[0]), h('th', { scope: 'col' }, heads[1]), h('th', { scope: 'col' }, 'Change'))),
    h('tbody', null, rows.map(([label, a, b, change]) => h('tr', null,
      h('th', { scope: 'row' }, label), h('td', null, a), h('td', null, b), h('td', { class: 'num' }, change)))));
}

/**
 * A search box for a published role in a catalog too large to list, with its results: `id` of the
 * box, `attrs` that mark the box for its feature's input handler, `pick` the attributes of a
 * result's button (plus data-id), `found` {results, total} or null.
 */
export function roleFinder({ id, countId = `${id}-count`, label, attrs, pick, query = '', found = null }) {
  const list = h('ul', { class: 'compare-found' });
  const count = h('p', { id: countId, class: 'muted', role: 'status' });
  const finder = h('div', { class: 'compare-find' },
    h('label', { for: id }, label),
    h('input', { type: 'search', id, ...attrs, value: query, autocomplete: 'off', 'aria-describedby': countId }),
    count, list);
  showFoundRoles(finder, { pick, found });
  return finder;
}

/** Fills a role finder's results and their count (only those, so the box keeps focus). */
export function showFoundRoles(finder, { pick, found }) {
  const list = finder.querySelector('.compare-found');
  if (!list) return;
  fill(list, (found?.results ?? []).map(({ role, title = role.title }) => h('li', null,
    h('button', { type: 'button', class: 'link-btn', ...pick, 'data-id': role.id }, title, title !== role.title ? ` — ${role.title}` : '',
      role.seniority ? ` (${role.seniority})` : '', role.derived ? ' · derived' : ' · published'))));
  finder.querySelector('[role=status]').textContent = matchWords(found);
}
