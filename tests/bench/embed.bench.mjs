// What one widget costs a host page on another origin: bytes (gzip -9) of embed.js alone and
// of everything it loads, and the time from the host page's load to the score visible.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { launch, serve, root } from '../e2e/browser.mjs';

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const app = await serve();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobzone-host-'));
fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>host</title>
<script type="module" src="${app.url}/embed.js"></script></head><body><p>A host page.</p>
<jobzone-score role="ai-research-engineer-mid-senior"><a href="${app.url}/">jobzone</a></jobzone-score></body></html>`);
const host = await serve(dir);
const browser = await launch();
try {
  const files = new Set();
  const times = [];
  for (let i = 0; i < 7; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('request', (r) => { if (r.url().startsWith(app.url)) files.add(new URL(r.url()).pathname); });
    await page.addInitScript(() => {
      document.addEventListener('jobzone:render', () => { window.jobzoneShown ??= performance.now(); }, true);
    });
    await page.goto(`${host.url}/`);
    await page.waitForFunction(() => window.jobzoneShown !== undefined);
    times.push(await page.evaluate(() => window.jobzoneShown - performance.getEntriesByType('navigation')[0].loadEventStart));
    await context.close();
  }
  let total = 0;
  console.log('Widget on a host page, gzip -9 per asset:');
  for (const f of [...files].sort()) {
    const size = gz(path.join(root, 'dist', f));
    total += size;
    console.log(`  ${f.padEnd(52)} ${kb(size).padStart(9)}`);
  }
  const glue = JSON.parse(fs.readFileSync(path.join(root, 'build/site-manifest.json'), 'utf8')).glue;
  const widgetJs = [...files].filter((f) => f.endsWith('.js') && !f.endsWith(glue)).reduce((t, f) => t + gz(path.join(root, 'dist', f)), 0);
  console.log(`  embed.js with the widget code it imports (all but the wasm glue): ${kb(widgetJs)}   (target <= 10 KB)`);
  console.log(`  total first load ${kb(total)}   (target <= 90 KB)`);
  console.log(`Host page load to widget score visible: median ${median(times).toFixed(0)} ms (7 cold loads)`);
} finally {
  await browser.close();
  app.close();
  host.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
