// The scale test: a site built from 10,000 synthetic roles (generated here into a temporary folder,
// never shipped; JOBZONE_SCALE_ROLES changes the number). It has its own command, scripts/scale;
// the default suite runs it at 300 roles (tests/e2e/scale-small.test.mjs). It prints the build time, the size of
// the site, bytes per role page, the search names' size (gzip) and the search latency per
// keystroke in Chromium, as "# SCALE" lines for the closing note. It asserts behaviour only: every
// page built, every role findable, a page opened from the big catalog; never a timing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { launch, serve, watch, root } from '../e2e/browser.mjs';
import { writeSyntheticRoles } from './roles.mjs';
import { tempDir } from '../tmp.mjs';

const N = Number(process.env.JOBZONE_SCALE_ROLES ?? 10000);
const tmp = tempDir('scale');
const rolesDir = path.join(tmp, 'roles');
const out = path.join(tmp, 'site');
const report = (what, value) => console.log(`# SCALE | ${what} | ${value}`);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];

let browser;
let server;
let names;
before(async () => {
  names = writeSyntheticRoles(rolesDir, N);
  const started = Date.now();
  // Without preview images, to keep the suite in time: their cost is timed on a sample below.
  const built = spawnSync(process.execPath, [path.join(root, 'scripts/build-site.mjs'), '--roles', rolesDir, '--out', out, '--no-previews'], { encoding: 'utf8' });
  assert.equal(built.status, 0, built.stderr);
  report('roles', N);
  report('build time (build-site.mjs, all of it but the preview images)', `${((Date.now() - started) / 1000).toFixed(1)} s`);
  browser = await launch();
  server = await serve(out);
});
after(async () => {
  await browser?.close();
  server?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

test('every role has its page, card, badge and oEmbed answer; sizes reported', () => {
  const files = walk(out);
  const raw = files.filter((f) => !/\.(gz|br)$/.test(f));
  report('site size (files as served, without .gz/.br copies)', `${(raw.reduce((t, f) => t + fs.statSync(f).size, 0) / 1048576).toFixed(1)} MB in ${raw.length} files`);
  report('site size with the .gz/.br copies', `${(files.reduce((t, f) => t + fs.statSync(f).size, 0) / 1048576).toFixed(1)} MB`);
  const pages = fs.readdirSync(path.join(out, 'roles'));
  assert.equal(pages.length, N);
  const sample = pages.filter((_, i) => i % Math.max(1, Math.floor(N / 200)) === 0).map((id) => fs.readFileSync(path.join(out, 'roles', id, 'index.html')));
  report('bytes per role page (mean of a sample)', `${kb(sample.reduce((t, b) => t + b.length, 0) / sample.length)} raw, ${kb(sample.reduce((t, b) => t + zlib.gzipSync(b, { level: 9 }).length, 0) / sample.length)} gzip`);
  for (const dir of ['data/cards', 'data/inputs', 'data/roles', 'oembed']) assert.equal(fs.readdirSync(path.join(out, dir)).filter((f) => f.endsWith('.json')).length, N, dir);
  assert.equal(fs.readdirSync(path.join(out, 'badge')).filter((f) => f.endsWith('.svg')).length, N);
  const search = fs.readFileSync(path.join(out, 'data/search.json'));
  report('search names (data/search.json)', `${kb(search.length)} raw, ${kb(zlib.gzipSync(search, { level: 9 }).length)} gzip (goal <= 150 KB)`);
  report('catalog loaded at boot (data/index.json)', `${fs.statSync(path.join(out, 'data/index.json')).size} bytes`);
  assert.equal(fs.existsSync(path.join(out, 'og')), false, '--no-previews');
  const sw = fs.readFileSync(path.join(out, 'sw.js'), 'utf8');
  assert.doesNotMatch(sw, /roles\/synthetic-1\//, 'role pages are not precached');
  const defaultId = JSON.parse(fs.readFileSync(path.join(out, 'data/index.json'), 'utf8')).default;
  const precachedRoles = [...sw.matchAll(/data\/roles\/([a-z0-9-]+)\.json/g)].map((m) => m[1]);
  assert.deepEqual(precachedRoles, [defaultId], 'of the role data, in a catalog this large, only the default role\'s');
});

test('preview images: the cost of one, timed on a sample of this catalog', async () => {
  const { ogImage } = await import('../../scripts/og-image.mjs');
  const sample = fs.readdirSync(path.join(out, 'data/cards')).slice(0, 60).map((f) => JSON.parse(fs.readFileSync(path.join(out, 'data/cards', f), 'utf8')));
  await ogImage(sample[0]); // fonts and the renderer loaded once
  const started = performance.now();
  for (const card of sample) {
    const png = await ogImage(card);
    assert.equal(Buffer.from(png).toString('ascii', 1, 4), 'PNG');
  }
  const each = (performance.now() - started) / sample.length;
  const threads = Math.min(4, os.availableParallelism?.() ?? os.cpus().length);
  report('preview image (1200x630 PNG), rendered', `${each.toFixed(0)} ms each on one thread; ${N} roles on ${threads} threads ≈ ${((each * N) / threads / 1000).toFixed(0)} s on a first build, then only changed roles (kept in build/og-cache by content)`);
});

test('search in Chromium: each keystroke to results on screen, at this catalog size', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watch(page);
  const target = names[N - 3];
  await page.goto(`${server.url}/roles/${target.id}/`);
  await page.waitForFunction(() => document.querySelector('main').getAttribute('aria-busy') === 'false' && document.querySelector('#levers .tornado tr'));
  assert.match(await page.textContent('h1'), new RegExp(target.title));
  // The names load when the search box is first used (focus fetches them; a letter shows them).
  const first = Date.now();
  await page.locator('#role-search').focus();
  await page.keyboard.type('s');
  await page.waitForFunction(() => document.querySelectorAll('#role-results a[data-role]').length > 0);
  report('search names loaded and indexed at the first keystroke', `${Date.now() - first} ms`);
  // Keystrokes, timed in the page: input event to the results list changed.
  const queries = ['senior data analyst', 'clinical nursing officer', 'warehouse operator', 'regional tax auditor', 'lead softwre developer', 'chief energy planner'];
  const times = await page.evaluate(async (qs) => {
    const input = document.getElementById('role-search');
    const list = document.getElementById('role-results');
    const out = [];
    for (const q of qs) {
      for (let i = 1; i <= q.length; i++) {
        const changed = new Promise((resolve) => {
          const mo = new MutationObserver(() => { mo.disconnect(); resolve(); });
          mo.observe(list, { childList: true, subtree: true, characterData: true });
        });
        const t0 = performance.now();
        input.value = q.slice(0, i);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await changed;
        out.push(performance.now() - t0);
      }
    }
    return out;
  }, queries);
  report('search latency per keystroke (input to results drawn)', `median ${median(times).toFixed(2)} ms, p95 ${p95(times).toFixed(2)} ms, max ${Math.max(...times).toFixed(1)} ms over ${times.length} keystrokes (goal under 5 ms)`);
  // Every query finds what it should, typo included ("softwre").
  // A title of this catalog with one letter of its longest word dropped (a typo) is found first.
  const typoOf = names[Math.floor(N / 2)].title;
  const longest = typoOf.split(' ').reduce((a, b) => (b.length > a.length ? b : a));
  const typed = typoOf.replace(longest, longest.slice(0, 3) + longest.slice(4)).toLowerCase();
  await page.locator('#role-search').fill(typed);
  await page.waitForFunction((t) => document.querySelector('#role-results a[data-role] .hit-title')?.textContent.startsWith(t), typoOf);
  await page.locator('#role-search').fill(target.title.toLowerCase());
  await page.waitForFunction((t) => [...document.querySelectorAll('#role-results a[data-role] .hit-title')].some((a) => a.textContent === t), target.title);
  assert.deepEqual(problems, []);
  await context.close();
});


/** A role page of this catalog, opened and ready: {context, page, problems}. */
async function openRole(id) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(`${server.url}/roles/${id}/`);
  await page.waitForFunction(() => document.querySelector('main').getAttribute('aria-busy') === 'false');
  return { context, page, problems };
}

test('Compare, at this catalog size: the selects list only what is in play, and any role is found by search', async () => {
  const other = names[N - 11];
  const { context, page, problems } = await openRole(names[7].id);
  await page.click('button[data-action="compare"]');
  await page.waitForSelector('#compare-find');
  const options = await page.$$eval('select[data-compare="b"] option', (o) => o.length);
  assert.ok(options < 10, `the select lists ${options} choices, not ${N}`);
  await page.locator('#compare-find').fill(other.title.toLowerCase());
  await page.waitForFunction((t) => [...document.querySelectorAll('.compare-found button')].some((b) => b.textContent === `${t} · published`), other.title);
  assert.match(await page.textContent('#compare-found-count'), /match/);
  await page.locator('.compare-found button', { hasText: other.title }).first().click();
  await page.waitForFunction((id) => document.querySelector('select[data-compare="b"]').value === `published:${id}`
    && document.querySelector('.compare-table tbody tr th')?.textContent === 'Score', other.id);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.compare), 'b', 'focus on the choice just made');
  const card = JSON.parse(fs.readFileSync(path.join(out, 'data/cards', `${other.id}.json`), 'utf8'));
  assert.equal(await page.textContent(".compare-table tbody tr td:nth-child(3)"), card.display_score, 'the second column is the role found');
  assert.deepEqual(problems, []);
  await context.close();
});

test('offline, at this catalog size: the default role is kept, and a role page never opened says so plainly', async () => {
  const own = await serve(out);
  const context = await browser.newContext();
  const page = await context.newPage();
  const defaultId = JSON.parse(fs.readFileSync(path.join(out, 'data/index.json'), 'utf8')).default;
  const sw = fs.readFileSync(path.join(out, 'sw.js'), 'utf8');
  assert.match(sw, new RegExp(`data/roles/${defaultId}\\.json`), 'the default role is precached, however many roles there are');
  const visited = names[5];
  const never = names[N - 5];
  await page.goto(`${own.url}/roles/${visited.id}/`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
  await page.reload();
  await page.waitForFunction(() => document.querySelector('main').getAttribute('aria-busy') === 'false');
  own.close();
  await context.setOffline(true);
  // Seen before: opens as it was.
  await page.goto(`${own.url}/roles/${visited.id}/`);
  await page.waitForFunction(() => document.querySelector('main').getAttribute('aria-busy') === 'false');
  assert.match(await page.textContent('h1'), new RegExp(visited.title));
  // Never opened here: the app, saying why, with the default role.
  await page.goto(`${own.url}/roles/${never.id}/`);
  await page.waitForFunction(() => document.querySelector('main').getAttribute('aria-busy') === 'false' && document.querySelector('#status p'));
  assert.match(await page.textContent('#status'), new RegExp(`“${never.id}” could not be loaded: this device is offline, and that role was not opened here before`));
  assert.match(page.url(), new RegExp(`\\?role=${never.id}$`));
  const { role } = JSON.parse(fs.readFileSync(path.join(out, 'data/roles', `${defaultId}.json`), 'utf8'));
  await page.waitForSelector('main[aria-busy=false] .big-score');
  assert.match(await page.textContent('h1'), new RegExp(`^${role.title}`), 'the default role');
  await context.close();
});

test('the guide\'s comparison, at this catalog size: searched, not listed', async () => {
  const other = names[N - 21];
  const { context, page, problems } = await openRole(names[9].id);
  await page.getByRole('button', { name: 'Is this your job? Adjust it to your week' }).click();
  await page.getByRole('button', { name: 'Skip to the result' }).first().click();
  await page.waitForSelector('#guide-compare-find');
  const options = await page.$$eval('select[data-g="compare"] option', (o) => o.length);
  assert.ok(options < 10, `the select lists ${options} choices, not ${N}`);
  await page.locator('#guide-compare-find').fill(other.title.toLowerCase());
  const pick = page.locator('.compare-found button', { hasText: other.title }).first();
  await pick.waitFor();
  await pick.click();
  await page.waitForFunction((t) => document.querySelector('.guide-compare thead')?.textContent.includes(t), other.title, { timeout: 5000 }).catch(async (e) => {
    console.log(await page.evaluate(() => document.querySelector('.guide-result')?.innerText));
    throw e;
  });
  assert.equal(await page.evaluate(() => document.activeElement.dataset.g), 'compare', 'focus on the choice just made');
  assert.deepEqual(problems, []);
  await context.close();
});
