// The page's one state holder: the assessment being edited and what is computed from it, and the
// few fields features keep. Every field has one owner (OWNERS), and only its owner gets a writer
// for it; everyone else reads `state`, a view that refuses writes (a TypeError names the field).
// The assessment itself changes only through edit(): a copy is changed, checked, and committed
// (with its result) or dropped, so the last valid state always stays. Subscribers hear of every
// commit.

/** Who may write what. A feature gets the writer of its own fields and reads the rest. */
export const OWNERS = Object.freeze({
  // The work on the page (app.js opens it, edit() changes it).
  document: Object.freeze(['opened', 'mode', 'publishedId', 'baseline', 'baselineResult', 'current', 'clean', 'saved', 'result',
    'startResult', 'revision', 'pending', 'insight', 'locked', 'openTasks', 'mix', 'origin']),
  // What the app runs on and shows (app.js).
  app: Object.freeze(['engine', 'catalog', 'store', 'refs', 'registry', 'panel']),
  // The saved list (saved/saved-actions.js).
  saved: Object.freeze(['savedList', 'savedRevision']),
  // The two assessments the compare panel shows (compare.js).
  compare: Object.freeze(['compare']),
  // The guided path's place (guide.js).
  guide: Object.freeze(['guide']),
});

/**
 * @typedef {object} State
 * @property {number} opened counts assessments opened (features reset what they keep of the last one)
 * @property {any} engine the wasm scorer (engine.js)
 * @property {any} catalog the published roles' index (catalog.js)
 * @property {'published' | 'own'} mode a role from the catalog, or the visitor's own assessment
 * @property {string | null} publishedId catalog id of the role shown or started from
 * @property {any} baseline the published assessment compared with (null for a blank start)
 * @property {any} baselineResult its result
 * @property {{id: string, name: string, rev: number} | null} saved the record this work is saved as
 * @property {string | null} clean the assessment as last opened or saved (JSON)
 * @property {any} store saved work in IndexedDB (storage.js)
 * @property {readonly any[]} savedList the saved assessments
 * @property {number} savedRevision counts changes of savedList
 * @property {string | null} panel the panel shown under the toolbar, or null
 * @property {any} current the assessment being edited (always the last valid one)
 * @property {number} revision counts committed edits of `current`
 * @property {any} result its result
 * @property {any} startResult the result when it was opened
 * @property {boolean} pending a blank start: no score shown until a named task is confirmed
 * @property {any} insight its analyses (sensitivity, uncertainty, best move)
 * @property {readonly boolean[]} locked which task shares are locked
 * @property {readonly boolean[] | null} openTasks which task rows show their controls (null: all; render/task-rows.js taskRowsOpen)
 * @property {{index: number, weights: number[]} | null} mix the other shares when a share slider started moving
 * @property {Map<string, any>} registry the page's controls
 * @property {any} refs elements of the page
 * @property {readonly string[] | null} compare [keyA, keyB] while the compare panel is open
 * @property {any} guide the guided path's place while it is open
 * @property {string} origin where the work on the page started ("a share link", "your search"), as its header says
 */

/** Fields whose values are frozen when written (small; the assessment is copied on edit instead). */
const FROZEN = new Set(['saved', 'locked', 'openTasks', 'mix', 'compare', 'guide', 'savedList']);
const deepFreeze = (x) => {
  if (x && typeof x === 'object' && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
};

/**
 * What a feature gets from the app (app.js featureApp): the state, read-only (tsc refuses a write,
 * and so does the store at run time), the writer of its own fields, and the app's commands.
 * @typedef {object} FeatureApp
 * @property {Readonly<State>} state
 * @property {((patch: Partial<State>) => void) | null} set the writer of the feature's own fields (OWNERS)
 * @property {(listener: (state: Readonly<State>, change: {keys: string[]}) => void) => () => void} subscribe
 * @property {(mutate: (copy: any) => void, options?: {full?: boolean}) => boolean} edit
 * @property {(mutate: (copy: any, locked: boolean[]) => void, focusSelector?: string) => void} structural
 * @property {(name: string) => void} showPanel
 * @property {(saved: State['saved'], clean: string | null) => void} setSavedAs
 * @property {(...args: any[]) => any} rebuildTasks
 * @property {(...args: any[]) => any} announce
 * @property {(...args: any[]) => any} replaceWork
 * @property {(...args: any[]) => any} openAssessment
 * @property {(...args: any[]) => any} loadBaseline
 * @property {(...args: any[]) => any} publishedBase
 * @property {(...args: any[]) => any} restoreWork
 * @property {(...args: any[]) => any} writeDraftNow
 * @property {(...args: any[]) => any} saveDraftSoon
 * @property {(...args: any[]) => any} showStorageProblem
 * @property {(...args: any[]) => any} setTextAt
 * @property {(...args: any[]) => any} confirmPending
 * @property {(...args: any[]) => any} resetToBaseline
 * @property {(...args: any[]) => any} renderToolbar
 */

/** @returns {State} */
const initialState = () => ({
  opened: 0, origin: '', engine: null, catalog: null, mode: 'published', publishedId: null, baseline: null, baselineResult: null, saved: null,
  clean: null, store: null, savedList: [], savedRevision: 0, panel: null, current: null, revision: 0, result: null,
  startResult: null, pending: false, insight: null, locked: [], openTasks: null, mix: null, registry: new Map(), refs: null, compare: null,
  guide: null,
});

export function createStore() {
  const state = initialState();
  /** @type {Set<(state: Readonly<State>, change: {keys: string[]}) => void>} */
  const listeners = new Set();
  /** @type {Readonly<State>} */
  const view = new Proxy(state, {
    set(_, key) { throw new TypeError(`state.${String(key)} is read-only here: only its owner (${ownerOf(key)}) writes it`); },
    deleteProperty(_, key) { throw new TypeError(`state.${String(key)} is read-only here`); },
    defineProperty(_, key) { throw new TypeError(`state.${String(key)} is read-only here`); },
  });
  const ownerOf = (key) => Object.keys(OWNERS).find((o) => OWNERS[o].includes(String(key))) ?? 'nobody';
  const notify = (keys) => { for (const f of listeners) f(view, { keys }); };

  return {
    /** Everything, read-only. */
    state: view,
    /**
     * The writer of `owner`'s fields: set({field: value, ...}). A field of another owner is refused
     * (a TypeError), so no feature writes another's state.
     * @param {keyof typeof OWNERS} owner
     */
    writer(owner) {
      const mine = OWNERS[owner];
      if (!mine) throw new TypeError(`no such owner: ${owner}`);
      return (/** @type {Partial<State>} */ patch) => {
        for (const key of Object.keys(patch)) {
          if (!mine.includes(key)) throw new TypeError(`${owner} may not write state.${key} (its owner is ${ownerOf(key)})`);
        }
        for (const [key, value] of Object.entries(patch)) state[key] = FROZEN.has(key) ? deepFreeze(value) : value;
        notify(Object.keys(patch));
      };
    },
    /**
     * Changes a copy of the assessment with mutate(copy), checks it with check(copy) -> {ok, result,
     * errors}, and commits the copy with its result (the revision counts up) only if it passed;
     * otherwise nothing changes. Returns what check said.
     * @param {(copy: any) => void} mutate
     * @param {(copy: any) => {ok: boolean, result?: any, errors?: any[]}} check
     */
    edit(mutate, check) {
      const copy = structuredClone(state.current);
      mutate(copy);
      const out = check(copy);
      if (!out.ok) return out;
      state.current = copy;
      state.result = out.result;
      state.revision += 1;
      notify(['current', 'result', 'revision']);
      return out;
    },
    /**
     * Scores the assessment as it is with check(current) -> {ok, result, errors}, and commits the
     * result (the revision counts up) if it passed. Returns what check said.
     * @param {(current: any) => {ok: boolean, result?: any, errors?: any[]}} check
     */
    rescore(check) {
      const out = check(state.current);
      if (!out.ok) return out;
      state.result = out.result;
      state.revision += 1;
      notify(['result', 'revision']);
      return out;
    },
    /** Calls `listener(state, {keys})` after every change; returns the way to stop. */
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
