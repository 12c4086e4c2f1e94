// The calculator page: a published role or your own assessment, every input bound to the wasm
// scorer; saving, share links, export/import, compare and the printable report.
import { loadEngine } from './engine.js';
import { loadCatalog, findRole, fetchJson, wirePicker } from './catalog.js';
import { buildPage, buildTasks, renderResult, renderInsight, renderErrors } from './view.js';
import { syncControls, setAt } from './controls.js';
import { rebalance, removeShare } from './shares.js';
import * as store from './storage.js';
import { encodeLink, decodeLink } from './share.js';
import { startPwa } from './pwa.js';
import {
  renderToolbar, notify, closePanel, showSavedPanel, showSharePanel, showComparePanel, showEmbedPanel, renderReport,
  tasksCsv, download, slug,
} from './own.js';

const $ = (id) => document.getElementById(id);
const MAX_IMPORT_BYTES = 1048576;

const state = {
  engine: null,
  catalog: null,
  mode: 'published',     // 'published': a role from the catalog; 'own': the visitor's assessment
  publishedId: null,     // catalog id of the role shown or started from
  baseline: null,        // the published assessment to compare with (null for a blank start)
  baselineResult: null,
  saved: null,           // {id, name} once saved to this browser
  current: null,         // the assessment being edited (always the last valid one)
  result: null,          // its result
  insight: null,
  locked: [],
  registry: new Map(),
  refs: null,
  compare: null,         // [keyA, keyB] while the compare panel is open
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
 * What the slider path sends to the core: every input the score depends on and every name, without
 * the role's prose (validated in full when the assessment was opened), so each move parses less.
 */
function scoringInput(a) {
  return {
    format: a.format, role: { title: a.role.title, seniority: a.role.seniority }, tasks: a.tasks, evidence: a.evidence,
    barriers: a.barriers, protective: a.protective, ai_growth_correlation: a.ai_growth_correlation, override: a.override ?? null,
  };
}

const marksBaseline = () => (state.mode === 'published' ? state.baseline : null);

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
  syncControls(state.registry, state.current, marksBaseline());
  renderResult({
    refs: state.refs, methodology: state.engine.methodology, result: out.result, assessment: state.current,
    published: state.baseline, publishedResult: state.baselineResult,
  });
  if (previous && (previous.display.score !== out.result.display.score || previous.label !== out.result.label)) {
    announce(out.result);
  }
  scheduleInsight();
  saveDraftSoon();
  return true;
}

/** The analyses run once per frame at most, after the score itself is drawn. */
let insightFrame = 0;
function scheduleInsight() {
  cancelAnimationFrame(insightFrame);
  insightFrame = requestAnimationFrame(updateInsight);
}

function updateInsight() {
  const out = state.engine.insight(scoringInput(state.current));
  if (!out.ok) return;
  state.insight = out.insight;
  renderInsight({
    refs: state.refs, methodology: state.engine.methodology, insight: out.insight, result: state.result, assessment: state.current,
  });
  if (state.compare) refreshCompare();
  document.dispatchEvent(new CustomEvent('jobzone:insight', { detail: out.insight }));
}

/** The printable report is built when the page is about to print. */
function updateReport() {
  if (!state.refs || !state.result) return;
  renderReport(state.refs, {
    methodology: state.engine.methodology, insight: state.insight, result: state.result, assessment: state.current,
    baseline: state.baseline, baselineResult: state.baselineResult,
  });
}
addEventListener('beforeprint', updateReport);

/** Applies one edit to a copy; commits it only if the core accepts it (the last valid state stays). */
function edit(mutate) {
  const before = state.current;
  state.current = structuredClone(before);
  mutate(state.current);
  if (!recompute()) {
    state.current = before;
    syncControls(state.registry, state.current, marksBaseline());
    return false;
  }
  return true;
}

const parsePath = (key) => key.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

function onInput(event) {
  const el = event.target;
  if (el.dataset?.text) {
    const path = parsePath(el.dataset.text);
    const ok = edit((a) => {
      if (path[0] === 'role' && path[1] === 'seniority' && el.value === '') delete a.role.seniority;
      else setAt(a, path, el.value);
    });
    el.setAttribute('aria-invalid', String(!ok));
    return;
  }
  const key = el.dataset?.path;
  if (!key) return;
  const path = parsePath(key);
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
  const el = event.target;
  if (el.dataset?.lock !== undefined) {
    state.locked[Number(el.dataset.lock)] = el.checked;
    updateShareLimits();
  } else if (el.dataset?.action === 'import') {
    importFile(el.files?.[0]);
    el.value = '';
  } else if (el.dataset?.compare) {
    state.compare[el.dataset.compare === 'a' ? 0 : 1] = el.value;
    refreshCompare();
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

/** Rebuilds the task rows after tasks were added, removed or reordered. */
function rebuildTasks(focusSelector) {
  buildTasks(state.refs, state.current, state.engine.methodology, state.registry, state.locked, state.mode === 'own');
  updateShareLimits();
  recompute();
  if (focusSelector) state.refs.tasks.querySelector(focusSelector)?.focus();
}

function structural(mutate, focusSelector) {
  const before = { current: state.current, locked: state.locked };
  state.current = structuredClone(state.current);
  state.locked = state.locked.slice();
  mutate(state.current, state.locked);
  const check = state.engine.score(scoringInput(state.current));
  if (!check.ok) {
    state.current = before.current;
    state.locked = before.locked;
    notify(state.refs, 'That change could not be made.', check.errors, 'problem');
    return;
  }
  rebuildTasks(focusSelector);
}

const actions = {
  reset() {
    if (!state.baseline) return;
    state.current = structuredClone(state.baseline);
    state.locked = state.current.tasks.map(() => false);
    rebuildTasks();
    announce(state.result);
  },
  'best-move'(button) {
    const { from, to, points } = button.dataset;
    edit((a) => {
      a.tasks[Number(from)].time_pct -= Number(points);
      a.tasks[Number(to)].time_pct += Number(points);
    });
    announce(state.result);
  },
  'make-own'() {
    openAssessment(state.current, { mode: 'own', baseline: state.baseline, publishedId: state.publishedId });
    notify(state.refs, 'This is now your own copy: rename it, change its tasks, then save it to this browser.');
    document.querySelector('[data-text="role.title"]')?.focus();
  },
  async 'new-blank'() {
    const template = await fetchJson('data/template.json');
    openAssessment(template, { mode: 'own' });
    notify(state.refs, 'A blank assessment: name your role, describe your tasks, set each input.');
    document.querySelector('[data-text="role.title"]')?.focus();
  },
  'add-task'() {
    const n = state.current.tasks.length;
    structural((a, locked) => {
      const target = Math.floor(100 / (n + 1));
      const shares = rebalance([...a.tasks.map((t) => t.time_pct), 0], [...locked, false], n, target);
      a.tasks.push({ name: `Task ${n + 1}`, time_pct: 0, score: 3, impact: 'augmentation' });
      shares.forEach((v, i) => { a.tasks[i].time_pct = v; });
      locked.push(false);
    }, `[data-text="tasks.${n}.name"]`);
  },
  'remove-task'(button) {
    const i = Number(button.dataset.index);
    structural((a, locked) => {
      const shares = removeShare(a.tasks.map((t) => t.time_pct), i);
      a.tasks.splice(i, 1);
      locked.splice(i, 1);
      shares.forEach((v, j) => { a.tasks[j].time_pct = v; });
    }, `[data-text="tasks.${Math.max(0, i - 1)}.name"]`);
  },
  'move-task'(button) {
    const i = Number(button.dataset.index);
    const j = i + Number(button.dataset.dir);
    structural((a, locked) => {
      [a.tasks[i], a.tasks[j]] = [a.tasks[j], a.tasks[i]];
      [locked[i], locked[j]] = [locked[j], locked[i]];
    }, `[data-action="move-task"][data-index="${j}"][data-dir="${button.dataset.dir}"]`);
  },
  save() {
    writeDraftNow();
    const name = state.saved?.name ?? state.current.role.title;
    const { ok, record } = store.saveAssessment(name, state.current, state.saved?.id);
    state.saved = { id: record.id, name: record.name };
    renderToolbar(state.refs, state);
    notify(state.refs, ok ? `Saved “${record.name}” in this browser.` : store.status.problem, [], ok ? 'info' : 'problem');
  },
  saved() {
    showSavedPanel(state.refs, state.saved?.id);
    state.refs.panel.querySelector('button')?.focus();
  },
  'saved-open'(button) {
    const record = store.listAssessments().find((r) => r.id === button.dataset.id);
    if (!record) return;
    const check = state.engine.validate(JSON.stringify(record.assessment));
    if (!check.ok) {
      notify(state.refs, `“${record.name}” could not be opened.`, check.errors, 'problem');
      return;
    }
    const base = findRole(state.catalog, check.assessment.id ?? '');
    openAssessment(check.assessment, { mode: 'own', saved: { id: record.id, name: record.name }, publishedId: base?.id ?? null });
    if (base) loadBaseline(base);
    notify(state.refs, `Opened “${record.name}”.`);
  },
  'saved-rename'(button) {
    const record = store.listAssessments().find((r) => r.id === button.dataset.id);
    const name = record && window.prompt('New name', record.name);
    if (!name || !name.trim()) return;
    store.renameAssessment(record.id, name.trim().slice(0, 200));
    if (state.saved?.id === record.id) state.saved.name = name.trim();
    showSavedPanel(state.refs, state.saved?.id);
  },
  'saved-delete'(button) {
    const record = store.listAssessments().find((r) => r.id === button.dataset.id);
    if (!record || !window.confirm(`Delete “${record.name}” from this browser?`)) return;
    store.deleteAssessment(record.id);
    if (state.saved?.id === record.id) state.saved = null;
    renderToolbar(state.refs, state);
    showSavedPanel(state.refs, state.saved?.id);
  },
  async share() {
    const link = `${location.origin}${location.pathname}#${await encodeLink(state.current)}`;
    showSharePanel(state.refs, link);
  },
  /** Copies the field named by the button's data-target (a share link or an embed snippet). */
  async copy(button) {
    const field = $(button.dataset.target);
    field.select();
    try {
      await navigator.clipboard.writeText(field.value);
      notify(state.refs, 'Copied.');
    } catch {
      notify(state.refs, 'Copy was not allowed here: the text is selected, copy it with your keyboard.');
    }
  },
  'export-json'() {
    const out = state.engine.validate(JSON.stringify(state.current));
    if (out.ok) download(`${slug(state.current.role.title)}.json`, `${JSON.stringify(out.assessment, null, 2)}\n`, 'application/json');
  },
  'export-csv'() {
    download(`${slug(state.current.role.title)}-tasks.csv`, tasksCsv(state.current), 'text/csv');
  },
  compare() {
    const saved = store.listAssessments();
    state.compare = [state.baseline ? 'baseline' : saved[0] ? `saved:${saved[0].id}` : 'current', 'current'];
    refreshCompare();
  },
  print() {
    window.print();
  },
  async embed() {
    await import('./embed.js'); // the widget itself, for the live preview
    const published = state.mode === 'published' && JSON.stringify(state.current) === JSON.stringify(state.baseline);
    showEmbedPanel(state.refs, {
      origin: location.origin + location.pathname.replace(/\/[^/]*$/, ''),
      role: published ? state.publishedId : null,
      state: published ? null : (await encodeLink(state.current)).slice(2),
      title: state.current.role.title,
    });
  },
  'close-panel'() {
    closePanel(state.refs);
    state.compare = null;
  },
};

function compareOptions() {
  const options = [];
  if (state.baseline) options.push({ key: 'baseline', label: `Published: ${state.baseline.role.title}`, assessment: state.baseline });
  options.push({ key: 'current', label: `This assessment: ${state.current.role.title}`, assessment: state.current });
  for (const r of store.listAssessments()) options.push({ key: `saved:${r.id}`, label: `Saved: ${r.name}`, assessment: r.assessment });
  return options;
}

function refreshCompare() {
  const options = compareOptions();
  const results = state.compare.map((key) => {
    const option = options.find((o) => o.key === key);
    const out = option && state.engine.score(option.assessment);
    return out?.ok ? out.result : null;
  });
  const focused = document.activeElement?.dataset?.compare;
  showComparePanel(state.refs, options, state.compare, results);
  if (focused) state.refs.panel.querySelector(`[data-compare="${focused}"]`)?.focus();
}

function onClick(event) {
  const button = event.target.closest('button[data-action]');
  const action = button && actions[button.dataset.action];
  if (action) Promise.resolve(action(button)).catch(fail);
}

async function importFile(file) {
  if (!file) return;
  if (file.size > MAX_IMPORT_BYTES) {
    notify(state.refs, `“${file.name}” is ${file.size} bytes; at most ${MAX_IMPORT_BYTES} bytes can be imported. Nothing changed.`, [], 'problem');
    return;
  }
  const out = state.engine.validate(await file.text());
  if (!out.ok) {
    notify(state.refs, `“${file.name}” was not imported; your current assessment is unchanged.`, out.errors, 'problem');
    return;
  }
  const base = findRole(state.catalog, out.assessment.id ?? '');
  openAssessment(out.assessment, { mode: 'own', publishedId: base?.id ?? null });
  if (base) await loadBaseline(base);
  notify(state.refs, `Imported “${file.name}”. Save it to keep it in this browser.`);
}

/** Loads a published role as the baseline that your own assessment is compared with. */
async function loadBaseline(entry) {
  const assessment = await fetchJson(`data/${entry.file}`);
  const out = state.engine.score(assessment);
  if (!out.ok) return;
  state.baseline = assessment;
  state.baselineResult = out.result;
  recompute();
}

function openAssessment(assessment, { mode = 'published', baseline = null, publishedId = null, saved = null } = {}) {
  const first = state.engine.score(assessment);
  if (!first.ok) {
    const detail = first.errors.slice(0, 3).map((e) => `${e.path}: ${e.message}`).join('; ');
    throw new Error(`This assessment is not valid: ${detail}`);
  }
  state.mode = mode;
  state.publishedId = publishedId;
  state.saved = saved;
  state.baseline = mode === 'published' ? structuredClone(assessment) : baseline;
  state.baselineResult = mode === 'published' ? first.result : baseline ? state.engine.score(baseline).result : null;
  state.current = structuredClone(assessment);
  state.locked = assessment.tasks.map(() => false);
  state.registry = new Map();
  state.result = null;
  state.compare = null;
  const origin = baseline ? `${baseline.role.title} (published)` : mode === 'own' ? 'a blank template' : '';
  const { page, refs } = buildPage({
    assessment, methodology: state.engine.methodology, registry: state.registry, published: state.baseline,
    own: mode === 'own', origin,
  });
  state.refs = refs;
  renderToolbar(refs, state);
  if (store.status.problem) notify(refs, store.status.problem, [], 'problem');
  buildTasks(refs, state.current, state.engine.methodology, state.registry, state.locked, mode === 'own');
  $('page').replaceChildren(page);
  updateShareLimits();
  recompute();
  // The first analyses are drawn with the page, so nothing moves under the reader afterwards.
  cancelAnimationFrame(insightFrame);
  updateInsight();
  const role = state.current.role;
  document.title = `${role.title}${role.seniority ? ` (${role.seniority})` : ''}: ${state.result.display.score} ${state.result.label} · jobzone`;
}

async function openRole(id, { push = false } = {}) {
  const entry = findRole(state.catalog, id);
  if (!entry) {
    showStatus(`No published role is called "${id}". Showing the default role instead.`, true);
    return openRole(state.catalog.default);
  }
  const assessment = await fetchJson(`data/${entry.file}`);
  openAssessment(assessment, { mode: 'published', publishedId: id });
  if (push) history.pushState({ role: id }, '', `?role=${encodeURIComponent(id)}`);
}

let draftTimer = 0;
function writeDraftNow() {
  clearTimeout(draftTimer);
  draftTimer = 0;
  if (state.current) store.writeDraft({ mode: state.mode, publishedId: state.publishedId, saved: state.saved, assessment: state.current });
}
function saveDraftSoon() {
  clearTimeout(draftTimer);
  draftTimer = setTimeout(writeDraftNow, 250);
}
// A reload, a closed tab or an app update must not lose the last edits.
addEventListener('pagehide', () => { if (draftTimer) writeDraftNow(); });

/** What to open: a share link, a deep link, the working draft, or the default role. */
async function openStart() {
  const params = new URLSearchParams(location.search);
  if (location.hash.startsWith('#a=')) {
    try {
      const value = await decodeLink(location.hash);
      const out = state.engine.validate(JSON.stringify(value));
      if (!out.ok) throw Object.assign(new Error('the assessment in it is not valid'), { errors: out.errors });
      const base = findRole(state.catalog, out.assessment.id ?? '');
      openAssessment(out.assessment, { mode: 'own', publishedId: base?.id ?? null });
      if (base) await loadBaseline(base);
      notify(state.refs, 'Opened from a share link. Save it to keep it in this browser.');
      return;
    } catch (error) {
      await openRole(params.get('role') ?? state.catalog.default);
      notify(state.refs, `This share link could not be opened: ${error.message}. Showing a published role instead.`, error.errors ?? [], 'problem');
      return;
    }
  }
  const draft = store.readDraft();
  const wanted = params.get('role');
  if (draft && draft.assessment && (!wanted || (draft.mode === 'published' && draft.publishedId === wanted))) {
    const out = state.engine.validate(JSON.stringify(draft.assessment));
    if (out.ok) {
      if (draft.mode === 'own') {
        const base = findRole(state.catalog, draft.publishedId ?? '');
        openAssessment(out.assessment, { mode: 'own', publishedId: base?.id ?? null, saved: draft.saved });
        if (base) await loadBaseline(base);
        return;
      }
      if (findRole(state.catalog, draft.publishedId)) {
        await openRole(draft.publishedId);
        edit((a) => Object.assign(a, out.assessment));
        return;
      }
    }
  }
  await openRole(wanted ?? state.catalog.default);
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
    window.addEventListener('hashchange', () => openStart().catch(fail));
    await openStart();
    page.hidden = false;
    $('footer').hidden = false;
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
startPwa();
