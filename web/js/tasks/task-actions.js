// The buttons that change the task list or the mix: add, remove, reorder, try the best move, and
// back to the published figures. Each goes through the app's edit()/structural(), which keep the
// last valid state when the core refuses a change.
import { rebalance, removeShare } from './time-shares.js';
import { KIND, catalogKind } from '../lib/kind.js';

/** The name a new task has until the visitor gives it one ("Task 3"), and whether a name is still that. */
export const placeholderName = (index) => `Task ${index + 1}`;
export const isPlaceholderName = (name) => /^Task \d+$/.test(String(name).trim());

/** A task added by hand: the methodology's new_task defaults (assumed), no time yet, a placeholder name. */
export const newTask = (methodology, index) => ({
  name: placeholderName(index), time_pct: 0, score: methodology.new_task.score, impact: methodology.new_task.impact,
  ...(methodology.new_task.confidence ? { confidence: methodology.new_task.confidence } : {}),
});

/** @param {import('../state/store.js').FeatureApp} app */
export function taskActions(app) {
  const { state } = app;
  return {
    async reset() {
      if (!state.baseline) return;
      await app.replaceWork(() => app.resetToBaseline(), KIND[catalogKind(state.baseline)].back);
    },
    'best-move'(button) {
      const { from, to, points } = button.dataset;
      app.edit((a) => {
        a.tasks[Number(from)].time_pct -= Number(points);
        a.tasks[Number(to)].time_pct += Number(points);
      });
      app.announce(state.result);
    },
    'add-task'() {
      const n = state.current.tasks.length;
      app.structural((a, locked) => {
        const target = Math.floor(state.engine.methodology.inputs.time_pct.total / (n + 1));
        const shares = rebalance([...a.tasks.map((t) => t.time_pct), 0], [...locked, false], n, target);
        a.tasks.push(newTask(state.engine.methodology, n));
        shares.forEach((v, i) => { a.tasks[i].time_pct = v; });
        locked.push(false);
      }, `[data-text="tasks.${n}.name"]`);
    },
    'remove-task'(button) {
      const i = Number(button.dataset.index);
      app.structural((a, locked) => {
        const shares = removeShare(a.tasks.map((t) => t.time_pct), i);
        a.tasks.splice(i, 1);
        locked.splice(i, 1);
        shares.forEach((v, j) => { a.tasks[j].time_pct = v; });
      }, `[data-text="tasks.${Math.max(0, i - 1)}.name"]`);
    },
    'move-task'(button) {
      const i = Number(button.dataset.index);
      const j = i + Number(button.dataset.dir);
      app.structural((a, locked) => {
        [a.tasks[i], a.tasks[j]] = [a.tasks[j], a.tasks[i]];
        [locked[i], locked[j]] = [locked[j], locked[i]];
      }, `[data-action="move-task"][data-index="${j}"][data-dir="${button.dataset.dir}"]`);
    },
  };
}
