// Catalog search (web/js/catalog/search.js): by any title, every query word within ONE title
// (exactly, a plural "s" aside; as a prefix; or from four letters with one typo); ranked exact
// title > every word whole > prefixes > typos > category, titles loaded first above longer ones,
// then US employment, then the id. Checked on synthetic names (test data, never shipped) against
// a plain reading of the same rules, and on the real catalog (dist/, built by scripts/build):
// twenty words a person would type, each to the occupation it must find first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIndex, search, words, loadsFirst, TIER, matchWords } from '../../web/js/catalog/search.js';
import { TWENTY } from './search-words.mjs';

const roles = [
  { id: 'nurse', title: 'Registered Nurse', seniority: 'Mid', category: 'Healthcare', aliases: ['RN', 'Staff nurse'], employment: 3000 },
  { id: 'nurse-practitioner', title: 'Nurse Practitioner', category: 'Healthcare', employment: 200 },
  { id: 'accountant', title: 'Accountant', seniority: 'Senior', category: 'Finance', aliases: ['CPA'] },
  { id: 'truck', title: 'Truck Driver', category: 'Transport', aliases: ['HGV driver', 'Lorry driver'] },
  { id: 'cafe', title: 'Café Owner', category: 'Hospitality' },
  { id: 'ml', title: 'AI Research Engineer', category: 'AI Research', aliases: ['ML Researcher'], not: ['ML engineer running inference pipelines'] },
  { id: 'nursery', title: 'Nursery Worker', category: 'Farming', aliases: ['Nursery Hand'], employment: 90000 },
];
const index = buildIndex(roles);
const ids = (q, list = index) => search(list, q).results.map((r) => r.role.id);

test('every word within one title: prefixes, accents, aliases, a category last', () => {
  assert.deepEqual(ids('registered nur'), ['nurse']);
  assert.deepEqual(ids('cafe'), ['cafe']);
  assert.deepEqual(ids('CAFÉ own'), ['cafe']);
  assert.deepEqual(ids('lorry'), ['truck'], 'an alias');
  assert.deepEqual(ids('finance'), ['accountant'], 'a category');
  assert.deepEqual(ids('plumber'), []);
  // "ML" is a word of one title and "engineer" of another: no title has both; and the role says
  // it is not an "ML engineer".
  assert.deepEqual(ids('ml engineer'), []);
  assert.deepEqual(ids('ml researcher'), ['ml']);
  assert.equal(search(index, '').total, roles.length);
});

test('ranking: an exact title, then whole words, then prefixes; then employment; the title that matched', () => {
  // "nurse": an exact title of none, a whole word of two; "nursery" only as a prefix, however large.
  assert.deepEqual(ids('nurse'), ['nurse', 'nurse-practitioner', 'nursery']);
  const [first, , third] = search(index, 'nurse').results;
  assert.equal(first.tier, TIER.whole);
  assert.equal(third.tier, TIER.prefix);
  // "staff nurse" and "rn" are titles of the nurse's own: exact, and said.
  const staff = search(index, 'staff nurse');
  assert.deepEqual([staff.results[0].role.id, staff.results[0].title, staff.results[0].tier, staff.exact], ['nurse', 'Staff nurse', TIER.exact, 1]);
  assert.equal(search(index, 'RN').results[0].title, 'RN');
  assert.equal(search(index, 'nurses').results[0].role.id, 'nurse', 'a plural finds the singular');
  // Ties in tier and employment: the id decides (an O*NET .00 code before its children).
  const twins = buildIndex([{ id: 'onet-1-01', title: 'Nurse B', aliases: ['Nurse'], employment: 5 }, { id: 'onet-1-00', title: 'Nurse A', aliases: ['Nurse'], employment: 5 }]);
  assert.deepEqual(ids('nurse', twins), ['onet-1-00', 'onet-1-01']);
  // "Registered Nurse (RN)" is also "Registered Nurse" and "RN", typed whole.
  const paren = buildIndex([{ id: 'a', title: 'Ward Clerk', aliases: ['Registered Nurse (RN)'] }, { id: 'b', title: 'RN Educator', employment: 9 }]);
  assert.deepEqual(search(paren, 'rn').results.map((r) => [r.role.id, r.tier]), [['a', TIER.exact], ['b', TIER.whole]]);
});

test('one typo from four letters up: changed, missing, extra or swapped letters', () => {
  assert.deepEqual(ids('acountant'), ['accountant'], 'a letter missing');
  assert.deepEqual(ids('accountnat'), ['accountant'], 'two swapped');
  assert.deepEqual(ids('truk driver'), ['truck'], 'a letter missing, as a prefix');
  assert.deepEqual(ids('driverr'), ['truck'], 'a letter extra');
  assert.deepEqual(ids('nuz'), [], 'no typos in words under four letters');
  assert.deepEqual(ids('acccountantt'), [], 'two typos are too many');
  assert.equal(search(index, 'nurze').results[0].tier, TIER.typo);
});

test('the longer titles load later and add results below, never above, those of the first part', () => {
  const list = [
    { id: 'big', title: 'Office Clerk', employment: 1000 },
    { id: 'small', title: 'Records Clerk', employment: 10 },
  ];
  const more = { big: ['Senior Records Office Clerk'], small: ['Clerk of the Records Office'] }; // (as the build splits them: three words and more)
  assert.ok(loadsFirst('Staff Nurse') && loadsFirst('Registered Nurse (RN)') && !loadsFirst('Senior Records Office Clerk'));
  const first = buildIndex(list);
  const full = buildIndex(list, more);
  for (const q of ['clerk', 'records clerk', 'office', 'rec']) {
    const a = search(first, q).results.map((r) => r.role.id);
    const b = search(full, q).results.map((r) => r.role.id);
    // What the first part ranked keeps its order in the full answer (a subsequence of it).
    let k = 0;
    for (const id of b) if (id === a[k]) k++;
    assert.equal(k, a.length, `${q}: ${a} within ${b}`);
  }
  // "records clerk" is a whole title of "small" (its own) and words of a long title of "big".
  assert.deepEqual(search(full, 'records clerk').results.map((r) => [r.role.id, r.title]), [['small', 'Records Clerk'], ['big', 'Senior Records Office Clerk']]);
});

test('typed a letter at a time, with typos: exactly the roles the matching rules name, and the same answers again', () => {
  const oneEdit = (a, b) => {
    if (a === b) return true;
    if (Math.abs(a.length - b.length) > 1) return false;
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  };
  // A query word matches a word: as a prefix, as the word's plural or singular, or (from four
  // letters) within one edit of the word or of its start of about the query's length.
  const matches = (q, w) => w.startsWith(q) || w === `${q}s` || q === `${w}s` || q === `${w}es` || (q.length >= 4 && (oneEdit(q, w)
    || [q.length - 1, q.length, q.length + 1].some((n) => n > 2 && n < w.length && oneEdit(q, w.slice(0, n)))));
  const parts = ['nurse', 'nursing', 'clerk', 'senior', 'driver', 'analyst', 'analysis', 'teacher', 'welder', 'pilot', 'chef', 'editor', 'agent', 'data', 'date'];
  let seed = 7;
  const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const list = Array.from({ length: 1500 }, (_, i) => ({ id: `r${i}`, title: `${parts[rand(15)]} ${parts[rand(15)]}`, category: parts[rand(15)], aliases: [`${parts[rand(15)]} ${parts[rand(15)]}`] }));
  const kept = buildIndex(list);
  for (const typed of ['senior nurse', 'snr nurse', 'senoir analsyt', 'data anlyst teacher', 'nursign', 'welder x', 'pliot chef', 'nurrse pillot', 'teachers', 'xclerk weldder', 'edtor agnet']) {
    for (let n = 1; n <= typed.length; n++) {
      const q = typed.slice(0, n);
      const got = search(kept, q, 5000);
      assert.deepEqual(got, search(buildIndex(list), q, 5000), `kept words give the same answer: "${q}"`);
      const titleOk = (t) => words(q).every((qw) => words(t).some((w) => matches(qw, w)));
      const want = list.filter((r) => [r.title, r.category, ...r.aliases].some(titleOk));
      assert.deepEqual(got.results.map((x) => x.role.id).sort(), want.map((r) => r.id).sort(), `"${q}"`);
    }
  }
});

test('a one-letter query is answered once and kept', () => {
  const list = Array.from({ length: 300 }, (_, i) => ({ id: `r${i}`, title: `${['Senior', 'Staff', 'Lead'][i % 3]} Worker ${i}` }));
  const kept = buildIndex(list);
  const first = search(kept, 's', 20);
  assert.ok(first.total > 100);
  assert.equal(search(kept, 'S', 20), first, 'kept (the same object)');
  assert.deepEqual(search(buildIndex(list), 's', 20), first, 'what a fresh index works out');
});

test('what a search found, in words for a status line', () => {
  assert.equal(matchWords(null), '');
  assert.equal(matchWords({ results: [], total: 0 }), 'No role matches.');
  assert.equal(matchWords({ results: [{}], total: 1 }), '1 role matches.');
  assert.equal(matchWords({ results: Array(8).fill({}), total: 150 }), '150 roles match; the best 8 are shown.');
});

// ---- the real catalog ---------------------------------------------------------------------

const dist = path.join(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'), 'dist');
const data = (f) => JSON.parse(fs.readFileSync(path.join(dist, 'data', f), 'utf8'));

test('the real catalog: twenty words, each to the occupation it must find first, with the first part alone too', { skip: !fs.existsSync(path.join(dist, 'data/titles.json')) && 'no dist/ (scripts/build)' }, () => {
  const rows = data('search.json').roles;
  const first = buildIndex(rows);
  const full = buildIndex(rows, data('titles.json').roles);
  const wrong = [];
  for (const [q, want] of TWENTY) {
    for (const [name, idx] of [['first part', first], ['every title', full]]) {
      const got = search(idx, q, 3).results[0]?.role.id;
      if (got !== want) wrong.push(`${q} (${name}): ${got} instead of ${want}`);
    }
  }
  assert.deepEqual(wrong, []);
  // "teacher": 22 occupations have the title; "ML engineer" finds nothing (not the AI Research
  // Engineer, whose page says it is not one); "nursery" is no "nurse".
  assert.equal(search(full, 'teacher').exact, 22);
  assert.deepEqual(search(full, 'ML engineer').results, []);
  assert.ok(search(full, 'nurse', 20).results.slice(0, 10).every((r) => !/nursery/i.test(r.title)));
  assert.equal(search(full, 'staff nurse').results[0].title, 'Staff Nurse');
});
