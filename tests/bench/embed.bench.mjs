// What one widget costs a host page on another origin: bytes (gzip -9) of everything it loads and
// the time from the host page's load to the score visible, for a published card (drawn from the
// build's figures: no wasm), a live calculator card, and twenty published cards on one page.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { launch, serve, root } from '../e2e/browser.mjs';
import { tempDir } from '../tmp.mjs';

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ROLE = 'ai-research-engineer-mid-senior';

const app = await serve();
const dir = tempDir('host');
const hostPage = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>host</title>
<script type="module" src="${app.url}/embed.js"></script></head><body><p>A host page.</p>${body}</body></html>`;
fs.writeFileSync(path.join(dir, 'card.html'), hostPage(`<jobzone-score role="${ROLE}"><a href="${app.url}/">jobzone</a></jobzone-score>`));
fs.writeFileSync(path.join(dir, 'live.html'), hostPage(`<jobzone-score role="${ROLE}" interactive><a href="${app.url}/">jobzone</a></jobzone-score>`));
fs.writeFileSync(path.join(dir, 'twenty.html'), hostPage(Array.from({ length: 20 }, () => `<jobzone-score role="${ROLE}"></jobzone-score>`).join('\n')));
const host = await serve(dir);
const browser = await launch();

/** Seven cold loads of a host page: the files it fetched from jobzone, and the median time to `ready`. */
async function measure(file, ready) {
  const files = new Set();
  const times = [];
  for (let i = 0; i < 7; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('request', (r) => { if (r.url().startsWith(app.url)) files.add(new URL(r.url()).pathname); });
    await page.goto(`${host.url}/${file}`);
    await page.waitForFunction(ready);
    times.push(await page.evaluate(() => performance.now() - performance.getEntriesByType('navigation')[0].loadEventStart));
    await context.close();
  }
  const sizes = [...files].sort().map((f) => [f, gz(path.join(root, 'dist', f))]);
  return { sizes, total: sizes.reduce((t, [, s]) => t + s, 0), wasm: [...files].filter((f) => f.endsWith('.wasm')).length, time: median(times) };
}

try {
  const cardReady = () => [...document.querySelectorAll('jobzone-score')].every((w) => w.shadowRoot?.querySelector('[part=score]')?.textContent.match(/\d/));
  const card = await measure('card.html', cardReady);
  console.log('A published card on a host page, gzip -9 per file:');
  for (const [f, s] of card.sizes) console.log(`  ${f.padEnd(52)} ${kb(s).padStart(9)}`);
  console.log(`  total ${kb(card.total)} (goal <= 12 KB), .wasm requests: ${card.wasm} (goal 0)`);
  console.log(`  host page load to card visible: median ${card.time.toFixed(0)} ms (7 cold loads)`);

  const live = await measure('live.html', () => document.querySelector('jobzone-score')?.shadowRoot?.querySelector('input[type=range]'));
  console.log(`A live calculator card: total ${kb(live.total)} gzip in ${live.sizes.length} files, .wasm requests: ${live.wasm}; load to sliders ready: median ${live.time.toFixed(0)} ms`);

  const twenty = await measure('twenty.html', cardReady);
  console.log(`Twenty published cards: total ${kb(twenty.total)} gzip in ${twenty.sizes.length} files, .wasm requests: ${twenty.wasm}; load to all visible: median ${twenty.time.toFixed(0)} ms`);
} finally {
  await browser.close();
  app.close();
  host.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
