// Published roles chosen for a comparison (the compare panel, the guide's result step): fetched
// and scored once, kept for the life of the page. One cache for both, so a role compared in one
// is ready in the other.
import { fetchRole } from './catalog.js';
import { KIND, catalogKind } from '../lib/kind.js';

const roles = new Map(); // id -> {state: 'loading' | 'ready' | 'missing', role, waiting: [callbacks]}

/**
 * The published role `id` ready to compare: {id, assessment, result, label, short}, or null while
 * it loads (then `onChange` is called once it is in, or found missing) or when there is none.
 * `score`: the engine's score function.
 */
export function comparedRole(id, score, onChange = () => {}) {
  let entry = roles.get(id);
  if (!entry) {
    entry = { state: 'loading', role: null, waiting: [] };
    roles.set(id, entry);
    fetchRole(id).then((assessment) => {
      const out = assessment ? score(assessment) : null;
      if (out?.ok) {
        const short = `${assessment.role.title}${assessment.role.seniority ? ` (${assessment.role.seniority})` : ''}`;
        entry.role = { id, assessment, result: out.result, label: `${KIND[catalogKind(assessment)].badge}: ${short}`, short };
        entry.state = 'ready';
      } else entry.state = 'missing';
      for (const f of entry.waiting.splice(0)) f();
    }, () => {
      // A failed fetch (offline, say) is tried again at the next drawing, not at once: nobody is
      // called back, so a redraw cannot turn into a loop of failing fetches.
      roles.delete(id);
    });
  }
  if (entry.state === 'loading' && !entry.waiting.includes(onChange)) entry.waiting.push(onChange);
  return entry.role;
}

/** The role if it is in already (nothing is fetched). */
export const peekCompared = (id) => roles.get(id)?.role ?? null;

/** Whether `id` was looked up and is not a published role (so a choice of it can be dropped). */
export const isMissing = (id) => roles.get(id)?.state === 'missing';
