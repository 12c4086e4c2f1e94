// The catalog of published roles. At boot only data/index.json (the default role and the count);
// the list of every role (data/search.json) loads when it is first needed (the search box, the
// compare choices), however many roles there are; each role's file is data/roles/<id>.json.
import { h, fill } from '../lib/dom.js';
import { siteUrl } from '../lib/site.js';
import { buildIndex, search } from './search.js';
import { ROLE_ID } from '../lib/card.js';

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
/** Every catalog role [{id, title, seniority, category, aliases, derived?}] and its search index, loaded once. */
export function roleIndex() {
  listPromise ??= fetchJson('data/search.json').then((data) => {
    const index = buildIndex(data.roles);
    learnLetters(index);
    return index;
  }).catch((error) => {
    listPromise = null;
    throw error;
  });
  return listPromise;
}

/** Works out the results of each one-letter query while the page is idle, a letter at a time. */
function learnLetters(index) {
  const idle = globalThis.requestIdleCallback ?? ((f) => setTimeout(f, 50));
  const letters = [...'abcdefghijklmnopqrstuvwxyz0123456789'];
  const next = () => {
    const letter = letters.shift();
    if (letter === undefined) return;
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

/** Wires the search box: results are links (?role=id), so each role has a deep link. */
export function wirePicker({ input, list, count, onPick, onAssess }) {
  let active = -1;
  const links = () => [...list.querySelectorAll('a')];
  const close = () => {
    list.hidden = true;
    active = -1;
  };
  let pending = Promise.resolve();
  const show = () => {
    pending = (async () => {
      const query = input.value.trim();
      let index;
      try {
        if (!listPromise) {
          fill(list, h('li', { class: 'muted' }, 'Loading the list of roles…'));
          list.hidden = false;
        }
        index = await roleIndex();
      } catch {
        fill(list, h('li', { class: 'muted' }, 'The list of roles could not be loaded. Check the connection and try again.'),
          query && onAssess ? h('li', { class: 'assess-own' }, h('a', { href: '#', 'data-assess': query }, `Assess “${query}” yourself`)) : null);
        list.hidden = false;
        return;
      }
      if (query !== input.value.trim()) return; // a later keystroke draws its own
      const { results, total } = search(index, query, MAX_SHOWN);
      fill(list,
        results.map(({ role: r }) => h('li', null, h('a', { href: siteUrl(`?role=${encodeURIComponent(r.id)}`).href, 'data-role': r.id },
          r.title, r.seniority ? h('span', { class: 'muted' }, ` (${r.seniority})`) : null,
          // A derived starting point says so in the list too (nobody assessed it).
          r.derived ? h('span', { class: 'kind-tag derived' }, ' · derived') : null))),
        total === 0 ? h('li', { class: 'muted' }, 'No role matches.') : null,
        total > MAX_SHOWN ? h('li', { class: 'muted' }, `${total - MAX_SHOWN} more: type more of the name`) : null,
        // Any job can be scored: the visitor's own assessment, starting from what they typed.
        query && onAssess ? h('li', { class: 'assess-own' }, h('a', { href: '#', 'data-assess': query }, `Assess “${query}” yourself`)) : null);
      list.hidden = false;
      if (count) count.textContent = `${total} ${total === 1 ? 'role' : 'roles'} found`;
      active = -1;
    })();
    return pending;
  };
  input.addEventListener('input', show);
  input.addEventListener('focus', show);
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
    const items = links();
    const i = items.indexOf(document.activeElement);
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
    const own = e.target.closest('a[data-assess]');
    if (own) {
      e.preventDefault();
      close();
      input.value = '';
      onAssess(own.dataset.assess);
      return;
    }
    const a = e.target.closest('a[data-role]');
    if (!a) return;
    e.preventDefault();
    close();
    input.value = '';
    onPick(a.dataset.role);
  });
  document.addEventListener('click', (e) => {
    if (!/** @type {Element} */ (e.target).closest('#picker')) close();
  });
}
