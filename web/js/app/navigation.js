// Navigation and drafts: what to open (a share link, a deep link, the tab's draft, the default
// role), each navigation guarded by a ticket, work replaced only after it was set aside, and the
// tab's draft written soon after every change.
import { adoptPage, fingerprint, skeletonSteps } from '../render/role-page.js';
import { nextTask, paced } from '../lib/steps.js';
import { decodeLink } from '../share/share-link.js';
import { fetchRole, roleIndex } from '../catalog/catalog.js';
import { notify } from '../render/own.js';
import { renderPage } from '../render/page.js';
import { siteUrl } from '../lib/site.js';
import { lateBound, $ } from './context.js';
import { scoringInput } from '../lib/card.js';
import { catalogKind, withKind } from '../lib/kind.js';
import { firstChars, plainLine } from '../lib/escape.js';
import { setHidden, setText } from '../render/parts.js';

/** navigation: its functions, given the app's context (ctx: the store and the app's functions, late-bound). */
export function navigationPart(ctx) {
  const { setDoc, state } = ctx;
  const {
    edit, fail, loadBaseline, openAssessment, pageModel, publishedBase, showStatus, startGuide, updateInsight,
  } = lateBound(ctx, [
    'edit', 'fail', 'loadBaseline', 'openAssessment', 'pageModel', 'publishedBase', 'showStatus', 'startGuide', 'updateInsight',
  ]);

  /**
   * Every navigation (boot, a share link, search, Back) takes a ticket; after each await it checks
   * that no later navigation started, so a slow one can never replace what a newer one opened.
   */
  let navigation = 0;
  /** Where the page is, without the fragment: Back and Forward compare it with the role on show. */
  const here = () => location.pathname + location.search;
  let shownSearch = here();
  /** The role this page shows: ?role=, or a prerendered role page's own (roles/<id>/). */
  const roleHere = () => new URLSearchParams(location.search).get('role') ?? /** @type {HTMLMetaElement | null} */ (document.querySelector('meta[name="jobzone-role"]'))?.content ?? null;
  const ticket = () => {
    const mine = ++navigation;
    return () => mine === navigation;
  };

  /** An id from a link, as a message names it (a link may carry anything, of any length). */
  const named = (id) => {
    const max = state.engine.methodology.limits.max_id_chars;
    return String(id).length > max ? `${String(id).slice(0, max)}…` : String(id);
  };

  /**
   * How long a step of the takeover may run before it lets the reader's input in: the page is
   * drawn in steps of a few milliseconds (a task row, a few sections), batched to this budget, so
   * a phone four times slower than this machine still never holds a task past 50 ms (each step
   * may overrun the budget by its own length).
   */
  const SLICE_MS = 5;

  /**
   * The costly parts of taking over a prerendered page, in tasks of their own, so that no long
   * task holds up the reader: the first score, then the markup taken over as it is (its parts
   * found by the marks the skeleton left, nothing drawn). Markup that is not this page's, or a
   * page out of sight (`later`: nothing to take over yet), has its skeleton drawn instead, a few
   * sections or a task row at a time.
   */
  async function takeoverParts(assessment, { later = false } = {}) {
    await nextTask();
    // (A deferred engine has this from the worker: the page makes no instance of its own for it.)
    const first = await state.engine.scoreSoon(assessment);
    if (!first.ok) return null;
    await nextTask();
    const text = JSON.stringify(assessment);
    const source = fingerprint(text);
    if (!later) await nextTask();
    const adopted = later || state.refs ? null : adoptPage($('page'), { methodology: state.engine.methodology, source });
    if (adopted) {
      await nextTask();
      return { first, text, later, adopted };
    }
    const registry = new Map();
    const steps = skeletonSteps({ assessment, methodology: state.engine.methodology, registry, published: assessment, source });
    await nextTask();
    const skeleton = await paced(steps, nextTask, SLICE_MS);
    if (!later) await nextTask();
    return { first, skeleton, registry, text, later, adopted: null };
  }

  async function openRole(id, { push = false, current = ticket() } = {}) {
    let assessment;
    try {
      assessment = await fetchRole(id);
    } catch (error) {
      // Offline, a role never opened on this device (its file is not kept here): the default role,
      // which is always kept, with a plain word of why.
      if (id === state.catalog.default || !current()) throw error;
      // Offline, the search data (kept from the first visit) tells a role not kept here from none at all.
      const exists = await roleIndex().then((index) => index.roles.some((r) => r.id === id), () => true);
      if (!current()) return false;
      if (!exists) return unknownRole(id, current);
      showStatus(`“${named(id)}” could not be loaded${navigator.onLine ? '' : ': this device is offline, and that role was not opened here before, so it is not saved for offline use'}. Showing the default role instead; try again when you are online.`, true);
      return openRole(state.catalog.default, { current });
    }
    if (!current()) return false;
    if (!assessment) {
      if (id === state.catalog.default) throw new Error('this site\'s default role is missing');
      return unknownRole(id, current);
    }
    // The first page opened: over prerendered markup, or while the page is out of sight (boot shows
    // it when all is drawn), its costly parts run in tasks of their own.
    const hidden = $('page').hidden || document.documentElement.classList.contains('elsewhere'); // (start.js)
    const prepared = !state.refs && ($('page').childElementCount > 0 || hidden) ? await takeoverParts(assessment, { later: hidden }) : null;
    if (!current()) return false;
    openAssessment(assessment, { mode: 'published', publishedId: id, prepared });
    if (prepared?.later) {
      await nextTask();
      if (!current()) return false;
      renderPage(document, state.refs, pageModel(), { parts: ['details'] });
      await nextTask();
      if (!current()) return false;
      updateInsight({ here: true });
    }
    if (push) {
      history.pushState({ role: id }, '', siteUrl(`?role=${encodeURIComponent(id)}`).href);
      shownSearch = here();
    }
    return true;
  }

  /**
   * An address naming no role (?role=nurse, or roles/nurse/ through the site's 404 page): the start
   * page, its search showing what the words find, with "Assess “nurse” yourself" at its end.
   */
  async function unknownRole(id, current) {
    const words = named(id).replace(/[-_]+/g, ' ').trim();
    history.replaceState(history.state, '', siteUrl('').href);
    shownSearch = here();
    if (!(await openRole(state.catalog.default, { current }))) return false;
    const box = /** @type {HTMLInputElement | null} */ (document.getElementById('front-search'));
    if (box && words) {
      box.value = words;
      box.dispatchEvent(new Event('input'));
    }
    notify(state.refs, `No occupation or role here has the address “${named(id)}”. ${box && words
      ? `The search shows what “${words}” finds; or assess it yourself, at the end of the list.` : 'Search for it, or score your own job.'}`, [], 'problem');
    return true;
  }

  /** What this tab is working on, as kept in its draft. */
  const workOf = () => ({
    mode: state.mode, publishedId: state.publishedId, saved: state.saved, assessment: state.current, clean: state.clean, origin: state.origin,
    ...(state.pending ? { pending: true } : {}),
    ...(state.guide ? { guide: state.guide } : {}),
  });
  const isDirty = () => Boolean(state.current) && JSON.stringify(state.current) !== state.clean;

  /** Opens a draft's work: an own assessment as it was, or a published role with its edits. */
  async function restoreWork(work, current = () => true) {
    const out = state.engine.validate(JSON.stringify(work.assessment));
    if (!out.ok) throw Object.assign(new Error('the unsaved work is not a valid assessment'), { errors: out.errors });
    const clean = typeof work.clean === 'string' ? work.clean : null;
    const base = await publishedBase(work.publishedId);
    if (work.mode === 'published' && base) {
      if (!(await openRole(work.publishedId, { current }))) return false;
      if (clean !== null) setDoc({ clean });
      edit((a) => Object.assign(a, out.assessment));
      return true;
    }
    // Where the work started, as the draft kept it (plain text, cut to a name's length), else worked out again.
    const from = typeof work.origin === 'string' && work.origin ? firstChars(plainLine(work.origin), state.engine.methodology.limits.max_name_chars) : null;
    openAssessment(out.assessment, { mode: 'own', publishedId: base?.id ?? null, saved: work.saved ?? null, clean, pending: work.pending === true, from });
    if (base) loadBaseline(base);
    // The guided path resumes at the step it was on (its heading is not focused on a reload).
    if (work.guide && typeof work.guide === 'object') await startGuide({ ...work.guide, focus: false });
    return true;
  }

  /**
   * Replaces the work on the page with open(). Unsaved work is first set aside as a draft of its
   * own, and the notice offers Undo; if it cannot be set aside (storage refused), the user is asked.
   * `fromDraft`: the draft being opened, which becomes this tab's draft. Returns false when nothing
   * was opened.
   */
  async function replaceWork(open, message = '', fromDraft = null) {
    let asideId = null;
    const hadTitle = state.current?.role.title;
    if (isDirty()) {
      try {
        asideId = await state.store.setAside(workOf());
      } catch {
        showStorageProblem();
        if (!window.confirm('Your unsaved changes could not be kept aside (this browser will not store them). Replace them anyway? Cancel, then Export JSON, to keep a copy.')) return false;
      }
    }
    const opened = await open();
    if (opened === false) return false;
    const aside = asideId ? ` Your unsaved “${hadTitle}” was set aside (My assessments, Unsaved work).` : '';
    if (message || aside) {
      notify(state.refs, `${message}${aside}`.trim(), [], 'info', asideId ? { label: 'Undo', action: 'draft-open', id: asideId } : null);
    }
    await writeDraftNow(fromDraft);
    if (asideId) ctx.saved.refreshSaved();
    return true;
  }

  /** Shows, or clears, the banner that says work is not being stored. */
  function showStorageProblem() {
    const banner = $('storage-alert');
    const problem = state.store?.problem ?? '';
    setHidden(banner, !problem);
    setText($('storage-alert-text'), problem);
  }

  /**
   * A fresh tab (no draft when it opened) showing a catalog role as it is: that is not work, and
   * the page's address opens it again, so no draft is written for it (on a prerendered page, the
   * write would be the last task of the takeover) until something is changed or the guide starts.
   */
  let pristine = false;
  /** @type {ReturnType<typeof setTimeout> | 0} */
  let draftTimer = 0;
  /** Writes this tab's draft now; `fromDraft` (a draft id) is moved into it in the same transaction. */
  function writeDraftNow(fromDraft = null) {
    clearTimeout(draftTimer);
    draftTimer = 0;
    if (!state.current || !state.store || state.store.readOnly) return Promise.resolve();
    pristine = false; // (the tab has a draft from now on: it follows every change)
    return state.store.writeTabDraft(workOf(), isDirty(), fromDraft).then(showStorageProblem, showStorageProblem);
  }
  function saveDraftSoon() {
    if (pristine && state.mode === 'published' && !state.guide && !isDirty()) return;
    pristine = false;
    clearTimeout(draftTimer);
    draftTimer = setTimeout(writeDraftNow, 250);
  }
  // A reload, a closed tab or an app update must not lose the last edits.
  addEventListener('pagehide', () => { if (draftTimer) writeDraftNow(); });
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden' && draftTimer) writeDraftNow(); });

  /**
   * The read view of a shared link (render/read-view.js), over the page: its score at once, its
   * likely range when the analyses are in (on this thread: once, for one assessment). Nothing is
   * opened as work, so nothing is written to this tab's draft until "Adjust a copy".
   */
  let reading = null;
  async function openReading(assessment, base, copy, current) {
    const input = scoringInput(assessment);
    const scored = state.engine.score(input);
    if (!scored.ok) {
      await copy(); // (valid but not scorable: the editor says what is wrong)
      return;
    }
    const { readView, fillLikely } = await import('../render/read-view.js');
    if (!current()) return;
    closeReading();
    // Published or derived only as the catalog's own file, unchanged; anything else is someone's.
    const same = Boolean(base) && JSON.stringify(withKind(base.assessment, null)) === JSON.stringify(withKind(assessment, null));
    const kind = same ? catalogKind(base.assessment) : 'self';
    const { el, likely } = readView({ assessment, result: scored.result, methodology: state.engine.methodology, kind });
    el.addEventListener('click', (event) => {
      if (/** @type {Element} */ (event.target).closest('[data-action="adjust-copy"]')) copy().catch(fail);
    });
    reading = el;
    $('page').before(el);
    document.documentElement.classList.add('reading');
    document.documentElement.classList.remove('at-front');
    document.title = plainLine(`${assessment.role.title}: ${scored.result.display.score} ${scored.result.label} (shared, ${kind === 'self' ? 'self-assessed' : kind}) · jobzone`);
    if (state.refs) /** @type {HTMLElement} */ (el.querySelector('#read-h')).focus();
    await nextTask();
    if (reading !== el) return;
    const insight = state.engine.insight(input);
    if (reading === el) fillLikely(likely, insight.ok ? insight.insight : null, state.engine.methodology);
  }
  /** Leaves the read view (anything opened replaces it). */
  function closeReading() {
    reading?.remove();
    reading = null;
    document.documentElement.classList.remove('reading');
  }
  const isReading = () => reading !== null;

  /** What to open: a share link, a deep link, this tab's draft, or the default role. */
  async function openStart() {
    const current = ticket();
    // This tab's draft from before a reload (or the first release's draft, once, after the update).
    const draft = state.current ? null : await state.store.readTabDraft().catch(() => null);
    if (!current()) return;
    /** Opening something else in a fresh page: the tab's unsaved draft is kept aside first. */
    const keepDraftAside = async () => {
      if (draft?.dirty) await state.store.setAside(draft.work).catch(showStorageProblem);
    };
    if (location.hash.startsWith('#a=')) {
      try {
        const { max_input_bytes: maxBytes, max_depth: maxDepth } = state.engine.methodology.limits;
        const value = await decodeLink(location.hash, { maxBytes, maxDepth });
        const out = state.engine.validate(JSON.stringify(value));
        if (!out.ok) throw Object.assign(new Error('the assessment in it is not valid'), { errors: out.errors });
        if (!current()) return;
        await keepDraftAside();
        const base = await publishedBase(out.assessment.id);
        if (!current()) return;
        // What was shared is read first, at the link's own address; "Adjust a copy" opens the editor.
        const copy = () => replaceWork(async () => {
          closeReading();
          openAssessment(out.assessment, { mode: 'own', publishedId: base?.id ?? null, from: 'a share link' });
          // The copy now lives in this tab's draft: a reload shows its edits, not the link again.
          history.replaceState(history.state, '', location.pathname + location.search);
          if (base) loadBaseline(base);
        }, 'Your copy of the shared assessment. Save it to keep it in this browser.');
        // (A link pasted over work in this tab: the work stays under the read view, untouched;
        // Back returns to it, and "Adjust a copy" sets it aside first, with Undo, as always.)
        await openReading(out.assessment, base, copy, current);
        return;
      } catch (error) {
        if (!current()) return;
        history.replaceState(history.state, '', location.pathname + location.search);
        const had = Boolean(state.current);
        if (!state.current) {
          if (draft?.work?.assessment) await restoreWork(draft.work, current).catch(() => openRole(roleHere() ?? state.catalog.default, { current }));
          else await openRole(roleHere() ?? state.catalog.default, { current });
        }
        notify(state.refs, `This share link could not be opened: ${error.message}. ${had ? 'Nothing on this page changed.' : 'Showing a published role instead.'}`, error.errors ?? [], 'problem');
        return;
      }
    }
    const wanted = roleHere();
    // A catalog role only looked at (no edit, no guide) is not work: the start page's address
    // opens the start page, not the role seen last (its own address opens that).
    const work = draft?.work && !draft.dirty && draft.work.mode === 'published' && !draft.work.guide && !wanted ? null : draft?.work;
    if (work?.assessment && (!wanted || (work.mode === 'published' && work.publishedId === wanted))) {
      try {
        if (await restoreWork(work, current)) return;
      } catch {
        // Unreadable draft: it stays stored (listed under Unsaved work once this tab moves on).
      }
      if (!current()) return;
    } else {
      await keepDraftAside(); // a deep link to another role, over unsaved work in this tab
    }
    pristine = !draft;
    await openRole(wanted ?? state.catalog.default, { current });
  }

  /**
   * Back and Forward between roles picked in search. A fragment change fires popstate too (a share
   * link pasted into the address bar): that is hashchange's to handle, not a role change.
   */
  function listenForNavigation() {
    window.addEventListener('popstate', () => {
      if (here() === shownSearch) return;
      shownSearch = here();
      replaceWork(() => openRole(roleHere() ?? state.catalog.default)).catch(fail);
    });
    // A share link pasted into this tab's address bar: the same document, a new fragment.
    // Back from a link's read view (the fragment gone): the work under it shows again.
    window.addEventListener('hashchange', () => {
      if (location.hash.startsWith('#a=')) openStart().catch(fail);
      else if (reading && state.current) closeReading();
    });
  }

  return {
    here, roleHere, ticket, named, nextTask, openRole, isDirty, restoreWork, replaceWork, showStorageProblem, writeDraftNow, saveDraftSoon,
    openStart, listenForNavigation, closeReading, isReading,
  };
}
