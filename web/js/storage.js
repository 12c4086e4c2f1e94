// Saved assessments and the working draft, in the browser's localStorage. Every record carries
// the storage format version; older layouts are migrated on read. If storage is full or
// unavailable, callers are told and the app keeps working in memory.
const KEY = 'jobzone:store';
export const STORE_VERSION = 2;

/**
 * Migrations from each older layout to the next.
 * v1 (the first prototype's layout): {version: 1, items: {name: assessmentJsonText}}.
 * v2: {version: 2, saved: [{id, name, updated, assessment}]}.
 * The working draft has a key of its own, so saving it (often, while sliders move) never
 * rewrites the saved assessments.
 */
const MIGRATIONS = {
  1: (old) => ({
    version: 2,
    saved: Object.entries(old.items ?? {}).map(([name, text], i) => ({
      id: `m${Date.now().toString(36)}${i}`, name, updated: new Date(0).toISOString(), assessment: JSON.parse(text),
    })),
  }),
};

function empty() {
  return { version: STORE_VERSION, saved: [] };
}

export function migrate(data) {
  let store = data;
  while (store && store.version < STORE_VERSION) {
    const step = MIGRATIONS[store.version];
    if (!step) throw new Error(`unknown storage version ${store.version}`);
    store = step(store);
  }
  if (!store || store.version !== STORE_VERSION || !Array.isArray(store.saved)) throw new Error('unreadable storage');
  return store;
}

let memory = null; // used when localStorage is unavailable
export const status = { available: true, problem: '' };

export function read() {
  try {
    const text = localStorage.getItem(KEY);
    if (!text) return memory ?? empty();
    return migrate(JSON.parse(text));
  } catch (error) {
    status.available = false;
    status.problem = `Saved assessments could not be read (${error.message}).`;
    return memory ?? empty();
  }
}

/** Writes the store; returns true, or false (and keeps it in memory) when the browser refuses. */
export function write(store) {
  memory = store;
  try {
    localStorage.setItem(KEY, JSON.stringify(store));
    status.available = true;
    status.problem = '';
    return true;
  } catch (error) {
    status.available = false;
    status.problem = 'This browser would not store your work (storage is full or switched off). It stays in this tab until you close it; export it to keep a copy.';
    return false;
  }
}

const newId = () => `a${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;

export function saveAssessment(name, assessment, id = null) {
  const store = read();
  const record = { id: id ?? newId(), name, updated: new Date().toISOString(), assessment };
  const at = store.saved.findIndex((r) => r.id === record.id);
  if (at >= 0) store.saved[at] = record;
  else store.saved.push(record);
  return { ok: write(store), record };
}

export function renameAssessment(id, name) {
  const store = read();
  const record = store.saved.find((r) => r.id === id);
  if (record) record.name = name;
  return write(store);
}

export function deleteAssessment(id) {
  const store = read();
  store.saved = store.saved.filter((r) => r.id !== id);
  return write(store);
}

export const listAssessments = () => read().saved;

/** The working state, so unsaved edits survive a reload or an app update. */
const DRAFT_KEY = 'jobzone:draft';
let draftInMemory = null;

export function writeDraft(draft) {
  draftInMemory = draft;
  try {
    localStorage.setItem(DRAFT_KEY, JSON.stringify({ version: STORE_VERSION, draft }));
    return true;
  } catch {
    return false; // the draft stays in memory; write() reports storage problems when saving
  }
}

export function readDraft() {
  try {
    const record = JSON.parse(localStorage.getItem(DRAFT_KEY) ?? 'null');
    return record?.version === STORE_VERSION ? record.draft : draftInMemory;
  } catch {
    return draftInMemory;
  }
}
