// The calculator page: a published role or your own assessment, every input bound to the wasm
// scorer; saving, share links, export/import, compare and the printable report.
import { rememberFolds } from './render/folds.js';
import { loadCatalog, fetchJson, wirePicker } from './catalog/catalog.js';
import { wireFront } from './app/front.js';
import { renderErrors } from './render/insight-view.js';
import { openStore } from './saved/storage.js';
import { startPwa } from './pwa.js';
import { plainLine, firstChars } from './lib/escape.js';
import { renderToolbar, renderSaveStatus, notify, closePanel } from './render/own.js';
import { taskActions, isPlaceholderName } from './tasks/task-actions.js';
import { savedActions } from './saved/saved-actions.js';
import { outputActions } from './share/output-actions.js';
import { compareFeature } from './compare/compare.js';
import { refillRows } from './render/reasons.js';
import { createStore } from './state/store.js';
import { renderPage } from './render/page.js';
import { analysesPart } from './app/analyses.js';
import { startPageEngine } from './app/engine-start.js';
import { inputPart } from './app/input.js';
import { openPart } from './app/open.js';
import { navigationPart } from './app/navigation.js';
import { $ } from './app/context.js';
import { siteUrl } from './lib/site.js';
import { scoringInput } from './lib/card.js'; // the prose is validated when opened or edited
import { TITLE_NOTE, outgoingKind } from './lib/kind.js';
import { setHidden } from './render/parts.js';

/** The one state holder (state/store.js): the app writes the document's and its own fields. */
const store = createStore();
const { state } = store;
const setDoc = store.writer('document');
const setApp = store.writer('app');

/**
 * The app's context for its parts (app/*.js): the store, and the functions of every part,
 * late-bound (a part calls another's through ctx, so their order of creation does not matter).
 */
const ctx = { state, store, setDoc, setApp, compare: null, saved: null, guide: null };

function showStatus(message, isError = false) {
  const status = $('status');
  setHidden(status, !message);
  if (status.firstChild) status.replaceChildren();
  if (message) {
    const p = document.createElement('p');
    p.className = isError ? 'problem' : 'loading';
    p.textContent = message;
    status.append(p);
  }
}

/** @type {ReturnType<typeof setTimeout> | undefined} */
let announceTimer;
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
/** @type {ReturnType<typeof setTimeout> | undefined} */
let titleTimer;
function titleSoon() {
  clearTimeout(titleTimer);
  titleTimer = setTimeout(updateTitle, 200);
}
function updateTitle() {
  clearTimeout(titleTimer);
  const role = state.current.role;
  const figure = state.pending ? 'no score yet' : `${state.result.display.score} ${state.result.label}`;
  const note = state.pending ? '' : TITLE_NOTE[outgoingKind(state) ?? 'published'];
  const title = plainLine(`${role.title}${role.seniority ? ` (${role.seniority})` : ''}: ${figure}${note} · jobzone`);
  if (document.title !== title) document.title = title;
}


/** A blank assessment of the role the visitor searched for (no published role needed). */
async function assessYourself(title) {
  const template = await fetchJson('data/template.json');
  template.role.title = firstChars(plainLine(title), state.engine.methodology.limits.max_name_chars) || template.role.title;
  await replaceWork(() => openAssessment(template, { mode: 'own', from: 'your search', pending: true }),
    `Your own assessment of “${template.role.title}”, step by step. Nothing you enter leaves this browser.`);
  await startGuide({ step: 'role' });
}

/**
 * Your own copy of a catalog role lives at the start page's address: a reload there brings back
 * this tab's work, where the role's address (?role=, or its own page) would open the role again.
 */
function ownAddress() {
  const root = siteUrl('').href;
  if (location.href.split('#')[0] !== root) history.replaceState(history.state, '', root);
}

/** The guided path (guide.js, loaded on first use) over the assessment on the page. */
let guide = null;
async function startGuide(options) {
  guide ??= (await import('./guide/guide.js')).guideFeature(featureApp('guide'));
  ctx.guide = guide;
  await guide.open(options);
}

/** A blank start shows its first score once a task has a name of its own and is confirmed. */
function confirmPending() {
  if (!state.pending) return;
  setDoc({ pending: false });
  renderPending();
  // The first score shown is where "since you started" counts from: the visitor saw none before it.
  const first = state.engine.score(scoringInput(state.current));
  if (first.ok) setDoc({ startResult: first.result });
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

/** The app's parts, each a closure over the context. */
const { scheduleFrame, insightThread } = Object.assign(ctx, analysesPart(ctx));
const { edit, setTextAt, onInput, onChange, rebuildTasks, structural, openTaskRows } = Object.assign(ctx, inputPart(ctx));
const { publishedBase, loadBaseline, openAssessment, renderPending } = Object.assign(ctx, openPart(ctx));
const {
  nextTask, openRole, isDirty, restoreWork, replaceWork, showStorageProblem, writeDraftNow, saveDraftSoon, openStart, listenForNavigation,
} = Object.assign(ctx, navigationPart(ctx));
Object.assign(ctx, { boot, committed, fail, importFile, marksBaseline, pageModel, recompute, showStatus, startGuide, titleSoon, updateTitle });

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
ctx.compare = compare;
ctx.saved = saved;
const actions = {
  ...taskActions(featureApp(null)),
  ...saved.actions,
  ...outputActions(featureApp(null)),
  ...compare.actions,
  /**
   * "Is this your job?": your copy of the catalog role, then the guide: from a derived starting
   * point ("Make it mine"), one screen to pick your tasks, hours and levels; from a published role,
   * the steps, asking what differs.
   */
  async 'adjust-guided'() {
    const seed = state.baseline?.kind === 'derived';
    openAssessment(state.current, { mode: 'own', baseline: state.baseline, publishedId: state.publishedId, clean: state.clean });
    ownAddress();
    await startGuide(seed ? { step: 'pick', seed, from: 'published' } : { step: 'tasks', from: 'published' });
  },
  /** The guided path for a job of your own, from a blank template. */
  async 'guide-new'() {
    const template = await fetchJson('data/template.json');
    if (await replaceWork(() => openAssessment(template, { mode: 'own', pending: true }), 'Your own job, step by step. Nothing you enter leaves this browser.')) {
      await startGuide({ step: 'role' });
    }
  },
  /** A derived starting point's task, shown as one line: its controls ("Adjust"), or every task's. */
  'adjust-task'(button) {
    openTaskRows(button.dataset.index === 'all' ? 'all' : Number(button.dataset.index));
  },
  /** The guided path over the assessment on the page (own mode). */
  async guide() {
    await startGuide({ step: 'role' });
  },
  'make-own'() {
    // Edits made before this stay unsaved work: the copy is as clean as the page was.
    openAssessment(state.current, { mode: 'own', baseline: state.baseline, publishedId: state.publishedId, clean: state.clean });
    ownAddress();
    notify(state.refs, 'This is now your own copy: rename it, change its tasks, then save it to this browser.');
    /** @type {HTMLElement | null} */ (document.querySelector('[data-text="role.title"]'))?.focus();
  },
  async 'new-blank'() {
    const template = await fetchJson('data/template.json');
    await replaceWork(() => openAssessment(template, { mode: 'own', pending: true }),
      'A blank assessment: name your role, describe your tasks, set each input.');
    /** @type {HTMLElement | null} */ (document.querySelector('[data-text="role.title"]'))?.focus();
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

async function boot() {
  const main = $('main');
  try {
    await nextTask(); // (the modules' evaluation is a task of its own)
    const engineLoad = startPageEngine(insightThread, { prerendered: $('page').childElementCount > 0, onFail: fail });
    // Each started in a task of its own (none of them is short the first time it runs).
    await nextTask();
    const catalogLoad = loadCatalog();
    await nextTask();
    const storeLoad = openStore({ onChange: (message) => saved.onStoreChange(message) });
    const [engine, catalog, savedWork] = await Promise.all([engineLoad, catalogLoad, storeLoad]);
    // (From here on, each step in a task of its own too: none holds the page for long.)
    await nextTask();
    setApp({ engine, catalog, store: savedWork });
    await saved.refreshSaved();
    await nextTask();
    await savedWork.unsaved().catch(() => []); // (also finds drafts this version cannot use)
    await nextTask();
    $('storage-alert').addEventListener('click', onClick);
    showStatus('');
    const page = $('page');
    rememberFolds(document);
    page.addEventListener('input', onInput);
    page.addEventListener('change', onChange);
    page.addEventListener('click', onClick);
    wirePicker({
      input: $('role-search'), list: $('role-results'), count: $('role-count'),
      onPick: (id) => replaceWork(() => openRole(id, { push: true })).catch(fail),
      onAssess: (title) => assessYourself(title).catch(fail),
    });
    wireFront({
      onPick: (id) => replaceWork(() => openRole(id, { push: true })).catch(fail),
      onAssess: (title) => assessYourself(title).catch(fail),
      onClick, state, subscribe: store.subscribe,
    });
    listenForNavigation();
    await nextTask();
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
