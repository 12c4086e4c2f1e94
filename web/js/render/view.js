// The role page: sections built once per role, then filled from each new result.
import { h } from '../lib/dom.js';
import { finish } from '../lib/steps.js';
import { patchWhen, setHidden, setText, statusBadge, zoneBadge, neighboursOf } from './parts.js';
import { fixed, score1, signed, signed1, pct, totalRange, noChange } from '../lib/format.js';
import { splitBar, barRows } from './charts.js';
import { glanceRows, glanceLead } from './glance.js';
import { rangeControl, confidenceControl } from './controls.js';
import { buildReasons, whyDisclosure, textField, rationaleOf } from './reasons.js';
import { KIND, catalogKind, ownKind, baselineWord, fromDerived } from '../lib/kind.js';
import { derivedSection } from './derived.js';
import { taskFigures } from './task-rows.js';
import { foldSection } from './folds.js';

const ZONE_LINE = {
  GREEN: 'Most of the working week resists automation, and the market signals hold up.',
  YELLOW: 'The role goes on, but AI tools are reshaping a large part of the work.',
  RED: 'Much of the work is within reach of AI agents, and the market signals are weak.',
};

function section(id, title, ...body) {
  return h('section', { id, 'aria-labelledby': `${id}-h`, class: 'card' },
    h('h2', { id: `${id}-h` }, title), body);
}

/** Builds the page skeleton for one assessment; returns the parts that updates fill. */
export function buildPage(options) {
  return finish(buildPageSteps(options));
}

/** buildPage a few sections at a time: a generator that yields between them and returns {page, refs}. */
export function* buildPageSteps({ assessment, methodology: m, registry, published, own = false, origin = '' }) {
  const role = assessment.role;
  const r = {}; // refs
  const inputs = m.inputs;
  const lim = m.limits;
  const conf = m.insight.confidence;
  /** Own assessments: how sure the visitor is of the input at `path` (["evidence", key], ...). */
  const howSure = (path, subject) => (own ? confidenceControl({
    path: ['confidence', ...path].join('.'), value: path[0] === 'ai_growth_correlation' ? assessment.confidence?.ai_growth_correlation : assessment.confidence?.[path[0]]?.[path[1]],
    levels: conf.levels, fallback: conf.default, subject,
  }) : null);
  /** The rationale disclosure under the control at `path` (published text, or a box to write one). */
  const why = (path, subject) => whyDisclosure({
    path: path[0] === 'ai_growth_correlation' ? 'rationale.ai_growth_correlation' : ['rationale', ...path].join('.'),
    text: rationaleOf(assessment, path), own, subject, max: lim.max_text_chars,
  });

  // What the role is: published or derived (a catalog role), or your own (adjusted, when it began
  // as a derived starting point). Only the catalog says published (lib/kind.js).
  const kind = own ? ownKind(assessment) : catalogKind(assessment);
  // A derived starting point leads with its likely range, under its title (nobody judged its
  // market inputs, so one figure would say more than is known); the point score comes second, in
  // the score card. insight-view.js fills it.
  // (Text only until filled: a prerendered page's filled one is taken over as it is.)
  r.likely = kind === 'derived' ? h('div', { class: 'likely likely-range' }, 'Likely range: working it out…') : null;
  const header = own
    ? h('header', { class: 'role-head own' },
      h('p', { class: 'eyebrow' }, 'Your assessment', kind === 'adjusted' ? ' · adjusted from a derived starting point' : '', origin ? ` · started from ${origin}` : ''),
      h('div', { class: 'title-fields' },
        h('label', null, 'Role title', h('input', { type: 'text', 'data-text': 'role.title', value: role.title, maxlength: lim.max_name_chars, autocomplete: 'off' })),
        h('label', null, 'Seniority', h('input', { type: 'text', 'data-text': 'role.seniority', value: role.seniority ?? '', maxlength: lim.max_name_chars, autocomplete: 'off' }))))
    : h('header', { class: 'role-head' },
      h('p', { class: 'eyebrow' }, [role.category, KIND[kind].eyebrow].filter(Boolean).join(' · ')),
      h('h1', null, role.title, role.seniority ? h('span', { class: 'seniority' }, ` (${role.seniority})`) : null),
      r.likely,
      role.aliases?.length ? h('p', { class: 'aliases' }, 'Also known as: ', role.aliases.join(' · ')) : null,
      h('p', { class: 'your-week' }, h('button', { type: 'button', class: 'link-btn', 'data-action': 'adjust-guided' },
        kind === 'derived' ? 'Is this your job? Make it mine' : 'Is this your job? Adjust it to your week'),
        ' · ', h('button', { type: 'button', class: 'link-btn', 'data-action': 'guide-new' }, 'Score another job, step by step')));

  r.toolbar = h('div', { class: 'toolbar', role: 'group', 'aria-label': 'Your assessment: save, share, export' });
  r.notice = h('div', { class: 'notice', role: 'status' });
  r.panel = h('div', { class: 'panel-slot' });
  r.report = h('section', { class: 'report', 'aria-label': 'Printable report' });
  r.errors = h('div', { class: 'errors', role: 'alert', hidden: true });

  yield;
  // Score at a glance
  r.bigScore = h('span', { class: 'big-score' });
  r.zone = h('div', { class: 'zone-line' });
  r.compare = h('div', { class: 'compare' });
  r.reset = h('button', { type: 'button', class: 'btn', 'data-action': 'reset', hidden: !published || own }, KIND[kind ?? 'published'].reset);
  r.derived = kind === 'derived' || kind === 'adjusted' ? derivedSection(assessment, { adjusted: kind === 'adjusted' }) : null;
  r.gauges = h('dl', { class: 'gauges' });
  r.missing = h('div', { class: 'missing', role: 'status', hidden: true });
  r.clampNote = h('p', { class: 'note', hidden: true });
  const glance = section('glance', 'Score at a glance',
    r.likely ? h('p', { class: 'point-label' }, 'Point score, with every input nobody judged at the middle of its scale:') : null,
    h('div', { class: 'glance-top' },
      h('div', { class: 'score-block' }, r.bigScore, h('span', { class: 'of' }, `/${m.clamp.max}`)),
      h('div', null, r.zone, r.compare, r.reset)),
    glanceLead(r, { ownRange: !r.likely }),
    r.missing, r.clampNote, r.gauges,
    // Which way is safer, said once for all five (each raises the score as it grows).
    h('p', { class: 'gauges-how' }, 'The five factors of the score, each out of its scale: for every one, higher is safer (it raises the score).'));
  if (r.likely) glance.classList.add('glance-second'); // the point score second, smaller

  yield;
  // The compact score strip: shown (sticky, at the top) while the score card is out of view, so
  // the score, zone, change and range stay in sight while any input is moved. Its changes are
  // announced by the page's polite announcer, not by the strip itself.
  r.strip = h('div', { class: 'score-strip', id: 'score-strip' },
    h('div', { class: 'strip-line' }, h('strong', { class: 'strip-score' }), h('span', { class: 'strip-zone' })),
    h('div', { class: 'strip-line' }, h('span', { class: 'strip-delta' }), h('span', { class: 'strip-range' })));

  yield;
  // Where it sits
  r.bar = h('div', { class: 'bar-wrap' });
  r.neighbours = h('ul', { class: 'neighbours' });
  const sits = section('sits', 'Where this role sits', r.bar, r.neighbours);

  // Verdict
  r.verdict = h('div', { class: 'verdict' });
  const verdict = section('verdict', 'Verdict', r.verdict);

  yield;
  // Role definition
  const defRows = [
    // In your own assessment the title and seniority are the inputs at the top.
    ...(own ? [] : [['Job title', role.title], ['Seniority', role.seniority]]), ['Category', role.category],
    ['Primary function', role.primary_function], ['Typical experience', role.typical_experience],
    ['Not this role', role.not_this_role?.length ? h('ul', null, role.not_this_role.map((x) => h('li', null, x))) : null],
  ].filter(([, v]) => v);
  const definition = own
    ? section('definition', 'Role definition',
      textField({ path: 'role.category', value: role.category, label: 'Category', max: lim.max_name_chars, multiline: false }),
      textField({ path: 'role.primary_function', value: role.primary_function, label: 'Primary function', max: lim.max_text_chars }),
      textField({ path: 'role.typical_experience', value: role.typical_experience, label: 'Typical experience', max: lim.max_name_chars, multiline: false }),
      textField({ path: 'role.not_this_role', value: role.not_this_role, label: 'What this role is not', max: lim.max_text_chars, lines: true }),
      textField({ path: 'role.aliases', value: role.aliases, label: 'Also known as', max: lim.max_name_chars, lines: true }))
    : section('definition', 'Role definition',
      defRows.length
        ? h('dl', { class: 'deflist' }, defRows.map(([k, v]) => [h('dt', null, k), h('dd', null, v)]))
        : h('p', { class: 'muted' }, 'This assessment does not define the role further.'));

  // Protective principles + AI growth
  r.protectiveTotal = h('p', { class: 'total' });
  r.screen = h('p', { class: 'screen' });
  const protective = section('protective', 'Protective principles and AI growth',
    h('p', { class: 'lede' }, `Human-only factors, ${inputs.protective.min} to ${inputs.protective.max} each. They do not enter the score; with AI growth they give a quick screen before full scoring.`),
    kind === 'derived' ? h('p', { class: 'unjudged' }, h('strong', null, 'Not judged for this occupation: '),
      'the protective principles are left empty, and AI growth sits at the middle, marked not sure.') : null,
    h('div', { class: 'ctl-grid' },
      inputs.protective.dimensions.map((d) => rangeControl({
        path: ['protective', d.key], label: d.label, why: why(['protective', d.key], d.label),
      }, m, registry)),
      rangeControl({
        path: ['ai_growth_correlation'], label: 'AI growth correlation',
        confidence: howSure(['ai_growth_correlation'], 'AI growth correlation'),
      }, m, registry)),
    r.protectiveTotal, r.screen);

  yield;
  // Tasks
  r.tasks = h('div', { class: 'tasks' });
  r.taskTotal = h('p', { class: 'total' });
  r.split = h('div', { class: 'split' });
  r.resistance = h('p', { class: 'calc-line' });
  const tasks = section('tasks', 'Task decomposition',
    h('p', { class: 'lede' }, `Each task: its share of the working week, how far an AI agent could do it (${inputs.task_score.min} = only a human, ${inputs.task_score.max} = fully automatable), and how AI touches it. Moving a share rebalances the unlocked tasks so the week stays at ${inputs.time_pct.total}%. `,
      h('strong', null, inputs.impacts_text)),
    r.tasks, r.taskTotal, r.split, r.resistance);

  yield;
  // Evidence
  r.evidenceTotal = h('p', { class: 'total' });
  // A derived starting point's market inputs: nobody judged them for this occupation; said so where they are.
  const unjudged = (what) => (kind === 'derived' ? h('p', { class: 'unjudged' }, h('strong', null, 'Not judged for this occupation: '),
    `${what} sit at the middle of their scales, marked not sure, until someone who knows the job sets them.`) : null);
  const evidence = section('evidence', 'Market evidence',
    h('p', { class: 'lede' }, `Signals from the job market, from ${inputs.evidence.min} (clearly against the role) to ${signed(inputs.evidence.max)} (clearly for it).`),
    unjudged('these signals'),
    h('div', { class: 'ctl-grid' }, inputs.evidence.dimensions.map((d) => rangeControl({
      path: ['evidence', d.key], label: d.label, why: why(['evidence', d.key], d.label), confidence: howSure(['evidence', d.key], d.label),
    }, m, registry))),
    r.evidenceTotal);

  // Barriers
  r.barrierTotal = h('p', { class: 'total' });
  const barriers = section('barriers', 'Barriers to AI',
    h('p', { class: 'lede' }, `What stops AI doing the work even where it technically could: ${inputs.barriers.min} (none) to ${inputs.barriers.max} (strong).`),
    unjudged('these barriers'),
    h('div', { class: 'ctl-grid' }, inputs.barriers.dimensions.map((d) => rangeControl({
      path: ['barriers', d.key], label: d.label, why: why(['barriers', d.key], d.label), confidence: howSure(['barriers', d.key], d.label),
    }, m, registry))),
    r.barrierTotal);

  yield;
  // Calculation
  r.calc = h('div', { class: 'calc' });
  const calc = foldSection('calculation', 'The calculation', r.calc);

  // Sub-label
  r.sublabel = h('div');
  const sub = foldSection('sublabel', 'Sub-label', r.sublabel);

  // Composition vs attribution
  r.composition = h('div', { class: 'two-col' });
  const comp = foldSection('composition', 'Score composition', r.composition);

  yield;
  // Insight: what moves the score, how sure it is, the best change of task mix
  r.lever = h('p', { class: 'lever' });
  r.tornado = h('div');
  r.tornadoAll = h('div');
  const levers = section('levers', 'What moves this score',
    h('p', { class: 'lede' }, `Each input one step down (upper bar) and one step up (lower bar), everything else as it is; a share step moves ${m.insight.share_step} points of time. Bars to the right raise the score, to the left lower it.`),
    r.lever, r.tornado,
    h('details', { class: 'more' }, h('summary', null, 'Every input'), r.tornadoAll));
  r.sure = h('div', { class: 'sure' });
  const sure = section('sure', 'How sure is this score', r.sure);
  r.move = h('div', { class: 'move' });
  const move = section('move', 'Best change of task mix', r.move);

  yield;
  // Rules
  r.rules = h('div');
  const rules = foldSection('rules', 'Rules and assumptions',
    h('p', { class: 'lede' }, 'Every rule jobzone applies comes from one data file. Published rules are stated on the tracker; assumed ones are this project\'s reading, open to correction.'),
    r.rules);

  if (own) {
    // A title and a heading level for the page even while the title is an input.
    header.prepend(h('h1', { class: 'visually-hidden' }, 'Your assessment'));
  }
  yield;
  // The sections in the order of a published role page; the analyses and rules beside them.
  const reasons = buildReasons({ assessment, methodology: m, own });
  r.reasons = reasons;
  const page = h('div', { class: `role-page ${own ? 'own' : 'published'}${kind ? ` kind-${kind}` : ''}` }, header, r.derived, r.toolbar, r.notice, r.panel, r.errors, r.strip,
    h('div', { class: 'layout' },
      h('div', { class: 'col-main' }, glance, sits, reasons.summary, verdict, definition, reasons.seniority, protective, tasks,
        reasons.reinstatement, evidence, barriers, reasons.growth, levers, reasons.commentary, reasons.outlook, reasons.sources, reasons.tracking),
      h('div', { class: 'col-side' }, sure, move, calc, sub, comp, rules)));
  return { page: h('div', null, page, r.report), refs: r };
}

/** The figures each task line shows now (renderScore), so an unchanged line is not written again. */
const lineKeys = new WeakMap();

/**
 * What a moved input changes at once: the score, zone and change (card and strip), and the totals
 * beside the inputs. The rest (renderDetails) follows once per frame, before it is painted.
 */
export function renderScore({ refs, result: res, assessment, methodology: m, published = null, publishedResult, startResult = null, noted = false }) {
  const d = res.display;
  // The strip: score, zone, and the change from where the visitor started (or the published figure).
  const from = publishedResult ?? startResult;
  setText(refs.strip.querySelector('.strip-score'), `${d.score}/${m.clamp.max}`);
  patchWhen(noted, refs.strip.querySelector('.strip-zone'), res.label, () => [zoneBadge(res.zone, res.label)]);
  const change = from ? res.score - from.score : 0;
  setText(refs.strip.querySelector('.strip-delta'), !from || noChange(m, change) ? 'no change' : `${signed1(change)} ${publishedResult ? `from ${baselineWord(assessment).toLowerCase()}` : 'since you started'}`);

  setText(refs.bigScore, d.score);
  patchWhen(noted, refs.zone, `${res.label}|${res.verdict}`, () => [zoneBadge(res.zone, res.label), h('span', { class: 'verdict-word' }, ` ${res.verdict}`)]);
  if (publishedResult) {
    const delta = res.score - publishedResult.score;
    const same = noChange(m, delta);
    patchWhen(noted, refs.compare, `${publishedResult.display.score}|${publishedResult.label}|${d.score}|${same}`, () => [
      h('span', null, `${baselineWord(assessment)} `, h('strong', null, publishedResult.display.score), ` ${publishedResult.label}`),
      h('span', { class: `delta ${same ? '' : delta > 0 ? 'up' : 'down'}` },
        same ? 'no change' : `yours ${d.score}, ${signed1(delta)} points`)]);
  } else {
    patchWhen(noted, refs.compare, 'own', () => [h('span', null, 'Your own assessment')]);
  }
  setHidden(refs.clampNote, !res.clamped);
  setText(refs.clampNote, res.clamped
    ? `The formula gives ${d.score_unclamped ?? fixed(res.score_unclamped, 1)}; shown as ${m.clamp.max} because the scale stops there. An assumed rule: ${m.clamp.text}`
    : '');

  const ev = totalRange(m.inputs.evidence);
  const ba = totalRange(m.inputs.barriers);
  const pr = totalRange(m.inputs.protective);
  const trMax = m.formula.task_resistance_base - m.inputs.task_score.min;
  const unjudged = Object.values(assessment.protective ?? {}).filter((v) => v === null).length;
  setText(refs.protectiveTotal, unjudged
    ? `Protective total: not judged (${unjudged} of ${m.inputs.protective.dimensions.length} principles left unjudged; they do not enter the score)`
    : `Protective total: ${res.totals.protective}/${pr.max}`);
  // Tasks (one query for every row, not one a row: 50 tasks are allowed); a row with controls
  // shows its weighted score, a task shown as one line all its figures.
  for (const el of refs.tasks.querySelectorAll('[data-weighted]')) {
    const t = assessment.tasks[Number(el.dataset.weighted)];
    if (t) setText(el, `Weighted ${fixed((t.time_pct * t.score) / 100, 2)}`);
  }
  // (A line's words are made again only when its task or the task it is compared with changed:
  // a slider move changes one or a few of up to 50.)
  for (const el of refs.tasks.querySelectorAll('[data-task-figs]')) {
    const i = Number(el.dataset.taskFigs);
    const t = assessment.tasks[i];
    const before = published?.tasks?.[i] ?? null;
    if (!t) continue;
    const key = `${t.time_pct}|${t.score}|${t.impact}|${before?.time_pct}|${before?.score}|${before?.impact}`;
    if (lineKeys.get(el) === key) continue;
    lineKeys.set(el, key);
    setText(el, taskFigures(t, m, before));
  }
  const totalShare = assessment.tasks.reduce((a, t) => a + t.time_pct, 0);
  setText(refs.taskTotal, `Total ${pct(Math.round(totalShare * 100) / 100)} of the week · weighted task score ${d.weighted_task_score} · ${pct(res.time_share_3plus)} of time scores ${m.inputs.task_score.exposed_min} or more`);
  setText(refs.resistance, `Task resistance: ${fixed(m.formula.task_resistance_base, 2)} - ${d.weighted_task_score} = ${d.task_resistance}/${trMax}`);
  setText(refs.evidenceTotal, `Evidence total: ${signed(res.totals.evidence)}/${ev.max} · modifier 1 + (${res.totals.evidence} x ${m.formula.evidence_step}) = ${d.modifiers.evidence}`);
  const band = m.inputs.barriers.bands.find((b) => res.totals.barriers >= b.min && res.totals.barriers <= b.max);
  setText(refs.barrierTotal, `Barrier total: ${band ? `${band.word} ` : ''}${res.totals.barriers}/${ba.max} · modifier 1 + (${res.totals.barriers} x ${m.formula.barrier_step}) = ${d.modifiers.barriers}`);
}

/** Everything else computed from a result: gauges, verdict, charts, the calculation, the rules. */
export function renderDetails({ refs, result: res, assessment, methodology: m, published, publishedResult, noted = false }) {
  const d = res.display;
  const zones = m.zones;
  const zoneRule = zones.find((z) => z.zone === res.zone);
  const gaugeRows = glanceRows(res, m);
  patchWhen(noted, refs.gauges, gaugeRows.map((g) => g[1]).join(), () => [gaugeRows.map(([label, value, svg]) =>
    h('div', { class: 'gauge-row' }, h('dt', null, label), h('dd', null, svg(), h('span', { class: 'num' }, value))))]);

  const neighbours = neighboursOf(assessment, published);
  patchWhen(noted, refs.neighbours, `${d.score}|${publishedResult?.display.score}|${assessment.role.title}`, () => [h('li', { class: 'me-item' }, h('strong', null, `${assessment.role.title}: ${d.score}`), publishedResult ? ` (${baselineWord(published ?? assessment).toLowerCase()} ${publishedResult.display.score})` : ''),
    neighbours.map((n) => h('li', null, `${n.title}: ${score1(n.score)}`, n.label ? `, ${n.label}` : ''))]);

  const margin = `${d.threshold_margin} points above the ${zoneRule.name} threshold of ${zoneRule.min}`;
  const next = res.to_next_zone !== null ? zones[zones.indexOf(zoneRule) - 1] : null;
  patchWhen(noted, refs.verdict, `${d.score}|${res.label}|${res.final.label}|${assessment.role.title}`, () => [h('p', { class: 'verdict-main' }, zoneBadge(res.zone, res.zone), ` ${assessment.role.title} scores ${d.score} of 100: ${res.verdict}, ${margin}.`,
      next ? ` It is ${d.to_next_zone ?? fixed(res.to_next_zone, 1)} points short of ${next.name}.` : ''),
    h('p', null, ZONE_LINE[res.zone] ?? ''),
    res.final.overridden ? h('p', { class: 'note' }, `An assessor overrides this to ${res.final.label} (${res.final.display_score}): ${res.final.reason}`) : null]);

  // (The badge first: a longer or shorter answer after it moves nothing on its line.)
  patchWhen(noted, refs.screen, res.quick_screen.text, () => [h('strong', null, 'Quick screen: '), res.quick_screen.status ? statusBadge(res.quick_screen.status) : null, ' ', res.quick_screen.text]);

  // Tasks
  // The task names in the controls' accessible names (a name may have been edited)
  for (const name of refs.tasks.querySelectorAll('[data-task-name]')) {
    const i = Number(name.dataset.taskName);
    if (assessment.tasks[i]) setText(name, ` of task ${i + 1}, ${assessment.tasks[i].name}`);
  }
  const splitParts = m.inputs.impacts.map((im) => ({ key: im.key, label: im.label, value: res.split[im.key] }));
  patchWhen(noted, refs.split, splitParts.map((p) => p.value).join(), () => [splitBar(splitParts),
    h('ul', { class: 'legend' }, splitParts.map((p) => h('li', null, h('span', { class: `key sp-${p.key}`, 'aria-hidden': 'true' }), `${p.label} ${pct(Math.round(p.value * 100) / 100)}`)))]);


  // Calculation, as the tracker prints it
  const f = m.formula;
  const trMax = f.task_resistance_base - m.inputs.task_score.min;
  patchWhen(noted, refs.calc, d.raw_calculation + d.score_calculation, () => [h('table', { class: 'kv' },
    h('caption', { class: 'visually-hidden' }, 'Inputs to the formula'),
    h('tbody', null,
      h('tr', null, h('th', { scope: 'row' }, 'Task resistance'), h('td', null, `${d.task_resistance}/${fixed(trMax, 1)}`)),
      h('tr', null, h('th', { scope: 'row' }, 'Evidence modifier'), h('td', null, `1.0 + (${res.totals.evidence} x ${f.evidence_step}) = ${d.modifiers.evidence}`)),
      h('tr', null, h('th', { scope: 'row' }, 'Barrier modifier'), h('td', null, `1.0 + (${res.totals.barriers} x ${f.barrier_step}) = ${d.modifiers.barriers}`)),
      h('tr', null, h('th', { scope: 'row' }, 'Growth modifier'), h('td', null, `1.0 + (${res.totals.growth} x ${f.growth_step}) = ${d.modifiers.growth}`)))),
  h('p', { class: 'calc-line' }, d.raw_calculation),
  h('p', { class: 'calc-line' }, `JobZone score: ${d.score_calculation}/100`),
  h('p', null, `Zone: ${res.zone} (${zoneRule.name} ≥ ${zoneRule.min})`)]);

  const labelRule = m.labels.find((l) => res.rules.some((x) => x.id === l.id));
  patchWhen(noted, refs.sublabel, `${res.time_share_3plus}|${res.totals.growth}|${res.label}`, () => [h('table', { class: 'kv' },
    h('caption', { class: 'visually-hidden' }, 'How the sub-label is chosen'),
    h('tbody', null,
      h('tr', null, h('th', { scope: 'row' }, `Task time scoring ${m.inputs.task_score.exposed_min}+`), h('td', null, pct(res.time_share_3plus))),
      h('tr', null, h('th', { scope: 'row' }, 'AI growth correlation'), h('td', null, signed(res.totals.growth))),
      h('tr', null, h('th', { scope: 'row' }, 'Sub-label'), h('td', null, zoneBadge(res.zone, res.label))))),
  labelRule ? h('p', null, labelRule.text, ' ', statusBadge(labelRule.status)) : null]);

  const compRows = res.composition.map((p) => ({ label: p.label, value: p.points, text: signed1(p.points) }));
  const compTotal = res.composition.reduce((a, p) => a + p.points, 0);
  // The attribution as the core prints it: parts rounded so that they add up to the printed score.
  const plus = (text) => (Number(text) > 0 ? `+${text}` : text);
  const attrRows = res.attribution.map((p, i) => ({ label: p.label, value: p.points, text: plus(d.attribution?.[i]?.points ?? fixed(p.points, 1)) }));
  const attrTotal = d.attribution_total ?? fixed(res.attribution.reduce((a, p) => a + p.points, 0), 1);
  const weights = m.composition.parts.map((p) => p.weight);
  const maxPts = Math.max(...weights, ...compRows.map((x) => Math.abs(x.value)), ...attrRows.map((x) => Math.abs(x.value)));
  const neutral = m.attribution.baseline;
  patchWhen(noted, refs.composition, [...compRows, ...attrRows].map((x) => x.text).join(), () => [h('div', null, h('h3', null, `As published (${weights.join('/')})`), barRows(compRows, maxPts, 'Published composition'),
      h('p', { class: 'total' }, `Adds up to ${score1(compTotal)}, not ${d.score}`)),
    h('div', null, h('h3', null, 'Exact attribution'), barRows(attrRows, maxPts, 'Exact attribution of the score'),
      h('p', { class: 'total' }, res.clamped ? `Adds up to ${attrTotal}, the score before the ${m.clamp.min}-${m.clamp.max} clamp` : `Adds up to ${attrTotal} = the score`)),
    h('p', { class: 'note span' }, `The tracker weights each part by its own scale, so its points need not add up to the score. The exact attribution starts from a neutral role (every task ${neutral.task_score}, evidence ${neutral.evidence}, barriers ${neutral.barriers}, AI growth ${neutral.ai_growth_correlation}), which scores ${d.attribution?.[0]?.points ?? score1(attrRows[0].value)}, and splits the rest exactly across the formula's four factors, so a factor left neutral gets 0; protective principles are not in the formula. `, statusBadge(m.attribution.status))]);

  // Rules, with those that apply now marked
  const fired = new Set(res.rules.map((x) => x.id));
  const rule = (id, status, text) => h('li', { class: fired.has(id) ? 'fired' : null },
    statusBadge(status), ' ', text, fired.has(id) ? h('span', { class: 'applies' }, ' applies now') : null);
  patchWhen(noted, refs.rules, [...fired].join(), () => [h('ul', { class: 'rules' },
    rule('formula', m.formula.status, `Formula: ${m.formula.text}.`),
    m.zones.map((z) => rule(z.id, z.status, z.text)),
    m.labels.map((l) => rule(l.id, l.status, `${l.label}: ${l.text}`)),
    m.quick_screen.map((q) => rule(q.id, q.status, `Quick screen, ${q.likely}: ${q.text}`)),
    rule(m.clamp.id, m.clamp.status, m.clamp.text),
    rule('composition', m.composition.status, `Composition: ${m.composition.text}`),
    rule('attribution', m.attribution.status, `Attribution: ${m.attribution.text}`),
    rule('time-shares', m.inputs.time_pct.status, `Time shares: ${m.inputs.time_pct.text}`),
    m.rounding ? rule(m.rounding.id, m.rounding.status, `Printed figures: ${m.rounding.text}`) : null,
    rule('insight', m.insight.status, `Analyses: ${m.insight.text}`),
    m.new_task ? rule(m.new_task.id, m.new_task.status, `New tasks: ${m.new_task.text}`) : null,
    m.own_start ? rule(m.own_start.id, m.own_start.status, `A job of your own: ${m.own_start.text}`) : null,
    levelWordsRules(m, rule),
    // How a derived starting point was made: every rule assumed, each with its reason.
    m.derived && fromDerived(assessment)
      ? [rule('derived', m.derived.status, `Derived starting points (${m.derived.version}): ${m.derived.text}`),
        m.derived.rules.map((x) => h('li', { class: 'derived-rule' }, statusBadge(x.status), ' ', x.text, h('span', { class: 'muted' }, ` Why: ${x.reason}`)))]
      : null)]);
}

/** The words for each level: those the tracker prints are published, the rest this project's. */
function levelWordsRules(m, rule) {
  const inp = m.inputs;
  const all = [...inp.task_score.levels, ...inp.ai_growth_correlation.levels,
    ...['evidence', 'barriers', 'protective'].flatMap((k) => inp[k].dimensions.flatMap((d) => d.levels))];
  const published = all.filter((l) => l.status === 'published').map((l) => `“${l.text}”`);
  return [
    rule('level-words-published', 'published', `Words for a level, as the tracker prints them: ${published.join(', ')}; the barrier band “Moderate” for a total of 3.`),
    rule('level-words-assumed', 'assumed', `Words for every other level (${all.length - published.length} of ${all.length}) and the other barrier bands (${inp.barriers.bands.filter((b) => b.status === 'assumed').map((b) => `${b.word} ${b.min}-${b.max}`).join(', ')}) are this project's.`),
  ];
}
