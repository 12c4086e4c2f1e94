// The calculator page: a published role or your own assessment, every input bound to the wasm
// scorer; saving, share links, export/import, compare and the printable report.
import { loadEngine } from './engine/engine.js';
import { loadCatalog, fetchRole, fetchJson, wirePicker } from './catalog/catalog.js';
import { buildTasks, renderErrors, missingParts } from './render/view.js';
import { syncControls, setAt } from './render/controls.js';
import { rebalance } from './tasks/time-shares.js';
import { openStore } from './saved/storage.js';
import { decodeLink } from './share/share-link.js';
import { startPwa } from './pwa.js';
import { plainLine, firstChars } from './lib/escape.js';
import { drawSkeleton, skeletonSteps, adoptPage, fingerprint } from './render/role-page.js';
import { renderToolbar, renderSaveStatus, notify, clearProblem, closePanel } from './render/own.js';
import { taskActions, isPlaceholderName } from './tasks/task-actions.js';
import { savedActions } from './saved/saved-actions.js';
import { outputActions } from './share/output-actions.js';
import { compareFeature } from './compare/compare.js';
import { refillRows, refreshHistoryChart } from './render/reasons.js';
import { siteUrl } from './lib/site.js';
import { insightWorker } from './engine/insight-client.js';
import { busyMark } from './engine/busy-mark.js';
import { createStore } from './state/store.js';
import { renderPage } from './render/page.js';
import { scoringInput } from './lib/card.js'; // the prose is validated when opened or edited

const $ = (id) => document.getElementById(id);

/** The one state holder (state/store.js): the app writes the document's and its own fields. */
const store = createStore();
const { state } = store;
const setDoc = store.writer('document');
const setApp = store.writer('app');

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


const marksBaseline = () => (state.mode === 'published' ? state.baseline : null);

/**
 * Scores the current assessment as it is and commits its result; on success renders it, otherwise
 * keeps the last valid state. `drawn`: the result of an adopted prerendered page, whose markup
 * already shows it.
 */
function recompute(drawn = null) {
  const previous = state.result;
  const out = store.rescore(() => (drawn ? { ok: true, result: drawn } : state.engine.score(scoringInput(state.current))));
  if (!out.ok) {
    renderErrors(state.refs, out.errors);
    return false;
  }
  committed(previous, { drawn: Boolean(drawn) });
  return true;
}

/**
 * What follows every committed change of the assessment or its result: the controls brought in
 * line (an adopted page's too: one may have moved before the takeover), the score drawn at once,
 * the rest in the next frame, the draft written soon.
 */
function committed(previous, { drawn = false } = {}) {
  renderPage(document, state.refs, pageModel(), { parts: drawn ? ['controls'] : ['controls', 'score'] });
  if (!drawn) renderErrors(state.refs, []);
  if (previous && (previous.display.score !== state.result.display.score || previous.label !== state.result.label)) {
    announce(state.result);
  }
  renderPending();
  updateSaveStatus();
  if (!drawn) scheduleFrame();
  saveDraftSoon();
}

/** What the page is drawn from (render/page.js): the same model the build's prerender draws. */
const pageModel = () => ({
  methodology: state.engine.methodology, assessment: state.current, result: state.result, insight: state.insight,
  published: state.baseline, publishedResult: state.baselineResult, startResult: state.startResult,
  registry: state.registry, marks: marksBaseline(),
});

/** Beside Save (own assessments only: a published role has no status, so nothing is compared). */
function updateSaveStatus() {
  if (state.refs.saveStatus) renderSaveStatus(state.refs, { saved: state.saved, dirty: isDirty(), persistent: state.store?.persistent ?? true });
}

/**
 * The tab's title: the role and its current score (a name edit or a slider move updates it). While
 * inputs move it is set once they rest (setting it costs 1-2 ms, too much for every frame).
 */
let titleTimer = 0;
function titleSoon() {
  clearTimeout(titleTimer);
  titleTimer = setTimeout(updateTitle, 200);
}
function updateTitle() {
  clearTimeout(titleTimer);
  const role = state.current.role;
  const figure = state.pending ? 'no score yet' : `${state.result.display.score} ${state.result.label}`;
  const title = plainLine(`${role.title}${role.seniority ? ` (${role.seniority})` : ''}: ${figure} · jobzone`);
  if (document.title !== title) document.title = title;
}

/**
 * Once per frame at most, after the score itself is drawn and before the frame is painted: the
 * rest of the page drawn from the result, then the analyses. A burst of inputs in one frame draws
 * these once.
 */
let insightFrame = 0;
function scheduleFrame() {
  cancelAnimationFrame(insightFrame);
  insightFrame = requestAnimationFrame(() => {
    if (!state.result || !state.refs) return;
    renderPage(document, state.refs, pageModel(), { parts: ['details'] });
    titleSoon();
    updateInsight();
  });
}

/**
 * Once per frame: the analyses, then everything drawn from {result, insight} (the zone bar once).
 * After the first drawing of a page they run on the insight worker, so moving a slider never
 * waits for them; until the answer comes, what they show is marked as updating (see markStale).
 */
function updateInsight({ here = false, quiet = false } = {}) {
  const input = scoringInput(state.current);
  if (!here && insightThread.available) {
    insightThread.request(input, state.revision);
    if (!quiet) markStale(true);
    return;
  }
  const out = state.engine.insight(input);
  if (out.ok) drawInsight(out.insight);
}

/** The revision of a page taken over from its markup, until its analyses come back. */
let adoptedRevision = null;
const insightThread = insightWorker((out, revision) => {
  if (!state.current || revision !== state.revision) return; // a newer edit asks again
  if (!out) return updateInsight({ here: true }); // the worker failed: this thread does it
  const drawn = revision === adoptedRevision;
  adoptedRevision = null;
  if (!out.ok) return;
  // Drawn in the next frame, with the rest of it (not between frames, where its layout would
  // fall on the next input). An adopted page already shows these: they are noted, not drawn again.
  cancelAnimationFrame(answerFrame);
  answerFrame = requestAnimationFrame(() => {
    if (revision === state.revision) drawInsight(out.insight, { drawn });
  });
});
let answerFrame = 0;

/**
 * The parts drawn from the analyses are marked while newer ones are computed, if that takes a
 * moment (a tenth of a second): an answer that comes sooner, as it does while a slider is dragged,
 * changes nothing on the page, so nothing flickers and nothing is restyled for every frame.
 */
const staleMark = busyMark(showStale, { after: 100 });
const markStale = (stale) => (stale ? staleMark.start() : staleMark.done());
function showStale(stale) {
  if (!state.refs) return;
  for (const el of [state.refs.tornado.closest('section'), state.refs.sure.closest('section'), state.refs.move.closest('section'), state.refs.strip.querySelector('.strip-range')]) {
    if (!el) continue;
    el.classList.toggle('stale', stale);
    if (stale) el.setAttribute('aria-busy', 'true');
    else el.removeAttribute('aria-busy');
  }
}

/**
 * Draws everything that comes from {result, insight} (the zone bar once). `drawn`: an adopted
 * page already shows it, and it is only noted.
 */
function drawInsight(insight, { drawn = false } = {}) {
  markStale(false);
  setDoc({ insight });
  renderPage(document, state.refs, pageModel(), { parts: ['insight'], noted: drawn });
  document.dispatchEvent(new CustomEvent('jobzone:insight', { detail: insight }));
}

/** The printable report is built when the page is about to print. */
function updateReport() {
  if (!state.refs || !state.result) return;
  if (!state.insight) {
    const out = state.engine.insight(scoringInput(state.current));
    if (out.ok) setDoc({ insight: out.insight });
  }
  renderPage(document, state.refs, { ...pageModel(), comparison: compare.shown() ?? guide?.comparison() ?? null }, { parts: ['report'] });
}
addEventListener('beforeprint', updateReport);

/** Applies one edit to a copy; commits it only if the core accepts it (the last valid state stays). */
function edit(mutate, { full = false } = {}) {
  const previous = state.result;
  const out = store.edit(mutate, (copy) => {
    // A text edit is checked in full (the slider path sends the core only what the score needs).
    if (full) {
      const check = state.engine.validate(JSON.stringify(copy));
      if (!check.ok) return check;
    }
    return state.engine.score(scoringInput(copy));
  });
  if (!out.ok) {
    renderErrors(state.refs, out.errors);
    syncControls(state.registry, state.current, marksBaseline());
    return false;
  }
  committed(previous);
  return true;
}

const parsePath = (key) => key.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/** Texts that must stay present (an empty one is reported, not dropped). */
const REQUIRED_TEXT = /^(role\.title|tasks\.\d+\.name|sources\.\d+\.title|history\.\d+\.(date|score))$/;

/**
 * Sets a text (or number, or list of lines) at `path`, creating the objects on the way; an
 * optional text left empty is removed, with any object it leaves empty, so the JSON stays clean.
 */
function setTextAt(a, path, raw, { lines = false, number = false } = {}) {
  let value = raw;
  if (lines) value = raw.split('\n').filter((line) => line.trim() !== '');
  else if (number && raw !== '') value = Number(raw);
  const empty = lines ? value.length === 0 : raw === '';
  const parents = [a];
  for (const key of path.slice(0, -1)) {
    const at = parents.at(-1);
    if (at[key] === undefined || at[key] === null) {
      if (empty) return; // nothing to remove
      at[key] = {};
    }
    parents.push(at[key]);
  }
  const last = path.at(-1);
  if (empty && !REQUIRED_TEXT.test(path.join('.'))) {
    delete parents.at(-1)[last];
    for (let i = parents.length - 1; i > 0; i--) {
      const obj = parents[i];
      if (Array.isArray(obj) || Object.keys(obj).length) break;
      delete parents[i - 1][path[i - 1]];
    }
  } else {
    parents.at(-1)[last] = value;
  }
}

function onInput(event) {
  const el = event.target;
  if (el.dataset?.compareFind !== undefined) return compare.find(el.value);
  if (el.dataset?.text) {
    setDoc({ mix: null });
    const path = parsePath(el.dataset.text);
    const ok = edit((a) => setTextAt(a, path, el.value, { lines: el.dataset.lines === 'true', number: el.dataset.number === 'true' }), { full: true });
    if (ok && path[0] === 'history') refreshHistoryChart(state.refs, state.current);
    el.setAttribute('aria-invalid', String(!ok));
    if (ok) clearProblem(state.refs);
    return;
  }
  const key = el.dataset?.path;
  if (!key) return;
  const path = parsePath(key);
  const value = el.type === 'range' ? Number(el.value) : el.value;
  const isShare = path[0] === 'tasks' && path[2] === 'time_pct';
  if (isShare && el.getAttribute('aria-disabled') === 'true') {
    syncControls(state.registry, state.current, marksBaseline()); // a share every other lock holds: it stays
    return;
  }
  if (!isShare || state.mix?.index !== path[1]) setDoc({ mix: null });
  // The other tasks' mix when this slider started moving: time it releases goes back in that
  // proportion, even after a move to the end took every other share to 0.
  if (isShare && !state.mix) setDoc({ mix: { index: path[1], weights: state.current.tasks.map((t) => t.time_pct) } });
  const ok = edit((a) => {
    if (isShare) {
      const shares = a.tasks.map((t) => t.time_pct);
      rebalance(shares, state.locked, path[1], value, state.mix.weights).forEach((v, i) => { a.tasks[i].time_pct = v; });
    } else {
      setAt(a, path, value);
    }
  });
  if (ok) clearProblem(state.refs);
}

function onChange(event) {
  const el = event.target;
  if (el.dataset?.lock !== undefined) {
    const locked = state.locked.slice();
    locked[Number(el.dataset.lock)] = el.checked;
    setDoc({ locked, mix: null });
    updateShareLimits();
  } else if (el.dataset?.action === 'import') {
    importFile(el.files?.[0]);
    el.value = '';
  } else if (el.dataset?.compare) {
    compare.choose(el.dataset.compare, el.value);
  } else if (el.dataset?.choice === 'reinstatement.new_tasks') {
    edit((a) => {
      if (el.value === 'unanswered') setTextAt(a, ['reinstatement', 'new_tasks'], '');
      else {
        a.reinstatement ??= {};
        a.reinstatement.new_tasks = el.value === 'yes';
      }
    }, { full: true });
  } else if (el.dataset?.confidence) {
    // The default level is stored as nothing, so the JSON only says what the visitor changed.
    const conf = state.engine.methodology.insight.confidence;
    edit((a) => setTextAt(a, parsePath(el.dataset.confidence), el.value === conf.default ? '' : el.value), { full: true });
  } else if (el.dataset?.flag) {
    edit((a) => { if (el.checked) a[el.dataset.flag] = true; else delete a[el.dataset.flag]; }, { full: true });
  }
}

/**
 * A share cannot move while every other task is locked: its slider says so (aria-disabled and a
 * visible note) but stays in the tab order, so keyboard and screen-reader users learn why.
 */
function updateShareLimits() {
  state.current.tasks.forEach((_, i) => {
    const free = state.current.tasks.some((__, j) => j !== i && !state.locked[j]);
    const c = state.registry.get(`tasks.${i}.time_pct`);
    if (!c) return;
    c.input.setAttribute('aria-disabled', String(!free));
    c.row.classList.toggle('held', !free);
    let note = c.row.querySelector('.held-note');
    if (!free && !note) {
      note = document.createElement('span');
      note.className = 'held-note';
      note.id = `${c.input.id}-held`;
      note.textContent = 'Held: every other task is locked. Unlock one to move this share.';
      c.row.append(note);
      c.input.setAttribute('aria-describedby', `${c.input.id}-was ${note.id}`);
    } else if (free && note) {
      note.remove();
      c.input.setAttribute('aria-describedby', `${c.input.id}-was`);
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
  setDoc({ mix: null });
  const locked = state.locked.slice();
  const check = store.edit((a) => mutate(a, locked), (copy) => state.engine.score(scoringInput(copy)));
  if (!check.ok) {
    notify(state.refs, 'That change could not be made.', check.errors, 'problem');
    return;
  }
  setDoc({ locked });
  rebuildTasks(focusSelector);
}

/** A blank assessment of the role the visitor searched for (no published role needed). */
async function assessYourself(title) {
  const template = await fetchJson('data/template.json');
  template.role.title = firstChars(plainLine(title), state.engine.methodology.limits.max_name_chars) || template.role.title;
  await replaceWork(() => openAssessment(template, { mode: 'own', from: 'your search', pending: true }),
    `Your own assessment of “${template.role.title}”, step by step. Nothing you enter leaves this browser.`);
  await startGuide({ step: 'role' });
}

/** The guided path (guide.js, loaded on first use) over the assessment on the page. */
let guide = null;
async function startGuide(options) {
  guide ??= (await import('./guide/guide.js')).guideFeature(featureApp('guide'));
  await guide.open(options);
}

/** A blank start shows its first score once a task has a name of its own and is confirmed. */
function confirmPending() {
  if (!state.pending) return;
  setDoc({ pending: false });
  renderPending();
  recompute();
  announce(state.result);
}

/** A panel under the toolbar is shown ('saved', 'compare', 'share', 'embed'). */
const showPanel = (name) => setApp({ panel: name });

/** The work on the page is saved as `saved` ({id, name, rev}, or null), and `clean` is what that record holds. */
const setSavedAs = (saved, clean) => setDoc({ saved, clean });

/** Back to the published figures (the work it replaces was set aside by replaceWork). */
function resetToBaseline() {
  setDoc({ current: structuredClone(state.baseline), locked: state.baseline.tasks.map(() => false), mix: null });
  rebuildTasks();
  announce(state.result);
}

/**
 * What a feature gets: the state to read, the app's commands, and `set`, the writer of its own
 * fields only (state/store.js OWNERS). No feature writes another's state; the app does not call
 * features back on changes: they subscribe.
 */
const shared = {
  state, subscribe: store.subscribe, edit, structural, rebuildTasks, announce, replaceWork, openAssessment, loadBaseline,
  publishedBase, restoreWork, writeDraftNow, saveDraftSoon, showStorageProblem, setTextAt, confirmPending, showPanel,
  setSavedAs, resetToBaseline,
  renderToolbar: () => {
    renderToolbar(state.refs, state);
    updateSaveStatus();
  },
};
const featureApp = (owner) => Object.freeze({ ...shared, set: owner ? store.writer(owner) : null });
const compare = compareFeature(featureApp('compare'));
const saved = savedActions(featureApp('saved'));
const actions = {
  ...taskActions(featureApp(null)),
  ...saved.actions,
  ...outputActions(featureApp(null)),
  ...compare.actions,
  /** "Is this your job?": your copy of the published role, then the guide, asking what differs. */
  async 'adjust-guided'() {
    openAssessment(state.current, { mode: 'own', baseline: state.baseline, publishedId: state.publishedId, clean: state.clean });
    await startGuide({ step: 'tasks', from: 'published' });
  },
  /** The guided path for a job of your own, from a blank template. */
  async 'guide-new'() {
    const template = await fetchJson('data/template.json');
    if (await replaceWork(() => openAssessment(template, { mode: 'own', pending: true }), 'Your own job, step by step. Nothing you enter leaves this browser.')) {
      await startGuide({ step: 'role' });
    }
  },
  /** The guided path over the assessment on the page (own mode). */
  async guide() {
    await startGuide({ step: 'role' });
  },
  'make-own'() {
    // Edits made before this stay unsaved work: the copy is as clean as the page was.
    openAssessment(state.current, { mode: 'own', baseline: state.baseline, publishedId: state.publishedId, clean: state.clean });
    notify(state.refs, 'This is now your own copy: rename it, change its tasks, then save it to this browser.');
    document.querySelector('[data-text="role.title"]')?.focus();
  },
  async 'new-blank'() {
    const template = await fetchJson('data/template.json');
    await replaceWork(() => openAssessment(template, { mode: 'own', pending: true }),
      'A blank assessment: name your role, describe your tasks, set each input.');
    document.querySelector('[data-text="role.title"]')?.focus();
  },
  /** A source or a score change added to, or removed from, its list (own assessment). */
  'add-row'(button) {
    const list = button.dataset.list;
    const ok = edit((a) => {
      a[list] ??= [];
      if (list === 'sources') a.sources.push({ title: `Source ${a.sources.length + 1}` });
      else a.history.push({ date: new Date().toISOString().slice(0, 10), score: Math.round(state.result.score * 10) / 10, label: state.result.label });
    }, { full: true });
    if (ok) {
      refillRows(state.refs, { assessment: state.current, methodology: state.engine.methodology, list });
      state.refs.reasons[list === 'sources' ? 'sources' : 'tracking'].querySelector('.row-edit:last-child input')?.focus();
    }
  },
  'remove-row'(button) {
    const { list, index } = button.dataset;
    const ok = edit((a) => {
      a[list].splice(Number(index), 1);
      if (a[list].length === 0) delete a[list];
    }, { full: true });
    if (ok) {
      refillRows(state.refs, { assessment: state.current, methodology: state.engine.methodology, list });
      state.refs.reasons[list === 'sources' ? 'sources' : 'tracking'].querySelector('[data-action=add-row]')?.focus();
    }
  },
  /** A blank start shows its first score once a task has a name of its own and is confirmed. */
  'confirm-task'(button) {
    const task = state.current.tasks[Number(button.dataset.index)];
    if (!task || isPlaceholderName(task.name)) {
      notify(state.refs, 'Give this task a name of its own first: what do you actually do?', [], 'problem');
      state.refs.tasks.querySelector(`[data-text="tasks.${button.dataset.index}.name"]`)?.focus();
      return;
    }
    confirmPending();
    notify(state.refs, `Your first score: ${state.result.display.score}, ${state.result.label}. Every change you make now moves it.`);
    state.refs.bigScore.closest('.card').scrollIntoView({ block: 'nearest' });
  },
  'close-panel'() {
    closePanel(state.refs);
    setApp({ panel: null });
  },
};

function onClick(event) {
  const button = event.target.closest('button[data-action]');
  const action = button && actions[button.dataset.action];
  if (action) Promise.resolve(action(button)).catch(fail);
}

async function importFile(file) {
  if (!file) return;
  const maxBytes = state.engine.methodology.limits.max_input_bytes;
  if (file.size > maxBytes) {
    notify(state.refs, `“${file.name}” is ${file.size} bytes; at most ${maxBytes} bytes can be imported. Nothing changed.`, [], 'problem');
    return;
  }
  let text;
  try {
    // Strict: bytes that are not UTF-8 are refused, not silently replaced with U+FFFD.
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    notify(state.refs, `“${file.name}” was not imported; your current assessment is unchanged.`,
      [{ path: '(root)', message: 'the file is not UTF-8 text (an assessment is a UTF-8 JSON file)' }], 'problem');
    return;
  }
  const out = state.engine.validate(text);
  if (!out.ok) {
    notify(state.refs, `“${file.name}” was not imported; your current assessment is unchanged.`, out.errors, 'problem');
    return;
  }
  const base = await publishedBase(out.assessment.id);
  await replaceWork(() => openAssessment(out.assessment, { mode: 'own', publishedId: base?.id ?? null, from: `the file “${file.name}”` }),
    `Imported “${file.name}”. Save it to keep it in this browser.`);
  if (base) loadBaseline(base);
}

/** The published role with this id ({id, assessment}), or null when there is none. */
async function publishedBase(id) {
  const assessment = await fetchRole(id).catch(() => null);
  return assessment ? { id, assessment } : null;
}

/** Sets a published role ({id, assessment}) as the baseline that your own assessment is compared with. */
function loadBaseline({ assessment }) {
  const out = state.engine.score(assessment);
  if (!out.ok) return;
  setDoc({ baseline: assessment, baselineResult: out.result });
  recompute();
}

/**
 * Opens an assessment: draws its page (or takes over the prerendered one) and scores it.
 * `prepared`: {first, skeleton, registry, text} made ahead in tasks of their own (takeoverParts).
 */
function openAssessment(assessment, { mode = 'published', baseline = null, publishedId = null, saved = null, clean = null, from = null, pending = false, prepared = null } = {}) {
  const first = prepared?.first ?? state.engine.score(assessment);
  if (!first.ok) {
    const detail = first.errors.slice(0, 3).map((e) => `${e.path}: ${e.message}`).join('; ');
    throw new Error(`This assessment is not valid: ${detail}`);
  }
  const text = prepared?.text ?? JSON.stringify(assessment);
  // (Features that keep state of their own hear of the new assessment by `opened`: the compare
  // panel and the guided path close.)
  setApp({ registry: prepared?.registry ?? new Map(), panel: null });
  setDoc({
    mode, publishedId, saved, pending,
    baseline: mode === 'published' ? structuredClone(assessment) : baseline,
    baselineResult: mode === 'published' ? first.result : baseline ? state.engine.score(baseline).result : null,
    current: structuredClone(assessment), startResult: first.result, clean: clean ?? text, insight: null,
    locked: assessment.tasks.map(() => false), result: null, opened: state.opened + 1,
  });
  const origin = from ?? (baseline ? `${baseline.role.title} (published)` : mode === 'own' ? 'a blank template' : '');
  const skeleton = prepared?.skeleton ?? drawSkeleton({
    assessment, methodology: state.engine.methodology, registry: state.registry, published: state.baseline,
    own: mode === 'own', origin, locked: state.locked, source: fingerprint(text),
  });
  // A prerendered role page is taken over as it is (the first page opened, for the very assessment
  // it shows; takeoverParts paired it): nothing is drawn again, so nothing moves and the reader's
  // place and focus stay.
  const adopted = state.refs ? null : prepared?.adopted ?? null;
  // What the reader moved on the prerendered page before the app had it (the controls work
  // natively from the first paint): read now, before the controls are brought in line with the
  // assessment, and replayed below as the reader's own input, so nothing typed early is lost.
  const early = adopted ? movedBeforeTakeover($('page')) : [];
  if (adopted) {
    setApp({ refs: adopted.refs, registry: adopted.registry });
    performance.mark('jobzone:adopted'); // (the tests and the bench read it)
  } else {
    setApp({ refs: skeleton.refs });
    const focused = focusKey(document.activeElement);
    $('page').replaceChildren(...skeleton.parts);
    if (focused) $('page').querySelector(focused)?.focus({ preventScroll: true });
  }
  watchStrip(state.refs);
  updateShareLimits();
  recompute(adopted ? first.result : null);
  cancelAnimationFrame(insightFrame);
  // A new page is drawn whole, with its first analyses, so nothing moves under the reader
  // afterwards; an adopted page already shows them all, and the worker checks them when it can.
  if (adopted) {
    // What the markup shows is noted, not drawn again.
    renderPage(document, state.refs, pageModel(), { parts: ['score', 'details'], noted: true });
    adoptedRevision = state.revision;
    updateInsight({ quiet: true });
  }
  else if (!prepared?.later) {
    renderPage(document, state.refs, pageModel(), { parts: ['details'] });
    updateInsight({ here: true });
  }
  updateTitle();
  replayEarlyInput(early);
}

/**
 * The form controls in `root` whose state differs from their markup's (the reader moved them
 * before the app took the page over): [{el, value, checked}].
 */
function movedBeforeTakeover(root) {
  const moved = [];
  for (const el of root.querySelectorAll('input, select, textarea')) {
    if (el.type === 'file') continue;
    let changed;
    if (el.type === 'checkbox' || el.type === 'radio') changed = el.checked !== el.defaultChecked;
    else if (el.tagName === 'SELECT') {
      const initial = Math.max(0, [...el.options].findIndex((o) => o.defaultSelected));
      changed = el.selectedIndex !== initial;
    } else changed = el.value !== el.defaultValue;
    if (changed) moved.push({ el, value: el.value, checked: el.checked });
  }
  return moved;
}

/** Gives the app each early move, as if made now: the control's value, then its input and change events. */
function replayEarlyInput(moves) {
  for (const { el, value, checked } of moves) {
    if (!el.isConnected) continue;
    if (el.type === 'checkbox' || el.type === 'radio') el.checked = checked;
    else el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }
}

/** A selector that finds the focused control again in a page drawn anew (or null). */
function focusKey(el) {
  if (!el || !$('page').contains(el)) return null;
  for (const name of ['data-path', 'data-text', 'data-action', 'data-confidence']) {
    const value = el.getAttribute(name);
    if (value) return `${el.localName}[${name}="${CSS.escape(value)}"]`;
  }
  return null;
}

/** While a blank start is pending, the page hides every figure and says what is still missing. */
function renderPending() {
  const page = state.refs.tasks.closest('.role-page');
  page.classList.toggle('pending', state.pending);
  state.refs.missing.hidden = !state.pending;
  if (!state.pending) return;
  const named = state.current.tasks.filter((t) => !isPlaceholderName(t.name)).length;
  state.refs.missing.replaceChildren(...missingParts({ named, heading: 'h3', next: 'Set its share of your week and how far AI could do it, then press “Confirm this task”.' }));
}

/** The score strip shows while the score card is out of view (not while it can be seen). */
let stripObserver = null;
function watchStrip(refs) {
  stripObserver?.disconnect();
  if (typeof IntersectionObserver !== 'function') return;
  const card = refs.bigScore.closest('.card');
  stripObserver = new IntersectionObserver(([entry]) => {
    // (A card with no height is not out of view but not shown yet: the start page while it is drawn.)
    refs.strip.classList.toggle('shown', !entry.isIntersecting && entry.boundingClientRect.height > 0);
  });
  stripObserver.observe(card);
}

/**
 * Every navigation (boot, a share link, search, Back) takes a ticket; after each await it checks
 * that no later navigation started, so a slow one can never replace what a newer one opened.
 */
let navigation = 0;
/** Where the page is, without the fragment: Back and Forward compare it with the role on show. */
const here = () => location.pathname + location.search;
let shownSearch = here();
/** The role this page shows: ?role=, or a prerendered role page's own (roles/<id>/). */
const roleHere = () => new URLSearchParams(location.search).get('role') ?? document.querySelector('meta[name="jobzone-role"]')?.content ?? null;
const ticket = () => {
  const mine = ++navigation;
  return () => mine === navigation;
};

/** An id from a link, as a message names it (a link may carry anything, of any length). */
const named = (id) => (String(id).length > 80 ? `${String(id).slice(0, 80)}…` : String(id));

/**
 * A task boundary: what comes after runs in a new task, so the reader's input can come first
 * (scheduler.yield where there is one; else a message, which, unlike a timer, is never delayed).
 */
const taskChannel = new MessageChannel();
const waiting = [];
taskChannel.port1.onmessage = () => waiting.shift()?.();
const nextTask = () => (globalThis.scheduler?.yield ? globalThis.scheduler.yield()
  : new Promise((resolve) => { waiting.push(resolve); taskChannel.port2.postMessage(0); }));

/**
 * The costly parts of taking over a prerendered page (the first score, the skeleton in two steps,
 * its pairing with the markup), each in a task of its own, so that no long task holds up the
 * reader. `later`: the page is out of sight (nothing to pair with yet).
 */
async function takeoverParts(assessment, { later = false } = {}) {
  await nextTask();
  const first = state.engine.score(assessment);
  if (!first.ok) return null;
  await nextTask();
  const text = JSON.stringify(assessment);
  const registry = new Map();
  const steps = skeletonSteps({ assessment, methodology: state.engine.methodology, registry, published: assessment, source: fingerprint(text) });
  let step = steps.next();
  while (!step.done) {
    await nextTask();
    step = steps.next();
  }
  const skeleton = step.value;
  await nextTask();
  // Paired here, in a task of its own; openAssessment takes the answer (null: drawn anew).
  const adopted = later || state.refs ? null : adoptPage($('page'), skeleton, registry);
  if (!later) await nextTask();
  return { first, skeleton, registry, text, later, adopted };
}

async function openRole(id, { push = false, current = ticket() } = {}) {
  let assessment;
  try {
    assessment = await fetchRole(id);
  } catch (error) {
    // Offline, a role never opened on this device (its file is not kept here): the default role,
    // which is always kept, with a plain word of why.
    if (id === state.catalog.default || !current()) throw error;
    showStatus(`“${named(id)}” could not be loaded${navigator.onLine ? '' : ': this device is offline, and that role was not opened here before, so it is not saved for offline use'}. Showing the default role instead; try again when you are online.`, true);
    return openRole(state.catalog.default, { current });
  }
  if (!current()) return false;
  if (!assessment) {
    if (id === state.catalog.default) throw new Error('this site\'s default role is missing');
    showStatus(`No published role is called "${named(id)}". Showing the default role instead.`, true);
    return openRole(state.catalog.default, { current });
  }
  // The first page opened: over prerendered markup, or while the page is out of sight (boot shows
  // it when all is drawn), its costly parts run in tasks of their own.
  const hidden = $('page').hidden || document.documentElement.classList.contains('elsewhere'); // (start.js)
  const prepared = !state.refs && ($('page').childElementCount > 0 || hidden) ? await takeoverParts(assessment, { later: hidden }) : null;
  if (!current()) return false;
  openAssessment(assessment, { mode: 'published', publishedId: id, prepared });
  if (prepared?.later) {
    await nextTask();
    if (!current()) return false;
    renderPage(document, state.refs, pageModel(), { parts: ['details'] });
    await nextTask();
    if (!current()) return false;
    updateInsight({ here: true });
  }
  if (push) {
    history.pushState({ role: id }, '', siteUrl(`?role=${encodeURIComponent(id)}`).href);
    shownSearch = here();
  }
  return true;
}

/** What this tab is working on, as kept in its draft. */
const workOf = () => ({
  mode: state.mode, publishedId: state.publishedId, saved: state.saved, assessment: state.current, clean: state.clean,
  ...(state.pending ? { pending: true } : {}),
  ...(state.guide ? { guide: state.guide } : {}),
});
const isDirty = () => Boolean(state.current) && JSON.stringify(state.current) !== state.clean;

/** Opens a draft's work: an own assessment as it was, or a published role with its edits. */
async function restoreWork(work, current = () => true) {
  const out = state.engine.validate(JSON.stringify(work.assessment));
  if (!out.ok) throw Object.assign(new Error('the unsaved work is not a valid assessment'), { errors: out.errors });
  const clean = typeof work.clean === 'string' ? work.clean : null;
  const base = await publishedBase(work.publishedId);
  if (work.mode === 'published' && base) {
    if (!(await openRole(work.publishedId, { current }))) return false;
    if (clean !== null) setDoc({ clean });
    edit((a) => Object.assign(a, out.assessment));
    return true;
  }
  openAssessment(out.assessment, { mode: 'own', publishedId: base?.id ?? null, saved: work.saved ?? null, clean, pending: work.pending === true });
  if (base) loadBaseline(base);
  // The guided path resumes at the step it was on (its heading is not focused on a reload).
  if (work.guide && typeof work.guide === 'object') await startGuide({ ...work.guide, focus: false });
  return true;
}

/**
 * Replaces the work on the page with open(). Unsaved work is first set aside as a draft of its
 * own, and the notice offers Undo; if it cannot be set aside (storage refused), the user is asked.
 * `fromDraft`: the draft being opened, which becomes this tab's draft. Returns false when nothing
 * was opened.
 */
async function replaceWork(open, message = '', fromDraft = null) {
  let asideId = null;
  const hadTitle = state.current?.role.title;
  if (isDirty()) {
    try {
      asideId = await state.store.setAside(workOf());
    } catch {
      showStorageProblem();
      if (!window.confirm('Your unsaved changes could not be kept aside (this browser will not store them). Replace them anyway? Cancel, then Export JSON, to keep a copy.')) return false;
    }
  }
  const opened = await open();
  if (opened === false) return false;
  const aside = asideId ? ` Your unsaved “${hadTitle}” was set aside (My assessments, Unsaved work).` : '';
  if (message || aside) {
    notify(state.refs, `${message}${aside}`.trim(), [], 'info', asideId ? { label: 'Undo', action: 'draft-open', id: asideId } : null);
  }
  await writeDraftNow(fromDraft);
  if (asideId) saved.refreshSaved();
  return true;
}

/** Shows, or clears, the banner that says work is not being stored. */
function showStorageProblem() {
  const banner = $('storage-alert');
  const problem = state.store?.problem ?? '';
  banner.hidden = !problem;
  $('storage-alert-text').textContent = problem;
}

let draftTimer = 0;
/** Writes this tab's draft now; `fromDraft` (a draft id) is moved into it in the same transaction. */
function writeDraftNow(fromDraft = null) {
  clearTimeout(draftTimer);
  draftTimer = 0;
  if (!state.current || !state.store || state.store.readOnly) return Promise.resolve();
  return state.store.writeTabDraft(workOf(), isDirty(), fromDraft).then(showStorageProblem, showStorageProblem);
}
function saveDraftSoon() {
  clearTimeout(draftTimer);
  draftTimer = setTimeout(writeDraftNow, 250);
}
// A reload, a closed tab or an app update must not lose the last edits.
addEventListener('pagehide', () => { if (draftTimer) writeDraftNow(); });
document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden' && draftTimer) writeDraftNow(); });

/** What to open: a share link, a deep link, this tab's draft, or the default role. */
async function openStart() {
  const current = ticket();
  // This tab's draft from before a reload (or the first release's draft, once, after the update).
  const draft = state.current ? null : await state.store.readTabDraft().catch(() => null);
  if (!current()) return;
  /** Opening something else in a fresh page: the tab's unsaved draft is kept aside first. */
  const keepDraftAside = async () => {
    if (draft?.dirty) await state.store.setAside(draft.work).catch(showStorageProblem);
  };
  if (location.hash.startsWith('#a=')) {
    try {
      const { max_input_bytes: maxBytes, max_depth: maxDepth } = state.engine.methodology.limits;
      const value = await decodeLink(location.hash, { maxBytes, maxDepth });
      const out = state.engine.validate(JSON.stringify(value));
      if (!out.ok) throw Object.assign(new Error('the assessment in it is not valid'), { errors: out.errors });
      if (!current()) return;
      await keepDraftAside();
      const base = await publishedBase(out.assessment.id);
      await replaceWork(async () => {
        openAssessment(out.assessment, { mode: 'own', publishedId: base?.id ?? null, from: 'a share link' });
        // The assessment now lives in this tab's draft: a reload shows the edits, not the link again.
        history.replaceState(history.state, '', location.pathname + location.search);
        if (base) loadBaseline(base);
      }, 'Opened from a share link. Save it to keep it in this browser.');
      return;
    } catch (error) {
      if (!current()) return;
      history.replaceState(history.state, '', location.pathname + location.search);
      const had = Boolean(state.current);
      if (!state.current) {
        if (draft?.work?.assessment) await restoreWork(draft.work, current).catch(() => openRole(roleHere() ?? state.catalog.default, { current }));
        else await openRole(roleHere() ?? state.catalog.default, { current });
      }
      notify(state.refs, `This share link could not be opened: ${error.message}. ${had ? 'Nothing on this page changed.' : 'Showing a published role instead.'}`, error.errors ?? [], 'problem');
      return;
    }
  }
  const wanted = roleHere();
  const work = draft?.work;
  if (work?.assessment && (!wanted || (work.mode === 'published' && work.publishedId === wanted))) {
    try {
      if (await restoreWork(work, current)) return;
    } catch {
      // Unreadable draft: it stays stored (listed under Unsaved work once this tab moves on).
    }
    if (!current()) return;
  } else {
    await keepDraftAside(); // a deep link to another role, over unsaved work in this tab
  }
  await openRole(wanted ?? state.catalog.default, { current });
}

/**
 * Checks an empty document (the core reads its methodology then), checks the smallest assessment
 * the method allows, then scores it, and throws the answers away: the browser compiles the
 * module's code on its first use, and this way that happens in three short tasks of its own rather
 * than in the first score a reader waits for.
 */
async function warmUp(engine) {
  const { inputs: i } = engine.methodology;
  const each = (scale, value) => Object.fromEntries(scale.dimensions.map((d) => [d.key, value]));
  const tiny = {
    format: 'jobzone-assessment/1', role: { title: 'warm-up' },
    tasks: [{ name: 'warm-up', time_pct: i.time_pct.total, score: i.task_score.min, impact: i.impacts[0].key, rationale: 'warm-up' }],
    evidence: each(i.evidence, 0), barriers: each(i.barriers, i.barriers.min), protective: each(i.protective, i.protective.min),
    ai_growth_correlation: 0, summary: 'warm-up',
  };
  engine.validate('{}');
  await nextTask();
  engine.validate(JSON.stringify(tiny));
  await nextTask();
  engine.score(tiny);
}

/**
 * Resolves once the page has painted its content (the browser's first-contentful-paint entry; a
 * frame and a task where that is not reported), or at the reader's first touch or key.
 */
function afterFirstPaint() {
  return new Promise((resolve) => {
    const done = () => setTimeout(resolve, 0);
    if (performance.getEntriesByName('first-contentful-paint').length) return done();
    if (PerformanceObserver.supportedEntryTypes?.includes('paint')) {
      new PerformanceObserver((list, observer) => {
        if (list.getEntriesByName('first-contentful-paint').length) {
          observer.disconnect();
          done();
        }
      }).observe({ type: 'paint', buffered: true });
      setTimeout(resolve, 3000); // never later than this
    } else {
      requestAnimationFrame(() => setTimeout(resolve, 0));
    }
    for (const type of ['pointerdown', 'keydown', 'focusin']) addEventListener(type, resolve, { once: true, capture: true });
  });
}

async function boot() {
  const main = $('main');
  try {
    // A prerendered role page is read first: the wasm is fetched once it has painted (or at the
    // reader's first touch), so the first paint never waits on it.
    // The module's code is compiled on first use: a warm-up score does that in a task of its own.
    const warm = async (engine) => { await nextTask(); await warmUp(engine); return engine; };
    const engineLoad = ($('page').childElementCount > 0 ? afterFirstPaint().then(loadEngine) : loadEngine()).then(warm);
    const [engine, catalog, savedWork] = await Promise.all([engineLoad, loadCatalog(), openStore({ onChange: (message) => saved.onStoreChange(message) })]);
    setApp({ engine, catalog, store: savedWork });
    await saved.refreshSaved();
    await savedWork.unsaved().catch(() => []); // (also finds drafts this version cannot use)
    $('storage-alert').addEventListener('click', onClick);
    showStatus('');
    const page = $('page');
    page.addEventListener('input', onInput);
    page.addEventListener('change', onChange);
    page.addEventListener('click', onClick);
    wirePicker({
      input: $('role-search'), list: $('role-results'), count: $('role-count'),
      onPick: (id) => replaceWork(() => openRole(id, { push: true })).catch(fail),
      onAssess: (title) => assessYourself(title).catch(fail),
    });
    // Back and Forward between roles picked in search. A fragment change fires popstate too (a
    // share link pasted into the address bar): that is hashchange's to handle, not a role change.
    window.addEventListener('popstate', () => {
      if (here() === shownSearch) return;
      shownSearch = here();
      replaceWork(() => openRole(roleHere() ?? catalog.default)).catch(fail);
    });
    // A share link pasted into this tab's address bar: the same document, a new fragment.
    window.addEventListener('hashchange', () => { if (location.hash.startsWith('#a=')) openStart().catch(fail); });
    await openStart();
    showStorageProblem();
    const unreadable = [...savedWork.notes, ...[...savedWork.unreadable.values()].map((u) => `${u.source}: ${u.reason}`)];
    if (unreadable.length) {
      notify(state.refs, 'Some saved data could not be read by this version of jobzone. It is kept exactly as it was: open My assessments to download it.',
        unreadable.map((n) => ({ path: 'kept', message: n })), 'problem');
    }
    page.hidden = false;
    $('footer').hidden = false;
    performance.mark('jobzone:ready'); // the calculator has the page (scripts/bench reads it)
    // The insight worker starts while nothing else is going on, so the first move does not wait for it.
    (window.requestIdleCallback ?? ((f) => setTimeout(f, 1000)))(() => insightThread.warm(), { timeout: 3000 });
  } catch (error) {
    fail(error);
  } finally {
    main.setAttribute('aria-busy', 'false');
    document.documentElement.classList.remove('elsewhere'); // start.js: what was asked for is drawn (or the error said)
  }
}

function fail(error) {
  console.warn(error);
  // The module is plain WebAssembly 1.0 (the core is built without exceptions): only a browser
  // without WebAssembly, or with it turned off, fails here.
  const message = `${error?.name} ${error?.message}`;
  const noWasm = typeof WebAssembly !== 'object' || (/CompileError/.test(message) && !/Refused|unsafe-eval|Content Security/i.test(message));
  showStatus(noWasm
    ? 'This browser cannot run the jobzone calculator: it needs WebAssembly, which is missing or turned off here (it is in Chrome or Edge 98, Firefox 94, Safari 15.4 and newer, unless a security setting turns it off).'
    : `jobzone could not start: ${error.message}. Reload to try again.`, true);
}

boot();
startPwa();
