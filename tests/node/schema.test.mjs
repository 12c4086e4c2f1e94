// The JSON Schema (web/schema/, written from the methodology by scripts/build-schema.mjs) and the
// core's validator accept and refuse the same documents: the reference role, the blank
// template, synthetic assessments with and without the reasons, broken ones and the shared
// hostile list. The only differences allowed are the checks JSON Schema cannot express, each
// named below, and each must be the core's stricter refusal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { syntheticAssessment, syntheticWithReasons, broken, brokenReasons } from './corpus.mjs';
import { hostileDocuments } from './hostile.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const schema = JSON.parse(fs.readFileSync(path.join(root, 'web/schema/jobzone-assessment-1.schema.json'), 'utf8'));
const { default: createJobzone } = await import(path.join(root, 'build/wasm/wasm/jobzone.js'));
const names = JSON.parse(fs.readFileSync(path.join(root, 'build/site-manifest.json'), 'utf8'));
const jobzone = await createJobzone({ wasmBinary: fs.readFileSync(path.join(root, 'dist/assets', names.wasm)) });

/** What JSON Schema cannot say; the core alone refuses these. */
const BEYOND_SCHEMA = [
  ['shares must add up to 100', (e) => e.path === 'tasks' && /time shares add up to/.test(e.message)],
  ['a date must be a real calendar day', (e) => /must be a date, YYYY-MM-DD/.test(e.message)],
  ['input size, depth, duplicate keys, lone surrogates (read before any schema)', (e) => e.path === '(root)' || /^\[0\]/.test(e.path)],
];

/** The importer's expected fixture documents, and each broken in the fields a derived document adds. */
function derivedDocuments() {
  const dir = path.join(root, 'tests/data/onet-fixture/expected');
  const docs = fs.readdirSync(dir).filter((f) => f.startsWith('onet-')).map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
  const edits = [
    (d) => { d.kind = 'assessed'; },
    (d) => { d.kind = 'adjusted'; },
    (d) => { d.tasks[0].source.task_id = 0; },
    (d) => { d.tasks[0].source.human_exposure = 'E3'; },
    (d) => { d.tasks[0].source.gpt4_automation = 'T5'; },
    (d) => { d.tasks[0].source.task_type = 'core'; },
    (d) => { d.tasks[0].source.extra = 1; },
    (d) => { delete d.tasks[0].source.task_id; },
    (d) => { d.tasks[0].name = 'x'.repeat(400); },
    (d) => { d.tasks[0].name = 'x'.repeat(401); },
    (d) => { d.derivation.onet_soc = '29-1141'; },
    (d) => { delete d.derivation.rule_version; },
    (d) => { d.derivation.job_zone = 6; },
    (d) => { d.derivation.soc_group = { code: '29-1141', title: 'T', year: 2021, employment: 1.5 }; },
    (d) => { d.derivation.soc_group = { code: '29-1141.00', title: 'T', year: 2021 }; },
    (d) => { d.protective.embodied_physicality = 'none'; },
    (d) => { d.protective.embodied_physicality = 2; },
    (d) => { d.barriers.physical_presence = null; },
  ];
  return docs.flatMap((doc, i) => [[`derived ${doc.id}`, JSON.stringify(doc)],
    ...edits.map((edit, k) => { const d = structuredClone(doc); edit(d); return [`derived ${i} edit ${k}`, JSON.stringify(d)]; })]);
}

test('the committed schema is the one the methodology writes', () => {
  execFileSync(process.execPath, [path.join(root, 'scripts/build-schema.mjs'), '--check']);
});

test('schema and validator agree on 600+ documents', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, multipleOfPrecision: 6 });
  const validate = ajv.compile(schema);
  const documents = [
    ['reference', fs.readFileSync(path.join(root, 'web/data/roles/ai-research-engineer-mid-senior.json'), 'utf8')],
    ['template', fs.readFileSync(path.join(root, 'web/data/template.json'), 'utf8')],
    ...Array.from({ length: 150 }, (_, i) => [`synthetic ${i}`, JSON.stringify(syntheticAssessment(i))]),
    ...Array.from({ length: 150 }, (_, i) => [`synthetic with reasons ${i}`, JSON.stringify(syntheticWithReasons(i))]),
    ...Array.from({ length: 100 }, (_, i) => [`broken ${i}`, JSON.stringify(broken(i))]),
    ...Array.from({ length: 200 }, (_, i) => [`broken reasons ${i}`, JSON.stringify(brokenReasons(i))]),
    ...hostileDocuments().filter((d) => d.text !== null).map((d) => [`hostile: ${d.name}`, d.text]),
    ...derivedDocuments(),
  ];
  assert.ok(documents.length >= 600, `${documents.length} documents`);
  const tally = { both: 0, neither: 0, beyond: new Map() };
  const disagreements = [];
  for (const [name, text] of documents) {
    const core = JSON.parse(jobzone.validate(text));
    let parsed;
    let schemaOk = false;
    try {
      parsed = JSON.parse(text);
      schemaOk = validate(parsed);
    } catch { /* not JSON: refused by both */ }
    if (core.ok === schemaOk) {
      tally[core.ok ? 'both' : 'neither'] += 1;
      continue;
    }
    // Only the core may be stricter, and only for the named reasons.
    const why = !core.ok && core.errors.every((e) => BEYOND_SCHEMA.some(([, test]) => test(e)))
      ? BEYOND_SCHEMA.find(([, t]) => t(core.errors[0]))[0] : null;
    if (why) tally.beyond.set(why, (tally.beyond.get(why) ?? 0) + 1);
    else disagreements.push(`${name}: core ${core.ok ? 'accepts' : `refuses (${core.errors[0].path}: ${core.errors[0].message})`}, schema ${schemaOk ? 'accepts' : `refuses (${ajv.errorsText(validate.errors)})`}`);
  }
  console.log(`# SCHEMA | ${documents.length} documents | accepted by both ${tally.both} | refused by both ${tally.neither} | ${[...tally.beyond].map(([k, v]) => `${k}: ${v}`).join(' | ')}`);
  assert.deepEqual(disagreements, []);
  assert.ok(tally.both >= 300 && tally.neither >= 200, JSON.stringify(tally));
});
