// The "updating" mark of the analyses, driven by a hand-made clock: an answer that comes before
// the threshold leaves the page untouched; a later one is marked, then cleared. (The browser test
// checks the page's side: a slow answer is marked and the mark goes with the new figures.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { busyMark } from '../../web/js/engine/busy-mark.js';

function clock() {
  let now = 0;
  let next = 1;
  const timers = new Map();
  return {
    setTimer: (f, ms) => { timers.set(next, { at: now + ms, f }); return next++; },
    clearTimer: (id) => timers.delete(id),
    advance(ms) {
      now += ms;
      for (const [id, t] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
        if (t.at <= now) { timers.delete(id); t.f(); }
      }
    },
    get pending() { return timers.size; },
  };
}

/** A mark with a 100 ms threshold on a hand-made clock, and the calls it made to draw itself. */
function marked() {
  const c = clock();
  const calls = [];
  return { c, calls, mark: busyMark((shown) => calls.push(shown), { after: 100, ...c }) };
}

test('an answer before the threshold draws no mark at all', () => {
  const { c, calls, mark } = marked();
  mark.start();
  c.advance(99);
  mark.done();
  c.advance(1000);
  assert.deepEqual(calls, []);
  assert.equal(c.pending, 0, 'no timer left behind');
});

test('a burst of requests answered quickly, as while a slider is dragged, never marks', () => {
  const { c, calls, mark } = marked();
  for (let i = 0; i < 50; i++) {
    mark.start();
    c.advance(16);
    mark.done();
  }
  assert.deepEqual(calls, []);
});

test('a slow answer is marked once at the threshold, then cleared once', () => {
  const { c, calls, mark } = marked();
  mark.start();
  c.advance(100);
  assert.deepEqual(calls, [true]);
  mark.start(); // a newer request while marked: still one mark
  c.advance(500);
  assert.deepEqual(calls, [true]);
  assert.equal(mark.shown, true);
  mark.done();
  assert.deepEqual(calls, [true, false]);
  mark.done();
  assert.deepEqual(calls, [true, false], 'done twice clears once');
});
