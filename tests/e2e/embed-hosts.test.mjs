// The embeds on the blogs people really write on, each a host page served from another origin
// with its own headers: a plain page; a page that runs no scripts (iframe only); a CSP without
// 'wasm-unsafe-eval'; a strict style-src; a dark page; an image-only page (the badge); twenty
// cards on one page. What must hold: published cards need no wasm, failures read as plain words,
// the iframe fits its declared size at every width from 300 to 600 px with nothing else.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';
import { launch, serve, watch, root, settled, axeClean } from './browser.mjs';
import { sessionOf } from './engines.mjs';
import { embedSnippets, CARD_FRAME } from '../../web/js/share/snippets.js';
import { badgeSvg } from '../../web/js/embed/badge.js';
import { tempDir } from '../tmp.mjs';

const ROLE = 'ai-research-engineer-mid-senior';
let browser;
let app;
let blog;
const blogDir = tempDir('hosts');

const page = (title, body, { head = '', bg = '#ffffff', fg = '#1b1f24' } = {}) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>${title}</title>
<link rel="stylesheet" href="host.css">${head}</head><body data-bg="${bg}" data-fg="${fg}"><main>${body}</main></body></html>`;

before(async () => {
  browser = await launch();
  app = await serve();
  const site = `${app.url}/`;
  const snip = (o) => embedSnippets({ site, role: ROLE, title: 'AI Research Engineer (Mid-Senior)', ...o });
  const card = JSON.parse(fs.readFileSync(path.join(root, 'dist/data/cards', `${ROLE}.json`), 'utf8'));
  const plain = snip({ badge: badgeSvg(card) });
  const dark = snip({ theme: 'dark' });
  const interactive = snip({ interactive: true });
  const state = '1.' + 'A'.repeat(40); // read only once the engine is in (an unreadable state here)
  const origin = app.url;
  fs.writeFileSync(path.join(blogDir, 'host.css'), 'body{margin:0;font:16px/1.6 Georgia,serif}main{padding:0}\nbody[data-bg="#111111"]{background:#111111;color:#eeeeee}\n');
  fs.writeFileSync(path.join(blogDir, 'plain.html'), page('plain', `<h1>A post</h1>${plain.component}<p>After the card.</p>`));
  fs.writeFileSync(path.join(blogDir, 'noscript.html'), page('no scripts', `<h1>A post</h1>${plain.iframe}\n${plain.component}`));
  fs.writeFileSync(path.join(blogDir, 'nowasm.html'), page('no wasm', `${plain.component}\n${interactive.component}\n<jobzone-score id="own" state="${state}"><a href="${origin}/">Mine</a></jobzone-score>`));
  fs.writeFileSync(path.join(blogDir, 'strictstyle.html'), page('strict style', `${plain.component}\n${plain.iframe}`));
  fs.writeFileSync(path.join(blogDir, 'dark.html'), page('dark', `<h1>A dark post</h1>${dark.iframe}\n${dark.component}`, { bg: '#111111', fg: '#eeeeee' }));
  fs.writeFileSync(path.join(blogDir, 'image.html'), page('image only', `<h1>A README</h1><p id="img">${plain.imageHtml}</p>`));
  fs.writeFileSync(path.join(blogDir, 'fit.html'), page('fit', plain.iframe.split('\n')[0]));
  // Three kinds on one host page: the published card, someone's own (a state), the live calculator.
  const mine = JSON.parse(fs.readFileSync(path.join(root, 'dist/data/inputs', `${ROLE}.json`), 'utf8'));
  mine.role = { title: 'My research job' };
  mine.kind = 'published'; // a state's claim is not trusted
  const mineState = `1.${zlib.deflateRawSync(Buffer.from(JSON.stringify(mine))).toString('base64url')}`;
  fs.writeFileSync(path.join(blogDir, 'kinds.html'), page('kinds', `<script type="module" src="${origin}/embed.js"></script>
<jobzone-score id="pub" role="${ROLE}"></jobzone-score><jobzone-score id="mine" state="${mineState}"></jobzone-score><jobzone-score id="live" role="${ROLE}" interactive></jobzone-score>`));
  const cards = Array.from({ length: 20 }, (_, i) => `<jobzone-score id="card-${i}" role="${ROLE}"></jobzone-score>`).join('\n');
  const live = Array.from({ length: 20 }, (_, i) => `<jobzone-score id="live-${i}" role="${ROLE}" interactive></jobzone-score>`).join('\n');
  fs.writeFileSync(path.join(blogDir, 'twenty.html'), page('twenty', `<script type="module" src="${origin}/embed.js"></script>${cards}<div id="far" style="height:4000px"></div>${live}`));
  const csp = (policy) => `  Content-Security-Policy: ${policy}`;
  fs.writeFileSync(path.join(blogDir, '_headers'), [
    '/noscript.html', csp(`default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self' data:; frame-src ${origin}`),
    '/nowasm.html', csp(`default-src 'none'; script-src ${origin}; connect-src ${origin}; style-src 'self'; img-src 'self' data:`),
    '/strictstyle.html', csp(`default-src 'none'; script-src ${origin} 'wasm-unsafe-eval'; connect-src ${origin}; style-src 'self'; img-src 'self' data:; frame-src ${origin}`),
    '/image.html', csp(`default-src 'none'; script-src 'none'; style-src 'self'; img-src ${origin}`),
    '',
  ].join('\n'));
  blog = await serve(blogDir);
});
after(async () => {
  await browser?.close();
  app?.close();
  blog?.close();
  fs.rmSync(blogDir, { recursive: true, force: true });
});

/** Opens a host page, recording every request (with its size on the wire) and CSP violations. */
async function open(file, viewport = { width: 900, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const p = await context.newPage();
  const s = sessionOf(p);
  const problems = watch(p);
  const requests = [];
  p.on('requestfinished', async (r) => {
    const sizes = await r.sizes().catch(() => null);
    requests.push({ url: r.url(), bytes: sizes ? sizes.responseBodySize + sizes.responseHeadersSize : 0 });
  });
  await p.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await s.open(`${blog.url}/${file}`);
  return { page: p, s, context, problems, requests };
}

const shadowText = (s, sel) => s.evaluate((s) => [...document.querySelectorAll(s)].map((e) => e.shadowRoot?.textContent ?? '').join('|'), sel);
const scoreOf = (s, sel) => s.evaluate((s) => document.querySelector(s)?.shadowRoot?.querySelector('[part=score]')?.textContent ?? null, sel);

test('plain host: a published card needs no wasm and little transfer', async () => {
  const { page: p, s, context, problems, requests } = await open('plain.html');
  await s.waitFor(() => document.querySelector('jobzone-score')?.shadowRoot?.querySelector('[part=score]'));
  assert.equal(await scoreOf(s, 'jobzone-score'), '61.9');
  assert.match(await shadowText(s, 'jobzone-score'), /Green \(Accelerated\)/);
  await settled(p); // what the cards start on drawing has started (requests, CSP reports)
  const jobzone = requests.filter((r) => r.url.startsWith(app.url));
  assert.deepEqual(jobzone.filter((r) => /\.wasm$|\/jobzone-[A-Z0-9]+\.js$/.test(r.url)).map((r) => r.url), [], 'no wasm, no Emscripten glue');
  assert.ok(jobzone.some((r) => r.url.endsWith(`/data/cards/${ROLE}.json`)), 'the precomputed card');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a host that runs no scripts: the iframe snippet alone shows the card at its declared size; the component shows its link', async () => {
  const { s, context, problems } = await open('noscript.html');
  const frame = await s.frame('iframe[data-jobzone-frame]');
  await frame.waitFor(() => document.querySelector('jobzone-score')?.shadowRoot?.querySelector('[part=score]'));
  assert.equal(await frame.evaluate(() => document.querySelector('jobzone-score').shadowRoot.querySelector('[part=score]').textContent), '61.9');
  const box = await s.rect('iframe[data-jobzone-frame]');
  assert.equal(Math.round(box.height), CARD_FRAME.height, 'no script resized it: the declared height holds');
  assert.equal(Math.round(box.width), 900, 'width="100%" of the column');
  assert.equal(await s.visible('jobzone-score a'), true, 'the component, never upgraded, shows its fallback link');
  // The host refuses the snippets' scripts (as such a platform would strip them); nothing else of
  // the snippets breaks its rules: no inline style in the iframe snippet.
  assert.deepEqual((await s.evaluate(() => window.__violations)).filter((v) => !/^script-src-elem .*\/(embed|embed-frame)\.js$/.test(v)), []);
  assert.deepEqual(problems.filter((x) => !/Content Security Policy|script-src/.test(x)), []);
  await context.close();
});

test('the iframe card fits its declared height at every width from 300 to 600 px, link included', async () => {
  for (const width of [300, 320, 360, 400, 440, 480, 540, 600]) {
    const { s, context } = await open('fit.html', { width, height: 400 });
    await s.waitForSelector('iframe[data-jobzone-frame]');
    const frame = await s.frame('iframe[data-jobzone-frame]');
    await frame.waitFor(() => document.querySelector('jobzone-score')?.shadowRoot?.querySelector('[part=link]'));
    const fit = await frame.evaluate(() => {
      const link = document.querySelector('jobzone-score').shadowRoot.querySelector('[part=link]').getBoundingClientRect();
      const card = document.querySelector('jobzone-score').shadowRoot.querySelector('.card').getBoundingClientRect();
      return { inner: innerHeight, scroll: document.documentElement.scrollHeight, link: link.bottom, card: card.height,
        bg: getComputedStyle(document.body).backgroundColor, html: getComputedStyle(document.documentElement).backgroundColor };
    });
    assert.equal(fit.inner, CARD_FRAME.height, `${width}px: the frame is the declared height`);
    assert.ok(fit.scroll <= CARD_FRAME.height, `${width}px: content ${fit.scroll}px fits ${CARD_FRAME.height}px`);
    assert.ok(fit.link <= CARD_FRAME.height - 8, `${width}px: "Full assessment" is inside (bottom ${fit.link})`);
    assert.ok(Math.abs(fit.card - CARD_FRAME.height) <= 1, `${width}px: the card fills the frame (no band above or below): ${fit.card}`);
    assert.equal(fit.bg, 'rgba(0, 0, 0, 0)');
    assert.equal(fit.html, 'rgba(0, 0, 0, 0)');
    await context.close();
  }
});

test('a CSP without wasm-unsafe-eval: the published card shows, the live parts say why in plain words', async () => {
  const { s, context } = await open('nowasm.html');
  await s.waitFor(() => [...document.querySelectorAll('jobzone-score')].every((e) => e.shadowRoot?.querySelector('.note, .error, [part=score]')));
  // The live parts load when near the viewport: bring each into view.
  await s.evaluate(async () => {
    for (const el of document.querySelectorAll('jobzone-score')) {
      el.scrollIntoView({ block: 'nearest' });
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))); // seen in a frame
    }
  });
  await s.waitFor(() => /security settings/.test(document.querySelectorAll('jobzone-score')[1].shadowRoot.textContent));
  await s.waitFor(() => /security settings/.test(document.getElementById('own').shadowRoot.textContent));
  const texts = await shadowText(s, 'jobzone-score');
  assert.equal(await scoreOf(s, `jobzone-score[data-role="${ROLE}"]:not([interactive])`), '61.9', 'the published card, from the build');
  assert.equal(await scoreOf(s, 'jobzone-score[interactive]'), '61.9', 'the interactive card keeps its published figures');
  assert.match(texts, /This page's security settings do not let the live calculator run here\. Adjust it on jobzone/);
  assert.match(texts, /See the score on jobzone/);
  assert.doesNotMatch(texts, /Aborted|CompileError|ASSERTIONS|WebAssembly\./, 'no engine message');
  const own = await s.evaluate(() => document.getElementById('own').shadowRoot.querySelector('a').href);
  assert.ok(own.startsWith(`${app.url}/#a=1.`), 'the own card links to the assessment on jobzone');
  await context.close();
});

test('every card says what it is: published, or self-assessed for a state (whatever it claims) and for a card the reader moved', async () => {
  const { s, context, problems } = await open('kinds.html');
  const kindOf = (id) => s.evaluate((i) => document.getElementById(i).shadowRoot?.querySelector('[part=kind]')?.textContent ?? null, id);
  for (const id of ['pub', 'mine', 'live']) await s.scrollTo(`#${id}`);
  await s.waitFor(() => ['pub', 'mine'].every((i) => document.getElementById(i).shadowRoot?.querySelector('[part=score]')?.textContent.match(/\d/)));
  assert.match(await kindOf('pub'), /^Published · JobZone method/);
  assert.match(await kindOf('mine'), /^Self-assessed · not published: self-assessed with jobzone, not published$/);
  assert.match(await shadowText(s, '#mine'), /My research job/);
  // The reader moves the live card's first slider: its figures are nobody's published ones now.
  await s.waitFor(() => document.getElementById('live').shadowRoot?.querySelector('input[type=range]'));
  assert.match(await kindOf('live'), /^Published/);
  await s.evaluate(() => {
    const input = document.getElementById('live').shadowRoot.querySelector('input[type=range]');
    input.value = String(Number(input.min));
    input.dispatchEvent(new Event('input'));
  });
  assert.match(await kindOf('live'), /^Self-assessed · not published/);
  // A screen reader hears the level in words, as the page says it, not a bare "-2".
  const heard = await s.evaluate(() => [...document.getElementById('live').shadowRoot.querySelectorAll('input[type=range]')].map((i) => i.getAttribute('aria-valuetext')));
  assert.equal(heard[0], '-2: AI adoption shrinks demand fast');
  assert.match(heard[1], /^[+-]?\d+, on a scale from -10 \(evidence of shrinking demand\) to \+10 \(of growing demand\)$/);
  assert.match(heard[2], /^\d of 5: /);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the iframe\'s page has a heading and no accessibility violation (axe)', async () => {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 400, height: 300 } });
  const p = await context.newPage();
  const s = sessionOf(p);
  await s.open(`${app.url}/embed.html?role=${ROLE}&interactive`);
  await s.waitFor(() => document.querySelector('jobzone-score')?.shadowRoot?.querySelector('input[type=range]'));
  assert.equal(await s.text('h1'), 'jobzone score');
  await axeClean(p, 'embed.html');
  await context.close();
});

test('a strict style-src: the component and the iframe snippet cause no violation', async () => {
  const { page: p, s, context, problems } = await open('strictstyle.html');
  await s.waitFor(() => document.querySelector('jobzone-score')?.shadowRoot?.querySelector('[part=score]'));
  await (await s.frame('iframe[data-jobzone-frame]')).waitForSelector('jobzone-score');
  await settled(p); // what the cards start on drawing has started (requests, CSP reports)
  assert.deepEqual(await s.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  await context.close();
});

/** RGBA of pixels of a PNG, decoded by the browser (no image library here). */
async function pixels(png, points) {
  const ctx = await browser.newContext();
  const p = await ctx.newPage();
  const s = sessionOf(p);
  const out = await s.evaluate(async ([data, pts]) => {
    const img = new Image();
    img.src = `data:image/png;base64,${data}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    return pts.map(([x, y]) => [...g.getImageData(x, y, 1, 1).data]);
  }, [png.toString('base64'), points]);
  await ctx.close();
  return out;
}

test('a dark host: the dark iframe card paints no light band; the page around it stays the host\'s', async () => {
  const { page: p, s, context, problems } = await open('dark.html', { width: 600, height: 800 });
  const frame = await s.frame('iframe[data-jobzone-frame]');
  await frame.waitFor(() => document.querySelector('jobzone-score')?.shadowRoot?.querySelector('[part=score]'));
  const box = await s.rect('iframe[data-jobzone-frame]');
  const png = await p.screenshot({ clip: { x: 0, y: box.y - 10, width: 600, height: box.height + 20 } });
  // Above and below the frame: the host's #111111. Inside, near the top and bottom edges: the dark
  // card (#161b22), never white.
  const [above, topInside, bottomInside, below] = await pixels(png, [[300, 4], [300, 14], [300, 10 + box.height - 4], [300, 10 + box.height + 6]]);
  assert.deepEqual(above.slice(0, 3), [17, 17, 17]);
  assert.deepEqual(below.slice(0, 3), [17, 17, 17]);
  for (const px of [topInside, bottomInside]) assert.ok(px[0] < 60 && px[1] < 60 && px[2] < 70, `dark inside the frame, got ${px}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an image-only host: the badge is a static SVG with the score, the label and an accessible title', async () => {
  const { s, context } = await open('image.html');
  await s.waitFor(() => document.querySelector('#img img').complete);
  const img = await s.evaluate(() => { const i = document.querySelector('#img img'); return { w: i.naturalWidth, h: i.naturalHeight, alt: i.alt, href: i.closest('a').href }; });
  assert.ok(img.w > 100 && img.h === 20, JSON.stringify(img));
  assert.match(img.alt, /AI exposure of AI Research Engineer \(Mid-Senior\): 61\.9 out of 100, Green \(Accelerated\)/);
  assert.equal(img.href, `${app.url}/?role=${ROLE}`);
  const svg = fs.readFileSync(path.join(root, 'dist/badge', `${ROLE}.svg`), 'utf8');
  assert.match(svg, /<title>AI exposure of AI Research Engineer \(Mid-Senior\): 61\.9 out of 100, Green \(Accelerated\) \(published, JobZone method\)<\/title>/);
  assert.match(svg, /61\.9\/100 · Green \(Accelerated\)/);
  assert.doesNotMatch(svg, /<script|href=|@import|url\((?!#)/, 'nothing in it loads or runs');
  await context.close();
});

test('twenty cards on one page: no wasm for published cards; the interactive ones share one module', async () => {
  const { page: p, s, context, problems, requests } = await open('twenty.html', { width: 800, height: 900 });
  await s.waitFor(() => [...document.querySelectorAll('[id^=card-]')].every((e) => e.shadowRoot?.querySelector('[part=score]')?.textContent === '61.9'));
  await settled(p); // what the cards start on drawing has started (requests, CSP reports)
  const wasmNow = requests.filter((r) => r.url.endsWith('.wasm'));
  assert.equal(wasmNow.length, 0, 'twenty published cards, no wasm');
  assert.equal(requests.filter((r) => r.url.includes('/data/cards/')).length, 1, 'one card file for twenty cards of one role');
  // Far below, the interactive cards load when scrolled to.
  assert.equal(await s.evaluate(() => document.getElementById('live-0').shadowRoot.querySelector('input[type=range]')), null, 'not loaded while far away');
  await s.scrollTo('#live-0');
  await s.waitFor(() => document.getElementById('live-0').shadowRoot.querySelector('input[type=range]'));
  for (let i = 1; i < 20; i++) await s.scrollTo(`#live-${i}`);
  await s.waitFor(() => [...document.querySelectorAll('[id^=live-]')].every((e) => e.shadowRoot.querySelector('input[type=range]')));
  assert.equal(requests.filter((r) => r.url.endsWith('.wasm')).length, 1, 'one module for twenty live cards');
  assert.deepEqual(problems, []);
  await context.close();
});
