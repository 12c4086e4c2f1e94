// Search by any title a person would type: a role's own title, its other titles (for an
// occupation: O*NET's alternate, short and reported titles) and, last, its category. Every query
// word must match a word of ONE title (so "ML engineer" does not join "ML Researcher" to "AI
// Research Engineer"), exactly (a plural "s" aside), as a prefix ("nur" finds "Nurse") or, from
// four letters, with one typo (a letter missing, added, changed, or two swapped).
//
// Ranking, per role, from its best title: an exact title ("nurse" is a title of Registered Nurses)
// beats a title with every word whole, which beats prefixes, which beat typos, which beat a
// category; at each of these, a title loaded first (the role's own, or one of at most two words)
// beats a longer one, so the longer titles, which load after, add results below and do not
// reorder the first ones; then more US employment first; then the id (so an O*NET .00 code comes
// before its more specific children). A result says which title matched.
//
// The words are indexed once (each distinct word -> the titles that have it), so a keystroke scans
// the distinct words, not every title. Pure functions, no DOM: tested in node, timed by scripts/bench.
import { finish, paced } from '../lib/steps.js';

/** Lowercase words without accents: "Café Owner (Senior)" -> ["cafe", "owner", "senior"]. */
export function words(text) {
  let s = String(text ?? '').toLowerCase();
  if (!/^[\x00-\x7f]*$/.test(s)) s = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return s.split(/[^a-z0-9+#]+/).filter(Boolean);
}

/** How a role's best title matched, best first. */
export const TIER = { exact: 5, whole: 4, prefix: 3, typo: 2, category: 1 };
// Query words this long or longer may match with one typo.
const TYPO_MIN = 4;
// At most this many query words count (a pasted paragraph is not a job title).
const MAX_WORDS = 8;
// What a title is to its role.
const OWN = 0;
const OTHER = 1;
const CATEGORY = 2;

/** A compact row of data/search.json, or a role object, as a role object. */
function roleOf(r) {
  if (!Array.isArray(r)) return r;
  const role = { id: r[0], title: r[1], seniority: r[2] || undefined, category: r[3] || undefined, aliases: r[4] || [] };
  if (r[5] === 'd') role.derived = true;
  if (r[6]) role.employment = r[6];
  if (r[7]?.length) role.not = r[7];
  return role;
}

/**
 * "Registered Nurse (RN)" is also "Registered Nurse" and "RN": what a person may type whole. The
 * distinct word lists a title can be matched as (an exact match needs one of them whole).
 */
function variantsOf(text) {
  const all = words(text);
  const out = [all];
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(text);
  if (m) for (const part of [m[1], m[2]]) if (words(part).length) out.push(words(part));
  return out;
}

/** Whether a title is in data/search.json (loaded at the first keystroke): one a person may type whole, of at most two words. */
export const loadsFirst = (title) => variantsOf(title).some((v) => v.length <= 2);

/**
 * The index of a list of roles [{id, title, seniority, category, aliases, derived, employment,
 * not}] or of the compact rows of data/search.json ([id, title, seniority, category, titles,
 * "d" for derived, employment, not-this-role lines]); `more`: {id: [titles]}, the long titles of
 * data/titles.json, when they have loaded.
 */
export function buildIndex(list, more = null) {
  return finish(indexSteps(list, more));
}

/**
 * buildIndex in slices: `pause()` is awaited between them (an idle callback, a task), so a page
 * building the index of every title stays responsive to the reader's typing.
 */
export function buildIndexSoon(list, more, pause) {
  return paced(indexSteps(list, more), pause);
}

/** Titles indexed per slice of indexSteps (a few milliseconds' work). */
const SLICE = 3000;

/** buildIndex, a slice of titles at a time (a generator: it yields between slices). */
function* indexSteps(list, more) {
  const roles = list.map(roleOf);
  const text = [];
  const owner = [];
  const kinds = [];
  const first = [];
  const found = new Map(); // word -> title indexes
  const add = (role, t, kind) => {
    const i = text.length;
    text.push(t);
    owner.push(role);
    kinds.push(kind);
    const ws = words(t);
    first.push(kind !== OTHER || ws.length <= 2 || (t.includes('(') && variantsOf(t).some((v) => v.length <= 2)) ? 1 : 0);
    for (let k = 0; k < ws.length; k++) {
      const w = ws[k];
      if (ws.indexOf(w) !== k) continue; // once per title
      const p = found.get(w);
      if (p) p.push(i);
      else found.set(w, [i]);
    }
  };
  let sliced = 0;
  for (let i = 0; i < roles.length; i++) {
    const r = roles[i];
    const seen = new Set();
    const own = (t, kind) => {
      const key = t?.toLowerCase();
      if (!t || seen.has(key)) return;
      seen.add(key);
      add(i, t, kind);
    };
    own(r.title, OWN);
    for (const t of r.aliases ?? []) own(t, OTHER);
    for (const t of more?.[r.id] ?? []) own(t, OTHER);
    if (r.category) add(i, r.category, CATEGORY);
    if (text.length - sliced >= SLICE) {
      sliced = text.length;
      yield;
    }
  }
  const byTitle = roles.map((_, i) => i).sort((a, b) => (roles[a].title < roles[b].title ? -1 : roles[a].title > roles[b].title ? 1 : 0));
  const rank = new Int32Array(roles.length);
  byTitle.forEach((i, k) => { rank[i] = k; });
  const byId = roles.map((_, i) => i).sort((a, b) => (roles[a].id < roles[b].id ? -1 : 1));
  const idRank = new Int32Array(roles.length);
  byId.forEach((i, k) => { idRank[i] = k; });
  // Sorted, so the words a query word begins are one range of it; by length, for typos.
  const vocabulary = [...found.keys()].sort();
  const byLength = [];
  for (const w of vocabulary) (byLength[w.length] ??= []).push(w);
  const n = text.length;
  return {
    roles, titles: text, owner: Int32Array.from(owner), kinds: Uint8Array.from(kinds), first: Uint8Array.from(first), postings: found, vocabulary, byLength,
    rank, idRank, employment: Float64Array.from(roles, (r) => r.employment ?? 0),
    // Work arrays, reused by every query.
    here: new Uint8Array(n), grade: new Uint8Array(n), seen: new Uint8Array(n), best: new Uint8Array(roles.length), bestTitle: new Int32Array(roles.length),
    titleCount: n,
  };
}

/** A title's forms, each as its distinct words ("Registered Nurse (RN)": [registered, nurse, rn], [registered, nurse], [rn]). */
function formsOf(index, t) {
  index.forms ??= new Map();
  let forms = index.forms.get(t);
  if (!forms) index.forms.set(t, (forms = variantsOf(index.titles[t]).map((v) => [...new Set(v)])));
  return forms;
}

/** Whether the query is one of a title's forms, whole: as many words, each the same (a plural "s" aside). */
const isExact = (index, t, qs) => formsOf(index, t).some((form) => form.length === qs.length && form.every((w) => qs.some((q) => same(q, w))));

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

// How a query word matches an indexed word: 3 whole (or its plural), 2 a prefix, 1 one typo.
const WHOLE = 3;
const PREFIX = 2;
const TYPO = 1;
const same = (q, w) => w === q || w === `${q}s` || q === `${w}s` || w === `${q}es`;

/**
 * Whether `q` is within one edit of `w` or of a start of `w` (of about q's length): a letter
 * changed, missing, extra, or two swapped. Compared in place, without cutting strings.
 */
function typoOf(q, w) {
  const n = q.length;
  let i = 0;
  while (i < n && q.charCodeAt(i) === w.charCodeAt(i)) i++;
  if (i === n) return true;
  const tail = q.slice(i + 1);
  if (w.startsWith(tail, i + 1)) return true; // a letter changed
  if (w.startsWith(tail, i)) return true; // q has a letter more
  if (w.startsWith(q.slice(i), i + 1)) return true; // w has a letter more
  return q[i] === w[i + 1] && q[i + 1] === w[i] && w.startsWith(q.slice(i + 2), i + 2); // two swapped
}

/** Each indexed word `q` matches, with how: [[word, grade]] (kept for the words of the next keystrokes). */
function matchesOf(index, q) {
  index.matched ??= new Map();
  const kept = index.matched.get(q);
  if (kept) return kept;
  if (index.matched.size > 500) index.matched.clear();
  const out = [];
  const { vocabulary, byLength } = index;
  for (let at = lowerBound(vocabulary, q); at < vocabulary.length && vocabulary[at].startsWith(q); at++) {
    const w = vocabulary[at];
    out.push([w, same(q, w) ? WHOLE : PREFIX]);
  }
  if (q.endsWith('s') && q.length > 1) {
    const single = q.slice(0, q.endsWith('es') && !index.postings.has(q.slice(0, -1)) ? -2 : -1);
    if (index.postings.has(single)) out.push([single, WHOLE]);
  }
  if (q.length >= TYPO_MIN) {
    const got = new Set(out.map(([w]) => w));
    const a = q.charCodeAt(0);
    const b = q.charCodeAt(1);
    // One typo against the whole word (lengths within one) or against its start (a longer word).
    for (let len = q.length - 1; len < byLength.length; len++) {
      for (const w of byLength[len] ?? []) {
        // An edit is at one place: one of the first two letters is where it was, or they swapped.
        const c = w.charCodeAt(0);
        const d = w.charCodeAt(1);
        if (c !== a && d !== b && c !== b && d !== a) continue;
        if (!got.has(w) && typoOf(q, w)) out.push([w, TYPO]);
      }
    }
  }
  index.matched.set(q, out);
  return out;
}

/**
 * The roles with a title matching every word of `query`, best first: {results: [{role, score,
 * tier, title}], total, exact} (`title`: the title that matched; `exact`: how many roles have the
 * query as a title). Only the best `limit` are sorted; `total` counts every match.
 */
export function search(index, query, limit = 20) {
  const qs = [...new Set(words(query))].slice(0, MAX_WORDS);
  if (qs.length === 0) {
    const all = index.roles.map((_, i) => i).sort((a, b) => index.rank[a] - index.rank[b]).slice(0, limit);
    return { results: all.map((i) => ({ role: index.roles[i], score: 0, tier: 0, title: index.roles[i].title })), total: index.roles.length, exact: 0 };
  }
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
  const { here, grade, seen, best, bestTitle, owner, kinds, first, employment, idRank } = index;
  /** @type {number[] | null} */
  let candidates = null; // title indexes matching every query word so far
  for (const q of qs) {
    const touched = [];
    for (const [w, m] of matchesOf(index, q)) {
      const ids = index.postings.get(w);
      for (let k = 0; k < ids.length; k++) {
        const t = ids[k];
        if (here[t] === 0) touched.push(t);
        if (m > here[t]) here[t] = m;
      }
    }
    let next;
    if (candidates === null) {
      next = touched;
      for (const t of next) grade[t] = here[t];
    } else {
      next = [];
      for (const t of candidates) {
        if (here[t] > 0) {
          if (here[t] < grade[t]) grade[t] = here[t];
          next.push(t);
        }
      }
    }
    for (const t of touched) here[t] = 0;
    candidates = next;
    if (candidates.length === 0) break;
  }
  const roles = [];
  for (const t of candidates) {
    const g = grade[t];
    grade[t] = 0;
    let tier;
    if (kinds[t] === CATEGORY) tier = TIER.category;
    else if (g === WHOLE) tier = isExact(index, t, qs) ? TIER.exact : TIER.whole;
    else tier = g === PREFIX ? TIER.prefix : TIER.typo;
    tier = tier * 2 + first[t]; // a title loaded first, above a longer one of the same tier
    const r = owner[t];
    if (seen[r] === 0) {
      seen[r] = 1;
      roles.push(r);
      best[r] = tier;
      bestTitle[r] = t;
    } else if (tier > best[r] || (tier === best[r] && betterTitle(index, t, bestTitle[r]))) {
      best[r] = tier;
      bestTitle[r] = t;
    }
  }
  for (const r of roles) seen[r] = 0;
  // A role that says it is not what was asked ("ML engineer" on AI Research Engineer's list of
  // what it is not) does not match it.
  const kept = qs.length > 1 ? roles.filter((r) => !saysNot(index.roles[r], qs)) : roles;
  // The best `limit`, kept sorted as they come.
  const better = (a, b) => best[a] > best[b] || (best[a] === best[b] && (employment[a] > employment[b]
    || (employment[a] === employment[b] && idRank[a] < idRank[b])));
  const top = [];
  let exact = 0;
  for (const r of kept) {
    if (best[r] >> 1 === TIER.exact) exact++;
    if (top.length === limit && !better(r, top[top.length - 1])) continue;
    let k = top.length;
    while (k > 0 && better(r, top[k - 1])) k--;
    top.splice(k, 0, r);
    if (top.length > limit) top.pop();
  }
  const results = top.map((r) => ({ role: index.roles[r], score: best[r], tier: best[r] >> 1, title: index.titles[bestTitle[r]] }));
  return { results, total: kept.length, exact };
}

/** Of two titles of a role that match equally: its own title, then the shorter. */
function betterTitle(index, a, b) {
  if (index.kinds[a] !== index.kinds[b]) return index.kinds[a] < index.kinds[b];
  return index.titles[a].length < index.titles[b].length;
}

/** Whether one of a role's "not this role" lines begins with the query's words. */
function saysNot(role, qs) {
  return (role.not ?? []).some((line) => {
    const lw = words(line);
    return qs.every((q, i) => lw[i] === q);
  });
}

/** What a search found, in words for a status line: {results, total} or null (nothing asked). */
export function matchWords(found) {
  if (!found) return '';
  if (found.total === 0) return 'No role matches.';
  const count = `${found.total} ${found.total === 1 ? 'role matches' : 'roles match'}`;
  return found.total > found.results.length ? `${count}; the best ${found.results.length} are shown.` : `${count}.`;
}
