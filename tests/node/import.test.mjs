// The O*NET importer (scripts/import-onet.mjs): on a small committed fixture against expected
// documents; on the full sources, its counts and every document valid natively and in wasm; and
// five occupations worked again here from the raw files and the rules as written (shares, scores,
// impacts, the score by the published formula, and the 80% range by its own enumeration).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importCatalog, readSources, writeCatalog, parseDelimited, apportion, blsNumber, SOURCES } from '../../scripts/import-onet.mjs';
import { nodeEngine } from '../../scripts/publish.mjs';
import { tempDir } from '../tmp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = path.join(root, 'tests/data/onet-fixture');
const methodology = JSON.parse(fs.readFileSync(path.join(root, 'core/methodology.json'), 'utf8'));
const engine = await nodeEngine(path.join(root, 'build/wasm/wasm/jobzone.js'), path.join(root, 'build/wasm/wasm/jobzone.wasm'));
const cli = path.join(root, 'build/native/core/jobzone');

test('parsing: quoted fields, doubled quotes, a byte-order mark, BLS numbers', () => {
  assert.deepEqual(parseDelimited('\ufeffa,b\n"1,234","say ""hi"""\r\n', ','), [['a', 'b'], ['1,234', 'say "hi"']]);
  assert.deepEqual(parseDelimited('x\t"Conduct ""head counts"" to help."\ty\n', '\t'), [['x', 'Conduct "head counts" to help.', 'y']]);
  assert.equal(blsNumber('"140,886,310"'.replaceAll('"', '')), 140886310);
  for (const suppressed of ['#', '*', '**', '']) assert.equal(blsNumber(suppressed), null);
  // Hundredths that add up to exactly 100; the leftover goes to the largest remainders, ties first listed.
  assert.deepEqual(apportion([1, 1, 1]), [3334, 3333, 3333]);
  assert.deepEqual(apportion([2, 1]), [6667, 3333]);
});

test('the fixture imports to the expected documents, titles and report', () => {
  const out = tempDir('import');
  const result = writeCatalog(path.join(out, 'derived'), { sourcesDir: fixture, methodology });
  const expected = path.join(fixture, 'expected');
  const made = fs.readdirSync(path.join(out, 'derived')).sort();
  assert.deepEqual(made, fs.readdirSync(expected).filter((f) => f.startsWith('onet-')).sort());
  for (const f of made) {
    assert.equal(fs.readFileSync(path.join(out, 'derived', f), 'utf8'), fs.readFileSync(path.join(expected, f), 'utf8'), f);
  }
  for (const f of ['titles.json', 'import-report.json']) assert.equal(fs.readFileSync(path.join(out, f), 'utf8'), fs.readFileSync(path.join(expected, f), 'utf8'), f);
  // The occupation without tasks is skipped, with its reason.
  assert.deepEqual(result.skipped, [{ code: '11-9039.00', title: 'Education Administrators, All Other', reason: 'no task statements in O*NET 29.3' }]);
  const doc = (id) => result.documents.find((d) => d.id === id).document;
  // Zoologists: 10 Core (weight 2) and 4 Supplemental (weight 1) of 24. Core 200/24 = 8.333...,
  // Supplemental 100/24 = 4.1666...: floors 833 x 10 + 416 x 4 = 9994 hundredths; the 6 left go to
  // the largest remainders: Supplemental's (16 of 24) first, then the first two Core (8 of 24).
  const zoo = doc('onet-19-1023-00');
  assert.deepEqual(zoo.tasks.map((t) => t.time_pct), [8.34, 8.34, 8.33, 8.33, 8.33, 8.33, 8.33, 8.33, 8.33, 8.33, 4.17, 4.17, 4.17, 4.17]);
  // Its two unlabelled tasks: the middle of the scale, augmentation, not sure; no label in provenance.
  const unlabelled = zoo.tasks.filter((t) => !t.source.human_exposure);
  assert.equal(unlabelled.length, 2);
  for (const t of unlabelled) assert.deepEqual([t.score, t.impact, t.confidence, Object.keys(t.source)], [3, 'augmentation', 'unsure', ['task_id', 'task_type']]);
  // Legislators: no task has a type (all weigh 1: 30 tasks, 3.34 x 10 and 3.33 x 20); the quoted
  // task keeps O*NET's words, quotes and all.
  const leg = doc('onet-11-1031-00');
  assert.ok(leg.tasks.every((t) => !('task_type' in t.source)));
  assert.deepEqual(leg.tasks.map((t) => t.time_pct), [...Array(10).fill(3.34), ...Array(20).fill(3.33)]);
  assert.ok(leg.tasks.some((t) => t.name === 'Conduct "head counts" to help predict the outcome of upcoming votes.'));
  // Histology Technicians: no SOC group in BLS May 2021, so no figures; no major group row here.
  assert.equal(doc('onet-29-2012-01').derivation.soc_group, undefined);
  assert.equal(doc('onet-29-2012-01').role.category, 'Other occupations');
  assert.deepEqual(doc('onet-11-1031-00').derivation.soc_group, { code: '11-1031', title: 'Legislators', year: 2021, employment: 44590, median_annual_wage: 37270, mean_annual_wage: 57110 });
  // O*NET's Short Title column is carried too (it is where "RN" and "LPN" live).
  assert.deepEqual(result.titles['onet-11-1031-00'].short, ['U.S. Representative', 'U.S. Senator']);
  // Odd characters in titles are kept as written.
  assert.ok(result.titles['onet-11-9041-01'].alternate.length > 0);
  assert.ok(Object.values(result.titles).flatMap((t) => [...t.reported, ...t.alternate]).some((t) => /[&/()]/.test(t)));
  // Every input nobody judged: the middle, not sure; protective principles null.
  assert.deepEqual(leg.evidence, { job_posting_trends: 0, company_actions: 0, wage_trends: 0, ai_tool_maturity: 0, expert_consensus: 0 });
  assert.ok(Object.values(leg.barriers).every((v) => v === 1));
  assert.ok(Object.values(leg.protective).every((v) => v === null));
  assert.equal(leg.confidence.ai_growth_correlation, 'unsure');
  assert.equal(leg.kind, 'derived');
  fs.rmSync(out, { recursive: true, force: true });
});

// The full import, once for the tests below.
const full = importCatalog(readSources(SOURCES), methodology);

test('the full import: counts, reasons, and every document valid natively and in wasm', () => {
  const { counts, skipped, documents } = full;
  assert.equal(counts.occupations, 1016);
  assert.equal(counts.made, 923);
  assert.equal(skipped.length, 93);
  assert.deepEqual(Object.keys(counts.skipped), ['no task statements in O*NET 29.3']);
  assert.equal(skipped.filter((s) => /All Other/.test(s.title)).length, 77);
  assert.equal(counts.tasks, 18796);
  assert.equal(counts.labelled, 18751);
  assert.equal(counts.unlabelled, 45);
  assert.equal(counts.untyped, 1157);
  assert.equal(documents.filter((d) => d.document.tasks.every((t) => !t.source.task_type)).length, 44);
  assert.equal(documents.filter((d) => d.document.tasks.every((t) => t.source.human_exposure)).length, 892);
  const sizes = documents.map((d) => d.document.tasks.length);
  assert.deepEqual([Math.min(...sizes), Math.max(...sizes)], [4, 40]);
  // Task text is never cut: the longest O*NET statement (332 characters) is whole.
  assert.equal(Math.max(...documents.flatMap((d) => d.document.tasks.map((t) => [...t.name].length))), 332);
  for (const { id, document } of documents) {
    const checked = engine.validate(JSON.stringify(document));
    assert.ok(checked.ok, `${id}: ${JSON.stringify(checked.errors)}`);
    assert.equal(Math.round(document.tasks.reduce((s, t) => s + Math.round(t.time_pct * 100), 0)), 10000, id);
  }
  const dir = tempDir('import');
  const files = documents.map(({ id, document }) => {
    const file = path.join(dir, `${id}.json`);
    fs.writeFileSync(file, JSON.stringify(document));
    return file;
  });
  execFileSync(cli, ['validate', ...files]); // exit 0: every one valid
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The raw rows of one occupation, read here without the importer's parser (O*NET's files hold no quotes or tabs in a field). */
function rawOccupation(code) {
  const lines = (file) => fs.readFileSync(path.join(SOURCES, file), 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split('\t'));
  const tasks = lines('onet-29.3/Task Statements.txt').filter((r) => r[0] === code).map((r) => ({ id: Number(r[2]), text: r[3], type: r[4] }));
  const labels = new Map(lines('gpts-are-gpts/full_labelset.tsv').filter((r) => r[1] === code).map((r) => [Math.round(parseFloat(r[2])), { E: r[6], G: r[7], T: r[10] }]));
  return { tasks, labels };
}

/** P(score <= x) for the derived inputs, enumerated here: task units x evidence x barriers x growth. */
function rangeOf(doc) {
  // The weighted sum in hundredths x score units: each task's outcomes (roughly: 1/2 stays, 1/4 a
  // step each way, a step off the scale stays; unsure: 1..5 alike).
  let dist = new Map([[0, 1]]);
  for (const t of doc.tasks) {
    const h = Math.round(t.time_pct * 100);
    const out = new Map();
    const outcomes = t.confidence === 'unsure' ? [1, 2, 3, 4, 5].map((s) => [s, 1 / 5])
      : [[t.score - 1, 1 / 4], [t.score, 1 / 2], [t.score + 1, 1 / 4]].map(([s, p]) => [Math.min(5, Math.max(1, s)), p]);
    for (const [u, p] of dist) for (const [s, q] of outcomes) out.set(u + h * s, (out.get(u + h * s) ?? 0) + p * q);
    dist = out;
  }
  const units = [...dist].sort((a, b) => a[0] - b[0]);
  const uniformSum = (n, lo, hi) => { // the total of n dimensions each uniform on lo..hi
    let d = new Map([[0, 1]]);
    for (let i = 0; i < n; i++) {
      const o = new Map();
      for (const [v, p] of d) for (let x = lo; x <= hi; x++) o.set(v + x, (o.get(v + x) ?? 0) + p / (hi - lo + 1));
      d = o;
    }
    return [...d];
  };
  const combos = [];
  for (const [e, pe] of uniformSum(5, -2, 2)) for (const [b, pb] of uniformSum(5, 0, 2)) for (const [g, pg] of uniformSum(1, -2, 2)) {
    combos.push({ mod: (1 + 0.04 * e) * (1 + 0.02 * b) * (1 + 0.05 * g), p: pe * pb * pg });
  }
  const scoreOf = (u, mod) => Math.min(100, Math.max(0, (((6 - u / 10000) * mod) - 0.54) / 7.93 * 100));
  const cdf = (x) => {
    let total = 0;
    for (const { mod, p } of combos) for (const [u, q] of units) if (scoreOf(u, mod) <= x) total += p * q;
    return total;
  };
  const percentile = (p) => {
    let lo = 0;
    let hi = 100;
    for (let i = 0; i < 40; i++) {
      const mid = (lo + hi) / 2;
      if (cdf(mid) >= p) hi = mid; else lo = mid;
    }
    return hi;
  };
  return { p10: percentile(0.1), p90: percentile(0.9) };
}

const FIVE = [
  ['29-1141.00', 'Registered Nurses'],
  ['47-2152.00', 'Plumbers, Pipefitters, and Steamfitters'],
  ['15-1252.00', 'Software Developers'],
  ['41-2011.00', 'Cashiers'],
  ['53-3032.00', 'Heavy and Tractor-Trailer Truck Drivers'],
];

for (const [code, title] of FIVE) {
  test(`${title} (${code}) worked again from the raw files and the rules`, () => {
    const { tasks, labels } = rawOccupation(code);
    const doc = full.documents.find((d) => d.document.derivation.onet_soc === code).document;
    assert.equal(doc.role.title, title);
    assert.equal(doc.id, `onet-${code.replace('.', '-')}`);
    // Rule: Core 2, Supplemental 1, none 1; heaviest first, then O*NET's order.
    const weight = (t) => (t.type === 'Core' ? 2 : 1);
    const order = tasks.map((t, i) => ({ t, i })).sort((a, b) => weight(b.t) - weight(a.t) || a.i - b.i).map((x) => x.t);
    const W = order.reduce((s, t) => s + weight(t), 0);
    const floors = order.map((t) => Math.floor((weight(t) * 10000) / W));
    const byRemainder = order.map((t, i) => i).sort((a, b) => ((weight(order[b]) * 10000) % W) - ((weight(order[a]) * 10000) % W) || a - b);
    const left = 10000 - floors.reduce((a, b) => a + b, 0);
    for (let k = 0; k < left; k++) floors[byRemainder[k]] += 1;
    assert.deepEqual(doc.tasks.map((t) => t.source.task_id), order.map((t) => t.id));
    assert.deepEqual(doc.tasks.map((t) => t.name), order.map((t) => t.text));
    assert.deepEqual(doc.tasks.map((t) => Math.round(t.time_pct * 100)), floors);
    // Rule: human E0 1, E2 3, E1 4; E0 not involved, exposed and T3/T4 displaced, else augmented.
    let units = 0;
    for (const [k, t] of order.entries()) {
      const l = labels.get(t.id);
      const score = l ? { E0: 1, E2: 3, E1: 4 }[l.E] : 3;
      const impact = !l ? 'augmentation' : l.E === 'E0' ? 'not_involved' : ['T3', 'T4'].includes(l.T) ? 'displacement' : 'augmentation';
      assert.equal(doc.tasks[k].score, score, `task ${t.id}`);
      assert.equal(doc.tasks[k].impact, impact, `task ${t.id}`);
      if (l) assert.deepEqual([doc.tasks[k].source.human_exposure, doc.tasks[k].source.gpt4_exposure, doc.tasks[k].source.gpt4_automation], [l.E, l.G, l.T]);
      units += floors[k] * score;
    }
    // The published formula at evidence 0, barriers 5 x 1, growth 0.
    const expected = ((6 - units / 10000) * 1.10 - 0.54) / 7.93 * 100;
    const result = engine.score(doc).result;
    assert.ok(Math.abs(result.score - expected) < 1e-9, `${result.score} vs ${expected}`);
    const { uncertainty } = engine.insight(doc).insight;
    const range = rangeOf(doc);
    assert.ok(Math.abs(uncertainty.p10 - range.p10) < 1e-6, `p10 ${uncertainty.p10} vs ${range.p10}`);
    assert.ok(Math.abs(uncertainty.p90 - range.p90) < 1e-6, `p90 ${uncertainty.p90} vs ${range.p90}`);
    assert.ok(uncertainty.p10 < result.score && result.score < uncertainty.p90, 'the point score lies inside its range');
  });
}
