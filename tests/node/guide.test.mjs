// The guided path's data and arithmetic: its help covers every scale and level of the method (so
// a new level or dimension in core/methodology.json cannot go unexplained), and shares typed as
// hours or percentages become hundredths that add up to exactly 100.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { root } from '../e2e/browser.mjs';
import { STEPS, SEEDED } from '../../web/js/guide/guide.js';
import { sharesOf } from '../../web/js/tasks/time-shares.js';

const m = JSON.parse(fs.readFileSync(path.join(root, 'core/methodology.json'), 'utf8'));
const help = JSON.parse(fs.readFileSync(path.join(root, 'web/data/guide.json'), 'utf8'));

test('the guide explains every step, every task level, and every dimension of every scale', () => {
  assert.deepEqual(Object.keys(help.steps).sort(), [...new Set([...STEPS, ...SEEDED])].sort());
  for (const s of Object.keys(help.steps)) assert.ok(help.steps[s].title && help.steps[s].short && help.steps[s].intro, s);
  const levels = m.inputs.task_score.levels.map((l) => String(l.value));
  assert.deepEqual(Object.keys(help.task_score_examples), levels);
  const keys = (scale) => m.inputs[scale].dimensions.map((d) => d.key);
  assert.deepEqual(Object.keys(help.evidence), keys('evidence'));
  for (const k of keys('evidence')) assert.ok(help.evidence[k].means && help.evidence[k].where, k);
  assert.deepEqual(Object.keys(help.barriers), keys('barriers'));
  assert.deepEqual(Object.keys(help.protective), keys('protective'));
  assert.ok(help.ai_growth.means && help.ai_growth.where);
});

test('shares typed as any numbers become hundredths adding up to exactly 100', () => {
  assert.deepEqual(sharesOf([20, 12, 8]), [50, 30, 20]);
  assert.deepEqual(sharesOf([1, 1, 1]), [33.34, 33.33, 33.33]);
  assert.deepEqual(sharesOf([34, 33, 33]), [34, 33, 33], 'percentages that add up to 100 stay as typed');
  assert.deepEqual(sharesOf([5, -3, Number.NaN]), [100, 0, 0], 'negative or empty counts as no time');
  assert.equal(sharesOf([0, 0]), null, 'no time at all: nothing to commit');
  let seed = 7;
  const rand = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  for (let n = 0; n < 500; n++) {
    const raw = Array.from({ length: 1 + Math.floor(rand() * 12) }, () => Math.round(rand() * 4000) / 100);
    const shares = sharesOf(raw);
    if (!shares) continue;
    const hundredths = shares.map((x) => Math.round(x * 100));
    shares.forEach((x, i) => assert.equal(x, hundredths[i] / 100, 'a share is a whole number of hundredths'));
    assert.equal(hundredths.reduce((a, b) => a + b, 0), 10000, JSON.stringify(raw));
    const sum = raw.reduce((a, b) => a + b, 0);
    raw.forEach((x, i) => assert.ok(Math.abs(shares[i] - (x / sum) * 100) < 0.01 + 1e-9, 'within a hundredth of the exact share'));
  }
});
