// The start page's front door: one sentence of what jobzone is, the question "What is your job?"
// with the search box first (the keyboard in it), then a few example occupations and the
// published assessment. Static markup, written into the start page by the build (publish.mjs);
// the app wires the box (catalog/catalog.js wirePicker) and hides the door once the visit opens
// anything but the start page's own role.
import { htmlAttr, htmlText } from '../web/js/lib/escape.js';

/**
 * Example occupations: a catalog id and one of O*NET's own alternate titles for it (short enough
 * for two rows on a phone; the occupation's full title is the link's description). Each is shown
 * only when the catalog has it.
 */
export const FRONT_EXAMPLES = [['onet-29-1141-00', 'Nurse'], ['onet-15-1252-00', 'Software Developer'], ['onet-25-2021-00', 'Teacher'],
  ['onet-47-2152-00', 'Plumber'], ['onet-41-2011-00', 'Cashier']];

/** The front door's markup; roles: [{id, assessment}] of the catalog (published and derived). */
export function frontDoor(roles) {
  const byId = new Map(roles.map((r) => [r.id, r.assessment]));
  const published = roles.filter((r) => r.assessment.kind !== 'derived');
  const derivedCount = roles.length - published.length;
  const link = (id, text) => `<a href="roles/${htmlAttr(id)}/" data-role="${htmlAttr(id)}">${htmlText(text)}</a>`;
  const examples = FRONT_EXAMPLES.filter(([id]) => byId.has(id))
    .map(([id, title]) => `<li><a href="roles/${htmlAttr(id)}/" data-role="${htmlAttr(id)}" title="${htmlAttr(byId.get(id).role.title)}${byId.get(id).kind === 'derived' ? ' (derived starting point)' : ''}">${htmlText(title)}</a></li>`);
  const assessed = published.slice(0, 3).map((r) => link(r.id, r.assessment.role.title));
  const what = derivedCount
    ? `${derivedCount} occupations have a starting point derived from public data (nobody assessed them): make one yours in a minute.`
    : 'Type your job title, or score your own job step by step.';
  return `<section id="front" class="front" aria-label="Find your job">
  <p class="front-what"><strong>jobzone</strong> estimates how exposed a job is to AI, task by task, with the JobZone method, and shows what would change the answer. It runs in your browser: nothing you type leaves it.</p>
  <div class="picker front-picker" id="front-picker" role="search" aria-label="Find your job">
    <label for="front-search" class="front-q">What is your job?</label>
    <input id="front-search" type="search" placeholder="nurse, plumber, teacher…" autocomplete="off" autofocus
           aria-describedby="front-hint" aria-controls="front-results">
    <span id="front-hint" class="front-hint">${htmlText(what)}</span>
    <span id="front-count" class="visually-hidden" aria-live="polite"></span>
    <ul id="front-results" class="picker-results" hidden></ul>
  </div>
  ${examples.length ? `<div class="front-examples"><span class="front-label">For example</span><ul>${examples.join('')}</ul></div>` : ''}
  <p class="front-more">${assessed.length ? `Published assessment${assessed.length > 1 ? 's' : ''}: ${assessed.join(', ')} (below). ` : ''}<button type="button" class="link-btn" data-action="guide-new">Score a job of your own from scratch</button></p>
</section>
`;
}
