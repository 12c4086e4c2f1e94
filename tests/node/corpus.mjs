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

const WORDS = ['demand', 'tools', 'judgment', 'pay', 'labs', 'review', 'risk', 'growth', 'code', 'teams', 'R&D', '<b>', '“quoted”', 'naïve', '😀'];
const sentence = (r, n = r.int(3, 30)) => Array.from({ length: n }, () => WORDS[r.int(0, WORDS.length - 1)]).join(' ');
const pad = (n) => String(n).padStart(2, '0');
const date = (r) => `${r.int(1990, 2030)}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`;

/** A valid synthetic assessment carrying a random selection of the reasons (test data). */
export function syntheticWithReasons(seed) {
  const a = syntheticAssessment(seed);
  const r = rng(seed ^ 0x4ea5);
  const maybe = (fn) => { if (r() < 0.6) fn(); };
  const texts = (keys) => Object.fromEntries(keys.filter(() => r() < 0.7).map((k) => [k, sentence(r)]));
  for (const t of a.tasks) if (r() < 0.5) t.rationale = sentence(r);
  maybe(() => { a.rationale = { evidence: texts(EVIDENCE), barriers: texts(BARRIERS), protective: texts(PROTECTIVE), ai_growth_correlation: sentence(r) }; });
  maybe(() => { a.summary = sentence(r); });
  maybe(() => { a.seniority_note = sentence(r); });
  maybe(() => { a.reinstatement = { new_tasks: r() < 0.5, ...(r() < 0.8 ? { text: sentence(r) } : {}) }; });
  maybe(() => {
    a.commentary = {
      score_vs_reality: sentence(r),
      not_captured: Array.from({ length: r.int(0, 5) }, () => sentence(r)),
      who_should_worry: { stronger: sentence(r), weaker: sentence(r), biggest_factor: sentence(r) },
    };
  });
  maybe(() => { a.outlook = { years: r.int(1, 20), role_then: sentence(r), strategy: Array.from({ length: r.int(0, 4) },
    () => sentence(r)), timeline: sentence(r) }; });
  maybe(() => {
    a.sources = Array.from({ length: r.int(0, 6) }, (_, i) => ({
      title: `Synthetic source ${i + 1}`,
      ...(r() < 0.7 ? { url: `https://example.org/report/${seed}/${i}?q=${r.int(0, 99)}#p${i}` } : {}),
      ...(r() < 0.5 ? { publisher: sentence(r, 2) } : {}),
      ...(r() < 0.5 ? { date: date(r) } : {}),
    }));
  });
  maybe(() => { a.assessed = date(r); });
  maybe(() => { a.history = Array.from({ length: r.int(0, 5) }, () => ({ date: date(r), score: r.int(0, 1000) / 10, ...(r() < 0.5 ? { label: 'Green' } : {}), ...(r() < 0.5 ? { note: sentence(r) } : {}) })); });
  maybe(() => { a.live_tracked = r() < 0.5; });
  const LEVELS = method.insight.confidence.levels.map((l) => l.key);
  const level = () => LEVELS[r.int(0, LEVELS.length - 1)];
  maybe(() => {
    for (const t of a.tasks) if (r() < 0.5) t.confidence = level();
    a.confidence = { evidence: Object.fromEntries(EVIDENCE.filter(() => r() < 0.5).map((k) => [k, level()])), ai_growth_correlation: level() };
  });
  return a;
}

/** One invalid edit of the reasons (or, where noted, an edit both validators accept). */
export function brokenReasons(seed) {
  const a = syntheticWithReasons(seed);
  const r = rng(seed ^ 0xbad);
  const long = (n) => 'x'.repeat(n);
  const edits = [
    () => { a.summary = long(method.limits.max_text_chars + 1); },
    () => { a.summary = 'two\nlines'; },
    () => { a.seniority_note = 42; },
    () => { a.rationale = { evidence: { wage_trend: 'typo' } }; },
    () => { a.rationale = { growth: 'wrong key' }; },
    () => { a.reinstatement = { text: 'no verdict' }; },
    () => { a.reinstatement = { new_tasks: 'yes' }; },
    () => { a.commentary = { not_captured: [''] }; },
    () => { a.commentary = { not_captured: Array(method.limits.max_list_items + 1).fill('x') }; },
    () => { a.commentary = { who_should_worry: { everyone: 'x' } }; },
    () => { a.outlook = { years: 0 }; },
    () => { a.outlook = { years: 2.5 }; },
    () => { a.outlook = { strategy: 'not a list' }; },
    () => { a.sources = [{ url: 'https://example.org/' }]; },
    () => { a.sources = [{ title: 'x', url: 'http://example.org/' }]; },
    () => { a.sources = [{ title: 'x', url: 'javascript:alert(1)' }]; },
    () => { a.sources = [{ title: 'x', url: 'https://user@example.org/' }]; },
    () => { a.sources = [{ title: 'x', url: 'https://exa mple.org/' }]; },
    () => { a.sources = [{ title: 'x', url: `https://example.org/${long(method.limits.max_url_chars)}` }]; },
    () => { a.sources = [{ title: 'x', date: '2025-13-01' }]; },
    () => { a.assessed = '2025-02-30'; }, // a real day? only the core knows: beyond the schema
    () => { a.assessed = '25-01-01'; },
    () => { a.history = [{ score: 50 }]; },
    () => { a.history = [{ date: '2025-01-01', score: 100.5 }]; },
    () => { a.history = [{ date: '2025-01-01', score: 50, label: ' ' }]; },
    () => { a.live_tracked = 1; },
    () => { a.confidence = { barriers: { physical_presence: 'maybe' } }; },
    () => { a.tasks[0].confidence = 'Sure'; },
    () => { a['x-note'] = 'an extension: accepted by both'; },
    () => { a.sources = [{ title: 'x', url: 'https://example.org/a@b' }]; }, // '@' after the host: accepted by both
  ];
  edits[r.int(0, edits.length - 1)]();
  return a;
}
