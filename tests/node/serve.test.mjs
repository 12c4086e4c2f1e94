// The local static server (scripts/serve.mjs): header rules on the normalised path, security
// headers on every answer, GET/HEAD only, Accept-Encoding honoured, and read errors survived.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { createServer, acceptsEncoding } from '../../scripts/serve.mjs';
import { tempDir } from '../tmp.mjs';

const dir = tempDir('serve');
let server;
let base;
let socketServer;

before(async () => {
  fs.writeFileSync(path.join(dir, '_headers'), `/*
  X-Content-Type-Options: nosniff
  Content-Security-Policy: default-src 'self'
/
  X-Frame-Options: DENY
/index.html
  X-Frame-Options: DENY
`);
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>app</title>');
  fs.writeFileSync(path.join(dir, 'index.html.br'), zlib.brotliCompressSync('<!doctype html><title>app</title>'));
  fs.writeFileSync(path.join(dir, 'index.html.gz'), zlib.gzipSync('<!doctype html><title>app</title>'));
  fs.mkdirSync(path.join(dir, 'sub'));
  fs.writeFileSync(path.join(dir, 'sub/page.html'), 'sub');
  // A unix socket inside the served folder: stat says it exists, reading it fails.
  socketServer = net.createServer().listen(path.join(dir, 'sock.html'));
  server = createServer(dir);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});
after(() => {
  server?.close();
  socketServer?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A raw request (fetch would normalise the path and set its own Accept-Encoding). */
function request(pathname, { method = 'GET', headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${pathname}`, { method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('every spelling of the app page is refused to frames', async () => {
  for (const p of ['/', '/index.html', '//index.html', '/sub/../index.html', '/sub/%2E%2E/index.html', '/./']) {
    const r = await request(p);
    assert.equal(r.status, 200, p);
    assert.equal(r.headers['x-frame-options'], 'DENY', p);
  }
  // An encoded slash is part of a name (no file has one), never a separator: not found.
  for (const p of ['/%2F', '/%2Findex.html', '/sub%2Fpage.html']) {
    const r = await request(p);
    assert.equal(r.status, 404, p);
    assert.equal(r.headers['x-content-type-options'], 'nosniff', p);
  }
  assert.equal((await request('/sub/page.html')).headers['x-frame-options'], undefined);
});

test('404, 403 and 405 answers carry the security headers', async () => {
  const missing = await request('/nope.js');
  assert.equal(missing.status, 404);
  assert.equal(missing.headers['x-content-type-options'], 'nosniff');
  assert.equal(missing.headers['content-security-policy'], "default-src 'self'");
  assert.equal((await request('/%2e%2e/%2e%2e/etc/passwd')).status, 404, 'traversal is normalised inside the root');
  assert.equal((await request('/_headers')).status, 404);
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
    const r = await request('/index.html', { method });
    assert.equal(r.status, 405, method);
    assert.equal(r.headers.allow, 'GET, HEAD');
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
  }
  const head = await request('/index.html', { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(head.body.length, 0);
});

test('Accept-Encoding is honoured, q=0 included', async () => {
  const enc = async (accept) => (await request('/index.html', { headers: { 'accept-encoding': accept } })).headers['content-encoding'] ?? 'identity';
  assert.equal(await enc('gzip, deflate, br'), 'br');
  assert.equal(await enc('br;q=0, gzip'), 'gzip');
  assert.equal(await enc('gzip;q=0, br;q=0'), 'identity');
  assert.equal(await enc('*;q=0, identity'), 'identity');
  assert.equal(await enc('*'), 'br');
  assert.equal(await enc(''), 'identity');
  const plain = await request('/index.html', { headers: { 'accept-encoding': 'br;q=0' } });
  assert.equal(plain.body.toString(), '<!doctype html><title>app</title>');
  assert.equal(acceptsEncoding('BR;Q=0.5', 'br'), true);
  assert.equal(acceptsEncoding('br;q=0.0', 'br'), false);
});

test('a file that cannot be read gets a 500, and the server keeps serving', async () => {
  const r = await request('/sock.html');
  assert.equal(r.status, 500);
  assert.equal(r.headers['x-content-type-options'], 'nosniff');
  assert.equal((await request('/index.html')).status, 200);
});
