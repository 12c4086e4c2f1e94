// The panels under the toolbar (My assessments, Share link, Compare, Embed this) and the file
// downloads: loaded on first use, so the first visit carries none of them.
import { h, fill } from '../lib/dom.js';
import { fixed, pct, formatWhen } from '../lib/format.js';
import { csvRow, fileSlug } from '../lib/escape.js';
import { embedSnippets, WIDTHS } from '../share/snippets.js';
import { badgeSvg } from '../embed/badge.js';
import { panel } from './own.js';
import { comparisonTable, resultRows, attributionRows, roleFinder, showFoundRoles } from './comparison.js';

const when = formatWhen;
const btn = (action, id, label, name) => h('button', { type: 'button', class: 'btn', 'data-action': action, 'data-id': id, 'aria-label': `${label} “${name}”` }, label);

/**
 * My assessments: what is saved in this browser, unsaved work that can be restored (set aside, or
 * left by a closed tab), and data jobzone could not read, kept as it was, to download.
 */
export function showSavedPanel(refs, { list, unsaved, kept, currentId, readOnly, renaming = null, nameLimit }) {
  fill(refs.panel, panel('My assessments',
    readOnly ? h('p', { class: 'note-box problem' }, 'Saved work here was written by a newer version of jobzone, so it is read-only: nothing can be saved, renamed or deleted until you reload into the newer version.') : null,
    h('h3', { class: 'saved-heading' }, 'Saved in this browser'),
    list.length === 0
      ? h('p', { class: 'muted' }, 'Nothing saved yet. “Edit as my own”, then “Save to this browser”, keeps an assessment here, on this device only.')
      : h('ul', { class: 'saved-list' }, list.map((r) => (r.id === renaming?.id ? renameRow(r, renaming, nameLimit) : h('li', { class: r.id === currentId ? 'current' : null },
        h('span', { class: 'saved-name' }, r.name),
        h('span', { class: 'muted' }, ` · ${when(r.updated)}`, r.readOnly ? ' · read-only (newer version)' : ''),
        h('span', { class: 'saved-actions' },
          btn('saved-open', r.id, 'Open', r.name),
          r.readOnly ? null : btn('saved-rename', r.id, 'Rename', r.name),
          r.readOnly ? null : btn('saved-delete', r.id, 'Delete', r.name)))))),
    unsaved.length ? h('div', { class: 'saved-section' },
      h('h3', null, 'Unsaved work'),
      h('p', { class: 'muted' }, 'Edits that were replaced by something else, or left in a tab that has since closed. Open one to carry on with it here.'),
      h('ul', { class: 'saved-list' }, unsaved.map((d) => h('li', null,
        h('span', { class: 'saved-name' }, d.title || 'Untitled'),
        h('span', { class: 'muted' }, ` · ${when(d.updated)}`),
        h('span', { class: 'saved-actions' },
          btn('draft-open', d.id, 'Open', d.title || 'Untitled'),
          readOnly ? null : btn('draft-discard', d.id, 'Discard', d.title || 'Untitled')))))) : null,
    kept.length ? h('div', { class: 'saved-section' },
      h('h3', null, 'Data this version could not read'),
      h('p', { class: 'muted' }, 'Kept exactly as it was found. Download it to keep a copy, or to open it in a newer version of jobzone.'),
      h('ul', { class: 'saved-list' }, kept.map((k) => h('li', null,
        h('span', { class: 'saved-name' }, k.source),
        h('span', { class: 'muted' }, ` · ${k.reason}`),
        h('span', { class: 'saved-actions' },
          btn('kept-download', k.id, 'Download', k.source),
          readOnly ? null : btn('kept-forget', k.id, 'Remove', k.source)))))) : null));
}

/**
 * A saved item renamed in place: its one name is also the role's title. Enter or the button keeps
 * the name (saved-actions.js listens for the form's submit), Escape or Cancel leaves it.
 */
function renameRow(r, { value, problem }, limit) {
  const hintId = `rename-hint-${r.id}`;
  return h('li', { class: 'renaming' },
    h('form', { class: 'rename-form', 'data-id': r.id },
      h('label', { for: 'rename-input' }, 'New name for “', r.name, '”'),
      h('input', {
        id: 'rename-input', type: 'text', value, maxlength: limit, autocomplete: 'off',
        'aria-invalid': problem ? 'true' : null, 'aria-describedby': hintId,
      }),
      h('span', { class: 'saved-actions' },
        h('button', { type: 'submit', class: 'btn primary' }, 'Rename'),
        h('button', { type: 'button', class: 'btn', 'data-action': 'saved-rename-cancel', 'data-id': r.id }, 'Cancel')),
      h('p', { id: hintId, class: problem ? 'field-problem' : 'muted', role: problem ? 'alert' : null },
        problem ?? 'The name is also the role’s title in the assessment.')));
}

export function showSharePanel(refs, url) {
  const field = h('input', { type: 'text', readonly: true, value: url, id: 'share-url', 'aria-label': 'Share link' });
  fill(refs.panel, panel('Share link',
    h('p', null, 'The whole assessment is inside this link (after the #), so it opens without any server and nothing is sent anywhere.'),
    h('div', { class: 'copy-row' }, field, h('button', { type: 'button', class: 'btn', 'data-action': 'copy', 'data-target': 'share-url' }, 'Copy')),
    h('p', { class: 'muted' }, `${url.length} characters.`)));
  field.select();
}

/** Comparison of two assessments: score, zone, the exact points per part, tasks side by side. */
const FOUND_PICK = { 'data-action': 'compare-pick' };

export function showComparePanel(refs, { options, chosen, results, methodology: m, find = null }) {
  const select = (name, value) => h('select', { 'data-compare': name, 'aria-label': name === 'a' ? 'Compare' : 'with' },
    options.map((o) => h('option', { value: o.key, selected: o.key === value }, o.label)));
  const [ra, rb] = results;
  const [aa, ab] = chosen.map((k) => options.find((o) => o.key === k)?.assessment);
  const tasks = (a) => a ? a.tasks.map((t) => `${t.name}: ${pct(t.time_pct)} at ${t.score}/${m.inputs.task_score.max}`) : [];
  const ta = tasks(aa);
  const tb = tasks(ab);
  fill(refs.panel, panel('Compare',
    h('div', { class: 'compare-pick' }, select('a', chosen[0]), h('span', null, ' with '), select('b', chosen[1])),
    // A large catalog is searched, not listed: what is picked here becomes a choice above.
    find ? roleFinder({
      id: 'compare-find', countId: 'compare-found-count', label: 'Find a role to compare with', attrs: { 'data-compare-find': '' },
      pick: FOUND_PICK, query: find.query, found: find.found,
    }) : null,
    ra && rb
      ? comparisonTable({ className: 'kv compare-table', heads: ['First', 'Second'], rows: [...resultRows(m, ra, rb).slice(0, 2), ...attributionRows(ra, rb)] })
      : h('p', { class: 'muted' }, 'Loading the published role…'),
    h('p', { class: 'muted' }, 'Points per part are the exact attribution, so they add up to each score.'),
    h('h3', null, 'Tasks side by side'),
    h('table', { class: 'kv' }, h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'First'), h('th', { scope: 'col' }, 'Second'))),
      h('tbody', null, Array.from({ length: Math.max(ta.length, tb.length) }, (_, i) => h('tr', null, h('td', null, ta[i] ?? ''), h('td', null, tb[i] ?? '')))))));
}

/** The search results under the compare panel's search box: {results, total} or null (nothing typed). */
export function showFound(refs, found) {
  const finder = refs.panel.querySelector('.compare-find');
  if (finder) showFoundRoles(finder, { pick: FOUND_PICK, found });
}

export function tasksCsv(assessment) {
  // A derived task's provenance goes with it (O*NET's Task ID and type, the labels it was scored
  // from), and a kind column says what the rows are: nobody assessed a derived starting point.
  const sourced = assessment.tasks.some((t) => t.source);
  const kind = assessment.kind === 'derived' ? 'derived (not assessed)' : assessment.kind === 'adjusted' ? 'adjusted from a derived starting point' : '';
  const rows = [['task', 'time_pct', 'score', 'impact', 'weighted', 'rationale',
    ...(sourced ? ['kind', 'onet_task_id', 'task_type', 'human_exposure', 'gpt4_exposure', 'gpt4_automation'] : [])]];
  for (const t of assessment.tasks) {
    const s = t.source ?? {};
    rows.push([t.name, t.time_pct, t.score, t.impact, fixed((t.time_pct * t.score) / 100, 2), t.rationale ?? '',
      ...(sourced ? [kind, s.task_id ?? '', s.task_type ?? '', s.human_exposure ?? '', s.gpt4_exposure ?? '', s.gpt4_automation ?? ''] : [])]);
  }
  return `${rows.map(csvRow).join('\r\n')}\r\n`;
}

/** Hands a file to the browser: text (or a Blob) under `filename`. */
export function download(filename, text, type) {
  const url = URL.createObjectURL(text instanceof Blob ? text : new Blob([text], { type }));
  const a = h('a', { href: url, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * "Embed this": choose the form (card, live calculator, iframe, image, Markdown), the theme and
 * the width; the snippet and a live preview follow each choice. For an image, the badge can be
 * downloaded as SVG or PNG (an own assessment's badge is hosted by whoever embeds it).
 * card: the figures (card.js) the badge shows; tasks: the number of tasks (the live iframe's height).
 */
export function showEmbedPanel(refs, { site, role, state, title, card, tasks }) {
  const FORMS = [
    ['card', 'Score card', 'A web component (one script). Published roles need no WebAssembly.'],
    ['live', 'Live calculator', 'The card with sliders for AI growth, evidence and each task; it loads when it comes into view.'],
    ['iframe', 'Iframe', 'For sites that allow no scripts: attributes only, fits its height at any width from 300 to 600 px.'],
    ['image', 'Image (HTML)', 'A static badge, for pages that allow only images and links.'],
    ['markdown', 'Markdown', 'The badge for a README or a newsletter.'],
  ];
  const choice = { form: 'card', theme: 'auto', width: 380 };
  const badge = badgeSvg(card);
  const svgUrl = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(badge.svg)}`;
  const out = h('textarea', { id: 'embed-snippet', readonly: true, rows: 4, spellcheck: 'false' });
  const hint = h('p', { class: 'muted embed-hint', id: 'embed-hint' });
  const preview = h('div', { class: 'embed-preview', 'aria-live': 'off' });
  const downloads = h('p', { class: 'embed-downloads' },
    h('button', { type: 'button', class: 'btn', 'data-embed-download': 'svg' }, 'Download image (SVG)'), ' ',
    h('button', { type: 'button', class: 'btn', 'data-embed-download': 'png' }, 'Download image (PNG)'));
  const radios = (name, legend, options) => h('fieldset', { class: 'embed-choice' }, h('legend', null, legend),
    options.map(([value, label]) => h('label', null, h('input', { type: 'radio', name: `embed-${name}`, value, checked: String(choice[name]) === String(value), 'data-embed': name }), ` ${label}`)));
  const themeSet = radios('theme', 'Theme', [['auto', 'Auto (the reader\'s system setting)'], ['light', 'Light'], ['dark', 'Dark']]);
  const widthSet = radios('width', 'Width', WIDTHS.map((w) => [w, `${w} px`]));

  function update() {
    const image = choice.form === 'image' || choice.form === 'markdown';
    const snippets = embedSnippets({ site, role, state, title, theme: choice.theme, interactive: choice.form === 'live', width: choice.width === 380 ? null : choice.width, tasks, badge });
    const forms = { card: snippets.component, live: snippets.component, iframe: snippets.iframe, image: snippets.imageHtml, markdown: snippets.markdown };
    out.value = forms[choice.form];
    hint.textContent = `${FORMS.find((f) => f[0] === choice.form)[2]}${image && !role ? ' Download the image and upload it beside your post as jobzone-badge.svg (or change the file name in the snippet).' : ''}`;
    themeSet.hidden = image;
    widthSet.hidden = image;
    downloads.hidden = !image;
    if (image) {
      fill(preview, h('img', { src: svgUrl, alt: badge.alt, width: badge.width, height: badge.height }));
    } else if (choice.form === 'iframe') {
      fill(preview, h('iframe', { src: snippets.frameSrc, title: `Preview: jobzone score: ${title}`, width: '100%', height: snippets.frame.height, frameborder: '0', 'data-jobzone-frame': '' }));
    } else {
      const widget = document.createElement('jobzone-score');
      widget.setAttribute(role ? 'role' : 'state', role ?? state);
      if (choice.theme !== 'auto') widget.setAttribute('theme', choice.theme);
      if (choice.form === 'live') widget.setAttribute('interactive', '');
      widget.setAttribute('width', String(choice.width));
      fill(preview, widget);
    }
  }

  const root = panel('Embed this',
    h('p', null, 'Put this score on a blog, a README or a newsletter. Choose a form; the preview and the snippet follow.'),
    // The preview first: opening the panel keeps a score card in view (the page's own is pushed down).
    h('h3', null, 'Preview'), preview,
    radios('form', 'Form', FORMS.map(([v, l]) => [v, l])), themeSet, widthSet,
    h('div', { class: 'snippet' },
      h('label', { for: 'embed-snippet' }, 'Snippet to paste'), out, hint,
      h('button', { type: 'button', class: 'btn', 'data-action': 'copy', 'data-target': 'embed-snippet', 'aria-label': 'Copy the snippet' }, 'Copy')),
    downloads);
  root.addEventListener('change', (e) => {
    const key = e.target.dataset?.embed;
    if (!key) return;
    choice[key] = key === 'width' ? Number(e.target.value) : e.target.value;
    update();
  });
  root.addEventListener('click', (e) => {
    const kind = e.target.closest('[data-embed-download]')?.dataset.embedDownload;
    if (kind === 'svg') download(`${fileSlug(title)}-jobzone-badge.svg`, badge.svg, 'image/svg+xml');
    else if (kind === 'png') badgePng(badge, svgUrl).then((blob) => download(`${fileSlug(title)}-jobzone-badge.png`, blob, 'image/png'));
  });
  fill(refs.panel, root);
  update();
}

/** The badge drawn at twice its size onto a canvas, as PNG. */
async function badgePng(badge, svgUrl) {
  const img = new Image();
  img.src = svgUrl;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = badge.width * 2;
  canvas.height = badge.height * 2;
  canvas.getContext('2d').drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no PNG'))), 'image/png'));
}
