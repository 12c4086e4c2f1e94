// Your own assessment: toolbar, saved list, share link, export/import, compare, printable report.
import { h, fill, patch } from './dom.js';
import { fixed, signed, signed1, pct, totalRange } from './format.js';
import { csvRow } from './escape.js';
import { embedSnippets } from './snippets.js';

export function renderToolbar(refs, { mode }) {
  const b = (action, label, extra = {}) => h('button', { type: 'button', class: 'btn', 'data-action': action, ...extra }, label);
  // One label, whatever the state; the status beside it says whether there is anything to save.
  refs.saveStatus = mode === 'published' ? null : h('span', { class: 'save-status', id: 'save-status', role: 'status' });
  fill(refs.toolbar,
    mode === 'published' ? b('make-own', 'Edit as my own') : h('span', { class: 'save-group' }, b('save', 'Save', { 'aria-describedby': 'save-status' }), refs.saveStatus),
    b('new-blank', 'New blank assessment'),
    b('saved', 'My assessments', { 'aria-haspopup': 'true' }),
    b('share', 'Share link'),
    b('export-json', 'Export JSON'),
    b('export-csv', 'Export CSV'),
    h('label', { class: 'btn file' }, 'Import JSON',
      h('input', { type: 'file', class: 'visually-hidden', accept: '.json,application/json', 'data-action': 'import' })),
    b('compare', 'Compare'),
    b('embed', 'Embed this'),
    b('print', 'Print report'));
}

/** Beside Save: never saved, saved, or changed since the last save. */
export function renderSaveStatus(refs, { saved, dirty }) {
  if (!refs.saveStatus) return;
  const text = !saved ? 'Not saved in this browser yet' : dirty ? `Unsaved changes to “${saved.name}”` : `Saved as “${saved.name}”`;
  if (refs.saveStatus.textContent !== text) refs.saveStatus.textContent = text;
}

/** Takes down a problem notice (a refused import, say) once the user has moved on. */
export function clearProblem(refs) {
  if (refs.notice.querySelector('.note-box.problem')) fill(refs.notice);
}

/**
 * A message under the toolbar; problems are listed by field path. `action` adds a button
 * ({label, action, id}: handled like every data-action button, e.g. Undo).
 */
export function notify(refs, text, errors = [], kind = 'info', action = null) {
  fill(refs.notice, text ? h('div', { class: `note-box ${kind}` },
    h('p', null, text, action ? ' ' : null,
      action ? h('button', { type: 'button', class: 'btn', 'data-action': action.action, 'data-id': action.id }, action.label) : null),
    errors.length ? h('ul', null, errors.slice(0, 20).map((e) => h('li', null, h('code', null, e.path), `: ${e.message}`))) : null,
    errors.length > 20 ? h('p', null, `and ${errors.length - 20} more`) : null) : null);
}

function panel(title, ...body) {
  return h('section', { class: 'card panel', 'aria-label': title },
    h('div', { class: 'panel-head' }, h('h2', null, title),
      h('button', { type: 'button', class: 'icon', 'data-action': 'close-panel', 'aria-label': `Close ${title}` }, '×')),
    body);
}

export function closePanel(refs) {
  fill(refs.panel);
}

const when = (iso) => new Date(iso).toLocaleString();
const btn = (action, id, label, name) => h('button', { type: 'button', class: 'btn', 'data-action': action, 'data-id': id, 'aria-label': `${label} “${name}”` }, label);

/**
 * My assessments: what is saved in this browser, unsaved work that can be restored (set aside, or
 * left by a closed tab), and data jobzone could not read, kept as it was, to download.
 */
export function showSavedPanel(refs, { list, unsaved, kept, currentId, readOnly }) {
  fill(refs.panel, panel('My assessments',
    readOnly ? h('p', { class: 'note-box problem' }, 'Saved work here was written by a newer version of jobzone, so it is read-only: nothing can be saved, renamed or deleted until you reload into the newer version.') : null,
    h('h3', { class: 'saved-heading' }, 'Saved in this browser'),
    list.length === 0
      ? h('p', { class: 'muted' }, 'Nothing saved yet. “Edit as my own”, then “Save to this browser”, keeps an assessment here, on this device only.')
      : h('ul', { class: 'saved-list' }, list.map((r) => h('li', { class: r.id === currentId ? 'current' : null },
        h('span', { class: 'saved-name' }, r.name),
        h('span', { class: 'muted' }, ` · ${when(r.updated)}`, r.readOnly ? ' · read-only (newer version)' : ''),
        h('span', { class: 'saved-actions' },
          btn('saved-open', r.id, 'Open', r.name),
          r.readOnly ? null : btn('saved-rename', r.id, 'Rename', r.name),
          r.readOnly ? null : btn('saved-delete', r.id, 'Delete', r.name))))),
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

export function showSharePanel(refs, url) {
  const field = h('input', { type: 'text', readonly: true, value: url, id: 'share-url', 'aria-label': 'Share link' });
  fill(refs.panel, panel('Share link',
    h('p', null, 'The whole assessment is inside this link (after the #), so it opens without any server and nothing is sent anywhere.'),
    h('div', { class: 'copy-row' }, field, h('button', { type: 'button', class: 'btn', 'data-action': 'copy', 'data-target': 'share-url' }, 'Copy')),
    h('p', { class: 'muted' }, `${url.length} characters.`)));
  field.select();
}

/** Comparison of two assessments: score, zone, the exact points per part, tasks side by side. */
export function showComparePanel(refs, { options, chosen, results, taskMax }) {
  const select = (name, value) => h('select', { 'data-compare': name, 'aria-label': name === 'a' ? 'Compare' : 'with' },
    options.map((o) => h('option', { value: o.key, selected: o.key === value }, o.label)));
  const [ra, rb] = results;
  const [aa, ab] = chosen.map((k) => options.find((o) => o.key === k)?.assessment);
  const row = (label, va, vb, delta) => h('tr', null, h('th', { scope: 'row' }, label), h('td', null, va), h('td', null, vb), h('td', { class: 'num' }, delta));
  const body = [];
  if (ra && rb) {
    body.push(row('Score', ra.display.score, rb.display.score, signed1(rb.score - ra.score)));
    body.push(row('Zone and label', ra.label, rb.label, ra.zone === rb.zone ? 'same zone' : `${ra.zone} → ${rb.zone}`));
    ra.attribution.forEach((p, i) => body.push(row(`${p.label} (points)`, fixed(p.points, 1), fixed(rb.attribution[i].points, 1), signed1(rb.attribution[i].points - p.points))));
  } else {
    body.push(h('tr', null, h('td', { colspan: 4, class: 'muted' }, 'Loading the published role…')));
  }
  const tasks = (a) => a ? a.tasks.map((t) => `${t.name}: ${pct(t.time_pct)} at ${t.score}/${taskMax}`) : [];
  const ta = tasks(aa);
  const tb = tasks(ab);
  fill(refs.panel, panel('Compare',
    h('div', { class: 'compare-pick' }, select('a', chosen[0]), h('span', null, ' with '), select('b', chosen[1])),
    h('table', { class: 'kv compare-table' },
      h('thead', null, h('tr', null, h('th', null, ''), h('th', { scope: 'col' }, 'First'), h('th', { scope: 'col' }, 'Second'), h('th', { scope: 'col' }, 'Change'))),
      h('tbody', null, body)),
    h('p', { class: 'muted' }, 'Points per part are the exact attribution, so they add up to each score.'),
    h('h3', null, 'Tasks side by side'),
    h('table', { class: 'kv' }, h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'First'), h('th', { scope: 'col' }, 'Second'))),
      h('tbody', null, Array.from({ length: Math.max(ta.length, tb.length) }, (_, i) => h('tr', null, h('td', null, ta[i] ?? ''), h('td', null, tb[i] ?? '')))))));
}

export function tasksCsv(assessment) {
  const rows = [['task', 'time_pct', 'score', 'impact', 'weighted', 'rationale']];
  for (const t of assessment.tasks) rows.push([t.name, t.time_pct, t.score, t.impact, fixed((t.time_pct * t.score) / 100, 2), t.rationale ?? '']);
  return `${rows.map(csvRow).join('\r\n')}\r\n`;
}

export function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const FIELD_WORDS = { name: 'name', time_pct: 'time share', score: 'score', impact: 'impact', rationale: 'rationale' };

/** A changed input's path in words: tasks[1].score is "Task 2, “Paper implementation”: score" (then the change). */
function describePath(path, baseline, a, m) {
  const task = /^tasks\[(\d+)\](?:\.(\w+))?$/.exec(path);
  if (task) {
    const i = Number(task[1]);
    const name = a.tasks[i]?.name ?? baseline.tasks[i]?.name ?? '';
    return `Task ${i + 1}, “${name}”:${task[2] ? ` ${FIELD_WORDS[task[2]] ?? task[2]}` : ''}`;
  }
  const scale = /^(evidence|barriers|protective)\.(\w+)$/.exec(path);
  if (scale) return `${m.inputs[scale[1]]?.dimensions?.find((d) => d.key === scale[2])?.label ?? scale[2]}:`;
  if (path === 'ai_growth_correlation') return 'AI growth correlation:';
  return `${path}:`;
}

/** The print-only report: role, inputs, score, zone, label, breakdown, changes from the baseline. */
export function renderReport(refs, { assessment: a, result: r, insight, baseline, baselineResult, methodology: m }) {
  const changes = [];
  if (baseline) {
    const walk = (x, y, path) => {
      const change = (text) => changes.push(`${describePath(path, baseline, a, m)} ${text}`);
      if (typeof x !== 'object' || x === null || typeof y !== 'object' || y === null) {
        if (x !== y && (typeof x !== 'object' && typeof y !== 'object')) change(`${x ?? '(none)'} → ${y ?? '(none)'}`);
        else if (x === undefined && y) change('added');
        else if (y === undefined && x) change('removed');
        return;
      }
      for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) {
        if (['role', 'neighbours', 'id', 'override', 'format'].includes(k) && !path) continue;
        walk(x[k], y[k], path ? `${path}${Array.isArray(x) ? `[${k}]` : `.${k}`}` : k);
      }
    };
    walk(baseline, a, '');
  }
  const max = (scale) => totalRange(scale).max;
  const taskMax = m.inputs.task_score.max;
  const dims = (scale, values) => scale.dimensions.map((d) => `${d.label} ${signed(values[d.key])}`).join(' · ');
  const u = insight?.uncertainty;
  patch(refs.report,
    h('h1', null, `${a.role.title}${a.role.seniority ? ` (${a.role.seniority})` : ''}`),
    h('p', { class: 'report-sub' }, `jobzone report · ${new Date().toLocaleDateString()} · computed in the browser with the JobZone method`),
    h('p', { class: 'report-score' }, `Score ${r.display.score}/100 · ${r.zone} · ${r.label} (${r.verdict})`),
    baselineResult ? h('p', null, `Published baseline: ${baselineResult.display.score} ${baselineResult.label}; this assessment ${signed1(r.score - baselineResult.score)} points.`) : null,
    changes.length ? h('div', null, h('h2', null, 'What changed from the published baseline'), h('ul', null, changes.slice(0, 60).map((c) => h('li', null, c)))) : null,
    a.summary ? h('p', { class: 'report-summary' }, a.summary) : null,
    h('h2', null, 'Tasks'),
    h('table', { class: 'kv' },
      h('thead', null, h('tr', null, ['Task', 'Time', 'Score', 'Impact', 'Weighted', 'Why'].map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', null, a.tasks.map((t) => h('tr', null, h('td', null, t.name), h('td', null, pct(t.time_pct)), h('td', null, `${t.score}/${taskMax}`),
        h('td', null, m.inputs.impacts.find((i) => i.key === t.impact)?.label ?? t.impact), h('td', null, fixed((t.time_pct * t.score) / 100, 2)),
        h('td', null, t.rationale ?? ''))))),
    h('p', null, `Weighted task score ${r.display.weighted_task_score}; task resistance ${r.display.task_resistance}/${m.formula.task_resistance_base - m.inputs.task_score.min}; time by impact: ${m.inputs.impacts.map((i) => `${i.label.toLowerCase()} ${pct(Math.round(r.split[i.key] * 100) / 100)}`).join(', ')}; ${pct(r.time_share_3plus)} of time scores ${m.inputs.task_score.exposed_min} or more.`),
    h('h2', null, 'Other inputs'),
    h('p', null, `Evidence ${signed(r.totals.evidence)}/${max(m.inputs.evidence)}: ${dims(m.inputs.evidence, a.evidence)}`),
    h('p', null, `Barriers ${r.totals.barriers}/${max(m.inputs.barriers)}: ${dims(m.inputs.barriers, a.barriers)}`),
    h('p', null, `Protective ${r.totals.protective}/${max(m.inputs.protective)}: ${dims(m.inputs.protective, a.protective)}`),
    h('p', null, `AI growth correlation ${signed(a.ai_growth_correlation)}. Quick screen: ${r.quick_screen.text}.`),
    reasonsReport(a, m),
    h('h2', null, 'Calculation'),
    h('p', { class: 'calc-line' }, r.display.raw_calculation),
    h('p', { class: 'calc-line' }, `JobZone score: ${r.display.score_calculation}`),
    h('p', null, `Attribution: ${r.attribution.map((p) => `${p.label} ${fixed(p.points, 1)}`).join(' · ')}`),
    u ? h('p', null, `If each judgment were one step off: 80% of outcomes between ${u.display.p10} and ${u.display.p90}; ${m.zones.map((z) => `${z.name} ${fixed((u.zones[z.zone] ?? 0) * 100, 1)}%`).join(', ')}.`) : null,
    h('p', { class: 'muted' }, `Assumed, not published: ${assumedRules(m).join('; ')}. These are this project's reading of the method, open to correction.`));
}

/** The reasons in the printed report: every rationale and every section of words. */
function reasonsReport(a, m) {
  const why = [];
  for (const scale of ['evidence', 'barriers', 'protective']) {
    for (const d of m.inputs[scale].dimensions) {
      const text = a.rationale?.[scale]?.[d.key];
      if (text) why.push(h('li', null, h('strong', null, `${d.label}: `), text));
    }
  }
  if (a.rationale?.ai_growth_correlation) why.push(h('li', null, h('strong', null, 'AI growth correlation: '), a.rationale.ai_growth_correlation));
  const c = a.commentary ?? {};
  const w = c.who_should_worry ?? {};
  const o = a.outlook ?? {};
  const block = (title, ...body) => (body.flat().some(Boolean) ? [h('h2', null, title), body] : null);
  const p = (label, text) => (text ? h('p', null, label ? h('strong', null, `${label} `) : null, text) : null);
  return [
    why.length ? [h('h2', null, 'Why each input has its score'), h('ul', null, why)] : null,
    block('Seniority note', p('', a.seniority_note)),
    a.reinstatement ? block('Reinstatement check', p(a.reinstatement.new_tasks ? 'Yes.' : 'No.', a.reinstatement.text ?? '')) : null,
    block('Assessor commentary', p('Score against reality.', c.score_vs_reality),
      c.not_captured?.length ? h('ul', null, c.not_captured.map((x) => h('li', null, x))) : null,
      p('Stronger position.', w.stronger), p('Weaker position.', w.weaker), p('The single biggest factor.', w.biggest_factor)),
    block('What this means', p(o.years ? `The role in ${o.years} years.` : 'The role ahead.', o.role_then),
      o.strategy?.length ? h('ol', null, o.strategy.map((x) => h('li', null, x))) : null, p('Timeline.', o.timeline)),
    a.sources?.length ? block('Sources', h('ul', null, a.sources.map((src) => h('li', null, src.title, src.publisher ? `, ${src.publisher}` : '', src.date ? ` (${src.date})` : '', src.url ? ` ${src.url}` : '')))) : null,
    a.live_tracked || a.assessed || a.history?.length ? block('Tracking', p('', [a.live_tracked ? 'Live tracked.' : '', a.assessed ? `Assessed ${a.assessed}.` : ''].join(' ').trim()),
      a.history?.length ? h('ul', null, a.history.map((e) => h('li', null, `${e.date}: ${fixed(e.score, 1)}${e.label ? ` ${e.label}` : ''}${e.note ? `. ${e.note}` : ''}`))) : null) : null,
  ];
}

/** The names of the methodology's assumed rules, as the report lists them. */
function assumedRules(m) {
  return [
    ...m.zones.filter((z) => z.status === 'assumed').map((z) => `the ${z.name} zone edge (${z.min})`),
    ...m.labels.filter((l) => l.status === 'assumed').map((l) => `the ${l.label} rule`),
    ...m.quick_screen.filter((q) => q.status === 'assumed').map((q) => `the quick screen's ${q.likely}`),
    ...[[m.clamp, `the ${m.clamp.min}-${m.clamp.max} clamp`], [m.attribution, 'the exact attribution'], [m.inputs.time_pct, 'time shares in hundredths'], [m.insight, 'the analyses']]
      .filter(([rule]) => rule.status === 'assumed').map(([, name]) => name),
  ];
}

/** "Embed this": both snippets for the current role or state, copy buttons and a live preview. */
export function showEmbedPanel(refs, { site, role, state, title }) {
  const { component, iframe } = embedSnippets({ site, role, state, title });
  const snippet = (id, label, text) => h('div', { class: 'snippet' },
    h('label', { for: id }, label),
    h('textarea', { id, readonly: true, rows: 3, spellcheck: 'false' }, text),
    h('button', { type: 'button', class: 'btn', 'data-action': 'copy', 'data-target': id, 'aria-label': `Copy the ${label.toLowerCase()} snippet` }, 'Copy'));
  const preview = document.createElement('jobzone-score');
  preview.setAttribute(role ? 'role' : 'state', role ?? state);
  fill(refs.panel, panel('Embed this',
    h('p', null, 'Paste one of these into a blog post or page. The first is a web component (Shadow DOM, styled through ::part and --jobzone-* properties); the second an iframe for sites that allow no third-party scripts with WebAssembly.'),
    snippet('embed-component', 'Web component', component),
    snippet('embed-iframe', 'Iframe', iframe),
    h('h3', null, 'Preview'), h('div', { class: 'embed-preview' }, preview)));
}
