// Saved assessments, per-tab drafts and data kept aside, in IndexedDB: one record per assessment
// and real transactions, so two tabs saving at once never lose a record. Tabs hear of each other's
// changes on a BroadcastChannel. Nothing this code cannot read is ever overwritten: it is kept
// (the "kept" store, or left where it was) and reported, so the user can download it.
//
// Stores (database "jobzone", version 1):
//   assessments  {id, v, name, updated, rev, assessment}    v: record layout, rev: bumped per save
//   drafts       {id, v, kind: 'tab'|'aside', updated, dirty, title, work}
//                'tab': the working state of one tab (id = the tab's id, kept in sessionStorage);
//                'aside': work set aside when something replaced it, until restored or discarded
//   kept         {id, source, reason, at, text}            data that could not be read, as it was
//   meta         {key, ...}                                'legacy': localStorage migrated once
//
// The first layouts lived in localStorage ('jobzone:store', v1 and v2, and 'jobzone:draft'); they
// are copied in once, in one transaction, with ids that depend only on the data, and left in place.
const DB_NAME = 'jobzone';
const DB_VERSION = 1;
export const RECORD_VERSION = 1;
const LEGACY_STORE = 'jobzone:store';
const LEGACY_DRAFT = 'jobzone:draft';
const TAB_KEY = 'jobzone:tab';
const TAB_DRAFT_KEY = 'jobzone:tab-draft'; // a synchronous copy of this tab's draft, for reloads (web/start.js reads it by name)
const STORES = ['assessments', 'drafts', 'kept', 'meta'];

const request = (req) => new Promise((resolve, reject) => {
  req.onsuccess = () => resolve(req.result);
  req.onerror = () => reject(req.error);
});
const done = (tx) => new Promise((resolve, reject) => {
  tx.oncomplete = () => resolve();
  tx.onabort = () => reject(tx.error ?? new DOMException('The transaction was aborted', 'AbortError'));
  tx.onerror = () => reject(tx.error);
});

const randomId = (prefix) => `${prefix}${globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`}`;

/** FNV-1a of a string, as 8 hex digits: ids for migrated records that depend only on their data. */
export function stableHash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * What the legacy localStorage data turns into: {records, drafts, kept, notes}. Pure and
 * deterministic (the same text gives the same ids), so a migration can never fork.
 */
export function migrateLegacy(storeText, draftText, at) {
  const out = { records: [], drafts: [], kept: [], notes: [] };
  const keep = (source, reason, text) => {
    out.kept.push({ id: `legacy-${stableHash(`${source}\n${text}`)}`, source, reason, at, text });
    out.notes.push(`${source}: ${reason}`);
  };
  if (storeText !== null) {
    let store = null;
    try {
      store = JSON.parse(storeText);
    } catch {
      keep('saved assessments (old layout)', 'not readable JSON', storeText);
    }
    if (store !== null && (typeof store !== 'object' || !Number.isInteger(store.version))) {
      keep('saved assessments (old layout)', 'not in a layout jobzone knows', storeText);
    } else if (store && store.version > 2) {
      keep('saved assessments (old layout)', `written by a newer version of jobzone (storage version ${store.version}); kept read-only`, storeText);
    } else if (store && store.version === 1) {
      const used = new Set();
      for (const [name, text] of Object.entries(store.items ?? {})) {
        let assessment;
        try {
          assessment = typeof text === 'string' ? JSON.parse(text) : null;
        } catch { /* kept below */ }
        if (!assessment || typeof assessment !== 'object' || Array.isArray(assessment)) {
          keep(`saved assessment “${name}” (old layout)`, 'not readable as an assessment', typeof text === 'string' ? text : JSON.stringify(text));
          continue;
        }
        let id = `v1-${stableHash(name)}`;
        for (let n = 2; used.has(id); n++) id = `v1-${stableHash(name)}-${n}`;
        used.add(id);
        out.records.push({ id, v: RECORD_VERSION, name, updated: new Date(0).toISOString(), rev: 1, assessment });
      }
    } else if (store && store.version === 2) {
      for (const [i, r] of (Array.isArray(store.saved) ? store.saved : []).entries()) {
        if (!r || typeof r !== 'object' || typeof r.name !== 'string' || !r.assessment || typeof r.assessment !== 'object') {
          keep(`saved assessment ${i + 1} (old layout)`, 'not readable as an assessment', JSON.stringify(r));
          continue;
        }
        const id = typeof r.id === 'string' && r.id ? r.id : `v2-${stableHash(JSON.stringify(r))}`;
        out.records.push({ id, v: RECORD_VERSION, name: r.name, updated: typeof r.updated === 'string' ? r.updated : new Date(0).toISOString(), rev: 1, assessment: r.assessment });
      }
    } else if (store) {
      keep('saved assessments (old layout)', `storage version ${store.version} is not one jobzone knows`, storeText);
    }
  }
  if (draftText !== null) {
    let record = null;
    try {
      record = JSON.parse(draftText);
    } catch { /* kept below */ }
    if (record?.version === 2 && record.draft?.assessment) {
      out.drafts.push({
        id: `legacy-draft-${stableHash(draftText)}`, v: RECORD_VERSION, kind: 'aside', updated: at, dirty: true,
        title: String(record.draft.assessment.role?.title ?? 'Unsaved work'), work: record.draft,
      });
    } else if (record !== null || draftText.trim()) {
      keep('unsaved work (old layout)', 'not readable', draftText);
    }
  }
  return out;
}

function readLegacy(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** The tab's id: kept in sessionStorage (it survives a reload), claimed with a Web Lock so a duplicated tab gets its own. */
async function claimTabId() {
  let id = null;
  try {
    id = sessionStorage.getItem(TAB_KEY);
  } catch { /* no sessionStorage: a new id each load */ }
  // Held for the life of the tab. On a reload the old page may still hold it for a moment, so a
  // taken lock is waited for briefly; one still held after that belongs to a duplicated tab.
  const claim = (name, wait) => new Promise((resolve) => {
    const options = wait ? { signal: AbortSignal.timeout(wait) } : { ifAvailable: true };
    navigator.locks.request(name, options, (lock) => {
      resolve(Boolean(lock));
      return lock ? new Promise(() => {}) : undefined;
    }).catch(() => resolve(false));
  });
  const first = id;
  if (!id || (navigator.locks && !(await claim(`jobzone-tab:${id}`, 0)) && !(await claim(`jobzone-tab:${id}`, 400)))) {
    id = randomId('tab-');
    if (navigator.locks) await claim(`jobzone-tab:${id}`, 0);
  }
  try {
    sessionStorage.setItem(TAB_KEY, id);
  } catch { /* the id lasts as long as this page */ }
  return { id, inherited: first && first !== id ? first : null };
}

function readSessionDraft() {
  try {
    return JSON.parse(sessionStorage.getItem(TAB_DRAFT_KEY) ?? 'null');
  } catch {
    return null;
  }
}

/** A draft record: one tab's working state ('tab') or work set aside ('aside'). */
const draftOf = (id, kind, work, dirty) => ({
  v: RECORD_VERSION, updated: new Date().toISOString(), id, kind, dirty, title: String(work.assessment?.role?.title ?? ''), work,
});

async function liveTabs() {
  if (!navigator.locks?.query) return null;
  const { held = [] } = await navigator.locks.query();
  return new Set(held.map((l) => l.name).filter((n) => n.startsWith('jobzone-tab:')).map((n) => n.slice('jobzone-tab:'.length)));
}

const isQuota = (error) => error?.name === 'QuotaExceededError' || /quota/i.test(error?.message ?? '');

function problemText(error) {
  return isQuota(error)
    ? 'This browser is out of storage space for jobzone, so your work is not being saved here. It stays in this tab while it is open: use Export JSON to keep a copy.'
    : `This browser would not store your work (${error?.message ?? 'storage is switched off'}). It stays in this tab while it is open: use Export JSON to keep a copy.`;
}

/**
 * Opens the store. Never throws: when IndexedDB is missing or refuses, the store works in memory
 * and says so in `problem`; when the database was written by a newer jobzone, it is read-only.
 */
export async function openStore({ onChange = () => {} } = {}) {
  const store = new Store(onChange);
  await store.init();
  return store;
}

class Store {
  constructor(onChange) {
    this.onChange = onChange;
    this.db = null;
    this.readOnly = false;
    this.problem = '';          // the storage problem to show, '' when all is well
    this.notes = [];            // what the migration kept aside, for one notice
    this.memory = { assessments: new Map(), drafts: new Map(), kept: new Map() };
    this.tab = null;
  }

  async init() {
    this.tab = await claimTabId();
    try {
      this.db = await this.openDb();
    } catch (error) {
      if (error?.name === 'VersionError') {
        // A newer jobzone upgraded the database: read what it holds, write nothing.
        this.readOnly = true;
        this.problem = 'Your saved work was written by a newer version of jobzone. It is shown here read-only, so nothing of it can be overwritten: reload to get the newer version.';
        try {
          this.db = await request(indexedDB.open(DB_NAME));
        } catch { this.db = null; }
      } else {
        this.problem = problemText(error);
      }
    }
    if (this.db && !this.readOnly) await this.migrate().catch((error) => { this.problem = problemText(error); });
    if (typeof BroadcastChannel === 'function') {
      this.channel = new BroadcastChannel('jobzone');
      this.channel.onmessage = (event) => this.onChange(event.data);
    }
  }

  openDb() {
    const req = indexedDB.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains('assessments')) db.createObjectStore('assessments', { keyPath: 'id' });
      if (!db.objectStoreNames.contains('drafts')) db.createObjectStore('drafts', { keyPath: 'id' });
      if (!db.objectStoreNames.contains('kept')) db.createObjectStore('kept', { keyPath: 'id' });
      if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta', { keyPath: 'key' });
    };
    req.onblocked = () => {}; // another tab holds an older version open; it closes on versionchange
    return request(req).then((db) => {
      db.onversionchange = () => db.close(); // let a newer jobzone upgrade
      return db;
    });
  }

  /** Copies the localStorage layouts in, once, in one transaction (so two tabs cannot both do it). */
  async migrate() {
    const tx = this.db.transaction(STORES, 'readwrite');
    const finished = done(tx);
    const meta = tx.objectStore('meta');
    const seen = await request(meta.get('legacy'));
    if (!seen) {
      const at = new Date().toISOString();
      const out = migrateLegacy(readLegacy(LEGACY_STORE), readLegacy(LEGACY_DRAFT), at);
      for (const r of out.records) tx.objectStore('assessments').put(r);
      for (const d of out.drafts) tx.objectStore('drafts').put(d);
      for (const k of out.kept) tx.objectStore('kept').put(k);
      meta.put({ key: 'legacy', at, records: out.records.length, kept: out.kept.length });
      this.notes = out.notes;
      this.legacyDraftId = out.drafts[0]?.id ?? null;
    }
    await finished;
  }

  /**
   * Runs fn(store) in one readwrite transaction, where store has get(name, key), put(name, value)
   * and delete(name, key) (on the in-memory maps when IndexedDB is unavailable). Turns refusals
   * into `problem` and rethrows.
   */
  async write(names, fn) {
    if (this.readOnly) throw new Error('saved work is read-only here (written by a newer jobzone)');
    if (!this.db) {
      const m = this.memory;
      return fn({ get: async (n, k) => m[n].get(k), put: (n, v) => m[n].set(v.id, v), delete: (n, k) => m[n].delete(k) });
    }
    try {
      const tx = this.db.transaction(names, 'readwrite');
      const store = {
        get: (n, k) => request(tx.objectStore(n).get(k)),
        put: (n, v) => tx.objectStore(n).put(v),
        delete: (n, k) => tx.objectStore(n).delete(k),
      };
      const finished = done(tx);
      finished.catch(() => {}); // seen below, or replaced by fn's own error
      let value;
      try {
        value = await fn(store);
      } catch (error) {
        try { tx.abort(); } catch { /* already finished */ }
        throw error;
      }
      await finished;
      if (this.problem && !this.readOnly) this.problem = '';
      return value;
    } catch (error) {
      if (error?.name !== 'ConflictError') this.problem = problemText(error);
      throw error;
    }
  }

  async all(name) {
    if (!this.db) return [...this.memory[name].values()];
    return request(this.db.transaction(name).objectStore(name).getAll());
  }

  broadcast(type, id) {
    this.channel?.postMessage({ type, id });
  }

  /** Saved assessments, newest first; records from a newer jobzone are marked read-only. */
  async list() {
    const records = await this.all('assessments');
    return records.map((r) => ({ ...r, readOnly: this.readOnly || !(r.v <= RECORD_VERSION) }))
      .sort((a, b) => String(b.updated).localeCompare(String(a.updated)) || String(a.id).localeCompare(String(b.id)));
  }

  /**
   * Saves one record. With `rev` (the revision this tab opened), a record changed in another tab
   * since then is not overwritten: the answer is {conflict: theirRecord}, unless `force`.
   * Returns {record} or {conflict}; throws when the browser refuses (and sets `problem`).
   */
  async save({ id = null, name, assessment, rev = null, force = false }) {
    const result = await this.write(['assessments'], async (store) => {
      const key = id ?? randomId('a-');
      const theirs = await store.get('assessments', key);
      if (theirs && !(theirs.v <= RECORD_VERSION)) throw Object.assign(new Error('that record was written by a newer jobzone'), { name: 'ConflictError' });
      if (theirs && rev !== null && theirs.rev !== rev && !force) return { conflict: theirs };
      const record = { id: key, v: RECORD_VERSION, name, updated: new Date().toISOString(), rev: (theirs?.rev ?? 0) + 1, assessment };
      store.put('assessments', record);
      return { record };
    });
    if (result.record) this.broadcast('saved', result.record.id);
    return result;
  }

  async rename(id, name) {
    await this.write(['assessments'], async (store) => {
      const record = await store.get('assessments', id);
      if (record) store.put('assessments', { ...record, name, updated: new Date().toISOString(), rev: record.rev + 1 });
    });
    this.broadcast('saved', id);
  }

  async remove(id) {
    await this.write(['assessments'], async (store) => store.delete('assessments', id));
    this.broadcast('deleted', id);
  }

  /** This tab's draft (also after a reload), or one inherited from the tab this one was duplicated from. */
  async readTabDraft() {
    const stored = await this.getDraft(this.tab.id);
    const copy = this.tab.inherited ? null : readSessionDraft();
    // The session copy is written synchronously, so it can be newer than the last IndexedDB write
    // when the page was reloaded in the middle of one.
    const own = copy?.id === this.tab.id && (!stored || String(copy.updated) > String(stored.updated)) ? copy : stored;
    if (own) return own;
    if (this.legacyDraftId) {
      // The first release's single draft, just migrated: this tab carries on with it.
      const legacy = await this.getDraft(this.legacyDraftId);
      this.legacyDraftId = null;
      if (legacy) {
        const mine = { ...legacy, id: this.tab.id, kind: 'tab' };
        await this.moveDraft(legacy.id, mine).catch(() => {});
        return mine;
      }
    }
    if (!this.tab.inherited) return null;
    const parent = await this.getDraft(this.tab.inherited);
    return parent ? { ...parent, id: this.tab.id, kind: 'tab' } : null;
  }

  async getDraft(id) {
    if (!this.db) return this.memory.drafts.get(id) ?? null;
    return (await request(this.db.transaction('drafts').objectStore('drafts').get(id))) ?? null;
  }

  async putDraft(draft) {
    await this.write(['drafts'], async (store) => store.put('drafts', draft));
    return draft;
  }

  /** Writes `draft` and deletes draft `fromId` in one transaction: it moves, it is never in two places. */
  async moveDraft(fromId, draft) {
    await this.write(['drafts'], async (store) => {
      store.put('drafts', draft);
      if (fromId !== draft.id) store.delete('drafts', fromId);
    });
    this.broadcast('drafts', fromId);
  }

  /**
   * Writes this tab's working state (and its synchronous copy in sessionStorage). With `fromId`,
   * that draft becomes this tab's (Undo, or opening unsaved work): moved, not copied.
   */
  writeTabDraft(work, dirty, fromId = null) {
    const draft = draftOf(this.tab.id, 'tab', work, dirty);
    try {
      sessionStorage.setItem(TAB_DRAFT_KEY, JSON.stringify(draft));
    } catch { /* IndexedDB below is the real store */ }
    return fromId ? this.moveDraft(fromId, draft) : this.putDraft(draft);
  }

  /** Keeps work that is about to be replaced as a draft of its own; returns its id (for Undo). */
  async setAside(work) {
    const record = await this.putDraft(draftOf(randomId('aside-'), 'aside', work, true));
    this.broadcast('drafts', record.id);
    return record.id;
  }

  async deleteDraft(id) {
    await this.write(['drafts'], async (store) => store.delete('drafts', id));
    this.broadcast('drafts', id);
  }

  /**
   * Unsaved work this tab can offer to restore: work set aside, and dirty drafts of tabs that are
   * no longer open. Clean drafts of closed tabs hold nothing unsaved and are dropped.
   */
  async unsaved() {
    const drafts = await this.all('drafts');
    const live = await liveTabs();
    const out = [];
    for (const d of drafts) {
      if (d.id === this.tab.id) continue;
      const open = d.kind === 'tab' && (live ? live.has(d.id) : true);
      if (d.kind === 'tab' && !open && !d.dirty && !this.readOnly) {
        this.deleteDraft(d.id).catch(() => {});
        continue;
      }
      if (d.dirty && !open) out.push(d);
    }
    return out.sort((a, b) => String(b.updated).localeCompare(String(a.updated)));
  }

  /** Data that could not be read, kept as it was. */
  kept() {
    return this.all('kept');
  }

  async forgetKept(id) {
    await this.write(['kept'], async (store) => store.delete('kept', id));
  }
}
