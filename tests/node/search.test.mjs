// Catalog search: every query word must match a word of a role (prefix, or one typo from four
// letters up), titles rank above aliases and categories; checked against a brute-force reading
// of the same rules on synthetic names (test data, never shipped).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildIndex, search, words } from '../../web/js/catalog/search.js';

const roles = [
  { id: 'nurse', title: 'Registered Nurse', seniority: 'Mid', category: 'Healthcare', aliases: ['RN', 'Staff nurse'] },
  { id: 'nurse-practitioner', title: 'Nurse Practitioner', category: 'Healthcare' },
  { id: 'accountant', title: 'Accountant', seniority: 'Senior', category: 'Finance', aliases: ['CPA'] },
  { id: 'truck', title: 'Truck Driver', category: 'Transport', aliases: ['HGV driver', 'Lorry driver'] },
  { id: 'cafe', title: 'Café Owner', category: 'Hospitality' },
  { id: 'ml', title: 'AI Research Engineer', seniority: 'Mid-Senior', category: 'AI Research & Governance', aliases: ['Machine Learning Researcher'] },
];
const index = buildIndex(roles);
const ids = (q) => search(index, q).results.map((r) => r.role.id);

test('prefixes, every word, accents, aliases and categories', () => {
  assert.deepEqual(ids('nur'), ['nurse-practitioner', 'nurse']);
  assert.deepEqual(ids('registered nur'), ['nurse']);
  assert.deepEqual(ids('cafe'), ['cafe']);
  assert.deepEqual(ids('CAFÉ own'), ['cafe']);
  assert.deepEqual(ids('lorry'), ['truck'], 'an alias');
  assert.deepEqual(ids('finance'), ['accountant'], 'a category');
  assert.deepEqual(ids('machine learning'), ['ml']);
  assert.deepEqual(ids('plumber'), []);
  assert.equal(search(index, '').total, roles.length);
});

test('one typo from four letters up: changed, missing, extra or swapped letters', () => {
  assert.deepEqual(ids('acountant'), ['accountant'], 'a letter missing');
  assert.deepEqual(ids('accountnat'), ['accountant'], 'two swapped');
  assert.deepEqual(ids('truk driver'), ['truck'], 'a letter missing, as a prefix');
  assert.deepEqual(ids('nurze'), ['nurse-practitioner', 'nurse'], 'a letter changed');
  assert.deepEqual(ids('driverr'), ['truck'], 'a letter extra');
  assert.deepEqual(ids('nuz'), [], 'no typos in words under four letters');
  assert.deepEqual(ids('acccountantt'), [], 'two typos are too many');
});

test('titles rank above aliases', () => {
  const list = buildIndex([{ id: 'a', title: 'Data clerk', aliases: ['Nurse aide'] }, { id: 'b', title: 'Nurse' }]);
  assert.deepEqual(search(list, 'nurse').results.map((r) => r.role.id), ['b', 'a']);
});

test('compact rows from data/search.json index the same', () => {
  const rows = roles.map((r) => [r.id, r.title, r.seniority ?? '', r.category ?? '', r.aliases ?? []]);
  const compact = buildIndex(rows);
  for (const q of ['nur', 'lorry', 'acountant', 'cafe own']) assert.deepEqual(search(compact, q).results.map((r) => r.role.id), ids(q), q);
});

test('on 2,000 synthetic names, every prefix query finds exactly the roles a plain scan finds', () => {
  const parts = ['data', 'nurse', 'clerk', 'senior', 'driver', 'analyst', 'teacher', 'welder', 'pilot', 'chef', 'editor', 'agent'];
  let seed = 11;
  const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const many = Array.from({ length: 2000 }, (_, i) => ({ id: `r${i}`, title: `${parts[rand(12)]} ${parts[rand(12)]} ${i}`, category: parts[rand(12)] }));
  const big = buildIndex(many);
  for (const q of ['nur', 'dat cle', 'pilot 1', 'chef editor', 'wel', 'n', 'da', '19', 'pi 12', 'zz', 'a ag']) {
    const want = many.filter((r) => words(q).every((qw) => words(`${r.title} ${r.category}`).some((w) => w.startsWith(qw)))).map((r) => r.id).sort();
    const got = search(big, q, 10000).results.map((r) => r.role.id).sort();
    // Typo matches (four letters up) may add roles, never lose one; a query of shorter words
    // (whose words are looked up in one range of the sorted vocabulary) finds exactly these.
    if (words(q).every((w) => w.length < 4)) assert.deepEqual(got, want, q);
    else for (const id of want) assert.ok(got.includes(id), `${q}: ${id}`);
  }
});

test('what a search found, in words for a status line', async () => {
  const { matchWords } = await import('../../web/js/catalog/search.js');
  assert.equal(matchWords(null), '');
  assert.equal(matchWords({ results: [], total: 0 }), 'No role matches.');
  assert.equal(matchWords({ results: [{}], total: 1 }), '1 role matches.');
  assert.equal(matchWords({ results: [{}, {}], total: 2 }), '2 roles match.');
  assert.equal(matchWords({ results: Array(8).fill({}), total: 150 }), '150 roles match; the best 8 are shown.');
});

test('a one-letter query is answered once and kept: the same answer as working it out', () => {
  const list = Array.from({ length: 300 }, (_, i) => ({ id: `r${i}`, title: `${['Senior', 'Staff', 'Lead'][i % 3]} ${['Data', 'Sales', 'Care'][i % 7 % 3]} Worker ${i}` }));
  const kept = buildIndex(list);
  const fresh = () => buildIndex(list);
  const first = search(kept, 's', 20);
  assert.ok(first.total > 100);
  assert.equal(search(kept, 'S', 20), first, 'kept (the same object)');
  assert.deepEqual(search(fresh(), 's', 20), first, 'what a fresh index works out');
  assert.notEqual(search(kept, 's', 8), first, 'kept per number of results');
  assert.deepEqual(search(kept, 'sa', 20), search(fresh(), 'sa', 20), 'longer queries are worked out each time');
});

test('typed a letter at a time, with typos: the same answers as a fresh index, and exactly the roles the matching rules name', () => {
  // The rules, written plainly (strings cut and compared): every query word matches some word of
  // the role exactly, as a prefix, or (from four letters) within one edit of it or of its start.
  const oneEdit = (a, b) => {
    if (a === b) return true;
    if (Math.abs(a.length - b.length) > 1) return false;
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  };
  const matches = (q, w) => w.startsWith(q) || (q.length >= 4 && (oneEdit(q, w) || [q.length - 1, q.length,
    q.length + 1].some((n) => n > 2 && n < w.length && oneEdit(q, w.slice(0, n)))));
  const parts = ['nurse', 'nursing', 'clerk', 'senior', 'driver', 'analyst', 'analysis', 'teacher', 'welder', 'pilot', 'chef', 'editor', 'agent', 'data', 'date'];
  let seed = 7;
  const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const list = Array.from({ length: 1500 }, (_, i) => ({ id: `r${i}`, title: `${parts[rand(15)]} ${parts[rand(15)]}`, category: parts[rand(15)], aliases: [parts[rand(15)]] }));
  const kept = buildIndex(list);
  for (const typed of ['senior nurse', 'snr nurse', 'senoir analsyt', 'data anlyst teacher', 'nursign', 'welder x', 'pliot chef', 'nurrse pillot', 'teachers', 'xclerk weldder', 'edtor agnet']) {
    for (let n = 1; n <= typed.length; n++) {
      const q = typed.slice(0, n);
      const got = search(kept, q, 5000);
      assert.deepEqual(got, search(buildIndex(list), q, 5000), `kept words give the same answer: "${q}"`);
      const want = list.filter((r) => words(q).every((qw) => words(`${r.title} ${r.category} ${r.aliases.join(' ')}`).some((w) => matches(qw, w))));
      assert.deepEqual(got.results.map((x) => x.role.id).sort(), want.map((r) => r.id).sort(), `"${q}"`);
    }
  }
});
