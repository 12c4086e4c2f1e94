// Zone presentation lives in one module (web/js/lib/zones.js): every pair of text and background
// colour keeps WCAG AA contrast, and no other file writes a zone colour of its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { root } from '../e2e/browser.mjs';
import { ZONE_KEYS, ZONE_COLOURS, BADGE_COLOURS, zoneClass, zoneOdds, zoneStylesheet } from '../../web/js/lib/zones.js';

const luminance = (hex) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a, b) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};
const CARD = { light: '#ffffff', dark: '#161b22' }; // the page's and the widget's card backgrounds

test('every zone colour pair keeps AA contrast (4.5:1), light and dark', () => {
  for (const scheme of ['light', 'dark']) {
    for (const z of ZONE_KEYS) {
      const c = ZONE_COLOURS[scheme][z];
      assert.ok(contrast(c.ink, c.paper) >= 4.5, `${scheme} ${z}: ink on paper ${contrast(c.ink, c.paper).toFixed(2)}`);
      assert.ok(contrast(c.ink, CARD[scheme]) >= 4.5, `${scheme} ${z}: ink on the card ${contrast(c.ink, CARD[scheme]).toFixed(2)}`);
    }
  }
  for (const z of ZONE_KEYS) assert.ok(contrast(BADGE_COLOURS[z].fill, BADGE_COLOURS[z].text) >= 4.5, `badge ${z}`);
});

test('classes, odds in words and the stylesheet block come from the one module', () => {
  assert.deepEqual(ZONE_KEYS.map(zoneClass), ['z-green', 'z-yellow', 'z-red']);
  assert.equal(zoneClass('PURPLE'), '');
  const zones = [{ zone: 'GREEN', name: 'Green' }, { zone: 'YELLOW', name: 'Yellow' }, { zone: 'RED', name: 'Red' }];
  assert.equal(zoneOdds(zones, { GREEN: 0.55, YELLOW: 0.45 }), 'Green 55.0% · Yellow 45.0% · Red 0.0%');
  assert.match(zoneStylesheet(), /^:root \{ --green: #1a7f37; --green-bg: #dafbe1; --band-green: #4ac26b;/);
  assert.match(zoneStylesheet(), /@media \(prefers-color-scheme: dark\) \{ :root \{ --green: #56d364;/);
});

test('no other file writes a zone colour: the stylesheet, widget, badge and preview image take them from here', () => {
  const values = new Set(Object.values(ZONE_COLOURS).flatMap((s) => Object.values(s).flatMap((c) => Object.values(c))).map((v) => v.toLowerCase()));
  const files = ['web/app.css', 'web/js/embed/embed.js', 'web/js/embed/badge.js', 'scripts/og-image.mjs', 'web/js/render/charts.js', 'web/js/render/view.js'];
  for (const f of files) {
    const text = fs.readFileSync(path.join(root, f), 'utf8').toLowerCase();
    const found = [...text.matchAll(/#[0-9a-f]{6}\b/g)].map((m) => m[0]).filter((hex) => values.has(hex));
    assert.deepEqual(found, [], `${f} writes zone colours of its own`);
  }
  const built = fs.readdirSync(path.join(root, 'dist/assets')).find((f) => f.endsWith('.css'));
  assert.ok(fs.readFileSync(path.join(root, 'dist/assets', built), 'utf8').startsWith(':root{--green: #1a7f37'), 'the built stylesheet starts with them');
});

test('the limits and defaults the page uses come from the methodology (the widget\'s id limit agrees with it)', async () => {
  const m = JSON.parse(fs.readFileSync(path.join(root, 'core/methodology.json'), 'utf8'));
  const { MAX_ID_CHARS, ROLE_ID, roleIdPattern } = await import('../../web/js/lib/card.js');
  const { bandShare, noChange } = await import('../../web/js/lib/format.js');
  const { newTask } = await import('../../web/js/tasks/task-actions.js');
  assert.equal(MAX_ID_CHARS, m.limits.max_id_chars);
  assert.equal(ROLE_ID.source, roleIdPattern(m.limits.max_id_chars).source);
  assert.ok(ROLE_ID.test('a'.repeat(m.limits.max_id_chars)) && !ROLE_ID.test('a'.repeat(m.limits.max_id_chars + 1)));
  assert.equal(bandShare(m), '80%');
  assert.equal(noChange(m, 0.049), true);
  assert.equal(noChange(m, 0.05), false);
  assert.deepEqual(newTask(m, 2), { name: 'Task 3', time_pct: 0, score: m.new_task.score, impact: m.new_task.impact, confidence: 'unsure' });
  // A job of your own starts with nothing chosen (issue 29): the template marks every judged input
  // not sure, at the middle of its scale, and leaves the protective principles unjudged.
  const t = JSON.parse(fs.readFileSync(path.join(root, 'web/data/template.json'), 'utf8'));
  const middle = (s) => (s.min + s.max) / 2;
  assert.ok(t.tasks.every((x) => x.confidence === 'unsure' && x.score === middle(m.inputs.task_score)));
  for (const k of ['evidence', 'barriers']) {
    for (const d of m.inputs[k].dimensions) assert.ok(t[k][d.key] === middle(m.inputs[k]) && t.confidence[k][d.key] === 'unsure', `${k}.${d.key}`);
  }
  assert.ok(t.ai_growth_correlation === middle(m.inputs.ai_growth_correlation) && t.confidence.ai_growth_correlation === 'unsure');
  assert.ok(m.inputs.protective.dimensions.every((d) => t.protective[d.key] === null));
  for (const block of [m.new_task, m.own_start, m.rounding, m.insight]) assert.ok(['published', 'assumed'].includes(block.status));
});
