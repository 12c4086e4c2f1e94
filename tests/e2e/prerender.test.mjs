// The prerendered role pages: the whole page readable (and printable) with JavaScript off, its
// meta tags for link previews, the calculator taking over the same markup with no layout shift
// and the wasm fetched only after the first paint, and a visited role page opening offline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { launch, serve, watch, root, printedText, settled, stored } from './browser.mjs';
import { sessionOf } from './engines.mjs';
import { SEED_SECTIONS } from './seed-sections.mjs';

const ROLE = 'ai-research-engineer-mid-senior';
const DERIVED = 'onet-29-1141-00'; // Registered Nurses, a derived starting point
const native = JSON.parse(execFileSync(path.join(root, 'build/native/core/jobzone'), ['score', path.join(root, 'web/data/roles', `${ROLE}.json`)], { encoding: 'utf8' }));
let browser;
let server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser?.close(); server?.close(); });

test('with JavaScript off, the role page shows the score, zone, label and every section, and prints its report', async () => {
  // What a crawler or curl gets: the markup itself.
  const html = await (await fetch(`${server.url}/roles/${ROLE}/`)).text();
  assert.match(html, new RegExp(`<span [^>]*class="big-score"[^>]*>${native.display.score}</span>`));
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const s = sessionOf(page);
  await s.open(`${server.url}/roles/${ROLE}/`);
  assert.equal(await s.text('.big-score'), native.display.score);
  assert.equal(await s.text('#glance .zone-badge'), native.label);
  assert.equal(await s.visible('#status'), false, 'no "Loading" message');
  const headings = await s.mapAll('section.card h2', (hs) => hs.map((x) => x.textContent));
  for (const [seed, ours] of SEED_SECTIONS) assert.ok(headings.includes(ours), `${seed}: “${ours}”`);
  assert.match(await s.text('#calculation'), /Raw: 3\.65 x 1\.28 x 1\.06 x 1\.10 = 5\.4476/);
  const overflow = await s.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling at 390 px (${overflow})`);
  const printed = await printedText(page, { beforeprint: false });
  assert.match(printed, new RegExp(`Score ${native.display.score.replace('.', '\\.')}/100 · GREEN · Green \\(Accelerated\\)`));
  assert.match(printed, /Novel architecture design & exploration/);
  await context.close();
});

test('link previews: title, description, Open Graph, Twitter card and oEmbed discovery in the head', async () => {
  const html = await (await fetch(`${server.url}/roles/${ROLE}/`)).text();
  const head = html.slice(0, html.indexOf('</head>'));
  const meta = (attr, name) => new RegExp(`<meta ${attr}="${name}" content="([^"]*)">`).exec(head)?.[1];
  assert.equal(/<title>([^<]*)<\/title>/.exec(head)[1], 'AI Research Engineer (Mid-Senior): 61.9 Green (Accelerated) · jobzone');
  assert.equal(meta('property', 'og:title'), 'AI Research Engineer (Mid-Senior): 61.9/100, Green (Accelerated)');
  assert.equal(meta('property', 'og:type'), 'article');
  assert.ok(meta('property', 'og:description').length > 60 && meta('property', 'og:description').length <= 200);
  assert.equal(meta('name', 'twitter:card'), 'summary_large_image');
  const image = await fetch(new URL(meta('property', 'og:image'), `${server.url}/roles/${ROLE}/`));
  assert.equal(image.headers.get('content-type'), 'image/png');
  assert.equal(meta('property', 'og:image:width'), '1200');
  assert.equal(meta('name', 'twitter:title'), meta('property', 'og:title'));
  assert.equal(meta('name', 'description'), meta('property', 'og:description'));
  const oembed = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(head)[1];
  const answer = await (await fetch(new URL(oembed, `${server.url}/roles/${ROLE}/`))).json();
  assert.equal(answer.type, 'rich');
});

test('with JavaScript on, the calculator takes over the same markup (the same elements, none added or removed): no layout shift, wasm only after the first paint', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const s = sessionOf(page);
  const problems = watch(page);
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; })
      .observe({ type: 'layout-shift', buffered: true });
    // The prerendered elements, kept to compare after the takeover, and every element added to or
    // removed from the page while it happens.
    window.__changed = [];
    window.__insights = 0;
    document.addEventListener('jobzone:insight', () => { window.__insights += 1; });
    document.addEventListener('DOMContentLoaded', () => {
      const page = document.querySelector('#page');
      window.__kept = [...page.querySelectorAll('section.card, input, output, .big-score, .tornado, svg')];
      new MutationObserver((records) => {
        for (const r of records) for (const n of [...r.addedNodes, ...r.removedNodes]) if (n.nodeType === 1) window.__changed.push(n.className || n.localName);
      }).observe(page, { childList: true, subtree: true });
    });
  });
  // The markup as served, before any script ran.
  const noScript = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const plain = sessionOf(await noScript.newPage());
  await plain.open(`${server.url}/roles/${ROLE}/`);
  const before = await plain.evaluate(() => document.querySelector('#page').innerText);
  const boxesBefore = await plain.mapAll('section.card', (s) => s.map((x) => { const r = x.getBoundingClientRect(); return [x.id, Math.round(r.top), Math.round(r.height)]; }));
  await noScript.close();

  await s.open(`${server.url}/roles/${ROLE}/`);
  await s.waitFor(() => document.querySelector('main').getAttribute('aria-busy') === 'false' && window.performance.getEntriesByName('jobzone:ready').length > 0);
  // The adopted page's analyses come back from the insight worker, and change nothing.
  await s.waitFor(() => window.__insights > 0);
  await settled(page);
  assert.equal(await s.evaluate(() => document.querySelector('#page').innerText), before, 'the same text after the takeover');
  const boxesAfter = await s.mapAll('section.card', (s) => s.map((x) => { const r = x.getBoundingClientRect(); return [x.id, Math.round(r.top), Math.round(r.height)]; }));
  assert.deepEqual(boxesAfter, boxesBefore, 'every section where it was');
  assert.equal(await s.evaluate(() => window.__shift), 0, 'cumulative layout shift');
  const kept = await s.evaluate(() => ({ count: window.__kept.length,
    connected: window.__kept.filter((el) => el.isConnected).length, changed: window.__changed }));
  assert.ok(kept.count > 100, `${kept.count} elements watched`);
  assert.deepEqual(kept.changed, [], 'no element added or removed by the takeover');
  assert.equal(kept.connected, kept.count, 'every prerendered element is still the one on the page');
  assert.equal(await s.evaluate(() => performance.getEntriesByName('jobzone:adopted').length), 1, 'taken over, not drawn again');
  // The wasm is asked for (by the insight worker, which compiles it and hands it over, or by the
  // page) only once the engine starts, after the first paint; the page itself fetches none.
  const order = await s.evaluate(() => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
    const engine = performance.getEntriesByName('jobzone:engine')[0]?.startTime;
    const wasm = performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.wasm')).length;
    return { paint, engine, wasm };
  });
  assert.ok(order.paint < order.engine, `first paint (${order.paint?.toFixed(0)} ms) before the engine starts (${order.engine?.toFixed(0)} ms)`);
  assert.equal(order.wasm, 0, 'the page compiles no module of its own: the worker hands it over');
  // Taken over with the worker's score: the page makes its own instance of the module only when
  // the reader is about to change something (focus here), and the first move is scored at once.
  assert.equal(await s.evaluate(() => performance.getEntriesByName('jobzone:instantiated').length), 0,
    'no instance of the module on the page before the reader acts');
  // It is the calculator now.
  await s.focus('[data-path="ai_growth_correlation"]');
  await s.press('Home');
  await s.waitFor(() => document.querySelector('.big-score').textContent !== '61.9');
  assert.equal(await s.evaluate(() => performance.getEntriesByName('jobzone:instantiated').length), 1, 'one instance, made at the reader\'s first act');
  assert.deepEqual(problems, []);
  await context.close();
});

test('markup that no longer matches its role file (an old page from a cache) is drawn anew from the file', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const s = sessionOf(page);
  const problems = watch(page);
  await page.route(`**/data/roles/${ROLE}.json`, async (route) => {
    const assessment = await (await route.fetch()).json();
    assessment.tasks[0].score = 5; // a newer assessment than the page was built from
    await route.fulfill({ contentType: 'application/json', body: JSON.stringify(assessment) });
  });
  await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => { window.__old = document.querySelector('.big-score'); }));
  await s.open(`${server.url}/roles/${ROLE}/`);
  await s.waitFor(() => document.querySelector('main').getAttribute('aria-busy') === 'false' && document.querySelector('.big-score') !== window.__old);
  const shown = await s.text('.big-score');
  assert.notEqual(shown, native.display.score, 'the score of the newer file');
  assert.equal(await s.evaluate(() => performance.getEntriesByName('jobzone:adopted').length), 0, 'drawn anew');
  assert.equal(await s.evaluate(() => window.__old.isConnected), false, 'the old markup is gone');
  assert.equal(await s.attr('[data-path="tasks.0.score"]', 'aria-valuetext'), '5 of 5: ' + (await s.text('[data-path="tasks.0.score"] ~ .level')));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a derived page is taken over without one write to its markup, and its title says derived until a move makes it adjusted', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const s = sessionOf(page);
  const problems = watch(page);
  await page.addInitScript(() => {
    // Every change to the page's markup from the first script on: attributes, text and elements.
    window.__writes = [];
    window.__insights = 0;
    document.addEventListener('jobzone:insight', () => { window.__insights += 1; });
    document.addEventListener('DOMContentLoaded', () => {
      new MutationObserver((records) => {
        for (const r of records) {
          const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
          window.__writes.push(`${r.type} ${r.attributeName ?? ''} ${el?.localName}.${el?.className}`);
        }
      }).observe(document.querySelector('#page'), { childList: true, subtree: true, attributes: true, characterData: true });
    });
  });
  await s.open(`${server.url}/roles/${DERIVED}/`);
  const served = await s.title();
  assert.match(served, /^Registered Nurses: \d+\.\d \w+ .*\(derived, not assessed\) · jobzone$/);
  await s.waitFor(() => document.querySelector('main').getAttribute('aria-busy') === 'false' && window.__insights > 0);
  await settled(page);
  assert.equal(await s.evaluate(() => performance.getEntriesByName('jobzone:adopted').length), 1, 'taken over');
  // The takeover finds the page's parts by their marks and writes nothing: what the markup shows
  // is what the app would draw.
  assert.deepEqual(await s.evaluate(() => window.__writes), [], 'no write to the markup');
  assert.equal(await s.title(), served, 'the title the page was served with');
  // A fresh tab showing a catalog role as it is writes no draft (its address opens it again):
  // none after the 250 ms a draft waits for.
  await s.evaluate(() => new Promise((resolve) => setTimeout(resolve, 400)));
  assert.deepEqual((await stored(page)).drafts ?? [], [], 'no draft for a page nobody changed');
  await s.focus('[data-path="ai_growth_correlation"]');
  await s.press('End');
  await s.waitFor(() => / \(adjusted from derived, not assessed\) · jobzone$/.test(document.title));
  // The first change is work: the tab's draft follows it (polled, never a fixed wait).
  const draftHas = async () => ((await stored(page)).drafts ?? []).some((d) => d.kind === 'tab' && d.dirty && d.work?.assessment?.ai_growth_correlation === 2);
  for (let i = 0; !(await draftHas()); i++) {
    assert.ok(i < 2000, 'the draft is written');
    await settled(page);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('markup missing one of its marked parts is drawn anew, with every control working', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const s = sessionOf(page);
  const problems = watch(page);
  // The served page without its first control, and one of its marked parts unmarked: both are
  // counted on the page (data-controls, data-refs), so the takeover finds them missing.
  await page.route(`**/roles/${DERIVED}/`, async (route) => {
    const html = await (await route.fetch()).text();
    const cut = html.replace(/<input [^>]*data-path="protective\.[a-z_]+"[^>]*>/, '').replace(/ data-ref="verdict"/, '');
    assert.notEqual(cut, html);
    await route.fulfill({ contentType: 'text/html', body: cut });
  });
  await s.open(`${server.url}/roles/${DERIVED}/`);
  await s.waitFor(() => document.querySelector('main').getAttribute('aria-busy') === 'false');
  assert.equal(await s.evaluate(() => performance.getEntriesByName('jobzone:adopted').length), 0, 'drawn anew');
  const before = await s.text('.big-score');
  await s.focus('[data-path="evidence.job_posting_trends"]');
  await s.press('End');
  await s.waitFor((was) => document.querySelector('.big-score').textContent !== was, before);
  assert.match(await s.attr('[data-path="evidence.job_posting_trends"]', 'aria-valuetext'), /^\+2: /);
  assert.equal(await s.evaluate(() => document.querySelectorAll('[data-path^="protective."]').length), 3, 'every protective control is there');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the start page holds the default role, prerendered and taken over; a visit that opens something else never shows it', async () => {
  // The markup as served: the default role's page, under the site's own title.
  const html = await (await fetch(`${server.url}/`)).text();
  assert.match(html, new RegExp(`<span [^>]*class="big-score"[^>]*>${native.display.score}</span>`));
  assert.match(html, /<title>jobzone: how exposed is a role to AI\?<\/title>/);
  assert.match(html, new RegExp(`<meta name="jobzone-start-role" content="${ROLE}">\\n<script src="start.js"></script>`));
  assert.doesNotMatch(html, /name="jobzone-role"|rel="preload"[^>]+\.wasm/, 'not a role page: no wasm before the first paint');

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Every frame until the app is ready: the score on show, if #page is shown at all.
  await context.addInitScript(() => {
    window.__seen = new Set();
    const look = () => {
      const page = document.querySelector('#page');
      if (page && getComputedStyle(page).display !== 'none' && page.querySelector('.big-score')) window.__seen.add(page.querySelector('.big-score').textContent);
      const status = document.querySelector('#status');
      if (status && getComputedStyle(status).display !== 'none' && /Loading the calculator/.test(status.textContent)) window.__loading = true;
      if (document.querySelector('main')?.getAttribute('aria-busy') !== 'false') requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  const page = await context.newPage();
  const s = sessionOf(page);
  const problems = watch(page);
  await s.open(`${server.url}/`);
  await s.waitForSelector('main[aria-busy=false] .big-score');
  assert.equal(await s.evaluate(() => performance.getEntriesByName('jobzone:adopted').length), 1, 'taken over, not drawn again');
  assert.deepEqual(await s.evaluate(() => [...window.__seen]), [native.display.score]);
  await s.focus('[data-path="tasks.0.score"]');
  await s.press('End');
  await s.waitFor((was) => document.querySelector('.big-score').textContent !== was, native.display.score);
  const edited = await s.text('.big-score');

  // A reload of that tab: its edited work, and never the published figure on the way.
  // The draft is written (read from the store by the page itself; polled, never a fixed wait).
  const draftHas = async () => ((await stored(page)).drafts ?? [])
    .some((d) => d.kind === 'tab' && d.dirty && d.work?.assessment?.tasks?.[0]?.score === 5);
  for (let i = 0; !(await draftHas()); i++) {
    assert.ok(i < 2000, 'the draft is written');
    await settled(page);
  }
  await s.reload();
  await s.waitForSelector('main[aria-busy=false] .big-score');
  assert.equal(await s.text('.big-score'), edited);
  assert.deepEqual(await s.evaluate(() => [...window.__seen]), [edited], 'the prerendered role stayed out of sight');
  assert.equal(await s.evaluate(() => document.documentElement.classList.contains('elsewhere')), false);

  // The start page named by ?role= is still the start page: taken over, not hidden and redrawn.
  const named = sessionOf(await context.newPage());
  await named.open(`${server.url}/?role=${ROLE}`);
  await named.waitForSelector('main[aria-busy=false] .big-score');
  assert.equal(await named.evaluate(() => performance.getEntriesByName('jobzone:adopted').length), 1, '?role= of the start page\'s own role');
  assert.deepEqual(await named.evaluate(() => [...window.__seen]), [native.display.score]);

  // A share link, in a fresh tab: its own assessment, never the default role first.
  const reference = JSON.parse(await (await fetch(`${server.url}/data/roles/${ROLE}.json`)).text());
  reference.tasks[0].score = 5;
  const link = `${server.url}/#a=0.${Buffer.from(JSON.stringify(reference)).toString('base64url')}`;
  const sharedPage = await context.newPage();
  const sharedProblems = watch(sharedPage);
  const shared = sessionOf(sharedPage);
  await shared.open(link);
  await shared.waitForSelector('main[aria-busy=false] .read-view');
  const linked = await shared.text('.read-figure');
  assert.notEqual(linked, native.display.score);
  assert.deepEqual(await shared.evaluate(() => [...window.__seen]), [], 'no flash of the default role (the link is read in its own view)');
  assert.equal(await shared.evaluate(() => window.__loading), true, 'the loading line, meanwhile');
  assert.deepEqual([...problems, ...sharedProblems], []);
  await context.close();
});

test('start.js reads a bounded draft before the first paint: a 4 MB tab draft is not parsed there, and the role stays hidden', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    if (location.pathname !== '/') return;
    const big = JSON.stringify({ v: 1, id: 'tab-x', kind: 'tab', dirty: true, title: 'Big', work: { mode: 'own', assessment: { role: { title: 'Big' } }, pad: 'x'.repeat(4 * 1024 * 1024) } });
    try { sessionStorage.setItem('jobzone:tab-draft', big); } catch { /* over this browser's quota: nothing to bound */ }
    const parse = JSON.parse;
    window.__parsedBeforePaint = [];
    JSON.parse = function bounded(text, ...rest) {
      if (!document.body) window.__parsedBeforePaint.push(String(text).length);
      return parse.call(this, text, ...rest);
    };
    window.__hidden = null;
    document.addEventListener('DOMContentLoaded', () => {
      window.__stored = sessionStorage.getItem('jobzone:tab-draft')?.length ?? 0;
      window.__hidden = document.documentElement.classList.contains('elsewhere');
    });
  });
  const page = await context.newPage();
  const s = sessionOf(page);
  await s.open(`${server.url}/`);
  await s.waitFor(() => window.__hidden !== null);
  const stored = await s.evaluate(() => window.__stored);
  assert.ok(stored > 4000000, `the draft was stored (${stored} characters)`);
  assert.deepEqual(await s.evaluate(() => window.__parsedBeforePaint.filter((n) => n > 200000)), [], 'nothing over 200,000 characters parsed before the first paint');
  assert.equal(await s.evaluate(() => window.__hidden), true, 'the default role is kept out of sight: the tab has work of its own');
  await context.close();
});

test('a role page visited once opens offline', async () => {
  const own = await serve();
  const context = await browser.newContext();
  const page = await context.newPage();
  const s = sessionOf(page);
  await s.open(`${own.url}/`);
  await s.waitFor(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
  await s.open(`${own.url}/roles/${ROLE}/`);
  await s.waitForSelector('main[aria-busy=false] #levers .tornado tr');
  own.close();
  await s.reload();
  await s.waitForSelector('main[aria-busy=false] #levers .tornado tr');
  assert.equal(await s.text('.big-score'), '61.9');
  assert.match(await s.title(), /61\.9 Green \(Accelerated\)/);
  await context.close();
});
