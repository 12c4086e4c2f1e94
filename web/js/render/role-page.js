// A role page's skeleton (the sections, the toolbar and the task rows, before any figure is
// filled in), drawn by one function for the app and for the build's prerender, and the app's
// way of taking over a prerendered page instead of drawing it again.
import { buildPageSteps } from './view.js';
import { buildTaskSteps, taskRowsOpen } from './task-rows.js';
import { renderToolbar } from './own.js';
import { lastId, resetIds } from '../lib/dom.js';
import { finish } from '../lib/steps.js';

/** A short fingerprint of an assessment's JSON text (FNV-1a, 32 bits, hex). */
export function fingerprint(text) {
  let x = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) x = Math.imul(x ^ text.charCodeAt(i), 0x01000193);
  return (x >>> 0).toString(16).padStart(8, '0');
}

/**
 * The page for one assessment with its computed parts empty: {parts, refs}. `parts` go into
 * #page; the role page carries the fingerprint of what it was drawn from (data-source), so a
 * prerendered page is only adopted for the very assessment it shows.
 */
export function drawSkeleton(options) {
  return finish(skeletonSteps(options));
}

/**
 * drawSkeleton in small steps (a few sections, the toolbar, a task row at a time), for a caller
 * that runs them in tasks of its own, a time budget each: a generator that returns {parts, refs}.
 */
export function* skeletonSteps({ assessment, methodology, registry, published, own = false, origin = '', locked = undefined, source = undefined, openTasks = undefined }) {
  const { page, refs } = yield* buildPageSteps({ assessment, methodology, registry, published, own, origin });
  refs.tasks.closest('.role-page').dataset.source = source ?? fingerprint(JSON.stringify(assessment));
  renderToolbar(refs, { mode: own ? 'own' : 'published' });
  yield* buildTaskSteps(refs, assessment, methodology, registry, locked ?? assessment.tasks.map(() => false), own,
    openTasks === undefined ? taskRowsOpen(assessment, own) : openTasks);
  return { parts: [...page.children], refs };
}

/**
 * Takes over the prerendered markup in `container` for a skeleton drawn by drawSkeleton from the
 * same assessment: returns the refs and registry entries pointed at the elements already on the
 * page (nothing is drawn again, nothing moves), or null when the markup is not that page (another
 * assessment, or another structure), and then nothing is changed.
 */
export function adoptPage(container, skeleton, registry) {
  return finish(adoptPageSteps(container, skeleton, registry));
}

/**
 * adoptPage a few hundred elements at a time: a generator that yields between them. Its caller
 * runs the steps back to back in tasks of its own, while nothing else changes the page.
 */
export function* adoptPageSteps(container, { parts, refs }, registry) {
  const source = parts[0]?.dataset?.source;
  const live = [...container.children];
  if (!source || live.length !== parts.length || live[0].dataset.source !== source) return null;
  const map = new Map();
  for (let i = 0; i < parts.length; i++) {
    if (!(yield* adoptTree(live[i], parts[i], map))) return null;
  }
  yield;
  let complete = true;
  const to = (el) => {
    if (el === null || el === undefined) return el;
    const found = map.get(el);
    if (!found) complete = false;
    return found;
  };
  const remap = (obj) => Object.fromEntries(Object.entries(obj).map(([k, v]) => [k,
    v && typeof v === 'object' && typeof v.nodeType !== 'number' ? remap(v) : to(v)]));
  const liveRefs = remap(refs);
  const liveRegistry = new Map([...registry].map(([key, c]) => [key,
    { ...c, input: to(c.input), output: to(c.output), was: to(c.was), row: to(c.row), level: to(c.level) }]));
  if (!complete) return null;
  reserveIds(container);
  return { refs: liveRefs, registry: liveRegistry };
}

/** Later ids never repeat one already in `root` (a page adopted from prerendered markup). */
function reserveIds(root) {
  let top = lastId();
  for (const el of root.querySelectorAll('[id]')) {
    const n = Number(/-(\d+)$/.exec(el.id)?.[1]);
    if (n > top) top = n;
  }
  resetIds(top);
}

/**
 * Hydration: pairs the elements of `built` (a detached tree drawn by the same code from the same
 * assessment, its computed parts still empty) with those already in `live` (the prerendered
 * markup), child by child, into `map` (built element -> live element). An element left empty in
 * `built` is a part that renders fill, and is not entered. Returns false where the two differ in
 * any element's name or number of children (then the page is drawn anew instead). A generator:
 * it yields every few hundred elements.
 */
function* adoptTree(live, built, map) {
  const stack = [[live, built]];
  let n = 0;
  while (stack.length) {
    const [a, b] = /** @type {[Element, Element]} */ (stack.pop());
    if (a.nodeName !== b.nodeName) return false;
    map.set(b, a);
    const want = b.children;
    if (want.length === 0) continue;
    const have = a.children;
    if (have.length !== want.length) return false;
    for (let i = want.length - 1; i >= 0; i--) stack.push([have[i], want[i]]);
    if (++n % ADOPT_SLICE === 0) yield;
  }
  return true;
}

/** Elements with children paired between two yields of adoptTree. */
const ADOPT_SLICE = 200;
