// Compare: any two of this assessment, its published baseline, any published role of the
// catalog, and anything saved in this browser. The panel is redrawn only when what it shows
// changes (a choice, an edit of a compared assessment, the saved list), not on every frame.
import { roleIndex, latestIndex, LISTED_ROLES } from '../catalog/catalog.js';
import { comparedRole, peekCompared } from '../catalog/compared.js';
import { search } from '../catalog/search.js';
import { KIND, catalogKind } from '../lib/kind.js';
let panels = null; // panels.js, loaded when Compare is first opened

/** @param {import('../state/store.js').FeatureApp} app */
export function compareFeature(app) {
  const { state, set } = app; // set: this feature's own field, state.compare
  // A new assessment closes the comparison; new analyses (after every edit) or a changed saved
  // list redraw it if what it shows changed.
  app.subscribe((_, { keys }) => {
    if (keys.includes('opened')) set({ compare: null });
    else if (keys.includes('insight') || keys.includes('savedRevision')) refresh();
  });
  let shownKey = null;
  let catalog = null; // every published role and its search index (catalog.js roleIndex), loaded when Compare first opens
  const picked = new Set(); // published roles found by search in a large catalog (ids), choices from then on
  let query = '';

  function options() {
    const out = [];
    if (state.baseline) out.push({ key: 'baseline', label: `${KIND[catalogKind(state.baseline)].badge}: ${state.baseline.role.title} (the baseline)`, assessment: state.baseline });
    out.push({ key: 'current', label: `This assessment: ${state.current.role.title}`, assessment: state.current });
    const listed = !catalog ? [] : catalog.roles.length <= LISTED_ROLES ? catalog.roles
      : catalog.roles.filter((r) => picked.has(r.id) || state.compare?.includes(`published:${r.id}`));
    for (const r of listed) {
      out.push({ key: `published:${r.id}`, label: `${KIND[r.derived ? 'derived' : 'published'].badge}: ${r.title}${r.seniority ? ` (${r.seniority})` : ''}`, assessment: peekCompared(r.id)?.assessment ?? null });
    }
    for (const r of state.savedList) out.push({ key: `saved:${r.id}`, label: `Saved: ${r.name}`, assessment: r.assessment });
    return out;
  }

  /** Redraws the panel if it is open and what it compares changed (or `force`). */
  function refresh({ force = false } = {}) {
    if (state.panel !== 'compare' || !state.compare) return;
    const key = [state.compare.join(), state.compare.includes('current') ? state.revision : '', state.savedRevision,
      state.baseline ? 'b' : ''].join('|');
    if (!force && key === shownKey) return;
    if (!panels) {
      import('../render/panels.js').then((m) => { panels = m; refresh({ force: true }); });
      return;
    }
    if (!catalog) {
      roleIndex().then((index) => { catalog = index; refresh({ force: true }); }, () => { catalog = { roles: [] }; refresh({ force: true }); });
      return;
    }
    shownKey = key;
    // The published roles chosen are fetched and scored once (catalog/compared.js, shared with the guide).
    for (const k of state.compare) if (k.startsWith('published:')) comparedRole(k.slice('published:'.length), state.engine.score, () => refresh({ force: true }));
    const list = options();
    const results = state.compare.map((k) => {
      const assessment = list.find((o) => o.key === k)?.assessment;
      const out = assessment && state.engine.score(assessment);
      return out?.ok ? out.result : null;
    });
    const active = /** @type {HTMLElement | null} */ (document.activeElement);
    const focused = active?.dataset?.compare ?? (active?.id === 'compare-find' ? 'find' : null);
    panels.showComparePanel(state.refs, {
      options: list, chosen: state.compare, results, methodology: state.engine.methodology,
      find: catalog.roles.length > LISTED_ROLES ? { query, found: found() } : null,
    });
    if (focused) state.refs.panel.querySelector(focused === 'find' ? '#compare-find' : `[data-compare="${focused}"]`)?.focus();
  }

  /** A role picked from the search results: compared second, and a choice in both selects from then on. */
  function pick(id) {
    picked.add(id);
    query = '';
    set({ compare: [state.compare[0], `published:${id}`] });
    refresh({ force: true });
    state.refs.panel.querySelector('[data-compare="b"]')?.focus();
  }

  /** A large catalog's roles that match what was typed in the panel's search box. */
  const found = () => (query.trim() && catalog?.postings ? search(latestIndex() ?? catalog, query, 8) : null);

  return {
    refresh,
    /** What the panel compares now, for the report: [{label, result}] (null when closed). */
    shown() {
      if (state.panel !== 'compare' || !state.compare) return null;
      const list = options();
      const rows = state.compare.map((k) => {
        const option = list.find((o) => o.key === k);
        const out = option?.assessment && state.engine.score(option.assessment);
        return out?.ok ? { label: option.label, result: out.result } : null;
      });
      return rows.every(Boolean) ? rows : null;
    },
    /** A choice in one of the two selects. */
    choose(which, key) {
      set({ compare: which === 'a' ? [key, state.compare[1]] : [state.compare[0], key] });
      refresh();
    },
    /** Typing in the search box of a large catalog: only its results are redrawn (focus stays). */
    find(text) {
      query = text;
      if (panels && state.panel === 'compare') panels.showFound(state.refs, found());
    },

    actions: {
      'compare-pick'(button) {
        pick(button.dataset.id);
      },
      compare() {
        app.showPanel('compare');
        const first = state.baseline ? 'baseline' : state.savedList[0] ? `saved:${state.savedList[0].id}` : `published:${state.catalog.default}`;
        set({ compare: [first, 'current'] });
        shownKey = null;
        refresh();
      },
    },
  };
}
