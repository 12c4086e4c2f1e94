// What leaves the page: a share link, the embed snippets, JSON and CSV files, the printed
// report, and copying any of them. Everything is built from the current assessment in the browser.
import { encodeLink } from './share-link.js';
import { fileSlug } from '../lib/escape.js';
import { notify } from '../render/own.js';
import { cardOf, cardKindOf, scoringInput } from '../lib/card.js';
import { siteUrl } from '../lib/site.js';
import { outgoingKind, withKind } from '../lib/kind.js';

const panels = () => import('../render/panels.js');

/** @param {import('../state/store.js').FeatureApp} app */
export function outputActions(app) {
  const { state } = app;
  /** The assessment as it leaves the page, with the kind it may claim (lib/kind.js). */
  const outgoing = () => withKind(state.current, outgoingKind(state));
  return {
    async share() {
      const link = `${siteUrl('./').href}#${await encodeLink(outgoing())}`;
      const { showSharePanel } = await panels();
      app.showPanel('share');
      showSharePanel(state.refs, link);
    },
    /** Copies the field named by the button's data-target (a share link or an embed snippet). */
    async copy(button) {
      const field = /** @type {HTMLInputElement | HTMLTextAreaElement} */ (document.getElementById(button.dataset.target));
      field.select();
      try {
        await navigator.clipboard.writeText(field.value);
        notify(state.refs, 'Copied.');
      } catch {
        notify(state.refs, 'Copy was not allowed here: the text is selected, copy it with your keyboard.');
      }
    },
    async 'export-json'() {
      const out = state.engine.validate(JSON.stringify(outgoing()));
      const { download } = await panels();
      if (out.ok) download(`${fileSlug(state.current.role.title)}.json`, `${JSON.stringify(out.assessment, null, 2)}\n`, 'application/json');
    },
    async 'export-csv'() {
      const { download, tasksCsv } = await panels();
      download(`${fileSlug(state.current.role.title)}-tasks.csv`, tasksCsv(outgoing()), 'text/csv');
    },
    print() {
      window.print();
    },
    async embed() {
      const [{ showEmbedPanel }] = await Promise.all([panels(), import('../embed/embed.js')]); // embed.js: the widget, for the live preview
      const published = state.mode === 'published' && JSON.stringify(state.current) === JSON.stringify(state.baseline);
      app.showPanel('embed');
      showEmbedPanel(state.refs, {
        site: siteUrl('./').href,
        role: published ? state.publishedId : null,
        // The card shows figures only: the link carries no prose, so the snippet stays short.
        state: published ? null : (await encodeLink(scoringInput(state.current))).slice(2),
        title: state.current.role.title,
        card: cardOf(published ? state.publishedId : null, outgoing(), state.result, state.engine.methodology, cardKindOf(outgoingKind(state))),
        tasks: state.current.tasks.length,
      });
    },
  };
}
