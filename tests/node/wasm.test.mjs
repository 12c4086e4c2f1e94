// The shipped wasm module gives byte-identical JSON to the native scorer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticAssessment, broken } from './corpus.mjs';
import { tempDir } from '../tmp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'build/native/core/jobzone');
const reference = fs.readFileSync(path.join(root, 'web/data/roles/ai-research-engineer-mid-senior.json'), 'utf8');

async function loadModule() {
  // The module the site bundles (build/wasm), with the very .wasm bytes dist/ ships.
  const { default: createJobzone } = await import(path.join(root, 'build/wasm/wasm/jobzone.js'));
  const names = JSON.parse(fs.readFileSync(path.join(root, 'build/site-manifest.json'), 'utf8'));
  return createJobzone({ wasmBinary: fs.readFileSync(path.join(root, 'dist/assets', names.wasm)) });
}

function nativeEnvelopes(texts, ...flags) {
  const dir = tempDir('corpus');
  const files = texts.map((t, i) => {
    const f = path.join(dir, `${i}.json`);
    fs.writeFileSync(f, t);
    return f;
  });
  let out;
  try {
    out = execFileSync(cli, ['envelope', ...flags, ...files], { encoding: 'utf8', maxBuffer: 1 << 28 });
  } catch (e) {
    out = e.stdout; // exit 1 when some inputs are invalid
  }
  fs.rmSync(dir, { recursive: true });
  return out.trimEnd().split('\n');
}

const jobzone = await loadModule();

test('the reference role scores 61.9 Green (Accelerated) in wasm', () => {
  const out = JSON.parse(jobzone.score(reference));
  assert.equal(out.ok, true);
  const r = out.result;
  assert.equal(r.display.score, '61.9');
  assert.equal(r.score_unclamped, 61.88590163934426); // the double nearest 5.4076 / 7.93 x 100, exactly
  assert.equal(r.raw, 5.447552); // the double nearest the exact 5.447552 (the product in floating point was 5.447552000000001)
  assert.equal(r.zone, 'GREEN');
  assert.equal(r.label, 'Green (Accelerated)');
  assert.equal(r.display.raw_calculation, 'Raw: 3.65 x 1.28 x 1.06 x 1.10 = 5.4476');
  assert.deepEqual(r.split, { displacement: 0, augmentation: 80, not_involved: 20 });
  assert.equal(r.time_share_3plus, 40);
  assert.equal(r.display.threshold_margin, '13.9');
});

test('wasm and native give byte-identical JSON over 1,200 synthetic assessments', () => {
  const texts = [reference];
  for (let seed = 1; seed <= 1000; seed++) texts.push(JSON.stringify(syntheticAssessment(seed)));
  for (let seed = 1; seed <= 200; seed++) texts.push(JSON.stringify(broken(seed)));
  const native = nativeEnvelopes(texts);
  assert.equal(native.length, texts.length);
  let valid = 0;
  texts.forEach((text, i) => {
    const wasm = jobzone.score(text);
    assert.equal(wasm, native[i], `input ${i} differs`);
    if (wasm.startsWith('{"ok":true')) valid++;
  });
  assert.equal(valid, 1001); // every broken one was refused, every generated one scored
});

test('insight (sensitivity, uncertainty, best move) is byte-identical in wasm and native', () => {
  const texts = [reference];
  for (let seed = 1; seed <= 300; seed++) texts.push(JSON.stringify(syntheticAssessment(seed, 1 + (seed % 30))));
  const native = nativeEnvelopes(texts, '--insight');
  texts.forEach((text, i) => assert.equal(jobzone.insight(text), native[i], `input ${i} differs`));
  const ref = JSON.parse(jobzone.insight(reference)).insight;
  assert.equal(ref.uncertainty.method, 'exact');
  const total = Object.values(ref.uncertainty.zones).reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(total - 1) < 1e-12);
});

test('errors come back as data naming the field, never as an exception', () => {
  const bad = JSON.parse(reference);
  bad.tasks[2].score = 7;
  const out = JSON.parse(jobzone.score(JSON.stringify(bad)));
  assert.equal(out.ok, false);
  assert.deepEqual(out.errors, [{ path: 'tasks[2].score', message: 'must be an integer from 1 to 5, got 7' }]);
  for (const text of ['', 'null', '[', '{"a":1e999}', '\u0000', '['.repeat(100000)]) {
    const r = JSON.parse(jobzone.score(text));
    assert.equal(r.ok, false);
    assert.ok(r.errors[0].message.length > 0);
  }
});

test('a trapped call answers with an error and a fresh module takes over (the core is built without exceptions)', async () => {
  const { engineOf } = await import('../../web/js/engine/engine.js');
  // The first instance traps on its next score, as an abort in the core would.
  let made = 0;
  const trapping = Object.create(jobzone);
  trapping.score = () => { throw new WebAssembly.RuntimeError('unreachable'); };
  const engine = engineOf(trapping, async () => { made++; return loadModule(); });
  const failed = engine.score(JSON.parse(reference));
  assert.equal(failed.ok, false);
  assert.deepEqual(failed.errors.map((e) => e.path), ['(root)']);
  assert.match(failed.errors[0].message, /^internal error: the scoring engine stopped \(unreachable\) and is being restarted/);
  // Until the fresh instance is ready, calls say so; none reaches the trapped one.
  assert.match(engine.validate(reference).errors[0].message, /restarting/);
  await engine.settled();
  assert.equal(made, 1);
  const again = engine.score(JSON.parse(reference));
  assert.equal(again.ok, true);
  assert.equal(again.result.display.score, '61.9');
  assert.equal(engine.methodology.format, 'jobzone-methodology/1');
});

test('anything but text is answered as data, and never restarts the module', async () => {
  const { engineOf } = await import('../../web/js/engine/engine.js');
  let made = 0;
  const engine = engineOf(jobzone, async () => { made++; return loadModule(); });
  for (const value of [undefined, null, 5, {}]) {
    const out = engine.validate(value);
    assert.equal(out.ok, false);
    assert.deepEqual(out.errors, [{ path: '(root)', message: 'there is no assessment here (expected a JSON object)' }]);
  }
  assert.equal(engine.score(undefined).ok, false, 'JSON.stringify(undefined) is no text either');
  assert.equal(made, 0, 'no restart');
  assert.equal(engine.validate(reference).ok, true);
});

test('a deferred engine answers from elsewhere until its first call, which instantiates at once', async () => {
  const { engineOf, deferredEngine } = await import('../../web/js/engine/engine.js');
  const { default: factory } = await import(path.join(root, 'build/wasm/wasm/jobzone.js'));
  const names = JSON.parse(fs.readFileSync(path.join(root, 'build/site-manifest.json'), 'utf8'));
  const wasm = await WebAssembly.compile(fs.readFileSync(path.join(root, 'dist/assets', names.wasm)));
  globalThis.__JOBZONE_WASM__ = names.wasm; // (the bundle's define: the glue asks for the file's address)
  const plain = engineOf(jobzone, loadModule);
  const assessment = JSON.parse(reference);
  const asked = [];
  const elsewhere = async (a) => { asked.push(a.role.title); return plain.score(a); };
  const failures = [];
  const engine = deferredEngine({ methodology: plain.methodology, wasm, factory, elsewhere, onFail: (e) => failures.push(e) });
  // The takeover's score comes from elsewhere; no instance is made for it.
  const first = await engine.scoreSoon(assessment);
  assert.deepEqual(first, plain.score(assessment));
  assert.deepEqual(asked, ['AI Research Engineer']);
  assert.equal(performance.getEntriesByName('jobzone:instantiated').length, 0);
  // The first call makes the instance and answers in the same call, as the plain engine does.
  const moved = structuredClone(assessment);
  moved.ai_growth_correlation = 0;
  const out = engine.score(moved);
  assert.equal(performance.getEntriesByName('jobzone:instantiated').length, 1);
  assert.deepEqual(out, plain.score(moved));
  assert.equal(engine.validate('{}').ok, false);
  assert.deepEqual(await engine.scoreSoon(assessment), first, 'once made, its own instance answers');
  assert.deepEqual(asked, ['AI Research Engineer'], 'and nothing more is asked elsewhere');
  assert.deepEqual(failures, []);
  // An answer from elsewhere that fails is computed here.
  const other = deferredEngine({ methodology: plain.methodology, wasm, factory, elsewhere: () => Promise.reject(new Error('gone')) });
  assert.deepEqual(await other.scoreSoon(assessment), first);
});

test('methodology() returns the embedded data file', () => {
  const m = JSON.parse(jobzone.methodology());
  assert.equal(m.format, 'jobzone-methodology/1');
  assert.equal(m.zones[0].min, 48);
  assert.equal(jobzone.methodology(), fs.readFileSync(path.join(root, 'core/methodology.json'), 'utf8'));
  // The bytes the page decodes (engine.js): the same text, at the same place on every call.
  const at = jobzone.methodology_address();
  assert.equal(new TextDecoder().decode(jobzone.HEAPU8.subarray(at, at + jobzone.methodology_length())), jobzone.methodology());
  assert.equal(jobzone.methodology_address(), at);
});

test('wasm/jobzone.d.ts names every field score() and insight() return, and no other', async () => {
  const dts = fs.readFileSync(path.join(root, 'wasm/jobzone.d.ts'), 'utf8');
  /** The top-level property names of `interface name { ... }` (two-space indented members). */
  const fields = (name) => {
    const body = dts.slice(dts.indexOf(`export interface ${name} {`)).split('\n}')[0];
    return [...body.matchAll(/^ {2}(\w+)\??[:(]/gm)].map((m) => m[1]).sort();
  };
  const jobzone = await loadModule();
  assert.deepEqual(Object.keys(JSON.parse(jobzone.score(reference)).result).sort(), fields('Result'));
  assert.deepEqual(Object.keys(JSON.parse(jobzone.insight(reference)).insight).sort(), fields('Insight'));
  const exported = ['score', 'validate', 'insight', 'methodology', 'methodology_address', 'methodology_length', 'HEAPU8'];
  assert.deepEqual(Object.keys(jobzone).filter((k) => exported.includes(k)).sort(), fields('JobzoneModule'));
});
