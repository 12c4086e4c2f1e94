// A static server for dist/ that applies dist/_headers exactly as a static host would, and
// serves the precompressed .br/.gz copies. What the tests load is what ships.
// Usage: node scripts/serve.mjs DIR [--port 8080] [--host 127.0.0.1] [--quiet]
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json', '.txt': 'text/plain; charset=utf-8',
};

/** Parses a _headers file: [{pattern: RegExp, headers: [[name, value]]}]. */
export function parseHeaders(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const glob = line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
      rules.push({ pattern: new RegExp(`^${glob}$`), headers: [] });
    } else if (rules.length) {
      const at = line.indexOf(':');
      rules[rules.length - 1].headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

export function createServer(dir) {
  const rootDir = path.resolve(dir);
  const headersPath = path.join(rootDir, '_headers');
  return http.createServer((req, res) => {
    const rules = fs.existsSync(headersPath) ? parseHeaders(fs.readFileSync(headersPath, 'utf8')) : [];
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    let file = path.join(rootDir, path.normalize(pathname));
    if (!file.startsWith(rootDir)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file) || path.basename(file) === '_headers') {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    const headers = { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', Vary: 'Accept-Encoding' };
    const urlPath = pathname.endsWith('/') ? `${pathname}index.html` : pathname;
    for (const rule of rules) {
      if (rule.pattern.test(urlPath) || rule.pattern.test(pathname)) for (const [k, v] of rule.headers) headers[k] = v;
    }
    const accept = String(req.headers['accept-encoding'] ?? '');
    let body = file;
    if (/\bbr\b/.test(accept) && fs.existsSync(`${file}.br`)) {
      body = `${file}.br`;
      headers['Content-Encoding'] = 'br';
    } else if (/\bgzip\b/.test(accept) && fs.existsSync(`${file}.gz`)) {
      body = `${file}.gz`;
      headers['Content-Encoding'] = 'gzip';
    }
    headers['Content-Length'] = fs.statSync(body).size;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(body).pipe(res);
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
  const dir = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? 'dist';
  const port = Number(opt('--port', 8080));
  const host = opt('--host', '127.0.0.1');
  createServer(dir).listen(port, host, () => {
    if (!args.includes('--quiet')) console.log(`serving ${dir} on http://${host}:${port}/`);
  });
}
