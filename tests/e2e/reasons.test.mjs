// The reasons on the page: every section of a published role page has its place, each level of
// every scale has words (seen and heard), each control has its own name, a rationale opens beside
// its slider, and an edited rationale survives save, reload, a share link and export/import.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { SEED_SECTIONS } from './seed-sections.mjs';
import { launch, serve, watch } from './browser.mjs';
import { sessionOf } from './engines.mjs';
import { tempDir } from '../tmp.mjs';

let browser;
let server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser?.close(); server?.close(); });


async function open(context, query = '') {
  const page = await context.newPage();
  const s = sessionOf(page);
  const problems = watch(page);
  await s.open(`${server.url}/${query}`);
  await s.waitForSelector('main[aria-busy=false] .big-score');
  return { page, problems };
}

test('every section of the published role page has its heading here, with its words', async () => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const { page, problems } = await open(context);
  const s = sessionOf(page);
  const headings = await s.mapAll('.role-page h2', (hs) => hs.map((x) => x.textContent));
  for (const [seed, ours] of SEED_SECTIONS) assert.ok(headings.includes(ours), `${seed} -> ${ours}`);
  const text = (sel) => s.text(sel);
  assert.match(await text('#summary'), /Protected, and strengthening/);
  assert.match(await text('#seniority'), /entry-level hiring at frontier labs fell 27\.5% in 2025/);
  assert.match(await text('#reinstatement'), /^Reinstatement check.*Yes\. AI creates a steady stream/s);
  assert.match(await text('#growth-check'), /Confirmed at \+2/);
  assert.match(await text('#commentary'), /What the numbers do not capture.*Supply is catching up/s);
  assert.match(await text('#commentary'), /The single biggest factor\. Whether you decide what to explore/);
  assert.match(await text('#outlook'), /The role in 2 years.*Strategy.*Timeline/s);
  assert.equal(await s.count('#outlook ol li'), 3);
  assert.equal(await s.count('#sources li'), 7);
  const links = await s.mapAll('#sources a', (as) => as.map((a) => a.href));
  assert.ok(links.length >= 4 && links.every((href) => href.startsWith('https://')), links.join(' '));
  assert.match(await text('#tracking'), /Live tracked.*re-assesses this role/s);
  assert.match(await text('#barriers .total'), /Barrier total: Moderate 3\/10/);
  assert.match(await text('#tasks'), /it does not enter the score/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('each level has words beside its control and in what screen readers hear; every control has its own name', async () => {
  const context = await browser.newContext();
  const { page } = await open(context);
  const s = sessionOf(page);
  const growth = await s.field('AI growth correlation');
  assert.equal(await s.attr(growth, 'aria-valuetext'), '+2: AI creates more jobs');
  await s.focus(growth);
  await s.press('Home');
  assert.equal(await s.attr(growth, 'aria-valuetext'), '-2: AI adoption shrinks demand fast');
  // The words beside the control, in its row.
  assert.equal(await s.evaluate((sel) => document.querySelector(sel).parentElement.querySelector('.level').textContent, growth), 'AI adoption shrinks demand fast');
  const score2 = await s.field('Score of task 2, Paper implementation & reproduction');
  assert.equal(await s.attr(score2, 'aria-valuetext'), '3 of 5: AI does much of it; a human steers and checks');
  assert.equal(await s.attr(await s.field('Embodied physicality'), 'aria-valuetext'), '0 of 3: No physical presence needed');
  // Unique accessible names: no two controls share one.
  const names = await s.mapAll('input, select, textarea', (els) => els.map((el) => {
    const label = el.labels?.[0];
    return (el.getAttribute('aria-label') ?? label?.textContent ?? '').trim();
  }).filter(Boolean));
  const dupes = names.filter((n, i) => names.indexOf(n) !== i);
  assert.deepEqual(dupes, []);
  assert.ok(names.includes('Time share of task 2, Paper implementation & reproduction'));
  await context.close();
});

test('a rationale opens in place, right under its slider', async () => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const { page } = await open(context);
  const s = sessionOf(page);
  const slider = '[data-path="evidence.wage_trends"]';
  const why = '*:has(> [data-path="evidence.wage_trends"]) > details.why'; // the rationale beside that slider
  assert.equal(await s.evaluate((sel) => document.querySelector(sel).open, why), false);
  await s.click(`${why} > summary`);
  assert.match(await s.text(`${why} p`), /OpenAI's base pay for research engineers runs \$210K-\$460K/);
  const [sb, t] = [await s.rect(slider), await s.rect(`${why} p`)];
  assert.ok(t.y > sb.y && t.y - (sb.y + sb.height) < 80, `the reason sits under its slider (${sb.y} / ${t.y})`);
  assert.ok(Math.abs(t.x - sb.x) < 40, 'in the same column');
  await context.close();
});

test('an edited rationale survives save, reload, a share link and export/import', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const { page, problems } = await open(context);
  const s = sessionOf(page);
  await s.clickNamed('Edit as my own');
  const reason = 'My own reason: <b>not markup</b> & “quotes” stay text 😀';
  await s.click(`${'*:has(> [data-path="evidence.wage_trends"]) > details.why'} > summary`);
  await s.type(await s.field('Why Wage trends has this score'), reason);
  const task = 'Task reason, written here';
  await s.click('#tasks fieldset.task:nth-of-type(2) details.why summary');
  await s.type(await s.field('Why Paper implementation & reproduction has this score'), task);
  await s.type(await s.field('What the numbers do not capture'), 'First point\nSecond point');
  await s.click('[data-action=save]');
  await s.waitFor(() => document.querySelector('#save-status').textContent.startsWith('Saved as'));

  const check = async (p, how) => {
    assert.equal(await p.value(await p.field('Why Wage trends has this score', { includeHidden: true })), reason, how);
    assert.equal(await p.value(await p.field('Why Paper implementation & reproduction has this score', { includeHidden: true })), task, how);
    assert.equal(await p.value(await p.field('What the numbers do not capture', { includeHidden: true })), 'First point\nSecond point', how);
  };
  await s.reload();
  await s.waitForSelector('main[aria-busy=false] .big-score');
  await check(s, 'after a reload');

  await s.clickNamed('Share link');
  const link = await s.value('#share-url');
  const fresh = await browser.newContext();
  const viaLink = sessionOf(await fresh.newPage());
  await viaLink.open(link);
  // Read first (the summary among what the read view shows), then a copy to see every reason.
  await viaLink.waitForSelector('main[aria-busy=false] .read-view');
  await viaLink.clickNamed('Adjust a copy');
  await viaLink.waitForSelector('main[aria-busy=false] [data-text="role.title"]');
  await check(viaLink, 'through a share link');
  console.log(`# SHARE-LINK | reference role with all its prose and these edits | ${link.length} characters`);

  const download = page.waitForEvent('download');
  await s.click('#page [data-action="export-json"]');
  const file = path.join(tempDir('reasons'), 'mine.json');
  await (await download).saveAs(file);
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(doc.rationale.evidence.wage_trends, reason);
  assert.deepEqual(doc.commentary.not_captured, ['First point', 'Second point']);
  await viaLink.upload('input[type=file][data-action=import]', file);
  await viaLink.waitFor(() => document.querySelector('.notice').textContent.includes('Imported'));
  await check(viaLink, 'through export and import');
  assert.equal(await viaLink.count('.role-page b'), 0, 'no markup from the text');
  assert.deepEqual(problems, []);
  await fresh.close();
  await context.close();
});

test('a source must be an https: address; a bad one is named and the last valid state kept', async () => {
  const context = await browser.newContext();
  const { page } = await open(context, '');
  const s = sessionOf(page);
  await s.clickNamed('New blank assessment');
  await s.waitFor(() => document.querySelector('.notice').textContent.includes('A blank assessment'));
  await s.clickNamed('+ Add a source');
  const url = await s.field('Address (https://)');
  await s.type(url, 'javascript:alert(1)');
  await s.waitForSelector('.errors:not([hidden])');
  assert.match(await s.text('.errors'), /sources\[0\]\.url: must be an https: address/);
  assert.equal(await s.attr(url, 'aria-invalid'), 'true');
  await s.type(url, 'https://example.org/report');
  await s.waitFor(() => !document.querySelector('.errors')?.checkVisibility());
  await s.clickNamed('+ Add a score change');
  assert.equal(await s.count('#tracking .row-edit'), 1);
  assert.equal(await s.count('#tracking svg.history-chart'), 0, 'one point: no chart');
  await s.clickNamed('+ Add a score change');
  assert.equal(await s.count('#tracking svg.history-chart circle'), 2, 'two points: a small chart');
  await s.type('[data-text="history.0.date"]', '2025-01-15');
  await s.type('[data-text="history.0.score"]', '40');
  await s.waitFor(() => document.querySelector('#tracking svg.history-chart')?.getAttribute('aria-label').startsWith('Score history: 2025-01-15 40.0'));
  await s.type('[data-text="history.0.date"]', '2025-02-30');
  await s.waitForSelector('.errors:not([hidden])');
  assert.match(await s.text('.errors'), /history\[0\]\.date: must be a date, YYYY-MM-DD, got "2025-02-30"/);
  await s.clickNamed('Remove change 2');
  await s.clickNamed('Remove change 1');
  assert.equal(await s.count('#tracking .row-edit'), 0);
  await context.close();
});
