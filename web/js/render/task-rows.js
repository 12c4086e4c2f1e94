// The task rows of a role page: share slider with lock, score slider, impact select, where the
// task's score came from, and its reasons; in your own assessment also its name and buttons. A
// derived starting point (dozens of O*NET tasks nobody judged) shows each task as one line of
// text instead, with an "Adjust" button that brings its controls.
import { h, fill, nextId } from '../lib/dom.js';
import { finish } from '../lib/steps.js';
import { pct, fixed } from '../lib/format.js';
import { catalogKind } from '../lib/kind.js';
import { rangeControl, selectControl, confidenceControl } from './controls.js';
import { whyDisclosure } from './reasons.js';
import { taskSource } from './derived.js';

/**
 * Which task rows show their controls when a page opens: null for all (a published assessment,
 * your own), or one flag a task, all off (a derived starting point: each task one line).
 * @returns {boolean[] | null}
 */
export function taskRowsOpen(assessment, own = false) {
  return !own && catalogKind(assessment) === 'derived' ? assessment.tasks.map(() => false) : null;
}

/** Task rows: share slider with lock, score slider, impact select; in your own assessment also
 *  the task's name and buttons to reorder, remove and add tasks. `open`: taskRowsOpen. */
export function buildTasks(refs, assessment, methodology, registry, locked, editable = false, open = null) {
  finish(buildTaskSteps(refs, assessment, methodology, registry, locked, editable, open));
}

/**
 * buildTasks, a task at a time (a generator: it yields between rows; the prerendered page's
 * takeover batches them to a time budget). `open`: null, every row with its controls; else the
 * rows flagged false are one line each (taskLine), and only those flagged true have controls.
 */
export function* buildTaskSteps(refs, assessment, methodology, registry, locked, editable = false, open = null) {
  for (const key of [...registry.keys()]) if (key.startsWith('tasks.')) registry.delete(key);
  const n = assessment.tasks.length;
  const max = methodology.limits.max_tasks;
  const rows = [];
  for (let i = 0; i < n; i++) {
    if (i > 0) yield;
    const row = open && !open[i] ? null : taskRow({ task: assessment.tasks[i], i, n, methodology, registry, locked, editable });
    rows.push(!open ? row : row ? h('li', { class: 'task-line open' }, row) : taskLine(assessment.tasks[i], i, methodology));
  }
  const list = open ? [h('p', { class: 'task-lines-how' }, `${n} tasks from the data, one line each. `,
    open.every(Boolean) ? null : h('button', { type: 'button', class: 'link-btn', 'data-action': 'adjust-task', 'data-index': 'all' }, 'Adjust every task')),
  h('ol', { class: 'task-lines' }, rows)] : rows;
  fill(refs.tasks, list, editable ? h('p', { class: 'add-task' },
    h('button', { type: 'button', class: 'btn', 'data-action': 'add-task', disabled: n >= max }, '+ Add a task'),
    h('span', { class: 'muted' }, ` ${n} of at most ${max} tasks`)) : null);
}

/**
 * One task as a line of text: its name (once; the button's name refers to it), its share, level
 * and impact (filled by view.js renderScore from each result, so they follow every change), where
 * its level came from, and "Adjust", which brings the row's controls.
 */
function taskLine(task, i, methodology) {
  const nameId = nextId('tl');
  const buttonId = nextId('ta');
  return h('li', { class: 'task-line', 'data-task-line': i },
    h('p', { class: 'tl-name', id: nameId }, task.name),
    h('p', { class: 'tl-figs' }, h('span', { 'data-task-figs': i }),
      ' ', h('button', { type: 'button', class: 'link-btn', id: buttonId, 'data-action': 'adjust-task', 'data-index': i, 'aria-labelledby': `${buttonId} ${nameId}` }, 'Adjust')),
    taskSource(task, methodology));
}

/**
 * The figures on a task's line: "12.5% of the week · level 3 of 5, AI does much of it; a human
 * steers and checks · Augmented · weighted 0.38", and what changed from `before` (the derived task).
 */
export function taskFigures(task, methodology, before = null) {
  const ts = methodology.inputs.task_score;
  const impact = (key) => methodology.inputs.impacts.find((x) => x.key === key)?.label ?? key;
  const level = (v) => ts.levels.find((l) => l.value === v)?.text;
  const changed = before ? [
    before.time_pct !== task.time_pct ? `share ${pct(before.time_pct)}` : null,
    before.score !== task.score ? `level ${before.score}` : null,
    before.impact !== task.impact ? impact(before.impact).toLowerCase() : null,
  ].filter(Boolean) : [];
  return [
    `${pct(task.time_pct)} of the week`,
    `level ${task.score} of ${ts.max}${level(task.score) ? `, ${level(task.score)}` : ''}`,
    impact(task.impact),
    `weighted ${fixed((task.time_pct * task.score) / 100, 2)}`,
  ].join(' · ') + (changed.length ? ` (changed; the data had ${changed.join(', ')})` : '');
}

/** A task with its controls (and, in your own assessment, its name and buttons). */
function taskRow({ task, i, n, methodology, registry, locked, editable }) {
  // Each control's accessible name says which task it belongs to ("Time share of task 2, ...").
  const whose = () => h('span', { class: 'visually-hidden', 'data-task-name': i }, ` of task ${i + 1}, ${task.name}`);
  const lock = h('input', { type: 'checkbox', 'data-lock': i, checked: Boolean(locked[i]), id: `lock-${i}` });
  const title = editable
    ? h('span', { class: 'task-name' },
      h('input', { type: 'text', 'data-text': `tasks.${i}.name`, value: task.name, maxlength: methodology.limits.max_task_chars, 'aria-label': `Name of task ${i + 1}`, autocomplete: 'off' }),
      h('button', { type: 'button', class: 'icon', 'data-action': 'move-task', 'data-index': i, 'data-dir': -1, disabled: i === 0, 'aria-label': `Move task ${i + 1} up` }, '↑'),
      h('button', { type: 'button', class: 'icon', 'data-action': 'move-task', 'data-index': i, 'data-dir': 1, disabled: i === n - 1, 'aria-label': `Move task ${i + 1} down` }, '↓'),
      h('button', { type: 'button', class: 'icon', 'data-action': 'remove-task', 'data-index': i, disabled: n === 1, 'aria-label': `Remove task ${i + 1}` }, '×'))
    : task.name;
  return h('fieldset', { class: editable ? 'task editable' : 'task' },
    h('legend', null, h('span', { class: 'task-n' }, `${i + 1}.`), ' ', editable ? `Task ${i + 1}` : title),
    editable ? title : null,
    rangeControl({ path: ['tasks', i, 'time_pct'], label: 'Time share', nameSuffix: whose() }, methodology, registry),
    h('label', { class: 'lock' }, lock, 'Lock share', whose()),
    rangeControl({
      path: ['tasks', i, 'score'], label: 'Score', nameSuffix: whose(),
      confidence: editable ? confidenceControl({
        path: `tasks.${i}.confidence`, value: task.confidence, levels: methodology.insight.confidence.levels,
        fallback: methodology.insight.confidence.default, subject: `the score of task ${i + 1}`,
      }) : null,
    }, methodology, registry),
    selectControl({ path: ['tasks', i, 'impact'], label: 'Impact', nameSuffix: whose() }, methodology, registry),
    h('p', { class: 'weighted', 'data-weighted': i }),
    taskSource(task, methodology),
    editable ? h('button', { type: 'button', class: 'btn confirm-task', 'data-action': 'confirm-task', 'data-index': i }, 'Confirm this task') : null,
    whyDisclosure({ path: `tasks.${i}.rationale`, text: task.rationale, own: editable, subject: task.name, max: methodology.limits.max_text_chars }));
}
