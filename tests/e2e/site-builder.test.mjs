// The site builder (scripts/build-site.mjs, scripts/publish.mjs) given hostile role text: every
// replacement pattern ($$, $`, $', $&) in every text field comes out once, as typed; pages keep
// their normal size; every XML and SVG file the build writes parses (characters XML forbids are
// dropped); a file that is not UTF-8 is refused by name, never repaired and published.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { buildSite } from '../../scripts/build-site.mjs';
import { ogSvg } from '../../scripts/og-image.mjs';
import { htmlText } from '../../web/js/lib/escape.js';
import { launch } from './browser.mjs';
import { sessionOf } from './engines.mjs';
import { reference, HOSTILE_TEXTS, HOSTILE_TITLES } from '../node/hostile.mjs';
import { tempDir } from '../tmp.mjs';

const ID = 'hostile-texts';
let browser;
let s;
before(async () => {
  browser = await launch();
  s = sessionOf(await browser.newPage());
});
after(async () => { await browser?.close(); });

/** Every string of a document that is prose (not a format, id, key, enum or URL), as [parent, key]. */
function proseFields(doc) {
  const out = [];
  const skip = new Set(['format', 'id', 'impact', 'url', 'date', 'assessed']);
  const walk = (value, parent, key) => {
    if (typeof value === 'string') {
      if (!skip.has(key)) out.push([parent, key]);
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, value, i));
    else if (value && typeof value === 'object') for (const k of Object.keys(value)) walk(value[k], value, k);
  };
  walk(doc, null, null);
  return out;
}

/** The reference with every prose field holding all the hostile texts, and a history whose entries lack a label. */
function hostileRole() {
  const doc = structuredClone(reference);
  doc.id = ID;
  doc.history = [{ date: '2026-01-05', score: 60.4 }, { date: '2026-03-01', score: 61.9, label: HOSTILE_TEXTS[0] }];
  let n = 0;
  for (const [parent, key] of proseFields(doc)) {
    // Titles and names have a length limit: those get the texts one at a time, in turn.
    // (The markup-breaking titles of the snippet tests join in: every XML file must hold them too.)
    const pool = [...HOSTILE_TEXTS, ...HOSTILE_TITLES];
    parent[key] = typeof key === 'number' || /title|name|label|seniority|category|publisher|typical_experience/.test(key)
      ? pool[(n++) % pool.length]
      : `${HOSTILE_TEXTS.join(' ')} ${parent[key]}`;
  }
  return doc;
}

/** Whether text parses as XML in the browser (application/xml: well-formed or not). */
const parsesAsXml = (text) => s.evaluate((t) => {
  const doc = new DOMParser().parseFromString(t, 'application/xml');
  return doc.querySelector('parsererror')?.textContent ?? 'ok';
}, text);

test('hostile text in every field: each pattern comes out as typed, once; pages keep their size; all XML parses', async () => {
  const dir = tempDir('builder');
  const roles = path.join(dir, 'roles');
  fs.mkdirSync(roles);
  fs.writeFileSync(path.join(roles, 'reference.json'), JSON.stringify(reference));
  fs.writeFileSync(path.join(roles, `${ID}.json`), JSON.stringify(hostileRole()));
  const out = path.join(dir, 'dist');
  await buildSite(out, { rolesDir: roles, baseUrl: 'https://example.org/jobzone/', imageCache: path.join(dir, 'og'), defaultId: reference.id });

  const hostilePage = fs.readFileSync(path.join(out, 'roles', ID, 'index.html'), 'utf8');
  const normalPage = fs.readFileSync(path.join(out, 'roles', reference.id, 'index.html'), 'utf8');
  const added = HOSTILE_TEXTS.join(' ').length * proseFields(hostileRole()).length;
  // Each text at most a few times per field (the title is in the head and the page): never the
  // whole page pasted in by a "$'" or "$`".
  assert.ok(hostilePage.length < normalPage.length + added * 6, `role page ${hostilePage.length} bytes (normal ${normalPage.length})`);
  const headOf = (html) => html.slice(0, html.indexOf('</head>'));
  for (const marker of ['<meta name="description"', '<title>', '<meta property="og:description"', '<meta name="twitter:description"']) {
    assert.equal(headOf(hostilePage).split(marker).length - 1, 1, `${marker} once`);
  }
  assert.equal(hostilePage.split('</html>').length - 1, 1);
  // The summary's text is in the description as typed ("$$" stays "$$").
  assert.match(hostilePage, /<meta name="description" content="[^"]*Base pay runs \$\$210K-\$\$460K; it&#39;s the engineers&#39; \$&#39; market/);
  assert.ok(hostilePage.includes(htmlText('$`$`$`$`$`$`$`$`$`$` and $& and $1 and $<name>')));
  assert.doesNotMatch(hostilePage, /Base pay runs \$210K/, 'no "$$" turned into "$"');
  // No bidi control in the single-line contexts: the title and the preview tags.
  const head = headOf(hostilePage);
  for (const m of head.matchAll(/<title>([^<]*)<\/title>|<meta (?:name|property)="(?:og|twitter):[a-z:]+" content="([^"]*)"/g)) {
    assert.doesNotMatch(m[1] ?? m[2], /[\u202a-\u202e\u2066-\u2069]/, m[0]);
  }

  // Every XML and SVG file the build wrote parses; so does the preview image's SVG.
  const xmlFiles = ['feed.xml', 'sitemap.xml', `badge/${ID}.svg`, `badge/${reference.id}.svg`];
  for (const file of xmlFiles) assert.equal(await parsesAsXml(fs.readFileSync(path.join(out, file), 'utf8')), 'ok', file);
  const card = JSON.parse(fs.readFileSync(path.join(out, 'data/cards', `${ID}.json`), 'utf8'));
  assert.equal(await parsesAsXml(ogSvg(card)), 'ok', 'preview SVG');
  assert.ok(fs.statSync(path.join(out, 'og', `${ID}.png`)).size > 1000, 'the preview image was rendered');
  // The feed: no "undefined" for an entry without a label; the hostile label once, escaped.
  const feed = fs.readFileSync(path.join(out, 'feed.xml'), 'utf8');
  assert.doesNotMatch(feed, /undefined/);
  assert.match(feed, /<title>[^<]*: 60\.4<\/title>/);
  assert.match(feed, /Score 60\.4 on 2026-01-05\./);
  assert.doesNotMatch(feed, /[\uffff\ufffe\ufdd0]/);
});

test('a role file that is not UTF-8 is refused by name, as the CLI refuses it', async () => {
  const dir = tempDir('builder-utf8');
  const roles = path.join(dir, 'roles');
  fs.mkdirSync(roles);
  const text = JSON.stringify({ ...reference, id: 'bad-bytes' });
  const at = text.indexOf('Protected');
  fs.writeFileSync(path.join(roles, 'bad-bytes.json'), Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xff, 0xfe]), Buffer.from(text.slice(at))]));
  await assert.rejects(buildSite(path.join(dir, 'dist'), { rolesDir: roles, previews: false }),
    (error) => /bad-bytes\.json: \(root\): not valid JSON: .*UTF-8/.test(error.message));
});
