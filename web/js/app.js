// The calculator page: loads a published role, binds every input to the wasm scorer.
import { loadEngine } from './engine.js';
import { loadCatalog, findRole, fetchJson, wirePicker } from './catalog.js';
import { buildPage, buildTasks, renderResult, renderInsight, renderErrors } from './view.js';
import { syncControls, setAt } from './controls.js';
import { rebalance } from './shares.js';

const $ = (id) => document.getElementById(id);

const state = {
  engine: null,
  catalog: null,
  published: null,        // the published assessment as loaded (null for your own)
  publishedResult: null,
  current: null,          // the assessment being edited
  result: null,           // the last valid result
  locked: [],
  registry: new Map(),
  refs: null,
};

function showStatus(message, isError = false) {
  const status = $('status');
  status.hidden = !message;
  status.replaceChildren();
  if (message) {
    const p = document.createElement('p');
    p.className = isError ? 'problem' : 'loading';
    p.textContent = message;
    status.append(p);
  }
}

let announceTimer = 0;
function announce(result) {
  clearTimeout(announceTimer);
  announceTimer = setTimeout(() => {
    $('announcer').textContent = `Score ${result.display.score}, ${result.label}.`;
  }, 400);
}

/**
 * What the slider path sends to the core: every input the score depends on, without the role's
 * prose (validated in full when the role was opened), so each move parses half as much JSON.
 */
function scoringInput(a) {
  return {
    format: a.format, role: { title: a.role.title }, tasks: a.tasks, evidence: a.evidence, barriers: a.barriers,
    protective: a.protective, ai_growth_correlation: a.ai_growth_correlation, override: a.override ?? null,
  };
}

/** Scores the current assessment; on success renders it, otherwise keeps the last valid state. */
function recompute() {
  const out = state.engine.score(scoringInput(state.current));
  if (!out.ok) {
    renderErrors(state.refs, out.errors);
    return false;
  }
  const previous = state.result;
  state.result = out.result;
  renderErrors(state.refs, []);
  syncControls(state.registry, state.current, state.published);
  renderResult({ ...state, methodology: state.engine.methodology, result: out.result, assessment: state.current });
  if (previous && (previous.display.score !== out.result.display.score || previous.label !== out.result.label)) {
    announce(out.result);
  }
  document.dispatchEvent(new CustomEvent('jobzone:scored', { detail: out.result }));
  scheduleInsight();
  return true;
}

/** The analyses run once per frame at most, after the score itself has been drawn. */
let insightFrame = 0;
function scheduleInsight() {
  cancelAnimationFrame(insightFrame);
  insightFrame = requestAnimationFrame(() => {
    const out = state.engine.insight(scoringInput(state.current));
    if (!out.ok) return;
    renderInsight({ ...state, methodology: state.engine.methodology, insight: out.insight, assessment: state.current });
    document.dispatchEvent(new CustomEvent('jobzone:insight', { detail: out.insight }));
  });
}

/** Applies one edit to a copy of the assessment; commits it only if the core accepts it. */
function edit(mutate) {
  const before = state.current;
  state.current = structuredClone(before);
  mutate(state.current);
  if (!recompute()) {
    state.current = before;
    syncControls(state.registry, state.current, state.published);
  }
}

function onInput(event) {
  const el = event.target;
  const key = el.dataset?.path;
  if (!key) return;
  const path = key.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const value = el.type === 'range' ? Number(el.value) : el.value;
  edit((a) => {
    if (path[0] === 'tasks' && path[2] === 'time_pct') {
      const shares = rebalance(a.tasks.map((t) => t.time_pct), state.locked, path[1], value);
      shares.forEach((v, i) => { a.tasks[i].time_pct = v; });
    } else {
      setAt(a, path, value);
    }
  });
}

function onChange(event) {
  const lock = event.target.dataset?.lock;
  if (lock !== undefined) {
    state.locked[Number(lock)] = event.target.checked;
    updateShareLimits();
  }
}

/** A share slider cannot move when every other task is locked. */
function updateShareLimits() {
  state.current.tasks.forEach((_, i) => {
    const free = state.current.tasks.some((__, j) => j !== i && !state.locked[j]);
    const c = state.registry.get(`tasks.${i}.time_pct`);
    if (c) {
      c.input.disabled = !free;
      c.input.title = free ? '' : 'Unlock another task to change this share';
    }
  });
}

function onClick(event) {
  const button = event.target.closest('[data-action]');
  const action = button?.dataset.action;
  if (action === 'best-move') {
    const { from, to, points } = button.dataset;
    edit((a) => {
      a.tasks[Number(from)].time_pct -= Number(points);
      a.tasks[Number(to)].time_pct += Number(points);
    });
    announce(state.result);
    return;
  }
  if (action === 'reset' && state.published) {
    state.current = structuredClone(state.published);
    state.locked = state.current.tasks.map(() => false);
    buildTasks(state.refs, state.current, state.engine.methodology, state.registry, state.locked);
    updateShareLimits();
    recompute();
    announce(state.result);
  }
}

function openAssessment(assessment, published) {
  state.published = published ? structuredClone(assessment) : null;
  state.current = structuredClone(assessment);
  state.locked = assessment.tasks.map(() => false);
  state.registry = new Map();
  state.result = null;
  const first = state.engine.score(assessment);
  if (!first.ok) {
    const detail = first.errors.slice(0, 3).map((e) => `${e.path}: ${e.message}`).join('; ');
    throw new Error(`This assessment is not valid: ${detail}`);
  }
  state.publishedResult = published ? first.result : null;
  const { page, refs } = buildPage({
    assessment, methodology: state.engine.methodology, registry: state.registry, published: state.published,
  });
  state.refs = refs;
  buildTasks(refs, state.current, state.engine.methodology, state.registry, state.locked);
  $('page').replaceChildren(page);
  updateShareLimits();
  recompute();
  document.title = `${assessment.role.title}${assessment.role.seniority ? ` (${assessment.role.seniority})` : ''}: ${state.result.display.score} ${state.result.label} · jobzone`;
}

async function openRole(id, { push } = { push: false }) {
  const entry = findRole(state.catalog, id);
  if (!entry) {
    showStatus(`No published role is called "${id}". Showing the default role instead.`, true);
    return openRole(state.catalog.default);
  }
  const assessment = await fetchJson(`data/${entry.file}`);
  openAssessment(assessment, true);
  if (push) history.pushState({ role: id }, '', `?role=${encodeURIComponent(id)}`);
}

async function boot() {
  const main = $('main');
  try {
    const [engine, catalog] = await Promise.all([loadEngine(), loadCatalog()]);
    state.engine = engine;
    state.catalog = catalog;
    showStatus('');
    const page = $('page');
    page.addEventListener('input', onInput);
    page.addEventListener('change', onChange);
    page.addEventListener('click', onClick);
    wirePicker({
      catalog, input: $('role-search'), list: $('role-results'), count: $('role-count'),
      onPick: (id) => openRole(id, { push: true }).catch(fail),
    });
    window.addEventListener('popstate', () => openRole(new URLSearchParams(location.search).get('role') ?? catalog.default).catch(fail));
    await openRole(new URLSearchParams(location.search).get('role') ?? catalog.default);
    page.hidden = false;
    performance.mark('jobzone:score-visible');
  } catch (error) {
    fail(error);
  } finally {
    main.setAttribute('aria-busy', 'false');
  }
}

function fail(error) {
  console.warn(error);
  showStatus(`jobzone could not start: ${error.message}. Reload to try again.`, true);
}

boot();
