// Time for sensitivity + uncertainty + best move together on synthetic assessments of 30 and 50
// tasks, with the default confidence and with every judgment "not sure": native, wasm in node,
// wasm in Chromium. Prints figures; asserts nothing.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { syntheticAssessment } from '../node/corpus.mjs';
import { launch, serve, root, siteManifest } from '../e2e/browser.mjs';

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

/** Every judged input marked "not sure" (any level equally likely): the widest distribution. */
function allUnsure(a) {
  const out = structuredClone(a);
  for (const t of out.tasks) t.confidence = 'unsure';
  out.confidence = {
    evidence: Object.fromEntries(Object.keys(out.evidence).map((k) => [k, 'unsure'])),
    barriers: Object.fromEntries(Object.keys(out.barriers).map((k) => [k, 'unsure'])),
    ai_growth_correlation: 'unsure',
  };
  return out;
}

// Synthetic test data: 30 and 50 tasks, with the default confidence and with every input unsure.
const cases = [
  ['30 tasks, each judgment one step either way', syntheticAssessment(30, 30)],
  ['30 tasks, every judgment "not sure"', allUnsure(syntheticAssessment(30, 30))],
  ['50 tasks, each judgment one step either way', syntheticAssessment(50, 50)],
  ['50 tasks, every judgment "not sure"', allUnsure(syntheticAssessment(50, 50))],
];

const names = siteManifest();
const { default: createJobzone } = await import(path.join(root, 'build/wasm/wasm/jobzone.js'));
const mod = await createJobzone({ wasmBinary: fs.readFileSync(path.join(root, 'dist/assets', names.wasm)) });
const browser = await launch();
const server = await serve();
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}/`);
  await page.waitForSelector('main[aria-busy=false] .big-score');
  for (const [label, assessment] of cases) {
    const text = JSON.stringify(assessment);
    const file = path.join(os.tmpdir(), 'jobzone-bench-insight.json');
    fs.writeFileSync(file, text);
    const native = JSON.parse(execFileSync(path.join(root, 'build/native/tests/jobzone_bench'), [file, '100'], { encoding: 'utf8' }));
    const nodeTimes = [];
    for (let i = 0; i < 60; i++) {
      const t0 = performance.now();
      JSON.parse(mod.insight(text));
      nodeTimes.push(performance.now() - t0);
    }
    const chromium = await page.evaluate(async ({ input, glue, wasm }) => {
      // The shipped glue chunk and wasm, called the way the page's engine calls them.
      const { default: create } = await import(`/assets/${glue}`);
      const module = await create({ locateFile: () => `/assets/${wasm}` });
      const a = JSON.parse(input);
      const times = [];
      for (let i = 0; i < 60; i++) {
        const t0 = performance.now();
        JSON.parse(module.insight(JSON.stringify(a)));
        times.push(performance.now() - t0);
      }
      times.sort((x, y) => x - y);
      return { median: times[30], p95: times[57] };
    }, { input: text, glue: names.glue, wasm: names.wasm });
    const outcomes = JSON.parse(mod.insight(text)).insight.uncertainty.outcomes;
    console.log(`Insight (sensitivity + uncertainty + best move), ${label}, ${outcomes} outcomes:`);
    console.log(`  native ${native.insight_ms.toFixed(2)} ms · wasm in node ${median(nodeTimes).toFixed(2)} ms · wasm in Chromium ${chromium.median.toFixed(2)} ms (p95 ${chromium.p95.toFixed(2)})   (target < 20 ms in Chromium)`);
    if (label.startsWith('30 tasks, each')) console.log(`  score alone, native: ${native.score_ms.toFixed(3)} ms`);
  }
} finally {
  await browser.close();
  server.close();
}
