// Time for sensitivity + uncertainty + best move together on a 30-task synthetic assessment:
// native, wasm in node, wasm in Chromium. Prints figures; asserts nothing.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { syntheticAssessment } from '../node/corpus.mjs';
import { launch, serve, root, siteManifest } from '../e2e/browser.mjs';

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const thirty = syntheticAssessment(30, 30); // synthetic test data, 30 tasks
const text = JSON.stringify(thirty);
const file = path.join(os.tmpdir(), 'jobzone-bench-30.json');
fs.writeFileSync(file, text);

const native = JSON.parse(execFileSync(path.join(root, 'build/native/tests/jobzone_bench'), [file, '300'], { encoding: 'utf8' }));

const names = siteManifest();
const { default: createJobzone } = await import(path.join(root, 'build/wasm/wasm/jobzone.js'));
const mod = await createJobzone({ wasmBinary: fs.readFileSync(path.join(root, 'dist/assets', names.wasm)) });
const nodeTimes = [];
for (let i = 0; i < 300; i++) {
  const t0 = performance.now();
  JSON.parse(mod.insight(text));
  nodeTimes.push(performance.now() - t0);
}

const browser = await launch();
const server = await serve();
let chromium;
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}/`);
  await page.waitForSelector('.big-score');
  chromium = await page.evaluate(async ({ input, glue, wasm }) => {
    // The shipped glue chunk and wasm, called the way the page's engine calls them.
    const { default: create } = await import(`/assets/${glue}`);
    const module = await create({ locateFile: () => `/assets/${wasm}` });
    const a = JSON.parse(input);
    const times = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      JSON.parse(module.insight(JSON.stringify(a)));
      times.push(performance.now() - t0);
    }
    times.sort((x, y) => x - y);
    return { median: times[100], p95: times[190] };
  }, { input: text, glue: names.glue, wasm: names.wasm });
} finally {
  await browser.close();
  server.close();
}
const outcomes = JSON.parse(mod.insight(text)).insight.uncertainty.outcomes;
console.log(`Insight (sensitivity + uncertainty + best move), 30 tasks, ${outcomes} outcomes:`);
console.log(`  native ${native.insight_ms.toFixed(2)} ms · wasm in node ${median(nodeTimes).toFixed(2)} ms · wasm in Chromium ${chromium.median.toFixed(2)} ms (p95 ${chromium.p95.toFixed(2)})   (target < 20 ms in Chromium)`);
console.log(`  score alone, native: ${native.score_ms.toFixed(3)} ms`);
