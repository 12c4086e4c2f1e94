// The calculator page in headless Chromium: golden figures, keyboard edits checked against the
// native scorer, time shares at 100, accessibility (axe-core), no foreign requests, no errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, serve, watch, root, nativeCore } from './browser.mjs';
import { sessionOf } from './engines.mjs';
import { tempDir } from '../tmp.mjs';

const referencePath = path.join(root, 'web/data/roles/ai-research-engineer-mid-senior.json');
const reference = JSON.parse(fs.readFileSync(referencePath, 'utf8'));
const axeSource = fs.readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

let browser;
let server;
before(async () => {
  browser = await launch();
  server = await serve();
});
after(async () => {
  await browser?.close();
  server?.close();
});

const nativeScore = (assessment) => nativeCore('score', assessment);

/** The assessment as the page's controls hold it. */
async function pageAssessment(page) {
  const s = sessionOf(page);
  const values = await s.mapAll('[data-path]', (els) => els.map((el) => [el.dataset.path, el.type === 'range' ? Number(el.value) : el.value]));
  const a = structuredClone(reference);
  for (const [key, value] of values) {
    const p = key.split('.').map((x) => (/^\d+$/.test(x) ? Number(x) : x));
    p.slice(0, -1).reduce((o, k) => o[k], a)[p[p.length - 1]] = value;
  }
  return a;
}

async function shown(page) {
  const s = sessionOf(page);
  return s.evaluate(() => ({
    score: document.querySelector('.big-score').textContent,
    label: document.querySelector('.zone-line .zone-badge').textContent,
  }));
}

async function openPage(context) {
  const page = await context.newPage();
  const s = sessionOf(page);
  const problems = watch(page);
  await s.open(`${server.url}/`);
  await s.waitForSelector('main[aria-busy=false] .big-score');
  return { page, problems };
}

test('the reference role shows 61.9, GREEN, Green (Accelerated) and its worked calculation', async () => {
  const context = await browser.newContext();
  const { page, problems } = await openPage(context);
  const s = sessionOf(page);
  assert.deepEqual(await shown(page), { score: '61.9', label: 'Green (Accelerated)' });
  const text = await s.text('main');
  for (const expected of [
    'Raw: 3.65 x 1.28 x 1.06 x 1.10 = 5.4476',
    '(5.4476 - 0.54) / 7.93 x 100 = 61.9',
    '13.9 points above the Green threshold of 48',
    'Protective 4 + Correlation 2 = Likely Green (Accelerated)',
    'Task resistance: 6.00 - 2.35 = 3.65/5',
    'Displaced 0%', 'Augmented 80%', 'Not involved 20%',
    'Computer & Information Research Scientist: 60.2',
    'Adds up to 64.4, not 61.9',
    'Adds up to 61.9 = the score',
  ]) assert.ok(text.includes(expected), `page shows "${expected}"`);
  assert.ok((await s.count('.badge.st-assumed')) > 3, 'assumed rules are marked');
  fs.mkdirSync(path.join(root, 'tests/artifacts'), { recursive: true });
  await page.screenshot({ path: path.join(root, 'tests/artifacts/page.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test('keyboard edits give exactly the native score, and shares stay at 100', async () => {
  const context = await browser.newContext();
  const { page, problems } = await openPage(context);
  const s = sessionOf(page);
  // A task's control, by its own name: "Time share of task 2, Paper implementation & reproduction".
  const task = (control, name) => s.field(new RegExp(`^${control} of task \\d+, ${name}`));
  const press = async (selector, ...keys) => {
    await s.focus(await selector);
    for (const key of keys) await s.press(key);
  };
  const edits = [
    ['AI growth +2 -> 0', () => press(s.field('AI growth correlation'), 'ArrowLeft', 'ArrowLeft')],
    ['task 1 score 2 -> 5', () => press(task('Score', 'Novel architecture'), 'ArrowRight', 'ArrowRight', 'ArrowRight')],
    ['job postings -> -2', () => press(s.field(/^Job posting trends/), 'Home')],
    ['task 2 share 20 -> 30', () => press(task('Time share', 'Paper implementation'), ...Array(10).fill('ArrowRight'))],
    ['lock task 3, task 1 share to the most', async () => {
      await press(task('Lock share', 'Benchmark creation'), 'Space');
      lockedShare = (await pageAssessment(page)).tasks[2].time_pct;
      await press(task('Time share', 'Novel architecture'), 'End');
    }],
    ['regulatory barrier -> 2', () => press(s.field(/^Regulatory \/ licensing/), 'End')],
    ['task 4 impact -> displaced', () => press(task('Impact', 'Experimental design'), 'Home')],
    ['task 1 share back down 25 points', () => press(task('Time share', 'Novel architecture'), 'PageDown', 'PageDown', 'PageDown')],
    ['AI tool maturity -> +2', () => press(s.field(/^AI tool maturity/), 'End')],
    ['embodied physicality -> 3', () => press(s.field(/^Embodied physicality/), 'End')],
  ];
  let lockedShare = null;
  const seen = new Set();
  for (const [name, act] of edits) {
    await act();
    const a = await pageAssessment(page);
    const total = a.tasks.reduce((s, t) => s + t.time_pct, 0);
    assert.ok(Math.abs(total - 100) < 1e-9, `${name}: shares add to ${total}`);
    const native = nativeScore(a);
    assert.deepEqual(await shown(page), { score: native.display.score, label: native.label }, name);
    seen.add(native.display.score);
  }
  assert.ok(seen.size >= 6, `edits moved the score (${[...seen].join(', ')})`);
  const locked = await pageAssessment(page);
  assert.equal(locked.tasks[2].time_pct, lockedShare, 'the locked task kept its share');
  assert.equal(lockedShare, 13, 'task 2 took its 10 points from the others in proportion (15 x 70/80 = 13.1)');
  assert.equal(await s.count('.ctl.changed') > 5, true, 'changed inputs are marked');
  assert.match(await s.text('.compare'), /yours .* points/);

  await press(s.named('Reset to published'), 'Enter');
  // Reset first sets the edits aside (an IndexedDB write), then restores the published figures.
  await s.waitFor(() => /Back to the published figures/.test(document.querySelector('.notice').textContent));
  assert.deepEqual(await shown(page), { score: '61.9', label: 'Green (Accelerated)' });
  assert.deepEqual(await pageAssessment(page), reference);
  assert.equal(await s.count('.ctl.changed'), 0);
  await s.waitFor(() => document.getElementById('announcer').textContent.includes('61.9'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('axe-core finds no accessibility violations, light and dark, wide and 360 px', async () => {
  for (const [colorScheme, width] of [['light', 1280], ['dark', 360]]) {
    // bypassCSP only lets the test inject axe-core; the page itself runs under its CSP.
    const context = await browser.newContext({ colorScheme, viewport: { width, height: 800 }, bypassCSP: true });
    const { page, problems } = await openPage(context);
    const s = sessionOf(page);
    await page.addScriptTag({ content: axeSource });
    const result = await s.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const summary = result.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0].target})`);
    assert.deepEqual(summary, [], `${colorScheme} ${width}px`);
    const overflow = await s.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${colorScheme} ${width}px: no sideways scrolling (${overflow}px)`);
    if (width === 360) await page.screenshot({ path: path.join(root, 'tests/artifacts/page-360-dark.png'), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('a catalog of 500 synthetic roles is searchable and each role has a deep link', async () => {
  // A temporary copy of the site with a generated catalog (synthetic test data, never shipped).
  const dir = tempDir('catalog');
  fs.cpSync(path.join(root, 'dist'), dir, { recursive: true });
  const { syntheticAssessment } = await import('../node/corpus.mjs');
  const names = JSON.parse(fs.readFileSync(path.join(dir, 'data/search.json'), 'utf8'));
  names.roles = names.roles.filter((r) => r[5] !== 'd'); // the published roles, then 500 synthetic ones
  for (let i = 1; i <= 500; i++) {
    const a = syntheticAssessment(i);
    a.role.title = `Synthetic role ${String(i).padStart(3, '0')}`;
    fs.writeFileSync(path.join(dir, `data/roles/${a.id}.json`), JSON.stringify(a));
    names.roles.push([a.id, a.role.title, '', a.role.category ?? '']);
  }
  fs.writeFileSync(path.join(dir, 'data/search.json'), JSON.stringify(names));
  for (const ext of ['.gz', '.br']) fs.rmSync(path.join(dir, `data/search.json${ext}`), { force: true }); // the shipped names, compressed
  const big = await serve(dir);
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const s = sessionOf(page);
    const problems = watch(page);
    await s.open(`${big.url}/`);
    await s.waitForSelector('main[aria-busy=false] .big-score');
    // The names load when the search box is first used; each keystroke then redraws the list.
    // (The start page's search box: its front door's.)
    const shownFor = (query, n) => s.waitFor(([q, count]) => document.getElementById('front-search').value === q
      && document.querySelectorAll('#front-results a[data-role]').length === count, [query, n]);
    await s.type(await s.field('What is your job?'), 'synthetic role 042');
    await shownFor('synthetic role 042', 1);
    await s.type(await s.field('What is your job?'), 'synthetic');
    await shownFor('synthetic', 20);
    await s.waitFor(() => /480 more/.test(document.getElementById('front-results').textContent));
    await s.type(await s.field('What is your job?'), 'role 137');
    await s.press('Enter');
    await s.waitFor(() => document.querySelector('h1').textContent.includes('Synthetic role 137'));
    assert.match(page.url(), /\?role=synthetic-137$/);
    const native = nativeScore(syntheticAssessment(137));
    assert.equal((await shown(page)).score, native.display.score);
    // the deep link opens the same role in a fresh page
    const againPage = await context.newPage();
    const again = sessionOf(againPage);
    await again.open(`${big.url}/?role=synthetic-137`);
    await again.waitForSelector('main[aria-busy=false] .big-score');
    assert.match(await again.text('h1'), /Synthetic role 137/);
    // an unknown id says so, at the start page, with the search showing what its words find
    await again.open(`${big.url}/?role=no-such-role`);
    await again.waitForSelector('main[aria-busy=false] .big-score');
    assert.match(await again.text('.notice'), /No occupation or role here has the address “no-such-role”/);
    assert.equal(await again.value('#front-search'), 'no such role');
    await again.waitFor(() => document.getElementById('front-results').textContent.includes('Assess “no such role” yourself'));
    assert.equal(await again.evaluate(() => location.search), '', 'the address is the start page\'s');
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    big.close();
    fs.rmSync(dir, { recursive: true });
  }
});

test('the shipped catalog lists each role file once, under its id, and each is valid', () => {
  const names = JSON.parse(fs.readFileSync(path.join(root, 'dist/data/search.json'), 'utf8'));
  const files = fs.readdirSync(path.join(root, 'web/data/roles'));
  // The published files, then the importer's derived documents (build/catalog/derived).
  const derived = fs.readdirSync(path.join(root, 'build/catalog/derived'));
  assert.equal(names.roles.length, files.length + derived.length);
  assert.deepEqual(names.roles.filter((r) => r[5] === 'd').map((r) => `${r[0]}.json`).sort(), derived.sort());
  for (const [id, title, , , , kind] of names.roles) {
    const doc = JSON.parse(fs.readFileSync(path.join(root, 'dist/data/roles', `${id}.json`), 'utf8'));
    // (Every derived document is validated natively and in wasm by tests/node/import.test.mjs.)
    if (kind !== 'd') assert.ok(nativeScore(doc).score >= 0);
    assert.equal(doc.kind, kind === 'd' ? 'derived' : 'published');
    assert.equal(doc.id, id);
    assert.equal(doc.role.title, title);
  }
});

test('the tab title follows the score; an unbroken 120-character name stays inside its card', async () => {
  const b = await launch();
  const srv = await serve();
  try {
    const page = await b.newPage({ viewport: { width: 1200, height: 900 } });
    const s = sessionOf(page);
    await s.open(`${srv.url}/`);
    await s.waitForSelector('main[aria-busy=false] .big-score');
    assert.equal(await s.title(), 'AI Research Engineer (Mid-Senior): 61.9 Green (Accelerated) · jobzone');
    await s.focus(await s.field('AI growth correlation'));
    await s.press('Home');
    await s.waitFor(() => document.querySelector('.big-score').textContent !== '61.9');
    const score = await s.text('.big-score');
    await s.waitFor((s) => document.title.includes(`: ${s} `), score); // set once per frame
    await s.clickNamed('Edit as my own');
    await s.type(await s.field('Name of task 1'), 'x'.repeat(120));
    await s.type(await s.field('Role title'), 'Renamed role');
    await s.waitFor(() => /^Renamed role \(Mid-Senior\): /.test(document.title));
    for (const width of [1200, 360]) {
      await page.setViewportSize({ width, height: 900 });
      await s.waitFor(() => document.querySelector('#levers').textContent.includes('xxxxxxxxxx'));
      const overflow = await s.evaluate(() => [...document.querySelectorAll('.card, .task, .tornado, #move')]
        .filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.className));
      assert.deepEqual(overflow, [], `nothing overflows its card at ${width} px`);
      assert.equal(await s.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
    }
  } finally {
    await b.close();
    srv.close();
  }
});
