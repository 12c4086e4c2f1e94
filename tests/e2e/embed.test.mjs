// The embeds on another site's page: a blog served from a second origin holds three widgets
// (by role, inline JSON, interactive), an iframe embed and a broken widget, with and without
// hostile host CSS. Scores match the core, the wasm loads once, styles do not leak either way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { launch, serve, watch, root, postAndSettle } from './browser.mjs';
import { sessionOf } from './engines.mjs';
import { tempDir } from '../tmp.mjs';

const HOSTILE_CSS = `
* { all: unset; }
body { display: block; font: 30px/2 "Comic Sans MS", cursive !important; letter-spacing: 3px; }
jobzone-score div, jobzone-score span, div.card { display: none !important; }
jobzone-score * { color: red !important; font-size: 40px !important; }
svg, rect, input { display: none !important; }
`;
const axeSource = fs.readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

let browser;
let app;
let blog;
const blogDir = tempDir('blog');

before(async () => {
  browser = await launch();
  app = await serve();
  // The demo page, moved to another origin: every jobzone URL made absolute.
  const demo = fs.readFileSync(path.join(root, 'dist/demo/index.html'), 'utf8')
    .replaceAll('"../', `"${app.url}/`);
  fs.writeFileSync(path.join(blogDir, 'index.html'), demo);
  fs.writeFileSync(path.join(blogDir, 'hostile.html'), demo.replace('</head>', `<style>${HOSTILE_CSS}</style></head>`));
  fs.copyFileSync(path.join(root, 'dist/demo/demo.css'), path.join(blogDir, 'demo.css'));
  blog = await serve(blogDir);
});
after(async () => {
  await browser?.close();
  app?.close();
  blog?.close();
  fs.rmSync(blogDir, { recursive: true, force: true });
});

/** The broken widget names a role with no card file: the browser logs that 404, nothing else may appear. */
const unexpected = (problems) => problems.filter((p) => !/status of 404/.test(p));

function native(assessment) {
  const p = spawnSync(path.join(root, 'build/native/core/jobzone'), ['score', '-'], { input: JSON.stringify(assessment), encoding: 'utf8' });
  assert.equal(p.status, 0, p.stderr);
  return JSON.parse(p.stdout);
}

async function openBlog(file) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  const s = sessionOf(page);
  const problems = watch(page);
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm') && r.frame() === page.mainFrame()) wasm.push(r.url()); });
  await s.open(`${blog.url}/${file}`);
  await s.waitFor(() => ['by-role', 'inline', 'interactive', 'broken']
    .every((id) => document.getElementById(id).shadowRoot?.querySelector('.card')));
  // The live widgets load as they come near the viewport: scroll to each, as a reader would.
  for (const id of ['inline', 'interactive', 'frame']) await s.scrollTo(`#${id}`);
  await s.waitFor(() => document.getElementById('inline').shadowRoot.querySelector('[part=score]').textContent !== '–'
    && document.getElementById('interactive').shadowRoot.querySelector('input[type=range]'));
  await s.waitFor(() => document.getElementById('frame').getBoundingClientRect().height >= 140);
  return { page, problems, wasm };
}

const card = (page, id) => sessionOf(page).evaluate((i) => {
  const root = document.getElementById(i).shadowRoot;
  return {
    score: root.querySelector('[part=score]')?.textContent ?? null,
    label: root.querySelector('[part=label]')?.textContent ?? null,
    error: root.querySelector('.error')?.textContent ?? null,
  };
}, id);

const box = (page, id) => sessionOf(page).evaluate((i) => {
  const r = document.getElementById(i).getBoundingClientRect();
  return { width: Math.round(r.width), height: Math.round(r.height) };
}, id);


/** Focuses the control named `name` (its label or aria-label, as it starts) inside the widget `id`'s shadow root. */
const focusIn = (s, id, name) => s.evaluate(([host, n]) => {
  const norm = (t) => (t ?? '').replace(/\s+/g, ' ').trim();
  const nameOf = (e) => (e.hasAttribute('aria-label') ? e.getAttribute('aria-label') : e.labels?.[0]?.textContent);
  const el = [...document.getElementById(host).shadowRoot.querySelectorAll('input, select, textarea')].find((e) => norm(nameOf(e)).startsWith(n));
  el.focus();
  return true;
}, [id, name]);
test('each widget shows the core\'s score; the interactive one recomputes; the wasm loads once', async () => {
  const { page, problems, wasm } = await openBlog('index.html');
  const s = sessionOf(page);
  const reference = JSON.parse(fs.readFileSync(path.join(root, 'web/data/roles/ai-research-engineer-mid-senior.json'), 'utf8'));
  const inline = JSON.parse(await s.evaluate(() => document.querySelector('#inline script').textContent));
  const ref = native(reference);
  const mine = native(inline);
  assert.deepEqual(await card(page, 'by-role'), { score: ref.display.score, label: ref.label, error: null });
  assert.deepEqual(await card(page, 'inline'), { score: mine.display.score, label: mine.label, error: null });
  assert.deepEqual(await card(page, 'interactive'), { score: '61.9', label: 'Green (Accelerated)', error: null });

  // The interactive widget, used by keyboard: AI growth to 0, the first task's score to 5.
  await focusIn(s, 'interactive', 'AI growth correlation');
  await s.press('ArrowLeft');
  await s.press('ArrowLeft');
  await focusIn(s, 'interactive', 'Score: Novel architecture design & exploration');
  await s.press('End');
  const edited = structuredClone(reference);
  edited.ai_growth_correlation = 0;
  edited.tasks[0].score = 5;
  const expect = native(edited);
  assert.deepEqual(await card(page, 'interactive'), { score: expect.display.score, label: expect.label, error: null });

  // The broken widget explains itself; the others are unaffected.
  assert.match((await card(page, 'broken')).error, /There is no published role called “no-such-role”/);
  assert.equal(new Set(wasm).size, 1, `wasm requests: ${wasm.join(', ')}`);
  assert.equal(wasm.length, 1);

  // The iframe sized itself to its content.
  const frame = await s.evaluate(() => ({ height: document.getElementById('frame').getBoundingClientRect().height }));
  const inFrame = await s.frame('#frame');
  const frameContent = await inFrame.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(Math.abs(frame.height - frameContent) <= 2, `iframe ${frame.height} vs content ${frameContent}`);
  assert.equal(await inFrame.waitFor(() => document.querySelector('jobzone-score')?.shadowRoot?.querySelector('[part=score]')?.textContent), '61.9');
  assert.deepEqual(unexpected(problems), []);
  await page.close();
});

test('hostile host CSS does not reach the widgets, and the widgets do not restyle the host', async () => {
  const plain = await openBlog('index.html');
  const hostile = await openBlog('hostile.html');
  for (const id of ['by-role', 'inline', 'interactive', 'broken']) {
    const a = await box(plain.page, id);
    const b = await box(hostile.page, id);
    assert.ok(Math.abs(a.width - b.width) <= 4 && Math.abs(a.height - b.height) <= 4, `${id}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    assert.deepEqual(await card(hostile.page, id), await card(plain.page, id));
  }
  // The host page looks the same with and without the widgets' script.
  const hostStyle = (page) => sessionOf(page).evaluate(() => ['h1', 'h2', 'p', 'body'].map((sel) => {
    const cs = getComputedStyle(document.querySelector(sel));
    return [sel, cs.fontFamily, cs.fontSize, cs.color, cs.margin, cs.lineHeight].join('|');
  }));
  const noScript = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  await noScript.route('**/embed.js', (r) => r.abort());
  const ns = sessionOf(noScript);
  await ns.open(`${blog.url}/index.html`);
  assert.deepEqual(await hostStyle(noScript), await hostStyle(plain.page));
  // Before (or without) the script, the fallback link shows.
  assert.equal(await ns.visible('#by-role a'), true);
  await noScript.close();
  assert.deepEqual(unexpected([...plain.problems, ...hostile.problems]), []);
  await plain.page.close();
  await hostile.page.close();
});

test('axe-core finds no violations inside the widgets', async () => {
  const { page } = await openBlog('index.html');
  const s = sessionOf(page);
  await page.addScriptTag({ content: axeSource });
  const result = await s.evaluate(() => window.axe.run({ include: [['#by-role'], ['#inline'], ['#interactive'], ['#broken']] }, { resultTypes: ['violations'] }));
  assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
  await page.close();
});

test('mode="iframe" renders the card in an iframe that sizes itself', async () => {
  const { page, problems } = await openBlog('index.html');
  const s = sessionOf(page);
  await s.evaluate(() => {
    const w = document.createElement('jobzone-score');
    w.id = 'framed';
    w.setAttribute('role', 'ai-research-engineer-mid-senior');
    w.setAttribute('mode', 'iframe');
    document.querySelector('main').append(w);
  });
  await s.waitFor(() => document.getElementById('framed').shadowRoot?.querySelector('iframe')?.getBoundingClientRect().height >= 140);
  const frame = await s.frame('#framed iframe');
  assert.equal(await frame.waitFor(() => document.querySelector('jobzone-score')?.shadowRoot?.querySelector('[part=score]')?.textContent), '61.9');
  assert.deepEqual(unexpected(problems), []);
  await page.close();
});

test('forged height messages from other origins are ignored', async () => {
  const { page, problems } = await openBlog('index.html');
  const s = sessionOf(page);
  const before = await s.evaluate(() => document.getElementById('frame').getBoundingClientRect().height);
  // The blog itself (another origin than jobzone) posts a forged height.
  await postAndSettle(page, 'self', [{ 'jobzone:height': 3000 }]);
  assert.equal(await s.evaluate(() => document.getElementById('frame').getBoundingClientRect().height), before);
  assert.deepEqual(unexpected(problems), []);
  await page.close();
});

test('the main page\'s "Embed this": every form, theme and width, with a live preview; an own assessment embeds its state', async () => {
  const page = await browser.newPage();
  const s = sessionOf(page);
  const problems = watch(page);
  await s.open(`${app.url}/`);
  await s.waitForSelector('main[aria-busy=false] .big-score');
  await s.clickNamed('Embed this');
  const snippet = () => s.value('#embed-snippet');
  const pick = async (name) => { await s.click(await s.field(name)); };
  assert.equal(await snippet(), `<script type="module" src="${app.url}/embed.js"></script>\n<jobzone-score role="ai-research-engineer-mid-senior"><a href="${app.url}/?role=ai-research-engineer-mid-senior">AI Research Engineer on jobzone</a></jobzone-score>`);
  await s.waitFor(() => document.querySelector('.embed-preview jobzone-score')?.shadowRoot?.querySelector('[part=score]')?.textContent === '61.9');
  await pick('Dark');
  await pick('480 px');
  await pick('Live calculator');
  assert.match(await snippet(), /<jobzone-score role="ai-research-engineer-mid-senior" theme="dark" interactive width="480">/);
  await s.waitFor(() => document.querySelector('.embed-preview jobzone-score[interactive]')?.shadowRoot?.querySelector('input[type=range]'));
  assert.equal(await s.evaluate(() => document.querySelector('.embed-preview jobzone-score').getBoundingClientRect().width), 480);
  await pick('Iframe');
  assert.match(await snippet(), /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\.html\?role=ai-research-engineer-mid-senior&amp;theme=dark&amp;width=480" title="jobzone score: AI Research Engineer" width="100%" height="200" frameborder="0" loading="lazy" data-jobzone-frame><\/iframe>/);
  assert.doesNotMatch(await snippet(), /style=/, 'attributes only');
  await (await s.frame('.embed-preview iframe')).waitFor(() => document.querySelector('jobzone-score')?.shadowRoot?.querySelector('[part=score]')?.textContent.includes('61.9'));
  await pick('Markdown');
  assert.equal(await snippet(), `[![AI exposure of AI Research Engineer (Mid-Senior): 61.9 out of 100, Green (Accelerated) (published, JobZone method)](${app.url}/badge/ai-research-engineer-mid-senior.svg)](${app.url}/?role=ai-research-engineer-mid-senior)`);
  assert.equal(await s.visible('[data-embed-download=png]'), true);
  assert.equal(await s.evaluate(() => [...document.querySelectorAll('fieldset')].some((f) => f.querySelector('legend')?.textContent.includes('Theme') && f.checkVisibility())), false, 'no theme for an image');
  const [download] = await Promise.all([page.waitForEvent('download'), s.clickNamed('Download image (PNG)')]);
  assert.equal(download.suggestedFilename(), 'ai-research-engineer-jobzone-badge.png');
  const png = fs.readFileSync(await download.path());
  assert.deepEqual([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join(''), 'PNG');
  await pick('Image (HTML)');
  assert.match(await snippet(), /^<a href="[^"]+\/\?role=ai-research-engineer-mid-senior"><img src="[^"]+\/badge\/ai-research-engineer-mid-senior\.svg" alt="AI exposure of AI Research Engineer \(Mid-Senior\): 61\.9 out of 100, Green \(Accelerated\) \(published, JobZone method\)" width="\d+" height="20"><\/a>$/);
  // An edited assessment embeds its state instead; its badge is downloaded, not hosted.
  await s.clickNamed('Close Embed this');
  await s.focus(await s.field('AI growth correlation'));
  await s.press('Home');
  const edited = await s.text('.big-score');
  await s.clickNamed('Embed this');
  assert.match(await snippet(), /<jobzone-score state="1\.[A-Za-z0-9_-]+">/);
  await s.waitFor((s) => document.querySelector('.embed-preview jobzone-score')?.shadowRoot?.querySelector('[part=score]')?.textContent === s, edited);
  await pick('Markdown');
  assert.match(await snippet(), /^\[!\[AI exposure of AI Research Engineer .*\]\(jobzone-badge\.svg\)\]\(http:\/\/127\.0\.0\.1:\d+\/#a=1\.[A-Za-z0-9_-]+\)$/);
  assert.match(await s.text('#embed-hint'), /upload it beside your post as jobzone-badge\.svg/);
  assert.ok(await s.evaluate(() => document.querySelector('.embed-preview img').naturalWidth > 100));
  assert.deepEqual(problems, []);
  await page.close();
});
