// The installable, offline-first app: manifest and icons, offline use after the first visit,
// and the update flow when a new build is deployed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { launch, serve, watch, root, CHROMIUM_ARGS } from './browser.mjs';
import { sessionOf } from './engines.mjs';
import { refreshServiceWorker } from '../../scripts/build-site.mjs';
import { tempDir } from '../tmp.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const pngSize = (file) => {
  const b = fs.readFileSync(file);
  assert.equal(b.toString('ascii', 1, 4), 'PNG');
  return `${b.readUInt32BE(16)}x${b.readUInt32BE(20)}`;
};

async function controlled(page) {
  const s = sessionOf(page);
  await s.waitFor(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
}

/** A fresh browser's first visit, up to the service worker controlling the page. */
async function firstVisit(server) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const s = sessionOf(page);
  const problems = watch(page);
  await s.open(`${server.url}/`);
  await s.waitForSelector('main[aria-busy=false] .big-score');
  await controlled(page);
  return { context, page, problems };
}

test('the manifest is valid and referenced; icons exist at their declared sizes; Chromium finds it installable', async () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'dist/manifest.webmanifest'), 'utf8'));
  for (const key of ['name', 'short_name', 'description', 'start_url', 'display', 'background_color', 'theme_color', 'icons']) {
    assert.ok(manifest[key], `manifest has ${key}`);
  }
  assert.equal(manifest.display, 'standalone');
  const sizes = new Set();
  for (const icon of manifest.icons.filter((i) => i.type === 'image/png')) {
    assert.equal(pngSize(path.join(root, 'dist', icon.src)), icon.sizes, icon.src);
    sizes.add(`${icon.sizes} ${icon.purpose}`);
  }
  assert.ok(sizes.has('192x192 any') && sizes.has('512x512 any') && sizes.has('512x512 maskable'));
  // Raster icons only, for the tab and the install prompt: Chromium draws an SVG icon as a
  // document of its own on the page's thread while the page loads (20-40 ms each in a trace).
  assert.deepEqual(manifest.icons.filter((i) => i.type !== 'image/png'), [], 'no SVG icon in the manifest');
  for (const page of ['index.html', 'roles/onet-29-1141-00/index.html', '404.html', 'embed.html']) {
    const icon = fs.readFileSync(path.join(root, 'dist', page), 'utf8').match(/<link rel="icon" [^>]*>/)?.[0] ?? '';
    assert.match(icon, /type="image\/png"/, `${page}: ${icon}`);
  }
  const server = await serve();
  try {
    // A persistent profile: Chromium never offers to install from an incognito context.
    const profile = tempDir('profile');
    const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const page = await context.newPage();
    const s = sessionOf(page);
    const problems = watch(page);
    await s.open(`${server.url}/`);
    assert.equal(await s.attr('link[rel=manifest]', 'href'), 'manifest.webmanifest');
    await controlled(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    assert.deepEqual(problems, []);
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  } finally {
    server.close();
  }
});

test('after the first visit everything works offline', async () => {
  const server = await serve();
  try {
    const { context, page, problems } = await firstVisit(server);
    const s = sessionOf(page);
    await s.clickNamed('Edit as my own');
    await s.type(await s.field('Role title'), 'Saved before the flight');
    await s.clickNamed('Save');
    await s.waitFor(() => /Saved “Saved before the flight”/.test(document.querySelector('.notice').textContent));

    await context.setOffline(true);
    await s.reload();
    await s.waitForSelector('main[aria-busy=false] .big-score');
    assert.equal(await s.visible('#offline'), true, 'says it is offline');
    assert.equal(await s.value('[data-text="role.title"]'), 'Saved before the flight');
    // every kind of control still recomputes
    const before = await s.text('.big-score');
    await s.focus(await s.field('AI growth correlation'));
    await s.press('Home');
    assert.notEqual(await s.text('.big-score'), before);
    await s.focus(await s.field(/^Score of task 1\b/));
    await s.press('End');
    await s.focus(await s.field('Wage trends'));
    await s.press('Home');
    await s.waitForSelector('main[aria-busy=false] #levers .tornado tr');
    await s.clickNamed('My assessments');
    assert.match(await s.text('.saved-list'), /Saved before the flight/);
    // a deep link to a published role, offline
    await s.open(`${server.url}/?role=ai-research-engineer-mid-senior`);
    await s.waitForSelector('main[aria-busy=false] .big-score');
    assert.equal(await s.text('h1'), 'AI Research Engineer (Mid-Senior)');
    // the widget demo page, offline
    const failed = [];
    // (A request the previous page left unfinished is aborted by the navigation: not a failure.)
    page.on('requestfailed', (r) => { if (r.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(`${r.url()} ${r.failure()?.errorText}`); });
    await s.open(`${server.url}/demo/`);
    await s.waitFor(() => ['by-role', 'inline', 'interactive']
      .every((id) => document.getElementById(id).shadowRoot?.querySelector('[part=score]')));
    assert.equal(await s.evaluate(() => document.getElementById('by-role').shadowRoot.querySelector('[part=score]').textContent), '61.9');
    await s.waitFor(() => document.getElementById('frame').getBoundingClientRect().height >= 140);
    // The demo's broken widget names a role with no card: offline, that request fails; nothing else may.
    assert.deepEqual(failed.filter((u) => !u.includes('/data/cards/no-such-role.json ')), []);
    assert.deepEqual(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|status of 404|ERR_FAILED/.test(p)), []);
    await context.close();
  } finally {
    server.close();
  }
});

test('the service worker answers only the app\'s pages from its cache: files are files, an unknown URL is the server\'s 404', async () => {
  const server = await serve();
  try {
    const { context, page, problems } = await firstVisit(server);
    const s = sessionOf(page);
    const role = 'ai-research-engineer-mid-senior';
    const files = {
      '/feed.xml': /^application\/xml/, '/robots.txt': /^text\/plain/, [`/badge/${role}.svg`]: /^image\/svg\+xml/,
      [`/oembed/${role}.json`]: /^application\/json/, [`/og/${role}.png`]: /^image\/png/,
    };
    for (const [url, type] of Object.entries(files)) {
      const response = await page.goto(`${server.url}${url}`); // (the response: Chromium's driver)
      assert.equal(response.status(), 200, url);
      assert.match(response.headers()['content-type'], type, url);
      assert.equal(await s.evaluate(() => navigator.serviceWorker.controller === null || document.querySelector('main') === null), true, `${url} is not the app`);
    }
    for (const url of ['/nonexistent', '/badge/nope.svg', '/roles/no-such-role/']) {
      const response = await page.goto(`${server.url}${url}`); // (the response: Chromium's driver)
      assert.equal(response.status(), 404, url);
      // The server's own 404 page, never the app from the cache (under roles/, its script then
      // goes on to the start page's search for the words: tests/e2e/front-door.test.mjs).
      assert.match(await (await fetch(`${server.url}${url}`)).text(), /<h1>No page at this address<\/h1>/, `${url} is the 404 page`);
      if (!url.startsWith('/roles/')) assert.equal(await s.count('#page'), 0, `${url} is not the app`);
    }
    // A visited role page opens offline; the start page does at any query; other files are not made up.
    await s.open(`${server.url}/roles/${role}/`);
    await s.waitForSelector('main[aria-busy=false] .big-score');
    await context.setOffline(true);
    for (const url of [`/roles/${role}/`, '/?role=x&utm_source=mail', '/index.html']) {
      await s.open(`${server.url}${url}`);
      await s.waitForSelector('main[aria-busy=false] .big-score');
    }
    for (const url of ['/nonexistent', '/feed.xml']) {
      const answer = await s.open(`${server.url}${url}`).then((r) => r?.status(), (e) => e.message);
      assert.match(String(answer), /ERR_INTERNET_DISCONNECTED|^5\d\d$/, `${url} offline: ${answer}`);
    }
    // (Chromium's own viewers of XML, JSON and SVG files style themselves inline, which the site's
    // policy refuses: the file is shown plain. Those messages are the browser's, not the site's.)
    assert.deepEqual(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|status of 404|ERR_FAILED|Applying inline style violates/.test(p)), []);
    await context.close();
  } finally {
    server.close();
  }
});

test('a new deployment shows "a new version is ready"; reloading uses it and keeps the edits', async () => {
  const dir = tempDir('deploy');
  fs.cpSync(path.join(root, 'dist'), dir, { recursive: true });
  const server = await serve(dir);
  try {
    const { context, page, problems } = await firstVisit(server);
    const s = sessionOf(page);
    await s.focus(await s.field('AI growth correlation'));
    await s.press('Home');
    const edited = await s.text('.big-score');
    assert.notEqual(edited, '61.9');
    assert.equal(await s.visible('#update'), false, 'no prompt before a new version exists');

    // Deploy: one asset changes, the build regenerates the service worker.
    fs.appendFileSync(path.join(dir, 'icon.svg'), '<!-- deployment 2 -->\n');
    await refreshServiceWorker(dir);
    await s.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await s.waitForSelector('#update:not([hidden])', { timeout: 15000 });
    assert.match(await s.text('#update'), /A new version of jobzone is ready/);
    await s.evaluate(() => { window.beforeUpdate = true; });
    await s.click('#update-reload');
    await s.waitFor(() => !window.beforeUpdate && document.querySelector('main[aria-busy=false] .big-score'), null, { timeout: 15000 });
    assert.equal(await s.text('.big-score'), edited, 'the edits survived the update');
    const icon = await s.evaluate(() => fetch('icon.svg').then((r) => r.text()));
    assert.match(icon, /deployment 2/, 'the new asset is in use');
    const sw = await s.evaluate(() => navigator.serviceWorker.getRegistration()
      .then((r) => ({ waiting: r.waiting?.state ?? null, installing: r.installing?.state ?? null, active: r.active?.state })));
    assert.equal(await s.visible('#update'), false, JSON.stringify(sw));
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
