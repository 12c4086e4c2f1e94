// The guided path: seven short steps from a job title to a result, for a job that is not published
// or a published one adjusted to the visitor's week. It edits the same assessment as the full page
// (through app.edit and app.structural, so the core checks each change and the last valid state
// stays), lives in the tab's draft (state.guide), and can be skipped or left at any step.
// Loaded on first use, with its help text (data/guide.json).
import { h, fill, patch, nextId } from '../lib/dom.js';
import { fetchJson, roleIndex, latestIndex, LISTED_ROLES } from '../catalog/catalog.js';
import { comparedRole, isMissing } from '../catalog/compared.js';
import { search } from '../catalog/search.js';
import { fixed, signed, pct } from '../lib/format.js';
import { missingParts } from '../render/insight-view.js';
import { resultView, countUnsure } from './result.js';
import { getAt, setAt } from '../render/controls.js';
import { placeholderName, isPlaceholderName, newTask } from '../tasks/task-actions.js';
import { sharesOf } from '../tasks/time-shares.js';
import { parsePath } from '../lib/paths.js';
import { catalogKind } from '../lib/kind.js';
import { cleanPick, emptyPick, tasksOf, pickView, pickChange, countWords } from './pick.js';
import { scaleView, examplesOf, firstTaskHint } from './scale.js';

export const STEPS = ['role', 'tasks', 'ai', 'evidence', 'barriers', 'human', 'result'];
/** Seeded with an occupation (a derived starting point): pick your tasks, then the result. */
export const SEEDED = ['pick', 'result'];

let help = null;
let roleList = null; // every published role, for the comparison's choices (loaded on the result step)
let roleSearch = null; // its search index (a large catalog is searched, not listed)
let findQuery = '';

/** @param {import('../state/store.js').FeatureApp} app */
export function guideFeature(app) {
  const { state, set } = app; // set: this feature's own field, state.guide
  // Moves the guide's place (state.guide is replaced, never changed in place); nothing once the guide
  // is closed, so a late answer (a compared role found missing) cannot reopen it.
  const place = (patch) => state.guide && set({ guide: { ...state.guide, ...patch } });
  // A new assessment on the page ends the guide (its section went with the old page); new
  // analyses (after every edit) redraw the result step.
  app.subscribe((_, { keys }) => {
    if (keys.includes('opened')) {
      if (state.guide) set({ guide: null });
      root = null;
    } else if (keys.includes('insight') && state.guide?.step === 'result') renderResult();
  });
  let root = null;     // the guide's section in the role page
  let body = null;     // the current step's content (re-rendered on a step change only)
  const m = () => state.engine.methodology;

  const conf = () => m().insight.confidence;
  const named = () => state.current.tasks.filter((t) => !isPlaceholderName(t.name)).length;

  /** Opens the guide at `guide.step` (a draft's guide resumes where it was). */
  async function open(guide = {}) {
    help ??= await fetchJson('data/guide.json');
    const seed = guide.seed === true && catalogKind(state.baseline) === 'derived' && state.baseline.tasks.length > 0;
    const steps = seed ? SEEDED : STEPS;
    const step = steps.includes(guide.step) ? guide.step : steps[0];
    // A draft's guide is data like any other: anything odd in it falls back to the assessment.
    const number = (x) => (Number.isFinite(Number(x)) && Number(x) >= 0 ? Number(x) : 0);
    let shares = Array.isArray(guide.shares) && guide.shares.length === state.current.tasks.length ? guide.shares.map(number) : null;
    const same = shares && sharesOf(shares, m().inputs.time_pct.total)?.every((v, i) => v === state.current.tasks[i].time_pct);
    if (!same) shares = null; // the shares were changed elsewhere (the full page): start from them
    set({ guide: {
      step,
      index: Math.min(Math.max(0, Math.trunc(Number(guide.index)) || 0), state.current.tasks.length - 1),
      shares,
      compare: typeof guide.compare === 'string' ? guide.compare : null, // fetchRole refuses an id that is not one
      from: guide.from === 'published' ? 'published' : 'own',
      ...(seed ? { seed, pick: cleanPick(guide.pick, state.baseline.tasks.length) ?? emptyPick(state.baseline) } : {}),
    } });
    mount();
    render({ focus: guide.focus !== false });
    app.writeDraftNow();
  }

  function mount() {
    const page = state.refs.tasks.closest('.role-page');
    if (!root || !page.contains(root)) {
      root = h('section', { class: 'guide', 'aria-labelledby': 'guide-h' });
      root.addEventListener('input', onInput);
      root.addEventListener('change', onChange);
      root.addEventListener('click', onClick);
      state.refs.strip.after(root);
    }
    page.classList.add('guiding');
  }

  /** Back to the full page, every field there brought up to date. */
  function close({ focus = true } = {}) {
    if (!state.guide) return;
    set({ guide: null });
    root?.remove();
    root = null;
    const page = state.refs.tasks.closest('.role-page');
    page.classList.remove('guiding');
    for (const el of page.querySelectorAll('[data-text]')) {
      const value = getAt(state.current, parsePath(el.dataset.text));
      const text = Array.isArray(value) ? value.join('\n') : value ?? '';
      if (el.value !== String(text)) el.value = String(text);
    }
    app.rebuildTasks();
    app.writeDraftNow();
    if (focus) page.querySelector('h1, [data-text="role.title"]')?.focus();
  }

  function go(step, index = 0) {
    place({ step, index });
    render({ focus: true });
    app.writeDraftNow();
    scrollTo({ top: 0 });
  }

  const steps = () => (state.guide.seed ? SEEDED : STEPS);
  const at = () => steps().indexOf(state.guide.step);

  function next() {
    const g = state.guide;
    if (g.step === 'ai') {
      confirmTask(g.index);
      if (g.index < state.current.tasks.length - 1) return go('ai', g.index + 1);
    }
    go(steps()[Math.min(at() + 1, steps().length - 1)]);
  }

  function back() {
    const g = state.guide;
    if (g.step === 'ai' && g.index > 0) return go('ai', g.index - 1);
    const step = steps()[Math.max(at() - 1, 0)];
    go(step, step === 'ai' ? state.current.tasks.length - 1 : 0);
  }

  /** A named task whose level was seen is confirmed: the first score appears. */
  function confirmTask(i) {
    const task = state.current.tasks[i];
    if (state.pending && task && !isPlaceholderName(task.name)) app.confirmPending();
  }

  // ---- rendering ----------------------------------------------------------------------------

  function render({ focus = false } = {}) {
    const g = state.guide;
    const info = help.steps[g.step];
    const n = state.current.tasks.length;
    const where = g.step === 'ai' ? ` · task ${g.index + 1} of ${n}` : '';
    const nav = h('nav', { class: 'guide-nav', 'aria-label': 'Guided steps' },
      h('ol', null, steps().map((s, i) => h('li', null,
        h('button', {
          type: 'button', class: 'guide-step', 'data-gaction': 'goto', 'data-step': s,
          'aria-current': s === g.step ? 'step' : null,
        }, h('span', { class: 'guide-num', 'aria-hidden': 'true' }, i + 1), help.steps[s].short,
        h('span', { class: 'visually-hidden' }, `: ${help.steps[s].title}`))))));
    const heading = h('h1', { id: 'guide-h', tabindex: '-1' },
      h('span', { class: 'guide-count' }, `Step ${at() + 1} of ${steps().length}${where}`), h('br'), info.title);
    body = h('div', { class: 'guide-body' });
    fill(body, ...STEP_BODY[g.step]());
    const last = g.step === 'result';
    const continueLabel = g.step === 'ai' && g.index < n - 1 ? 'Next task' : last ? null : 'Continue';
    const footer = h('div', { class: 'guide-foot' },
      at() > 0 ? h('button', { type: 'button', class: 'btn', 'data-gaction': 'back' }, 'Back') : null,
      continueLabel ? h('button', { type: 'button', class: 'btn primary', 'data-gaction': 'next' }, continueLabel) : null,
      !last && g.step !== 'role' ? h('button', { type: 'button', class: 'link-btn', 'data-gaction': 'goto', 'data-step': 'result' }, 'Skip to the result') : null,
      h('span', { class: 'guide-leave' },
        h('button', { type: 'button', class: 'btn', 'data-action': 'save' }, 'Save'),
        h('button', { type: 'button', class: 'link-btn', 'data-gaction': 'leave' }, 'Leave the guide: show every section')));
    const judged = ['ai', 'evidence', 'barriers', 'human'].includes(g.step);
    fill(root, nav, heading, h('p', { class: 'lede' }, info.intro, g.from === 'published' && !['result', 'pick'].includes(g.step)
      ? (catalogKind(state.baseline) === 'derived'
        ? ' Started from a derived starting point (nobody assessed it): its values are filled in and marked “derived”; change only what differs for you.'
        : ' Started from the published role: its values are filled in and marked “published”; change only what differs for you.') : ''),
    judged ? h('p', { class: 'guide-hint' }, g.from === 'published' ? '' : 'Nothing is chosen for you: each question starts at “Not sure” until you pick a level. ',
      '“Not sure” counts as the middle level for the score, and makes every level as likely in the range. Without “I am sure”, an answer may be one step either way.',
      g.step === 'human' ? ' Protective principles are not in the formula; left “Not judged”, they stay out of the quick screen.' : '') : null,
    body, footer);
    if (g.step === 'result') renderResult();
    if (focus) heading.focus({ preventScroll: true });
  }

  const field = (label, control, hint = null) => h('label', { class: 'guide-field' }, h('span', { class: 'guide-label' }, label), hint, control);

  const STEP_BODY = {
    role() {
      const lim = m().limits;
      return [
        field('Job title', h('input', { type: 'text', 'data-text': 'role.title', value: state.current.role.title, maxlength: lim.max_name_chars, autocomplete: 'organization-title', required: true })),
        field('Seniority (optional)', h('input', { type: 'text', 'data-text': 'role.seniority', value: state.current.role.seniority ?? '', maxlength: lim.max_name_chars, autocomplete: 'off' }),
          h('span', { class: 'guide-hint' }, 'For example: junior, mid-level, senior, lead.')),
      ];
    },
    tasks() {
      if (!state.guide.shares) place({ shares: state.current.tasks.map((t) => t.time_pct) });
      const g = state.guide;
      const lim = m().limits;
      const rows = state.current.tasks.map((t, i) => {
        const nameId = nextId('gname');
        return h('li', { class: 'guide-task' },
          h('label', { for: nameId, class: 'guide-label' }, `Task ${i + 1}`),
          h('input', {
            id: nameId, type: 'text', 'data-g': 'name', 'data-index': i, maxlength: lim.max_name_chars, autocomplete: 'off',
            value: isPlaceholderName(t.name) ? '' : t.name, placeholder: i === 0 ? firstTaskHint(state.baseline) : 'What else fills your week?',
          }),
          h('span', { class: 'guide-time' },
            h('label', { class: 'guide-time-label' }, 'Time', h('span', { class: 'visually-hidden' }, ` on task ${i + 1}`), h('span', { class: 'guide-unit' }, ' (hours or %)'),
              h('input', { type: 'number', inputmode: 'decimal', min: 0, max: 10000, step: 'any', 'data-g': 'share', 'data-index': i, value: g.shares[i] })),
            h('span', { class: 'guide-pct', 'data-pct': i })),
          state.current.tasks.length > 1
            ? h('button', { type: 'button', class: 'link-btn', 'data-gaction': 'remove', 'data-index': i }, 'Remove', h('span', { class: 'visually-hidden' }, ` task ${i + 1}`))
            : null);
      });
      const total = h('p', { class: 'guide-total', role: 'status' });
      const list = [
        h('ol', { class: 'guide-tasks' }, rows),
        state.current.tasks.length < lim.max_tasks ? h('button', { type: 'button', class: 'btn', 'data-gaction': 'add' }, 'Add a task') : null,
        total,
      ];
      queueMicrotask(showShares);
      return list;
    },
    ai() {
      const i = state.guide.index;
      const t = state.current.tasks[i];
      const ts = m().inputs.task_score;
      const unnamed = isPlaceholderName(t.name);
      return [
        h('p', { class: 'guide-task-head' }, h('strong', null, unnamed ? `${t.name} (no name yet)` : t.name), ` · ${pct(t.time_pct)} of your week`),
        unnamed ? h('p', { class: 'note' }, 'This task still has its placeholder name: go Back to the tasks to name it, or it will not count as yours.') : null,
        scale({
          legend: `How far can AI do “${t.name}” today?`, path: `tasks.${i}.score`, confPath: `tasks.${i}.confidence`,
          levels: ts.levels, min: ts.min, max: ts.max, examples: examplesOf(state.baseline, help.task_score_examples), number: (v) => `${v}`,
        }),
        h('label', { class: 'guide-field' }, h('span', { class: 'guide-label' }, help.impact_question),
          h('select', { 'data-g': 'impact', 'data-index': i }, m().inputs.impacts.map((x) => h('option', { value: x.key, selected: x.key === t.impact }, x.label)))),
        h('label', { class: 'guide-field' }, h('span', { class: 'guide-label' }, 'Why this level? (optional, goes in your report)'),
          h('textarea', { 'data-text': `tasks.${i}.rationale`, rows: 2, maxlength: m().limits.max_text_chars }, t.rationale ?? '')),
      ];
    },
    evidence() {
      const ev = m().inputs.evidence;
      return ev.dimensions.map((d) => scale({
        legend: d.label, path: `evidence.${d.key}`, confPath: `confidence.evidence.${d.key}`, levels: d.levels,
        min: ev.min, max: ev.max, means: help.evidence[d.key]?.means, where: help.evidence[d.key]?.where, number: signed,
      }));
    },
    barriers() {
      const b = m().inputs.barriers;
      return b.dimensions.map((d) => scale({
        legend: d.label, path: `barriers.${d.key}`, confPath: `confidence.barriers.${d.key}`, levels: d.levels,
        min: b.min, max: b.max, means: help.barriers[d.key], number: (v) => `${v}`,
      }));
    },
    human() {
      const p = m().inputs.protective;
      const g = m().inputs.ai_growth_correlation;
      return [
        ...p.dimensions.map((d) => scale({
          legend: d.label, path: `protective.${d.key}`, levels: d.levels, min: p.min, max: p.max, means: help.protective[d.key], number: (v) => `${v}`, unjudged: true,
        })),
        scale({
          legend: g.label, path: 'ai_growth_correlation', confPath: 'confidence.ai_growth_correlation', levels: g.levels,
          min: g.min, max: g.max, means: help.ai_growth.means, where: help.ai_growth.where, number: signed,
        }),
      ];
    },
    result() {
      return [h('div', { class: 'guide-result' })];
    },
    pick() {
      return pickView({ pick: state.guide.pick, baseline: state.baseline, m: m() });
    },
  };

  const scale = (options) => scaleView({ current: state.current, baseline: state.baseline, ...options });

  /** The share of the week beside each number, and the total. */
  function showShares() {
    if (!root || state.guide?.step !== 'tasks') return;
    const shares = sharesOf(state.guide.shares, m().inputs.time_pct.total);
    const sum = state.guide.shares.reduce((a, b) => a + (Number.isFinite(b) && b > 0 ? b : 0), 0);
    root.querySelectorAll('[data-pct]').forEach((el) => {
      const i = Number(el.dataset.pct);
      el.textContent = shares ? `= ${pct(shares[i])} of your week` : '';
    });
    const total = root.querySelector('.guide-total');
    if (total) {
      total.textContent = !shares ? 'Give at least one task some time.'
        : Math.abs(sum - 100) < 1e-9 ? 'Your numbers add up to 100: they are the shares as typed.'
          : `Your numbers add up to ${fixed(sum, Number.isInteger(sum) ? 0 : 2)}; each task's share of the week is worked out from that.`;
    }
  }

  /** The result step: score, range and zone odds, levers, and a comparison the visitor picks. */
  function renderResult() {
    const slot = root?.querySelector('.guide-result');
    if (!slot) return;
    if (state.pending) {
      const n = named();
      patch(slot,
        h('div', { class: 'missing' }, missingParts({ named: n, heading: 'h2', next: 'Say how far AI can do it (step 3).' })),
        h('p', null, h('button', { type: 'button', class: 'btn primary', 'data-gaction': 'goto', 'data-step': n ? 'ai' : 'tasks' }, n ? 'Go to step 3: AI and your tasks' : 'Go to step 2: your tasks')));
      return;
    }
    const unsure = countUnsure(state.current);
    const chosen = state.guide.compare;
    // (One cache with Compare: catalog/compared.js. A choice that is no longer published is dropped.)
    const settled = () => (isMissing(chosen) && state.guide?.compare === chosen ? place({ compare: null }) : renderResult());
    const other = chosen ? comparedRole(chosen, state.engine.score, settled) : null;
    if (!roleList) roleIndex().then((index) => { roleList = index.roles; roleSearch = index; renderResult(); }, () => { roleList = []; });
    const large = (roleList?.length ?? 0) > LISTED_ROLES;
    const choices = !large ? roleList ?? [] : roleList.filter((x) => x.id === chosen);
    const found = large && findQuery.trim() ? search(latestIndex() ?? roleSearch, findQuery, 8) : null;
    patch(slot, ...resultView({ state, m: m(), unsure, chosen, other, choices, large, found, findQuery }));
  }

  // ---- events -------------------------------------------------------------------------------

  function setConfidence(a, confPath, value) {
    // The default level is stored as nothing: the JSON says only what the visitor changed.
    app.setTextAt(a, parsePath(confPath), value === conf().default ? '' : value);
  }

  function onInput(event) {
    const el = event.target;
    if (el.dataset.p === 'hours') return onPick(el);
    const i = Number(el.dataset.index);
    if (el.dataset.g === 'name') {
      const ok = app.edit((a) => { a.tasks[i].name = el.value.trim() ? el.value : placeholderName(i); }, { full: true });
      el.setAttribute('aria-invalid', String(!ok));
    } else if (el.dataset.g === 'compare-find') {
      findQuery = el.value;
      renderResult();
    } else if (el.dataset.g === 'share') {
      const value = el.value === '' ? 0 : Number(el.value);
      const valid = Number.isFinite(value) && value >= 0 && value <= 10000;
      el.setAttribute('aria-invalid', String(!valid));
      if (!valid) return;
      place({ shares: state.guide.shares.map((v, j) => (j === i ? value : v)) });
      const shares = sharesOf(state.guide.shares, m().inputs.time_pct.total);
      if (shares) app.edit((a) => { shares.forEach((v, j) => { a.tasks[j].time_pct = v; }); });
      showShares();
      app.saveDraftSoon();
    }
  }

  /** A change on the pick screen: the pick kept, the assessment rebuilt from it, the row shown or folded. */
  function onPick(el) {
    const pick = pickChange(state.guide.pick, el);
    if (!pick) return;
    place({ pick });
    app.structural((a, locked) => {
      a.tasks = tasksOf(pick, state.baseline, m());
      locked.splice(0, locked.length, ...a.tasks.map(() => false));
    });
    const row = el.closest('.pick-task');
    row.classList.toggle('on', pick[Number(el.dataset.index)].on);
    row.querySelector('.pick-controls').hidden = !pick[Number(el.dataset.index)].on;
    root.querySelector('.pick-count').textContent = countWords(pick.filter((p) => p.on).length, pick.length);
    app.writeDraftNow();
  }

  function onChange(event) {
    const el = event.target;
    if (el.dataset.p) return onPick(el);
    const g = el.dataset.g;
    if (g === 'level') {
      const path = parsePath(el.dataset.path);
      const confPath = el.dataset.conf;
      const ok = app.edit((a) => {
        if (el.value === 'none') {
          setAt(a, path, null);
        } else if (el.value === 'unsure') {
          const fieldset = el.closest('fieldset');
          const values = [...fieldset.querySelectorAll('input[type=radio]')].map((x) => Number(x.value)).filter(Number.isFinite);
          setAt(a, path, values[Math.floor((values.length - 1) / 2)]);
          setConfidence(a, confPath, 'unsure');
        } else {
          setAt(a, path, Number(el.value));
          if (confPath && getAt(a, parsePath(confPath)) === 'unsure') setConfidence(a, confPath, conf().default);
        }
      }, { full: true });
      const box = el.closest('fieldset').querySelector('.guide-sure');
      if (ok && box) {
        box.hidden = el.value === 'unsure';
        box.querySelector('input').checked = getAt(state.current, parsePath(confPath)) === 'sure';
      }
    } else if (g === 'sure') {
      app.edit((a) => setConfidence(a, el.dataset.conf, el.checked ? 'sure' : conf().default), { full: true });
    } else if (g === 'impact') {
      app.edit((a) => { a.tasks[Number(el.dataset.index)].impact = el.value; });
    } else if (g === 'compare') {
      place({ compare: el.value || null });
      renderResult();
      app.writeDraftNow();
    }
  }

  function onClick(event) {
    const button = event.target.closest('button[data-gaction]');
    if (!button) return;
    const action = button.dataset.gaction;
    if (action === 'next') next();
    else if (action === 'back') back();
    else if (action === 'goto') {
      if (state.guide.step === 'ai') confirmTask(state.guide.index);
      go(button.dataset.step);
    } else if (action === 'leave') close();
    else if (action === 'compare-pick') {
      place({ compare: button.dataset.id });
      findQuery = '';
      const box = root.querySelector('[data-g="compare-find"]');
      if (box) box.value = '';
      renderResult();
      root.querySelector('[data-g="compare"]')?.focus();
      app.writeDraftNow();
    } else if (action === 'add') {
      const n = state.current.tasks.length;
      place({ shares: [...state.guide.shares, 0] });
      app.structural((a, locked) => {
        a.tasks.push(newTask(m(), n));
        locked.push(false);
      });
      render();
      root.querySelector(`[data-g="name"][data-index="${n}"]`)?.focus();
    } else if (action === 'remove') {
      const i = Number(button.dataset.index);
      const shares = state.guide.shares.filter((_, j) => j !== i);
      const fixedShares = sharesOf(shares, m().inputs.time_pct.total) ?? shares.map(() => Math.floor(10000 / shares.length) / 100);
      const fix = m().inputs.time_pct.total - fixedShares.reduce((a, b) => a + b, 0);
      fixedShares[0] = Math.round((fixedShares[0] + fix) * 100) / 100;
      place({ shares });
      app.structural((a, locked) => {
        a.tasks.splice(i, 1);
        locked.splice(i, 1);
        fixedShares.forEach((v, j) => { a.tasks[j].time_pct = v; });
      });
      render();
      root.querySelector(`[data-g="name"][data-index="${Math.min(i, state.current.tasks.length - 1)}"]`)?.focus();
    }
  }

  return {
    open,
    close,
    /** The comparison chosen here, for the report: [{label, result}] or null. */
    comparison() {
      const other = state.guide?.compare ? comparedRole(state.guide.compare, state.engine.score) : null;
      return other ? [{ label: other.label, result: other.result }] : null;
    },
  };
}
