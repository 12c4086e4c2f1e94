// One render path for a role page: the app draws with it, and the build's prerender
// (scripts/prerender.mjs) writes each role's markup with it, from the same model. The DOM helpers
// build in the document given here, so nothing global is needed or patched.
import { bindDocument } from '../lib/dom.js';
import { syncControls } from './controls.js';
import { renderScore, renderDetails } from './view.js';
import { renderInsight, renderBar } from './insight-view.js';
import { renderReport } from './own.js';
import { catalogKind } from '../lib/kind.js';

/** The parts of a role page, in the order they are drawn. */
export const PARTS = Object.freeze(['controls', 'score', 'details', 'insight', 'report']);

/**
 * @typedef {object} PageModel What a role page is drawn from (nothing else is read).
 * @property {any} methodology the core's methodology (engine.methodology)
 * @property {any} assessment the assessment shown
 * @property {any} result its result (engine.score)
 * @property {any} [insight] its analyses (engine.insight); the 'insight' part needs them
 * @property {any} [published] the published assessment it is compared with (or null)
 * @property {any} [publishedResult] that one's result
 * @property {any} [startResult] the result when the page was opened (the strip's change)
 * @property {Map<string, any>} [registry] the page's controls (controls.js), for 'controls'
 * @property {any} [marks] what the controls mark as changed from (published, or null)
 * @property {any} [comparison] the rows of an open comparison, for the report
 */

/**
 * Draws `parts` of the page whose elements are `refs` (drawSkeleton) from `model`, in `doc`.
 * `noted`: the page already shows these figures (prerendered markup taken over): each part only
 * notes what it shows, so the next render changes only what differs.
 * @param {Document} doc
 * @param {any} refs
 * @param {Readonly<PageModel>} model
 * @param {{parts?: readonly string[], noted?: boolean}} [options]
 */
export function renderPage(doc, refs, model, { parts = PARTS, noted = false } = {}) {
  bindDocument(doc);
  const m = model.methodology;
  const args = {
    refs, methodology: m, result: model.result, assessment: model.assessment, insight: model.insight ?? null,
    published: model.published ?? null, publishedResult: model.publishedResult ?? null, startResult: model.startResult ?? null, noted,
  };
  for (const part of parts) {
    if (part === 'controls' && model.registry) syncControls(model.registry, model.assessment, model.marks ?? null);
    else if (part === 'score') renderScore(args);
    else if (part === 'details') renderDetails(args);
    else if (part === 'insight' && model.insight) {
      renderInsight(args);
      renderBar(refs, args);
    } else if (part === 'report') {
      // Changes from the published assessment are listed only when there are some.
      const baseline = args.published && JSON.stringify(args.published) !== JSON.stringify(model.assessment) ? args.published : null;
      // Published or derived only while it is the catalog's own, untouched; anything else is someone's.
      const kind = args.published && !baseline ? catalogKind(args.published) : 'self';
      renderReport(refs, {
        methodology: m, insight: args.insight, result: model.result, assessment: model.assessment,
        baseline, baselineResult: baseline ? args.publishedResult : null, comparison: model.comparison ?? null, kind,
      });
    }
  }
}
