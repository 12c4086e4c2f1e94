// A static server for dist/ that applies dist/_headers exactly as a static host would, and
// serves the precompressed .br/.gz copies. What the tests load is what ships.
// Usage: node scripts/serve.mjs DIR [--port 8080] [--host 127.0.0.1] [--quiet]
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TYPES, matches, parseHeaders } from './headers.mjs';

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
  let matched = false;
  for (const rule of rules) {
    if (paths.some((p) => matches(rule.pattern, p))) {
      matched = true;
      Object.assign(out, rule.headers);
    }
  }
  // A path no rule names (not in the site: a 404) gets the site root's headers.
  return matched || paths.includes('/') ? out : headersFor(rules, ['/']);
}

export function createServer(dir) {
  const rootDir = path.resolve(dir);
  const realRoot = fs.realpathSync(rootDir);
  const insideRoot = (file) => {
    try {
      const real = fs.realpathSync(file);
      return real === realRoot || real.startsWith(realRoot + path.sep);
    } catch {
      return false;
    }
  };
  const headersPath = path.join(rootDir, '_headers');
  const handle = async (req, res) => {
    const rules = fs.existsSync(headersPath) ? parseHeaders(fs.readFileSync(headersPath, 'utf8')) : [];
    const plain = (status, text, extra = {}) => {
      res.writeHead(status, { ...headersFor(rules, ['/']), 'Content-Type': 'text/plain; charset=utf-8', ...extra }).end(text);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      plain(405, 'method not allowed', { Allow: 'GET, HEAD' });
      return;
    }
    let pathname;
    try {
      // Each segment decoded on its own: "%2F" is part of a name, never a separator (a static host
      // looks for a file with a slash in its name, and finds none). Then normalised ("/a/../b" is
      // "/b"), so header rules see the path that is served and no spelling escapes them.
      const segments = new URL(req.url, 'http://x').pathname.split('/').map(decodeURIComponent);
      if (segments.some((s) => /[/\\\0]/.test(s))) {
        res.writeHead(404, { ...headersFor(rules, ['/']), 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      pathname = path.posix.normalize(segments.join('/'));
    } catch {
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
    // A path with no file: the site's 404 page where it has one (as a static host serves it).
    const notFound = () => {
      const page = path.join(rootDir, '404.html');
      if (fs.existsSync(page)) res.writeHead(404, { ...headersFor(rules, [pathname, servedPath]), 'Content-Type': 'text/html; charset=utf-8' }).end(fs.readFileSync(page));
      else res.writeHead(404, { ...headersFor(rules, [pathname, servedPath]), 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
    };
    if (!fs.existsSync(file) || path.basename(file).startsWith('_')) {
      notFound();
      return;
    }
    // Only files whose real path is inside the root: a symbolic link out of it is not followed.
    if (!insideRoot(file)) {
      notFound();
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
    if (body !== file && !insideRoot(body)) body = file;
    let data;
    let stat;
    try {
      stat = await fs.promises.stat(body);
      if (!stat.isFile()) throw new Error('not a regular file');
      data = req.method === 'HEAD' ? null : await fs.promises.readFile(body);
      headers['Content-Length'] = stat.size;
    } catch {
      plain(500, 'could not read the file');
      return;
    }
    // Validators, as nginx writes them (each encoding is its own file, so its own ETag): a
    // revalidation that matches gets a 304 with no body.
    headers.ETag = `"${Math.floor(stat.mtimeMs / 1000).toString(16)}-${stat.size.toString(16)}"`;
    headers['Last-Modified'] = new Date(Math.floor(stat.mtimeMs / 1000) * 1000).toUTCString();
    const match = req.headers['if-none-match'];
    const since = Date.parse(req.headers['if-modified-since'] ?? '');
    const fresh = match !== undefined
      ? match.split(',').map((t) => t.trim().replace(/^W\//, '')).some((t) => t === headers.ETag || t === '*')
      : Number.isFinite(since) && Math.floor(stat.mtimeMs / 1000) * 1000 <= since;
    if (fresh) {
      delete headers['Content-Length'];
      res.writeHead(304, headers).end();
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
