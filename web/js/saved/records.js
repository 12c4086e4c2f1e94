// The layouts of saved records: which ones this version can use (the others are kept and
// reported, never dropped), and the first layouts, in localStorage ('jobzone:store', v1 and v2,
// and 'jobzone:draft'), read once and turned into IndexedDB records with ids that depend only on
// the data (so two tabs migrating at once write the same records), and left in place.

/** The layout of a record in IndexedDB (storage.js). */
export const RECORD_VERSION = 1;
export const LEGACY_STORE = 'jobzone:store';
export const LEGACY_DRAFT = 'jobzone:draft';

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

export function readLegacy(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

const isObject = (v) => Boolean(v) && typeof v === 'object' && !Array.isArray(v);

/**
 * Why a saved record ('assessments') or a draft ('drafts') is one this version cannot open, in
 * words, or '' when it can: a string id, for a draft a known kind, an assessment object, and for a
 * record a name and a revision.
 */
export function unusableReason(value, store) {
  if (!value || typeof value !== 'object') return 'not a record at all';
  if (typeof value.id !== 'string' || value.id === '') return `its key (${JSON.stringify(value.id) ?? 'none'}) is not one this version uses`;
  if (store === 'drafts' && value.kind !== 'tab' && value.kind !== 'aside') return 'it is not a kind of unsaved work this version knows';
  if (!isObject(store === 'drafts' ? (isObject(value.work) ? value.work.assessment : null) : value.assessment)) return 'it holds no assessment';
  if (store === 'assessments' && (typeof value.name !== 'string' || !Number.isInteger(value.rev))) return 'its layout is not one this version knows';
  return '';
}

/** A saved record this version can open. */
export const usableRecord = (r) => unusableReason(r, 'assessments') === '';

/** A draft this version can open. */
export const usableDraft = (d) => unusableReason(d, 'drafts') === '';

/** JSON text of anything a store returned (never throws: a value JSON cannot hold is described). */
export function textOf(value) {
  try {
    return JSON.stringify(value, null, 1) ?? String(value);
  } catch {
    return String(value);
  }
}
