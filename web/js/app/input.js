// Input on the page: every edit goes through the store (a copy checked by the core, committed or
// dropped), text fields, sliders and their time shares, locks, and changes to the task list.
import { buildTasks } from '../render/task-rows.js';
import { renderErrors } from '../render/insight-view.js';
import { clearProblem, notify } from '../render/own.js';
import { rebalance } from '../tasks/time-shares.js';
import { refreshHistoryChart } from '../render/reasons.js';
import { scoringInput } from '../lib/card.js';
import { setAt, syncControls } from '../render/controls.js';
import { parsePath } from '../lib/paths.js';
import { lateBound } from './context.js';

/** input: its functions, given the app's context (ctx: the store and the app's functions, late-bound). */
export function inputPart(ctx) {
  const { setDoc, state, store } = ctx;
  const {
    committed, importFile, marksBaseline, recompute,
  } = lateBound(ctx, [
    'committed', 'importFile', 'marksBaseline', 'recompute',
  ]);

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
    if (el.dataset?.compareFind !== undefined) return ctx.compare.find(el.value);
    if (el.dataset?.text) {
      if (state.mix) setDoc({ mix: null });
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
    // (Written only when it changes: no store write and no subscriber call on every slider move.)
    if (state.mix && (!isShare || state.mix.index !== path[1])) setDoc({ mix: null });
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
      ctx.compare.choose(el.dataset.compare, el.value);
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

  /** Rebuilds the task rows after tasks were added, removed or reordered (or a row's controls were asked for). */
  function rebuildTasks(focusSelector) {
    buildTasks(state.refs, state.current, state.engine.methodology, state.registry, state.locked, state.mode === 'own', state.openTasks);
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

  /**
   * Brings the controls of a task shown as one line (a derived starting point's), or of every
   * task (`which` 'all'), and puts the keyboard on the first one brought.
   * @param {number | 'all'} which
   */
  function openTaskRows(which) {
    if (!state.openTasks) return;
    const first = which === 'all' ? state.openTasks.findIndex((o) => !o) : which;
    setDoc({ openTasks: state.current.tasks.map((_, i) => which === 'all' || i === which || Boolean(state.openTasks[i])) });
    rebuildTasks(first >= 0 ? `[data-path="tasks.${first}.time_pct"]` : undefined);
  }

  return { edit, setTextAt, onInput, onChange, updateShareLimits, rebuildTasks, structural, openTaskRows };
}
