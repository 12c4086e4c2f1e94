// The search over the full catalog (issue 28). Prints figures; asserts nothing:
// - what loads at the first keystroke (data/search.json) and after it (data/titles.json), raw,
//   gzip -9 and brotli (the build's own .br files, as served);
// - building the index in Chromium, for the first part and for every title;
// - per keystroke, in Chromium, on every title: each of the twenty words (tests/node/search.test.mjs)
//   and a few misspelt ones typed a letter at a time, 5 rounds: median and p95;
// - the twenty words with the first three results each (for the closing note).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { launch, serve, root } from '../e2e/browser.mjs';
import { buildIndex, search } from '../../web/js/catalog/search.js';
import { TWENTY } from '../node/search-words.mjs';

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const pctl = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]; };
const data = path.join(root, 'dist/data');

console.log('Search data:');
for (const [file, when] of [['search.json', 'at the first keystroke'], ['titles.json', 'right after it']]) {
  const raw = fs.readFileSync(path.join(data, file));
  const br = fs.existsSync(path.join(data, `${file}.br`)) ? fs.statSync(path.join(data, `${file}.br`)).size : zlib.brotliCompressSync(raw).length;
  console.log(`  data/${file.padEnd(12)} ${kb(raw.length).padStart(9)} raw, ${kb(zlib.gzipSync(raw, { level: 9 }).length).padStart(9)} gzip -9, ${kb(br).padStart(9)} brotli   (${when}${file === 'search.json' ? '; target <= 150 KB' : ''})`);
}

const queries = [...TWENTY.map(([q]) => q), 'registered nurse', 'nurse practitioner', 'teachr', 'plumbr', 'sofware developer', 'accountant'];
const browser = await launch();
const server = await serve();
try {
  // (The page's own CSP allows no blob: module: the search module is loaded into it as is.)
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await page.waitForSelector('main[aria-busy=false] .big-score');
  const searchSource = fs.readFileSync(path.join(root, 'web/js/catalog/search.js'), 'utf8');
  const figures = await page.evaluate(async ({ source, queries: qs }) => {
    const mod = await import(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
    const get = (f) => fetch(`data/${f}`).then((r) => r.json());
    const [first, more] = await Promise.all([get('search.json'), get('titles.json')]);
    const builds = { first: [], full: [] };
    let full = null;
    let part = null;
    for (let i = 0; i < 3; i++) {
      let t = performance.now();
      part = mod.buildIndex(first.roles);
      builds.first.push(performance.now() - t);
      t = performance.now();
      full = mod.buildIndex(first.roles, more.roles);
      builds.full.push(performance.now() - t);
    }
    const times = { full: [], first: [] };
    for (let round = 0; round < 5; round++) {
      for (const [name, idx] of [['full', full], ['first', part]]) {
        idx.letters = null;
        idx.matched = null;
        for (const q of qs) {
          for (let n = 1; n <= q.length; n++) {
            const t = performance.now();
            mod.search(idx, q.slice(0, n), 20);
            times[name].push(performance.now() - t);
          }
        }
      }
    }
    return { builds, times, titles: [part.titleCount, full.titleCount] };
  }, { source: searchSource, queries });
  console.log(`Index build in Chromium (median of 3): first part ${median(figures.builds.first).toFixed(0)} ms (${figures.titles[0]} titles), every title ${median(figures.builds.full).toFixed(0)} ms (${figures.titles[1]} titles)`);
  for (const name of ['full', 'first']) {
    const t = figures.times[name];
    console.log(`Per keystroke in Chromium, ${name === 'full' ? 'every title' : 'first part only'}: ${t.length} keystrokes (${queries.length} queries typed a letter at a time, 5 rounds, one-letter answers not kept): median ${median(t).toFixed(2)} ms, p95 ${pctl(t, 0.95).toFixed(2)} ms, max ${Math.max(...t).toFixed(2)} ms   (target p95 < 5 ms)`);
  }
  await context.close();
} finally {
  await browser.close();
  server.close();
}

// The twenty words, first three results each (node; the same code and data).
const rows = JSON.parse(fs.readFileSync(path.join(data, 'search.json'), 'utf8')).roles;
const index = buildIndex(rows, JSON.parse(fs.readFileSync(path.join(data, 'titles.json'), 'utf8')).roles);
console.log('The twenty words (first three results; "title — occupation" when another title matched):');
for (const [q, want] of TWENTY) {
  const found = search(index, q, 3);
  const shown = found.results.map((r) => (r.title === r.role.title ? r.role.title : `${r.title} — ${r.role.title}`));
  console.log(`  ${q.padEnd(18)} ${found.results[0]?.role.id === want ? 'ok  ' : 'MISS'} ${shown.join(' | ')}   (${found.total} found)`);
}
