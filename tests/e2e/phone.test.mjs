// Phone layouts in Chromium's device emulation, with touch: 360x740 and 390x844. Taps a button,
// drags sliders with a finger, and checks the page never scrolls sideways.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, serve, watch, root, nativeCore } from './browser.mjs';
import { sessionOf } from './engines.mjs';

const reference = JSON.parse(fs.readFileSync(path.join(root, 'web/data/roles/ai-research-engineer-mid-senior.json'), 'utf8'));
let browser;
let app;
before(async () => { browser = await launch(); app = await serve(); });
after(async () => { await browser?.close(); app?.close(); });

const native = (a) => nativeCore('score', a);

/** A finger on the slider's thumb, dragged to `fraction` of its track, in small steps. */
async function drag(s, cdp, selector, fraction) {
  const box = await s.evaluate((s) => {
    const el = document.querySelector(s);
    el.scrollIntoView({ block: 'center' });
    const r = el.getBoundingClientRect();
    const at = (Number(el.value) - Number(el.min)) / (Number(el.max) - Number(el.min));
    return { x: r.left, y: r.top + r.height / 2, width: r.width, at };
  }, selector);
  const point = (f) => [{ x: box.x + 8 + (box.width - 16) * f, y: box.y }];
  // A finger that stops before it lifts, as on a phone: the last move repeats the end point 100 ms
  // on (timestamps in seconds), so the lift has no speed and starts no fling. A fling still
  // running swallows the next tap (it only stops the fling; no click), as a phone's does.
  const t0 = Date.now() / 1000;
  const end = box.at + (fraction - box.at);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(box.at), timestamp: t0 });
  for (let i = 1; i <= 8; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(box.at + ((fraction - box.at) * i) / 8), timestamp: t0 + i * 0.016 });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(end), timestamp: t0 + 8 * 0.016 + 0.1 });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [], timestamp: t0 + 8 * 0.016 + 0.1 });
}

/** The reference role at `width` x 900, its layout-shift entries collected in window.__shift. */
async function watchedForShift(width) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const s = sessionOf(page);
  await s.open(`${app.url}/?role=ai-research-engineer-mid-senior`);
  await s.waitForSelector('main[aria-busy=false] .big-score');
  await s.evaluate(() => {
    window.__shift = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shift.push(e.value); }).observe({ type: 'layout-shift' });
  });
  return { page, s };
}

/** Two frames drawn: everything a change asked for is on screen. */
const twoFrames = (s) => s.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

for (const [width, height] of [[360, 740], [390, 844]]) {
  test(`phone ${width}x${height}: tap, drag sliders with a finger, no sideways scroll`, async () => {
    const ctx = await browser.newContext({ viewport: { width, height }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    const page = await ctx.newPage();
    const s = sessionOf(page);
    const problems = watch(page);
    await s.open(`${app.url}/`);
    await s.waitForSelector('main[aria-busy=false] .big-score');
    assert.equal(await s.text('.big-score'), '61.9');
    const cdp = await ctx.newCDPSession(page);
    await drag(s, cdp, '[data-path="ai_growth_correlation"]', 0);
    await s.waitFor(() => document.querySelector('[data-path="ai_growth_correlation"]').value === '-2');
    await drag(s, cdp, '[data-path="evidence.company_actions"]', 0.25);
    await s.waitFor(() => document.querySelector('[data-path="evidence.company_actions"]').value === '-1');
    const expected = native({ ...reference, ai_growth_correlation: -2, evidence: { ...reference.evidence, company_actions: -1 } }).display.score;
    await s.waitFor((x) => document.querySelector('.big-score').textContent === x, expected);
    await s.tap('[data-action="make-own"]');
    await s.waitForSelector('[data-text="role.title"]');
    await s.tap('[data-action="saved"]');
    await s.waitForSelector('.panel');
    const sideways = await s.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(sideways, 0, 'nothing scrolls sideways');
    await page.screenshot({ path: path.join(root, `tests/artifacts/phone-${width}.png`) });
    assert.deepEqual(problems, []);
    await ctx.close();
  });
}

test('touch targets at 390 px: every control at least 24 x 24 px; sliders and primary buttons 44 px high', async () => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await ctx.newPage();
  const s = sessionOf(page);
  await s.open(`${app.url}/?role=ai-research-engineer-mid-senior`);
  await s.waitForSelector('main[aria-busy=false] .big-score');
  const sizes = await s.evaluate(() => [...document.querySelectorAll('#page button, #page input, #page select, #page textarea, #page summary, #page a.btn, header input')]
    .filter((el) => !el.classList.contains('visually-hidden') && el.getClientRects().length > 0)
    .map((el) => {
      const r = el.getBoundingClientRect();
      return { w: r.width, h: r.height, range: el.type === 'range', primary: el.classList.contains('primary'), what: `${el.tagName.toLowerCase()} ${el.type ?? ''} ${(el.textContent || el.getAttribute('aria-label') || el.dataset.path || '').trim().slice(0, 40)}` };
    }));
  assert.ok(sizes.length > 50, `${sizes.length} controls measured`);
  const smallest = sizes.reduce((a, b) => (Math.min(b.w, b.h) < Math.min(a.w, a.h) ? b : a));
  console.log(`smallest touch target at 390 px: ${smallest.w.toFixed(1)} x ${smallest.h.toFixed(1)} (${smallest.what}); ${sizes.length} controls`);
  assert.deepEqual(sizes.filter((s) => s.w < 24 || s.h < 24).map((s) => s.what), [], 'every control at least 24 x 24');
  assert.deepEqual(sizes.filter((s) => (s.range || s.primary) && s.h < 44).map((s) => s.what), [], 'sliders and primary buttons 44 px high');
  await ctx.close();
});

test('moving AI growth from +2 to -2 (a label change) shifts nothing around it at 390, 1000 and 1280 px (Chromium layout-shift entries)', async () => {
  for (const width of [390, 1000, 1280]) {
    const { page, s } = await watchedForShift(width);
    await s.focus(await s.field('AI growth correlation'));
    for (let i = 0; i < 4; i++) await s.press('ArrowLeft');
    // Every drawing of those four moves done (the label's rule text and the analyses included).
    await s.waitFor(() => document.querySelector('.zone-line')?.textContent.includes('Green (Transforming)'));
    await s.waitFor(() => !document.querySelector('.stale'));
    await twoFrames(s);
    const total = await s.evaluate(() => window.__shift.reduce((a, b) => a + b, 0));
    console.log(`layout shift while moving AI growth +2 to -2 at ${width} px: ${total.toFixed(4)} (every entry, input or not)`);
    assert.ok(total < 0.005, `${width} px: ${total}`);
    await page.close();
  }
});

test('a role on a phone (390x844): the answer before the method; method internals folded, opened in place, remembered', async () => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await ctx.newPage();
  const s = sessionOf(page);
  const problems = watch(page);
  for (const [url, what] of [['/roles/ai-research-engineer-mid-senior/', 'published'], ['/roles/onet-29-1141-00/', 'derived']]) {
    await s.open(`${app.url}${url}`);
    await s.waitForSelector('main[aria-busy=false] .big-score');
    await s.waitFor(() => document.querySelectorAll('.glance-levers li').length === 3);
    const at = await s.evaluate(() => {
      const bottom = (s) => document.querySelector(s).getBoundingClientRect().bottom + scrollY;
      const rows = new Set([...document.querySelectorAll('#page button:not(.link-btn), #page a.btn')]
        .map((el) => el.getBoundingClientRect()).filter((r) => r.height >= 30 && r.bottom <= innerHeight && r.right <= innerWidth)
        .map((r) => Math.round(r.top)));
      const buttons = [...document.querySelectorAll('#page button, #page a.btn')]
        .filter((el) => { const r = el.getBoundingClientRect(); return r.height > 0 && r.bottom <= innerHeight && r.left < innerWidth && r.right > 0; }).length;
      return {
        score: bottom('.big-score'), zone: bottom('.zone-line'), range: bottom(document.querySelector('.glance-range') ? '.glance-range' : '.likely'),
        levers: bottom('.glance-levers'), total: document.documentElement.scrollHeight, rows: rows.size, buttons,
        lever: document.querySelector('.glance-levers li').textContent, width: document.documentElement.scrollWidth,
      };
    });
    console.log(`${what} role at 390x844: the top three levers end at ${Math.round(at.levers)} px (${(at.levers / 844).toFixed(2)} screens); page ${(at.total / 844).toFixed(1)} screens; ${at.buttons} buttons above the fold in ${at.rows} rows`);
    for (const part of ['score', 'zone', 'range', 'levers']) assert.ok(at[part] <= 2 * 844, `${what}: ${part} on the first two screens (${at[part]})`);
    assert.match(at.lever, /^.+: one step down gives \d+\.\d, one step up \d+\.\d$|no step/, 'each lever read in words');
    assert.ok(at.rows <= 2, `${what}: ${at.rows} rows of buttons on the first screen`);
    assert.equal(at.width, 390, 'nothing wider than the phone');
  }
  // Folded: the calculation's heading shows, its body does not; it opens in place (the heading
  // stays where it was) and stays open after a reload; closed again, it stays closed.
  assert.equal(await s.visible('#calculation .calc'), false);
  assert.deepEqual(await s.mapAll('details[data-fold]', (els) => els.map((d) => `${d.dataset.fold}:${d.open}`)),
    ['calculation:false', 'sublabel:false', 'composition:false', 'rules:false']);
  await s.evaluate(() => document.querySelector('#calculation summary').scrollIntoView({ block: 'nearest' }));
  const before = await s.rect('#calculation summary');
  await s.tap('#calculation summary');
  await s.waitFor(() => document.querySelector('#calculation .calc')?.checkVisibility());
  assert.equal((await s.rect('#calculation summary')).y, before.y, 'opened in place');
  await s.reload();
  await s.waitForSelector('main[aria-busy=false] .big-score');
  await s.waitFor(() => document.querySelector('details[data-fold=calculation]').open);
  assert.equal(await s.evaluate(() => document.querySelector('details[data-fold=rules]').open), false);
  await s.focus('#calculation summary');
  await s.press('Enter');
  await s.waitFor(() => !document.querySelector('details[data-fold=calculation]').open);
  await s.reload();
  await s.waitForSelector('main[aria-busy=false] .big-score');
  assert.equal(await s.evaluate(() => document.querySelector('details[data-fold=calculation]').open), false);
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('every slider moved one step, one after another: what shifts outside it, at 390 and 1280 px (Chromium layout-shift entries)', async () => {
  for (const width of [390, 1280]) {
    const { page, s } = await watchedForShift(width);
    const paths = await s.mapAll('#page input[type=range][data-path]', (els) => els.map((el) => el.dataset.path));
    const shifts = [];
    for (const p of paths) {
      const input = `#page input[type=range][data-path="${p}"]`;
      await s.evaluate((sel) => document.querySelector(sel).scrollIntoView({ block: 'nearest' }), input);
      await twoFrames(s);
      await s.evaluate(() => { window.__shift = []; });
      const atMin = await s.evaluate((sel) => { const el = document.querySelector(sel); return Number(el.value) <= Number(el.min); }, input);
      await s.focus(input);
      await s.press(atMin ? 'ArrowRight' : 'ArrowLeft');
      await s.waitFor(() => !document.querySelector('.stale'));
      await twoFrames(s);
      shifts.push([p, await s.evaluate(() => window.__shift.reduce((a, b) => a + b, 0))]);
    }
    const worst = shifts.reduce((a, b) => (b[1] > a[1] ? b : a));
    console.log(`layout shift per slider at ${width} px (${shifts.length} sliders, one step each): largest ${worst[1].toFixed(4)} (${worst[0]}), total ${shifts.reduce((a, [, v]) => a + v, 0).toFixed(4)}`);
    assert.deepEqual(shifts.filter(([, v]) => v >= 0.005).map(([p, v]) => `${p}: ${v.toFixed(4)}`), [], `${width} px`);
    await page.close();
  }
});
