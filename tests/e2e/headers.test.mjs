// The site's headers and framing, checked against every way it is served: the dev server
// (scripts/serve.mjs) and Debian's nginx with the configuration `scripts/headers.mjs nginx` writes,
// both serving the built dist/. All of them come from one table (scripts/headers.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { launch, root, serve, siteManifest } from './browser.mjs';
import { sessionOf } from './engines.mjs';
import { tempDir } from '../tmp.mjs';
import { matches, nginxConf, overlaps, parseHeaders } from '../../scripts/headers.mjs';

const dist = path.join(root, 'dist');
const ROLE = 'ai-research-engineer-mid-senior';
let browser;
const servers = {};
const stops = [];

/** A port the system gives, then frees (nginx binds it a moment later). */
const freePort = () => new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => resolve(port));
  });
});

/** nginx serving `dir` with the configuration written from its _headers; resolves once it answers. */
async function startNginx(dir) {
  const prefix = tempDir('nginx');
  const port = await freePort();
  const rules = parseHeaders(fs.readFileSync(path.join(dir, '_headers'), 'utf8'));
  const conf = path.join(prefix, 'nginx.conf');
  fs.writeFileSync(conf, nginxConf(rules, { root: dir, listen: `127.0.0.1:${port}`, prefix, user: process.getuid?.() === 0 ? 'root' : null }));
  const child = spawn('/usr/sbin/nginx', ['-p', prefix, '-c', conf, '-g', 'daemon off; master_process off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  stops.push(() => { child.kill('SIGTERM'); return exited; });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    const up = await new Promise((resolve) => {
      http.get(`${url}/`, (res) => { res.resume(); resolve(true); }).on('error', () => resolve(false));
    });
    if (up) return { url };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 25)); // polling for the port to open: nginx says nothing when ready
  }
  throw new Error(`nginx did not start: ${stderr}`);
}

before(async () => {
  assert.ok(fs.existsSync('/usr/sbin/nginx'), 'nginx is installed (scripts/setup)');
  browser = await launch();
  const dev = await serve(dist);
  stops.push(() => dev.close());
  servers['dev server'] = dev;
  servers.nginx = await startNginx(dist);
});
after(async () => {
  await browser?.close();
  for (const stop of stops) await stop();
});

/** A raw request (no normalising of the path, no automatic encodings). */
function request(base, pathname, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${pathname}`, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('the table is sound: no two rules that match a file of dist/ set the same header', () => {
  const rules = parseHeaders(fs.readFileSync(path.join(dist, '_headers'), 'utf8'));
  const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir,
    e.name)) : [path.join(dir, e.name)]));
  const paths = ['/', ...walk(dist).map((f) => `/${path.relative(dist, f).split(path.sep).join('/')}`)];
  assert.deepEqual(overlaps(rules, paths), []);
  // Every served file falls under a rule that sets the policy.
  const uncovered = paths.filter((p) => !rules.some((r) => matches(r.pattern, p) && r.headers['Content-Security-Policy']));
  // (.gz and .br copies are served under their original's path, with its headers.)
  assert.deepEqual(uncovered.filter((p) => !path.basename(p).startsWith('_') && !/\.(gz|br)$/.test(p)), []);
});

for (const name of ['dev server', 'nginx']) {
  test(`${name}: the app is framed only by itself, the widget's page by anyone; files get their headers`, async () => {
    const { url } = servers[name];
    const manifest = siteManifest();
    for (const p of ['/', '/index.html', `/roles/${ROLE}/`, '/?role=x', '/nope', '/feed.xml']) {
      const r = await request(url, p);
      assert.match(r.headers['content-security-policy'] ?? '', /frame-ancestors 'self'$/, `${name} ${p}`);
      assert.equal(r.headers['x-frame-options'], 'SAMEORIGIN', `${name} ${p}`);
      assert.equal(r.headers['x-content-type-options'], 'nosniff', `${name} ${p}`);
      assert.equal(r.headers['cross-origin-opener-policy'], 'same-origin', `${name} ${p}`);
    }
    assert.equal((await request(url, '/nope')).status, 404);
    const embed = await request(url, `/embed.html?role=${ROLE}`);
    assert.match(embed.headers['content-security-policy'], /frame-ancestors \*$/);
    assert.equal(embed.headers['x-frame-options'], undefined);
    for (const p of ['/embed.js', `/data/cards/${ROLE}.json`, `/badge/${ROLE}.svg`, `/assets/${manifest.wasm}`]) {
      const r = await request(url, p);
      assert.equal(r.status, 200, `${name} ${p}`);
      assert.equal(r.headers['access-control-allow-origin'], '*', `${name} ${p}`);
    }
    assert.equal((await request(url, `/assets/${manifest.app}`)).headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal((await request(url, '/sw.js')).headers['cache-control'], 'no-cache');
    assert.equal((await request(url, '/')).headers['cache-control'], 'public, max-age=0, must-revalidate');
    assert.equal((await request(url, `/badge/${ROLE}.svg`)).headers['content-type'], 'image/svg+xml');
    assert.equal((await request(url, '/manifest.webmanifest')).headers['content-type'], 'application/manifest+json');
    assert.equal((await request(url, `/assets/${manifest.wasm}`)).headers['content-type'], 'application/wasm');
    // Revalidation: the validators come back, and a match is a 304 with no body.
    const first = await request(url, '/index.html');
    assert.ok(first.headers.etag && first.headers['last-modified'], `${name}: ETag and Last-Modified`);
    const again = await request(url, '/index.html', { 'if-none-match': first.headers.etag });
    assert.equal(again.status, 304);
    assert.equal(again.body, '');
    assert.equal((await request(url, '/index.html', { 'if-modified-since': first.headers['last-modified'] })).status, 304);
  });

  test(`${name}: in a browser, another origin can frame the widget's page and not the app`, async () => {
    const { url } = servers[name];
    const host = tempDir('framer');
    fs.writeFileSync(path.join(host, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>a blog</title></head><body>
<iframe id="app" src="${url}/" title="app"></iframe>
<iframe id="widget" src="${url}/embed.html?role=${ROLE}" title="widget"></iframe></body></html>`);
    const blog = await serve(host); // another port: another origin
    const page = await browser.newPage();
    const s = sessionOf(page);
    try {
      await s.open(`${blog.url}/`);
      const widget = await s.frame('#widget');
      await widget.waitFor(() => document.querySelector('jobzone-score')?.shadowRoot?.querySelector('[part=score]')?.textContent.includes('61.9'));
      // The app's frame is blocked: its document never becomes the app's.
      const appFrame = await s.frame('#app');
      const title = await appFrame.evaluate(() => document.title).catch(() => null);
      assert.ok(!/jobzone/.test(title ?? ''), `${name}: the app was framed by another origin (title ${title})`);
    } finally {
      await page.close();
      blog.close();
    }
  });
}

test('neither server follows a symbolic link out of its root', async () => {
  const site = tempDir('links');
  fs.writeFileSync(path.join(site, 'index.html'), '<!doctype html><title>x</title>');
  fs.writeFileSync(path.join(site, '_headers'), '/\n  X-Content-Type-Options: nosniff\n/index.html\n  X-Content-Type-Options: nosniff\n');
  const secret = path.join(tempDir('outside'), 'secret.txt');
  fs.writeFileSync(secret, 'outside the root');
  fs.symlinkSync(secret, path.join(site, 'link.txt'));
  fs.symlinkSync(path.dirname(secret), path.join(site, 'linked-dir'));
  const dev = await serve(site);
  const ngx = await startNginx(site);
  try {
    for (const [name, url] of [['dev server', dev.url], ['nginx', ngx.url]]) {
      for (const p of ['/link.txt', '/linked-dir/secret.txt']) {
        const r = await request(url, p);
        assert.ok(r.status === 404 || r.status === 403, `${name} ${p}: ${r.status}`);
        assert.doesNotMatch(r.body, /outside the root/);
      }
    }
  } finally {
    dev.close();
  }
});

test('dev server: an encoded slash is part of a name, never a separator', async () => {
  const { url } = servers['dev server'];
  assert.equal((await request(url, `/data/cards/${ROLE}.json`)).status, 200);
  for (const p of [`/data/cards/..%2Froles%2F${ROLE}.json`, `/data%2Fcards%2F${ROLE}.json`, `/data/cards/..%5Croles%5C${ROLE}.json`]) {
    assert.equal((await request(url, p)).status, 404, p);
  }
});

test('nginx: the configuration it is given passes nginx -t', () => {
  const prefix = tempDir('nginx-t');
  const rules = parseHeaders(fs.readFileSync(path.join(dist, '_headers'), 'utf8'));
  const conf = path.join(prefix, 'nginx.conf');
  fs.writeFileSync(conf, nginxConf(rules, { root: dist, listen: '127.0.0.1:1', prefix, user: process.getuid?.() === 0 ? 'root' : null }));
  const out = spawnSync('/usr/sbin/nginx', ['-t', '-p', prefix, '-c', conf], { encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  assert.doesNotMatch(out.stderr, /\[warn\]/);
});
