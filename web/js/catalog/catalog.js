// The catalog (published roles and derived starting points). At boot only data/index.json (the
// default role and the count); the search data (data/search.json, then data/titles.json) loads
// when it is first needed (a search box, the compare choices), however many roles there are; each
// role's file is data/roles/<id>.json.
import { h, fill } from '../lib/dom.js';
import { siteUrl } from '../lib/site.js';
import { buildIndexSoon, search, TIER } from './search.js';
import { ROLE_ID } from '../lib/card.js';
import { nextTask } from '../lib/steps.js';

const MAX_SHOWN = 20;
/** Up to this many published roles, each is a choice in a select (compare); a larger catalog is searched. */
export const LISTED_ROLES = 60;

/** A JSON file of the site ("data/index.json"), from whichever page the app runs on. */
export async function fetchJson(url) {
  const response = await fetch(siteUrl(url));
  if (!response.ok) throw Object.assign(new Error(`${url}: HTTP ${response.status}`), { status: response.status });
  return response.json();
}

export const loadCatalog = () => fetchJson('data/index.json');

let listPromise = null;
/** The newest index: the first part's, then (once data/titles.json has loaded) every title's. */
let latest = null;
const whenFuller = new Set();
/**
 * Every catalog role [{id, title, seniority, category, aliases, derived?, employment?}] and its
 * search index, loaded once: data/search.json (what the first keystroke needs), then, without
 * waiting, data/titles.json (the longer titles), after which latestIndex() has them too.
 */
export function roleIndex() {
  listPromise ??= fetchJson('data/search.json').then(async (data) => {
    // Built a slice at a time, each in a task of its own: the reader's typing goes first.
    const index = await buildIndexSoon(data.roles, null, nextTask);
    latest = index;
    learnLetters(index);
    loadLongerTitles(data.roles);
    return index;
  }).catch((error) => {
    listPromise = null;
    throw error;
  });
  return listPromise;
}

/** The fullest search index loaded so far (null before the first part). */
export const latestIndex = () => latest;

/** Calls `listener(index)` when the longer titles have been indexed; returns the way to stop. */
export function onFullerIndex(listener) {
  whenFuller.add(listener);
  return () => whenFuller.delete(listener);
}

/** The page's next idle moment (a timer where there is no idle callback). */
const idleMoment = () => new Promise((resolve) => (globalThis.requestIdleCallback ?? ((f) => setTimeout(f, 50)))(() => resolve()));

function loadLongerTitles(rows) {
  fetchJson('data/titles.json').then(async (data) => {
    const index = await buildIndexSoon(rows, data.roles, idleMoment);
    index.complete = true;
    latest = index;
    learnLetters(index);
    for (const listener of whenFuller) listener(index);
  }, () => {
    // Without them (offline, never loaded): every title a person types whole is in the first part.
  });
}

/** Works out the results of each one-letter query while the page is idle, a letter at a time. */
function learnLetters(index) {
  const idle = globalThis.requestIdleCallback ?? ((f) => setTimeout(f, 50));
  const letters = [...'abcdefghijklmnopqrstuvwxyz0123456789'];
  const next = () => {
    const letter = letters.shift();
    if (letter === undefined || latest !== index) return; // (a fuller index learns its own)
    search(index, letter, MAX_SHOWN);
    idle(next);
  };
  idle(next);
}

const roles = new Map(); // id -> promise of the assessment (or null: no such role)
/** A published role's assessment, or null when there is none by that id. */
export function fetchRole(id) {
  if (typeof id !== 'string' || !ROLE_ID.test(id)) return Promise.resolve(null);
  if (!roles.has(id)) {
    roles.set(id, fetchJson(`data/roles/${id}.json`).catch((error) => {
      roles.delete(id);
      if (error.status === 404) return null;
      throw error;
    }));
  }
  return roles.get(id);
}

/** How many results a title shared by many occupations shows before "N more" (teacher: 22). */
const SAME_TITLE_SHOWN = 5;

/**
 * The results of `query`, as list items: each the title that matched (and its role's, when they
 * differ: "Staff Nurse — Registered Nurses") and whether it is published or derived. A title that
 * many occupations share shows the largest five first and a button for the rest. `pinned`: the
 * ids shown before, for the same query, which keep their places (a later part of the titles adds
 * results below them and never reorders them).
 */
function resultItems(index, query, { expanded, pinned }) {
  let found = search(index, query, expanded ? MAX_SHOWN + 200 : MAX_SHOWN);
  let results = found.results;
  let folded = 0;
  if (!expanded && found.exact > SAME_TITLE_SHOWN) {
    // The largest five of the title, then the best five of the rest.
    found = search(index, query, found.exact + SAME_TITLE_SHOWN);
    const same = found.results.filter((r) => r.tier === TIER.exact);
    folded = found.exact - SAME_TITLE_SHOWN;
    results = [...same.slice(0, SAME_TITLE_SHOWN), ...found.results.filter((r) => r.tier !== TIER.exact)];
  }
  if (pinned?.length) {
    const byId = new Map(results.map((r) => [r.role.id, r]));
    const kept = pinned.map((id) => byId.get(id)).filter(Boolean);
    results = [...kept, ...results.filter((r) => !pinned.includes(r.role.id))];
  }
  results = results.slice(0, expanded ? results.length : MAX_SHOWN);
  const items = results.map(({ role: r, title }) => h('li', null, h('a', { href: siteUrl(`?role=${encodeURIComponent(r.id)}`).href, 'data-role': r.id },
    h('span', { class: 'hit-title' }, title),
    title !== r.title ? h('span', { class: 'hit-role' }, ` — ${r.title}`) : null,
    r.seniority ? h('span', { class: 'muted' }, ` (${r.seniority})`) : null,
    // Which kind it is, in words (a derived starting point: nobody assessed it).
    h('span', { class: `kind-tag ${r.derived ? 'derived' : 'published'}` }, r.derived ? ' · derived' : ' · published'))));
  if (folded > 0) {
    const same = results.find((r) => r.tier === TIER.exact)?.title ?? query;
    items.splice(SAME_TITLE_SHOWN, 0, h('li', { class: 'more-same' }, h('button', { type: 'button', class: 'link-btn', 'data-more': '' },
      `${folded} more occupations are titled “${same}”: show them`)));
  }
  return { items, ids: results.map((r) => r.role.id), total: found.total, folded };
}

/**
 * Wires a search box (the header's, the front door's): results are links (?role=id), so each role
 * has a deep link. `root`: the element holding the box and its list (a click outside closes it).
 */
export function wirePicker({ input, list, count, onPick, onAssess, root = input.closest('.picker') }) {
  let active = -1;
  let expanded = false;
  let shown = { query: null, ids: [] };
  const links = () => [...list.querySelectorAll('a')];
  /** Which entry of the list has the focus, as a selector that finds it again after a redraw. */
  const focusKey = (/** @type {HTMLElement | null} */ el) => {
    if (!el || !list.contains(el)) return null;
    if (el.dataset.role) return `a[data-role="${CSS.escape(el.dataset.role)}"]`;
    if (el.hasAttribute('data-assess')) return 'a[data-assess]';
    if (el.hasAttribute('data-more')) return 'button[data-more]';
    return null;
  };
  const close = () => {
    list.hidden = true;
    active = -1;
  };
  let pending = Promise.resolve();
  const show = ({ keep = false, pin = keep } = {}) => {
    pending = (async () => {
      const query = input.value.trim();
      if (!keep) expanded = false;
      try {
        if (!listPromise) {
          fill(list, h('li', { class: 'muted' }, 'Loading the list of occupations…'));
          list.hidden = false;
        }
        await roleIndex();
      } catch (error) {
        console.warn(error);
        fill(list, h('li', { class: 'muted' }, 'The list of occupations could not be loaded. Check the connection and try again.'),
          query && onAssess ? h('li', { class: 'assess-own' }, h('a', { href: '#', 'data-assess': query }, `Assess “${query}” yourself`)) : null);
        list.hidden = false;
        return;
      }
      if (query !== input.value.trim()) return; // a later keystroke draws its own
      const { items, ids, total, folded } = resultItems(latest, query, { expanded, pinned: pin && shown.query === query ? shown.ids : null });
      shown = { query, ids };
      // A redraw under a keyboard user (the longer titles arriving) keeps their place in the list.
      const held = focusKey(/** @type {HTMLElement | null} */ (document.activeElement));
      fill(list, items,
        total === 0 ? h('li', { class: 'muted' }, 'No occupation or role matches.') : null,
        total > ids.length + folded && !expanded ? h('li', { class: 'muted' }, `${total - ids.length - folded} more: type more of the name`) : null,
        // Any job can be scored: the visitor's own assessment, starting from what they typed.
        query && onAssess ? h('li', { class: 'assess-own' }, h('a', { href: '#', 'data-assess': query }, `Assess “${query}” yourself`)) : null);
      list.hidden = false;
      if (count) count.textContent = `${total} ${total === 1 ? 'result' : 'results'}`;
      if (!keep) active = -1;
      if (held) {
        // The same entry if it is still listed, else the box (never the page's body).
        const again = /** @type {HTMLElement | null} */ (list.querySelector(held));
        (again ?? input).focus();
        active = again ? links().indexOf(/** @type {HTMLAnchorElement} */ (again)) : -1;
      }
    })();
    return pending;
  };
  // The longer titles arrive: a list on show gains their results below what it shows.
  onFullerIndex(() => { if (!list.hidden && shown.query === input.value.trim()) show({ keep: true }); });
  input.addEventListener('input', () => show());
  // Focus fetches the search data ahead of the first keystroke; the list shows once something is typed.
  input.addEventListener('focus', () => {
    if (input.value.trim()) show();
    else roleIndex().catch(() => {});
  });
  input.addEventListener('keydown', (e) => {
    const items = links();
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (list.hidden) show();
      active = Math.max(0, Math.min(items.length - 1, active + (e.key === 'ArrowDown' ? 1 : -1)));
      items[active]?.focus();
    } else if (e.key === 'Escape') {
      close();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      pending.then(() => links()[0]?.click());
    }
  });
  list.addEventListener('keydown', (e) => {
    const items = [...list.querySelectorAll('a, button')];
    const i = items.indexOf(/** @type {HTMLElement} */ (document.activeElement));
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const j = i + (e.key === 'ArrowDown' ? 1 : -1);
      if (j < 0) input.focus();
      else items[Math.min(j, items.length - 1)]?.focus();
    } else if (e.key === 'Escape') {
      close();
      input.focus();
    }
  });
  list.addEventListener('click', (e) => {
    const target = /** @type {Element} */ (e.target);
    if (target.closest('button[data-more]')) {
      expanded = true;
      show({ keep: true, pin: false }).then(() => links()[SAME_TITLE_SHOWN]?.focus());
      return;
    }
    const own = target.closest('a[data-assess]');
    if (own) {
      e.preventDefault();
      close();
      input.value = '';
      onAssess(/** @type {HTMLElement} */ (own).dataset.assess);
      return;
    }
    const a = /** @type {HTMLElement | null} */ (target.closest('a[data-role]'));
    if (!a) return;
    e.preventDefault();
    close();
    input.value = '';
    onPick(a.dataset.role);
  });
  document.addEventListener('click', (e) => {
    if (!root?.contains(/** @type {Node} */ (e.target))) close();
  });
}
