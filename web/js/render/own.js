// Your own assessment: toolbar, notices and the printable report (the panels, loaded on first use,
// are in panels.js).
import { h, fill, patch } from '../lib/dom.js';
import { fixed, signed, signed1, pct, totalRange, bandShare } from '../lib/format.js';
import { zoneOdds } from '../lib/zones.js';
import { confidenceWords } from './insight-view.js';
import { ATTRIBUTION, DERIVED_CAVEATS, DERIVED_SENTENCE, baselineWord, fromDerived } from '../lib/kind.js';
import { CARD_KIND } from '../lib/card.js';
import { dayWords, zoneMeaning } from './words.js';
import { shortSource, labelKey, wagesLine } from './derived.js';

export function renderToolbar(refs, { mode }) {
  const b = (action, label, extra = {}) => h('button', { type: 'button', class: 'btn', 'data-action': action, ...extra }, label);
  // One label, whatever the state; the status beside it says whether there is anything to save.
  refs.saveStatus = mode === 'published' ? null : h('span', { class: 'save-status', id: 'save-status', role: 'status' });
  fill(refs.toolbar,
    mode === 'published' ? b('make-own', 'Edit as my own') : h('span', { class: 'save-group' }, b('save', 'Save', { 'aria-describedby': 'save-status' }), refs.saveStatus),
    mode === 'own' ? b('guide', 'Guided steps') : null,
    b('new-blank', 'New blank assessment'),
    b('saved', 'My assessments', { 'aria-haspopup': 'true' }),
    b('share', 'Share link'),
    b('export-json', 'Export JSON'),
    b('export-csv', 'Export CSV'),
    h('label', { class: 'btn file' }, 'Import JSON',
      h('input', { type: 'file', class: 'visually-hidden', accept: '.json,application/json', 'data-action': 'import' })),
    b('compare', 'Compare'),
    b('embed', 'Embed this'),
    b('print', mode === 'published' ? 'Print report' : 'My report'));
}

/** Beside Save: never saved, saved, or changed since the last save. */
export function renderSaveStatus(refs, { saved, dirty, persistent = true }) {
  if (!refs.saveStatus) return;
  // Where the browser stores nothing, nothing is ever called saved.
  const text = !persistent ? 'Not saved: this browser stores nothing here'
    : !saved ? 'Not saved in this browser yet' : dirty ? `Unsaved changes to “${saved.name}”` : `Saved as “${saved.name}”`;
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

export function panel(title, ...body) {
  return h('section', { class: 'card panel', 'aria-label': title },
    h('div', { class: 'panel-head' }, h('h2', null, title),
      h('button', { type: 'button', class: 'icon', 'data-action': 'close-panel', 'aria-label': `Close ${title}` }, '×')),
    body);
}

export function closePanel(refs) {
  fill(refs.panel);
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
/**
 * The printable report. `kind`: what it says it is (published, derived or self-assessed).
 * @param {any} refs
 * @param {{assessment: any, result: any, insight: any, baseline: any, baselineResult: any, methodology: any, comparison?: any,
 *   kind?: import('../lib/card.js').CardKind}} model
 */
export function renderReport(refs, { assessment: a, result: r, insight, baseline, baselineResult, methodology: m, comparison = null, kind = 'self' }) {
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
        if (['role', 'neighbours', 'id', 'override', 'format', 'kind', 'derivation'].includes(k) && !path) continue;
        walk(x[k], y[k], path ? `${path}${Array.isArray(x) ? `[${k}]` : `.${k}`}` : k);
      }
    };
    walk(baseline, a, '');
  }
  const max = (scale) => totalRange(scale).max;
  const taskMax = m.inputs.task_score.max;
  const dims = (scale, values) => scale.dimensions.map((d) => `${d.label} ${values[d.key] === null ? 'not judged' : signed(values[d.key])}`).join(' · ');
  const derived = fromDerived(a);
  const pay = wagesLine(a.derivation?.soc_group);
  const u = insight?.uncertainty;
  refs.report.classList.toggle('kind-derived', derived && a.tasks.some((t) => t.source));
  const key = derived ? labelKey(a.tasks) : '';
  patch(refs.report,
    h('h1', null, `${a.role.title}${a.role.seniority ? ` (${a.role.seniority})` : ''}`),
    h('p', { class: 'report-sub' }, `jobzone report · ${dayWords(new Date())} · computed in the browser with the JobZone method (${m.format}); only what was entered here and what the method computed`),
    h('p', { class: 'report-kind' }, h('strong', null, `${CARD_KIND[kind].word}. `), KIND_SENTENCE[kind]),
    h('p', { class: 'report-score' }, `Score ${r.display.score}/100 · ${r.zone} · ${r.label} (${r.verdict})`),
    h('p', { class: 'report-means' }, zoneMeaning(r, m)),
    insight?.best_move ? h('p', null, h('strong', null, 'Best change of task mix: '), bestMoveWords(insight.best_move, a)) : null,
    derived ? h('div', { class: 'report-derived' },
      h('p', null, h('strong', null, a.kind === 'derived' ? 'A derived starting point, not an assessment. ' : 'Adjusted from a derived starting point. '), DERIVED_SENTENCE),
      h('ul', null, DERIVED_CAVEATS.map((c) => h('li', null, c))),
      pay ? h('p', null, pay, '.') : null,
      h('p', { class: 'muted' }, `${ATTRIBUTION.onet} (${ATTRIBUTION.onetLicence}) ${ATTRIBUTION.labels}`)) : null,
    baselineResult ? h('p', null, `${baselineWord(a)} baseline: ${baselineResult.display.score} ${baselineResult.label}; this assessment ${signed1(r.score - baselineResult.score)} points.`) : null,
    changes.length ? h('div', null, h('h2', null, `What changed from the ${baselineWord(a).toLowerCase()} baseline`), h('ul', null, changes.slice(0, 60).map((c) => h('li', null, c)))) : null,
    a.summary ? h('p', { class: 'report-summary' }, a.summary) : null,
    h('h2', null, 'Tasks'),
    key ? h('p', { class: 'report-key' }, key) : null,
    h('table', { class: 'kv' },
      h('thead', null, h('tr', null, ['Task', 'Time', 'Score', 'Impact', 'Weighted', 'Why'].map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', null, a.tasks.map((t) => h('tr', null, h('td', null, t.name), h('td', null, pct(t.time_pct)), h('td', null, `${t.score}/${taskMax}`),
        h('td', null, m.inputs.impacts.find((i) => i.key === t.impact)?.label ?? t.impact), h('td', null, fixed((t.time_pct * t.score) / 100, 2)),
        h('td', null, t.rationale ?? shortSource(t.source, m)))))),
    h('p', null, `Weighted task score ${r.display.weighted_task_score}; task resistance ${r.display.task_resistance}/${m.formula.task_resistance_base - m.inputs.task_score.min}; time by impact: ${m.inputs.impacts.map((i) => `${i.label.toLowerCase()} ${pct(Math.round(r.split[i.key] * 100) / 100)}`).join(', ')}; ${pct(r.time_share_3plus)} of time scores ${m.inputs.task_score.exposed_min} or more.`),
    h('h2', null, 'Other inputs'),
    h('p', null, `Evidence ${signed(r.totals.evidence)}/${max(m.inputs.evidence)}: ${dims(m.inputs.evidence, a.evidence)}`),
    h('p', null, `Barriers ${r.totals.barriers}/${max(m.inputs.barriers)}: ${dims(m.inputs.barriers, a.barriers)}`),
    h('p', null, `Protective ${r.totals.protective}/${max(m.inputs.protective)}: ${dims(m.inputs.protective, a.protective)}`),
    h('p', null, `AI growth correlation ${signed(a.ai_growth_correlation)}. Quick screen: ${r.quick_screen.text}.`),
    // The reasons in words: your own (what you wrote or changed) in full; a catalog role's stay on
    // its page, so that its report fits two pages.
    kind === 'self' ? reasonsReport(ownWords(a, baseline), m) : null,
    kind !== 'self' || baseline ? h('p', { class: 'muted' }, kind === 'self'
      ? `Reasons, commentary and sources you left as the ${baselineWord(a).toLowerCase()} assessment has them are on its page, not repeated here.`
      : `The reasons behind each input, the commentary and the sources are on the role's page${typeof location === 'object' ? `: ${location.href.split('#')[0]}` : ''}.`) : null,
    h('h2', null, 'Calculation'),
    h('p', { class: 'calc-line' }, r.display.raw_calculation),
    h('p', { class: 'calc-line' }, `JobZone score: ${r.display.score_calculation}`),
    h('p', null, `Attribution (adds up to ${r.display.attribution_total ?? r.display.score}): ${r.attribution.map((p, i) => `${p.label} ${r.display.attribution?.[i]?.points ?? fixed(p.points, 1)}`).join(' · ')}`),
    insight?.sensitivity?.length ? [h('h2', null, 'What moves this score most'),
      h('ul', null, insight.sensitivity.slice(0, 5).map((x) => h('li', null, `${x.label}: one step down ${x.down ? x.down.display : '(none)'}, one step up ${x.up ? x.up.display : '(none)'}`)))] : null,
    comparison ? [h('h2', null, 'Compared with'),
      h('ul', null, comparison.map((c) => h('li', null, `${c.label}: ${c.result.display.score} ${c.result.label}`)))] : null,
    u ? h('p', null, `If each judgment could be off ${confidenceWords(a, m)}: ${bandShare(m)} of outcomes between ${u.display.p10} and ${u.display.p90}; ${zoneOdds(m.zones, u.zones, ', ')}.`) : null,
    h('p', { class: 'muted report-fine' }, `Assumed, not published: ${assumedRules(m).join('; ')}. These are this project's reading of the method, open to correction.`));
}

/** What the report says of each kind, in one sentence. */
const KIND_SENTENCE = {
  published: 'An assessment published on this site, recomputed here with the JobZone method.',
  derived: 'A starting point derived from public data by stated rules; nobody has assessed it.',
  self: 'Made with jobzone by whoever entered it: not published, and nobody checked it.',
};

/** The best change of task mix, in words (the page's "Try this move"). */
const bestMoveWords = (b, a) => `moving ${b.points} points of time from “${a.tasks[b.from].name}” to “${a.tasks[b.to].name}” would raise the score by ${fixed(b.delta, 1)} to ${b.display_score} (${b.label}).`;

/** `a` without the words it shares with `base` (what the visitor wrote or changed stays). */
function ownWords(a, base) {
  if (!base) return a;
  const out = structuredClone(a);
  const same = (x, y) => JSON.stringify(x) === JSON.stringify(y);
  for (const k of ['seniority_note', 'reinstatement', 'commentary', 'outlook', 'sources', 'live_tracked', 'assessed', 'history']) {
    if (same(a[k], base[k])) delete out[k];
  }
  for (const [scale, texts] of Object.entries(out.rationale ?? {})) {
    if (texts && typeof texts === 'object') {
      for (const key of Object.keys(texts)) if (same(texts[key], base.rationale?.[scale]?.[key])) delete texts[key];
    } else if (same(texts, base.rationale?.[scale])) delete out.rationale[scale];
  }
  return out;
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

