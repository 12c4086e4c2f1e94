// The analyses of the page: drawn once per frame, computed on the insight worker after the first
// drawing, marked as updating only when they are slow; and the printed report.
import { busyMark } from '../engine/busy-mark.js';
import { insightWorker } from '../engine/insight-client.js';
import { renderPage } from '../render/page.js';
import { scoringInput } from '../lib/card.js';
import { lateBound } from './context.js';

/** analyses: its functions, given the app's context (ctx: the store and the app's functions, late-bound). */
export function analysesPart(ctx) {
  const { setDoc, state } = ctx;
  const { pageModel, titleSoon } = lateBound(ctx, ['pageModel', 'titleSoon']);

  /**
   * Once per frame at most, after the score itself is drawn and before the frame is painted: the
   * rest of the page drawn from the result, then the analyses. A burst of inputs in one frame draws
   * these once.
   */
  let insightFrame = 0;
  function scheduleFrame() {
    cancelAnimationFrame(insightFrame);
    insightFrame = requestAnimationFrame(() => {
      if (!state.result || !state.refs) return;
      renderPage(document, state.refs, pageModel(), { parts: ['details'] });
      titleSoon();
      updateInsight();
    });
  }

  /**
   * Once per frame: the analyses, then everything drawn from {result, insight} (the zone bar once).
   * After the first drawing of a page they run on the insight worker, so moving a slider never
   * waits for them; until the answer comes, what they show is marked as updating (see markStale).
   */
  function updateInsight({ here = false, quiet = false } = {}) {
    const input = scoringInput(state.current);
    if (!here && insightThread.available) {
      insightThread.request(input, state.revision);
      if (!quiet) markStale(true);
      return;
    }
    const out = state.engine.insight(input);
    if (out.ok) drawInsight(out.insight);
  }

  /** The revision of a page taken over from its markup, until its analyses come back. */
  let adoptedRevision = null;
  const insightThread = insightWorker((out, revision) => {
    if (!state.current || revision !== state.revision) return; // a newer edit asks again
    if (!out) return updateInsight({ here: true }); // the worker failed: this thread does it
    const drawn = revision === adoptedRevision;
    adoptedRevision = null;
    if (!out.ok) return;
    // Drawn in the next frame, with the rest of it (not between frames, where its layout would
    // fall on the next input). An adopted page already shows these: they are noted, not drawn again.
    cancelAnimationFrame(answerFrame);
    answerFrame = requestAnimationFrame(() => {
      if (revision === state.revision) drawInsight(out.insight, { drawn });
    });
  });
  let answerFrame = 0;

  /**
   * The parts drawn from the analyses are marked while newer ones are computed, if that takes a
   * moment (a tenth of a second): an answer that comes sooner, as it does while a slider is dragged,
   * changes nothing on the page, so nothing flickers and nothing is restyled for every frame.
   */
  const staleMark = busyMark(showStale, { after: 100 });
  const markStale = (stale) => (stale ? staleMark.start() : staleMark.done());
  function showStale(stale) {
    if (!state.refs) return;
    for (const el of [state.refs.tornado.closest('section'), state.refs.sure.closest('section'), state.refs.move.closest('section'), state.refs.strip.querySelector('.strip-range')]) {
      if (!el) continue;
      el.classList.toggle('stale', stale);
      if (stale) el.setAttribute('aria-busy', 'true');
      else el.removeAttribute('aria-busy');
    }
  }

  /**
   * Draws everything that comes from {result, insight} (the zone bar once). `drawn`: an adopted
   * page already shows it, and it is only noted.
   */
  function drawInsight(insight, { drawn = false } = {}) {
    markStale(false);
    setDoc({ insight });
    renderPage(document, state.refs, pageModel(), { parts: ['insight'], noted: drawn });
    document.dispatchEvent(new CustomEvent('jobzone:insight', { detail: insight }));
  }

  /** The printable report is built when the page is about to print. */
  function updateReport() {
    if (!state.refs || !state.result) return;
    if (!state.insight) {
      const out = state.engine.insight(scoringInput(state.current));
      if (out.ok) setDoc({ insight: out.insight });
    }
    renderPage(document, state.refs, { ...pageModel(), comparison: ctx.compare.shown() ?? ctx.guide?.comparison() ?? null }, { parts: ['report'] });
  }
  addEventListener('beforeprint', updateReport);

  /** An adopted page's analyses are on their way for `revision`: noted when they come, not drawn. */
  function expectAdopted(revision) {
    adoptedRevision = revision;
  }

  /** The frame scheduled by scheduleFrame, cancelled (a new page draws its own). */
  function cancelFrame() {
    cancelAnimationFrame(insightFrame);
  }

  return { scheduleFrame, updateInsight, insightThread, markStale, drawInsight, updateReport, expectAdopted, cancelFrame };
}
