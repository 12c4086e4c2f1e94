// Small pieces the role page's views share: badges, and drawing a part only when what it shows
// changed (or only noting it, on a prerendered page taken over).
import { h, patch } from '../lib/dom.js';
import { zoneClass } from '../lib/zones.js';

export function statusBadge(status) {
  return h('span', { class: `badge st-${status}` }, status === 'published' ? 'Published' : status === 'assumed' ? 'Assumed' : status);
}

export function zoneBadge(zone, label) {
  return h('span', { class: `zone-badge ${zoneClass(zone)}` }, h('span', { class: 'zone-dot', 'aria-hidden': 'true' }), label);
}

const patchKeys = new WeakMap();
/**
 * patch(), skipped entirely while `key` (the figures the part shows) is unchanged. `noted`: the part
 * already shows what it would draw (a prerendered page taken over): the key is only noted, so the
 * next render changes only what differs.
 */
export function patchWhen(noted, el, key, build) {
  if (patchKeys.get(el) === key) return;
  patchKeys.set(el, key);
  if (!noted) patch(el, build());
}

export function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

/** Hides or shows `el`, writing only a change (as setText: a page taken over is left untouched). */
export function setHidden(/** @type {HTMLElement} */ el, /** @type {boolean} */ hidden) {
  if (el.hidden !== hidden) el.hidden = hidden;
}

/** Sets attribute `name` of `el` to `value`, writing only a change (as setText). */
export function setAttr(/** @type {Element} */ el, /** @type {string} */ name, /** @type {string} */ value) {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}


/** The neighbouring roles shown beside a score: the assessment's own, or its published baseline's. */
export const neighboursOf = (assessment, published) => assessment.neighbours ?? published?.neighbours ?? [];
