// Lighthouse (pinned 12.2.3) on the served app with Debian's Chromium, offline from the internet:
// category scores, installability (Chromium's own check) and the precache size. Prints only.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve, root, siteManifest, CHROMIUM_ARGS } from '../e2e/browser.mjs';
import { tempDir } from '../tmp.mjs';

/** Lighthouse runs of the derived role page (its budget: performance 98), and of its control. */
const DERIVED_RUNS = 5;
const DERIVED = 'roles/onet-29-1141-00';

/**
 * The control: the derived role page exactly as built, less its script (and the script's
 * preload), with what it still loads (the style sheet, icons, manifest, headers), in a folder of
 * its own. Its score is what the page's markup and styles cost on this machine before any of the
 * app's JavaScript: the floor the app's score is read against.
 */
function withoutScript(dist) {
  const dir = tempDir('no-script');
  for (const name of ['_headers', 'manifest.webmanifest', 'icons']) fs.cpSync(path.join(dist, name), path.join(dir, name), { recursive: true });
  fs.mkdirSync(path.join(dir, 'assets'));
  for (const name of fs.readdirSync(path.join(dist, 'assets')).filter((n) => /\.css(\.br|\.gz)?$/.test(n))) fs.copyFileSync(path.join(dist, 'assets', name), path.join(dir, 'assets', name));
  const html = fs.readFileSync(path.join(dist, DERIVED, 'index.html'), 'utf8')
    .replace(/<script type="module" src="[^"]*"><\/script>/g, '').replace(/<link rel="modulepreload"[^>]*>/g, '');
  fs.mkdirSync(path.join(dir, DERIVED), { recursive: true });
  const file = path.join(dir, DERIVED, 'index.html');
  fs.writeFileSync(file, html);
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(html));
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(html, { level: 9 }));
  return dir;
}

/**
 * From a Lighthouse trace: the page's main-thread tasks after its first contentful paint that
 * run over 12.5 ms (how many, and their time past 12.5 ms, in ms).
 */
function blockingAfterPaint(events) {
  const paint = events.find((e) => e.name === 'firstContentfulPaint');
  const thread = events.find((e) => e.pid === paint.pid && e.name === 'thread_name' && e.args.name === 'CrRendererMain');
  const long = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.name === 'RunTask' && e.ts > paint.ts && e.dur > 12500);
  return { over: long.length, excess: long.reduce((sum, e) => sum + (e.dur - 12500) / 1000, 0) };
}

const report = path.join(tempDir('lighthouse'), 'report.json');

/**
 * One Lighthouse run of `url` for `categories` (a comma list); its report, and with `trace`, its
 * trace's events too. Asynchronous: the servers run in this process, so the event loop must stay
 * free to answer.
 */
async function lighthouse(url, categories, { trace = false } = {}) {
  await promisify(execFile)(process.execPath, [path.join(root, 'node_modules/lighthouse/cli/index.js'), url,
    '--output=json', `--output-path=${report}`, ...(trace ? ['--save-assets'] : []), '--quiet', `--only-categories=${categories}`,
    `--chrome-flags=${CHROMIUM_ARGS.join(' ')}`], { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' } });
  const lhr = JSON.parse(fs.readFileSync(report, 'utf8'));
  return { lhr, events: trace ? JSON.parse(fs.readFileSync(report.replace(/report\.json$/, 'report-0.trace.json'), 'utf8')).traceEvents : null };
}

const server = await serve();
try {
  // The start page (built by script after the wasm loads) and a prerendered role page.
  for (const [name, url] of [['start page /', `${server.url}/`], ['role page /roles/<id>/', `${server.url}/roles/ai-research-engineer-mid-senior/`],
    ['derived role page /roles/onet-29-1141-00/', `${server.url}/roles/onet-29-1141-00/`]]) {
    const { lhr } = await lighthouse(url, 'performance,accessibility,best-practices,seo');
    const scores = Object.values(lhr.categories).map((c) => `${c.title} ${Math.round(c.score * 100)}`).join(' · ');
    const metric = (id) => lhr.audits[id]?.displayValue ?? '?';
    console.log(`Lighthouse ${lhr.lighthouseVersion}, ${name}: ${scores}; FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}   (target 100 each)`);
    const failing = Object.values(lhr.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual' && a.scoreDisplayMode !== 'notApplicable');
    if (failing.length) console.log(`  audits below full marks: ${failing.map((a) => `${a.id} (${a.score})`).join(', ')}`);
  }

  // The derived role page's performance, five times (one run on this machine spans 10 points),
  // alternating with its control (the same page without its script, served from a copy): the
  // median score and TBT of each, and from each run's trace what makes TBT, in observed time: the
  // main thread's tasks after the first paint over 12.5 ms (Lighthouse's simulation slows each
  // task four times, and a task blocks past 50 ms). Lighthouse simulates the first paint from a
  // part of the page's work only, so the markup's own parsing and first layout can count as
  // blocking: the control's TBT is that part.
  const control = await serve(withoutScript(path.join(root, 'dist')));
  const runs = { page: [], control: [] };
  try {
    for (let i = 0; i < DERIVED_RUNS; i++) {
      for (const [key, origin] of [['page', server.url], ['control', control.url]]) {
        const { lhr, events } = await lighthouse(`${origin}/${DERIVED}/`, 'performance', { trace: true });
        runs[key].push({ score: Math.round(lhr.categories.performance.score * 100), tbt: lhr.audits['total-blocking-time'].numericValue, ...blockingAfterPaint(events) });
      }
    }
  } finally {
    control.close();
  }
  const median = (list, key) => [...list].map((r) => r[key]).sort((a, b) => a - b)[Math.floor(list.length / 2)];
  const line = (list) => `performance median ${median(list, 'score')} (${list.map((r) => r.score).join(', ')}), TBT median ${median(list, 'tbt').toFixed(0)} ms; `
    + `observed tasks after first paint over 12.5 ms: median ${median(list, 'over')} (${list.map((r) => r.over).join(', ')}), their time over 12.5 ms median ${median(list, 'excess').toFixed(0)} ms`;
  console.log(`Lighthouse, derived role page, ${runs.page.length} runs: ${line(runs.page)}   (target performance >= 98)`);
  console.log(`Lighthouse, the same page without its script (the control, alternating with it), ${runs.control.length} runs: ${line(runs.control)}`);

  const profile = tempDir('profile');
  const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  const manifest = await cdp.send('Page.getAppManifest');
  console.log(`Installability (Chromium): ${installabilityErrors.length === 0 ? 'installable, no errors' : JSON.stringify(installabilityErrors)}; manifest errors: ${manifest.errors.length}`);
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
  const { precache } = siteManifest();
  console.log(`Service worker precache: ${precache.count} files, ${(precache.size / 1024).toFixed(1)} KB (uncompressed)`);
} finally {
  server.close();
}
