// What the build publishes per role: the card figures (the same as the core computes), the badge,
// the oEmbed answer with its discovery link, and a static page readable with no JavaScript.
// Checked on dist/ (relative links) and on a build with a base URL (absolute links).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { root } from '../e2e/browser.mjs';
import { nodeEngine, publishRoles } from '../../scripts/publish.mjs';
import { CARD_FRAME } from '../../web/js/share/snippets.js';
import { tempDir } from '../tmp.mjs';

const ROLE = 'ai-research-engineer-mid-senior';
const dist = path.join(root, 'dist');
const read = (...p) => fs.readFileSync(path.join(dist, ...p), 'utf8');
// The shell the build made the pages from (dist/index.html is the start page, prerendered).
const shell = fs.readFileSync(path.join(root, 'build/site-shell.html'), 'utf8');

test('the card of each published role holds the core\'s figures', () => {
  const card = JSON.parse(read('data/cards', `${ROLE}.json`));
  const native = JSON.parse(execFileSync(path.join(root, 'build/native/core/jobzone'), ['score', path.join(root, 'web/data/roles', `${ROLE}.json`)], { encoding: 'utf8' }));
  assert.equal(card.format, 'jobzone-card/1');
  assert.equal(card.display_score, native.final.display_score);
  assert.equal(card.score, native.final.score);
  assert.equal(card.label, 'Green (Accelerated)');
  assert.equal(card.zone, 'GREEN');
  assert.equal(card.tasks, 7);
  assert.deepEqual(card.zones.map((z) => z.min), [48, 25, 0]);
});

test('oEmbed: a rich answer whose html is the attributes-only iframe, found from the role page', () => {
  const o = JSON.parse(read('oembed', `${ROLE}.json`));
  assert.equal(o.version, '1.0');
  assert.equal(o.type, 'rich');
  assert.equal(o.provider_name, 'jobzone');
  assert.equal(o.width, CARD_FRAME.width);
  assert.equal(o.height, CARD_FRAME.height);
  assert.match(o.title, /^AI Research Engineer \(Mid-Senior\): 61\.9 Green \(Accelerated\)$/);
  assert.match(o.html, /^<iframe src="\/embed\.html\?role=ai-research-engineer-mid-senior" title="jobzone score: AI Research Engineer \(Mid-Senior\)" width="100%" height="200" frameborder="0" loading="lazy" data-jobzone-frame><\/iframe>$/);
  const page = read('roles', ROLE, 'index.html');
  assert.match(page, /<link rel="alternate" type="application\/json\+oembed" href="\.\.\/\.\.\/oembed\/ai-research-engineer-mid-senior\.json" title="AI Research Engineer \(Mid-Senior\)">/);
});

test('the role page is the whole page rendered at build time: readable, with its meta tags, no script needed', () => {
  const page = read('roles', ROLE, 'index.html');
  assert.match(page, /<title>AI Research Engineer \(Mid-Senior\): 61\.9 Green \(Accelerated\) · jobzone<\/title>/);
  assert.match(page, /<meta name="description" content="61\.9\/100, Green \(Accelerated\)\. Protected, and strengthening: [^"]{40,}…">/);
  assert.match(page, /<meta property="og:title" content="AI Research Engineer \(Mid-Senior\): 61\.9\/100, Green \(Accelerated\)">/);
  assert.match(page, /<meta name="twitter:card" content="summary_large_image">/);
  assert.match(page, /<meta property="og:image" content="\.\.\/\.\.\/og\/ai-research-engineer-mid-senior\.png">/);
  assert.match(page, /<meta property="og:image:alt" content="AI exposure of AI Research Engineer \(Mid-Senior\): 61\.9 out of 100, Green \(Accelerated\) \(published, JobZone method\)">/);
  const png = fs.readFileSync(path.join(dist, 'og', `${ROLE}.png`));
  assert.equal(png.toString('ascii', 1, 4), 'PNG');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630], 'the preview image is 1200x630');
  assert.match(page, /<meta name="jobzone-role" content="ai-research-engineer-mid-senior">/);
  assert.doesNotMatch(page, /rel="preload" href="[^"]+\.wasm"/, 'the first paint needs no wasm');
  assert.match(page, /<div id="status" class="status" role="status" hidden>/);
  assert.match(page, /<span [^>]*class="big-score"[^>]*>61\.9<\/span>/);
  // Every section of a role page, in the markup itself.
  for (const id of ['glance', 'sits', 'summary', 'verdict', 'definition', 'seniority', 'protective', 'tasks', 'reinstatement', 'evidence', 'barriers', 'growth-check', 'levers', 'commentary', 'outlook', 'sources', 'tracking', 'sure', 'move', 'calculation', 'sublabel', 'composition', 'rules']) {
    assert.match(page, new RegExp(`<section [^>]*id="${id}"`), `section ${id}`);
  }
  assert.match(page, /Raw: 3\.65 x 1\.28 x 1\.06 x 1\.10 = 5\.4476/);
  assert.match(page, /Novel architecture design &amp; exploration/);
  assert.match(page, /<section [^>]*class="report"[^>]*><h1>AI Research Engineer \(Mid-Senior\)<\/h1>/, 'the printed report is there too');
  for (const asset of page.matchAll(/(?:href|src)="\.\.\/\.\.\/([^"#?]+)"/g)) {
    assert.ok(fs.existsSync(path.join(dist, asset[1])), `${asset[1]} exists`);
  }
});

test('the catalog is generated from the role files: a small index, and the names for search', () => {
  // The published role, then the derived O*NET catalog (build/catalog/derived, from scripts/import-onet.mjs).
  const derived = fs.readdirSync(path.join(root, 'build/catalog/derived')).length;
  assert.deepEqual(JSON.parse(read('data/index.json')), { format: 'jobzone-catalog/2', default: ROLE, count: 1 + derived, published: 1, derived });
  const search = JSON.parse(read('data/search.json'));
  assert.equal(search.format, 'jobzone-search/2');
  // [id, title, seniority, category, titles of at most two words, kind, employment, not-this-role lines]
  const reference = JSON.parse(fs.readFileSync(path.join(root, 'web/data/roles', `${ROLE}.json`), 'utf8'));
  assert.deepEqual(search.roles[0], [ROLE, 'AI Research Engineer', 'Mid-Senior', 'AI Research & Governance',
    ['AI Researcher', 'ML Researcher'], '', 0, reference.role.not_this_role]);
  assert.deepEqual(JSON.parse(read('data/titles.json')).roles[ROLE], ['AI Research Assistant', 'AI Research Scientist', 'Machine Learning Researcher'],
    'longer titles load after');
  assert.equal(search.roles.length, 1 + derived);
  assert.deepEqual(search.roles.find((r) => r[0] === 'onet-53-3032-00').slice(0, 4),
    ['onet-53-3032-00', 'Heavy and Tractor-Trailer Truck Drivers', '', 'Transportation and Material Moving Occupations']);
  assert.ok(search.roles.slice(1).every((r) => r[5] === 'd'));
  assert.ok(fs.existsSync(path.join(dist, 'data/roles', `${ROLE}.json`)), 'each role under its id');
  assert.equal(fs.existsSync(path.join(root, 'web/data/index.json')), false, 'no catalog kept by hand');
});

async function engine() {
  const names = JSON.parse(fs.readFileSync(path.join(root, 'build/site-manifest.json'), 'utf8'));
  return nodeEngine(path.join(root, 'build/wasm/wasm/jobzone.js'), path.join(dist, 'assets', names.wasm));
}

test('with a base URL: absolute oEmbed html, canonical and og:url, a sitemap, robots.txt and an Atom feed', async () => {
  const out = tempDir('publish');
  const roles = tempDir('roles');
  const a = JSON.parse(fs.readFileSync(path.join(root, 'web/data/roles', `${ROLE}.json`), 'utf8'));
  a.history = [{ date: '2026-03-01', score: 58.2, label: 'Green (Transforming)', note: 'Tools <improved> & "spread"' }, { date: '2026-09-01', score: 61.9, label: 'Green (Accelerated)' }];
  fs.writeFileSync(path.join(roles, 'a.json'), JSON.stringify(a));
  await publishRoles({ out, rolesDir: roles, engine: await engine(), baseUrl: 'https://jobs.example/jz/', shell });
  const o = JSON.parse(fs.readFileSync(path.join(out, 'oembed', `${ROLE}.json`), 'utf8'));
  assert.match(o.html, /src="https:\/\/jobs\.example\/jz\/embed\.html\?role=ai-research-engineer-mid-senior"/);
  assert.equal(o.provider_url, 'https://jobs.example/jz/');
  const page = fs.readFileSync(path.join(out, 'roles', ROLE, 'index.html'), 'utf8');
  assert.match(page, /<link rel="canonical" href="https:\/\/jobs\.example\/jz\/roles\/ai-research-engineer-mid-senior\/">/);
  assert.match(page, /<meta property="og:url" content="https:\/\/jobs\.example\/jz\/roles\/ai-research-engineer-mid-senior\/">/);
  assert.match(page, /href="https:\/\/jobs\.example\/jz\/oembed\/ai-research-engineer-mid-senior\.json"/);
  const sitemap = fs.readFileSync(path.join(out, 'sitemap.xml'), 'utf8');
  assert.match(sitemap, /<url><loc>https:\/\/jobs\.example\/jz\/roles\/ai-research-engineer-mid-senior\/<\/loc><lastmod>2026-09-01<\/lastmod><\/url>/);
  assert.match(fs.readFileSync(path.join(out, 'robots.txt'), 'utf8'), /^Sitemap: https:\/\/jobs\.example\/jz\/sitemap\.xml$/m);
  const feed = fs.readFileSync(path.join(out, 'feed.xml'), 'utf8');
  assert.match(feed, /<entry>\n<title>AI Research Engineer \(Mid-Senior\): 61\.9 Green \(Accelerated\)<\/title>\n<id>tag:jobzone,2026:ai-research-engineer-mid-senior:2026-09-01<\/id>/);
  assert.match(feed, /<summary>Tools &lt;improved&gt; &amp; &quot;spread&quot;<\/summary>/, 'escaped for XML');
  assert.ok(feed.indexOf('2026-09-01') < feed.indexOf('2026-03-01'), 'newest first');
  fs.rmSync(out, { recursive: true, force: true });
  fs.rmSync(roles, { recursive: true, force: true });
});

test('the folder decides a role\'s kind, never the file; a derived id that clashes stops the build', async () => {
  const roles = tempDir('roles');
  const derived = tempDir('derived');
  const out = tempDir('publish');
  const good = JSON.parse(fs.readFileSync(path.join(root, 'web/data/roles', `${ROLE}.json`), 'utf8'));
  // A published file that says "derived", and a derived one (the importer's fixture) that says "published".
  fs.writeFileSync(path.join(roles, `${ROLE}.json`), JSON.stringify({ ...good, kind: 'derived' }));
  const zoo = JSON.parse(fs.readFileSync(path.join(root, 'tests/data/onet-fixture/expected/onet-19-1023-00.json'), 'utf8'));
  fs.writeFileSync(path.join(derived, 'onet-19-1023-00.json'), JSON.stringify({ ...zoo, kind: 'published' }));
  await publishRoles({ out, rolesDir: roles, derivedDir: derived, engine: await engine(), shell, previews: false });
  const kindOf = (id) => JSON.parse(fs.readFileSync(path.join(out, 'data/roles', `${id}.json`), 'utf8')).kind;
  assert.equal(kindOf(ROLE), 'published');
  assert.equal(kindOf('onet-19-1023-00'), 'derived');
  assert.equal(JSON.parse(fs.readFileSync(path.join(out, 'data/cards/onet-19-1023-00.json'), 'utf8')).kind, 'derived');
  assert.deepEqual(JSON.parse(fs.readFileSync(path.join(out, 'data/index.json'), 'utf8')),
    { format: 'jobzone-catalog/2', default: ROLE, count: 2, published: 1, derived: 1 });
  assert.doesNotMatch(fs.readFileSync(path.join(out, 'feed.xml'), 'utf8'), /onet-/);
  // A derived document under a published role's id is refused, by file.
  fs.writeFileSync(path.join(derived, 'clash.json'), JSON.stringify({ ...zoo, id: ROLE }));
  await assert.rejects(publishRoles({ out, rolesDir: roles, derivedDir: derived, engine: await engine(), shell, previews: false }),
    /^Error: the catalog has 1 problem:\nclash\.json: id: “ai-research-engineer-mid-senior” is also the id of a published role$/);
});

test('a folder with invalid assessments stops the build, listing every problem by file and path', async () => {
  const roles = tempDir('roles');
  const good = JSON.parse(fs.readFileSync(path.join(root, 'web/data/roles', `${ROLE}.json`), 'utf8'));
  fs.writeFileSync(path.join(roles, 'a-good.json'), JSON.stringify(good));
  fs.writeFileSync(path.join(roles, 'b-bad.json'), JSON.stringify({ ...good, id: 'b', tasks: good.tasks.map((t, i) => (i === 2 ? { ...t, score: 9 } : t)), ai_growth_correlation: 5 }));
  fs.writeFileSync(path.join(roles, 'c-twin.json'), JSON.stringify(good));
  fs.writeFileSync(path.join(roles, 'd-broken.json'), '{ "format": ');
  await assert.rejects(publishRoles({ out: roles, rolesDir: roles, engine: await engine(), shell }), (error) => {
    assert.match(error.message, /the catalog has 4 problems/);
    assert.match(error.message, /^b-bad\.json: tasks\[2\]\.score: must be an integer from 1 to 5, got 9$/m);
    assert.match(error.message, /^b-bad\.json: ai_growth_correlation: /m);
    assert.match(error.message, /^c-twin\.json: id: “ai-research-engineer-mid-senior” is also the id of a-good\.json$/m);
    assert.match(error.message, /^d-broken\.json: /m);
    return true;
  });
  fs.rmSync(roles, { recursive: true, force: true });
});

test('preview images are kept by content: a rebuild reuses each unchanged one and renders only what changed', async () => {
  const out = tempDir('publish');
  const roles = tempDir('roles');
  const imageCache = tempDir('og-cache');
  const a = JSON.parse(fs.readFileSync(path.join(root, 'web/data/roles', `${ROLE}.json`), 'utf8'));
  fs.writeFileSync(path.join(roles, 'a.json'), JSON.stringify(a));
  fs.writeFileSync(path.join(roles, 'b.json'), JSON.stringify({ ...a, id: 'second-role', role: { ...a.role, title: 'Second Role' } }));
  const build = async () => {
    const lines = [];
    await publishRoles({ out, rolesDir: roles, engine: await engine(), shell, imageCache, log: (l) => lines.push(l) });
    return lines.find((l) => l.startsWith('preview images:'));
  };
  assert.match(await build(), /^preview images: 2 rendered, 0 reused/);
  const first = fs.readFileSync(path.join(out, 'og', 'second-role.png'));
  assert.match(await build(), /^preview images: 0 rendered, 2 reused/);
  assert.deepEqual(fs.readFileSync(path.join(out, 'og', 'second-role.png')), first, 'the same image');
  // A changed score changes that role's image only.
  fs.writeFileSync(path.join(roles, 'b.json'), JSON.stringify({ ...a, id: 'second-role', role: { ...a.role, title: 'Second Role' }, ai_growth_correlation: -1 }));
  assert.match(await build(), /^preview images: 1 rendered, 1 reused/);
  assert.notDeepEqual(fs.readFileSync(path.join(out, 'og', 'second-role.png')), first);
  // Without previews: no images, and the pages say nothing of one.
  const bare = tempDir('publish');
  await publishRoles({ out: bare, rolesDir: roles, engine: await engine(), shell, previews: false });
  assert.equal(fs.existsSync(path.join(bare, 'og')), false);
  assert.doesNotMatch(fs.readFileSync(path.join(bare, 'roles', 'second-role', 'index.html'), 'utf8'), /og:image/);
  for (const dir of [out, roles, imageCache, bare]) fs.rmSync(dir, { recursive: true, force: true });
});
