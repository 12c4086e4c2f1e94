// The published part of a site, built from a folder of assessment files (the catalog is generated
// from them, never kept by hand). Every file is validated by the core first; any problem stops the
// build with every problem listed by file and JSON path. Then, computed once by the core (the very
// wasm module the site ships, run in node), for each role:
//   data/roles/<id>.json   the assessment, under its id
//   data/cards/<id>.json   the figures a score card shows (jobzone-card/1): embeds need no wasm
//   data/inputs/<id>.json  the inputs alone (no prose): what a live calculator card scores
//   badge/<id>.svg         the image badge
//   oembed/<id>.json       the oEmbed answer (type "rich": the iframe snippet)
//   roles/<id>/index.html  the whole role page rendered to HTML (scripts/prerender.mjs), with its
//                          title, description, canonical, Open Graph, Twitter and oEmbed links
//   og/<id>.png            its 1200x630 link-preview image (scripts/og-image.mjs), kept in a cache
//                          by content (build/og-cache), so a rebuild renders only what changed
// and for the site: data/index.json (the catalog), sitemap.xml and robots.txt, feed.xml (Atom:
// published score changes, from each role's history).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, threadId } from 'node:worker_threads';
import { badgeSvg } from '../web/js/embed/badge.js';
import { embedSnippets, CARD_FRAME } from '../web/js/share/snippets.js';
import { htmlAttr, htmlText, plainLine, xmlText } from '../web/js/lib/escape.js';
import { fixed } from '../web/js/lib/format.js';
import { TITLE_NOTE, catalogKind } from '../web/js/lib/kind.js';
import { cardOf, cardName, scoringInput, roleIdPattern } from '../web/js/lib/card.js';
import { engineOf } from '../web/js/engine/engine.js';
import { renderRolePage } from './prerender.mjs';
import { ogSvg, ogPng, OG } from './og-image.mjs';
import { loadsFirst } from '../web/js/catalog/search.js';
import { frontDoor } from './front-door.mjs';

/** Catalogs up to this many roles get a preview image per role by default (each takes ~0.1 s). */
/** Where preview images are kept by the hash of their SVG, between builds. */
export const IMAGE_CACHE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../build/og-cache');

/** The wasm module in node: {score(assessment), insight(assessment), validate(text), methodology}. */
export async function nodeEngine(glue, wasmFile) {
  const { default: create } = await import(glue);
  const instantiate = () => create({ wasmBinary: fs.readFileSync(wasmFile) });
  return engineOf(await instantiate(), instantiate);
}


/**
 * Reads and validates every *.json in `rolesDir` (sorted by name). Returns the roles
 * [{id, file, assessment}]; throws with every problem, one per line, "file: path: message".
 */
export function readRoles(rolesDir, engine, kind = 'published') {
  const files = fs.readdirSync(rolesDir).filter((f) => f.endsWith('.json')).sort();
  const problems = [];
  const roles = [];
  const seen = new Map();
  for (const file of files) {
    // Read as bytes and decoded strictly: a bad byte is refused (as `jobzone validate` refuses
    // it), never repaired into U+FFFD and published.
    let text;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(path.join(rolesDir, file)));
    } catch {
      problems.push(`${file}: (root): not valid JSON: the file is not UTF-8 text (ill-formed UTF-8 byte)`);
      continue;
    }
    const checked = engine.validate(text);
    if (!checked.ok) {
      problems.push(...checked.errors.map((e) => `${file}: ${e.path}: ${e.message}`));
      continue;
    }
    const id = checked.assessment.id ?? path.basename(file, '.json');
    const maxId = engine.methodology.limits.max_id_chars;
    if (!roleIdPattern(maxId).test(id)) problems.push(`${file}: id: must be 1 to ${maxId} lowercase letters, digits and dashes, got ${JSON.stringify(id)}`);
    else if (seen.has(id)) problems.push(`${file}: id: “${id}” is also the id of ${seen.get(id)}`);
    else {
      seen.set(id, file);
      // The folder decides the kind, whatever the file says (README: "Kinds").
      roles.push({ id, file, assessment: { ...checked.assessment, kind } });
    }
  }
  if (files.length === 0) problems.push(`${rolesDir}: no assessment files (*.json)`);
  if (problems.length) throw new Error(`the catalog has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.join('\n')}`);
  return roles;
}

/**
 * The catalog: data/index.json, what the app loads at boot (the role opened by default, the
 * count); data/search.json, what a search needs at its first keystroke (compact rows [id, title,
 * seniority, category, titles, "d" for derived, US employment, what the role is not]: every title
 * a person may type whole, of at most two words, so every exact match and the ranking's inputs);
 * data/titles.json, the longer titles, loaded after it ({format, roles: {id: [titles]}}). A role's
 * file is data/roles/<id>.json.
 */
function catalogOf(roles, defaultId, titles = {}) {
  const published = roles.filter((r) => r.assessment.kind !== 'derived');
  const index = {
    format: 'jobzone-catalog/2',
    default: published.some((r) => r.id === defaultId) ? defaultId : (published[0] ?? roles[0]).id,
    count: roles.length,
    published: published.length,
    derived: roles.length - published.length,
  };
  // US employment of an occupation's BLS group, shared evenly among the O*NET occupations of the
  // catalog in that group (a search ranks by it: "nurse" is a title of three of them).
  const groupSize = new Map();
  for (const { assessment: { derivation } } of roles) {
    const g = derivation?.soc_group;
    if (g?.employment) groupSize.set(g.code, (groupSize.get(g.code) ?? 0) + 1);
  }
  const later = {};
  const rows = roles.map(({ id, assessment: { role: r, kind, derivation } }) => {
    const names = kind === 'derived' ? [...new Set([...(titles[id]?.short ?? []), ...(titles[id]?.reported ?? []), ...(titles[id]?.alternate ?? [])])] : r.aliases ?? [];
    const first = names.filter(loadsFirst);
    const rest = names.filter((n) => !loadsFirst(n));
    if (rest.length) later[id] = rest;
    const g = derivation?.soc_group;
    const employment = g?.employment ? Math.round(g.employment / groupSize.get(g.code)) : 0;
    const row = [id, r.title, r.seniority ?? '', r.category ?? '', first, kind === 'derived' ? 'd' : '', employment, kind === 'derived' ? [] : r.not_this_role ?? []];
    while (row.length > 2 && (row.at(-1) === '' || row.at(-1) === 0 || (Array.isArray(row.at(-1)) && !row.at(-1).length))) row.pop();
    return row;
  });
  return { index, search: { format: 'jobzone-search/2', roles: rows }, titles: { format: 'jobzone-titles/2', roles: later } };
}

/**
 * Writes the published part of the site into `out`; returns the cards. shell: the built
 * index.html (the role pages are made from it); baseUrl: the site's absolute URL, or null;
 * engineFiles: {glue, wasm}, to render a large catalog on worker threads (one per core, at most 4).
 */
export async function publishRoles({ out, rolesDir, derivedDir = null, engine, baseUrl = null, shell, defaultId = null, engineFiles = null,
  previews = true, imageCache = IMAGE_CACHE, log = (line) => {} }) {
  const published = readRoles(rolesDir, engine, 'published');
  const derived = derivedDir ? readRoles(derivedDir, engine, 'derived') : [];
  const clash = derived.filter((d) => published.some((p) => p.id === d.id));
  if (clash.length) throw new Error(`the catalog has ${clash.length} problem${clash.length === 1 ? '' : 's'}:\n${clash.map((d) => `${d.file}: id: “${d.id}” is also the id of a published role`).join('\n')}`);
  const roles = [...published, ...derived];
  const images = previews ? imageCache : null;
  if (!images) log('no preview images (--no-previews): link previews will show no picture');
  const titlesFile = derivedDir ? path.join(path.dirname(derivedDir), 'titles.json') : null;
  const catalog = catalogOf(roles, defaultId, titlesFile && fs.existsSync(titlesFile) ? JSON.parse(fs.readFileSync(titlesFile, 'utf8')) : {});
  write(out, 'data/index.json', `${JSON.stringify(catalog.index)}\n`);
  write(out, 'data/search.json', `${JSON.stringify(catalog.search)}\n`);
  // (Written even when empty: the app asks for it after data/search.json, whatever the catalog.)
  write(out, 'data/titles.json', `${JSON.stringify(catalog.titles)}\n`);
  const threads = Math.min(4, os.availableParallelism?.() ?? os.cpus().length);
  let cards;
  let made = 0;
  if (engineFiles && threads > 1 && roles.length >= 200) {
    const size = Math.ceil(roles.length / threads);
    const parts = await Promise.all(Array.from({ length: threads }, (_, t) => new Promise((resolve, reject) => {
      const worker = new Worker(new URL('./publish-worker.mjs', import.meta.url), {
        workerData: { out, roles: roles.slice(t * size, (t + 1) * size), baseUrl, shell, engineFiles, images },
      });
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => { if (code !== 0) reject(new Error(`a page-rendering thread stopped (exit ${code})`)); });
    })));
    cards = parts.flatMap((p) => p.cards);
    made = parts.reduce((t, p) => t + p.made, 0);
  } else {
    ({ cards, made } = await publishPages({ out, roles, engine, baseUrl, shell, images, log }));
  }
  if (images) {
    log(`preview images: ${made} rendered, ${cards.length - made} reused from ${path.relative(process.cwd(), images) || '.'}`);
  }
  writeSiteFiles(out, { roles, cards, baseUrl });
  // The start page holds the default role, prerendered too: a first visit sees it at once.
  const start = roles.find((r) => r.id === catalog.index.default);
  if (start) write(out, 'index.html', startPage(shell, { id: start.id, html: (await renderRolePage(start.assessment, engine)).html, front: frontDoor(roles) }));
  return cards;
}

/**
 * A card's preview image in `out`: from the cache when an image of the very same SVG was made
 * before, else rendered (and kept). Returns true when it was rendered.
 */
async function previewImage(out, card, cache) {
  const svg = ogSvg(card);
  const key = crypto.createHash('sha256').update(svg).digest('hex').slice(0, 40);
  const kept = path.join(cache, key.slice(0, 2), `${key}.png`);
  const to = path.join(out, 'og', `${card.id}.png`);
  fs.mkdirSync(path.dirname(to), { recursive: true });
  if (fs.existsSync(kept)) {
    fs.copyFileSync(kept, to);
    return false;
  }
  const png = await ogPng(svg);
  fs.writeFileSync(to, png);
  fs.mkdirSync(path.dirname(kept), { recursive: true });
  fs.writeFileSync(`${kept}.${process.pid}.${threadId}`, png);
  fs.renameSync(`${kept}.${process.pid}.${threadId}`, kept); // whole or not at all (threads share the cache)
  return true;
}

/**
 * Each role's files (see the top of this file); returns the cards, in the order of `roles`.
 * images: the preview-image cache folder, or null for no images.
 */
export async function publishPages({ out, roles, engine, baseUrl, shell, images = null, log = (line) => {} }) {
  const m = engine.methodology;
  const site = baseUrl ?? '/';
  const cards = [];
  let done = 0;
  let made = 0;
  for (const { id, assessment } of roles) {
    write(out, `data/roles/${id}.json`, `${JSON.stringify(assessment, null, 1)}\n`);
    const { html, result } = await renderRolePage(assessment, engine);
    const card = cardOf(id, assessment, result, m, catalogKind(assessment));
    cards.push(card);
    write(out, `data/cards/${id}.json`, `${JSON.stringify(card)}\n`);
    write(out, `data/inputs/${id}.json`, `${JSON.stringify(inputsOf(assessment))}\n`);
    write(out, `badge/${id}.svg`, badgeSvg(card).svg);
    const { iframe } = embedSnippets({ site, role: id, title: cardName(card), script: false });
    write(out, `oembed/${id}.json`, `${JSON.stringify({
      version: '1.0',
      type: 'rich',
      provider_name: 'jobzone',
      provider_url: site,
      title: `${cardName(card)}: ${card.display_score} ${card.label}`,
      html: iframe,
      width: CARD_FRAME.width,
      height: CARD_FRAME.height,
      ...(images ? { thumbnail_url: `${site}og/${id}.png`, thumbnail_width: OG.width, thumbnail_height: OG.height } : {}),
      cache_age: 86400,
    }, null, 1)}\n`);
    if (images && await previewImage(out, card, images)) made += 1;
    write(out, `roles/${id}/index.html`, rolePage(shell, { card, assessment, html, baseUrl, image: images }));
    if (++done % 1000 === 0) log(`${done} of ${roles.length} role pages`);
  }
  return { cards, made };
}

/** An assessment without its prose (card.js scoringInput), under its id. */
const inputsOf = (a) => ({ ...scoringInput(a), ...(a.id ? { id: a.id } : {}) });

function write(out, file, text) {
  const to = path.join(out, file);
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.writeFileSync(to, text);
}

/** One change of the shell; the build stops if the shell no longer has what it changes. */
function must(text, from, to) {
  if (!text.includes(from)) throw new Error(`the page shell (web/index.html) no longer contains ${JSON.stringify(from)}`);
  // A function replacement: `to` holds role text, whose $&, $' and $$ must stay as they are.
  return text.replace(from, () => to);
}

/** A text cut at a word boundary to at most `max` characters, with an ellipsis if cut. */
const clip = (text, max) => {
  const t = plainLine(text);
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).replace(/[\s,;:.]+$/, '')}…`;
};

/**
 * A role's page: the app's shell two folders down (every relative URL one level up twice), its
 * own head (title, description, canonical, Open Graph, Twitter card, oEmbed discovery, the role
 * the app opens) and the prerendered page in #page.
 */
function rolePage(shell, { card, assessment, html, baseUrl, image = false }) {
  const name = plainLine(cardName(card));
  const up = '../../';
  const abs = (p) => (baseUrl ? new URL(p, baseUrl).href : `${up}${p}`);
  const derived = card.kind === 'derived';
  const title = `${name}: ${card.display_score} ${card.label}${derived ? TITLE_NOTE.derived : ''} · jobzone`;
  const headline = `${name}: ${card.display_score}/${card.max}, ${card.label}${derived ? ' (derived starting point)' : ''}`;
  const description = derived
    ? clip(`A starting point derived from O*NET task statements and language-model exposure labels, not an assessment: ${card.display_score}/${card.max}, ${card.label}. Nobody has assessed it; every input adjustable.`, 200)
    : clip(assessment.summary
    ? `${card.display_score}/${card.max}, ${card.label}. ${assessment.summary}`
    : `${name} scores ${card.display_score}/${card.max} for exposure to AI displacement: ${card.label}, ${card.verdict}. JobZone method; every input adjustable.`, 200);
  const head = [
    `<meta name="jobzone-role" content="${htmlAttr(card.id)}">`,
    baseUrl ? `<link rel="canonical" href="${htmlAttr(abs(`roles/${card.id}/`))}">` : null,
    `<link rel="alternate" type="application/json+oembed" href="${htmlAttr(abs(`oembed/${card.id}.json`))}" title="${htmlAttr(name)}">`,
    `<meta property="og:type" content="article">`,
    `<meta property="og:site_name" content="jobzone">`,
    `<meta property="og:title" content="${htmlAttr(headline)}">`,
    `<meta property="og:description" content="${htmlAttr(description)}">`,
    baseUrl ? `<meta property="og:url" content="${htmlAttr(abs(`roles/${card.id}/`))}">` : null,
    image ? `<meta property="og:image" content="${htmlAttr(abs(`og/${card.id}.png`))}">` : null,
    image ? `<meta property="og:image:width" content="${OG.width}">\n<meta property="og:image:height" content="${OG.height}">` : null,
    image ? `<meta property="og:image:alt" content="${htmlAttr(plainLine(badgeSvg(card).alt))}">` : null,
    `<meta name="twitter:card" content="${image ? 'summary_large_image' : 'summary'}">`,
    `<meta name="twitter:title" content="${htmlAttr(headline)}">`,
    `<meta name="twitter:description" content="${htmlAttr(description)}">`,
  ].filter(Boolean).join('\n');
  let page = shell.replace(/(href|src)="(?![a-z]+:|#|\/)/g, `$1="${up}`);
  page = must(page, /<title>[^<]*<\/title>/.exec(page)?.[0] ?? '<title>', `<title>${htmlText(title)}</title>`);
  page = must(page, /<meta name="description" content="[^"]*">/.exec(page)?.[0] ?? '<meta name="description"', `<meta name="description" content="${htmlAttr(description)}">\n${head}`);
  return withPage(page, html);
}

/**
 * The shell with a prerendered page in #page, shown (no loading message), and the footer. No wasm
 * preload: the first paint needs none.
 */
function withPage(shell, html) {
  let page = shell.replace(/<link rel="preload" href="[^"]+\.wasm"[^>]*>\n/, '');
  page = must(page, '<main id="main" class="wrap" aria-busy="true">', '<main id="main" class="wrap">');
  page = must(page, '<div id="status" class="status" role="status">', '<div id="status" class="status" role="status" hidden>');
  page = must(page, '<noscript><p>jobzone computes scores with WebAssembly in your browser, so it needs JavaScript.</p></noscript>',
    // (Said of every role page, published or derived: "published figures" would misname a derived one.)
    '<noscript><p>Without JavaScript this page shows its figures as they were computed when it was built; moving an input, or adjusting a task, needs JavaScript.</p></noscript>');
  page = must(page, '<div id="page" hidden></div>', `<div id="page">${html}</div>`);
  page = must(page, '<footer id="footer" class="site wrap" hidden>', '<footer id="footer" class="site wrap">');
  return page;
}

/**
 * The start page with the default role prerendered in #page, as its role page has it (the app
 * takes it over when the visit opens nothing else). It keeps the site's own title and description,
 * and names the role for start.js, which hides it before the first paint when the visit opens
 * something else (a share link, another role in ?role=, or this tab's work from before a reload).
 */
function startPage(shell, { id, html, front }) {
  let page = must(shell, '<link rel="stylesheet"', `<meta name="jobzone-start-role" content="${htmlAttr(id)}">\n<script src="start.js"></script>\n<link rel="stylesheet"`);
  page = must(page, '<main id="main" class="wrap" aria-busy="true">', `<main id="main" class="wrap" aria-busy="true">\n${front}`);
  page = must(page, '<html lang="en">', '<html lang="en" class="at-front">');
  return withPage(page, html);
}

const xml = (text) => xmlText(text);

/** sitemap.xml and robots.txt (a sitemap needs absolute URLs: only with a base URL), feed.xml. */
function writeSiteFiles(out, { roles, cards, baseUrl }) {
  const abs = (p) => (baseUrl ? new URL(p, baseUrl).href : p);
  const lastmod = (a) => (a.history?.length ? a.history.at(-1).date : a.assessed ?? null);
  if (baseUrl) {
    write(out, 'sitemap.xml', `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>${xml(abs('./'))}</loc></url>
${roles.map(({ id, assessment }) => `<url><loc>${xml(abs(`roles/${id}/`))}</loc>${lastmod(assessment) ? `<lastmod>${xml(lastmod(assessment))}</lastmod>` : ''}</url>`).join('\n')}
</urlset>
`);
  }
  write(out, 'robots.txt', `User-agent: *\nAllow: /\nDisallow: /embed.html\n${baseUrl ? `Sitemap: ${abs('sitemap.xml')}\n` : ''}`);
  // Atom: one entry per published score change (a role's history), newest first; a role with no
  // history but an assessment date gives one entry for its current score.
  const entries = [];
  roles.forEach(({ id, assessment: a }, i) => {
    if (a.kind === 'derived') return; // nobody assessed it: no score change to announce
    const card = cards[i];
    const name = cardName(card);
    const changes = a.history?.length ? a.history : a.assessed ? [{ date: a.assessed, score: card.score, label: card.label }] : [];
    for (const h of changes) {
      entries.push({
        date: h.date, id: `tag:jobzone,2026:${id}:${h.date}`, link: abs(`roles/${id}/`),
        // A history entry's label is optional: without one, the score stands alone.
        title: plainLine(`${name}: ${fixed(Number(h.score), 1)}${h.label ? ` ${h.label}` : ''}`),
        summary: h.note ? `${h.note}` : `Score ${fixed(Number(h.score), 1)}${h.label ? `, ${h.label},` : ''} on ${h.date}.`,
      });
    }
  });
  entries.sort((x, y) => y.date.localeCompare(x.date) || x.id.localeCompare(y.id));
  const updated = entries[0] ? `${entries[0].date}T00:00:00Z` : new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  write(out, 'feed.xml', `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>jobzone: published score changes</title>
<id>tag:jobzone,2026:feed</id>
<updated>${xml(updated)}</updated>
<link rel="self" href="${xml(abs('feed.xml'))}"/>
<link href="${xml(abs('./'))}"/>
<author><name>jobzone</name></author>
${entries.slice(0, 200).map((e) => `<entry>
<title>${xml(e.title)}</title>
<id>${xml(e.id)}</id>
<updated>${xml(e.date)}T00:00:00Z</updated>
<link href="${xml(e.link)}"/>
<summary>${xml(e.summary)}</summary>
</entry>`).join('\n')}
</feed>
`);
}
