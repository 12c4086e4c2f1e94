// The page's one state holder (web/js/state/store.js): read-only to everyone, each field written
// only by its owner, the assessment changed only by edit() (committed with its result, or not at
// all), and subscribers told of every change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createStore, OWNERS } from '../../web/js/state/store.js';

const scoreOf = (a) => (a.tasks.every((t) => t.score >= 1 && t.score <= 5)
  ? { ok: true, result: { score: a.tasks.reduce((s, t) => s + t.score, 0) } }
  : { ok: false, errors: [{ path: 'tasks[0].score', message: 'must be 1 to 5' }] });

function opened() {
  const store = createStore();
  store.writer('document')({ current: { tasks: [{ score: 3 }, { score: 4 }] }, result: { score: 7 } });
  return store;
}

test('the state is read-only: a write names the field and its owner', () => {
  const { state } = createStore();
  assert.throws(() => { state.panel = 'saved'; }, /state\.panel is read-only here: only its owner \(app\)/);
  assert.throws(() => { state.guide = {}; }, /\(guide\)/);
  assert.throws(() => { delete state.current; }, TypeError);
  assert.equal(state.panel, null);
});

test('each field has exactly one owner, and a writer writes only its own', () => {
  const all = Object.values(OWNERS).flat();
  assert.equal(new Set(all).size, all.length, 'no field has two owners');
  const store = createStore();
  for (const key of Object.keys(store.state)) assert.ok(all.includes(key), `${key} has an owner`);
  const setCompare = store.writer('compare');
  assert.throws(() => setCompare({ panel: 'compare' }), /compare may not write state\.panel \(its owner is app\)/);
  setCompare({ compare: ['baseline', 'current'] });
  assert.deepEqual(store.state.compare, ['baseline', 'current']);
  assert.throws(() => { store.state.compare[0] = 'x'; }, TypeError, 'what a writer stores is frozen');
  assert.throws(() => store.writer('nobody'), /no such owner/);
});

test('edit commits a changed copy with its result, or changes nothing', () => {
  const store = opened();
  const before = store.state.current;
  let told = [];
  store.subscribe((_, { keys }) => { told.push(keys.join()); });
  const ok = store.edit((a) => { a.tasks[0].score = 5; }, scoreOf);
  assert.equal(ok.ok, true);
  assert.equal(store.state.current.tasks[0].score, 5);
  assert.equal(before.tasks[0].score, 3, 'the copy was changed, never the committed assessment');
  assert.deepEqual(store.state.result, { score: 9 });
  assert.equal(store.state.revision, 1);
  assert.deepEqual(told, ['current,result,revision']);
  told = [];
  const refused = store.edit((a) => { a.tasks[1].score = 9; }, scoreOf);
  assert.equal(refused.ok, false);
  assert.equal(refused.errors[0].path, 'tasks[0].score');
  assert.equal(store.state.current.tasks[1].score, 4, 'the last valid state stays');
  assert.equal(store.state.revision, 1);
  assert.deepEqual(told, [], 'nothing committed, nobody told');
});

test('rescore commits a new result for the same assessment; unsubscribe stops the calls', () => {
  const store = opened();
  let calls = 0;
  const stop = store.subscribe(() => { calls += 1; });
  assert.equal(store.rescore(scoreOf).ok, true);
  assert.equal(store.state.revision, 1);
  stop();
  store.rescore(scoreOf);
  assert.equal(calls, 1);
  assert.equal(store.state.revision, 2);
});
