// The catalog of published roles: one index file, one data file per role, searchable.
import { h, fill } from './dom.js';
import { siteUrl } from './site.js';

const MAX_SHOWN = 20;

/** A JSON file of the site ("data/index.json"), from whichever page the app runs on. */
export async function fetchJson(url) {
  const response = await fetch(siteUrl(url));
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

export const loadCatalog = () => fetchJson('data/index.json');

export function findRole(catalog, id) {
  return catalog.roles.find((r) => r.id === id) ?? null;
}

const haystack = (r) => [r.title, r.seniority, r.category, ...(r.aliases ?? [])].join(' ').toLowerCase();

/** Roles whose title, seniority, category or aliases contain every word of the query. */
export function searchRoles(catalog, query) {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return catalog.roles.filter((r) => {
    const text = haystack(r);
    return words.every((w) => text.includes(w));
  });
}

/** Wires the search box: results are links (?role=id), so each role has a deep link. */
export function wirePicker({ catalog, input, list, count, onPick, onAssess }) {
  let active = -1;
  const links = () => [...list.querySelectorAll('a')];
  const close = () => {
    list.hidden = true;
    active = -1;
  };
  const show = () => {
    const query = input.value.trim();
    const found = query ? searchRoles(catalog, query) : catalog.roles;
    const shown = found.slice(0, MAX_SHOWN);
    fill(list,
      shown.map((r) => h('li', null, h('a', { href: siteUrl(`?role=${encodeURIComponent(r.id)}`).href, 'data-role': r.id },
        r.title, r.seniority ? h('span', { class: 'muted' }, ` (${r.seniority})`) : null))),
      found.length === 0 ? h('li', { class: 'muted' }, 'No published role matches.') : null,
      found.length > MAX_SHOWN ? h('li', { class: 'muted' }, `${found.length - MAX_SHOWN} more: type more of the name`) : null,
      // Any job can be scored: the visitor's own assessment, starting from what they typed.
      query && onAssess ? h('li', { class: 'assess-own' }, h('a', { href: '#', 'data-assess': query }, `Assess “${query}” yourself`)) : null);
    list.hidden = false;
    if (count) count.textContent = `${found.length} ${found.length === 1 ? 'role' : 'roles'} found`;
    active = -1;
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
      items[0]?.click();
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
    if (!e.target.closest('#picker')) close();
  });
  input.form.addEventListener('submit', (e) => e.preventDefault());
}
