// Shared browser-test helpers: Debian's Chromium through playwright-core, and a static server.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from '../../scripts/serve.mjs';
import { tempDir } from '../tmp.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * Serves `dir` on 127.0.0.1 with its _headers, as scripts/run does, in this process on a port the
 * system picks (no port to free, nothing to poll); returns {url, port, close}. close() also drops
 * kept-alive connections, so a browser sees the server gone at once.
 */
export async function serve(dir = path.join(root, 'dist')) {
  const server = createServer(dir);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(undefined));
  });
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () => {
      server.close();
      server.closeAllConnections();
    },
  };
}

/** Records console errors, page errors and any request that leaves 127.0.0.1. */
export function watch(page) {
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!['127.0.0.1', 'localhost'].includes(u.hostname) && !['data:', 'blob:'].includes(u.protocol)) {
      problems.push(`external request: ${r.url()}`);
    }
  });
  return problems;
}

/** Names of the built assets (hashed), written by scripts/build-site.mjs. */
export const siteManifest = () => JSON.parse(fs.readFileSync(path.join(root, 'build/site-manifest.json'), 'utf8'));

/**
 * Resolves once everything already queued in the page (tasks, messages posted before this call,
 * and the two frames after them) has run: a sentinel instead of a fixed sleep.
 */
export function settled(pageOrFrame) {
  return pageOrFrame.evaluate(() => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
    channel.port2.postMessage(0);
  }));
}

/** What IndexedDB holds, read by the page itself (no version: whatever version is there). */
export const stored = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const req = indexedDB.open('jobzone');
  req.onerror = () => reject(req.error);
  req.onsuccess = () => {
    const db = req.result;
    const names = [...db.objectStoreNames];
    const tx = db.transaction(names);
    const out = {};
    for (const n of names) {
      const r = tx.objectStore(n).getAll();
      r.onsuccess = () => { out[n] = r.result; };
    }
    tx.oncomplete = () => { db.close(); resolve(out); };
  };
}));

/** Resolves once nothing accepts a connection at `url` any more (a stopped server), polling. */
export async function refused(url) {
  const { hostname, port } = new URL(url);
  for (;;) {
    const open = await new Promise((resolve) => {
      const socket = net.connect(Number(port), hostname, () => { socket.destroy(); resolve(true); });
      socket.on('error', () => resolve(false));
    });
    if (!open) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Posts `messages` to the window `target` names in the page ('self', or an iframe's CSS
 * selector), then a sentinel behind them, and resolves once the sentinel was delivered there:
 * by then every message before it was handled (messages between two windows arrive in order).
 */
export async function postAndSettle(page, target, messages) {
  const frame = target === 'self' ? page.mainFrame()
    : await (await page.$(target)).contentFrame();
  const received = frame.evaluate(() => new Promise((resolve) => {
    addEventListener('message', function sentinel(e) {
      if (e.data === 'jobzone-test:sentinel') { removeEventListener('message', sentinel); resolve(); }
    });
  }));
  await settled(frame); // the listener is in place
  await page.evaluate(([sel, list]) => {
    const w = sel === 'self' ? window : document.querySelector(sel).contentWindow;
    for (const m of list) w.postMessage(m, '*');
    w.postMessage('jobzone-test:sentinel', '*');
  }, [target, messages]);
  await received;
  await settled(page);
}

/**
 * The text of the page as printed (print media, saved as an A4 PDF, read back by pdftotext, runs
 * of white space as one space). The page is told it is about to print unless `beforeprint` is
 * false (the caller printed it already).
 */
export async function printedText(page, { beforeprint = true } = {}) {
  const { spawnSync } = await import('node:child_process');
  const pdf = path.join(tempDir('print'), 'report.pdf');
  await page.emulateMedia({ media: 'print' });
  if (beforeprint) await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await page.pdf({ path: pdf, format: 'A4' });
  const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
  fs.rmSync(path.dirname(pdf), { recursive: true, force: true });
  return text;
}

/** Presses Tab until the focused element matches `selector` (and `text`, if given); returns the presses. */
export async function tabTo(page, selector, text = null, max = 80) {
  for (let i = 0; i < max; i++) {
    const hit = await page.evaluate(([sel, txt]) => {
      const el = document.activeElement;
      return Boolean(el?.matches(sel) && (txt === null || el.textContent.trim() === txt));
    }, [selector, text]);
    if (hit) return i;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector} ${text ?? ''}`);
}

let axeSource = null;
/** axe-core finds no violation on the page (once nothing is being recomputed), and nothing scrolls sideways. */
export async function axeClean(page, where) {
  axeSource ??= fs.readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
  // Parts dimmed while their analyses are recomputed (.stale, on a busy machine) are checked once
  // the answer is in: the dimming is a moment's state, not the page's colours.
  await page.waitForFunction(() => !document.querySelector('.stale'), null, { timeout: 20000 });
  if (!(await page.evaluate(() => Boolean(/** @type {any} */ (window).axe)))) await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() => /** @type {any} */ (window).axe.run(document, { resultTypes: ['violations'] }));
  const found = result.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0].target})`);
  if (found.length) throw new Error(`${where}: axe: ${found.join('; ')}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) throw new Error(`${where}: the page scrolls sideways (${overflow}px)`);
}

/**
 * The native core's answer for an assessment (`build/native/core/jobzone <command> -`: score,
 * insight, ...): the figures a page must show, from the same C++ the wasm is built from.
 */
export function nativeCore(command, assessment) {
  const p = spawnSync(path.join(root, 'build/native/core/jobzone'), [command, '-'], { input: JSON.stringify(assessment), encoding: 'utf8' });
  if (p.status !== 0) throw new Error(`jobzone ${command}: exit ${p.status}: ${p.stderr}`);
  return JSON.parse(p.stdout);
}
