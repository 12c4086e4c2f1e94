// The derived catalog's costs, printed (never asserted): the O*NET import, the whole site's build
// with fresh preview images and with them cached, the size on disk, and what one derived role page
// costs over the wire. Each time is the median of three runs, with the load average beside it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { importCatalog, readSources, SOURCES } from '../../scripts/import-onet.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const methodology = JSON.parse(fs.readFileSync(path.join(root, 'core/methodology.json'), 'utf8'));
const RUNS = Number(process.env.JOBZONE_BENCH_RUNS ?? 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const line = (what, value) => console.log(`catalog | ${what} | ${value}`);

const importTimes = [];
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  importCatalog(readSources(SOURCES), methodology);
  importTimes.push(performance.now() - t0);
}
line('O*NET import (read, derive 923 documents)', `median ${(median(importTimes) / 1000).toFixed(2)} s of ${RUNS} (load ${load()})`);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jobzone-catalog-bench-'));
try {
  const build = (out, cache) => {
    const t0 = performance.now();
    execFileSync(process.execPath, [path.join(root, 'scripts/build-site.mjs'), '--out', out, '--image-cache', cache], { stdio: 'ignore' });
    return performance.now() - t0;
  };
  const cold = [];
  const warm = [];
  for (let i = 0; i < RUNS; i++) {
    const cache = path.join(tmp, `og-${i}`);
    cold.push(build(path.join(tmp, 'site'), cache));
    warm.push(build(path.join(tmp, 'site'), cache));
  }
  line('whole site build, 924 role pages, preview images made', `median ${(median(cold) / 1000).toFixed(1)} s of ${RUNS} (load ${load()}, ${os.availableParallelism()} cores)`);
  line('whole site build, preview images cached', `median ${(median(warm) / 1000).toFixed(1)} s of ${RUNS} (load ${load()})`);
  const site = path.join(tmp, 'site');
  const du = (p) => execFileSync('du', ['-sk', p], { encoding: 'utf8' }).split('\t')[0] * 1024;
  line('site on disk (with .gz and .br copies)', `${(du(site) / 1048576).toFixed(0)} MB; role pages ${(du(path.join(site, 'roles')) / 1048576).toFixed(0)} MB, preview images ${(du(path.join(site, 'og')) / 1048576).toFixed(0)} MB`);
  for (const [what, file] of [['Registered Nurses page', 'roles/onet-29-1141-00/index.html'], ['its data file', 'data/roles/onet-29-1141-00.json'],
    ['the published role page', 'roles/ai-research-engineer-mid-senior/index.html'], ['search names (data/search.json)', 'data/search.json'],
    ['other titles (data/titles.json, fetched when needed)', 'data/titles.json']]) {
    const bytes = fs.readFileSync(path.join(site, file));
    line(what, `${kb(bytes.length)} raw, ${kb(zlib.gzipSync(bytes, { level: 9 }).length)} gzip, ${kb(zlib.brotliCompressSync(bytes).length)} brotli`);
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
