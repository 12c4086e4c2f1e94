// Nothing lost: saved work in IndexedDB under every fault we know of. Each test is a row of the
// fault table (printed as it runs): records before and after, and what the user was told.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { launch, serve, watch, stored } from './browser.mjs';
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
  await page.goto(`${app.url}${url}`);
  await page.waitForSelector('main[aria-busy=false] .big-score');
  return { page, problems, dialogs, answer: (value) => answers.push(value) };
}

const notice = (page) => page.textContent('.notice');
const waitNotice = (page, re) => page.waitForFunction((src) => new RegExp(src).test(document.querySelector('.notice')?.textContent ?? ''), re.source);

async function saveAs(page, title) {
  if (await page.getByRole('button', { name: 'Edit as my own' }).count()) await page.getByRole('button', { name: 'Edit as my own' }).click();
  await page.getByLabel('Role title').fill(title);
  await page.getByRole('button', { name: /^Save/ }).click();
  await waitNotice(page, new RegExp(`Saved “${title.replace(/[()]/g, '\\$&')}`));
}

/** Clicks `selector` in the page at the wall-clock time `when` (ms): two tabs acting together. */
const clickAt = (page, selector, when) => page.evaluate(({ sel, at }) => new Promise((resolve) => {
  const go = () => { document.querySelector(sel).click(); resolve(); };
  const wait = () => (Date.now() >= at ? go() : setTimeout(wait, 0));
  wait();
}), { sel: selector, at: when });

const link = (obj) => `#a=1.${zlib.deflateRawSync(Buffer.from(JSON.stringify(obj))).toString('base64url')}`;

test('a corrupt store is kept untouched, the user is told and can download it; saving adds beside it', async () => {
  const corrupt = '{"version":2,"saved":[{"id":"a1","name":"Half written';
  const ctx = await browser.newContext();
  await ctx.addInitScript((text) => { if (!localStorage.getItem('jobzone:store')) localStorage.setItem('jobzone:store', text); }, corrupt);
  const { page, problems } = await open(ctx);
  assert.match(await notice(page), /Some saved data could not be read .* kept exactly as it was/);
  assert.match(await notice(page), /saved assessments \(old layout\): not readable JSON/);
  await saveAs(page, 'New after corruption');
  const db = await stored(page);
  assert.equal(db.kept.length, 1);
  assert.equal(db.kept[0].text, corrupt, 'kept byte for byte');
  assert.equal(await page.evaluate(() => localStorage.getItem('jobzone:store')), corrupt, 'the original is left where it was');
  await page.getByRole('button', { name: 'My assessments' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Download/ }).click()]);
  assert.equal(fs.readFileSync(await download.path(), 'utf8'), corrupt);
  row('corrupt store (truncated JSON)', '1 unreadable', `${db.assessments.length} saved + 1 kept as it was`, 'notice: data could not be read, kept, download from My assessments');
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('a store from a newer version: kept read-only; a newer database is shown read-only and never written', async () => {
  const newer = JSON.stringify({ version: 3, records: { x: { name: 'From the future' } } });
  const ctx = await browser.newContext();
  await ctx.addInitScript((text) => { if (!localStorage.getItem('jobzone:store')) localStorage.setItem('jobzone:store', text); }, newer);
  const { page } = await open(ctx);
  assert.match(await notice(page), /newer version of jobzone \(storage version 3\); kept read-only/);
  assert.equal((await stored(page)).kept[0].text, newer);
  row('localStorage store with version 3', '1 (newer layout)', '1 kept read-only, untouched', 'notice: written by a newer version, kept read-only; download offered');
  await ctx.close();

  // A database a newer jobzone upgraded to version 5, holding one record.
  const ctx2 = await browser.newContext();
  const setup = await ctx2.newPage();
  await setup.goto(`${app.url}/manifest.webmanifest`);
  await setup.evaluate(() => new Promise((resolve) => {
    const req = indexedDB.open('jobzone', 5);
    req.onupgradeneeded = () => {
      const db = req.result;
      for (const n of ['assessments', 'drafts', 'kept', 'meta']) db.createObjectStore(n, { keyPath: n === 'meta' ? 'key' : 'id' });
      db.createObjectStore('future-things');
      req.transaction.objectStore('assessments').put({ id: 'f1', v: 2, name: 'Future record', updated: '2027-01-01T00:00:00Z', rev: 7, assessment: {} });
    };
    req.onsuccess = () => { req.result.close(); resolve(); };
  }));
  const beforeDb = await stored(setup);
  const { page: p2 } = await open(ctx2);
  await p2.waitForSelector('#storage-alert:not([hidden])');
  assert.match(await p2.textContent('#storage-alert'), /written by a newer version of jobzone\. It is shown here read-only/);
  await p2.getByRole('button', { name: 'Edit as my own' }).click();
  await p2.getByRole('button', { name: 'Save', exact: true }).click();
  await waitNotice(p2, /read-only/);
  await p2.getByRole('button', { name: 'My assessments' }).click();
  assert.match(await p2.textContent('.panel'), /Future record.*read-only/s);
  assert.equal(await p2.locator('.panel').getByRole('button', { name: /^Delete/ }).count(), 0);
  assert.deepEqual(await stored(p2), beforeDb, 'nothing in the newer database changed');
  row('IndexedDB from a newer version (5)', '1', '1, unchanged', 'banner: newer version, read-only; Save refused with that reason; no Delete/Rename');
  await ctx2.close();
});

test('an old v1 store with one bad item: the good ones migrate once with stable ids, the bad one is kept', async () => {
  const good = (title) => JSON.stringify({ ...reference, role: { title } });
  const v1 = JSON.stringify({ version: 1, items: { 'Old save A': good('Saved long ago'), 'Old broken': '{"format": "jobzone-ass', 'Old save B': good('Also old') } });
  const ctx = await browser.newContext();
  await ctx.addInitScript((text) => { if (!localStorage.getItem('jobzone:store')) localStorage.setItem('jobzone:store', text); }, v1);
  const { page, problems, answer } = await open(ctx);
  assert.match(await notice(page), /saved assessment “Old broken” \(old layout\): not readable as an assessment/);
  const first = await stored(page);
  const ids = first.assessments.map((r) => r.id).sort();
  assert.equal(ids.length, 2);
  assert.ok(ids.every((id) => /^v1-[0-9a-f]{8}$/.test(id)));
  await page.reload();
  await page.waitForSelector('main[aria-busy=false] .big-score');
  const second = await stored(page);
  assert.deepEqual(second.assessments.map((r) => r.id).sort(), ids, 'the same ids after a reload');
  assert.equal(second.kept.length, 1, 'migrated once: not kept twice');
  // Open, Rename and Delete act on them.
  await page.getByRole('button', { name: 'My assessments' }).click();
  await page.getByRole('button', { name: 'Open “Old save A”' }).click();
  await page.waitForFunction(() => document.querySelector('[data-text="role.title"]')?.value === 'Saved long ago');
  await page.getByRole('button', { name: 'My assessments' }).click();
  await page.getByRole('button', { name: 'Rename “Old save B”' }).click();
  await page.getByLabel('New name for “Old save B”').fill('Renamed old save');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.saved-list .saved-name:text("Renamed old save")');
  answer('');
  await page.getByRole('button', { name: 'Delete “Renamed old save”' }).click();
  await page.waitForFunction(() => !document.querySelector('.panel').textContent.includes('Renamed old save'));
  const third = await stored(page);
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
  const { page, problems, dialogs } = await open(ctx);
  await saveAs(page, 'Saved before full');
  const beforeCount = (await stored(page)).assessments.length;
  await page.evaluate(() => { window.__full = true; });
  await page.getByLabel('Role title').fill('Edited while full');
  await page.waitForSelector('#storage-alert:not([hidden])'); // the draft write failed: said at once
  const told = await page.textContent('#storage-alert');
  assert.match(told, /out of storage space for jobzone, so your work is not being saved here/);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await waitNotice(page, /out of storage space/);
  await Promise.all([page.waitForEvent('dialog'), page.getByRole('button', { name: 'New blank assessment' }).click()]); // dismissed
  assert.match(dialogs.at(-1), /could not be kept aside .* Replace them anyway/s);
  assert.equal(await page.inputValue('[data-text="role.title"]'), 'Edited while full', 'declining the confirm kept the work on the page');
  await page.evaluate(() => { window.__full = false; });
  const db = await stored(page);
  assert.equal(db.assessments.length, beforeCount);
  assert.equal(db.assessments[0].name, 'Saved before full');
  // Space again: the next edit is stored and the banner goes.
  await page.getByLabel('Role title').fill('Edited after space came back');
  await page.waitForSelector('#storage-alert', { state: 'hidden' });
  row('quota full (put() refused)', beforeCount, db.assessments.length, 'banner at the first failed draft write (with Export JSON); Save says so; confirm before replacing unsaved work');
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('two tabs saving 0-5 ms apart, 20 runs: every record is kept', async () => {
  const ctx = await browser.newContext();
  const a = await open(ctx);
  const b = await open(ctx);
  for (const { page } of [a, b]) await page.getByRole('button', { name: 'Edit as my own' }).click();
  const runs = 20;
  for (let run = 0; run < runs; run++) {
    for (const [tab, { page }] of [['A', a], ['B', b]]) {
      await page.getByRole('button', { name: 'New blank assessment' }).click();
      await page.waitForFunction(() => document.querySelector('[data-text="role.title"]')?.value === 'My role');
      await page.getByLabel('Role title').fill(`Tab ${tab} run ${run}`);
    }
    const at = Date.now() + 150;
    const gap = run % 6;
    await Promise.all([a, b].map(({ page }, i) => clickAt(page, '[data-action=save]', at + i * gap)));
    await waitNotice(a.page, new RegExp(`Saved “Tab A run ${run}”`));
    await waitNotice(b.page, new RegExp(`Saved “Tab B run ${run}”`));
  }
  const names = (await stored(a.page)).assessments.map((r) => r.name).sort();
  const expected = [];
  for (let run = 0; run < runs; run++) expected.push(`Tab A run ${run}`, `Tab B run ${run}`);
  assert.deepEqual(names, expected.sort());
  row('two tabs saving 0-5 ms apart (20 runs)', 0, names.length, 'each tab: "Saved …"; both lists refresh');

  // Tab A's open list learns of a save in tab B (BroadcastChannel) without being reopened.
  await a.page.getByRole('button', { name: 'My assessments' }).click();
  await b.page.getByRole('button', { name: 'New blank assessment' }).click();
  await b.page.waitForFunction(() => document.querySelector('[data-text="role.title"]')?.value === 'My role');
  await b.page.getByLabel('Role title').fill('Saved while A watched');
  await b.page.getByRole('button', { name: 'Save', exact: true }).click();
  await a.page.waitForSelector('.saved-list >> text=Saved while A watched');
  await a.page.getByRole('button', { name: 'Close My assessments' }).click();

  // Both tabs edit the same saved record and save together: the second is asked, and keeps both.
  await a.page.getByRole('button', { name: 'My assessments' }).click();
  await a.page.getByRole('button', { name: 'Open “Tab A run 0”' }).click();
  await b.page.getByRole('button', { name: 'My assessments' }).click();
  await b.page.getByRole('button', { name: 'Open “Tab A run 0”' }).click();
  await a.page.getByLabel('AI growth correlation', { exact: true }).focus();
  await a.page.keyboard.press('Home');
  await b.page.getByLabel('AI growth correlation', { exact: true }).focus();
  await b.page.keyboard.press('End');
  await a.page.getByRole('button', { name: 'Save', exact: true }).click();
  await waitNotice(a.page, /Saved “Tab A run 0”/);
  await b.page.getByRole('button', { name: 'Save', exact: true }).click(); // its dialog is dismissed: keep both
  await waitNotice(b.page, /Saved “Tab A run 0 \(copy\)”/);
  assert.match(b.dialogs.at(-1), /was saved in another tab after you opened it here/);
  const after = (await stored(a.page)).assessments;
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
  for (const [tab, { page }] of [['A', a], ['B', b]]) {
    await page.getByRole('button', { name: 'Edit as my own' }).click();
    await page.getByLabel('Role title').fill(`Unsaved in tab ${tab}`);
  }
  await a.page.reload();
  await a.page.waitForSelector('main[aria-busy=false] .big-score');
  assert.equal(await a.page.inputValue('[data-text="role.title"]'), 'Unsaved in tab A', 'tab A keeps its own work, not B\'s');
  await b.page.reload();
  await b.page.waitForSelector('main[aria-busy=false] .big-score');
  assert.equal(await b.page.inputValue('[data-text="role.title"]'), 'Unsaved in tab B');
  row('two tabs, each reloaded', '2 drafts', '2 drafts, each in its own tab', '(nothing to tell)');

  // A share link opened in tab A (pasted into its address bar) over its unsaved work.
  const shared = { ...reference, id: undefined, role: { title: 'Shared with me' } };
  await a.page.goto(`${app.url}/${link(shared)}`);
  // Read first: the work stays under the read view, untouched, until "Adjust a copy".
  await a.page.waitForSelector('.read-view');
  assert.equal(await a.page.textContent('#read-h'), 'Shared with me');
  assert.equal(await a.page.inputValue('[data-text="role.title"]'), 'Unsaved in tab A', 'the work under the read view is untouched');
  await a.page.getByRole('button', { name: 'Adjust a copy' }).click();
  await a.page.waitForFunction(() => document.querySelector('[data-text="role.title"]')?.value === 'Shared with me');
  assert.match(await notice(a.page), /Your unsaved “Unsaved in tab A” was set aside/);
  assert.equal(await a.page.evaluate(() => location.hash), '', 'the link is not reopened by a reload');
  await a.page.getByRole('button', { name: 'My assessments' }).click();
  assert.match(await a.page.textContent('.panel'), /Unsaved work.*Unsaved in tab A/s);
  await a.page.getByRole('button', { name: 'Undo' }).click();
  await a.page.waitForFunction(() => document.querySelector('[data-text="role.title"]')?.value === 'Unsaved in tab A');
  row('share link opened over unsaved work', '1 unsaved', '1 unsaved (restored by Undo)', 'notice: set aside, Undo; listed under Unsaved work');

  // The same from a fresh load of the tab (another query string: a new document).
  await a.page.getByLabel('Role title').fill('Unsaved again in tab A');
  await a.page.evaluate(() => dispatchEvent(new Event('pagehide')));
  await a.page.goto(`${app.url}/?from=mail${link(shared)}`);
  await a.page.getByRole('button', { name: 'Adjust a copy' }).click();
  await a.page.waitForFunction(() => document.querySelector('[data-text="role.title"]')?.value === 'Shared with me');
  await a.page.getByRole('button', { name: 'My assessments' }).click();
  await a.page.waitForSelector('text=Unsaved again in tab A');

  // New blank over unsaved work.
  await b.page.getByRole('button', { name: 'New blank assessment' }).click();
  await b.page.waitForFunction(() => document.querySelector('[data-text="role.title"]')?.value === 'My role');
  assert.match(await notice(b.page), /Your unsaved “Unsaved in tab B” was set aside/);
  await b.page.getByRole('button', { name: 'Undo' }).click();
  await b.page.waitForFunction(() => document.querySelector('[data-text="role.title"]')?.value === 'Unsaved in tab B');
  // Undo moves the set-aside work back into the tab's draft (one transaction): one copy, not two.
  for (let i = 0; i < 100 && (await stored(b.page)).drafts.some((d) => d.kind === 'aside' && d.title === 'Unsaved in tab B'); i++) {
    await b.page.evaluate(() => new Promise((r) => setTimeout(r, 20)));
  }
  assert.equal((await stored(b.page)).drafts.filter((d) => d.title === 'Unsaved in tab B').length, 1);
  row('New blank over unsaved work', '1 unsaved', '1 unsaved (restored by Undo)', 'notice: set aside, Undo');

  // A closed tab's unsaved work is offered in the other tabs.
  await b.page.close();
  await a.page.getByRole('button', { name: 'Close My assessments' }).click();
  await a.page.getByRole('button', { name: 'My assessments' }).click();
  await a.page.waitForSelector('text=Unsaved in tab B');
  await a.page.getByRole('button', { name: 'Open “Unsaved in tab B”' }).click();
  await a.page.waitForFunction(() => document.querySelector('[data-text="role.title"]')?.value === 'Unsaved in tab B');
  assert.deepEqual(a.problems, []);
  await ctx.close();
});

test('Reset to published and picking a role in search keep unsaved edits aside, with Undo', async () => {
  const ctx = await browser.newContext();
  const { page, problems } = await open(ctx);
  await page.getByLabel('AI growth correlation', { exact: true }).focus();
  await page.keyboard.press('Home');
  const edited = await page.textContent('.big-score');
  assert.notEqual(edited, '61.9');
  await page.getByRole('button', { name: 'Reset to published' }).click();
  await waitNotice(page, /Back to the published figures\. Your unsaved .* was set aside/);
  assert.equal(await page.textContent('.big-score'), '61.9');
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.waitForFunction((s) => document.querySelector('.big-score').textContent === s, edited);
  // The search picker, over the same edits.
  // (The start page's own search box: its front door.)
  await page.locator('#front-search').fill('ai research engineer');
  await page.locator('#front-results a[data-role]').first().click();
  await waitNotice(page, /was set aside/);
  assert.equal(await page.textContent('.big-score'), '61.9');
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.waitForFunction((s) => document.querySelector('.big-score').textContent === s, edited);
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
    const { page, problems } = await open(ctx);
    await page.waitForSelector('#storage-alert:not([hidden])');
    assert.match(await page.textContent('#storage-alert'), /would not store your work .* kept in this tab only: it survives a reload of this tab, not closing it\. Use Export JSON/);
    await page.getByRole('button', { name: 'Edit as my own' }).click();
    await page.getByLabel('Role title').fill('Work with no database');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await waitNotice(page, /^Not saved\./);
    assert.doesNotMatch(await notice(page), /Saved “/);
    assert.equal(await page.textContent('#save-status'), 'Not saved: this browser stores nothing here');
    assert.equal(await page.locator('.notice').getByRole('button', { name: 'Export JSON' }).count(), 1, 'the notice offers Export JSON');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.notice').getByRole('button', { name: 'Export JSON' }).click()]);
    assert.match(fs.readFileSync(await download.path(), 'utf8'), /Work with no database/);
    await page.getByRole('button', { name: 'My assessments' }).click();
    assert.match(await page.textContent('.panel'), /Nothing saved yet/);
    // The tab's own copy (sessionStorage) brings the work back after a reload of this tab.
    await page.evaluate(() => dispatchEvent(new Event('pagehide')));
    await page.reload();
    await page.waitForSelector('main[aria-busy=false] .big-score');
    assert.equal(await page.inputValue('[data-text="role.title"]'), 'Work with no database');
    // A new tab has none of it, and says nothing is saved.
    const other = await open(ctx);
    await other.page.getByRole('button', { name: 'My assessments' }).click();
    assert.match(await other.page.textContent('.panel'), /Nothing saved yet/);
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
  const { page, problems } = await open(ctx);
  await page.waitForSelector('#storage-alert:not([hidden])');
  assert.match(await page.textContent('#storage-alert'), /lives on this page only: a reload or closing the tab loses it\. Use Export JSON/);
  await page.getByRole('button', { name: 'Edit as my own' }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await waitNotice(page, /^Not saved\..*on this page only/);
  row('IndexedDB and sessionStorage unavailable', 0, '0 saved; the work on the page', 'banner and Save: lives on this page only, Export JSON');
  assert.deepEqual(problems, []);
  await ctx.close();
});

/** Waits until the record `name` is stored with revision `rev` (read by the page itself). */
async function waitRecord(page, name, rev) {
  for (let i = 0; i < 200; i++) {
    if ((await stored(page)).assessments.some((r) => r.name === name && r.rev === rev)) return;
    await page.evaluate(() => new Promise((r) => setTimeout(r, 10)));
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
  await b.page.reload();
  await b.page.waitForSelector('main[aria-busy=false] .big-score');
  await saveAs(a.page, 'Record R');
  await waitRecord(a.page, 'Record R', 1);
  await b.page.getByRole('button', { name: 'My assessments' }).click();
  await b.page.waitForSelector('.saved-list >> text=Record R');
  // B's list was shown at revision 1. A saves again (revision 2); B's list is not redrawn in between.
  await b.page.evaluate(() => { window.__deaf = true; });
  await a.page.getByLabel('AI growth correlation', { exact: true }).focus();
  await a.page.keyboard.press('Home');
  await a.page.getByRole('button', { name: 'Save', exact: true }).click();
  await waitRecord(a.page, 'Record R', 2);
  // B deletes what it was shown (revision 1): asked twice (delete? then: it changed, delete that too?), and says no the second time.
  b.answer('');
  b.answer(null);
  await b.page.getByRole('button', { name: 'Delete “Record R”' }).click();
  await waitNotice(b.page, /Kept “Record R”: it changed since the list was shown/);
  assert.match(b.dialogs.at(-1), /was saved again in another tab .* after this list was shown/s);
  assert.equal((await stored(b.page)).assessments.filter((r) => r.name === 'Record R').length, 1, 'revision 2 kept');
  row('delete from a stale list (B saw rev 1, A saved rev 2)', 1, 1, 'B asked: changed since the list was shown; declined: "Kept …"');
  // Now B deletes it for real: A's work stays, as unsaved, and survives A's closing.
  await b.page.evaluate(() => { window.__deaf = false; });
  b.answer('');
  b.answer('');
  await b.page.getByRole('button', { name: 'Delete “Record R”' }).click();
  await b.page.waitForFunction(() => !document.querySelector('.saved-list')?.textContent.includes('Record R'));
  await waitNotice(a.page, /deleted in another tab\. It is still here, kept as unsaved work/);
  assert.equal(await a.page.inputValue('[data-text="role.title"]'), 'Record R');
  for (let i = 0; i < 200 && !(await stored(a.page)).drafts.some((d) => d.title === 'Record R' && d.dirty); i++) await a.page.evaluate(() => new Promise((r) => setTimeout(r, 10)));
  assert.ok((await stored(a.page)).drafts.some((d) => d.title === 'Record R' && d.dirty), 'A\'s draft is stored as unsaved (dirty)');
  await a.page.close();
  await b.page.getByRole('button', { name: 'Close My assessments' }).click();
  await b.page.getByRole('button', { name: 'My assessments' }).click();
  await b.page.waitForSelector('.panel >> text=Unsaved work');
  assert.match(await b.page.textContent('.panel'), /Unsaved work.*Record R/s);
  row('record deleted while another tab had it open', 1, '0 saved + 1 unsaved (the open tab\'s work)', 'that tab: deleted elsewhere, kept as unsaved; after it closed: listed under Unsaved work');
  assert.deepEqual([...a.problems, ...b.problems], []);
  await ctx.close();
});

test('a save and a delete at the same moment (10 runs, 0-5 ms apart): the record is never lost', async () => {
  const ctx = await browser.newContext();
  const a = await open(ctx);
  const b = await open(ctx);
  await a.page.getByRole('button', { name: 'Edit as my own' }).click();
  let kept = 0;
  for (let run = 0; run < 10; run++) {
    const name = `Race ${run}`;
    await a.page.getByRole('button', { name: 'New blank assessment' }).click();
    await a.page.waitForFunction(() => document.querySelector('[data-text="role.title"]')?.value === 'My role');
    await saveAs(a.page, name);
    await b.page.getByRole('button', { name: 'My assessments' }).click();
    await b.page.waitForSelector(`.saved-list >> text=${name}`);
    await a.page.getByLabel('AI growth correlation', { exact: true }).focus();
    await a.page.keyboard.press(run % 2 ? 'Home' : 'End');
    b.answer('');
    b.answer(null); // if asked about a newer revision: keep it
    const at = Date.now() + 150;
    const gap = run % 6;
    await Promise.all([clickAt(a.page, '[data-action=save]', at), clickAt(b.page, `[aria-label="Delete “${name}”"]`, at + gap)]);
    await waitNotice(a.page, new RegExp(`Saved “${name}”|deleted in another tab`));
    // Whichever came first, the work is somewhere: a record, or A's unsaved draft.
    for (let i = 0; i < 100; i++) {
      const db = await stored(a.page);
      if (db.assessments.some((r) => r.name === name) || db.drafts.some((d) => d.title === name && d.dirty)) break;
      await a.page.evaluate(() => new Promise((r) => setTimeout(r, 10)));
    }
    const db = await stored(a.page);
    assert.ok(db.assessments.some((r) => r.name === name) || db.drafts.some((d) => d.title === name && d.dirty), `run ${run}: ${name} lost`);
    if (db.assessments.some((r) => r.name === name)) kept += 1;
    await b.page.getByRole('button', { name: 'Close My assessments' }).click();
  }
  row('save and delete at the same moment (10 runs, 0-5 ms)', '1 per run', `${kept} of 10 kept as records, the rest as A's unsaved work`, 'B asked when the revision changed; A told when its record went');
  assert.deepEqual([...a.problems, ...b.problems], []);
  await ctx.close();
});

test('records and drafts this version cannot use are listed as unreadable, downloadable and removable; nothing else breaks', async () => {
  const ctx = await browser.newContext();
  const setup = await ctx.newPage();
  await setup.goto(`${app.url}/manifest.webmanifest`);
  await setup.evaluate((assessment) => new Promise((resolve, reject) => {
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
  const { page, problems, answer } = await open(ctx);
  assert.match(await notice(page), /Some saved data could not be read by this version of jobzone/);
  assert.match(await notice(page), /saved assessment “Numeric key”: this version cannot open it: its key \(5\) is not one this version uses/);
  assert.match(await notice(page), /saved assessment “No assessment”: this version cannot open it: it holds no assessment/);
  assert.match(await notice(page), /unsaved work “Null work”: this version cannot open it: it holds no assessment/);
  assert.doesNotMatch(await page.textContent('body'), /could not start|internal error|Invalid Date/);
  await page.getByRole('button', { name: 'My assessments' }).click();
  const panelText = await page.textContent('.panel');
  assert.match(panelText, /Good record · date unknown/);
  assert.match(panelText, /Data this version could not read.*Numeric key.*No assessment.*Null work/s);
  assert.doesNotMatch(panelText, /Invalid Date/);
  // The good one opens; each unreadable one downloads as it was, and can be removed (by its own key).
  await page.getByRole('button', { name: 'Open “Good record”' }).click();
  await page.waitForFunction(() => document.querySelector('[data-text="role.title"]')?.value === 'AI Research Engineer');
  await page.getByRole('button', { name: 'My assessments' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download “saved assessment “Numeric key””' }).click()]);
  const text = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.equal(text.id, 5);
  assert.equal(text.name, 'Numeric key');
  answer('');
  await page.getByRole('button', { name: 'Remove “saved assessment “Numeric key””' }).click();
  await page.waitForFunction(() => !document.querySelector('.panel').textContent.includes('Numeric key'));
  const db = await stored(page);
  assert.deepEqual(db.assessments.map((r) => r.id).sort(), ['good', 'no-assessment']);
  assert.ok(db.drafts.some((d) => d.id === 'aside-null'), 'the other unreadable data stays where it was');
  row('records this version cannot use (numeric key, no assessment, null work, bad dates)', '3 records (2 unusable) + 1 unusable draft',
    'all kept where they were until the user removed one (2 records + 1 draft left)', 'notice names each; listed under data this version could not read, downloadable, removable; dates "date unknown"');
  assert.deepEqual(problems, []);
  await ctx.close();
});
