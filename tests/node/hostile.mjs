// Hostile documents for the node and browser suites (the Catch2 list lives in tests/hostile.h).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const reference = JSON.parse(fs.readFileSync(path.join(root, 'web/data/roles/ai-research-engineer-mid-senior.json'), 'utf8'));
const edit = (fn) => { const d = structuredClone(reference); fn(d); return JSON.stringify(d); };

/** [name, text, expected first error path] */
export function hostileDocuments() {
  const text = JSON.stringify(reference);
  const task = reference.tasks[0];
  return [
    ['not JSON', 'this is not JSON', '(root)'],
    ['truncated', text.slice(0, text.length / 2), '(root)'],
    ['nesting 10,000 deep', '['.repeat(10000) + ']'.repeat(10000), '[0]'.repeat(16)],
    ['10 MB document', `{"x-pad":"${'a'.repeat(10 << 20)}"}`, '(root)'],
    ['10,000 tasks', edit((d) => { d.tasks = Array.from({ length: 10000 }, () => task); }), 'tasks'],
    ['1e308 share', edit((d) => { d.tasks[0].time_pct = 1e308; }), 'tasks[0].time_pct'],
    ['fractional score', edit((d) => { d.tasks[1].score = 2.5; }), 'tasks[1].score'],
    ['negative barrier', edit((d) => { d.barriers.physical_presence = -1; }), 'barriers.physical_presence'],
    ['string growth', edit((d) => { d.ai_growth_correlation = '2'; }), 'ai_growth_correlation'],
    ['missing evidence', edit((d) => { delete d.evidence; }), 'evidence'],
    ['duplicated key', '{"format":"jobzone-assessment/1","format":"jobzone-assessment/1"}', 'format'],
    ['unknown key', edit((d) => { d.evidance = {}; }), 'evidance'],
    ['control character', edit((d) => { d.tasks[0].name = 'bell\u0007'; }), 'tasks[0].name'],
    ['lone surrogate escape', text.replace('"Novel', '"\\ud800Novel'), '(root)'],
  ];
}

/**
 * Titles built to break out of the snippets' markup: each payload, if it ever ran, would open a
 * dialog or set window.__pwned. The node suite checks the escaping, the browser suite pastes the
 * snippets the app generates into a page on another origin.
 */
export const HOSTILE_TITLES = [
  'Nurse</a><img src=x onerror=alert(document.domain)>',
  'Nurse" onload="alert(1)"',
  "Nurse' onmouseover='window.__pwned=1' x='",
  'R&D <b>lead</b> & "Ops"',
  '</textarea><script>window.__pwned=1</script>',
  '</iframe><svg onload=window.__pwned=1>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '"><jobzone-score role="x" onclick="window.__pwned=1">',
  '=HYPERLINK("http://evil.example","x")',
];
