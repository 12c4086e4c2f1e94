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
// are copied in once, in one transaction, with ids that depend only on the data, and left in place
// (records.js).
import { nextTask } from '../lib/steps.js';
import { RECORD_VERSION, LEGACY_STORE, LEGACY_DRAFT, migrateLegacy, readLegacy, stableHash, unusableReason, usableDraft, textOf } from './records.js';
const DB_NAME = 'jobzone';
const DB_VERSION = 1;
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

/**
 * Where the work is when the browser will not store it: in this tab's sessionStorage copy (it
 * survives a reload of the tab, not its closing), or, when that is refused too, on this page only.
 */
const whereWorkLives = (sessionOk) => (sessionOk
  ? 'Your work is kept in this tab only: it survives a reload of this tab, not closing it. Use Export JSON to keep a copy.'
  : 'Your work lives on this page only: a reload or closing the tab loses it. Use Export JSON to keep a copy.');

function problemText(error, sessionOk = true) {
  return isQuota(error)
    ? `This browser is out of storage space for jobzone, so your work is not being saved here. ${whereWorkLives(sessionOk)}`
    : `This browser would not store your work (${error?.message ?? 'storage is switched off'}). ${whereWorkLives(sessionOk)}`;
}

/** Thrown by every write when IndexedDB is unavailable: nothing may be said to be saved. */
export class StorageUnavailable extends Error {
  constructor(message) {
    super(message);
    this.name = 'StorageUnavailable';
  }
}

/**
 * Opens the store. Never throws: when IndexedDB is missing or refuses, nothing can be saved (every
 * write throws StorageUnavailable), the tab's work is kept in sessionStorage, and `problem` says
 * where the work lives; when the database was written by a newer jobzone, it is read-only.
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
    this.tab = null;
    this.sessionOk = true;      // false once sessionStorage refused this tab's copy
    this.storeError = null;     // why IndexedDB could not be opened, when it could not
    this.unreadable = new Map(); // records and drafts this version cannot use: id -> {store, key, ...kept item}
  }

  /** True when IndexedDB holds the work (writable): only then may anything be called saved. */
  get persistent() {
    return Boolean(this.db) && !this.readOnly;
  }

  async init() {
    try {
      sessionStorage.setItem('jobzone:probe', '1');
      sessionStorage.removeItem('jobzone:probe');
    } catch {
      this.sessionOk = false;
    }
    await nextTask(); // (a storage area's first use loads it: one short task each)
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
        this.storeError = error ?? new Error('storage is switched off');
        this.problem = problemText(this.storeError, this.sessionOk);
      }
    }
    if (this.db && !this.readOnly) await this.migrate().catch((error) => { this.problem = problemText(error, this.sessionOk); });
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
   * and delete(name, key); throws StorageUnavailable when IndexedDB is unavailable. Turns refusals
   * into `problem` and rethrows.
   */
  async write(names, fn) {
    if (this.readOnly) throw new Error('saved work is read-only here (written by a newer jobzone)');
    if (!this.db) throw new StorageUnavailable(this.problem || problemText(this.storeError, this.sessionOk));
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
      if (error?.name !== 'ConflictError') this.problem = problemText(error, this.sessionOk);
      throw error;
    }
  }

  async all(name) {
    if (!this.db) return [];
    return request(this.db.transaction(name).objectStore(name).getAll());
  }

  /**
   * The values of a store this version can use; the others are listed in `unreadable` (shown with
   * the data this version could not read, downloadable, removable), never opened or passed on.
   */
  async usable(name) {
    const values = await this.all(name);
    for (const [id, item] of this.unreadable) if (item.store === name) this.unreadable.delete(id);
    const out = [];
    for (const value of values) {
      const why = unusableReason(value, name);
      if (!why) {
        out.push(value);
        continue;
      }
      const text = textOf(value);
      const id = `unusable-${name}-${stableHash(`${typeof value?.id}:${String(value?.id)}\n${text}`)}`;
      const label = typeof value?.name === 'string' ? value.name : typeof value?.title === 'string' ? value.title : String(value?.id ?? '');
      this.unreadable.set(id, {
        id, store: name, key: value?.id, text,
        source: name === 'assessments' ? `saved assessment “${label.slice(0, 80)}”` : `unsaved work “${label.slice(0, 80)}”`,
        reason: `this version cannot open it: ${why}`,
        at: typeof value?.updated === 'string' ? value.updated : '',
      });
    }
    return out;
  }

  broadcast(type, id) {
    this.channel?.postMessage({ type, id });
  }

  /** Saved assessments, newest first; records from a newer jobzone are marked read-only. */
  async list() {
    const records = await this.usable('assessments');
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

  /** A new name, which is also the role's title in the saved assessment (one name for one item). */
  async rename(id, name) {
    await this.write(['assessments'], async (store) => {
      const record = await store.get('assessments', id);
      if (!record) return;
      const a = record.assessment;
      const assessment = a && typeof a.role === 'object' && a.role ? { ...a, role: { ...a.role, title: name } } : a;
      store.put('assessments', { ...record, name, assessment, updated: new Date().toISOString(), rev: record.rev + 1 });
    });
    this.broadcast('saved', id);
  }

  /**
   * Deletes a record, but only the revision the user was shown (`rev`): one saved again since (in
   * another tab) is not deleted, and the answer is {changed: theirRecord}, to ask about. Returns
   * {deleted: true}, {changed}, or {gone: true} when it was already deleted.
   */
  async remove(id, { rev = null } = {}) {
    const out = await this.write(['assessments'], async (store) => {
      const theirs = await store.get('assessments', id);
      if (!theirs) return { gone: true };
      if (rev !== null && theirs.rev !== rev) return { changed: theirs };
      store.delete('assessments', id);
      return { deleted: true };
    });
    if (out.deleted) this.broadcast('deleted', id);
    return out;
  }


  /** This tab's draft (also after a reload), or one inherited from the tab this one was duplicated from. */
  async readTabDraft() {
    const stored = await this.getDraft(this.tab.id);
    const copy = this.tab.inherited ? null : readSessionDraft();
    // The session copy is written synchronously, so it can be newer than the last IndexedDB write
    // when the page was reloaded in the middle of one.
    const own = usableDraft(copy) && copy.id === this.tab.id && (!usableDraft(stored) || String(copy.updated) > String(stored.updated)) ? copy : stored;
    if (usableDraft(own)) return own;
    if (this.legacyDraftId) {
      // The first release's single draft, just migrated: this tab carries on with it.
      const legacy = await this.getDraft(this.legacyDraftId);
      this.legacyDraftId = null;
      if (usableDraft(legacy)) {
        const mine = { ...legacy, id: this.tab.id, kind: 'tab' };
        await this.moveDraft(legacy.id, mine).catch(() => {});
        return mine;
      }
    }
    if (!this.tab.inherited) return null;
    const parent = await this.getDraft(this.tab.inherited);
    return usableDraft(parent) ? { ...parent, id: this.tab.id, kind: 'tab' } : null;
  }

  async getDraft(id) {
    if (!this.db) return null;
    const draft = (await request(this.db.transaction('drafts').objectStore('drafts').get(id))) ?? null;
    return usableDraft(draft) ? draft : null;
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
    const sessionWas = this.sessionOk;
    try {
      sessionStorage.setItem(TAB_DRAFT_KEY, JSON.stringify(draft));
      this.sessionOk = true;
    } catch {
      this.sessionOk = false; // unavailable or full: IndexedDB below is the real store, when there is one
    }
    if (!this.db && sessionWas !== this.sessionOk) this.problem = problemText(this.storeError, this.sessionOk);
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
    const drafts = await this.usable('drafts');
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

  /**
   * Data that could not be read, kept as it was: what the migration kept aside, and the records
   * and drafts this version cannot use, left where they are (as the last list() and unsaved()
   * found them: no store is read twice for one drawing of the panel).
   */
  async kept() {
    return [...(await this.all('kept')), ...this.unreadable.values()];
  }

  async forgetKept(id) {
    const unusable = this.unreadable.get(id);
    if (unusable) {
      // Deleted by the key it is stored under, whatever its type (a number, say).
      await this.write([unusable.store], async (store) => store.delete(unusable.store, unusable.key));
      this.unreadable.delete(id);
      return;
    }
    await this.write(['kept'], async (store) => store.delete('kept', id));
  }
}
