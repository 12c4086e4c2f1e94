// A role page's skeleton (the sections, the toolbar and the task rows, before any figure is
// filled in), drawn by one function for the app and for the build's prerender, and the app's
// way of taking over a prerendered page instead of drawing it again.
import { buildPageSteps } from './view.js';
import { buildTaskSteps, taskRowsOpen } from './task-rows.js';
import { renderToolbar } from './own.js';
import { lastId, resetIds } from '../lib/dom.js';
import { finish } from '../lib/steps.js';
import { adoptControls } from './controls.js';

/** A short fingerprint of an assessment's JSON text (FNV-1a, 32 bits, hex). */
export function fingerprint(text) {
  let x = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) x = Math.imul(x ^ text.charCodeAt(i), 0x01000193);
  return (x >>> 0).toString(16).padStart(8, '0');
}

/**
 * The page for one assessment with its computed parts empty: {parts, refs}. `parts` go into
 * #page; the role page carries the fingerprint of what it was drawn from (data-source), so a
 * prerendered page is only taken over for the very assessment it shows, and every element of
 * `refs` says which it is (data-ref), so the takeover finds them without drawing anything.
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
  const rolePage = /** @type {HTMLElement} */ (refs.tasks.closest('.role-page'));
  rolePage.dataset.source = source ?? fingerprint(JSON.stringify(assessment));
  renderToolbar(refs, { mode: own ? 'own' : 'published' });
  yield* buildTaskSteps(refs, assessment, methodology, registry, locked ?? assessment.tasks.map(() => false), own,
    openTasks === undefined ? taskRowsOpen(assessment, own) : openTasks);
  // How many parts the takeover is to find: the refs, and the controls (the registry).
  rolePage.dataset.refs = String(markRefs(refs));
  rolePage.dataset.controls = String(registry.size);
  return { parts: [...page.children], refs };
}

/** Marks each element of `refs` with its name (data-ref: "bigScore", "reasons.summary"); returns how many. */
function markRefs(refs, prefix = '') {
  let n = 0;
  for (const [key, value] of Object.entries(refs)) {
    if (!value || typeof value !== 'object') continue;
    if (typeof value.nodeType === 'number') {
      value.dataset.ref = prefix + key;
      n++;
    } else n += markRefs(value, `${prefix}${key}.`);
  }
  return n;
}

/**
 * Takes over the prerendered markup in `container`, drawn by drawSkeleton from the assessment
 * whose fingerprint is `source`: returns {refs, registry} pointed at the elements already on the
 * page (nothing is drawn, nothing moves; the refs found by their data-ref, the controls by their
 * data-path), or null when the markup is not that page (another assessment, or parts missing),
 * and then nothing is changed.
 * @param {Element} container
 * @param {{methodology: any, source: string}} options
 */
export function adoptPage(container, { methodology, source }) {
  const rolePage = /** @type {HTMLElement | null} */ (container.firstElementChild);
  if (!rolePage?.classList.contains('role-page') || rolePage.dataset.source !== source) return null;
  /** @type {Record<string, any>} */
  const refs = { reasons: {} };
  const marked = container.querySelectorAll('[data-ref]');
  for (const el of marked) {
    const [a, b] = /** @type {HTMLElement} */ (el).dataset.ref?.split('.') ?? [];
    if (b) (refs[a] ??= {})[b] = el;
    else refs[a] = el;
  }
  const registry = adoptControls(container, methodology);
  if (marked.length !== Number(rolePage.dataset.refs) || !refs.tasks
    || !registry || registry.size !== Number(rolePage.dataset.controls)) return null;
  reserveIds(container);
  return { refs, registry };
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
