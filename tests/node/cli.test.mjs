// The command-line scorer: output, exit codes (0 valid, 1 invalid, 2 usage) and error format.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../tmp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const referencePath = path.join(root, 'web/data/roles/ai-research-engineer-mid-senior.json');
const run = (args, input) => spawnSync(path.join(root, 'scripts/jobzone'), args, { encoding: 'utf8', input });

test('score prints the golden figures of the reference role', () => {
  const p = run(['score', referencePath]);
  assert.equal(p.status, 0, p.stderr);
  const r = JSON.parse(p.stdout);
  assert.equal(r.task_resistance, 3.65);
  assert.deepEqual(r.modifiers, { evidence: 1.28, barriers: 1.06, growth: 1.1 });
  assert.equal(r.raw, 5.447552); // the double nearest the exact 5.447552 (the product in floating point was 5.447552000000001)
  assert.match(String(r.score), /^61\.8859/);
  assert.equal(r.zone, 'GREEN');
  assert.equal(r.label, 'Green (Accelerated)');
  assert.deepEqual(r.split, { displacement: 0, augmentation: 80, not_involved: 20 });
  assert.equal(r.time_share_3plus, 40);
  assert.equal(r.threshold_margin.toFixed(1), '13.9');
});

test('several inputs print an array; stdin is "-"', () => {
  const text = fs.readFileSync(referencePath, 'utf8');
  const p = run(['score', referencePath, '-'], text);
  assert.equal(p.status, 0, p.stderr);
  const list = JSON.parse(p.stdout);
  assert.equal(list.length, 2);
  assert.equal(list[1].label, 'Green (Accelerated)');
});

test('invalid files exit 1 with FILE: path: message lines on stderr', () => {
  const dir = tempDir('cli');
  const bad = JSON.parse(fs.readFileSync(referencePath, 'utf8'));
  bad.tasks[2].score = 7;
  bad.tasks[0].time_pct = 20;
  const file = path.join(dir, 'bad.json');
  fs.writeFileSync(file, JSON.stringify(bad));
  const p = run(['validate', file]);
  assert.equal(p.status, 1);
  assert.deepEqual(p.stderr.trim().split('\n'), [
    `${file}: tasks[2].score: must be an integer from 1 to 5, got 7`,
    `${file}: tasks: time shares add up to 95, must add up to 100`,
  ]);
  const s = run(['score', file, referencePath]);
  assert.equal(s.status, 1);
  assert.equal(JSON.parse(s.stdout)[0], null);
  const missing = run(['score', path.join(dir, 'nope.json')]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /nope\.json: \(root\): cannot read the file/);
  fs.rmSync(dir, { recursive: true });
});

test('usage errors exit 2', () => {
  assert.equal(run([]).status, 2);
  assert.equal(run(['score']).status, 2);
  assert.equal(run(['frobnicate', referencePath]).status, 2);
  const envelope = run(['envelope', '--insight']);
  assert.equal(envelope.status, 2, '`envelope --insight` with nothing to read');
  assert.match(envelope.stderr, /^usage: /);
  assert.equal(envelope.stdout, '');
});

test('a parse error quotes the bytes it read escaped: no raw byte reaches the terminal', () => {
  const file = path.join(tempDir('cli-bytes'), 'bytes.json');
  fs.writeFileSync(file, Buffer.concat([Buffer.from('{"role":{"title":"ab'), Buffer.from([0xff, 0x1b]), Buffer.from('[31m"}}')]));
  const p = spawnSync(path.join(root, 'scripts/jobzone'), ['validate', file]);
  assert.equal(p.status, 1);
  const stderr = p.stderr.toString('latin1');
  assert.match(stderr, /bytes\.json: \(root\): not valid JSON: .*ill-formed UTF-8.*\\xFF/);
  assert.doesNotMatch(stderr, /[\x00-\x08\x0b-\x1f\x7f-\xff]/, 'only printable ASCII here');
});

test('a huge input is refused after reading just past the limit, not read whole', () => {
  // 64 MiB of spaces: the CLI stops at 1 MiB + 1 byte, so its peak memory stays far below the input.
  const dir = tempDir('cli');
  const file = path.join(dir, 'huge.json');
  const fd = fs.openSync(file, 'w');
  const block = Buffer.alloc(1048576, 32);
  for (let i = 0; i < 64; i++) fs.writeSync(fd, block);
  fs.closeSync(fd);
  const exe = path.join(root, 'build/native/core/jobzone');
  for (const args of [[exe, 'validate', file], ['bash', '-c', `${exe} validate - < ${file}`]]) {
    const p = spawnSync('/usr/bin/time', ['-f', 'maxrss=%M', ...args], { encoding: 'utf8' });
    assert.equal(p.status, 1, p.stderr);
    assert.match(p.stderr, /: \(root\): input is more than 1048576 bytes; at most 1048576 bytes are accepted/);
    const rssKb = Number(/maxrss=(\d+)/.exec(p.stderr)[1]);
    assert.ok(rssKb < 16 * 1024, `peak memory ${rssKb} KB for a 64 MiB input`);
  }
  fs.rmSync(dir, { recursive: true });
});
