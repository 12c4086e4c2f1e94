// A derived starting point in the browser (issue 27): found by search, labelled as derived on the
// page, its unjudged inputs shown so; changed, it is "adjusted" (export and CSV say so, each task
// keeps its provenance); and a file that claims "published" opens as your own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, serve, watch, axeClean } from './browser.mjs';
import { sessionOf } from './engines.mjs';
import { tempDir } from '../tmp.mjs';

let browser;
let server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser?.close(); server?.close(); });

const NURSES = 'onet-29-1141-00';

test('search "nurse" finds Registered Nurses, marked derived; its page says what it is', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const s = sessionOf(page);
  const problems = watch(page);
  await s.open(`${server.url}/`);
  await s.waitForSelector('main[aria-busy=false] .big-score');
  await s.type('#front-search', 'registered nurse');
  await s.waitFor((id) => document.querySelector(`#front-results a[data-role="${id}"]`), NURSES);
  assert.equal(await s.attr('#front-results a[data-role]', 'data-role'), NURSES, 'first');
  assert.equal(await s.text('#front-results a[data-role]'), 'Registered Nurses · derived');
  await s.click('#front-results a[data-role]');
  await s.waitFor(() => document.querySelector('.role-head h1')?.textContent === 'Registered Nurses');
  await s.waitForSelector('main[aria-busy=false] .big-score');
  assert.match(await s.text('.role-head .eyebrow'), /Derived starting point · not assessed/);
  assert.match(await s.text('#derived'), /Nobody has assessed it, and its market inputs were not judged/);
  assert.match(await s.text('#derived'), /Nobody has assessed this occupation/);
  assert.match(await s.text('#derived'), /not to robots, machines or self-driving vehicles/);
  assert.match(await s.text('.compare'), /^Derived [\d.]+ .*no change$/);
  // Opened as it is: shares in hundredths and unjudged principles are nobody's early move.
  assert.equal(await s.count('.role-page .ctl.changed'), 0);
  assert.equal(await s.text('[data-action=reset]'), 'Reset to the derived start');
  // Protective principles: not judged, and no quick screen.
  assert.match(await s.text('#protective'), /Not judged: nobody has judged this yet/);
  assert.match(await s.text('#protective'), /Protective principles not judged: no quick screen/);
  assert.equal(await s.attr('[data-path="protective.embodied_physicality"]', 'aria-valuetext'), 'not judged');
  // Each task's provenance.
  assert.match(await s.text('#tasks'), /labelled it E2 \(exposed with software built on a language model\), so level 3; GPT-4 rated its automation T3 \(most of it\)\. O\*NET task 1841, Core\./);
  // A move: marked against the derived figure, never "published".
  await s.focus('[data-path="barriers.physical_presence"]');
  await s.press('ArrowRight');
  await s.waitFor(() => /from derived/.test(document.querySelector('#score-strip .strip-delta').textContent));
  assert.match(await s.text('#barriers'), /changed, derived 1\/2/);
  for (const part of ['.role-page .glance-top', '#barriers', '#sits']) assert.doesNotMatch(await s.text(part), /published/i);
  // Exported now, it is adjusted from the derived start, with each task's provenance (downloads:
  // Chromium's driver).
  const dir = tempDir('derived');
  const [json] = await Promise.all([page.waitForEvent('download'), s.clickNamed('Export JSON')]);
  const exported = JSON.parse(fs.readFileSync(await json.path(), 'utf8'));
  assert.equal(exported.kind, 'adjusted');
  assert.equal(exported.derivation.onet_soc, '29-1141.00');
  assert.equal(exported.tasks[0].source.task_id, 1841);
  const [csv] = await Promise.all([page.waitForEvent('download'), s.clickNamed('Export CSV')]);
  const csvText = fs.readFileSync(await csv.path(), 'utf8');
  assert.match(csvText, /^task,time_pct,score,impact,weighted,rationale,kind,onet_task_id,task_type,human_exposure,gpt4_exposure,gpt4_automation\r\n/);
  assert.match(csvText, /Record patients' medical information and vital signs\.,4\.77,3,displacement,0\.14,,adjusted from a derived starting point,1841,Core,E2,E2,T3\r\n/);
  // A file that claims "published" opens as your own (only the catalog says published).
  const claim = path.join(dir, 'claims-published.json');
  fs.writeFileSync(claim, JSON.stringify({ ...exported, kind: 'published', derivation: undefined }));
  await s.upload('input[type=file][data-action=import]', claim);
  await s.waitFor(() => document.querySelector('.role-head.own'));
  assert.match(await s.text('.role-head .eyebrow'), /^Your assessment/);
  assert.doesNotMatch(await s.text('.role-head .eyebrow'), /Published|adjusted/);
  const [again] = await Promise.all([page.waitForEvent('download'), s.clickNamed('Export JSON')]);
  assert.equal(JSON.parse(fs.readFileSync(await again.path(), 'utf8')).kind, undefined);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a derived page shows each task as one line; "Adjust" brings that task\'s controls, by keyboard, and the other lines follow', async () => {
  // (bypassCSP: axe's script goes into the page; the page's own CSP refuses inline scripts.)
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const s = sessionOf(page);
  const problems = watch(page);
  await s.open(`${server.url}/roles/${NURSES}/`);
  await s.waitForSelector('main[aria-busy=false] .big-score');
  const derived = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../../dist/data/roles', `${NURSES}.json`), 'utf8'));
  // Without JavaScript, "Adjust" does nothing: the page says so, and never calls its figures published.
  const noscript = /<noscript>(.*?)<\/noscript>/s.exec(await (await fetch(`${server.url}/roles/${NURSES}/`)).text())[1];
  assert.match(noscript, /adjusting a task, needs JavaScript/);
  assert.doesNotMatch(noscript, /published/i);
  const n = derived.tasks.length;
  // One line a task, each with its figures and where its level came from; no task control yet.
  assert.equal(await s.count('#tasks .task-line'), n);
  assert.equal(await s.count('#tasks input[data-path^="tasks."], #tasks select[data-path^="tasks."]'), 0);
  assert.equal(await s.text('#tasks .task-line .tl-name'), derived.tasks[0].name);
  assert.equal(await s.text('[data-task-figs="0"]'), '4.77% of the week · level 3 of 5, AI does much of it; a human steers and checks · Displaced · weighted 0.14');
  assert.match(await s.text('#tasks .task-line'), /From the data: human raters labelled it E2 .* O\*NET task 1841, Core\./);
  // The button's name is "Adjust" and the task's name, written once on the page.
  const second = await s.named(`Adjust ${derived.tasks[1].name}`);
  await axeClean(page, 'a derived page with one line a task');
  // By keyboard: the second task's controls, the keyboard on its share.
  await s.focus(second);
  await s.press('Enter');
  await s.waitFor(() => document.activeElement?.dataset?.path === 'tasks.1.time_pct');
  assert.equal(await s.count('#tasks fieldset.task'), 1);
  assert.equal(await s.count('#tasks .task-line'), n, 'still one item a task');
  assert.match(await s.attr('[data-path="tasks.1.score"]', 'aria-valuetext'), /^1 of 5: Irreducibly human$/);
  // Moving its share rebalances the others, whose lines say so.
  const before = await s.text('[data-task-figs="0"]');
  for (let i = 0; i < 5; i++) await s.press('ArrowRight');
  await s.waitFor((b) => document.querySelector('[data-task-figs="0"]').textContent !== b, before);
  assert.match(await s.text('[data-task-figs="0"]'), /\(changed; the data had share 4\.77%\)$/);
  const shares = await s.evaluate(() => [...document.querySelectorAll('[data-task-figs]')].map((el) => Number(/^([\d.]+)%/.exec(el.textContent)[1])));
  assert.equal(shares.length, n - 1);
  // "Adjust every task": every task's controls.
  await s.clickNamed('Adjust every task');
  await s.waitFor((count) => document.querySelectorAll('#tasks fieldset.task').length === count, n);
  assert.equal(await s.count('#tasks input[type=range][data-path$=".time_pct"]'), n);
  const total = await s.evaluate(() => [...document.querySelectorAll('[data-path$=".time_pct"]')].reduce((t, el) => t + Number(el.value), 0));
  assert.ok(Math.abs(total - 100) <= n, `the week still adds up (sliders show whole points: ${total})`);
  await axeClean(page, 'every task adjusted');
  assert.deepEqual(problems, []);
  await context.close();
});

test('"Edit as my own" on a derived role: your assessment, adjusted from a derived starting point', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const s = sessionOf(page);
  const problems = watch(page);
  await s.open(`${server.url}/roles/${NURSES}/`);
  await s.waitForSelector('main[aria-busy=false] .big-score');
  // The prerendered page, taken over: a share of 4.77% on a whole-point slider, and a principle
  // nobody judged, are not read as the reader's early moves.
  await s.waitFor(() => document.querySelector('.compare')?.textContent.endsWith('no change'));
  assert.equal(await s.count('.role-page .ctl.changed'), 0);
  await s.clickNamed('Edit as my own');
  await s.waitFor(() => document.querySelector('.role-head.own'));
  assert.match(await s.text('.role-head .eyebrow'), /Your assessment · adjusted from a derived starting point/);
  assert.match(await s.text('#derived h2'), /Adjusted from a derived starting point/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the score card of a derived role says so, and still fits the iframe snippet\'s 200 px at 300 px wide', async () => {
  const page = await browser.newPage({ viewport: { width: 300, height: 200 } });
  const s = sessionOf(page);
  await s.open(`${server.url}/embed.html?role=onet-53-3032-00`);
  await s.waitFor(() => document.querySelector('jobzone-score')?.shadowRoot?.querySelector('[part=kind]'));
  const kind = await s.evaluate(() => document.querySelector('jobzone-score').shadowRoot.querySelector('[part=kind]').textContent);
  assert.match(kind, /^Derived.* · not assessed: derived from O\*NET data and research labels, not assessed$/);
  assert.equal(await s.evaluate(() => document.documentElement.scrollHeight), 200);
  await page.close();
});

test('a derived role prints in three A4 pages: O*NET statements whole, each source as a short code with a key', async () => {
  const { spawnSync } = await import('node:child_process');
  const context = await browser.newContext();
  const page = await context.newPage();
  const s = sessionOf(page);
  const problems = watch(page);
  await s.open(`${server.url}/roles/${NURSES}/`);
  await s.waitForSelector('main[aria-busy=false] .big-score');
  await s.waitFor(() => /^Likely \d+ to \d+/.test(document.querySelector('.likely')?.textContent ?? ''));
  await s.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await s.waitFor(() => document.querySelector('.report h1')?.textContent === 'Registered Nurses');
  // The PDF: Chromium's driver.
  const pdf = path.join(tempDir('derived-print'), 'report.pdf');
  await page.pdf({ path: pdf, format: 'A4' });
  const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
  const pages = Number(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout.match(/Pages:\s+(\d+)/)[1]);
  console.log(`derived report (Registered Nurses, 27 tasks): ${pages} A4 pages`);
  assert.ok(pages <= 3, `${pages} pages`);
  assert.match(text, /Record patients' medical information and vital signs\./, "O*NET's words, whole");
  assert.match(text, /E2 → 3 · T3 · task 1841, Core/);
  assert.match(text, /E2: exposed with software built on a language model/, 'the codes in words');
  assert.match(text, /Nobody has assessed this occupation/);
  assert.match(text, /O\*NET 29\.3 Database/, 'the attribution');
  assert.deepEqual(problems, []);
  await context.close();
});
