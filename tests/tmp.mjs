// Temporary folders for the tests and benches: all of one process's go in one folder, which is
// removed when that process ends (node --test runs each file in a process of its own).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

let base = null;

/** A new empty folder named after `name`, removed with the rest when the process exits. */
export function tempDir(name) {
  if (!base) {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'jobzone-test-'));
    process.on('exit', () => fs.rmSync(base, { recursive: true, force: true }));
  }
  return fs.mkdtempSync(path.join(base, `${name}-`));
}
