// Hostile input through the wasm module and the CLI: a path-named error each time, never a
// crash, an exception in JavaScript, or a score.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostileDocuments } from './hostile.mjs';
import { tempDir } from '../tmp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const names = JSON.parse(fs.readFileSync(path.join(root, 'build/site-manifest.json'), 'utf8'));
const { default: createJobzone } = await import(path.join(root, 'build/wasm/wasm/jobzone.js'));
const jobzone = await createJobzone({ wasmBinary: fs.readFileSync(path.join(root, 'dist/assets', names.wasm)) });

test('wasm: every hostile document gets a path-named error, or is accepted as documented', () => {
  const documents = hostileDocuments().filter((d) => d.text !== null);
  assert.ok(documents.length >= 40);
  for (const { name, text, accepted, path: expected } of documents) {
    for (const fn of ['score', 'insight', 'validate']) {
      const out = JSON.parse(jobzone[fn](text));
      assert.equal(out.ok, accepted, `${name} (${fn})`);
      if (accepted) continue;
      assert.equal(out.errors[0].path, expected, `${name} (${fn}): ${out.errors[0].message}`);
      assert.ok(out.errors[0].message.length > 5);
    }
  }
  // the module still works afterwards
  const ok = JSON.parse(jobzone.score(fs.readFileSync(path.join(root, 'web/data/roles/ai-research-engineer-mid-senior.json'), 'utf8')));
  assert.equal(ok.result.display.score, '61.9');
});

test('CLI: hostile files exit 1 with FILE: path: message', () => {
  const dir = tempDir('hostile');
  for (const { name, bytes, accepted, path: expected } of hostileDocuments()) {
    const file = path.join(dir, `${name.replace(/\W+/g, '-')}.json`);
    fs.writeFileSync(file, bytes);
    const p = spawnSync(path.join(root, 'build/native/core/jobzone'), ['score', file], { encoding: 'utf8' });
    if (accepted) {
      assert.equal(p.status, 0, `${name}: ${p.stderr}`);
      continue;
    }
    assert.equal(p.status, 1, name);
    assert.equal(p.stdout, '', `${name}: no score printed`);
    assert.ok(p.stderr.startsWith(`${file}: ${expected}: `), `${name}: ${p.stderr.slice(0, 200)}`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
});
