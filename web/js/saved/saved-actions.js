// Saved work: Save, My assessments (open, rename, delete), unsaved work set aside or left by a
// closed tab, and data this version could not read. The store (storage.js) is reached only here
// and in the app's draft writer; own.js only draws what it is given.
import { fileSlug, plainLine, firstChars } from '../lib/escape.js';
import { notify } from '../render/own.js';
import { formatWhen } from '../lib/format.js';

const panels = () => import('../render/panels.js');

/** @param {import('../state/store.js').FeatureApp} app */
export function savedActions(app) {
  const { state, set } = app; // set: this feature's own fields, state.savedList and state.savedRevision
  const nameLimit = () => state.engine.methodology.limits.max_name_chars;
  const cut = (text) => firstChars(plainLine(text), nameLimit());
  // One name: a saved item is named by its role's title, and renaming it retitles the role.
  const nameOf = (a) => cut(a.role.title) || 'Untitled';
  /** The item being renamed in the list: {id, value, problem}, or null. */
  let renaming = null;

  /** Re-reads the saved list (after a change here or in another tab) and redraws what shows it. */
  async function refreshSaved() {
    let read = true;
    const savedList = await state.store.list().catch(() => { read = false; return state.savedList; });
    set({ savedList, savedRevision: state.savedRevision + 1 });
    // The record this tab saved to is gone (deleted in another tab, or by a delete that crossed a
    // save): whatever the messages said, the list just read decides, and the work here is kept.
    if (read && state.saved && state.store.persistent && !state.savedList.some((r) => r.id === state.saved.id)) recordVanished();
    if (state.panel === 'saved') await renderSavedPanel();
  }

  async function renderSavedPanel() {
    // unsaved() first: it also finds the drafts this version cannot use, which kept() lists.
    const [unsaved, { showSavedPanel }] = await Promise.all([state.store.unsaved().catch(() => []), panels()]);
    const kept = await state.store.kept().catch(() => []);
    if (state.panel !== 'saved') return;
    const active = /** @type {HTMLElement | null} */ (document.activeElement);
    const focused = active?.closest?.('.panel') ? active.dataset : null;
    if (renaming && !state.savedList.some((r) => r.id === renaming.id && !r.readOnly)) renaming = null; // gone meanwhile
    showSavedPanel(state.refs, {
      list: state.savedList, unsaved, kept, currentId: state.saved?.id, readOnly: state.store.readOnly, renaming, nameLimit: nameLimit(),
    });
    const form = state.refs.panel.querySelector('.rename-form');
    if (form) {
      const input = /** @type {HTMLInputElement} */ (form.querySelector('input'));
      form.addEventListener('submit', (event) => { event.preventDefault(); commitRename(input.value); });
      input.addEventListener('input', () => { renaming = { ...renaming, value: input.value }; });
      input.addEventListener('keydown', (event) => { if (event.key === 'Escape') { event.stopPropagation(); actions['saved-rename-cancel'](); } });
      if (!focused || focused.action === 'saved-rename' || active?.id === 'rename-input') {
        input.focus();
        if (!renaming.problem) input.select();
      }
    } else if (focused?.action) {
      state.refs.panel.querySelector(`[data-action="${focused.action}"][data-id="${CSS.escape(focused.id ?? '')}"]`)?.focus();
    }
  }

  /** The name typed in the list: kept as the item's name and its role's title (also on the page, if open here). */
  async function commitRename(value) {
    const record = state.savedList.find((r) => r.id === renaming?.id);
    if (!record) return;
    const name = cut(value);
    if (!name) {
      renaming = { id: record.id, value, problem: 'Give it a name of at least one character (a letter, a digit, anything but spaces).' };
      return renderSavedPanel();
    }
    renaming = null;
    try {
      await state.store.rename(record.id, name);
      if (state.saved?.id === record.id) retitle(name);
      app.renderToolbar();
      notify(state.refs, name === record.name ? `“${name}” keeps its name.` : `Renamed “${record.name}” to “${name}”.`);
    } catch {
      app.showStorageProblem();
    }
    await refreshSaved();
    focusRename(record.id);
  }

  /** Focus back on an item's Rename button, after its field closes. */
  const focusRename = (id) => state.refs.panel.querySelector(`[data-action="saved-rename"][data-id="${CSS.escape(id)}"]`)?.focus();

  /** The role's title on the page, and its field, set to a saved item's name. */
  function retitlePage(name) {
    if (state.current.role.title === name) return;
    app.edit((a) => { a.role.title = name; }, { full: true });
    const field = /** @type {HTMLInputElement | null} */ (document.querySelector('[data-text="role.title"]'));
    if (field && field.value !== name) field.value = name;
  }

  /**
   * The record open here was renamed: the page's title follows, and the clean copy too, so work
   * that was saved stays saved and unsaved edits stay unsaved.
   */
  function retitle(name) {
    retitlePage(name);
    let clean = state.clean;
    try {
      const a = JSON.parse(clean);
      a.role.title = name;
      clean = JSON.stringify(a);
    } catch { /* no clean copy: nothing to follow */ }
    app.setSavedAs({ ...state.saved, name, rev: state.saved.rev + 1 }, clean);
    app.writeDraftNow();
  }

  /**
   * This tab's record no longer exists: the work on the page becomes unsaved work (its draft is
   * marked dirty, so it is listed under Unsaved work once the tab closes), never lost.
   */
  function recordVanished() {
    keepAsUnsaved();
    notify(state.refs, 'This assessment was deleted in another tab. It is still here, kept as unsaved work: Save keeps it as a new record.');
  }

  /** The record of the work on the page is gone: the work stays, as unsaved (its draft dirty). */
  function keepAsUnsaved() {
    app.setSavedAs(null, ''); // nothing stored matches it now
    app.renderToolbar();
    app.writeDraftNow();
  }

  /** Another tab saved, renamed or deleted something (a deletion is checked against the store, in refreshSaved). */
  function onStoreChange(message) {
    if (!state.refs) return;
    if (message?.id && message.id === state.saved?.id && message.type !== 'deleted') {
      notify(state.refs, 'This assessment was saved in another tab. If you save here too, you will be asked which version to keep.');
    }
    refreshSaved();
  }

  const actions = {
    async save() {
      const name = nameOf(state.current);
      const assessment = structuredClone(state.current);
      try {
        let out = await state.store.save({ id: state.saved?.id, name, assessment, rev: state.saved?.rev ?? null });
        if (out.conflict) {
          const replace = window.confirm(`“${out.conflict.name}” was saved in another tab after you opened it here.\n\nOK: replace that version with this one.\nCancel: keep both, saving this one as a new copy.`);
          const copy = firstChars(`${name} (copy)`, nameLimit());
          out = replace
            ? await state.store.save({ id: state.saved.id, name, assessment, force: true })
            : await state.store.save({ name: copy, assessment: { ...assessment, role: { ...assessment.role, title: copy } } });
        }
        const { record } = out;
        retitlePage(record.assessment.role.title);
        app.setSavedAs({ id: record.id, name: record.name, rev: record.rev }, JSON.stringify(record.assessment));
        app.writeDraftNow();
        app.renderToolbar();
        notify(state.refs, `Saved “${record.name}” in this browser.`);
        refreshSaved();
      } catch (error) {
        // "Saved" is said only after a committed transaction. Otherwise: where the work is now.
        const why = state.store.problem || `This browser refused it (${error.message}).`;
        notify(state.refs, `Not saved. ${why}`, [], 'problem', { label: 'Export JSON', action: 'export-json', id: '' });
        app.showStorageProblem();
      }
    },
    async saved() {
      app.showPanel('saved');
      await renderSavedPanel();
      state.refs.panel.querySelector('button')?.focus();
    },
    async 'saved-open'(button) {
      const record = state.savedList.find((r) => r.id === button.dataset.id);
      if (!record) return;
      const check = state.engine.validate(JSON.stringify(record.assessment));
      if (!check.ok) {
        notify(state.refs, `“${record.name}” could not be opened.`, check.errors, 'problem');
        return;
      }
      const base = await app.publishedBase(check.assessment.id);
      const saved = record.readOnly ? null : { id: record.id, name: record.name, rev: record.rev };
      await app.replaceWork(() => app.openAssessment(check.assessment, { mode: 'own', saved, publishedId: base?.id ?? null, from: 'your saved copy' }),
        record.readOnly ? `Opened “${record.name}” (read-only here: saving keeps it as a new copy).` : `Opened “${record.name}”.`);
      if (base) app.loadBaseline(base);
    },
    async 'saved-rename'(button) {
      const record = state.savedList.find((r) => r.id === button.dataset.id);
      if (!record || record.readOnly) return;
      renaming = { id: record.id, value: record.name, problem: null };
      await renderSavedPanel();
    },
    async 'saved-rename-cancel'() {
      const id = renaming?.id;
      renaming = null;
      await renderSavedPanel();
      if (id) focusRename(id);
    },
    async 'saved-delete'(button) {
      const record = state.savedList.find((r) => r.id === button.dataset.id);
      if (!record || !window.confirm(`Delete “${record.name}” from this browser?`)) return;
      try {
        // Only the revision this list showed is deleted; one saved since, in another tab, is asked about.
        let out = await state.store.remove(record.id, { rev: record.rev });
        if (out.changed) {
          const when = formatWhen(out.changed.updated);
          out = window.confirm(`“${out.changed.name}” was saved again in another tab (${when}) after this list was shown.\n\nOK: delete that newer version too.\nCancel: keep it.`)
            ? await state.store.remove(record.id, { rev: out.changed.rev })
            : out;
          if (out.changed) notify(state.refs, `Kept “${out.changed.name}”: it changed since the list was shown.`);
        }
        // Deleted from this tab on purpose: the work on the page stays, as unsaved work.
        if (out.deleted && state.saved?.id === record.id) keepAsUnsaved();
        else app.renderToolbar();
      } catch {
        app.showStorageProblem();
      }
      await refreshSaved();
    },
    /** Opens unsaved work (set aside, or left by a closed tab) in this tab; it becomes this tab's draft. */
    async 'draft-open'(button) {
      const draft = await state.store.getDraft(button.dataset.id);
      if (!draft) return refreshSaved();
      if (await app.replaceWork(() => app.restoreWork(draft.work), `Restored “${draft.title || 'unsaved work'}”.`, draft.id)) await refreshSaved();
    },
    async 'draft-discard'(button) {
      const drafts = await state.store.unsaved();
      const draft = drafts.find((d) => d.id === button.dataset.id);
      if (!draft || !window.confirm(`Discard the unsaved work “${draft.title || 'Untitled'}”? This cannot be undone.`)) return;
      await state.store.deleteDraft(draft.id).catch(app.showStorageProblem);
      await refreshSaved();
    },
    async 'kept-download'(button) {
      const item = (await state.store.kept()).find((k) => k.id === button.dataset.id);
      if (item) (await panels()).download(`jobzone-kept-${fileSlug(item.source)}.json`, item.text, 'application/octet-stream');
    },
    async 'kept-forget'(button) {
      const item = (await state.store.kept()).find((k) => k.id === button.dataset.id);
      if (!item || !window.confirm(`Remove the copy of “${item.source}” that jobzone could not read? Download it first if you may need it.`)) return;
      await state.store.forgetKept(item.id).catch(app.showStorageProblem);
      await refreshSaved();
    },
  };
  return { actions, refreshSaved, onStoreChange };
}

