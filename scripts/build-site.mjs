// Builds the static site into dist/: bundles and minifies the page (esbuild) with content-hashed
// names, copies the data, writes _headers, generates the service worker (Workbox) and
// precompressed .gz/.br copies, and the published roles (scripts/publish.mjs).
// Usage: node scripts/build-site.mjs [--roles DIR] [--out DIR] [--base-url URL] [--default ID] [--no-previews] [--image-cache DIR]
//        [--no-derived | --derived]   (the derived O*NET catalog: built with the default roles folder only, unless told)
import * as esbuild from 'esbuild';
import { generateSW } from 'workbox-build';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { nodeEngine, publishRoles } from './publish.mjs';
import { CSP, headerRules, headersFile } from './headers.mjs';
import { zoneStylesheet } from '../web/js/lib/zones.js';
import { writeCatalog, reportLines, SOURCES, DERIVED_OUT } from './import-onet.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'web');
const glue = path.join(root, 'build/wasm/wasm/jobzone.js');
const wasm = path.join(root, 'build/wasm/wasm/jobzone.wasm');

/** Content-Security-Policy of the app and the widget's iframe page (their meta tags; the headers add frame-ancestors). */
export { CSP };

const hash = (buffer) => crypto.createHash('sha256').update(buffer).digest('hex').slice(0, 10);

/** @param {string} from @param {string} to @param {(src: string) => boolean} [skip] */
function copyDir(from, to, skip = () => false) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    if (skip(src)) continue;
    if (entry.isDirectory()) copyDir(src, path.join(to, entry.name), skip);
    else fs.copyFileSync(src, path.join(to, entry.name));
  }
}

/** The header rules of a built site: its top-level entries, and what other sites load. */
function siteHeaderRules(out, crossOrigin) {
  const top = fs.readdirSync(out, { withFileTypes: true }).map((e) => ({ name: e.name, dir: e.isDirectory() }));
  return headerRules({ top, crossOrigin });
}

/**
 * The service worker: it precaches the app shell, the widget, the demo, the catalog and the first
 * part of its search data (the longer titles are kept once loaded), and (for a catalog of at most 100 roles) every role's data; a larger catalog's role data
 * and every role page are cached as they are visited.
 */
export async function generateServiceWorker(out) {
  const catalog = JSON.parse(fs.readFileSync(path.join(out, 'data/index.json'), 'utf8'));
  const roleCount = catalog.count ?? 0;
  const perRole = roleCount > 100 ? ['data/roles/**', 'data/cards/**', 'data/inputs/**'] : [];
  // The start page opens the default role: its data is precached whatever the catalog's size.
  const revision = (file) => crypto.createHash('md5').update(fs.readFileSync(path.join(out, file))).digest('hex');
  const defaultData = perRole.length && catalog.default
    ? ['roles', 'inputs', 'cards'].map((d) => `data/${d}/${catalog.default}.json`).filter((f) => fs.existsSync(path.join(out, f)))
      .map((url) => ({ url, revision: revision(url) }))
    : [];
  return generateSW({
    additionalManifestEntries: defaultData,
    globDirectory: out,
    globPatterns: ['**/*.{html,js,css,wasm,json,svg,png,webmanifest}'],
    // Per-role pages, badges and oEmbed answers are for other sites and crawlers: not precached.
    // The search data's first part (data/search.json: every title of at most two words) is, so a
    // search works offline from the first visit; the longer titles (data/titles.json) are kept
    // once a search has loaded them (below), which keeps the first install light.
    globIgnores: ['sw.js', '**/*.gz', '**/*.br', 'roles/**', 'badge/**', 'oembed/**', 'og/**', 'data/titles.json', ...perRole],
    swDest: path.join(out, 'sw.js'),
    // No navigation fallback: only the app's own pages open from the cache (the start page at any
    // query, through the precache's directoryIndex and ignored parameters; role pages below).
    // Any other URL (a feed, a badge, an unknown path) goes to the network, online and offline:
    // files are files, and an unknown page gets the server's own 404.
    // A role page is kept once visited (not precached: a site may have thousands), so every page
    // seen before opens offline too.
    runtimeCaching: [{
      urlPattern: ({ request, url }) => request.mode === 'navigate' && url.pathname.includes('/roles/'),
      handler: 'NetworkFirst',
      options: {
        cacheName: 'jobzone-role-pages', expiration: { maxEntries: 200 }, networkTimeoutSeconds: 4,
        // Offline, a role page never opened here: the app (precached) at ?role=<id>, which says so
        // plainly and shows what it has. (Serialised into sw.js: it may use nothing from here.)
        plugins: [{
          handlerDidError: async ({ request }) => {
            const id = /\/roles\/([^/]+)\/?$/.exec(new URL(request.url).pathname)?.[1];
            return id ? Response.redirect(new URL(`../../?role=${id}`, request.url).href, 302) : undefined;
          },
        }],
      },
    }, {
      urlPattern: ({ url }) => url.pathname.endsWith('/data/titles.json'),
      handler: 'StaleWhileRevalidate',
      options: { cacheName: 'jobzone-search-titles', expiration: { maxEntries: 1 } },
    }, {
      urlPattern: ({ url }) => /\/data\/(roles|cards|inputs)\//.test(url.pathname),
      handler: 'StaleWhileRevalidate',
      options: { cacheName: 'jobzone-role-data', expiration: { maxEntries: 500 } },
    }],
    directoryIndex: 'index.html',
    ignoreURLParametersMatching: [/.*/],
    dontCacheBustURLsMatching: /assets\/.+-[a-zA-Z0-9]{8,}\.(?:js|css|wasm)$/,
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    skipWaiting: false,
    inlineWorkboxRuntime: true,
    sourcemap: false,
    mode: 'production',
  });
}

/**
 * The derived catalog (scripts/import-onet.mjs) in build/catalog/derived, made again only when the
 * sources, the rules (core/methodology.json) or the importer changed: a stamp of their bytes.
 */
export function derivedCatalog({ out = DERIVED_OUT, log = (line) => {} } = {}) {
  const inputs = [path.join(root, 'core/methodology.json'), path.join(root, 'scripts/import-onet.mjs'),
    ...['onet-29.3', 'gpts-are-gpts'].flatMap((d) => fs.readdirSync(path.join(SOURCES, d)).sort().map((f) => path.join(SOURCES, d, f)))];
  const digest = crypto.createHash('sha256');
  for (const file of inputs) digest.update(path.relative(root, file)).update(fs.readFileSync(file));
  const stamp = path.join(path.dirname(out), 'stamp');
  const key = digest.digest('hex');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === key && fs.existsSync(out)) {
    log('derived catalog: up to date (build/catalog)');
    return out;
  }
  const started = performance.now();
  const result = writeCatalog(out);
  for (const line of reportLines(result).slice(0, 4)) log(`derived catalog: ${line}`);
  log(`derived catalog: imported in ${((performance.now() - started) / 1000).toFixed(1)} s (the list of skipped occupations: build/catalog/import-report.json)`);
  fs.writeFileSync(stamp, key);
  return out;
}

/** Regenerates the service worker of a built site (after a file in it changed), compressed too. */
export async function refreshServiceWorker(out) {
  const result = await generateServiceWorker(out);
  for (const ext of ['.gz', '.br']) fs.rmSync(path.join(out, `sw.js${ext}`), { force: true });
  precompress(out, (file) => path.basename(file) === 'sw.js');
  return result;
}

/**
 * .gz and .br copies of every compressible file of 1 KB or more: the shared assets at brotli's
 * best, the per-role files (thousands, in a large catalog) at quality 5: 1.6 ms a page against 9 ms
 * at 7, for 1% more bytes (a derived role page: 15,380 against 15,249).
 */
/** @param {string} out @param {(file: string) => boolean} [only] */
function precompress(out, only = () => true) {
  const compressible = /\.(html|js|mjs|css|wasm|json|svg|webmanifest|txt|xml)$/;
  const perRole = new RegExp(`^${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/(roles|data/(roles|cards|inputs)|badge|oembed)/`);
  const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  for (const file of walk(out)) {
    if (!compressible.test(file) || !only(file)) continue;
    const data = fs.readFileSync(file);
    if (data.length < 1024) continue;
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(data, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: perRole.test(file) ? 5 : 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }));
  }
}

/** The 404 page (every link from the site's root path, for it is served at any depth). */
const notFoundPage = (root, css, csp) => `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="robots" content="noindex">
<title>No page here · jobzone</title>
<meta name="color-scheme" content="light dark">
<link rel="icon" href="${root}icons/icon-32.png" type="image/png" sizes="32x32">
<link rel="stylesheet" href="${root}assets/${css}">
<script type="module" src="${root}not-found.js"></script>
</head>
<body>
<header class="site">
  <div class="wrap site-bar"><a class="brand" href="${root}" aria-label="jobzone home"><span class="brand-mark" aria-hidden="true"></span>jobzone</a></div>
</header>
<main id="main" class="wrap">
  <h1>No page at this address</h1>
  <p>jobzone has no page here. Looking for an occupation? <a href="${root}">Search for it on the start page</a>, where you can also score your own job.</p>
</main>
</body>
</html>
`;

/**
 * @param {string} [out]
 * @param {{baseUrl?: string | null, rolesDir?: string, derived?: boolean, defaultId?: string | null, previews?: boolean, imageCache?: string,
 *   log?: (line: string) => void}} [options]
 */
export async function buildSite(out = path.join(root, 'dist'), {
  baseUrl = null, rolesDir = path.join(web, 'data/roles'), derived = undefined, defaultId = null, previews = true, imageCache = undefined, log = (line) => {},
} = {}) {
  // The derived catalog joins the published roles of web/data/roles (another roles folder, as the
  // tests and the scale check give, builds alone unless `derived` says otherwise).
  const withDerived = derived ?? path.resolve(rolesDir) === path.join(web, 'data/roles');
  const derivedDir = withDerived ? derivedCatalog({ log }) : null;
  fs.rmSync(out, { recursive: true, force: true });
  const assets = path.join(out, 'assets');
  fs.mkdirSync(assets, { recursive: true });

  const wasmBytes = fs.readFileSync(wasm);
  const wasmName = `jobzone-${hash(wasmBytes)}.wasm`;
  fs.writeFileSync(path.join(assets, wasmName), wasmBytes);

  const entries = {
    app: path.join(web, 'js/app.js'),
    embed: path.join(web, 'js/embed/embed.js'),
    'embed-page': path.join(web, 'js/embed/embed-page.js'),
    'insight-worker': path.join(web, 'js/engine/insight-worker.js'),
  };
  const js = await esbuild.build({
    entryPoints: entries,
    bundle: true,
    splitting: true,
    format: 'esm',
    // JOBZONE_MINIFY=0 keeps names readable for a profile (scripts/bench and the tests use the minified build).
    minify: process.env.JOBZONE_MINIFY !== '0',
    target: ['es2022'],
    outdir: assets,
    entryNames: '[name]-[hash]',
    chunkNames: '[name]-[hash]',
    alias: { '@jobzone/wasm': glue },
    define: { __JOBZONE_WASM__: JSON.stringify(wasmName) },
    plugins: [lazyGlue(glue)],
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  // The stylesheet starts with the zone colours' custom properties, from the one module that
  // holds them (web/js/lib/zones.js): the page, the widget, the badge and the preview image agree.
  const css = await esbuild.build({
    stdin: { contents: `${zoneStylesheet()}${fs.readFileSync(path.join(web, 'app.css'), 'utf8')}`, resolveDir: web, sourcefile: 'app.css', loader: 'css' },
    bundle: true,
    minify: true,
    outdir: assets,
    entryNames: 'app-[hash]',
    metafile: true,
    logLevel: 'warning',
  });

  const outputs = { ...js.metafile.outputs, ...css.metafile.outputs };
  const nameOf = (entry) => path.basename(Object.keys(outputs)
    .find((o) => outputs[o].entryPoint && path.resolve(outputs[o].entryPoint) === path.resolve(entry)));
  const glueChunk = path.basename(Object.keys(js.metafile.outputs)
    .find((o) => Object.keys(js.metafile.outputs[o].inputs).some((i) => path.resolve(i) === path.resolve(glue))));
  const names = {
    app: nameOf(entries.app),
    css: path.basename(Object.keys(css.metafile.outputs).find((o) => o.endsWith('.css'))),
    embed: nameOf(entries.embed),
    embedPage: nameOf(entries['embed-page']),
    glue: glueChunk,
    wasm: wasmName,
  };
  // What another site's page fetches for a widget: CORS for these, and nothing else.
  const embedGraph = new Set();
  const walkImports = (out) => {
    const key = Object.keys(js.metafile.outputs).find((o) => path.basename(o) === out);
    if (!key || embedGraph.has(out)) return;
    embedGraph.add(out);
    for (const imp of js.metafile.outputs[key].imports) walkImports(path.basename(imp.path));
  };
  walkImports(names.embed);
  names.crossOrigin = ['/embed.js', '/embed-frame.js', ...[...embedGraph].map((o) => `/assets/${o}`), `/assets/${names.wasm}`, '/data/*', '/badge/*', '/oembed/*'];

  // Static files, then the HTML with the hashed names.
  // (The roles and the catalog are written by publishRoles, from the roles folder.)
  copyDir(web, out, (src) => (/\/(js|README\.md|app\.css|index\.html|embed\.html)$/.test(src.slice(web.length)) && path.dirname(src) === web)
    || src === path.join(web, 'data/roles') || src === path.join(web, 'data/index.json'));
  const rewrite = (text) => text
    .replaceAll('href="app.css"', `href="assets/${names.css}"`)
    .replaceAll('src="js/app.js"', `src="assets/${names.app}"`)
    // (Not the wasm glue: a page asks for it after its first paint, app/engine-start.js.)
    .replaceAll('<link rel="modulepreload" href="js/app.js">', `<link rel="modulepreload" href="assets/${names.app}">`)
    .replaceAll('href="jobzone.wasm"', `href="assets/${names.wasm}"`)
    .replaceAll('__CSP__', CSP)
    .replaceAll('__JOBZONE_EMBED_FRAME_PAGE__', `assets/${names.embedPage}`);
  for (const page of ['index.html', 'embed.html']) {
    const src = path.join(web, page);
    if (fs.existsSync(src)) fs.writeFileSync(path.join(out, page), rewrite(fs.readFileSync(src, 'utf8')));
  }
  // The site's 404 page, served at any depth (so its links start at the site's root path): an
  // address under roles/ that names no page goes on to the start page with the search showing
  // what its words find (the app's ?role= handling); without scripts, a link to the start page.
  const rootPath = baseUrl ? new URL(baseUrl).pathname : '/';
  fs.writeFileSync(path.join(out, '404.html'), notFoundPage(rootPath, names.css, CSP));
  fs.writeFileSync(path.join(out, 'not-found.js'), `// The 404 page's one step: roles/<words>/ opens the start page searching for <words>.
const root = new URL('./', import.meta.url);
const match = /\\/roles\\/([^/]+)\\/?(?:index\\.html)?$/.exec(location.pathname);
if (match) {
  let words = match[1];
  try { words = decodeURIComponent(words); } catch { /* kept as it is */ }
  location.replace(new URL(\`?role=\${encodeURIComponent(words.slice(0, 200))}\`, root).href);
}
`);
  // Stable URLs for the snippets: a one-line loader for the hashed widget module, and the
  // iframe sizer (plain script).
  fs.writeFileSync(path.join(out, 'embed.js'), `import "./assets/${names.embed}";\n`);
  // The insight worker's stable URL (a module worker importing the hashed chunk the app shares).
  fs.writeFileSync(path.join(out, 'insight-worker.js'), `import "./assets/${nameOf(entries['insight-worker'])}";\n`);
  await esbuild.build({
    entryPoints: [path.join(web, 'js/embed/embed-frame.js')],
    bundle: true,
    format: 'iife',
    minify: true,
    target: ['es2020'],
    outfile: path.join(out, 'embed-frame.js'),
    logLevel: 'warning',
  });
  // Each catalog role's page, card, badge and oEmbed answer (published and derived), computed by the core.
  const engine = await nodeEngine(glue, wasm);
  const shell = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
  const cards = await publishRoles({ out, rolesDir, derivedDir, engine, baseUrl, shell, defaultId, previews, imageCache, log, engineFiles: { glue, wasm } });
  names.roles = cards.length;
  const { count, size } = await generateServiceWorker(out);
  // The headers, from one table (scripts/headers.mjs): _headers for static hosts and the dev
  // server; `node scripts/headers.mjs nginx DIST` writes nginx's configuration from it.
  fs.writeFileSync(path.join(out, '_headers'), headersFile(siteHeaderRules(out, names.crossOrigin)));
  precompress(out);
  // What the tests and benches read about dist/ (a build elsewhere, such as the scale test's, leaves it alone).
  if (path.resolve(out) === path.join(root, 'dist')) {
    fs.writeFileSync(path.join(root, 'build/site-manifest.json'), `${JSON.stringify({ ...names, precache: { count, size } }, null, 2)}\n`);
    // The page shell the role pages (and the start page) are made from, before any prerendering.
    fs.writeFileSync(path.join(root, 'build/site-shell.html'), shell);
  }
  return { names, precache: { count, size } };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // node scripts/build-site.mjs [--roles DIR] [--out DIR] [--base-url https://example.org/jobzone/] [--default ID]
  const args = process.argv.slice(2);
  const option = (name) => {
    const at = args.indexOf(name);
    return at >= 0 ? args.splice(at, 2)[1] : null;
  };
  const baseUrl = option('--base-url') ?? (process.env.JOBZONE_BASE_URL || null);
  const rolesDir = option('--roles');
  const outDir = option('--out');
  const defaultId = option('--default');
  const imageCache = option('--image-cache');
  // Preview images are made for every role (each kept in a cache by content, so a rebuild renders
  // only what changed); --no-previews leaves them out. (--previews, once needed above 1,000 roles, is still accepted.)
  const flag = (name) => (args.includes(name) ? (args.splice(args.indexOf(name), 1), true) : false);
  flag('--previews');
  const previews = !flag('--no-previews');
  const derived = flag('--no-derived') ? false : flag('--derived') ? true : undefined;
  if (baseUrl && !/^https?:\/\/[^\s]+\/$/.test(baseUrl)) throw new Error(`--base-url must be an http(s) URL ending in "/", got ${baseUrl}`);
  if (!baseUrl) console.log('note: no --base-url given, so oEmbed answers and role pages carry relative links (an oEmbed consumer needs absolute ones).');
  const out = outDir ?? args[0] ? path.resolve(outDir ?? args[0]) : undefined;
  const started = performance.now();
  let built;
  try {
    built = await buildSite(out, { baseUrl, rolesDir: rolesDir ? path.resolve(rolesDir) : undefined, derived, defaultId, previews,
      imageCache: imageCache ? path.resolve(imageCache) : undefined, log: (line) => console.log(line) });
  } catch (error) {
    console.error(`build-site: ${error.message}`);
    process.exit(1);
  }
  const { names, precache } = built;
  console.log(`${names.roles} role pages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(`dist: app ${names.app}, wasm ${names.wasm}; service worker precaches ${precache.count} files, ${(precache.size / 1024).toFixed(1)} KB`);
}

/**
 * Emscripten writes its factory as a parenthesized function expression, `return (function(...)
 * {...});`, which V8 takes as a hint to compile it, 44 KB of glue, the moment the module is
 * evaluated. The page imports the glue ahead of its first call (a prerendered page makes its
 * instance only when the reader acts) and should pay for compiling it then, not at the import:
 * the parentheses are dropped, so it is compiled when first called. The build's own node engine
 * reads the file as Emscripten wrote it.
 * @param {string} file the glue's path
 * @returns {import('esbuild').Plugin}
 */
function lazyGlue(file) {
  return {
    name: 'lazy-glue',
    setup(build) {
      build.onLoad({ filter: /jobzone\.js$/ }, (args) => {
        if (path.resolve(args.path) !== path.resolve(file)) return undefined;
        const text = fs.readFileSync(args.path, 'utf8');
        const lazy = text.replace(/return \(\s*\nfunction\(createJobzone\) \{/, 'return function(createJobzone) {').replace(/\n\);\n\}\)\(\);\s*\nexport default createJobzone;/, '\n;\n})();\nexport default createJobzone;');
        if (lazy === text || !/return function\(createJobzone\) \{/.test(lazy) || /\n\);\n\}\)\(\);/.test(lazy)) {
          throw new Error('lazy-glue: the Emscripten factory is not written as expected; check scripts/build-site.mjs lazyGlue');
        }
        return { contents: lazy, loader: 'js' };
      });
    },
  };
}
