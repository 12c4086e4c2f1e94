// Opening an assessment: its page drawn (or a prerendered one taken over, with whatever the
// reader moved before), its first score, the pending state of a blank start, the score strip.
import { applyFolds } from '../render/folds.js';
import { drawSkeleton, fingerprint } from '../render/role-page.js';
import { taskRowsOpen } from '../render/task-rows.js';
import { fetchRole } from '../catalog/catalog.js';
import { isPlaceholderName } from '../tasks/task-actions.js';
import { renderPage } from '../render/page.js';
import { missingParts } from '../render/insight-view.js';
import { lateBound, $ } from './context.js';
import { baselineWord, ownKind, withKind } from '../lib/kind.js';
import { nextTask } from '../lib/steps.js';
import { setHidden } from '../render/parts.js';

/** open: its functions, given the app's context (ctx: the store and the app's functions, late-bound). */
export function openPart(ctx) {
  const { setApp, setDoc, state } = ctx;
  const {
    cancelFrame, closeReading, expectAdopted, pageModel, recompute, updateInsight, updateShareLimits, updateTitle,
  } = lateBound(ctx, [
    'cancelFrame', 'closeReading', 'expectAdopted', 'pageModel', 'recompute', 'updateInsight', 'updateShareLimits', 'updateTitle',
  ]);

  /** The published role with this id ({id, assessment}), or null when there is none. */
  async function publishedBase(id) {
    const assessment = await fetchRole(id).catch(() => null);
    return assessment ? { id, assessment } : null;
  }

  /** Sets a published role ({id, assessment}) as the baseline that your own assessment is compared with. */
  function loadBaseline({ assessment }) {
    const out = state.engine.score(assessment);
    if (!out.ok) return;
    setDoc({ baseline: assessment, baselineResult: out.result });
    recompute();
  }

  /**
   * Opens an assessment: draws its page (or takes over the prerendered one) and scores it.
   * `prepared`: {first, text, adopted} or {first, skeleton, registry, text}, made ahead in
   * tasks of their own (takeoverParts).
   */
  function openAssessment(assessment, { mode = 'published', baseline = null, publishedId = null, saved = null, clean = null, from = null, pending = false, prepared = null } = {}) {
    // Your own is never published, whatever a file or link claims; begun from a derived starting
    // point, it is adjusted from one (lib/kind.js). A catalog role keeps the kind the build gave it.
    if (mode === 'own' && (assessment.kind ?? null) !== ownKind(assessment)) assessment = withKind(assessment, ownKind(assessment));
    const first = prepared?.first ?? state.engine.score(assessment);
    closeReading(); // (a shared link's read view gives way to whatever is opened)
    if (!first.ok) {
      const detail = first.errors.slice(0, 3).map((e) => `${e.path}: ${e.message}`).join('; ');
      throw new Error(`This assessment is not valid: ${detail}`);
    }
    const text = prepared?.text ?? JSON.stringify(assessment);
    // (Features that keep state of their own hear of the new assessment by `opened`: the compare
    // panel and the guided path close.)
    setApp({ registry: prepared?.registry ?? new Map(), panel: null });
    setDoc({
      mode, publishedId, saved, pending,
      baseline: mode === 'published' ? structuredClone(assessment) : baseline,
      baselineResult: mode === 'published' ? first.result : baseline ? state.engine.score(baseline).result : null,
      current: structuredClone(assessment), startResult: first.result, clean: clean ?? text, insight: null,
      locked: assessment.tasks.map(() => false), openTasks: taskRowsOpen(assessment, mode === 'own'), result: null, opened: state.opened + 1,
    });
    const origin = from ?? (baseline ? `${baseline.role.title} (${baselineWord(baseline).toLowerCase()})` : mode === 'own' ? 'a blank template' : '');
    setDoc({ origin }); // (kept in the tab's draft: a reload says where the work started, as before it)
    // A prerendered role page is taken over as it is (the first page opened, for the very assessment
    // it shows; takeoverParts found its parts): nothing is drawn again, so nothing moves and the
    // reader's place and focus stay.
    const adopted = state.refs ? null : prepared?.adopted ?? null;
    // What the reader moved on the prerendered page before the app had it (the controls work
    // natively from the first paint): read now, before the controls are brought in line with the
    // assessment, and replayed below as the reader's own input, so nothing typed early is lost.
    const early = adopted ? movedBeforeTakeover($('page')) : [];
    if (adopted) {
      setApp({ refs: adopted.refs, registry: adopted.registry });
      performance.mark('jobzone:adopted'); // (the tests and the bench read it)
    } else {
      const skeleton = prepared?.skeleton ?? drawSkeleton({
        assessment, methodology: state.engine.methodology, registry: state.registry, published: state.baseline,
        own: mode === 'own', origin, locked: state.locked, openTasks: state.openTasks, source: fingerprint(text),
      });
      setApp({ refs: skeleton.refs });
      const focused = focusKey(document.activeElement);
      $('page').replaceChildren(...skeleton.parts);
      if (focused) /** @type {HTMLElement | null} */ ($('page').querySelector(focused))?.focus({ preventScroll: true });
    }
    applyFolds($('page')); // (the sections this browser left open)
    watchStrip(state.refs);
    updateShareLimits();
    recompute(adopted ? first.result : null);
    cancelFrame();
    // A new page is drawn whole, with its first analyses, so nothing moves under the reader
    // afterwards; an adopted page already shows them all, and the worker checks them when it can.
    if (adopted) {
      // What the markup shows is noted, not drawn again, in a task of its own (the takeover's last
      // long step otherwise); skipped if anything changed meanwhile (that change drew its parts).
      const { opened, revision } = state;
      const same = () => state.opened === opened && state.revision === revision;
      (async () => {
        await nextTask();
        if (state.opened !== opened) return;
        updateTitle();
        await nextTask();
        if (!same()) return;
        renderPage(document, state.refs, pageModel(), { parts: ['score', 'details'], noted: true });
        await nextTask();
        if (!same()) return;
        expectAdopted(state.revision);
        updateInsight({ quiet: true });
      })().catch(() => {});
    }
    else if (!prepared?.later) {
      renderPage(document, state.refs, pageModel(), { parts: ['details'] });
      updateInsight({ here: true });
    }
    if (!adopted) updateTitle();
    replayEarlyInput(early);
  }

  /**
   * The form controls in `root` whose state differs from their markup's (the reader moved them
   * before the app took the page over): [{el, value, checked}].
   */
  function movedBeforeTakeover(root) {
    const moved = [];
    for (const el of root.querySelectorAll('input, select, textarea')) {
      if (el.type === 'file') continue;
      let changed;
      if (el.type === 'checkbox' || el.type === 'radio') changed = el.checked !== el.defaultChecked;
      else if (el.tagName === 'SELECT') {
        const initial = Math.max(0, [...el.options].findIndex((o) => o.defaultSelected));
        changed = el.selectedIndex !== initial;
      } else if (el.type === 'range') changed = Number(el.value) !== sanitizedRange(el);
      else changed = el.value !== el.defaultValue;
      if (changed) moved.push({ el, value: el.value, checked: el.checked });
    }
    return moved;
  }

  /**
   * The value a range input shows for its markup's value: the browser keeps it within min..max and
   * on a step (a share of 4.77% on a slider of whole points shows 5), so only a move differs from it.
   */
  function sanitizedRange(el) {
    const min = Number(el.min || 0);
    const max = Number(el.max || 100);
    const step = Number(el.step || 1);
    const raw = el.defaultValue === '' ? (min + max) / 2 : Number(el.defaultValue);
    if (!Number.isFinite(raw)) return Number(el.value);
    const onStep = min + Math.round((Math.min(max, Math.max(min, raw)) - min) / step) * step;
    return Math.min(max, onStep);
  }

  /** Gives the app each early move, as if made now: the control's value, then its input and change events. */
  function replayEarlyInput(moves) {
    for (const { el, value, checked } of moves) {
      if (!el.isConnected) continue;
      if (el.type === 'checkbox' || el.type === 'radio') el.checked = checked;
      else el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }

  /** A selector that finds the focused control again in a page drawn anew (or null). */
  function focusKey(el) {
    if (!el || !$('page').contains(el)) return null;
    for (const name of ['data-path', 'data-text', 'data-action', 'data-confidence']) {
      const value = el.getAttribute(name);
      if (value) return `${el.localName}[${name}="${CSS.escape(value)}"]`;
    }
    return null;
  }

  /** While a blank start is pending, the page hides every figure and says what is still missing. */
  function renderPending() {
    const page = state.refs.tasks.closest('.role-page');
    page.classList.toggle('pending', state.pending);
    setHidden(state.refs.missing, !state.pending);
    if (!state.pending) return;
    const named = state.current.tasks.filter((t) => !isPlaceholderName(t.name)).length;
    state.refs.missing.replaceChildren(...missingParts({ named, heading: 'h3', next: 'Set its share of your week and how far AI could do it, then press “Confirm this task”.' }));
  }

  /**
   * The score strip shows while the score card is out of view above (scrolled past), not while it
   * can be seen nor while it is still below (the start page's front door above it).
   */
  let stripObservers = [];
  function watchStrip(refs) {
    for (const o of stripObservers) o.disconnect();
    stripObservers = [];
    if (typeof IntersectionObserver !== 'function') return;
    const card = refs.bigScore.closest('.card');
    // Two observers: is the card in view; is it in view or anywhere above (the root stretched far
    // upward), so a jump from below the view to above it is seen too.
    let inView = true;
    let inOrAbove = true;
    const show = () => refs.strip.classList.toggle('shown', !inView && inOrAbove);
    const observe = (rootMargin, set) => {
      const o = new IntersectionObserver(([entry]) => {
        // (A card with no height is not out of view but not shown yet: the start page while it is drawn.)
        set(entry.isIntersecting || entry.boundingClientRect.height === 0);
        show();
      }, { rootMargin });
      o.observe(card);
      stripObservers.push(o);
    };
    observe('0px', (v) => { inView = v; });
    observe('1000000px 0px 0px 0px', (v) => { inOrAbove = v; });
  }

  return { publishedBase, loadBaseline, openAssessment, renderPending, watchStrip };
}
