// Method internals (the calculation, sub-label, composition, rules) folded under their headings:
// open in place with a click or Enter, and remembered in this browser (which ones are open, nothing
// else). A native <details>, so a page without scripts, or the browser's find, still opens them.
import { h } from '../lib/dom.js';

const KEY = 'jobzone-open-sections';

/** The ids of the sections this browser keeps open (none where storage is refused). */
function openOnes() {
  try {
    const list = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? '[]');
    return new Set(Array.isArray(list) ? list.filter((x) => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

/**
 * A card whose body folds under its heading. Drawn closed (the build's prerendered markup is the
 * same for everyone); `applyFolds` opens what this browser left open.
 */
export function foldSection(id, title, ...body) {
  return h('section', { id, 'aria-labelledby': `${id}-h`, class: 'card fold' },
    h('details', { 'data-fold': id },
      h('summary', null, h('h2', { id: `${id}-h` }, title), h('span', { class: 'fold-hint', 'aria-hidden': 'true' })),
      body));
}

/** Opens the sections in `root` this browser left open. */
export function applyFolds(root) {
  const open = openOnes();
  for (const d of root.querySelectorAll('details[data-fold]')) {
    const want = open.has(/** @type {HTMLElement} */ (d).dataset.fold);
    if (/** @type {HTMLDetailsElement} */ (d).open !== want) /** @type {HTMLDetailsElement} */ (d).open = want;
  }
}

/** Keeps each section's open or closed state as the reader leaves it (once per document). */
export function rememberFolds(doc) {
  doc.addEventListener('toggle', (event) => {
    const d = /** @type {HTMLDetailsElement} */ (event.target);
    const id = d?.dataset?.fold;
    if (!id) return;
    const open = openOnes();
    if (d.open === open.has(id)) return;
    if (d.open) open.add(id);
    else open.delete(id);
    try {
      localStorage.setItem(KEY, JSON.stringify([...open]));
    } catch { /* storage refused: the fold still works, it is just not remembered */ }
  }, true); // (toggle does not bubble: caught on its way down)
}
