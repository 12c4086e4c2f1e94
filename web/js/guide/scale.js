// One judged input of the guided path as a group of radio buttons (guide.js): every level with the
// method's words, an example where there is one, "Not sure", and "I am sure".
import { h, nextId } from '../lib/dom.js';
import { getAt } from '../render/controls.js';
import { parsePath } from '../lib/paths.js';
import { catalogKind } from '../lib/kind.js';

/**
 * One judged input as a group of radio buttons: every level with the method's words (and an
 * example where the guide has one), then "Not sure" when the input is judged (`confPath`), and
 * a check box for "sure"; or, for an input that may be left unjudged (`unjudged`), "Not judged". The
 * published value, when the visitor started from one, is marked.
 */
export function scaleView({
  current, baseline, legend, path, confPath = null, levels, min, max, means = null, where = null, examples = null, number, unjudged = false,
}) {
  const name = nextId('g');
  const value = getAt(current, parsePath(path));
  const confidence = confPath ? getAt(current, parsePath(confPath)) : null;
  const unsure = confidence === 'unsure';
  const base = baseline ? getAt(baseline, parsePath(path)) : undefined;
  const hintId = means || where ? nextId('gh') : null;
  const option = (v, words, extra, checked) => h('label', { class: 'guide-option' },
    h('input', { type: 'radio', name, value: v, checked, 'data-g': 'level', 'data-path': path, 'data-conf': confPath }),
    h('span', { class: 'guide-words' }, h('strong', null, extra.num ?? ''), extra.num ? ' ' : '', words,
      extra.published ? h('span', { class: `badge st-${catalogKind(baseline)}` }, catalogKind(baseline)) : null),
    extra.example ? h('span', { class: 'guide-eg' }, `For example: ${extra.example}`) : null);
  const options = levels.filter((l) => l.value >= min && l.value <= max).map((l) => option(l.value, l.text,
    { num: number(l.value), example: examples?.[l.value], published: base === l.value }, !unsure && value === l.value));
  if (confPath) {
    options.push(option('unsure', 'Not sure', { example: null }, unsure));
  } else if (unjudged) {
    // An input outside the formula (a protective principle) can be left out: null, "not judged".
    options.push(option('none', 'Not judged: leave it out', { example: null, published: Boolean(baseline) && base === null }, value === null));
  }
  const sureBox = confPath ? h('label', { class: 'guide-sure', hidden: unsure },
    h('input', { type: 'checkbox', 'data-g': 'sure', 'data-conf': confPath, checked: confidence === 'sure' }),
    ' I am sure of this level') : null;
  return h('fieldset', { class: 'guide-q', 'aria-describedby': hintId },
    h('legend', null, legend),
    hintId ? h('div', { id: hintId, class: 'guide-help' },
      means ? h('p', null, means) : null,
      where ? h('p', null, h('strong', null, 'Where to look: '), where) : null) : null,
    h('div', { class: 'guide-options' }, options),
    sureBox);
}

/**
 * Examples for each task level: from the occupation the visitor started from (a task of its own at
 * that level, in its words), never another job's; with no occupation, the guide's own examples,
 * written for any job (data/guide.json).
 */
export function examplesOf(baseline, generic) {
  if (!baseline?.tasks?.length) return generic;
  const out = {};
  for (const t of baseline.tasks) out[t.score] ??= `“${t.name}” (${baseline.role.title})`;
  return out;
}

/** The first task box's placeholder: the occupation's own first task, or words for any job. */
export const firstTaskHint = (baseline) => (baseline?.tasks?.[0]?.name ? `e.g. ${baseline.tasks[0].name}` : 'e.g. the task that takes most of your week');
