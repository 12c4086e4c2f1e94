// The task rows of a role page: share slider with lock, score slider, impact select, where the
// task's score came from, and its reasons; in your own assessment also its name and buttons.
import { h, fill } from '../lib/dom.js';
import { finish } from '../lib/steps.js';
import { pct } from '../lib/format.js';
import { rangeControl, selectControl, confidenceControl } from './controls.js';
import { whyDisclosure } from './reasons.js';
import { taskSource } from './derived.js';

/** Task rows: share slider with lock, score slider, impact select; in your own assessment also
 *  the task's name and buttons to reorder, remove and add tasks. */
export function buildTasks(refs, assessment, methodology, registry, locked, editable = false) {
  finish(buildTaskSteps(refs, assessment, methodology, registry, locked, editable));
}

/** buildTasks, a task at a time (a generator: it yields between rows; the prerendered page's takeover batches them to a time budget). */
export function* buildTaskSteps(refs, assessment, methodology, registry, locked, editable = false) {
  for (const key of [...registry.keys()]) if (key.startsWith('tasks.')) registry.delete(key);
  const impacts = methodology.inputs.impacts;
  const ts = methodology.inputs.task_score;
  const n = assessment.tasks.length;
  const max = methodology.limits.max_tasks;
  // Each control's accessible name says which task it belongs to ("Time share of task 2, ...").
  const whose = (i, name) => h('span', { class: 'visually-hidden', 'data-task-name': i }, ` of task ${i + 1}, ${name}`);
  const rows = [];
  for (let i = 0; i < n; i++) {
    if (i > 0) yield;
    rows.push(taskRow(assessment.tasks[i], i));
  }
  fill(refs.tasks, rows, editable ? h('p', { class: 'add-task' },
    h('button', { type: 'button', class: 'btn', 'data-action': 'add-task', disabled: n >= max }, '+ Add a task'),
    h('span', { class: 'muted' }, ` ${n} of at most ${max} tasks`)) : null);

  function taskRow(task, i) {
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
      rangeControl({ path: ['tasks', i, 'time_pct'], label: 'Time share', nameSuffix: whose(i, task.name), min: 0, max: 100, format: pct, class: 'share' }, registry),
      h('label', { class: 'lock' }, lock, 'Lock share', whose(i, task.name)),
      rangeControl({
        path: ['tasks', i, 'score'], label: 'Score', nameSuffix: whose(i, task.name), min: ts.min, max: ts.max, format: (v) => `${v}/${ts.max}`,
        valueText: (v) => `${v} of ${ts.max}`, class: 'score', levels: ts.levels,
        confidence: editable ? confidenceControl({
          path: `tasks.${i}.confidence`, value: task.confidence, levels: methodology.insight.confidence.levels,
          fallback: methodology.insight.confidence.default, subject: `the score of task ${i + 1}`,
        }) : null,
      }, registry),
      selectControl({ path: ['tasks', i, 'impact'], label: 'Impact', nameSuffix: whose(i, task.name), options: impacts, class: 'impact' }, registry),
      h('p', { class: 'weighted', 'data-weighted': i }),
      taskSource(task, methodology),
      editable ? h('button', { type: 'button', class: 'btn confirm-task', 'data-action': 'confirm-task', 'data-index': i }, 'Confirm this task') : null,
      whyDisclosure({ path: `tasks.${i}.rationale`, text: task.rationale, own: editable, subject: task.name, max: methodology.limits.max_text_chars }));
  }
}
