// The insight sections in the browser: tornado, uncertainty band and best move render for the
// reference role, agree with the native CLI, and change when an input changes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { launch, serve, watch, root } from './browser.mjs';
import { sessionOf } from './engines.mjs';

const reference = JSON.parse(fs.readFileSync(path.join(root, 'web/data/roles/ai-research-engineer-mid-senior.json'), 'utf8'));
let browser;
let server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser?.close(); server?.close(); });

const nativeInsight = (a) => {
  const p = spawnSync(path.join(root, 'build/native/core/jobzone'), ['insight', '-'], { input: JSON.stringify(a), encoding: 'utf8' });
  assert.equal(p.status, 0, p.stderr);
  return JSON.parse(p.stdout);
};

test('tornado, band and best move render, match the core, and follow the inputs', async () => {
  const page = await browser.newPage();
  const s = sessionOf(page);
  const problems = watch(page);
  await s.open(`${server.url}/`);
  await s.waitForSelector('main[aria-busy=false] #levers .tornado tr');
  const ins = nativeInsight(reference);
  const lever = await s.text('#levers .lever');
  assert.match(lever, /^The biggest lever is the score of Novel architecture design & exploration: one step down \(to 1\/5\) gives 66\.6, one step up \(to 3\/5\) gives 57\.2 \(now 61\.9\)\.$/);
  const top = ins.sensitivity[0];
  assert.ok(lever.includes(`gives ${top.down.display}`) && lever.includes(`gives ${top.up.display}`), 'the page prints the core\'s figures');
  assert.equal(await s.evaluate(() => document.querySelector('#levers .tornado').querySelectorAll('tr').length), 8);
  const sure = await s.text('#sure');
  const shown = ins.uncertainty.display;
  assert.ok(sure.includes(`between ${shown.p10} and ${shown.p90}, with the middle at ${shown.p50}`), sure);
  assert.ok(sure.includes(`Green ${(ins.uncertainty.zones.GREEN * 100).toFixed(1)}%`));
  assert.equal(await s.count('#sits .band-range'), 1);
  const move = await s.text('#move');
  assert.match(move, /Moving 20 points of time from “Paper implementation & reproduction” to “Mentoring junior researchers & cross-team collaboration” raises the score by 7\.5 to 69\.4/);
  assert.equal(ins.best_move.display_score, '69.4');

  // An input changes: everything follows.
  const bandBefore = await s.attr('#sits .band-range', 'x');
  await s.focus('[data-path="ai_growth_correlation"]');
  await s.press('Home');
  await s.waitFor(() => !document.querySelector('#levers .lever').textContent.includes('(now 61.9)'));
  const edited = structuredClone(reference);
  edited.ai_growth_correlation = -2;
  const after2 = nativeInsight(edited);
  assert.ok((await s.text('#sure')).includes(`with the middle at ${after2.uncertainty.display.p50}`));
  assert.notEqual(await s.attr('#sits .band-range', 'x'), bandBefore);

  // Trying the best move applies it.
  await s.clickNamed('Reset to published');
  await s.clickNamed('Try this move');
  await s.waitFor(() => document.querySelector('.big-score').textContent === '69.4');
  assert.deepEqual(problems, []);
  await page.close();
});

test('how sure each input is changes the range and the zone odds, exactly as the core computes them', async () => {
  const page = await browser.newPage();
  const s = sessionOf(page);
  const problems = watch(page);
  await s.open(`${server.url}/`);
  await s.waitForSelector('main[aria-busy=false] #levers .tornado tr');
  await s.clickNamed('Edit as my own');
  await s.select('[data-confidence="confidence.evidence.wage_trends"]', 'unsure');
  await s.select('[data-confidence="tasks.0.confidence"]', 'sure');
  await s.waitFor(() => document.querySelector('#sure p').textContent.includes('as marked (1 sure, 16 roughly, 1 not sure)'));
  const edited = structuredClone(reference);
  edited.tasks[0].confidence = 'sure';
  edited.confidence = { evidence: { wage_trends: 'unsure' } };
  const ins = nativeInsight(edited);
  const shown = ins.uncertainty.display;
  const sure = await s.text('#sure');
  assert.ok(sure.includes(`between ${shown.p10} and ${shown.p90}, with the middle at ${shown.p50}`), sure);
  assert.ok(sure.includes(`Green ${(ins.uncertainty.zones.GREEN * 100).toFixed(1)}%`), sure);
  assert.notEqual(shown.p10, nativeInsight(reference).uncertainty.display.p10, 'the doubt widened the range');
  // Back to the default: nothing is stored for it.
  await s.select('[data-confidence="tasks.0.confidence"]', 'roughly');
  await s.select('[data-confidence="confidence.evidence.wage_trends"]', 'roughly');
  await s.waitFor(() => document.querySelector('#sure p').textContent.includes('off by one step'));
  assert.deepEqual(problems, []);
  await page.close();
});

test('analyses that take a moment: the sections they draw are marked as updating (aria-busy, dimmed), then drawn; no mark stays behind', async () => {
  /** The role page with its insight worker's answers held back `delay` ms (0: the real worker as it is). */
  const open = async (delay) => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    await context.route('**/insight-worker.js', async (route) => {
      const real = await (await route.fetch()).text();
      const body = delay ? `const send = self.postMessage.bind(self); self.postMessage = (m) => setTimeout(() => send(m), ${delay});\n${real}` : real;
      await route.fulfill({ contentType: 'text/javascript', body });
    });
    const page = await context.newPage();
    const s = sessionOf(page);
    const problems = watch(page);
    await s.open(`${server.url}/roles/ai-research-engineer-mid-senior/`);
    await s.waitFor(() => document.querySelector('main').getAttribute('aria-busy') === 'false');
    // A first move starts the worker (its module and wasm): that first answer may take a moment.
    const first = await s.text('#levers .lever');
    await s.focus('[data-path="tasks.0.score"]');
    await s.press('ArrowRight');
    await s.waitFor((old) => document.querySelector('#levers .lever').textContent !== old && !document.querySelector('#levers').hasAttribute('aria-busy'), first);
    return { context, s, problems };
  };
  // Quick answers: whether an answer comes before the mark's threshold depends on the machine, so
  // that part is tested with a hand-made clock (tests/node/busy-mark.test.mjs); here, whatever the
  // speed, the answer drawn leaves no mark behind.
  {
    const { context, s, problems } = await open(0);
    const before = await s.text('#levers .lever');
    await s.focus('[data-path="ai_growth_correlation"]');
    await s.press('ArrowLeft');
    await s.waitFor((old) => document.querySelector('#levers .lever').textContent !== old, before);
    await s.waitFor(() => !document.querySelector('#levers').hasAttribute('aria-busy') && !document.querySelector('.stale'));
    assert.deepEqual(problems, []);
    await context.close();
  }
  // Slow answers: marked while they are computed, then cleared with the new figures.
  {
    const { context, s, problems } = await open(800);
    const before = await s.text('#levers .lever');
    await s.focus('[data-path="ai_growth_correlation"]');
    await s.press('ArrowLeft');
    await s.waitFor(() => document.querySelector('#levers').getAttribute('aria-busy') === 'true' && document.querySelector('#levers').classList.contains('stale'));
    assert.equal(await s.text('#levers .lever'), before, 'the old figures stay, marked, until the new ones come');
    assert.equal(await s.attr('#sure', 'aria-busy'), 'true');
    await s.waitFor((old) => document.querySelector('#levers').getAttribute('aria-busy') === null && document.querySelector('#levers .lever').textContent !== old, before);
    assert.equal(await s.evaluate(() => document.querySelector('#levers').classList.contains('stale')), false);
    assert.deepEqual(problems, []);
    await context.close();
  }
});
