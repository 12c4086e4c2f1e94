// What the build publishes for each role of the catalog, computed once by the core (the very wasm
// module the site ships, run in node), so an embed of a published role needs no wasm at all:
//   data/cards/<id>.json   the figures a score card shows (jobzone-card/1)
//   data/inputs/<id>.json  the inputs alone (no prose): what a live calculator card scores
//   badge/<id>.svg         the image badge
//   oembed/<id>.json       the oEmbed answer (type "rich": the iframe snippet)
//   roles/<id>/index.html  a static page of the role's score: readable with no JavaScript, and the
//                          page that carries the oEmbed discovery link
import fs from 'node:fs';
import path from 'node:path';
import { badgeSvg } from '../web/js/badge.js';
import { embedSnippets, CARD_FRAME } from '../web/js/snippets.js';
import { htmlAttr, htmlText } from '../web/js/escape.js';
import { cardOf, cardName } from '../web/js/card.js';

/** The wasm module in node: {score(assessment), methodology}. */
export async function nodeEngine(glue, wasmFile) {
  const { default: create } = await import(glue);
  const module = await create({ wasmBinary: fs.readFileSync(wasmFile) });
  return {
    score: (a) => JSON.parse(module.score(JSON.stringify(a))),
    validate: (text) => JSON.parse(module.validate(text)),
    methodology: JSON.parse(module.methodology()),
  };
}


/** Writes every published role's card, badge, oEmbed answer and static page; returns the cards. */
export function publishRoles({ out, web, engine, baseUrl = null, css }) {
  const index = JSON.parse(fs.readFileSync(path.join(web, 'data/index.json'), 'utf8'));
  const m = engine.methodology;
  const site = baseUrl ?? '/';
  const cards = [];
  const problems = [];
  for (const entry of index.roles) {
    const text = fs.readFileSync(path.join(web, 'data', entry.file), 'utf8');
    const checked = engine.validate(text);
    if (!checked.ok) {
      problems.push(...checked.errors.map((e) => `${entry.file}: ${e.path}: ${e.message}`));
      continue;
    }
    const out1 = engine.score(checked.assessment);
    const card = cardOf(entry.id, checked.assessment, out1.result, m);
    cards.push(card);
    write(out, `data/cards/${entry.id}.json`, `${JSON.stringify(card)}\n`);
    write(out, `data/inputs/${entry.id}.json`, `${JSON.stringify(inputsOf(checked.assessment))}\n`);
    write(out, `badge/${entry.id}.svg`, badgeSvg(card).svg);
    const { iframe } = embedSnippets({ site, role: entry.id, title: cardName(card), script: false });
    write(out, `oembed/${entry.id}.json`, `${JSON.stringify({
      version: '1.0',
      type: 'rich',
      provider_name: 'jobzone',
      provider_url: site,
      title: `${cardName(card)}: ${card.display_score} ${card.label}`,
      html: iframe,
      width: CARD_FRAME.width,
      height: CARD_FRAME.height,
      cache_age: 86400,
    }, null, 1)}\n`);
    write(out, `roles/${entry.id}/index.html`, rolePage(card, { baseUrl, css }));
  }
  if (problems.length) throw new Error(`the catalog has invalid assessments:\n${problems.join('\n')}`);
  return cards;
}

/** An assessment without its prose: every input the score depends on, and the names. */
function inputsOf(a) {
  const keep = ['format', 'id', 'tasks', 'evidence', 'barriers', 'protective', 'ai_growth_correlation', 'override', 'confidence'];
  const out = Object.fromEntries(keep.filter((k) => a[k] !== undefined).map((k) => [k, a[k]]));
  out.role = { title: a.role.title, ...(a.role.seniority ? { seniority: a.role.seniority } : {}) };
  out.tasks = a.tasks.map(({ rationale, ...task }) => task);
  return out;
}

function write(out, file, text) {
  const to = path.join(out, file);
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.writeFileSync(to, text);
}

/** A static page of one role's score: no script, one stylesheet, the oEmbed discovery link. */
function rolePage(card, { baseUrl, css }) {
  const name = cardName(card);
  const up = '../../';
  const abs = (p) => (baseUrl ? new URL(p, baseUrl).href : `${up}${p}`);
  const description = `${name} scores ${card.display_score}/${card.max} for exposure to AI displacement: ${card.label}, ${card.verdict}. Computed with the JobZone method; adjust every input in the calculator.`;
  const csp = "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${htmlAttr(csp)}">
<title>${htmlText(`${name}: ${card.display_score} ${card.label} · jobzone`)}</title>
<meta name="description" content="${htmlAttr(description)}">
<meta name="color-scheme" content="light dark">
${baseUrl ? `<link rel="canonical" href="${htmlAttr(abs(`roles/${card.id}/`))}">\n` : ''}<link rel="alternate" type="application/json+oembed" href="${htmlAttr(abs(`oembed/${card.id}.json`))}" title="${htmlAttr(name)}">
<meta property="og:type" content="article">
<meta property="og:title" content="${htmlAttr(`${name}: ${card.display_score} ${card.label}`)}">
<meta property="og:description" content="${htmlAttr(description)}">
<link rel="icon" href="${up}icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${up}assets/${htmlAttr(css)}">
</head>
<body>
<main class="wrap role-static">
<p class="eyebrow">Published assessment · JobZone method</p>
<h1>${htmlText(card.title)}${card.seniority ? ` <span class="seniority">(${htmlText(card.seniority)})</span>` : ''}</h1>
<p class="score-block"><span class="big-score">${htmlText(card.display_score)}</span><span class="of">/${card.max}</span></p>
<p><span class="zone-badge z-${card.zone.toLowerCase()}"><span class="zone-dot" aria-hidden="true"></span>${htmlText(card.label)}</span> ${htmlText(card.zone_name)} zone · ${htmlText(card.verdict)}</p>
<p><img src="${up}badge/${htmlAttr(card.id)}.svg" alt="${htmlAttr(badgeSvg(card).alt)}" width="${badgeSvg(card).width}" height="20"></p>
<p><a class="btn" href="${up}?role=${encodeURIComponent(card.id)}">Open the calculator: every section, every input</a></p>
</main>
</body>
</html>
`;
}
