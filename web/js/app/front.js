// The start page's front door (written by the build: scripts/front-door.mjs): its search box, its
// example links, and when it shows. It shows while the start page shows its own role, as opened
// (no ?role=, no share link, no guide, not your own copy); anything else opened hides it, and the
// header's search box (hidden while the door shows, by CSS) is the way on.
import { wirePicker } from '../catalog/catalog.js';
import { $ } from './context.js';

/**
 * Wires the front door, when this page has one. onPick(id): open a catalog role; onAssess(title):
 * your own, from a title; onClick: the app's handler of [data-action] buttons; state, subscribe:
 * the app's store, read to decide whether the door shows.
 */
export function wireFront({ onPick, onAssess, onClick, state, subscribe }) {
  const front = $('front');
  if (!front) return;
  wirePicker({ input: /** @type {HTMLInputElement} */ ($('front-search')), list: $('front-results'), count: $('front-count'), onPick, onAssess });
  front.addEventListener('click', (event) => {
    const target = /** @type {Element} */ (event.target);
    const example = /** @type {HTMLElement | null} */ (target.closest('.front-examples a[data-role], .front-more a[data-role]'));
    if (example) {
      event.preventDefault();
      onPick(example.dataset.role);
      return;
    }
    onClick(event);
  });
  const sync = () => {
    if (!state.current) return; // (nothing opened yet: the door stays as the page was served)
    const atStart = !new URLSearchParams(location.search).has('role') && !location.hash.startsWith('#a=');
    const show = atStart && state.mode === 'published' && state.publishedId === state.catalog?.default && !state.guide;
    if (front.hidden === show) front.hidden = !show;
    document.documentElement.classList.toggle('at-front', show); // (the header's search box hides: app.css)
  };
  // Only what decides it (not every slider move's result): the mode, the role, the guide.
  const decides = ['mode', 'publishedId', 'guide', 'opened'];
  subscribe((_, { keys }) => { if (keys.some((k) => decides.includes(k))) sync(); });
  addEventListener('popstate', sync);
  sync();
}
