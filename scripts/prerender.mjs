// A published role's page rendered to HTML at build time by the page's own code (web/js/render/view.js
// and the modules it uses, run in node on a linkedom document) from the core's figures: every
// section, figure and reason, readable and printable with JavaScript off. The skeleton is drawn by
// the same function as in the app (role-page.js drawSkeleton), which in the browser then takes
// over this markup instead of drawing it again (adoptPage).
import { parseHTML } from 'linkedom';

let modules = null;

/** A document to build pages in, and the page's modules (once). No global is set or patched. */
async function pageModules() {
  if (modules) return modules;
  const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  const [render, rolePage, dom] = await Promise.all([
    import('../web/js/render/page.js'), import('../web/js/render/role-page.js'), import('../web/js/lib/dom.js'),
  ]);
  modules = { render, rolePage, dom, document };
  return modules;
}

/**
 * The markup of #page for one published role, as the app draws it when it opens the role:
 * {html, title}. engine: {score, insight, methodology} (the wasm module in node).
 */
export async function renderRolePage(assessment, engine) {
  const { render, rolePage, dom, document } = await pageModules();
  const m = engine.methodology;
  const scored = engine.score(assessment);
  if (!scored.ok) throw new Error(scored.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  const result = scored.result;
  const insight = engine.insight(assessment).insight;
  const registry = new Map();
  dom.bindDocument(document);
  dom.resetIds(); // each page numbers its own ids, as the app does when it opens the page
  const { parts, refs } = rolePage.drawSkeleton({ assessment, methodology: m, registry, published: assessment });
  // What the app draws when it opens a published role, with its analyses and printed report (the
  // one a page with JavaScript off prints).
  render.renderPage(document, refs, {
    methodology: m, assessment, result, insight, published: assessment, publishedResult: result, startResult: result,
    registry, marks: assessment,
  });
  return { html: parts.map((p) => p.outerHTML).join(''), result };
}
