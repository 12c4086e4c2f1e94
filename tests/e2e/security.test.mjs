// Robustness and security in the browser: the strict CSP holds everywhere (no violation), hostile
// files and links change nothing, widget attributes cannot inject, forged messages are ignored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { launch, serve, watch, settled, postAndSettle } from './browser.mjs';
import { sessionOf } from './engines.mjs';
import { hostileDocuments, reference } from '../node/hostile.mjs';
import { tempDir } from '../tmp.mjs';

let browser;
let app;
const tmp = tempDir('sec');
before(async () => { browser = await launch(); app = await serve(); });
after(async () => { await browser?.close(); app?.close(); fs.rmSync(tmp, { recursive: true, force: true }); });

/** A page that records every CSP violation report and dialog. */
async function guarded(context, url) {
  const page = await context.newPage();
  const s = sessionOf(page);
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const problems = watch(page);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await s.open(url);
  return { page, s, problems, dialogs };
}

test('the app, the iframe page and the demo run under the strict CSP with no violation', async () => {
  const head = await fetch(`${app.url}/`);
  const header = head.headers.get('content-security-policy');
  assert.match(header, /; frame-ancestors 'self'$/, 'the header adds what a meta tag cannot carry');
  const csp = header.replace(/; frame-ancestors 'self'$/, '');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|\s\*/);
  const html = await (await fetch(`${app.url}/`)).text();
  assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${csp}">`), 'the meta tag carries the same policy');
  const embedHtml = await (await fetch(`${app.url}/embed.html`)).text();
  assert.ok(embedHtml.includes(`content="${csp}"`));
  const ctx = await browser.newContext();
  const { s, problems } = await guarded(ctx, `${app.url}/`);
  await s.waitForSelector('main[aria-busy=false] #levers .tornado tr');
  for (const action of ['Edit as my own', 'Share link', 'Compare', 'My assessments', 'Embed this']) await s.clickNamed(action);
  await s.waitFor(() => document.querySelector('.embed-preview jobzone-score')?.shadowRoot?.querySelector('[part=score]'));
  for (const url of [`${app.url}/embed.html?role=ai-research-engineer-mid-senior&interactive`, `${app.url}/demo/`]) {
    await s.open(url);
    await s.waitFor(() => document.querySelector('jobzone-score')?.shadowRoot?.querySelector('[part=score]'));
  }
  assert.deepEqual(await s.evaluate(() => window.cspViolations), []);
  assert.deepEqual(problems.filter((p) => !/status of 404/.test(p)), []); // the demo's broken widget names a missing role
  await ctx.close();
});

test('hostile imports are refused with field paths and leave the page as it was', async () => {
  const ctx = await browser.newContext();
  const { s, problems, dialogs } = await guarded(ctx, `${app.url}/`);
  await s.waitForSelector('main[aria-busy=false] .big-score');
  await s.focus('[data-path="ai_growth_correlation"]');
  await s.press('ArrowLeft');
  const before = await s.text('.big-score');
  for (const { name, bytes, accepted, path: expected } of hostileDocuments()) {
    if (accepted) continue; // documented as valid: importing it is an ordinary import
    const file = path.join(tmp, `${name.replace(/\W+/g, '-')}.json`);
    fs.writeFileSync(file, bytes);
    await s.upload('input[type=file][data-action=import]', file);
    await s.waitFor((n) => document.querySelector('.notice').textContent.includes(n), path.basename(file));
    const notice = await s.text('.notice');
    if (bytes.length > 1048576) assert.match(notice, /at most 1048576 bytes can be imported/, name);
    else assert.ok(notice.includes(`${expected}:`), `${name}: ${notice.slice(0, 300)}`);
    assert.equal(await s.text('.big-score'), before, `${name} left the score alone`);
  }
  assert.deepEqual([...problems, ...dialogs], []);
  await ctx.close();
});

test('hostile share links open the default role with a clear message', async () => {
  const link = (obj) => `#a=1.${zlib.deflateRawSync(Buffer.from(JSON.stringify(obj))).toString('base64url')}`;
  const many = structuredClone(reference);
  const { rationale: _rationale, ...bare } = reference.tasks[0]; // without its prose, 10,000 tasks stay under the size limit
  many.tasks = Array.from({ length: 10000 }, () => bare);
  const html = structuredClone(reference);
  html.role.title = '<img src=x onerror=alert(1)>';
  const cases = [
    [link(many), /tasks: must be a list of 1 to 50 tasks, got 10000/],
    [`#a=1.${'A'.repeat(250000)}`, /too long/],
    [link([1, 2, 3]), /must be a JSON object/],
    [`#a=0.${Buffer.from('\u0000\u0001 not json').toString('base64url')}`, /damaged or cut short/],
  ];
  const ctx = await browser.newContext();
  for (const [hash, expect] of cases) {
    const { page, s, problems, dialogs } = await guarded(ctx, `${app.url}/${hash}`);
    await s.waitForSelector('main[aria-busy=false] .big-score');
    assert.match(await s.text('.notice'), expect);
    assert.equal(await s.text('.big-score'), '61.9');
    assert.deepEqual([...problems, ...dialogs], []);
    await page.close();
  }
  // HTML in a linked assessment is shown as text
  const { s, dialogs } = await guarded(ctx, `${app.url}/${link(html)}`);
  await s.waitForSelector('main[aria-busy=false] .read-view');
  assert.equal(await s.text('#read-h'), '<img src=x onerror=alert(1)> (Mid-Senior)');
  assert.equal(await s.count('img'), 0);
  await s.clickNamed('Adjust a copy');
  await s.waitForSelector('.big-score');
  assert.equal(await s.value('[data-text="role.title"]'), '<img src=x onerror=alert(1)>');
  assert.equal(await s.count('img'), 0);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(await s.evaluate(() => window.cspViolations), []);
  await ctx.close();
});

test('widget attributes cannot break the host page or inject markup', async () => {
  const hostile = structuredClone(reference);
  hostile.role.title = '<img src=x onerror=alert(1)> "><script>alert(2)</script>';
  hostile.tasks[0].name = '<svg onload=alert(3)>';
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>hostile attributes</title>
<script type="module" src="${app.url}/embed.js"></script></head><body>
<p id="host">The host's own paragraph.</p>
<jobzone-score id="state" state="not-a-link"></jobzone-score>
<jobzone-score id="json"><script type="application/json">{ this is not json</script></jobzone-score>
<jobzone-score id="invalid"><script type="application/json">${JSON.stringify({ ...reference, tasks: [] })}</script></jobzone-score>
<jobzone-score id="nothing"></jobzone-score>
<jobzone-score id="html" interactive><script type="application/json">${JSON.stringify(hostile).replace(/</g, '\\u003c')}</script></jobzone-score>
<jobzone-score id="good" role="ai-research-engineer-mid-senior"></jobzone-score>
</body></html>`;
  fs.writeFileSync(path.join(tmp, 'index.html'), page);
  const host = await serve(tmp);
  try {
    const ctx = await browser.newContext();
    const { page: p, s: sp, problems, dialogs } = await guarded(ctx, `${host.url}/`);
    // Every widget is in view: each one that computes loads, then shows its score or its problem.
    await sp.waitFor(() => [...document.querySelectorAll('jobzone-score')].every((w) => w.shadowRoot?.querySelector('.card:not(.pending)')
      && (!w.hasAttribute('interactive') || w.shadowRoot.querySelector('input, .error'))));
    const text = (id) => sp.evaluate((i) => document.getElementById(i).shadowRoot.textContent, id);
    assert.match(await text('state'), /Its state could not be read: the link is not in a format jobzone knows\./);
    assert.match(await text('json'), /inline assessment is not valid JSON/);
    assert.match(await text('invalid'), /tasks: must be a list of 1 to 50 tasks, got 0/);
    assert.match(await text('nothing'), /give it a role, a state or an inline assessment/i);
    assert.ok((await text('html')).includes('<img src=x onerror=alert(1)>'), 'hostile title shown as text');
    assert.equal(await sp.evaluate(() => document.getElementById('html').shadowRoot.querySelectorAll('img, script').length), 0);
    assert.equal(await sp.evaluate(() => document.getElementById('good').shadowRoot.querySelector('[part=score]').textContent), '61.9');
    assert.equal(await sp.text('#host'), "The host's own paragraph.");
    await settled(p);
    assert.deepEqual([...problems, ...dialogs], []);
    await ctx.close();
  } finally {
    host.close();
  }
});

test('forged messages to and around the iframe embed are ignored', async () => {
  const dir = tempDir('frame');
  fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>frame host</title></head><body>
<iframe id="frame" data-jobzone-frame src="${app.url}/embed.html?role=ai-research-engineer-mid-senior" title="jobzone" width="380" height="150"></iframe>
<script src="${app.url}/embed-frame.js"></script></body></html>`);
  const host = await serve(dir);
  try {
    const ctx = await browser.newContext();
    const { page, s, problems } = await guarded(ctx, `${host.url}/`);
    const frame = await s.frame('#frame');
    // The score sits in the widget's open shadow root.
    const scoreIn = () => frame.evaluate(() => document.querySelector('jobzone-score')?.shadowRoot?.querySelector('[part=score]')?.textContent ?? null);
    await frame.waitFor(() => document.querySelector('jobzone-score')?.shadowRoot?.querySelector('[part=score]')?.textContent.includes('61.9'));
    const contentHeight = await frame.evaluate(() => document.documentElement.scrollHeight);
    // The frame's inner height (inside its default border) is its page's height.
    await s.waitFor((h) => Math.abs(document.getElementById('frame').clientHeight - h) <= 1, contentHeight);
    const height = await s.evaluate(() => document.getElementById('frame').getBoundingClientRect().height);
    await postAndSettle(page, '#frame', [{ type: 'SKIP_WAITING' }, { 'jobzone:height': 5 }, { role: 'x' }, '<img src=x onerror=alert(1)>', { state: 'a=1.AAAA' }]);
    await postAndSettle(page, 'self', [{ 'jobzone:height': 4000 }]); // the host itself, not jobzone's origin
    assert.equal(await scoreIn(), '61.9');
    assert.equal(await s.evaluate(() => document.getElementById('frame').getBoundingClientRect().height), height);
    assert.deepEqual(problems, []);
    await ctx.close();
  } finally {
    host.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('embed.html with a path for a role: refused in plain words before any request', async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const s = sessionOf(page);
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  for (const role of ['../../data/roles/ai-research-engineer-mid-senior', '..%2F..%2Fdata%2Froles%2Fx', 'UPPER', 'a/b']) {
    requested.length = 0;
    await s.open(`${app.url}/embed.html?role=${encodeURIComponent(role)}`);
    const error = await s.waitFor(() => document.querySelector('jobzone-score')?.shadowRoot?.querySelector('[part~=error]')?.textContent);
    assert.match(error, /is not a role id \(1 to 80 lowercase letters, digits and dashes\)/, role);
    assert.doesNotMatch(error, /Cannot read|undefined|TypeError/);
    assert.deepEqual(requested.filter((p) => p.startsWith('/data/')), [], `${role}: no data request`);
  }
  // A file that is not a card is said to be unreadable, not an engine message.
  await page.route('**/data/cards/ai-research-engineer-mid-senior.json', (route) => route.fulfill({ contentType: 'application/json', body: '{"format":"jobzone-assessment/1"}' }));
  await s.open(`${app.url}/embed.html?role=ai-research-engineer-mid-senior`);
  const unreadable = await s.waitFor(() => document.querySelector('jobzone-score')?.shadowRoot?.querySelector('[part~=error]')?.textContent);
  assert.match(unreadable, /The card of “ai-research-engineer-mid-senior” could not be read/);
  await ctx.close();
});
