// Labelled native controls bound to a path in the assessment ("tasks.2.score").
import { h, nextId } from '../lib/dom.js';
import { baselineWord } from '../lib/kind.js';

export const pathKey = (path) => path.join('.');

export function getAt(obj, path) {
  return path.reduce((o, k) => (o == null ? undefined : o[k]), obj);
}

export function setAt(obj, path, value) {
  const last = path[path.length - 1];
  getAt(obj, path.slice(0, -1))[last] = value;
}

/**
 * A range input with its label, visible value, the words for its level, the "was" note for
 * changed inputs and, optionally, its rationale (a disclosure under it).
 * spec: {path, label, min, max, step, format(value) -> text, valueText(value) -> spoken text,
 *        levels: [{value, text}] (methodology words), nameSuffix: hidden text completing the
 *        accessible name, why: element}
 */
export function rangeControl(spec, registry) {
  const id = nextId('c');
  const format = spec.format ?? ((v) => String(v));
  const levelOf = (v) => spec.levels?.find((l) => l.value === v)?.text ?? '';
  const input = h('input', {
    type: 'range', id, min: spec.min, max: spec.max, step: spec.step ?? 1,
    'data-path': pathKey(spec.path), 'aria-describedby': `${id}-was`,
  });
  const output = h('output', { for: id, class: 'val', 'aria-hidden': 'true' });
  const level = spec.levels ? h('span', { class: 'level', 'aria-hidden': 'true' }) : null;
  const was = h('span', { id: `${id}-was`, class: 'was' });
  const row = h('div', { class: `ctl ${spec.class ?? ''}` },
    h('label', { for: id }, spec.label, spec.nameSuffix ?? null), input, output, level, was, spec.confidence ?? null, spec.why ?? null);
  const valueText = spec.valueText ?? format;
  registry.set(pathKey(spec.path), {
    path: spec.path, input, output, was, row, level, format,
    levelOf, valueText: (v) => (levelOf(v) ? `${valueText(v)}: ${levelOf(v)}` : valueText(v)),
  });
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

/** A select with its label; options: [{key, label}]. */
export function selectControl(spec, registry) {
  const id = nextId('c');
  const input = h('select', { id, 'data-path': pathKey(spec.path), 'aria-describedby': `${id}-was` },
    spec.options.map((o) => h('option', { value: o.key }, o.label)));
  const was = h('span', { id: `${id}-was`, class: 'was' });
  const label = h('label', { for: id, class: spec.labelHidden ? 'visually-hidden' : null }, spec.label, spec.nameSuffix ?? null);
  const row = h('div', { class: `ctl ${spec.class ?? ''}` }, label, input, was);
  const byKey = Object.fromEntries(spec.options.map((o) => [o.key, o.label]));
  registry.set(pathKey(spec.path), { path: spec.path, input, output: null, was, row, format: (v) => byKey[v] ?? v, valueText: (v) => byKey[v] ?? v });
  return row;
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
    if (value === null) { // a protective principle nobody judged: the slider rests at its lowest, and says so
      if (c.shown === null) continue;
      c.shown = null;
      c.shownBefore = undefined;
      setValue(c.input, c.input.getAttribute('min') ?? '0');
      c.input.setAttribute('aria-valuetext', 'not judged');
      if (c.output) c.output.textContent = '–';
      if (c.level) c.level.textContent = 'Not judged: nobody has judged this yet';
      c.row.classList.add('unjudged');
      c.was.textContent = '';
      continue;
    }
    if (c.row.classList.contains('unjudged')) c.row.classList.remove('unjudged');
    // The control's own value always (the one just moved may have been held back, by a lock, say).
    if (c.input.value !== String(value)) setValue(c.input, String(value));
    const before = published ? getAt(published, path) : undefined;
    if (c.shown === value && c.shownBefore === before && c.shownPublished === published) continue;
    c.shown = value;
    c.shownBefore = before;
    c.shownPublished = published;
    if (c.input.type === 'range') {
      const spoken = c.valueText(value);
      if (c.input.getAttribute('aria-valuetext') !== spoken) c.input.setAttribute('aria-valuetext', spoken);
    }
    const shown = c.format(value);
    if (c.output && c.output.textContent !== shown) c.output.textContent = shown;
    if (c.level) {
      const words = c.levelOf(value);
      if (c.level.textContent !== words) c.level.textContent = words;
    }
    const changed = published !== null && before !== undefined && before !== value;
    if (c.row.classList.contains('changed') !== changed) c.row.classList.toggle('changed', changed);
    const note = changed ? `changed, ${baseWord} ${c.format(before)}` : '';
    if (c.was.textContent !== note) c.was.textContent = note;
  }
}
