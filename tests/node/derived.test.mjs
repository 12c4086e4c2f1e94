// Honesty on every surface of the built site (dist/, with the derived O*NET catalog): a derived
// role is never called published, and says it was derived from O*NET tasks and research labels,
// that nobody assessed it, and that the labels measure language models; it stays out of the feed.
// The kind rules of lib/kind.js, and the CSV a derived role exports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KIND, catalogKind, ownKind, outgoingKind, withKind, ATTRIBUTION } from '../../web/js/lib/kind.js';
import { badgeSvg } from '../../web/js/embed/badge.js';
import { cardKind } from '../../web/js/lib/card.js';
import { ogSvg } from '../../scripts/og-image.mjs';
import { sourceLine, shortSource, labelKey, wagesLine } from '../../web/js/render/derived.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'dist');
const read = (file) => fs.readFileSync(path.join(dist, file), 'utf8');
const json = (file) => JSON.parse(read(file));
const NURSES = 'onet-29-1141-00';
const REFERENCE = 'ai-research-engineer-mid-senior';

test('the catalog: one published role and 923 derived, each stamped by the build', () => {
  const index = json('data/index.json');
  assert.deepEqual([index.count, index.published, index.derived, index.default], [924, 1, 923, REFERENCE]);
  assert.equal(json(`data/roles/${REFERENCE}.json`).kind, 'published');
  const nurses = json(`data/roles/${NURSES}.json`);
  assert.equal(nurses.kind, 'derived');
  assert.equal(nurses.derivation.onet_soc, '29-1141.00');
  // Search rows [id, title, seniority, category, titles, "d", employment, not-this-role]: a derived
  // role is marked "d", carries its titles of at most two words and its share of its BLS group's
  // US employment (29-1141 has five O*NET occupations in the catalog, .00 to .04: 3,047,530 / 5).
  const rows = json('data/search.json').roles;
  const row = rows.find((r) => r[0] === NURSES);
  assert.equal(row[5], 'd');
  assert.equal(row[6], Math.round(3047530 / 5));
  assert.ok(row[4].includes('Staff Nurse') && row[4].includes('RN') && row[4].includes('Nurse'));
  const reference = rows.find((r) => r[0] === REFERENCE);
  assert.notEqual(reference[5], 'd');
  assert.ok(reference[7].some((line) => line.startsWith('ML engineer')), 'what the published role is not');
  // The longer titles (three words and more) are kept apart; the first part is precached (search
  // works offline from the first visit), the longer titles are kept once loaded (a runtime route).
  const later = json('data/titles.json').roles[NURSES];
  assert.ok(later.length > 10 && later.includes('RN Case Manager'));
  assert.ok(!later.some((t) => row[4].includes(t)), 'a title is in one part only');
  assert.match(read('sw.js'), /"data\/search\.json"/);
  assert.doesNotMatch(read('sw.js'), /"data\/titles\.json"/);
  assert.match(read('sw.js'), /jobzone-search-titles/);
});

test('a derived role page says what it is, where it came from, and carries the attribution', () => {
  const page = read(`roles/${NURSES}/index.html`);
  assert.match(page, /<title>Registered Nurses: [\d.]+ [^<]*\(derived, not assessed\) · jobzone<\/title>/);
  assert.match(page, /<meta property="og:title" content="Registered Nurses: [^"]*\(derived starting point\)">/);
  assert.match(page, /A starting point derived from O\*NET task statements/);
  assert.match(page, /Derived starting point · not assessed/);
  assert.match(page, /A derived starting point, not an assessment/);
  assert.match(page, /Nobody has assessed this occupation/);
  assert.match(page, /language models \(not to robots, machines or self-driving vehicles\)/);
  assert.match(page, /Registered Nurses \(SOC 29-1141\), BLS May 2021, the whole SOC group in the U\.S\.: 3,047,530 jobs; median pay \$77,600 a year/);
  assert.ok(page.includes(ATTRIBUTION.onet.replaceAll('’', '’')), 'O*NET attribution');
  assert.ok(page.includes('https://creativecommons.org/licenses/by/4.0/'));
  assert.ok(page.includes('MIT licence'));
  assert.match(page, /From the data: human raters labelled it E2 \(exposed with software built on a language model\), so level 3; GPT-4 rated its automation T3 \(most of it\)\. O\*NET task 1841, Core\./);
  // It leads with its likely range, under its title, and offers to make it yours.
  assert.match(page, /<h1>Registered Nurses<\/h1><div [^>]*class="likely"[^>]*><p class="likely-range"><strong>Likely 33 to 53<\/strong>; Yellow 76%, Green 23%<\/p>/);
  assert.match(page, /<button data-action="adjust-guided" class="btn primary" type="button">Make it mine<\/button>/);
  // Its unjudged inputs say so where they are: evidence, barriers, the principles and AI growth.
  assert.equal(page.match(/<strong>Not judged for this occupation: <\/strong>/g).length, 3);
  // Never the published wording.
  assert.doesNotMatch(page, /Published assessment|Reset to published|published score|\(published [\d.]+\)/);
  // The derived rules are listed, each assumed with its reason.
  assert.match(page, /Core weighs 2|a Core task weighs 2/);
  // The published role's page says none of this.
  const published = read(`roles/${REFERENCE}/index.html`);
  assert.match(published, /Published assessment/);
  assert.doesNotMatch(published, /derived starting point|Derived starting point/i);
});

test('the card, badge, preview image and oEmbed answer of a derived role say so; the feed leaves it out', () => {
  const card = json(`data/cards/${NURSES}.json`);
  assert.equal(card.kind, 'derived');
  assert.equal(json(`data/cards/${REFERENCE}.json`).kind, 'published', 'every card says which it is');
  const badge = read(`badge/${NURSES}.svg`);
  assert.match(badge, /AI exposure \(derived\)/);
  assert.match(badge, /derived from O\*NET data and research labels, not assessed/);
  assert.deepEqual(badgeSvg(card).svg, badge);
  assert.match(ogSvg(card), /derived from O\*NET data, not assessed/);
  assert.doesNotMatch(ogSvg(json(`data/cards/${REFERENCE}.json`)), /derived/);
  assert.match(ogSvg(json(`data/cards/${REFERENCE}.json`)), /jobzone · published assessment, JobZone method/);
  // A card of someone's own (the page's Embed panel, a widget's state) says self-assessed everywhere.
  const own = { ...card, kind: 'self' };
  assert.match(badgeSvg(own).svg, /AI exposure \(self-assessed\)/);
  assert.match(badgeSvg(own).alt, /\(self-assessed with jobzone, not published\)$/);
  assert.match(ogSvg(own), /jobzone · self-assessed, not published/);
  assert.equal(cardKind({ ...card, kind: 'adjusted' }), 'self', 'adjusted from a derived start is self-assessed');
  assert.ok(fs.existsSync(path.join(dist, `og/${NURSES}.png`)));
  assert.match(json(`oembed/${NURSES}.json`).title, /Registered Nurses/);
  const feed = read('feed.xml');
  assert.doesNotMatch(feed, /onet-|derived/i);
});

test('kinds: only the catalog says published; changed derived is adjusted; own is never published', () => {
  const derived = { kind: 'derived', derivation: { onet_soc: '29-1141.00' }, tasks: [] };
  const published = { kind: 'published', tasks: [] };
  assert.equal(catalogKind(derived), 'derived');
  assert.equal(catalogKind(published), 'published');
  assert.equal(catalogKind({}), 'published');
  // A file or link that claims published is your own; one with a derivation is adjusted.
  assert.equal(ownKind(published), null);
  assert.equal(ownKind(derived), 'adjusted');
  assert.equal(ownKind({ derivation: {} }), 'adjusted');
  assert.equal(outgoingKind({ mode: 'published', current: derived, baseline: derived }), 'derived');
  assert.equal(outgoingKind({ mode: 'published', current: { ...derived, evidence: 1 }, baseline: derived }), 'adjusted');
  assert.equal(outgoingKind({ mode: 'published', current: published, baseline: published }), 'published');
  assert.equal(outgoingKind({ mode: 'published', current: { ...published, evidence: 1 }, baseline: published }), null);
  assert.equal(outgoingKind({ mode: 'own', current: published, baseline: null }), null);
  assert.deepEqual(withKind(published, null), { tasks: [] });
  assert.deepEqual(withKind(derived, 'adjusted').kind, 'adjusted');
  assert.equal(KIND.derived.badge, 'Derived');
});

test('a task\'s provenance and the SOC group\'s figures, in words', () => {
  const m = JSON.parse(fs.readFileSync(new URL('../../core/methodology.json', import.meta.url), 'utf8'));
  assert.equal(sourceLine({ task_id: 1841, task_type: 'Core', human_exposure: 'E2', gpt4_exposure: 'E2', gpt4_automation: 'T3' }, m),
    'From the data: human raters labelled it E2 (exposed with software built on a language model), so level 3; GPT-4 rated its automation T3 (most of it). O*NET task 1841, Core.');
  assert.equal(sourceLine({ task_id: 7, task_type: 'Supplemental', human_exposure: 'E1', gpt4_automation: 'T1' }, m),
    'From the data: human raters labelled it E1 (a language model alone could halve its time), so level 4; GPT-4 rated its automation T1 (a little of it). O*NET task 7, Supplemental.');
  assert.equal(sourceLine({ task_id: 23957, task_type: 'Core' }), 'From the data: no exposure label for this task, so the middle level, not sure. O*NET task 23957, Core.');
  assert.equal(sourceLine({ task_id: 5 }), 'From the data: no exposure label for this task, so the middle level, not sure. O*NET task 5, no task type.');
  assert.equal(sourceLine(undefined), '');
  // The report's table: a short code per task, and the codes in words once above it.
  assert.equal(shortSource({ task_id: 1841, task_type: 'Core', human_exposure: 'E2', gpt4_automation: 'T3' }, m), 'E2 → 3 · T3 · task 1841, Core');
  assert.equal(shortSource({ task_id: 5 }, m), 'no label → 3, not sure · task 5, no type');
  assert.equal(shortSource(undefined, m), '');
  assert.equal(labelKey([{ source: { human_exposure: 'E2', gpt4_automation: 'T3' } }, { source: { human_exposure: 'E0', gpt4_automation: 'T3' } }, {}]),
    'Where each level came from: the human raters\' exposure label and the level it gives (→), GPT-4\'s automation rating, and O*NET\'s Task ID. E0: not exposed to language models; E2: exposed with software built on a language model; T3: most of it.');
  assert.equal(labelKey([{ name: 'a task of your own' }]), '');
  assert.equal(wagesLine({ code: '11-1031', title: 'Legislators', year: 2021, employment: 44590 }),
    'Legislators (SOC 11-1031), BLS May 2021, the whole SOC group in the U.S.: 44,590 jobs');
  assert.equal(wagesLine({ code: '11-1031', title: 'Legislators', year: 2021 }), null);
});
