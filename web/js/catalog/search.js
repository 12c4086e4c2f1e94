// Search over the catalog's titles, seniorities, categories and aliases, for catalogs of any size:
// every query word must match a word of the role, as a prefix ("nur" finds "Nurse") or, for words
// of four letters or more, with one typo (a letter missing, added, changed, or two swapped). The
// words are indexed once (each distinct word -> the roles that have it), so a keystroke scans the
// distinct words, not every role. Pure functions, no DOM: tested in node, timed in Chromium.

/** Lowercase words without accents: "Café Owner (Senior)" -> ["cafe", "owner", "senior"]. */
export const words = (text) => String(text ?? '').toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
  .split(/[^a-z0-9+#]+/).filter(Boolean);

// Where a word was found: a title word counts more than an alias, an alias more than a category.
const FIELD_WEIGHT = [4, 2, 3, 1]; // title, seniority, aliases, category
// Query words this long or longer may match with one typo.
const TYPO_MIN = 4;

/**
 * The index of a list of roles [{id, title, seniority, category, aliases}] (or the compact rows of
 * data/search.json: [id, title, seniority, category, aliases, "d" for a derived role]): for each distinct word, the roles
 * that have it and how much it counts there (typed arrays), and each role's rank by title.
 */
export function buildIndex(list) {
  const roles = list.map((r) => (Array.isArray(r)
    ? { id: r[0], title: r[1], seniority: r[2] || undefined, category: r[3] || undefined, aliases: r[4] || [], ...(r[5] === 'd' ? { derived: true } : {}) }
    : r));
  const found = new Map(); // word -> Map(role index -> field weight)
  roles.forEach((r, i) => {
    const fields = [r.title, r.seniority, (r.aliases ?? []).join(' '), r.category];
    fields.forEach((text, f) => {
      for (const w of words(text)) {
        let p = found.get(w);
        if (!p) found.set(w, (p = new Map()));
        p.set(i, Math.max(p.get(i) ?? 0, FIELD_WEIGHT[f]));
      }
    });
  });
  const postings = new Map();
  for (const [w, p] of found) postings.set(w, { ids: Int32Array.from(p.keys()), weights: Uint8Array.from(p.values()) });
  const byTitle = roles.map((_, i) => i).sort((a, b) => roles[a].title.localeCompare(roles[b].title));
  const rank = new Int32Array(roles.length);
  byTitle.forEach((i, k) => { rank[i] = k; });
  // Sorted, so the words a short query can match (only those it begins) are one range of it.
  const vocabulary = [...postings.keys()].sort();
  return { roles, postings, vocabulary, rank, here: new Float64Array(roles.length), total: new Float64Array(roles.length) };
}

/** The first word of the sorted vocabulary not before `q`. */
function lowerBound(vocabulary, q) {
  let lo = 0;
  let hi = vocabulary.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (vocabulary[mid] < q) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Where in the sorted vocabulary the words `q` can match lie, [from, to): for a word too short for
 * typos, only the words it begins; otherwise every word.
 */
function wordRange(vocabulary, q) {
  if (q.length >= TYPO_MIN) return [0, vocabulary.length];
  const from = lowerBound(vocabulary, q);
  let to = from;
  while (to < vocabulary.length && vocabulary[to].startsWith(q)) to++;
  return [from, to];
}

/** At most one edit (insert, delete, substitute, or swap two neighbours) between a and b. */
function withinOneEdit(a, b) {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // one letter changed
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // two swapped
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * How well `q` (a query word) matches the indexed word `w`: 3 exact, 2 prefix, 1 one typo
 * (against the word, or the start of it of about the query's length), 0 not at all.
 */
function match(q, w) {
  if (w === q) return 3;
  if (w.startsWith(q)) return 2;
  if (q.length < TYPO_MIN) return 0;
  if (withinOneEdit(q, w)) return 1;
  for (const n of [q.length - 1, q.length, q.length + 1]) if (n > 2 && n < w.length && withinOneEdit(q, w.slice(0, n))) return 1;
  return 0;
}

/**
 * The roles matching every word of `query`, best first (then by title): {results: [{role, score}],
 * total}. Only the best `limit` are sorted; `total` counts every match.
 */
export function search(index, query, limit = 20) {
  const qs = [...new Set(words(query))];
  if (qs.length === 0) return { results: index.roles.slice(0, limit).map((role) => ({ role, score: 0 })), total: index.roles.length };
  // A single letter matches a large part of a big catalog: its answer is kept (the first keystroke
  // of every query is one; catalog.js works the letters out ahead, when the page is idle).
  const key = qs.length === 1 && qs[0].length === 1 ? `${qs[0]}|${limit}` : null;
  if (key) {
    index.letters ??= new Map();
    if (!index.letters.has(key)) index.letters.set(key, find(index, qs, limit));
    return index.letters.get(key);
  }
  return find(index, qs, limit);
}

function find(index, qs, limit) {
  const { here, total, rank } = index;
  /** @type {number[] | null} */
  let candidates = null; // role indexes matching every word so far
  for (const q of qs) {
    const touched = [];
    const [from, to] = wordRange(index.vocabulary, q);
    for (let at = from; at < to; at++) {
      const w = index.vocabulary[at];
      const m = match(q, w);
      if (!m) continue;
      const { ids, weights } = index.postings.get(w);
      for (let k = 0; k < ids.length; k++) {
        const i = ids[k];
        const v = m * weights[k];
        if (here[i] === 0) touched.push(i);
        if (v > here[i]) here[i] = v;
      }
    }
    let next;
    if (candidates === null) {
      next = touched;
      for (const i of next) total[i] = here[i];
    } else {
      next = [];
      for (const i of candidates) if (here[i] > 0) { total[i] += here[i]; next.push(i); }
    }
    for (const i of touched) here[i] = 0;
    candidates = next;
    if (candidates.length === 0) break;
  }
  // The best `limit`, kept sorted as they come (score down, then title).
  const better = (a, b) => total[a] > total[b] || (total[a] === total[b] && rank[a] < rank[b]);
  const top = [];
  for (const i of candidates) {
    if (top.length === limit && !better(i, top[top.length - 1])) continue;
    let k = top.length;
    while (k > 0 && better(i, top[k - 1])) k--;
    top.splice(k, 0, i);
    if (top.length > limit) top.pop();
  }
  const results = top.map((i) => ({ role: index.roles[i], score: total[i] }));
  for (const i of candidates) total[i] = 0;
  return { results, total: candidates.length };
}

/** What a search found, in words for a status line: {results, total} or null (nothing asked). */
export function matchWords(found) {
  if (!found) return '';
  if (found.total === 0) return 'No role matches.';
  const count = `${found.total} ${found.total === 1 ? 'role matches' : 'roles match'}`;
  return found.total > found.results.length ? `${count}; the best ${found.results.length} are shown.` : `${count}.`;
}
