// Nothing lost: saved work in IndexedDB under every fault we know of. Each test is a row of the
// fault table (printed as it runs): records before and after, and what the user was told.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { launch, serve, watch, stored } from './browser.mjs';
import { sessionOf } from './engines.mjs';
import { reference } from '../node/hostile.mjs';

let browser;
let app;
before(async () => { browser = await launch(); app = await serve(); });
after(async () => { await browser?.close(); app?.close(); });

const rows = [];
const row = (fault, beforeCount, afterCount, told) => {
  rows.push({ fault, beforeCount, afterCount, told });
  console.log(`# FAULT | ${fault} | records before ${beforeCount} | after ${afterCount} | told: ${told}`);
};
after(() => {
  if (rows.length) fs.writeFileSync('tests/artifacts/fault-table.json', JSON.stringify(rows, null, 2));
});
fs.mkdirSync('tests/artifacts', { recursive: true });

async function open(context, url = '/') {
  const page = await context.newPage();
  const problems = watch(page);
  const dialogs = [];
  const answers = []; // queued replies: a string accepts (a prompt with it), null dismisses
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    const answer = answers.shift();
    if (answer === undefined || answer === null) d.dismiss();
    else d.accept(answer);
  });
  const s = sessionOf(page);
  await s.open(`${app.url}${url}`);
  await s.waitForSelector('main[aria-busy=false] .big-score');
  return { page, s, problems, dialogs, answer: (value) => answers.push(value) };
}

const notice = (s) => s.text('.notice');
const waitNotice = (s, re) => s.waitFor((src) => new RegExp(src).test(document.querySelector('.notice')?.textContent ?? ''), re.source);
/** Waits until the element `selector` finds holds `text`. */
const hasText = (s, selector, text) => s.waitFor(([sel, t]) => document.querySelector(sel)?.textContent.includes(t), [selector, text]);

async function saveAs(s, title) {
  if (await s.evaluate(() => [...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Edit as my own'))) await s.clickNamed('Edit as my own');
  await s.type(await s.field('Role title'), title);
  await s.clickNamed(/^Save/);
  await waitNotice(s, new RegExp(`Saved “${title.replace(/[()]/g, '\\$&')}`));
}

/** Clicks `selector` in the page at the wall-clock time `when` (ms): two tabs acting together. */
const clickAt = (s, selector, when) => s.evaluate(({ sel, at }) => new Promise((resolve) => {
  const go = () => { document.querySelector(sel).click(); resolve(); };
  const wait = () => (Date.now() >= at ? go() : setTimeout(wait, 0));
  wait();
}), { sel: selector, at: when });

const link = (obj) => `#a=1.${zlib.deflateRawSync(Buffer.from(JSON.stringify(obj))).toString('base64url')}`;

test('a corrupt store is kept untouched, the user is told and can download it; saving adds beside it', async () => {
  const corrupt = '{"version":2,"saved":[{"id":"a1","name":"Half written';
  const ctx = await browser.newContext();
  await ctx.addInitScript((text) => { if (!localStorage.getItem('jobzone:store')) localStorage.setItem('jobzone:store', text); }, corrupt);
  const { page, s, problems } = await open(ctx);
  assert.match(await notice(s), /Some saved data could not be read .* kept exactly as it was/);
  assert.match(await notice(s), /saved assessments \(old layout\): not readable JSON/);
  await saveAs(s, 'New after corruption');
  const db = await stored(s);
  assert.equal(db.kept.length, 1);
  assert.equal(db.kept[0].text, corrupt, 'kept byte for byte');
  assert.equal(await s.evaluate(() => localStorage.getItem('jobzone:store')), corrupt, 'the original is left where it was');
  await s.clickNamed('My assessments');
  const [download] = await Promise.all([page.waitForEvent('download'), s.clickNamed(/^Download/)]);
  assert.equal(fs.readFileSync(await download.path(), 'utf8'), corrupt);
  row('corrupt store (truncated JSON)', '1 unreadable', `${db.assessments.length} saved + 1 kept as it was`, 'notice: data could not be read, kept, download from My assessments');
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('a store from a newer version: kept read-only; a newer database is shown read-only and never written', async () => {
  const newer = JSON.stringify({ version: 3, records: { x: { name: 'From the future' } } });
  const ctx = await browser.newContext();
  await ctx.addInitScript((text) => { if (!localStorage.getItem('jobzone:store')) localStorage.setItem('jobzone:store', text); }, newer);
  const { s } = await open(ctx);
  assert.match(await notice(s), /newer version of jobzone \(storage version 3\); kept read-only/);
  assert.equal((await stored(s)).kept[0].text, newer);
  row('localStorage store with version 3', '1 (newer layout)', '1 kept read-only, untouched', 'notice: written by a newer version, kept read-only; download offered');
  await ctx.close();

  // A database a newer jobzone upgraded to version 5, holding one record.
  const ctx2 = await browser.newContext();
  const setupS = sessionOf(await ctx2.newPage());
  await setupS.open(`${app.url}/manifest.webmanifest`);
  await setupS.evaluate(() => new Promise((resolve) => {
    const req = indexedDB.open('jobzone', 5);
    req.onupgradeneeded = () => {
      const db = req.result;
      for (const n of ['assessments', 'drafts', 'kept', 'meta']) db.createObjectStore(n, { keyPath: n === 'meta' ? 'key' : 'id' });
      db.createObjectStore('future-things');
      req.transaction.objectStore('assessments').put({ id: 'f1', v: 2, name: 'Future record', updated: '2027-01-01T00:00:00Z', rev: 7, assessment: {} });
    };
    req.onsuccess = () => { req.result.close(); resolve(); };
  }));
  const beforeDb = await stored(setupS);
  const { s: s2 } = await open(ctx2);
  await s2.waitForSelector('#storage-alert:not([hidden])');
  assert.match(await s2.text('#storage-alert'), /written by a newer version of jobzone\. It is shown here read-only/);
  await s2.clickNamed('Edit as my own');
  await s2.clickNamed('Save');
  await waitNotice(s2, /read-only/);
  await s2.clickNamed('My assessments');
  assert.match(await s2.text('.panel'), /Future record.*read-only/s);
  assert.equal(await s2.evaluate(() => [...document.querySelectorAll('.panel button')].filter((b) => /^Delete/.test(b.getAttribute('aria-label') ?? b.textContent)).length), 0);
  assert.deepEqual(await stored(s2), beforeDb, 'nothing in the newer database changed');
  row('IndexedDB from a newer version (5)', '1', '1, unchanged', 'banner: newer version, read-only; Save refused with that reason; no Delete/Rename');
  await ctx2.close();
});

test('an old v1 store with one bad item: the good ones migrate once with stable ids, the bad one is kept', async () => {
  const good = (title) => JSON.stringify({ ...reference, role: { title } });
  const v1 = JSON.stringify({ version: 1, items: { 'Old save A': good('Saved long ago'), 'Old broken': '{"format": "jobzone-ass', 'Old save B': good('Also old') } });
  const ctx = await browser.newContext();
  await ctx.addInitScript((text) => { if (!localStorage.getItem('jobzone:store')) localStorage.setItem('jobzone:store', text); }, v1);
  const { s, problems, answer } = await open(ctx);
  assert.match(await notice(s), /saved assessment “Old broken” \(old layout\): not readable as an assessment/);
  const first = await stored(s);
  const ids = first.assessments.map((r) => r.id).sort();
  assert.equal(ids.length, 2);
  assert.ok(ids.every((id) => /^v1-[0-9a-f]{8}$/.test(id)));
  await s.reload();
  await s.waitForSelector('main[aria-busy=false] .big-score');
  const second = await stored(s);
  assert.deepEqual(second.assessments.map((r) => r.id).sort(), ids, 'the same ids after a reload');
  assert.equal(second.kept.length, 1, 'migrated once: not kept twice');
  // Open, Rename and Delete act on them.
  await s.clickNamed('My assessments');
  await s.clickNamed('Open “Old save A”');
  await s.waitFor(() => document.querySelector('[data-text="role.title"]')?.value === 'Saved long ago');
  await s.clickNamed('My assessments');
  await s.clickNamed('Rename “Old save B”');
  await s.type(await s.field('New name for “Old save B”'), 'Renamed old save');
  await s.press('Enter');
  await hasText(s, '.saved-list', 'Renamed old save');
  answer('');
  await s.clickNamed('Delete “Renamed old save”');
  await s.waitFor(() => !document.querySelector('.panel').textContent.includes('Renamed old save'));
  const third = await stored(s);
  assert.deepEqual(third.assessments.map((r) => r.name), ['Old save A']);
  row('v1 store with one bad item (3 items)', '3 (1 unreadable)', '2 saved with stable ids + 1 kept', 'notice names the bad item; kept for download');
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('storage full: the save is refused, the user is told where they look, and nothing saved is lost', async () => {
  // Chromium's quota override (CDP Storage.overrideQuotaForOrigin) does not stop small IndexedDB
  // writes, so a full disk is simulated as browsers report it: put() fails with QuotaExceededError.
  const ctx = await browser.newContext();
  await ctx.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function full(...args) {
      if (window.__full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  const { page, s, problems, dialogs } = await open(ctx);
  await saveAs(s, 'Saved before full');
  const beforeCount = (await stored(s)).assessments.length;
  await s.evaluate(() => { window.__full = true; });
  await s.type(await s.field('Role title'), 'Edited while full');
  await s.waitForSelector('#storage-alert:not([hidden])'); // the draft write failed: said at once
  const told = await s.text('#storage-alert');
  assert.match(told, /out of storage space for jobzone, so your work is not being saved here/);
  await s.clickNamed('Save');
  await waitNotice(s, /out of storage space/);
  await Promise.all([page.waitForEvent('dialog'), s.clickNamed('New blank assessment')]); // dismissed
  assert.match(dialogs.at(-1), /could not be kept aside .* Replace them anyway/s);
  assert.equal(await s.value('[data-text="role.title"]'), 'Edited while full', 'declining the confirm kept the work on the page');
  await s.evaluate(() => { window.__full = false; });
  const db = await stored(s);
  assert.equal(db.assessments.length, beforeCount);
  assert.equal(db.assessments[0].name, 'Saved before full');
  // Space again: the next edit is stored and the banner goes.
  await s.type(await s.field('Role title'), 'Edited after space came back');
  await s.waitFor(() => document.querySelector('#storage-alert')?.hidden);
  row('quota full (put() refused)', beforeCount, db.assessments.length, 'banner at the first failed draft write (with Export JSON); Save says so; confirm before replacing unsaved work');
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('two tabs saving 0-5 ms apart, 20 runs: every record is kept', async () => {
  const ctx = await browser.newContext();
  const a = await open(ctx);
  const b = await open(ctx);
  for (const { s } of [a, b]) await s.clickNamed('Edit as my own');
  const runs = 20;
  for (let run = 0; run < runs; run++) {
    for (const [tab, { s }] of [['A', a], ['B', b]]) {
      await s.clickNamed('New blank assessment');
      await s.waitFor(() => document.querySelector('[data-text="role.title"]')?.value === 'My role');
      await s.type(await s.field('Role title'), `Tab ${tab} run ${run}`);
    }
    const at = Date.now() + 150;
    const gap = run % 6;
    await Promise.all([a, b].map(({ s }, i) => clickAt(s, '[data-action=save]', at + i * gap)));
    await waitNotice(a.s, new RegExp(`Saved “Tab A run ${run}”`));
    await waitNotice(b.s, new RegExp(`Saved “Tab B run ${run}”`));
  }
  const names = (await stored(a.s)).assessments.map((r) => r.name).sort();
  const expected = [];
  for (let run = 0; run < runs; run++) expected.push(`Tab A run ${run}`, `Tab B run ${run}`);
  assert.deepEqual(names, expected.sort());
  row('two tabs saving 0-5 ms apart (20 runs)', 0, names.length, 'each tab: "Saved …"; both lists refresh');

  // Tab A's open list learns of a save in tab B (BroadcastChannel) without being reopened.
  await a.s.clickNamed('My assessments');
  await b.s.clickNamed('New blank assessment');
  await b.s.waitFor(() => document.querySelector('[data-text="role.title"]')?.value === 'My role');
  await b.s.type(await b.s.field('Role title'), 'Saved while A watched');
  await b.s.clickNamed('Save');
  await hasText(a.s, '.saved-list', 'Saved while A watched');
  await a.s.clickNamed('Close My assessments');

  // Both tabs edit the same saved record and save together: the second is asked, and keeps both.
  await a.s.clickNamed('My assessments');
  await a.s.clickNamed('Open “Tab A run 0”');
  await b.s.clickNamed('My assessments');
  await b.s.clickNamed('Open “Tab A run 0”');
  await a.s.focus(await a.s.field('AI growth correlation'));
  await a.s.press('Home');
  await b.s.focus(await b.s.field('AI growth correlation'));
  await b.s.press('End');
  await a.s.clickNamed('Save');
  await waitNotice(a.s, /Saved “Tab A run 0”/);
  await b.s.clickNamed('Save'); // its dialog is dismissed: keep both
  await waitNotice(b.s, /Saved “Tab A run 0 \(copy\)”/);
  assert.match(b.dialogs.at(-1), /was saved in another tab after you opened it here/);
  const after = (await stored(a.s)).assessments;
  assert.equal(after.length, names.length + 2, 'the record saved while A watched, and the copy');
  const growth = (n) => after.find((r) => r.name === n).assessment.ai_growth_correlation;
  assert.deepEqual([growth('Tab A run 0'), growth('Tab A run 0 (copy)')], [-2, 2], 'both versions kept');
  row('two tabs saving the same record', names.length + 1, after.length, 'second tab asked: replace, or keep both (kept both)');
  assert.deepEqual([...a.problems, ...b.problems], []);
  await ctx.close();
});

test('each tab has its own draft; a share link or New blank over unsaved work sets it aside with Undo', async () => {
  const ctx = await browser.newContext();
  const a = await open(ctx);
  const b = await open(ctx);
  for (const [tab, { s }] of [['A', a], ['B', b]]) {
    await s.clickNamed('Edit as my own');
    await s.type(await s.field('Role title'), `Unsaved in tab ${tab}`);
  }
  await a.s.reload();
  await a.s.waitForSelector('main[aria-busy=false] .big-score');
  assert.equal(await a.s.value('[data-text="role.title"]'), 'Unsaved in tab A', 'tab A keeps its own work, not B\'s');
  await b.s.reload();
  await b.s.waitForSelector('main[aria-busy=false] .big-score');
  assert.equal(await b.s.value('[data-text="role.title"]'), 'Unsaved in tab B');
  row('two tabs, each reloaded', '2 drafts', '2 drafts, each in its own tab', '(nothing to tell)');

  // A share link opened in tab A (pasted into its address bar) over its unsaved work.
  const shared = { ...reference, id: undefined, role: { title: 'Shared with me' } };
  await a.s.open(`${app.url}/${link(shared)}`);
  // Read first: the work stays under the read view, untouched, until "Adjust a copy".
  await a.s.waitForSelector('.read-view');
  assert.equal(await a.s.text('#read-h'), 'Shared with me');
  assert.equal(await a.s.value('[data-text="role.title"]'), 'Unsaved in tab A', 'the work under the read view is untouched');
  await a.s.clickNamed('Adjust a copy');
  await a.s.waitFor(() => document.querySelector('[data-text="role.title"]')?.value === 'Shared with me');
  assert.match(await notice(a.s), /Your unsaved “Unsaved in tab A” was set aside/);
  assert.equal(await a.s.evaluate(() => location.hash), '', 'the link is not reopened by a reload');
  await a.s.clickNamed('My assessments');
  assert.match(await a.s.text('.panel'), /Unsaved work.*Unsaved in tab A/s);
  await a.s.clickNamed('Undo');
  await a.s.waitFor(() => document.querySelector('[data-text="role.title"]')?.value === 'Unsaved in tab A');
  row('share link opened over unsaved work', '1 unsaved', '1 unsaved (restored by Undo)', 'notice: set aside, Undo; listed under Unsaved work');

  // The same from a fresh load of the tab (another query string: a new document).
  await a.s.type(await a.s.field('Role title'), 'Unsaved again in tab A');
  await a.s.evaluate(() => dispatchEvent(new Event('pagehide')));
  await a.s.open(`${app.url}/?from=mail${link(shared)}`);
  await a.s.clickNamed('Adjust a copy');
  await a.s.waitFor(() => document.querySelector('[data-text="role.title"]')?.value === 'Shared with me');
  await a.s.clickNamed('My assessments');
  await hasText(a.s, '.panel', 'Unsaved again in tab A');

  // New blank over unsaved work.
  await b.s.clickNamed('New blank assessment');
  await b.s.waitFor(() => document.querySelector('[data-text="role.title"]')?.value === 'My role');
  assert.match(await notice(b.s), /Your unsaved “Unsaved in tab B” was set aside/);
  await b.s.clickNamed('Undo');
  await b.s.waitFor(() => document.querySelector('[data-text="role.title"]')?.value === 'Unsaved in tab B');
  // Undo moves the set-aside work back into the tab's draft (one transaction): one copy, not two.
  for (let i = 0; i < 100 && (await stored(b.s)).drafts.some((d) => d.kind === 'aside' && d.title === 'Unsaved in tab B'); i++) {
    await b.s.evaluate(() => new Promise((r) => setTimeout(r, 20)));
  }
  assert.equal((await stored(b.s)).drafts.filter((d) => d.title === 'Unsaved in tab B').length, 1);
  row('New blank over unsaved work', '1 unsaved', '1 unsaved (restored by Undo)', 'notice: set aside, Undo');

  // A closed tab's unsaved work is offered in the other tabs.
  await b.page.close();
  await a.s.clickNamed('Close My assessments');
  await a.s.clickNamed('My assessments');
  await hasText(a.s, '.panel', 'Unsaved in tab B');
  await a.s.clickNamed('Open “Unsaved in tab B”');
  await a.s.waitFor(() => document.querySelector('[data-text="role.title"]')?.value === 'Unsaved in tab B');
  assert.deepEqual(a.problems, []);
  await ctx.close();
});

test('Reset to published and picking a role in search keep unsaved edits aside, with Undo', async () => {
  const ctx = await browser.newContext();
  const { s, problems } = await open(ctx);
  await s.focus(await s.field('AI growth correlation'));
  await s.press('Home');
  const edited = await s.text('.big-score');
  assert.notEqual(edited, '61.9');
  await s.clickNamed('Reset to published');
  await waitNotice(s, /Back to the published figures\. Your unsaved .* was set aside/);
  assert.equal(await s.text('.big-score'), '61.9');
  await s.clickNamed('Undo');
  await s.waitFor((s) => document.querySelector('.big-score').textContent === s, edited);
  // The search picker, over the same edits.
  // (The start page's own search box: its front door.)
  await s.type('#front-search', 'ai research engineer');
  await s.click('#front-results a[data-role]');
  await waitNotice(s, /was set aside/);
  assert.equal(await s.text('.big-score'), '61.9');
  await s.clickNamed('Undo');
  await s.waitFor((s) => document.querySelector('.big-score').textContent === s, edited);
  row('Reset / search pick over unsaved edits', '1 unsaved', '1 unsaved (restored by Undo)', 'notice: set aside, Undo');
  assert.deepEqual(problems, []);
  await ctx.close();
});

/** Makes IndexedDB unavailable in the context: open() throws, or its request fails. */
const noIndexedDb = (ctx, how) => ctx.addInitScript((mode) => {
  if (mode === 'throw') {
    IDBFactory.prototype.open = function refused() { throw new DOMException('IndexedDB is switched off here', 'InvalidStateError'); };
  } else {
    IDBFactory.prototype.open = function failing() {
      const req = {};
      setTimeout(() => {
        Object.defineProperty(req, 'error', { value: new DOMException('the database could not be opened', 'UnknownError') });
        req.onerror?.({ target: req });
      }, 0);
      return req;
    };
  }
}, how);

for (const how of ['throw', 'error event']) {
  test(`IndexedDB unavailable (open ${how}s): nothing is called saved; the work is kept in the tab and survives a reload`, async () => {
    const ctx = await browser.newContext();
    await noIndexedDb(ctx, how === 'throw' ? 'throw' : 'error');
    const { page, s, problems } = await open(ctx);
    await s.waitForSelector('#storage-alert:not([hidden])');
    assert.match(await s.text('#storage-alert'), /would not store your work .* kept in this tab only: it survives a reload of this tab, not closing it\. Use Export JSON/);
    await s.clickNamed('Edit as my own');
    await s.type(await s.field('Role title'), 'Work with no database');
    await s.clickNamed('Save');
    await waitNotice(s, /^Not saved\./);
    assert.doesNotMatch(await notice(s), /Saved “/);
    assert.equal(await s.text('#save-status'), 'Not saved: this browser stores nothing here');
    assert.equal(await s.evaluate(() => [...document.querySelectorAll('.notice button')].filter((b) => b.textContent.trim() === 'Export JSON').length), 1, 'the notice offers Export JSON');
    const [download] = await Promise.all([page.waitForEvent('download'), s.clickNamed('Export JSON', '.notice button')]);
    assert.match(fs.readFileSync(await download.path(), 'utf8'), /Work with no database/);
    await s.clickNamed('My assessments');
    assert.match(await s.text('.panel'), /Nothing saved yet/);
    // The tab's own copy (sessionStorage) brings the work back after a reload of this tab.
    await s.evaluate(() => dispatchEvent(new Event('pagehide')));
    await s.reload();
    await s.waitForSelector('main[aria-busy=false] .big-score');
    assert.equal(await s.value('[data-text="role.title"]'), 'Work with no database');
    // A new tab has none of it, and says nothing is saved.
    const other = await open(ctx);
    await other.s.clickNamed('My assessments');
    assert.match(await other.s.text('.panel'), /Nothing saved yet/);
    row(`IndexedDB unavailable (open ${how}s)`, 0, '0 saved; the work in its tab (sessionStorage), after a reload too',
      'banner: kept in this tab only, survives a reload, Export JSON; Save: "Not saved." with Export JSON; status: stores nothing');
    assert.deepEqual(problems, []);
    await ctx.close();
  });
}

test('IndexedDB and sessionStorage both unavailable: the user is told the work lives on this page only', async () => {
  const ctx = await browser.newContext();
  await noIndexedDb(ctx, 'throw');
  await ctx.addInitScript(() => {
    Storage.prototype.setItem = function full() { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  const { s, problems } = await open(ctx);
  await s.waitForSelector('#storage-alert:not([hidden])');
  assert.match(await s.text('#storage-alert'), /lives on this page only: a reload or closing the tab loses it\. Use Export JSON/);
  await s.clickNamed('Edit as my own');
  await s.clickNamed('Save');
  await waitNotice(s, /^Not saved\..*on this page only/);
  row('IndexedDB and sessionStorage unavailable', 0, '0 saved; the work on the page', 'banner and Save: lives on this page only, Export JSON');
  assert.deepEqual(problems, []);
  await ctx.close();
});

/** Waits until the record `name` is stored with revision `rev` (read by the page itself). */
async function waitRecord(s, name, rev) {
  for (let i = 0; i < 200; i++) {
    if ((await stored(s)).assessments.some((r) => r.name === name && r.rev === rev)) return;
    await s.evaluate(() => new Promise((r) => setTimeout(r, 10)));
  }
  throw new Error(`no record ${name} at revision ${rev}`);
}

test('a delete from a stale list: the newer revision is asked about; a tab whose record vanished keeps its work as unsaved', async () => {
  const ctx = await browser.newContext();
  const a = await open(ctx);
  const b = await open(ctx);
  // Tab B can be made deaf to the other tabs' messages, so that its list stays as it was shown.
  await b.page.addInitScript(() => {
    const Original = window.BroadcastChannel;
    window.__deaf = false;
    window.BroadcastChannel = class extends Original {
      set onmessage(f) { super.onmessage = (e) => { if (!window.__deaf) f(e); }; }
      get onmessage() { return super.onmessage; }
    };
  });
  await b.s.reload();
  await b.s.waitForSelector('main[aria-busy=false] .big-score');
  await saveAs(a.s, 'Record R');
  await waitRecord(a.s, 'Record R', 1);
  await b.s.clickNamed('My assessments');
  await hasText(b.s, '.saved-list', 'Record R');
  // B's list was shown at revision 1. A saves again (revision 2); B's list is not redrawn in between.
  await b.s.evaluate(() => { window.__deaf = true; });
  await a.s.focus(await a.s.field('AI growth correlation'));
  await a.s.press('Home');
  await a.s.clickNamed('Save');
  await waitRecord(a.s, 'Record R', 2);
  // B deletes what it was shown (revision 1): asked twice (delete? then: it changed, delete that too?), and says no the second time.
  b.answer('');
  b.answer(null);
  await b.s.clickNamed('Delete “Record R”');
  await waitNotice(b.s, /Kept “Record R”: it changed since the list was shown/);
  assert.match(b.dialogs.at(-1), /was saved again in another tab .* after this list was shown/s);
  assert.equal((await stored(b.s)).assessments.filter((r) => r.name === 'Record R').length, 1, 'revision 2 kept');
  row('delete from a stale list (B saw rev 1, A saved rev 2)', 1, 1, 'B asked: changed since the list was shown; declined: "Kept …"');
  // Now B deletes it for real: A's work stays, as unsaved, and survives A's closing.
  await b.s.evaluate(() => { window.__deaf = false; });
  b.answer('');
  b.answer('');
  await b.s.clickNamed('Delete “Record R”');
  await b.s.waitFor(() => !document.querySelector('.saved-list')?.textContent.includes('Record R'));
  await waitNotice(a.s, /deleted in another tab\. It is still here, kept as unsaved work/);
  assert.equal(await a.s.value('[data-text="role.title"]'), 'Record R');
  for (let i = 0; i < 200 && !(await stored(a.s)).drafts.some((d) => d.title === 'Record R' && d.dirty); i++) await a.s.evaluate(() => new Promise((r) => setTimeout(r, 10)));
  assert.ok((await stored(a.s)).drafts.some((d) => d.title === 'Record R' && d.dirty), 'A\'s draft is stored as unsaved (dirty)');
  await a.page.close();
  await b.s.clickNamed('Close My assessments');
  await b.s.clickNamed('My assessments');
  await hasText(b.s, '.panel', 'Unsaved work');
  assert.match(await b.s.text('.panel'), /Unsaved work.*Record R/s);
  row('record deleted while another tab had it open', 1, '0 saved + 1 unsaved (the open tab\'s work)', 'that tab: deleted elsewhere, kept as unsaved; after it closed: listed under Unsaved work');
  assert.deepEqual([...a.problems, ...b.problems], []);
  await ctx.close();
});

test('a save and a delete at the same moment (10 runs, 0-5 ms apart): the record is never lost', async () => {
  const ctx = await browser.newContext();
  const a = await open(ctx);
  const b = await open(ctx);
  await a.s.clickNamed('Edit as my own');
  let kept = 0;
  for (let run = 0; run < 10; run++) {
    const name = `Race ${run}`;
    await a.s.clickNamed('New blank assessment');
    await a.s.waitFor(() => document.querySelector('[data-text="role.title"]')?.value === 'My role');
    await saveAs(a.s, name);
    await b.s.clickNamed('My assessments');
    await hasText(b.s, '.saved-list', name);
    await a.s.focus(await a.s.field('AI growth correlation'));
    await a.s.press(run % 2 ? 'Home' : 'End');
    b.answer('');
    b.answer(null); // if asked about a newer revision: keep it
    const at = Date.now() + 150;
    const gap = run % 6;
    await Promise.all([clickAt(a.s, '[data-action=save]', at), clickAt(b.s, `[aria-label="Delete “${name}”"]`, at + gap)]);
    await waitNotice(a.s, new RegExp(`Saved “${name}”|deleted in another tab`));
    // Whichever came first, the work is somewhere: a record, or A's unsaved draft.
    for (let i = 0; i < 100; i++) {
      const db = await stored(a.s);
      if (db.assessments.some((r) => r.name === name) || db.drafts.some((d) => d.title === name && d.dirty)) break;
      await a.s.evaluate(() => new Promise((r) => setTimeout(r, 10)));
    }
    const db = await stored(a.s);
    assert.ok(db.assessments.some((r) => r.name === name) || db.drafts.some((d) => d.title === name && d.dirty), `run ${run}: ${name} lost`);
    if (db.assessments.some((r) => r.name === name)) kept += 1;
    await b.s.clickNamed('Close My assessments');
  }
  row('save and delete at the same moment (10 runs, 0-5 ms)', '1 per run', `${kept} of 10 kept as records, the rest as A's unsaved work`, 'B asked when the revision changed; A told when its record went');
  assert.deepEqual([...a.problems, ...b.problems], []);
  await ctx.close();
});

test('records and drafts this version cannot use are listed as unreadable, downloadable and removable; nothing else breaks', async () => {
  const ctx = await browser.newContext();
  const setupS = sessionOf(await ctx.newPage());
  await setupS.open(`${app.url}/manifest.webmanifest`);
  await setupS.evaluate((assessment) => new Promise((resolve, reject) => {
    const req = indexedDB.open('jobzone', 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      for (const n of ['assessments', 'drafts', 'kept']) db.createObjectStore(n, { keyPath: 'id' });
      db.createObjectStore('meta', { keyPath: 'key' });
      const tx = req.transaction;
      tx.objectStore('meta').put({ key: 'legacy', at: '2026-01-01T00:00:00Z' });
      tx.objectStore('assessments').put({ id: 5, v: 1, name: 'Numeric key', updated: '2026-02-01T00:00:00Z', rev: 1, assessment });
      tx.objectStore('assessments').put({ id: 'no-assessment', v: 1, name: 'No assessment', updated: 'yesterday', rev: 1 });
      tx.objectStore('assessments').put({ id: 'good', v: 1, name: 'Good record', updated: 'not a date', rev: 1, assessment });
      tx.objectStore('drafts').put({ id: 'aside-null', v: 1, kind: 'aside', dirty: true, updated: 'garbage', title: 'Null work', work: null });
    };
    req.onsuccess = () => { req.result.close(); resolve(); };
    req.onerror = () => reject(req.error);
  }), reference);
  const { page, s, problems, answer } = await open(ctx);
  assert.match(await notice(s), /Some saved data could not be read by this version of jobzone/);
  assert.match(await notice(s), /saved assessment “Numeric key”: this version cannot open it: its key \(5\) is not one this version uses/);
  assert.match(await notice(s), /saved assessment “No assessment”: this version cannot open it: it holds no assessment/);
  assert.match(await notice(s), /unsaved work “Null work”: this version cannot open it: it holds no assessment/);
  assert.doesNotMatch(await s.text('body'), /could not start|internal error|Invalid Date/);
  await s.clickNamed('My assessments');
  const panelText = await s.text('.panel');
  assert.match(panelText, /Good record · date unknown/);
  assert.match(panelText, /Data this version could not read.*Numeric key.*No assessment.*Null work/s);
  assert.doesNotMatch(panelText, /Invalid Date/);
  // The good one opens; each unreadable one downloads as it was, and can be removed (by its own key).
  await s.clickNamed('Open “Good record”');
  await s.waitFor(() => document.querySelector('[data-text="role.title"]')?.value === 'AI Research Engineer');
  await s.clickNamed('My assessments');
  const [download] = await Promise.all([page.waitForEvent('download'), s.clickNamed('Download “saved assessment “Numeric key””')]);
  const text = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.equal(text.id, 5);
  assert.equal(text.name, 'Numeric key');
  answer('');
  await s.clickNamed('Remove “saved assessment “Numeric key””');
  await s.waitFor(() => !document.querySelector('.panel').textContent.includes('Numeric key'));
  const db = await stored(s);
  assert.deepEqual(db.assessments.map((r) => r.id).sort(), ['good', 'no-assessment']);
  assert.ok(db.drafts.some((d) => d.id === 'aside-null'), 'the other unreadable data stays where it was');
  row('records this version cannot use (numeric key, no assessment, null work, bad dates)', '3 records (2 unusable) + 1 unusable draft',
    'all kept where they were until the user removed one (2 records + 1 draft left)', 'notice names each; listed under data this version could not read, downloadable, removable; dates "date unknown"');
  assert.deepEqual(problems, []);
  await ctx.close();
});
