// The parts of the role page drawn from the analyses (zone bar with its range, what moves the
// score, how sure it is, the best change of task mix), and the page's messages (what a blank start
// still lacks, the problems of an input).
import { h, fill } from '../lib/dom.js';
import { fixed, signed, signed1, pct, bandShare } from '../lib/format.js';
import { zoneBar, tornado } from './charts.js';
import { zoneOdds } from '../lib/zones.js';
import { patchWhen, setText, statusBadge, zoneBadge, neighboursOf } from './parts.js';
import { baselineWord } from '../lib/kind.js';
import { renderGlanceLead } from './glance.js';

/**
 * The zone bar, drawn once per frame from the result and its analyses (the range band), with a
 * legend for every mark it draws.
 */
export function renderBar(refs, { methodology: m, result: res, insight, assessment, published, publishedResult, noted = false }) {
  const band = insight?.uncertainty ?? null;
  const neighbours = neighboursOf(assessment, published);
  const title = assessment.role.title;
  const word = baselineWord(published ?? assessment).toLowerCase(); // "published", or "derived"
  const key = [word, res.display.score, band ? [band.p10, band.p50, band.p90].join() : '', publishedResult?.score ?? '', title, neighbours.length].join('|');
  patchWhen(noted, refs.bar, key, () => [zoneBar({
    zones: m.zones, score: res.score, scoreText: res.display.score, published: publishedResult ? publishedResult.score : null, neighbours, title, band,
    bandWords: bandShare(m), baseWord: word,
  }), barLegend({ band, published: Boolean(publishedResult), neighbours: neighbours.length > 0, bandWords: bandShare(m), baseWord: word })]);
}

/** What each mark on the zone bar means; only the marks drawn are listed. */
function barLegend({ band, published, neighbours, bandWords, baseWord = 'published' }) {
  const item = (cls, text) => h('li', null, h('span', { class: `lg ${cls}`, 'aria-hidden': 'true' }), text);
  // (Named by the words before it: a list cannot carry aria-label of its own.)
  return h('div', { class: 'bar-key' }, h('p', { class: 'visually-hidden' }, 'Key to the bar:'), h('ul', { class: 'bar-legend' },
    item('lg-me', 'this assessment'),
    published ? item('lg-published', `${baseWord} score`) : null,
    neighbours ? item('lg-neighbour', 'neighbouring roles') : null,
    band ? item('lg-band', `${bandWords} of outcomes if each judgment were one step off`) : null));
}

/**
 * A derived role's lead: its range in whole points, widened outward ("likely 33 to 53"), and each
 * zone's chance in whole percent, largest first, zones under half a percent left out.
 */
export function likelyOf(u, m) {
  const zones = m.zones.map((z) => [z.name, (u.zones[z.zone] ?? 0) * 100]).filter(([, p]) => p >= 0.5).sort((a, b) => b[1] - a[1])
    .map(([name, p]) => `${name} ${Math.round(p)}%`).join(', ');
  return { low: Math.floor(u.p10 + 1e-9), high: Math.ceil(u.p90 - 1e-9), zones };
}

/** How the judgments may be off: "by one step" (the default for all), or the visitor's own mix. */
export function confidenceWords(a, m) {
  const conf = m.insight.confidence;
  const levels = [
    ...a.tasks.map((t) => t.confidence),
    ...m.inputs.evidence.dimensions.map((d) => a.confidence?.evidence?.[d.key]),
    ...m.inputs.barriers.dimensions.map((d) => a.confidence?.barriers?.[d.key]),
    a.confidence?.ai_growth_correlation,
  ].map((x) => x || conf.default);
  const counts = conf.levels.map((l) => [l, levels.filter((x) => x === l.key).length]).filter(([, n]) => n > 0);
  if (counts.length === 1 && counts[0][0].key === conf.default) return 'by one step';
  return `as marked (${counts.map(([l, n]) => `${n} ${l.label.toLowerCase()}`).join(', ')})`;
}

/** A probability as the fraction people say: 0.25 is "1/4", 0.5 is "1/2". */
const fraction = (p) => {
  for (let d = 1; d <= 12; d++) if (Math.abs(p * d - Math.round(p * d)) < 1e-9) return `${Math.round(p * d)}/${d}`;
  return fixed(p, 2);
};

const stepText = (input, value, m) => (input.endsWith('time_pct') ? pct(Math.round(value * 100) / 100)
  : input.endsWith('.score') ? `${value}/${m.inputs.task_score.max}` : signed(value));

/** Fills the insight parts from the core's analyses of the current assessment. */
export function renderInsight({ refs, insight, result: res, assessment, methodology: m, noted = false }) {
  const now = insight.score;
  const list = insight.sensitivity;
  const top = list[0];
  if (top && top.swing > 0) {
    const parts = [];
    if (top.down) parts.push(`one step down (to ${stepText(top.input, top.down.value, m)}) gives ${top.down.display}`);
    if (top.up) parts.push(`one step up (to ${stepText(top.input, top.up.value, m)}) gives ${top.up.display}`);
    const name = /^(Score|Time share) of /.test(top.label) ? `the ${top.label.charAt(0).toLowerCase()}${top.label.slice(1)}` : top.label;
    setText(refs.lever, `The biggest lever is ${name}: ${parts.join(', ')} (now ${res.display.score}).`);
  } else {
    setText(refs.lever, 'No single input moves the score.');
  }
  const max = Math.max(1, ...list.map((x) => x.swing));
  const rowOf = (x) => {
    const down = x.down ? x.down.score - now : null;
    const up = x.up ? x.up.score - now : null;
    return { label: x.label, down, up, text: [down === null ? '–' : signed1(down), up === null ? '–' : signed1(up)].join(' / ') };
  };
  // Labels carry task names: a renamed task is redrawn at once.
  const key = list.map((x) => `${x.input}:${x.label}:${fixed(x.swing, 2)}`).join();
  patchWhen(noted, refs.tornado, key, () => [tornado(list.slice(0, 8).map(rowOf), max, 'The eight inputs that move the score most: change for one step down / one step up')]);
  // The full table is built only while its <details> is open: fewer nodes on the page.
  if (refs.tornadoAll.parentElement.open) {
    patchWhen(noted, refs.tornadoAll, key, () => [tornado(list.map(rowOf), max, 'Every input: change for one step down / one step up')]);
  }

  const u = insight.uncertainty;
  setText(refs.strip.querySelector('.strip-range'), `${bandShare(m)} range ${u.display.p10}-${u.display.p90}`);
  const likely = likelyOf(u, m);
  if (refs.glanceLevers) renderGlanceLead(refs, { insight, nowText: res.display.score, likely, bandWords: bandShare(m), noted });
  if (refs.likely) {
    const { low, high, zones } = likely;
    if (refs.likely.classList.contains('likely-range')) refs.likely.classList.remove('likely-range');
    patchWhen(noted, refs.likely, `${low}|${high}|${zones}`, () => [
      h('p', { class: 'likely-range' }, h('strong', null, `Likely ${low} to ${high}`), `; ${zones}`),
      h('p', { class: 'likely-note' }, `${bandShare(m)} of outcomes if each judgment could be off as marked; an input nobody judged may be at any level.`),
    ]);
  }
  const zoneText = zoneOdds(m.zones, u.zones);
  const offBy = confidenceWords(assessment, m);
  patchWhen(noted, refs.sure, `${u.p10}|${u.p50}|${u.p90}|${zoneText}|${offBy}`, () => [
    h('p', null, `If each judgment (${u.judged_inputs} of them: task scores, evidence, barriers, AI growth) could be off ${offBy}, ${bandShare(m)} of outcomes fall between `,
      h('strong', null, u.display.p10), ' and ', h('strong', null, u.display.p90), `, with the middle at ${u.display.p50}.`),
    h('p', { class: 'zone-odds' }, 'Chance of each zone: ', zoneText),
    h('p', { class: 'note' }, `Each judged input stays with probability ${fraction(1 - 2 * m.insight.step_probability)} and moves one step down or up with ${fraction(m.insight.step_probability)} each (a step off the scale stays put); an input marked sure stays, one marked not sure takes any level of its scale with equal chance. Computed exactly over every combination, not sampled. `, statusBadge(m.insight.status)),
  ]);

  const b = insight.best_move;
  patchWhen(noted, refs.move, b ? `${b.from}|${b.to}|${b.points}|${b.score}|${assessment.tasks[b.from].name}|${assessment.tasks[b.to].name}` : 'none', () => (b ? [
    h('p', null, `Moving ${b.points} points of time from “${assessment.tasks[b.from].name}” to “${assessment.tasks[b.to].name}” raises the score by ${fixed(b.delta, 1)} to ${b.display_score}: `,
      zoneBadge(b.zone, b.label)), // (the badge on a line of its own: a longer label adds no line)
    h('button', { type: 'button', class: 'btn', 'data-action': 'best-move', 'data-from': b.from, 'data-to': b.to, 'data-points': b.points }, 'Try this move'),
  ] : [h('p', null, `No change of task mix (moving ${m.insight.share_step} to ${m.insight.best_move_max} points of time between two tasks) would raise the score.`)]));
}

/**
 * What a blank start still lacks before it has a score (the page's box and the guide's result):
 * named: tasks with a name of their own; heading: its element; next: the step after naming.
 */
export function missingParts({ named, heading = 'h3', next }) {
  return [
    h(heading, null, 'No score yet'),
    h('p', null, 'A score means something only once it describes your work. Still missing:'),
    h('ul', null,
      h('li', null, named ? `Done: ${named} ${named === 1 ? 'task has' : 'tasks have'} a name of your own.` : 'Name at least one task (they still have placeholder names).'),
      h('li', null, next)),
  ];
}

export function renderErrors(refs, errors) {
  refs.errors.hidden = errors.length === 0;
  if (errors.length === 0) return fill(refs.errors);
  fill(refs.errors,
    h('p', null, h('strong', null, 'This change could not be scored.'), ' The page still shows the last valid score.'),
    h('ul', null, errors.map((e) => h('li', null, h('code', null, e.path), `: ${e.message}`))));
}
