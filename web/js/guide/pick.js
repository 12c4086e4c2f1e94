// The guided path seeded with an occupation ("Make it mine" on a derived starting point): one
// screen to pick the tasks you actually do from the occupation's own list, give each hours a week,
// and change a level where you know better; the next screen is the result. The data's levels are
// shown as a source ("from the data"), never as a silent default. What was picked lives in
// state.guide.pick (one entry per task of the starting point: {on, hours, level}), so a reload
// resumes it; the assessment is rebuilt from it after every change (app.structural).
import { h, nextId } from '../lib/dom.js';
import { pct } from '../lib/format.js';
import { sharesOf } from '../tasks/time-shares.js';
import { sourceLine } from '../render/derived.js';

/** At most this many hours a week for one task (a week has 168). */
export const MAX_HOURS = 168;

/**
 * A draft's pick, as data like any other: one entry per task of the starting point, anything odd
 * dropped. Null when it does not fit the starting point.
 */
export function cleanPick(pick, count) {
  if (!Array.isArray(pick) || pick.length !== count) return null;
  const hours = (x) => (x === null || x === '' || x === undefined ? null : Number.isFinite(Number(x)) && Number(x) >= 0 && Number(x) <= MAX_HOURS ? Number(x) : null);
  const level = (x) => (Number.isInteger(x) && x >= 1 && x <= 5 ? x : null);
  return pick.map((p) => ({ on: p?.on === true, hours: hours(p?.hours), level: level(p?.level) }));
}

/** Nothing picked yet: one entry per task of the starting point. */
export const emptyPick = (baseline) => baseline.tasks.map(() => ({ on: false, hours: null, level: null }));

/**
 * The tasks the assessment gets from a pick: the picked ones (their level as changed, their share
 * from the hours: no hours at all keeps the data's shares, in proportion), or, while nothing is
 * picked, every task of the starting point as it is.
 */
export function tasksOf(pick, baseline, m) {
  const chosen = pick.map((p, i) => ({ ...p, i })).filter((p) => p.on);
  if (!chosen.length) return baseline.tasks.map((t) => structuredClone(t));
  const anyHours = chosen.some((p) => (p.hours ?? 0) > 0);
  const shares = sharesOf(chosen.map((p) => (anyHours ? p.hours ?? 0 : baseline.tasks[p.i].time_pct)), m.inputs.time_pct.total)
    ?? sharesOf(chosen.map(() => 1), m.inputs.time_pct.total);
  return chosen.map((p, k) => {
    const task = structuredClone(baseline.tasks[p.i]);
    task.time_pct = shares[k];
    if (p.level !== null && p.level !== task.score) {
      task.score = p.level;
      delete task.confidence; // your own level: one step either way, like any judgment
    }
    return task;
  });
}

/** The pick screen: every task of the starting point, a check box, hours and level for the picked. */
export function pickView({ pick, baseline, m }) {
  const ts = m.inputs.task_score;
  const levels = ts.levels.filter((l) => l.value >= ts.min && l.value <= ts.max);
  const chosen = pick.filter((p) => p.on).length;
  const rows = baseline.tasks.map((t, i) => {
    const p = pick[i];
    const boxId = nextId('pk');
    const data = t.score;
    return h('li', { class: `pick-task${p.on ? ' on' : ''}`, 'data-row': i },
      h('div', { class: 'pick-head' },
        h('input', { type: 'checkbox', id: boxId, 'data-p': 'on', 'data-index': i, checked: p.on }),
        h('label', { for: boxId }, t.name)),
      h('p', { class: 'pick-data' }, `From the data: ${pct(t.time_pct)} of the week, level ${data} of ${ts.max}.`),
      h('div', { class: 'pick-controls', hidden: !p.on },
        h('label', { class: 'pick-hours' }, 'Hours a week', h('span', { class: 'visually-hidden' }, ` on “${t.name}”`),
          h('input', { type: 'number', inputmode: 'decimal', min: 0, max: MAX_HOURS, step: 'any', 'data-p': 'hours', 'data-index': i, value: p.hours ?? '' })),
        h('label', { class: 'pick-level' }, h('span', null, `How far AI can do it (the data says ${data}; change it if you know better)`),
          h('span', { class: 'visually-hidden' }, ` for “${t.name}”`),
          h('select', { 'data-p': 'level', 'data-index': i }, levels.map((l) => h('option', { value: l.value, selected: (p.level ?? data) === l.value },
            `${l.value} · ${l.text}${l.value === data ? ' · from the data' : ''}`)))),
        h('p', { class: 'pick-source muted' }, sourceLine(t.source, m))));
  });
  return [
    h('p', { class: 'pick-count', role: 'status' }, countWords(chosen, baseline.tasks.length)),
    h('ol', { class: 'pick-list' }, rows),
    h('p', { class: 'guide-hint' }, 'A task you do that is not listed: leave the guide (below) and add it on the full page.'),
  ];
}

/** "3 of 25 tasks picked; …" */
export function countWords(chosen, count) {
  return chosen
    ? `${chosen} of ${count} tasks picked. Give each picked task its hours a week (without any, the data's shares are kept).`
    : `None of the ${count} tasks picked yet: until you pick, the result uses all of them, as the data has them.`;
}

/**
 * A change on the pick screen (`el`: the control), as the new pick, or null when the value is not
 * one to keep (the field is marked invalid and the last valid pick stays).
 */
export function pickChange(pick, el) {
  const i = Number(el.dataset.index);
  const next = pick.map((p) => ({ ...p }));
  if (el.dataset.p === 'on') next[i].on = el.checked;
  else if (el.dataset.p === 'hours') {
    const value = el.value === '' ? null : Number(el.value);
    const valid = value === null || (Number.isFinite(value) && value >= 0 && value <= MAX_HOURS);
    el.setAttribute('aria-invalid', String(!valid));
    if (!valid) return null;
    next[i].hours = value;
  } else if (el.dataset.p === 'level') next[i].level = Number(el.value);
  return next;
}
