// Synthetic assessments for tests and benchmarks: generated, labelled synthetic, never published.
import fs from 'node:fs';

export const SYNTHETIC_NOTE = 'synthetic: generated for tests, not a published assessment';

// Keys from the methodology, the one place they are written.
const method = JSON.parse(fs.readFileSync(new URL('../../core/methodology.json', import.meta.url), 'utf8'));
const keys = (scale) => scale.dimensions.map((d) => d.key);
const EVIDENCE = keys(method.inputs.evidence);
const BARRIERS = keys(method.inputs.barriers);
const PROTECTIVE = keys(method.inputs.protective);
const IMPACTS = method.inputs.impacts.map((i) => i.key);

// mulberry32: a small seeded generator, so every run makes the same corpus.
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  return next;
}

function scores(r, keys, lo, hi) {
  return Object.fromEntries(keys.map((k) => [k, r.int(lo, hi)]));
}

// A valid synthetic assessment with `taskCount` tasks (1..50). Shares are whole numbers
// or, for odd seeds, quarter points, adding to 100.
export function syntheticAssessment(seed, taskCount) {
  const r = rng(seed);
  const n = taskCount ?? r.int(1, 12);
  const unit = seed % 2 ? 0.25 : 1;
  let left = 100 / unit;
  const tasks = [];
  for (let i = 0; i < n; i++) {
    const units = i === n - 1 ? left : r.int(0, Math.floor(left / (n - i)) * 2 > left ? left : Math.floor(left / (n - i)) * 2);
    left -= units;
    tasks.push({ name: `Synthetic task ${i + 1}`, time_pct: units * unit, score: r.int(1, 5), impact: IMPACTS[r.int(0, 2)] });
  }
  return {
    format: 'jobzone-assessment/1',
    id: `synthetic-${seed}`,
    role: { title: `Synthetic role ${seed}`, category: SYNTHETIC_NOTE },
    tasks,
    evidence: scores(r, EVIDENCE, -2, 2),
    barriers: scores(r, BARRIERS, 0, 2),
    protective: scores(r, PROTECTIVE, 0, 3),
    ai_growth_correlation: r.int(-2, 2),
    override: null,
  };
}

// One invalid edit of a valid assessment, for error-path comparisons.
export function broken(seed) {
  const a = syntheticAssessment(seed);
  const r = rng(seed ^ 0x5eed);
  const edits = [
    () => { a.tasks[0].score = 7; },
    () => { a.tasks[0].time_pct += 5; },
    () => { a.evidence.wage_trends = 1.5; },
    () => { delete a.barriers.cultural_ethical; },
    () => { a.ai_growth_correlation = '2'; },
    () => { a.tasks[0].impact = 'replaced'; },
    () => { a.extra = true; },
    () => { a.tasks = []; },
  ];
  edits[r.int(0, edits.length - 1)]();
  return a;
}
