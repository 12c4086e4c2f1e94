// Your own assessment in the browser: editing tasks, share links, export/import, saving and
// migration, hostile text, and the printed report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { launch, serve, watch, root, settled } from './browser.mjs';
import { sessionOf } from './engines.mjs';
import { tempDir } from '../tmp.mjs';

const reference = JSON.parse(fs.readFileSync(path.join(root, 'web/data/roles/ai-research-engineer-mid-senior.json'), 'utf8'));
const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '"><script>alert(2)</script>',
  'Long '.repeat(39) + 'name',
  'مراجعة الكود والتوثيق',
  'Emoji 🧪🤖 task ✅',
];

let browser;
let server;
const tmp = tempDir('own');
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser?.close(); server?.close(); fs.rmSync(tmp, { recursive: true, force: true }); });

/** A new page of `context` at `url`, its console problems and dialogs recorded (dialogs dismissed). */
async function visit(context, url) {
  const page = await context.newPage();
  const s = sessionOf(page);
  const problems = watch(page);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await s.open(`${server.url}${url}`);
  return { page, s: sessionOf(page), problems, dialogs };
}

async function open(context, url = '/') {
  const { page, problems, dialogs } = await visit(context, url);
  const s = sessionOf(page);
  await s.waitForSelector('main[aria-busy=false] .big-score');
  return { page, s: sessionOf(page), problems, dialogs };
}

/**
 * A share link opens its read view at the link's own address; "Adjust a copy" opens the editor on
 * a copy. Returns what the read view showed, and the page (now the editor).
 */
async function openLink(context, url) {
  const { page, problems, dialogs } = await visit(context, url);
  const s = sessionOf(page);
  await s.waitForSelector('main[aria-busy=false] .read-view');
  await s.waitFor(() => /^Likely \d+ to \d+/.test(document.querySelector('.read-likely')?.textContent ?? ''));
  const read = await s.evaluate(() => ({
    eyebrow: document.querySelector('.read-view .eyebrow').textContent,
    title: document.querySelector('#read-h').textContent,
    score: document.querySelector('.read-figure').textContent,
    tasks: [...document.querySelectorAll('.read-tasks tbody th')].map((th) => th.textContent),
    editors: document.querySelectorAll('#page input:not([type=hidden]), #page textarea').length && getComputedStyle(document.querySelector('#page')).display,
    address: location.href,
    made: document.querySelectorAll('.read-view img, .read-view script, .read-view b').length,
  }));
  await s.clickNamed('Adjust a copy');
  await s.waitForSelector('main[aria-busy=false] .big-score');
  return { page, s: sessionOf(page), problems, dialogs, read };
}

/** Every input of the page as data: names, shares, scores, impacts and the rest, plus the score. */
async function snapshot(page) {
  const s = sessionOf(page);
  return s.evaluate(() => ({
    score: document.querySelector('.big-score').textContent,
    label: document.querySelector('.zone-line .zone-badge').textContent,
    title: document.querySelector('[data-text="role.title"]')?.value ?? document.querySelector('h1').textContent,
    names: [...document.querySelectorAll('[data-text$=".name"]')].map((e) => e.value),
    values: Object.fromEntries([...document.querySelectorAll('[data-path]')].map((e) => [e.dataset.path, e.value])),
  }));
}

async function exportJson(page) {
  const s = sessionOf(page);
  const [download] = await Promise.all([page.waitForEvent('download'), s.clickNamed('Export JSON')]);
  const file = path.join(tmp, `${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(file);
  return file;
}

async function makeOwnAndEdit(page) {
  const s = sessionOf(page);
  await s.clickNamed('Edit as my own');
  await s.type(await s.field('Role title'), 'My research job');
  await s.clickNamed('+ Add a task');
  await s.type(await s.field('Name of task 8'), 'Reviewing pull requests');
  await s.focus(await s.field(/^Score of task 8\b/));
  await s.press('End');
  await s.focus(await s.field(/^Time share of task 1\b/));
  await s.press('ArrowLeft');
  await s.press('ArrowLeft');
  await s.focus(await s.field('AI growth correlation'));
  await s.press('ArrowLeft');
}

test('edit, then a share link opens identical inputs and score in a fresh browser', async () => {
  const ctx = await browser.newContext();
  const { page, problems } = await open(ctx);
  const s = sessionOf(page);
  await makeOwnAndEdit(page);
  const before = await snapshot(page);
  assert.equal(before.names.length, 8);
  assert.equal(before.names[7], 'Reviewing pull requests');
  const total = Object.entries(before.values).filter(([k]) => k.endsWith('time_pct')).reduce((s, [, v]) => s + Number(v), 0);
  assert.equal(total, 100);
  await s.clickNamed('Share link');
  const link = await s.value('#share-url');
  assert.match(link, /#a=1\.[A-Za-z0-9_-]+$/);
  const fresh = await browser.newContext();
  const { page: other, problems: p2, read } = await openLink(fresh, link.replace(server.url, ''));
  const o = sessionOf(other);
  // Read first, at the link's address: who made it, the score, the tasks; no editor on show.
  assert.equal(read.address, link, 'the address stays the link');
  assert.equal(read.eyebrow, 'Shared with you · Self-assessed');
  assert.equal(read.score, before.score);
  assert.deepEqual(read.tasks, before.names);
  assert.equal(read.editors, 'none', 'the editor is not shown while reading');
  assert.deepEqual(await snapshot(other), before);
  assert.match(await o.text('.notice'), /Your copy of the shared assessment/);
  assert.equal(other.url(), `${server.url}/`, 'the copy lives at the start address');
  assert.deepEqual([...problems, ...p2], []);
  await ctx.close();
  await fresh.close();
});

test('broken, truncated, hostile and old-format links', async () => {
  const ctx = await browser.newContext();
  const good = await (async () => {
    const { page } = await open(ctx);
    const s = sessionOf(page);
    await s.clickNamed('Share link');
    const link = await s.value('#share-url');
    await page.close();
    return link.slice(link.indexOf('#'));
  })();
  const legacy = `#a=0.${Buffer.from(JSON.stringify({ ...reference, role: { title: 'From an old link' } })).toString('base64url')}`;
  const invalid = `#a=0.${Buffer.from(JSON.stringify({ ...reference, tasks: [] })).toString('base64url')}`;
  for (const [hash, expect] of [
    [good.slice(0, 40), /could not be opened: the link is damaged or cut short/],
    ['#a=1.<img src=x onerror=alert(1)>', /could not be opened: the link holds characters a share link never has|damaged/],
    ['#a=9.abc', /newer than this copy of jobzone/],
    [invalid, /the assessment in it is not valid/],
  ]) {
    const page = await ctx.newPage();
    const s = sessionOf(page);
    const problems = watch(page);
    const dialogs = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
    await s.open(`${server.url}/${hash}`);
    await s.waitForSelector('main[aria-busy=false] .big-score');
    assert.match(await s.text('.notice'), expect, hash);
    assert.equal(await s.text('.big-score'), '61.9', 'the default role opens');
    assert.deepEqual([...problems, ...dialogs], []);
    await page.close();
  }
  const { page, read } = await openLink(ctx, `/${legacy}`);
  const s = sessionOf(page);
  assert.equal(read.title, 'From an old link');
  assert.equal(await s.value('[data-text="role.title"]'), 'From an old link');
  assert.equal(await s.text('.big-score'), '61.9');
  await ctx.close();
});

test('export then import gives the identical assessment; invalid imports change nothing', async () => {
  const ctx = await browser.newContext();
  const { page, problems } = await open(ctx);
  const s = sessionOf(page);
  await makeOwnAndEdit(page);
  const before = await snapshot(page);
  const file = await exportJson(page);
  const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(exported.role.title, 'My research job');
  assert.equal(exported.tasks.length, 8);

  // CSV of the task table
  const [csv] = await Promise.all([page.waitForEvent('download'), s.clickNamed('Export CSV')]);
  const csvText = fs.readFileSync(await csv.path(), 'utf8');
  assert.match(csvText, /^task,time_pct,score,impact,weighted,rationale\r\n/);
  assert.match(csvText, /Reviewing pull requests,\d+,5,augmentation,/);

  const fresh = await browser.newContext();
  const { page: other } = await open(fresh);
  const o = sessionOf(other);
  await o.upload('input[type=file][data-action=import]', file);
  await o.waitFor(() => document.querySelector('.notice').textContent.includes('Imported'));
  assert.deepEqual(await snapshot(other), before);
  const again = JSON.parse(fs.readFileSync(await exportJson(other), 'utf8'));
  assert.deepEqual(again, exported);

  const bad = [
    ['not-json.json', '{"format": tru', /\(root\): not valid JSON/],
    ['score.json', JSON.stringify({ ...exported, tasks: exported.tasks.map((t, i) => (i === 2 ? { ...t, score: 9 } : t)) }), /tasks\[2\]\.score: must be an integer from 1 to 5, got 9/],
    ['shares.json', JSON.stringify({ ...exported, tasks: exported.tasks.slice(1) }), /tasks: time shares add up to/],
    ['unknown.json', JSON.stringify({ ...exported, evidance: 1 }), /evidance: unknown field/],
  ];
  for (const [name, text, expect] of bad) {
    const f = path.join(tmp, name);
    fs.writeFileSync(f, text);
    await o.upload('input[type=file][data-action=import]', f);
    await o.waitFor((n) => document.querySelector('.notice').textContent.includes(n), name);
    const notice = await o.text('.notice');
    assert.match(notice, /was not imported; your current assessment is unchanged/);
    assert.match(notice, expect, name);
    assert.deepEqual(await snapshot(other), before, `${name} left the state intact`);
  }
  assert.deepEqual(problems, []);
  await ctx.close();
  await fresh.close();
});

test('save, reload, reopen; saving again updates the same record', async () => {
  const ctx = await browser.newContext();
  const { page, problems } = await open(ctx);
  const s = sessionOf(page);
  await makeOwnAndEdit(page);
  await s.clickNamed('Save');
  await s.waitFor(() => /Saved “My research job” in this browser/.test(document.querySelector('.notice').textContent));
  const saved = await snapshot(page);
  await s.reload();
  await s.waitForSelector('main[aria-busy=false] .big-score');
  assert.deepEqual(await snapshot(page), saved, 'the working draft survives a reload');
  await s.focus(await s.field('AI growth correlation'));
  await s.press('Home');
  await s.clickNamed('Save');
  await s.waitFor(() => /Saved “My research job”/.test(document.querySelector('.notice').textContent));
  const edited = await snapshot(page);
  await s.clickNamed('New blank assessment');
  await s.waitFor(() => document.querySelector('[data-text="role.title"]').value === 'My role');
  await s.clickNamed('My assessments');
  await s.waitForSelector('.saved-list li');
  assert.equal(await s.evaluate(() => [...document.querySelectorAll('.saved-list li')].filter((li) => li.textContent.includes('My research job')).length), 1, 'save, reload, save: one record');
  await s.clickNamed('Open “My research job”');
  await s.waitFor(() => document.querySelector('[data-text="role.title"]').value === 'My research job');
  assert.deepEqual(await snapshot(page), edited);
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('storage that refuses writes: the app says so where it is seen, and keeps working', async () => {
  const ctx = await browser.newContext();
  await ctx.addInitScript(() => {
    const refuse = () => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
    IDBObjectStore.prototype.put = refuse;
    Storage.prototype.setItem = refuse;
  });
  const { page, problems } = await open(ctx);
  const s = sessionOf(page);
  await s.clickNamed('Edit as my own');
  await s.waitForSelector('#storage-alert:not([hidden])');
  assert.match(await s.text('#storage-alert'), /out of storage space for jobzone, so your work is not being saved here/);
  await s.clickNamed('Save');
  await s.waitFor(() => /out of storage space/.test(document.querySelector('.notice').textContent));
  await s.focus(await s.field('AI growth correlation'));
  await s.press('Home');
  assert.notEqual(await s.text('.big-score'), '61.9');
  // The banner's Export JSON still hands the work over.
  const [download] = await Promise.all([page.waitForEvent('download'), s.clickNamed('Export JSON', '#storage-alert button')]);
  assert.match(download.suggestedFilename(), /^ai-research-engineer\.json$/);
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('hostile names through typing, import and share links stay text', async () => {
  const ctx = await browser.newContext();
  const { page, problems, dialogs } = await open(ctx);
  const s = sessionOf(page);
  await s.clickNamed('Edit as my own');
  await s.type(await s.field('Role title'), HOSTILE[1]);
  for (let i = 0; i < HOSTILE.length; i++) await s.type(await s.field(`Name of task ${i + 1}`), HOSTILE[i]);
  await s.clickNamed('Share link');
  const link = await s.value('#share-url');
  const file = await exportJson(page);
  const check = async (p) => {
    const names = (await snapshot(p)).names;
    assert.deepEqual(names.slice(0, HOSTILE.length), HOSTILE);
    const ps = sessionOf(p);
    assert.equal(await ps.count('img'), 0, 'no element was made from a name');
    assert.equal(await ps.count('main script'), 0);
    assert.ok((await ps.text('#move, #levers')).length > 0);
  };
  await check(page);
  const other = await browser.newContext();
  const viaLink = await openLink(other, link.replace(server.url, ''));
  assert.deepEqual(viaLink.read.tasks.slice(0, HOSTILE.length), HOSTILE, 'the read view shows the names as text');
  assert.equal(viaLink.read.made, 0, 'no element was made from a name in the read view');
  await check(viaLink.page);
  const viaImport = await open(other);
  await viaImport.s.upload('input[type=file][data-action=import]', file);
  await viaImport.s.waitFor(() => document.querySelector('.notice').textContent.includes('Imported'));
  await check(viaImport.page);
  await settled(viaImport.page);
  assert.deepEqual([...dialogs, ...viaLink.dialogs, ...viaImport.dialogs], [], 'no dialog fired');
  assert.deepEqual([...problems, ...viaLink.problems, ...viaImport.problems], []);
  await ctx.close();
  await other.close();
});

test('the printed report holds the role, the score and every task', async () => {
  const ctx = await browser.newContext();
  const { page } = await open(ctx);
  const s = sessionOf(page);
  await makeOwnAndEdit(page);
  await s.evaluate(() => dispatchEvent(new Event('beforeprint'))); // what printing does first
  await s.waitFor(() => document.querySelector('.report h1')?.textContent === 'My research job (Mid-Senior)');
  const score = await s.text('.big-score');
  const names = (await snapshot(page)).names;
  const pdf = path.join(tmp, 'report.pdf');
  await page.pdf({ path: pdf, format: 'A4' });
  const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
  assert.ok(text.includes('My research job'), 'role name');
  assert.ok(text.includes(`Score ${score}/100`), 'score');
  for (const n of names) assert.ok(text.includes(n), `task ${n}`);
  assert.ok(text.includes('What changed from the published baseline'));
  assert.ok(text.includes('Task 8, “Reviewing pull requests”: added'), 'an added task, by name');
  assert.match(text, /Task 1, “Novel architecture design & exploration”: time share 25 → \d+/, 'a changed share, by the task\'s name');
  assert.ok(!/tasks\[\d+\]/.test(text), 'no JSON paths in the report');
  // The reasons travel with the report: each task's rationale; the words left as the published
  // assessment has them are on its page (said, not repeated), so the report stays short.
  assert.ok(text.includes('Tools help with reading the literature'), 'a task rationale');
  assert.ok(text.includes('Self-assessed. Made with jobzone by whoever entered it'), 'what the report is');
  assert.ok(text.includes('you left as the published assessment has them are on its page'));
  assert.ok(!text.includes('Assessor commentary'), 'the published commentary is not repeated');
  const pages = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout.match(/Pages:\s+(\d+)/)[1];
  console.log(`own report (the reference role, edited): ${pages} A4 pages`);
  assert.ok(Number(pages) <= 2, `${pages} pages`);
  await ctx.close();
});

test('where the work started is kept with it: a copy of a shared link still says so after a reload', async () => {
  const ctx = await browser.newContext();
  const { page } = await open(ctx);
  const s = sessionOf(page);
  await s.clickNamed('Share link');
  const link = await s.value('#share-url');
  await page.close();
  const { page: other, problems } = await openLink(ctx, link.replace(server.url, ''));
  const o = sessionOf(other);
  const eyebrow = () => o.text('.role-head .eyebrow');
  assert.match(await eyebrow(), /started from a share link/);
  await o.focus(await o.field('AI growth correlation'));
  await o.press('ArrowLeft');
  await o.evaluate(() => dispatchEvent(new Event('pagehide'))); // the draft written now
  await o.reload();
  await o.waitForSelector('main[aria-busy=false] .big-score');
  assert.match(await eyebrow(), /started from a share link/, 'not "a blank template" after a reload');
  assert.deepEqual(problems, []);
  await ctx.close();
});
