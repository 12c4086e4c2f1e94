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
  '.xml': 'application/xml; charset=utf-8',
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

/**
 * The encodings a client accepts, by the rules of Accept-Encoding: a listed coding with q=0 (or
 * `*;q=0` for unlisted ones) is refused; otherwise listed or `*` means accepted.
 */
export function acceptsEncoding(header, coding) {
  const q = new Map();
  for (const part of String(header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    q.set(name, qParam ? Number(qParam.slice(2)) : 1);
  }
  const value = q.has(coding) ? q.get(coding) : q.get('*');
  return value !== undefined && value > 0;
}

/** Headers for a URL path from the _headers rules: later rules add to and override earlier ones. */
function headersFor(rules, paths) {
  const out = {};
  for (const rule of rules) {
    if (paths.some((p) => rule.pattern.test(p))) for (const [k, v] of rule.headers) out[k] = v;
  }
  return out;
}

export function createServer(dir) {
  const rootDir = path.resolve(dir);
  const headersPath = path.join(rootDir, '_headers');
  const handle = async (req, res) => {
    const rules = fs.existsSync(headersPath) ? parseHeaders(fs.readFileSync(headersPath, 'utf8')) : [];
    const plain = (status, text, extra = {}) => {
      res.writeHead(status, { ...headersFor(rules, ['/*']), 'Content-Type': 'text/plain; charset=utf-8', ...extra }).end(text);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      plain(405, 'method not allowed', { Allow: 'GET, HEAD' });
      return;
    }
    let pathname;
    try {
      // Decoded, then normalised ("/%2F" is "/", "/a/../b" is "/b"): header rules see the path a
      // static host would serve, so no spelling of a path escapes the rules meant for it.
      pathname = path.posix.normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    } catch {
      plain(400, 'bad request');
      return;
    }
    if (pathname.includes('\0')) {
      plain(400, 'bad request');
      return;
    }
    let file = path.join(rootDir, pathname);
    if (file !== rootDir && !file.startsWith(rootDir + path.sep)) {
      plain(403, 'forbidden');
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    const servedPath = `/${path.relative(rootDir, file).split(path.sep).join('/')}`;
    if (!fs.existsSync(file) || path.basename(file) === '_headers') {
      res.writeHead(404, { ...headersFor(rules, [pathname, servedPath]), 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    const headers = {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', Vary: 'Accept-Encoding',
      ...headersFor(rules, [pathname, servedPath, pathname.endsWith('/') ? `${pathname}index.html` : pathname]),
    };
    const accept = req.headers['accept-encoding'];
    let body = file;
    if (acceptsEncoding(accept, 'br') && fs.existsSync(`${file}.br`)) {
      body = `${file}.br`;
      headers['Content-Encoding'] = 'br';
    } else if (acceptsEncoding(accept, 'gzip') && fs.existsSync(`${file}.gz`)) {
      body = `${file}.gz`;
      headers['Content-Encoding'] = 'gzip';
    }
    // Read the whole file before answering: a file that cannot be read (a socket, a permission
    // problem, a file removed meanwhile) gets a 500 and the server goes on serving.
    let data;
    try {
      const stat = await fs.promises.stat(body);
      if (!stat.isFile()) throw new Error('not a regular file');
      data = req.method === 'HEAD' ? null : await fs.promises.readFile(body);
      headers['Content-Length'] = stat.size;
    } catch {
      plain(500, 'could not read the file');
      return;
    }
    res.writeHead(200, headers);
    res.end(data ?? undefined);
  };
  return http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end();
    });
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
