// Every HTTP header the site is served with, in one table, and its three writers: the `_headers`
// file a static host reads (Netlify, Cloudflare Pages), the nginx configuration, and (through
// `_headers`) the dev server, scripts/serve.mjs. The same table gives the content types.
//
// Static hosts disagree on what happens when two rules that match one path set the same header
// (Netlify and Cloudflare join the values with a comma, which for a Content-Security-Policy means
// two policies, both enforced). So the table never does that: every served path falls under
// exactly one base rule (a top-level entry of dist/, or "/"), and the extra rules (CORS for what
// other sites load) only add headers that no base rule sets. `overlaps()` checks it.

/** The Content-Security-Policy of the app and the widget's iframe page (also in their meta tags, without frame-ancestors, which a meta tag cannot carry). */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/** Content types by file extension. */
export const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json', '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

/** The pages anyone may put in a frame: the widget's iframe page. The app may be framed only by itself. */
const FRAMABLE = new Set(['embed.html']);

const COMMON = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};
const REVALIDATE = 'public, max-age=0, must-revalidate';

/** The headers of a top-level entry of dist/ (a file name, a folder name, or '' for the site's root and anything not in dist). */
function baseHeaders(name) {
  const framable = FRAMABLE.has(name);
  return {
    'Content-Security-Policy': `${CSP}; frame-ancestors ${framable ? '*' : "'self'"}`,
    ...(framable ? {} : { 'X-Frame-Options': 'SAMEORIGIN' }),
    ...COMMON,
    'Cache-Control': name === 'assets' ? 'public, max-age=31536000, immutable' : name === 'sw.js' ? 'no-cache' : REVALIDATE,
  };
}

const CROSS_ORIGIN = { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' };

/**
 * The rules, in order: [{pattern, headers}] where a pattern is a path, a folder's `/name/*`, or
 * an exact file. top: the top-level entries of dist/ ([{name, dir}]); crossOrigin: the paths
 * (exact, or ending in `/*`) that other sites' pages load.
 */
export function headerRules({ top, crossOrigin = [] }) {
  /** @type {{pattern: string, headers: Record<string, string>}[]} */
  const rules = [{ pattern: '/', headers: baseHeaders('') }];
  for (const { name, dir } of [...top].sort((a, b) => a.name.localeCompare(b.name))) {
    if (name.startsWith('_') || name.endsWith('.gz') || name.endsWith('.br')) continue;
    rules.push({ pattern: dir ? `/${name}/*` : `/${name}`, headers: baseHeaders(name) });
  }
  for (const pattern of crossOrigin) rules.push({ pattern, headers: /** @type {Record<string, string>} */ ({ ...CROSS_ORIGIN }) });
  return rules;
}

/** Whether a rule's pattern matches a path (`*` is any run of characters, as static hosts read it). */
export const matches = (pattern, pathname) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(pathname);

/** The headers of one path: every matching rule's. */
export function headersOf(rules, pathname) {
  const out = {};
  for (const rule of rules) if (matches(rule.pattern, pathname)) Object.assign(out, rule.headers);
  return out;
}

/** Pairs of rules that match one of `paths` and set the same header ([] when the table is sound). */
export function overlaps(rules, paths) {
  const found = [];
  for (const p of paths) {
    const seen = new Map();
    for (const rule of rules) {
      if (!matches(rule.pattern, p)) continue;
      for (const name of Object.keys(rule.headers)) {
        if (seen.has(name)) found.push({ path: p, header: name, rules: [seen.get(name), rule.pattern] });
        else seen.set(name, rule.pattern);
      }
    }
  }
  return found;
}

/** Reads a `_headers` file back into rules [{pattern, headers}]. */
export function parseHeaders(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: {} });
    else if (rules.length) {
      const at = line.indexOf(':');
      rules[rules.length - 1].headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return rules;
}

/** The `_headers` file. */
export function headersFile(rules) {
  const body = rules.map(({ pattern, headers }) => `${pattern}\n${Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`).join('\n')}`).join('\n');
  return `# Written by scripts/build-site.mjs from scripts/headers.mjs (the one table of headers); no two\n# rules that match one path set the same header. scripts/serve.mjs applies it, and\n# \`node scripts/headers.mjs nginx DIST\` writes an nginx configuration from it.\n${body}\n`;
}

const nginxString = (value) => {
  if (/[$"\\\n]/.test(value)) throw new Error(`a header value nginx would read differently: ${value}`);
  return `"${value}"`;
};

/**
 * An nginx configuration serving `root`. nginx drops the add_header lines a server block sets once
 * a location sets any of its own, so each location carries its full set. Every answer, errors
 * included (`always`), gets its headers; symbolic links are not followed; .gz copies are served to
 * clients that take gzip. options: {root, listen, prefix (a folder for nginx's own files),
 * user (nginx's `user` line, for a master process run as root)}.
 */
export function nginxConf(rules, { root, listen = '127.0.0.1:8080', prefix = '/tmp/jobzone-nginx', user = null }) {
  const locations = new Map();
  const locationOf = (pattern) => {
    if (pattern === '/') return '= /';
    if (pattern.endsWith('/*')) return pattern.slice(0, -1);
    return `= ${pattern}`;
  };
  for (const { pattern } of rules) {
    const where = locationOf(pattern);
    // The headers of a path this location serves: a file's own, or a representative in the folder.
    const sample = pattern.endsWith('/*') ? `${pattern.slice(0, -1)}x` : pattern;
    locations.set(where, headersOf(rules, sample));
  }
  // What no rule names (a path not in dist/): the site root's headers, on a 404.
  if (!locations.has('/')) locations.set('/', headersOf(rules, '/'));
  const types = Object.entries(TYPES).map(([ext, type]) => `    ${type.split(';')[0]} ${ext.slice(1)};`).join('\n');
  const block = ([where, headers]) => `    location ${where} {
${Object.entries(headers).map(([k, v]) => `      add_header ${k} ${nginxString(v)} always;`).join('\n')}
      try_files $uri $uri/ =404;
    }`;
  return `# Written by scripts/build-site.mjs from scripts/headers.mjs (the one table of headers).
${user ? `user ${user};\n` : ''}worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 64; }
http {
  types {
${types}
  }
  default_type application/octet-stream;
  charset utf-8;
  charset_types text/css text/javascript application/json application/xml text/plain; # and text/html, always
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  server_tokens off;
  server {
    listen ${listen};
    root ${root};
    index index.html;
    disable_symlinks on;
    gzip_static on;
    gzip_vary on;
    etag on;
    error_page 404 /404.html; # the site's own page for an address with no file
${[...locations].map(block).join('\n')}
  }
}
`;
}

// node scripts/headers.mjs nginx DIST [--listen 127.0.0.1:8080] [--prefix DIR] [--user root]
// prints an nginx configuration serving DIST with the headers of DIST/_headers.
if (process.argv[1] && (await import('node:url')).fileURLToPath(import.meta.url) === process.argv[1]) {
  const fs = await import('node:fs');
  const path = await import('node:path');
  const args = process.argv.slice(2);
  const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
  if (args[0] !== 'nginx' || !args[1]) {
    console.error('usage: node scripts/headers.mjs nginx DIST [--listen ADDRESS:PORT] [--prefix DIR] [--user USER]');
    process.exit(2);
  }
  const root = path.resolve(args[1]);
  const rules = parseHeaders(fs.readFileSync(path.join(root, '_headers'), 'utf8'));
  process.stdout.write(nginxConf(rules, { root, listen: opt('--listen', '127.0.0.1:8080'), prefix: path.resolve(opt('--prefix', '/tmp/jobzone-nginx')), user: opt('--user', null) }));
}
