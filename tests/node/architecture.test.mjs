// The shape of web/js, checked rather than promised (web/js/README.md): who may import whom, no
// import cycle (static or dynamic), no module but the state holder writing the page's state
// (features get a read-only view and the writer of their own fields: web/js/state/store.js), no
// module over 450 lines, at most a dozen files at the root.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { root } from '../e2e/browser.mjs';

const WEB_JS = path.join(root, 'web/js');
const modules = (function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name))
    : e.name.endsWith('.js') ? [path.join(dir, e.name)] : []));
}(WEB_JS));
const rel = (file) => path.relative(WEB_JS, file);
/** The modules a module imports (static `from '...'`, `import '...'` and `import('...')`), as files. */
function importsOf(file) {
  const text = fs.readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]);
  return specs.map((s) => path.resolve(path.dirname(file), s));
}

test('web/js has no import cycle, static or dynamic', () => {
  const graph = new Map(modules.map((f) => [f, importsOf(f)]));
  for (const [f, deps] of graph) for (const d of deps) assert.ok(fs.existsSync(d), `${rel(f)} imports ${path.relative(root, d)}, which does not exist`);
  const cycles = [];
  const state = new Map(); // file -> 'open' | 'done'
  const stack = [];
  const visit = (f) => {
    if (state.get(f) === 'done') return;
    if (state.get(f) === 'open') {
      cycles.push([...stack.slice(stack.indexOf(f)), f].map(rel).join(' -> '));
      return;
    }
    state.set(f, 'open');
    stack.push(f);
    for (const d of graph.get(f) ?? []) visit(d);
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of graph.keys()) visit(f);
  assert.deepEqual(cycles, []);
  assert.ok(graph.size > 20, `${graph.size} modules read`);
});

test('only the state holder writes the state: no `state.x = ...` anywhere else', () => {
  const write = /\bstate\.[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[[^\]]*\])*\s*(?:[-+*/?]{0,2}=(?!=)|\+\+|--)|\bstate\.[A-Za-z_$][\w$]*(?:\.[\w$]+)*\.(?:push|pop|splice|shift|unshift|sort|reverse|fill)\(/g;
  const found = [];
  for (const f of modules) {
    if (rel(f) === path.join('state', 'store.js')) continue;
    fs.readFileSync(f, 'utf8').split('\n').forEach((line, i) => {
      if (/^\s*(\/\/|\*)/.test(line)) return;
      // (state.refs holds elements of the page: writing to an element is drawing, not state.)
      for (const m of line.matchAll(write)) if (!m[0].startsWith('state.refs.')) found.push(`${rel(f)}:${i + 1}: ${m[0]}`);
    });
  }
  assert.deepEqual(found, []);
});

/** What each folder may import (besides itself); the root's modules (app.js, pwa.js) may import anything. */
const ALLOWED = {
  lib: [],
  state: [],
  engine: ['lib'],
  catalog: ['lib'],
  tasks: ['state', 'lib'],
  render: ['lib', 'catalog/search.js', 'embed/badge.js', 'share/snippets.js'],
  compare: ['state', 'catalog', 'render', 'lib'],
  guide: ['state', 'catalog', 'render', 'tasks', 'lib'],
  saved: ['state', 'render', 'lib'],
  share: ['state', 'render', 'embed', 'lib'],
  embed: ['engine', 'share/share-link.js', 'lib'],
  // The app's own parts (app.js split by concern): they wire the features, like app.js.
  app: ['state', 'render', 'engine', 'catalog', 'tasks', 'compare', 'guide', 'saved', 'share', 'lib'],
};

test('each folder imports only what its README allows; no feature imports the app', () => {
  const wrong = [];
  for (const f of modules) {
    const from = rel(f).split(path.sep);
    if (from.length === 1) continue;
    const allowed = ALLOWED[from[0]];
    assert.ok(allowed, `${rel(f)}: a folder with no rule (add it to ALLOWED and give it a README)`);
    assert.ok(fs.existsSync(path.join(WEB_JS, from[0], 'README.md')), `${from[0]}/README.md`);
    for (const d of importsOf(f)) {
      const to = rel(d);
      if (to.split(path.sep)[0] === from[0]) continue;
      if (!allowed.some((a) => to === a || to.startsWith(`${a}${path.sep}`))) wrong.push(`${rel(f)} -> ${to}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('no module over 450 lines; at most a dozen files at the root of web/js', () => {
  const lines = (text) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  const long = modules.map((f) => [rel(f), lines(fs.readFileSync(f, 'utf8'))]).filter(([, n]) => n > 450);
  assert.deepEqual(long, []);
  const atRoot = fs.readdirSync(WEB_JS, { withFileTypes: true }).filter((e) => e.isFile());
  assert.ok(atRoot.length <= 12, `${atRoot.length} files at the root`);
});

test('tsc refuses a feature that writes the state it was given (readonly types), and the code type-checks', async () => {
  const { spawnSync } = await import('node:child_process');
  const { tempDir } = await import('../tmp.mjs');
  const dir = tempDir('tsc-probe');
  const store = path.join(WEB_JS, 'state/store.js');
  fs.writeFileSync(path.join(dir, 'probe.js'), `// @ts-check
/** @param {import(${JSON.stringify(store)}).FeatureApp} app */
export function probe(app) {
  app.state.panel = 'saved';
  app.state.compare[0] = 'current';
}
`);
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
    extends: path.join(root, 'tsconfig.json'), include: [path.join(dir, 'probe.js')], compilerOptions: { types: [] },
  }));
  const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
  const out = spawnSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8' });
  assert.match(out.stdout, /probe\.js\(4,\d+\): error TS2540: Cannot assign to 'panel' because it is a read-only property/);
  assert.match(out.stdout, /probe\.js\(5,\d+\): error TS2542: Index signature in type 'readonly string\[\]' only permits reading/);
  const all = spawnSync(process.execPath, [tsc, '-p', root], { encoding: 'utf8' });
  assert.equal(all.status, 0, all.stdout);
});
