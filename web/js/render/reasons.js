// The reasons behind the numbers: each input's rationale (a disclosure beside its control), and
// the sections of a role page that are words rather than figures: summary, seniority note,
// reinstatement check, the AI growth check, commentary, outlook, sources and live tracking. A
// published role shows them as text; in your own assessment every one is editable in place,
// with its limit shown. Data only ever becomes text nodes or attribute values.
import { h, s as sv, fill } from '../lib/dom.js';
import { score1 } from '../lib/format.js';
import { getAt } from './controls.js';

/** A text box bound to `path` ("summary", "rationale.evidence.wage_trends"), with its limit shown. */
export function textField({ path, value, label, max, multiline = true, lines = false, hint = '' }) {
  const id = `t-${path.replace(/[^a-z0-9]+/gi, '-')}`;
  const shown = lines ? (value ?? []).join('\n') : (value ?? '');
  const attrs = {
    id, 'data-text': path, maxlength: lines ? null : max, autocomplete: 'off', spellcheck: 'true',
    'aria-describedby': `${id}-limit`, ...(lines ? { 'data-lines': 'true' } : {}),
  };
  const input = multiline || lines
    ? h('textarea', { ...attrs, rows: lines ? 4 : 3 }, shown)
    : h('input', { ...attrs, type: 'text', value: shown });
  return h('div', { class: 'text-field' },
    h('label', { for: id }, label),
    input,
    h('span', { id: `${id}-limit`, class: 'limit' }, lines ? `One per line; at most ${max} characters each.${hint}` : `At most ${max} characters.${hint}`));
}

/**
 * "Why": the rationale of one input, opening in place under its control. Published: the text, if
 * there is one. Own assessment: a text box (empty until the user writes one).
 */
export function whyDisclosure({ path, text, own, subject, max }) {
  if (!own && !text) return null;
  return h('details', { class: 'why' },
    h('summary', null, own && !text ? 'Add a reason' : 'Why', h('span', { class: 'visually-hidden' }, `: ${subject}`)),
    own
      ? textField({ path, value: text, label: `Why ${subject} has this score`, max })
      : h('p', null, text));
}

const section = (id, title, ...body) => h('section', { id, 'aria-labelledby': `${id}-h`, class: 'card' },
  h('h2', { id: `${id}-h` }, title), body);

const para = (text) => (text ? h('p', null, text) : null);

/** Every reasons section, in the order of a published role page; refs.reasons[name] is each card. */
export function buildReasons({ assessment: a, methodology: m, own }) {
  const lim = m.limits;
  const cards = {};
  const empty = (what) => h('p', { class: 'muted' }, `No ${what} in this assessment.`);

  cards.summary = own || a.summary ? section('summary', 'In short',
    own ? textField({ path: 'summary', value: a.summary, label: 'The verdict in a few sentences', max: lim.max_text_chars }) : para(a.summary)) : null;

  cards.seniority = own || a.seniority_note ? section('seniority', 'Seniority note',
    own ? textField({ path: 'seniority_note', value: a.seniority_note, label: 'How juniors and seniors in this role would score', max: lim.max_text_chars })
      : para(a.seniority_note)) : null;

  const re = a.reinstatement;
  cards.reinstatement = own || re ? section('reinstatement', 'Reinstatement check',
    h('p', { class: 'lede' }, 'Does AI create new tasks for this role, as automation has for others (the reinstatement effect Acemoglu and Restrepo describe)?'),
    own ? [
      h('fieldset', { class: 'yes-no' }, h('legend', null, 'New tasks from AI'),
        ['yes', 'no', 'unanswered'].map((v) => h('label', null,
          h('input', { type: 'radio', name: 'reinstatement', 'data-choice': 'reinstatement.new_tasks', value: v,
            checked: v === (re ? (re.new_tasks ? 'yes' : 'no') : 'unanswered') }), ` ${v === 'unanswered' ? 'Not answered' : v === 'yes' ? 'Yes' : 'No'}`))),
      textField({ path: 'reinstatement.text', value: re?.text, label: 'Which new tasks, or why none', max: lim.max_text_chars }),
    ] : [h('p', null, h('strong', null, re.new_tasks ? 'Yes. ' : 'No. '), re.text ?? '')]) : null;

  const growthWhy = a.rationale?.ai_growth_correlation;
  cards.growth = own || growthWhy ? section('growth-check', 'AI growth correlation check',
    h('p', { class: 'lede' }, 'Does wider use of AI raise or lower demand for this role? The answer sets the growth modifier and the Accelerated sub-label.'),
    own ? textField({ path: 'rationale.ai_growth_correlation', value: growthWhy, label: 'Why AI growth correlation has its score', max: lim.max_text_chars }) : para(growthWhy)) : null;

  const c = a.commentary ?? {};
  const who = c.who_should_worry ?? {};
  const hasCommentary = c.score_vs_reality || c.not_captured?.length || who.stronger || who.weaker || who.biggest_factor;
  cards.commentary = own || hasCommentary ? section('commentary', 'Assessor commentary',
    own ? [
      textField({ path: 'commentary.score_vs_reality', value: c.score_vs_reality, label: 'Score against reality: does the label fit?', max: lim.max_text_chars }),
      textField({ path: 'commentary.not_captured', value: c.not_captured, label: 'What the numbers do not capture', max: lim.max_text_chars, lines: true }),
      textField({ path: 'commentary.who_should_worry.stronger', value: who.stronger, label: 'Who is in a stronger position', max: lim.max_text_chars }),
      textField({ path: 'commentary.who_should_worry.weaker', value: who.weaker, label: 'Who is in a weaker position', max: lim.max_text_chars }),
      textField({ path: 'commentary.who_should_worry.biggest_factor', value: who.biggest_factor, label: 'The single biggest factor', max: lim.max_text_chars }),
    ] : [
      c.score_vs_reality ? [h('h3', null, 'Score against reality'), para(c.score_vs_reality)] : null,
      c.not_captured?.length ? [h('h3', null, 'What the numbers do not capture'), h('ul', { class: 'prose-list' }, c.not_captured.map((x) => h('li', null, x)))] : null,
      who.stronger || who.weaker || who.biggest_factor ? [h('h3', null, 'Who should worry, and who should not'),
        who.stronger ? h('p', null, h('strong', null, 'Stronger position. '), who.stronger) : null,
        who.weaker ? h('p', null, h('strong', null, 'Weaker position. '), who.weaker) : null,
        who.biggest_factor ? h('p', null, h('strong', null, 'The single biggest factor. '), who.biggest_factor) : null] : null,
    ]) : null;

  const o = a.outlook ?? {};
  const hasOutlook = o.role_then || o.strategy?.length || o.timeline;
  const then = o.years ? `The role in ${o.years} ${o.years === 1 ? 'year' : 'years'}` : 'The role ahead';
  cards.outlook = own || hasOutlook ? section('outlook', 'What this means',
    own ? [
      h('label', { class: 'years' }, 'Looking ahead ', h('input', { type: 'number', min: 1, max: 20, step: 1, value: o.years ?? '', 'data-text': 'outlook.years', 'data-number': 'true', inputmode: 'numeric' }), ' years (1 to 20)'),
      textField({ path: 'outlook.role_then', value: o.role_then, label: 'The role then', max: lim.max_text_chars }),
      textField({ path: 'outlook.strategy', value: o.strategy, label: 'Strategy: steps for people in the role', max: lim.max_text_chars, lines: true }),
      textField({ path: 'outlook.timeline', value: o.timeline, label: 'Timeline', max: lim.max_text_chars }),
    ] : [
      o.role_then ? [h('h3', null, then), para(o.role_then)] : null,
      o.strategy?.length ? [h('h3', null, 'Strategy'), h('ol', { class: 'prose-list' }, o.strategy.map((x) => h('li', null, x)))] : null,
      o.timeline ? [h('h3', null, 'Timeline'), para(o.timeline)] : null,
    ]) : null;

  cards.sources = section('sources', 'Sources', h('div', { class: 'body' },
    own || a.sources?.length ? sourcesBody({ assessment: a, own, methodology: m }) : empty('sources are listed')));
  cards.tracking = section('tracking', 'Live tracked', h('div', { class: 'body' }, trackingBody({ assessment: a, own, methodology: m })));
  return cards;
}

/** Sources: each title, publisher and date, linked only to an https: address. */
function sourcesBody({ assessment: a, own, methodology: m }) {
  const list = a.sources ?? [];
  const lim = m.limits;
  if (!own) {
    return h('ul', { class: 'sources' }, list.map((src) => h('li', null,
      src.url ? h('a', { href: src.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, src.title) : src.title,
      src.publisher ? `, ${src.publisher}` : '', src.date ? ` (${src.date})` : '')));
  }
  return [
    h('p', { class: 'muted' }, `At most ${lim.max_list_items} sources. Addresses must start with https://.`),
    h('ol', { class: 'rows' }, list.map((src, i) => h('li', { class: 'row-edit' },
      h('fieldset', null, h('legend', null, `Source ${i + 1}`),
        rowInput(`sources.${i}.title`, 'Title', src.title, lim.max_name_chars),
        rowInput(`sources.${i}.url`, 'Address (https://)', src.url, lim.max_url_chars, 'url'),
        rowInput(`sources.${i}.publisher`, 'Publisher', src.publisher, lim.max_name_chars),
        rowInput(`sources.${i}.date`, 'Date (YYYY-MM-DD)', src.date, 10),
        h('button', { type: 'button', class: 'btn', 'data-action': 'remove-row', 'data-list': 'sources', 'data-index': i, 'aria-label': `Remove source ${i + 1}` }, 'Remove'))))),
    h('button', { type: 'button', class: 'btn', 'data-action': 'add-row', 'data-list': 'sources', disabled: list.length >= lim.max_list_items }, '+ Add a source'),
  ];
}

function rowInput(path, label, value, max, type = 'text') {
  return h('label', null, label, h('input', { type, 'data-text': path, value: value ?? '', maxlength: max, autocomplete: 'off' }));
}

/** Live tracking: the assessment date, and the published history (a small chart from two points). */
function trackingBody({ assessment: a, own, methodology: m }) {
  const history = a.history ?? [];
  const lim = m.limits;
  const status = a.live_tracked
    ? 'The publisher re-assesses this role as AI capabilities change.'
    : 'Not marked as live tracked: the figures are as of the assessment.';
  if (own) {
    return [
      h('label', { class: 'check' }, h('input', { type: 'checkbox', 'data-flag': 'live_tracked', checked: Boolean(a.live_tracked) }), ' Live tracked: re-assessed as AI changes'),
      rowInput('assessed', 'Assessment date (YYYY-MM-DD)', a.assessed, 10),
      h('h3', null, 'Score history'),
      h('ol', { class: 'rows' }, history.map((e, i) => h('li', { class: 'row-edit' },
        h('fieldset', null, h('legend', null, `Change ${i + 1}`),
          rowInput(`history.${i}.date`, 'Date (YYYY-MM-DD)', e.date, 10),
          h('label', null, 'Score', h('input', { type: 'number', min: 0, max: 100, step: 0.1, value: e.score, 'data-text': `history.${i}.score`, 'data-number': 'true' })),
          rowInput(`history.${i}.label`, 'Label', e.label, lim.max_name_chars),
          rowInput(`history.${i}.note`, 'Note', e.note, lim.max_text_chars),
          h('button', { type: 'button', class: 'btn', 'data-action': 'remove-row', 'data-list': 'history', 'data-index': i, 'aria-label': `Remove change ${i + 1}` }, 'Remove'))))),
      h('button', { type: 'button', class: 'btn', 'data-action': 'add-row', 'data-list': 'history', disabled: history.length >= lim.max_list_items }, '+ Add a score change'),
      h('div', { class: 'history-view' }, history.length >= 2 ? historyChart(history) : null),
    ];
  }
  return [
    h('p', null, a.live_tracked ? h('span', { class: 'badge st-published' }, 'Live tracked') : null, ' ', status),
    h('p', null, a.assessed ? `Assessed ${a.assessed}.` : 'The publisher gives no assessment date.'),
    history.length >= 2 ? historyChart(history) : null,
    history.length
      ? h('ol', { class: 'history' }, history.map((e) => h('li', null, h('strong', null, e.date), `: ${score1(e.score)}`, e.label ? ` ${e.label}` : '', e.note ? `. ${e.note}` : '')))
      : h('p', { class: 'muted' }, 'No dated score changes are published for this role.'),
  ];
}

/** The published scores over time: a small line chart (dates evenly spaced, 0 to 100). */
function historyChart(history) {
  const w = 300;
  const hgt = 80;
  const x = (i) => (history.length === 1 ? w / 2 : 8 + (i * (w - 16)) / (history.length - 1));
  const y = (score) => 8 + ((100 - score) * (hgt - 16)) / 100;
  const points = history.map((e, i) => `${x(i)},${y(e.score)}`).join(' ');
  const label = `Score history: ${history.map((e) => `${e.date} ${score1(e.score)}`).join(', ')}`;
  return sv('svg', { class: 'history-chart', viewBox: `0 0 ${w} ${hgt}`, role: 'img', 'aria-label': label },
    sv('polyline', { points, class: 'history-line' }),
    history.map((e, i) => sv('circle', { cx: x(i), cy: y(e.score), r: 3, class: 'history-dot' })));
}

/** A control's rationale text, from the assessment (tasks keep theirs on the task). */
export function rationaleOf(assessment, path) {
  if (path[0] === 'tasks') return assessment.tasks[path[1]]?.rationale ?? '';
  if (path[0] === 'ai_growth_correlation') return assessment.rationale?.ai_growth_correlation ?? '';
  return getAt(assessment, ['rationale', ...path]) ?? '';
}

/** Redraws the history chart of your own assessment after a date or score changed. */
export function refreshHistoryChart(refs, assessment) {
  const view = refs.reasons.tracking?.querySelector('.history-view');
  const history = assessment.history ?? [];
  if (view) fill(view, history.length >= 2 ? historyChart(history) : null);
}

/** Re-fills the list editors (sources, history) after a row was added or removed. */
export function refillRows(refs, { assessment, methodology, list }) {
  if (list === 'sources') fill(refs.reasons.sources.querySelector('.body'), sourcesBody({ assessment, own: true, methodology }));
  else fill(refs.reasons.tracking.querySelector('.body'), trackingBody({ assessment, own: true, methodology }));
}
