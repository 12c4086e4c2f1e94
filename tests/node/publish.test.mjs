// What the build publishes per role: the card figures (the same as the core computes), the badge,
// the oEmbed answer with its discovery link, and a static page readable with no JavaScript.
// Checked on dist/ (relative links) and on a build with a base URL (absolute links).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root } from '../e2e/browser.mjs';
import { nodeEngine, publishRoles } from '../../scripts/publish.mjs';
import { CARD_FRAME } from '../../web/js/snippets.js';

const ROLE = 'ai-research-engineer-mid-senior';
const dist = path.join(root, 'dist');
const read = (...p) => fs.readFileSync(path.join(dist, ...p), 'utf8');

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

test('the static role page shows the score, zone and label with no script at all', () => {
  const page = read('roles', ROLE, 'index.html');
  assert.doesNotMatch(page, /<script/);
  assert.match(page, /script-src &#39;none&#39;/);
  assert.match(page, /<title>AI Research Engineer \(Mid-Senior\): 61\.9 Green \(Accelerated\) · jobzone<\/title>/);
  assert.match(page, /<span class="big-score">61\.9<\/span>/);
  assert.match(page, /Green \(Accelerated\)<\/span> Green zone · Protected/);
  assert.match(page, /<meta property="og:title" content="AI Research Engineer \(Mid-Senior\): 61\.9 Green \(Accelerated\)">/);
  assert.match(page, /href="\.\.\/\.\.\/\?role=ai-research-engineer-mid-senior"/);
  const css = page.match(/href="\.\.\/\.\.\/(assets\/app-[A-Z0-9]+\.css)"/)[1];
  assert.ok(fs.existsSync(path.join(dist, css)), 'its stylesheet is the built one');
});

test('with a base URL, oEmbed html, discovery and canonical links are absolute', async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'jobzone-publish-'));
  const names = JSON.parse(fs.readFileSync(path.join(root, 'build/site-manifest.json'), 'utf8'));
  const engine = await nodeEngine(path.join(root, 'build/wasm/wasm/jobzone.js'), path.join(dist, 'assets', names.wasm));
  publishRoles({ out, web: path.join(root, 'web'), engine, baseUrl: 'https://jobs.example/jz/', css: names.css });
  const o = JSON.parse(fs.readFileSync(path.join(out, 'oembed', `${ROLE}.json`), 'utf8'));
  assert.match(o.html, /src="https:\/\/jobs\.example\/jz\/embed\.html\?role=ai-research-engineer-mid-senior"/);
  assert.equal(o.provider_url, 'https://jobs.example/jz/');
  const page = fs.readFileSync(path.join(out, 'roles', ROLE, 'index.html'), 'utf8');
  assert.match(page, /<link rel="canonical" href="https:\/\/jobs\.example\/jz\/roles\/ai-research-engineer-mid-senior\/">/);
  assert.match(page, /href="https:\/\/jobs\.example\/jz\/oembed\/ai-research-engineer-mid-senior\.json"/);
  fs.rmSync(out, { recursive: true, force: true });
});

test('a catalog with an invalid assessment stops the build, naming the file and the field', async () => {
  const web = fs.mkdtempSync(path.join(os.tmpdir(), 'jobzone-web-'));
  fs.mkdirSync(path.join(web, 'data/roles'), { recursive: true });
  const bad = JSON.parse(fs.readFileSync(path.join(root, 'web/data/roles', `${ROLE}.json`), 'utf8'));
  bad.tasks[2].score = 9;
  fs.writeFileSync(path.join(web, 'data/roles/bad.json'), JSON.stringify(bad));
  fs.writeFileSync(path.join(web, 'data/index.json'), JSON.stringify({ format: 'jobzone-catalog/1', default: 'bad', roles: [{ id: 'bad', title: 'Bad', file: 'roles/bad.json' }] }));
  const names = JSON.parse(fs.readFileSync(path.join(root, 'build/site-manifest.json'), 'utf8'));
  const engine = await nodeEngine(path.join(root, 'build/wasm/wasm/jobzone.js'), path.join(dist, 'assets', names.wasm));
  assert.throws(() => publishRoles({ out: web, web, engine, css: names.css }), /roles\/bad\.json: tasks\[2\]\.score: must be an integer from 1 to 5, got 9/);
  fs.rmSync(web, { recursive: true, force: true });
});
