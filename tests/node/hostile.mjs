// Hostile inputs for the node and browser suites, built from tests/data/hostile.json: the one
// list every suite reads (the Catch2 suite builds the same documents in tests/hostile.h).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const reference = JSON.parse(fs.readFileSync(path.join(root, 'web/data/roles/ai-research-engineer-mid-senior.json'), 'utf8'));
const data = JSON.parse(fs.readFileSync(path.join(root, 'tests/data/hostile.json'), 'utf8'));

/** Applies `fn(parent, key)` at `path` ("*": every element). */
function atPath(doc, keys, fn) {
  const [key, ...rest] = keys;
  if (rest.length === 0) return fn(doc, key);
  if (key === '*') return doc.forEach((item) => atPath(item, rest, fn));
  return atPath(doc[key], rest, fn);
}
const element = (doc, keys) => keys.reduce((at, key) => at[key], doc);

/** The bytes of one document (a Buffer: one holds invalid UTF-8, which no JS string can). */
function build(c) {
  const refText = JSON.stringify(reference);
  if ('text' in c) return Buffer.from(c.text);
  if ('truncate' in c) return Buffer.from(refText.slice(0, Math.floor(refText.length * c.truncate)));
  if ('repeat' in c) return Buffer.from(c.repeat.open.repeat(c.repeat.times) + c.repeat.close.repeat(c.repeat.times));
  if ('pad' in c) return Buffer.from(`{"x-pad":"${'a'.repeat(c.pad)}"}`);
  if ('replace' in c) {
    const at = refText.indexOf(c.replace.find);
    if (at < 0) throw new Error(`hostile.json: ${c.replace.find} not in the reference`);
    const with_ = c.replace.with_hex ? Buffer.from(c.replace.with_hex, 'hex') : Buffer.from(c.replace.with);
    return Buffer.concat([Buffer.from(refText.slice(0, at)), with_, Buffer.from(refText.slice(at + c.replace.find.length))]);
  }
  const doc = structuredClone(reference);
  for (const e of c.edit) {
    if (e.fill) {
      const item = element(doc, e.fill.from);
      const parent = element(doc, e.path.slice(0, -1));
      parent[e.path.at(-1)] = Array.from({ length: e.fill.times }, () => item);
    } else {
      atPath(doc, e.path, (parent, key) => { if (e.delete) delete parent[key]; else parent[key] = e.value; });
    }
  }
  return Buffer.from(JSON.stringify(doc));
}

/**
 * Every hostile document: {name, bytes, text, accepted, path}. `text` is null where the bytes
 * are not valid UTF-8 (only the CLI, which reads files, can be given those).
 */
export function hostileDocuments() {
  return data.documents.map((c) => {
    const bytes = build(c);
    let text = null;
    try { text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); } catch { /* not UTF-8 */ }
    return { name: c.name, bytes, text, accepted: c.accepted, path: c.path ?? null };
  });
}

/** Titles built to break out of the snippets' markup (see tests/data/hostile.json). */
export const HOSTILE_TITLES = data.titles;
/** Texts for every prose field the site builder publishes (see tests/data/hostile.json). */
export const HOSTILE_TEXTS = data.texts;
