// Labelled native controls bound to a path in the assessment ("tasks.2.score").
import { h, nextId } from '../lib/dom.js';
import { baselineWord } from '../lib/kind.js';
import { pct, signed } from '../lib/format.js';
import { parsePath } from '../lib/paths.js';
import { setAttr, setText } from './parts.js';

export const pathKey = (path) => path.join('.');

export function getAt(obj, path) {
  return path.reduce((o, k) => (o == null ? undefined : o[k]), obj);
}

export function setAt(obj, path, value) {
  const last = path[path.length - 1];
  getAt(obj, path.slice(0, -1))[last] = value;
}

/**
 * What the control at `path` is, from the methodology: its scale (min, max), how its value is
 * shown (format) and said (valueText), the words for its levels, or a select's options, and its
 * class. One place for both ways a page gets its controls: drawn (rangeControl, selectControl)
 * and taken over from prerendered markup (adoptControls). null: no control has that path.
 */
export function controlSpec(path, methodology) {
  const i = methodology.inputs;
  const outOf = (max) => ({ format: (v) => `${v}/${max}`, valueText: (v) => `${v} of ${max}` });
  const [group, key, field] = path;
  if (group === 'tasks' && typeof key === 'number') {
    if (field === 'time_pct') return { min: 0, max: 100, format: pct, class: 'share' };
    if (field === 'score') return { min: i.task_score.min, max: i.task_score.max, ...outOf(i.task_score.max), levels: i.task_score.levels, class: 'score' };
    if (field === 'impact') return { options: i.impacts, class: 'impact' };
    return null;
  }
  if (path.length === 1 && group === 'ai_growth_correlation') {
    const g = i.ai_growth_correlation;
    return { min: g.min, max: g.max, format: signed, levels: g.levels, class: 'growth' };
  }
  const scale = path.length === 2 && ['evidence', 'barriers', 'protective'].includes(group) ? i[group] : null;
  const d = scale?.dimensions.find((x) => x.key === key);
  if (!d) return null;
  return { min: scale.min, max: scale.max, ...(group === 'evidence' ? { format: signed } : outOf(scale.max)), levels: d.levels };
}

/**
 * A control's entry in the registry (what syncControls writes to), from its spec and elements.
 * @param {any} spec
 * @param {{path: (string|number)[], input: Element, output: Element | null, was: Element, row: Element, level: Element | null}} parts
 */
function entryOf(spec, parts) {
  if (spec.options) {
    const byKey = Object.fromEntries(spec.options.map((o) => [o.key, o.label]));
    const format = (v) => byKey[v] ?? v;
    return { ...parts, output: null, format, valueText: format };
  }
  const format = spec.format ?? ((v) => String(v));
  const levelOf = (v) => spec.levels?.find((l) => l.value === v)?.text ?? '';
  const valueText = spec.valueText ?? format;
  return { ...parts, format, levelOf, valueText: (v) => (levelOf(v) ? `${valueText(v)}: ${levelOf(v)}` : valueText(v)) };
}

/**
 * A range input with its label, visible value, the words for its level, the "was" note for
 * changed inputs and, optionally, its rationale (a disclosure under it). Its scale and words come
 * from controlSpec(spec.path, methodology).
 * spec: {path, label, nameSuffix: hidden text completing the accessible name, why: element,
 *        confidence: element}
 */
export function rangeControl(spec, methodology, registry) {
  const id = nextId('c');
  const of = controlSpec(spec.path, methodology);
  const input = h('input', {
    type: 'range', id, min: of.min, max: of.max, step: 1,
    'data-path': pathKey(spec.path), 'aria-describedby': `${id}-was`,
  });
  const output = h('output', { for: id, class: 'val', 'aria-hidden': 'true' });
  const level = of.levels ? h('span', { class: 'level', 'aria-hidden': 'true' }) : null;
  const was = h('span', { id: `${id}-was`, class: 'was' });
  const row = h('div', { class: `ctl ${of.class ?? ''}` },
    h('label', { for: id }, spec.label, spec.nameSuffix ?? null), input, output, level, was, spec.confidence ?? null, spec.why ?? null);
  registry.set(pathKey(spec.path), entryOf(of, { path: spec.path, input, output, was, row, level }));
  return row;
}

/**
 * "How sure": sure, roughly (the default) or not sure, for one judged input (own assessments).
 * `path`: the input's confidence path ("tasks.2.confidence", "confidence.evidence.wage_trends").
 */
export function confidenceControl({ path, value, levels, fallback, subject }) {
  const id = nextId('conf');
  return h('span', { class: 'conf' },
    h('label', { for: id }, 'How sure', h('span', { class: 'visually-hidden' }, ` of ${subject}`)),
    h('select', { id, 'data-confidence': path },
      levels.map((l) => h('option', { value: l.key, selected: l.key === (value || fallback), title: l.text }, l.label))));
}

/** A select with its label; its options come from controlSpec(spec.path, methodology). */
export function selectControl(spec, methodology, registry) {
  const id = nextId('c');
  const of = controlSpec(spec.path, methodology);
  const input = h('select', { id, 'data-path': pathKey(spec.path), 'aria-describedby': `${id}-was` },
    of.options.map((o) => h('option', { value: o.key }, o.label)));
  const was = h('span', { id: `${id}-was`, class: 'was' });
  const label = h('label', { for: id, class: spec.labelHidden ? 'visually-hidden' : null }, spec.label, spec.nameSuffix ?? null);
  const row = h('div', { class: `ctl ${of.class ?? ''}` }, label, input, was);
  registry.set(pathKey(spec.path), entryOf(of, { path: spec.path, input, output: null, was, row, level: null }));
  return row;
}

/**
 * The registry of the controls already in `root` (a prerendered page, drawn by rangeControl and
 * selectControl), found by their data-path: the same entries drawing them would have made, or
 * null if any control is not one this methodology has, or lacks a part.
 * @param {Element} root
 */
export function adoptControls(root, methodology) {
  const registry = new Map();
  for (const input of root.querySelectorAll('input[data-path], select[data-path]')) {
    const key = /** @type {HTMLElement} */ (input).dataset.path ?? '';
    const path = parsePath(key);
    const spec = controlSpec(path, methodology);
    const row = input.parentElement;
    if (!spec || !row?.classList.contains('ctl') || registry.has(key)) return null;
    const part = (/** @type {string} */ selector) => row.querySelector(`:scope > ${selector}`);
    const was = part('.was');
    const output = spec.options ? null : part('output');
    const level = spec.levels ? part('.level') : null;
    if (!was || (!spec.options && !output) || (spec.levels && !level)) return null;
    registry.set(key, entryOf(spec, { path, input, output, was, row, level }));
  }
  return registry;
}

/**
 * Sets a control's value; a select's through its options (the same in a browser, and in a
 * document rendered to markup, where the chosen option carries `selected`).
 */
function setValue(input, value) {
  if (input.localName === 'select') {
    for (const o of input.querySelectorAll('option')) if (o.selected !== (o.value === value)) o.selected = o.value === value;
  } else input.value = value;
}

/** What an input nobody judged says in place of its level. */
const UNJUDGED = 'Not judged: nobody has judged this yet';

/**
 * Brings every registered control in line with the assessment and marks what changed. The words
 * around a control whose value and published value are those it last showed are left alone (a
 * slider move changes one or a few of up to 150 controls).
 */
export function syncControls(registry, current, published) {
  // What the starting figures are called: a derived starting point is nobody's published figure.
  const baseWord = baselineWord(published).toLowerCase();
  for (const c of registry.values()) {
    const { path } = c;
    const value = getAt(current, path);
    if (value === undefined) continue;
    // (toggle with a force writes nothing when the class is already so, as setText.)
    c.row.classList.toggle('unjudged', value === null);
    if (value === null) { // a protective principle nobody judged: the slider rests at its lowest, and says so
      if (c.shown === null) continue;
      c.shown = null;
      c.shownBefore = undefined;
      // (Written only where it differs: a prerendered page already shows all of it.)
      const lowest = c.input.getAttribute('min') ?? '0';
      if (c.input.value !== lowest) setValue(c.input, lowest);
      setAttr(c.input, 'aria-valuetext', 'not judged');
      if (c.output) setText(c.output, '–');
      if (c.level) setText(c.level, UNJUDGED);
      setText(c.was, '');
      continue;
    }
    // The control's own value always (the one just moved may have been held back, by a lock, say).
    if (c.input.value !== String(value)) setValue(c.input, String(value));
    const before = published ? getAt(published, path) : undefined;
    if (c.shown === value && c.shownBefore === before && c.shownPublished === published) continue;
    c.shown = value;
    c.shownBefore = before;
    c.shownPublished = published;
    if (c.input.type === 'range') setAttr(c.input, 'aria-valuetext', c.valueText(value));
    if (c.output) setText(c.output, c.format(value));
    if (c.level) setText(c.level, c.levelOf(value));
    const changed = published !== null && before !== undefined && before !== value;
    c.row.classList.toggle('changed', changed);
    setText(c.was, changed ? `changed, ${baseWord} ${c.format(before)}` : '');
  }
}
