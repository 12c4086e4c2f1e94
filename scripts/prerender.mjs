// A published role's page rendered to HTML at build time by the page's own code (web/js/view.js
// and the modules it uses, run in node on a linkedom document) from the core's figures: every
// section, figure and reason, readable and printable with JavaScript off. The skeleton is drawn by
// the same function as in the app (role-page.js drawSkeleton), which in the browser then takes
// over this markup instead of drawing it again (adoptPage).
import { parseHTML } from 'linkedom';

let modules = null;

/** Gives the page's modules a document to build in (once), then loads them. */
async function pageModules() {
  if (modules) return modules;
  const { window, document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  // What the page's DOM helpers name (dom.js: document, Node, SVGElement), set only while a page
  // is drawn (see inDocument): nothing else in this process (Workbox's bundler, say) may take
  // node for a browser.
  const globals = { document, Node: window.Node, SVGElement: window.SVGElement };
  // Form values become markup (what a page without JavaScript shows): value="..." on inputs, the
  // selected option of a select, the text of a textarea.
  const attr = (get, set) => ({ configurable: true, get, set });
  Object.defineProperty(window.HTMLInputElement.prototype, 'value', attr(function get() { return this.getAttribute('value') ?? ''; }, function set(v) { this.setAttribute('value', String(v)); }));
  Object.defineProperty(window.HTMLSelectElement.prototype, 'value', attr(
    function get() { return (this.querySelector('option[selected]') ?? this.querySelector('option'))?.getAttribute('value') ?? ''; },
    function set(v) { for (const o of this.querySelectorAll('option')) o.toggleAttribute('selected', o.getAttribute('value') === String(v)); }));
  Object.defineProperty(window.HTMLTextAreaElement.prototype, 'value', attr(function get() { return this.textContent; }, function set(v) { this.textContent = String(v); }));
  const [view, controls, own, rolePage, dom] = await Promise.all([
    import('../web/js/view.js'), import('../web/js/controls.js'), import('../web/js/own.js'),
    import('../web/js/role-page.js'), import('../web/js/dom.js'),
  ]);
  modules = { view, controls, own, rolePage, dom, globals };
  return modules;
}

/** Runs draw() with the document's globals in place, and takes them away again. */
function inDocument(globals, draw) {
  const before = Object.fromEntries(Object.keys(globals).map((k) => [k, Object.getOwnPropertyDescriptor(globalThis, k)]));
  Object.assign(globalThis, globals);
  try {
    return draw();
  } finally {
    for (const [k, d] of Object.entries(before)) {
      if (d) Object.defineProperty(globalThis, k, d);
      else delete globalThis[k];
    }
  }
}

/**
 * The markup of #page for one published role, as the app draws it when it opens the role:
 * {html, title}. engine: {score, insight, methodology} (the wasm module in node).
 */
export async function renderRolePage(assessment, engine) {
  const { view, controls, own, rolePage, dom, globals } = await pageModules();
  const m = engine.methodology;
  const scored = engine.score(assessment);
  if (!scored.ok) throw new Error(scored.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  const result = scored.result;
  const insight = engine.insight(assessment).insight;
  return inDocument(globals, () => {
    const registry = new Map();
    dom.resetIds(); // each page numbers its own ids, as the app does when it opens the page
    const { parts, refs } = rolePage.drawSkeleton({ assessment, methodology: m, registry, published: assessment });
    controls.syncControls(registry, assessment, assessment);
    view.renderResult({ refs, methodology: m, result, assessment, published: assessment, publishedResult: result, startResult: result });
    view.renderInsight({ refs, methodology: m, insight, result, assessment });
    view.renderBar(refs, { methodology: m, result, insight, assessment, published: assessment, publishedResult: result });
    // The printed report, as the app writes it before printing (JavaScript off prints this one).
    own.renderReport(refs, { methodology: m, insight, result, assessment, baseline: null, baselineResult: null, comparison: null });
    return { html: parts.map((p) => p.outerHTML).join(''), result };
  });
}
