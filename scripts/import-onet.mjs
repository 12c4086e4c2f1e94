// The O*NET importer: one derived assessment per occupation, made from the public data in
// scripts/sources/ (O*NET 29.3 task statements, the GPTs-are-GPTs exposure labels, BLS wages of May
// 2021) by the rules in core/methodology.json (`derived`, each rule marked assumed). Deterministic:
// the same sources and rules give the same bytes. It reports what it made and what it skipped, why.
// Usage: node scripts/import-onet.mjs [--sources DIR] [--out DIR]   (default out: build/catalog/derived)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SOURCES = path.join(root, 'scripts/sources');
export const DERIVED_OUT = path.join(root, 'build/catalog/derived');

/** The words every derived surface carries about the sources (also in NOTICE and the README). */
export const SOURCE_NAMES = [
  'O*NET 29.3 Database (May 2025), U.S. Department of Labor, Employment and Training Administration (USDOL/ETA), CC BY 4.0: occupation, description and task statements',
  'GPTs are GPTs task exposure labels (Eloundou, Manning, Mishkin, Rock; Science 384, 2024), MIT licence: human and GPT-4 exposure, GPT-4 automation',
  'U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2021, national (public domain): employment and wages by SOC group',
];

/**
 * Rows of a delimited text (tab or comma): quoted fields ("a ""b"" c") are read as the writer meant
 * them; a byte-order mark is dropped. Returns arrays of strings, the header row first.
 * @param {string} text @param {string} sep
 */
export function parseDelimited(text, sep) {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  let atStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
      continue;
    }
    if (c === '"' && atStart) { quoted = true; atStart = false; continue; }
    if (c === sep) { row.push(field); field = ''; atStart = true; continue; }
    if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
      field = '';
      atStart = true;
      continue;
    }
    field += c;
    atStart = false;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** Rows as objects keyed by the header (an unnamed first column is "#"). */
function table(file, sep) {
  const [header, ...rows] = parseDelimited(fs.readFileSync(file, 'utf8'), sep);
  const keys = header.map((h, i) => (h === '' && i === 0 ? '#' : h));
  return rows.map((r) => Object.fromEntries(keys.map((k, i) => [k, r[i] ?? ''])));
}

/** Reads the sources: {occupations, tasks, labels, jobZones, alternate, reported, wages}. */
export function readSources(dir = SOURCES) {
  const onet = (name) => table(path.join(dir, 'onet-29.3', name), '\t');
  const labels = new Map();
  for (const r of table(path.join(dir, 'gpts-are-gpts/full_labelset.tsv'), '\t')) {
    // Task IDs are written as floats there ("8823.0").
    const id = Number(r['Task ID']);
    if (Number.isInteger(id)) labels.set(id, r);
  }
  const wages = new Map();
  const groups = new Map();
  for (const r of table(path.join(dir, 'gpts-are-gpts/national_May2021_dl.csv'), ',')) {
    if (r.O_GROUP === 'detailed' && r.AREA === '99') wages.set(r.OCC_CODE, r);
    if (r.O_GROUP === 'major' && r.AREA === '99') groups.set(r.OCC_CODE.slice(0, 2), r.OCC_TITLE);
  }
  return {
    occupations: onet('Occupation Data.txt'),
    tasks: onet('Task Statements.txt'),
    jobZones: onet('Job Zones.txt'),
    alternate: onet('Alternate Titles.txt'),
    reported: onet('Sample of Reported Titles.txt'),
    labels,
    wages,
    groups,
  };
}

/** The rule of `key` in the methodology's derived block. */
function rule(methodology, key) {
  const r = methodology.derived.rules.find((x) => x.key === key);
  if (!r) throw new Error(`core/methodology.json: derived.rules has no "${key}" rule`);
  return r;
}

/**
 * Shares in hundredths of a percent, proportional to `weights`, adding up to exactly 10000:
 * the largest remainders get the hundredths left over; ties go to the one listed first.
 * @param {number[]} weights @returns {number[]} hundredths
 */
export function apportion(weights) {
  const total = weights.reduce((a, b) => a + b, 0);
  // Exact in integers: weight * 10000 / total, floor and remainder.
  const base = weights.map((w) => Math.floor((w * 10000) / total));
  const rest = weights.map((w, i) => ({ i, r: (w * 10000) % total }));
  let left = 10000 - base.reduce((a, b) => a + b, 0);
  rest.sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of rest) {
    if (left === 0) break;
    base[i] += 1;
    left -= 1;
  }
  return base;
}

/** A BLS figure: "140,886,310" → 140886310; "#", "*", "**" or empty (suppressed, or top-coded) → null. */
export function blsNumber(text) {
  const t = String(text ?? '').replaceAll(',', '').trim();
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

/** The occupation's id: "29-1141.00" → "onet-29-1141-00". */
export const occupationId = (code, methodology) => `${methodology.derived.id_prefix}${code.replace(/[.]/g, '-')}`;

/**
 * Every derived assessment (its category: the SOC major group's name, as BLS words it): {documents: [{id, document}], skipped: [{code, title, reason}],
 * titles: {id: {reported: [...], alternate: [...], short: [...]}} (the names workers reported, then
 * O*NET's other alternate titles, then its short titles, each without the title or a name already
 * listed), counts}. `sources` from readSources; `methodology` the parsed
 * core/methodology.json.
 */
export function importCatalog(sources, methodology) {
  const m = methodology;
  const shares = rule(m, 'time_shares');
  const scoring = rule(m, 'task_score');
  const impactRule = rule(m, 'task_impact');
  const unlabelled = rule(m, 'unlabelled_task');
  const unjudged = rule(m, 'unjudged_inputs');
  const wageRule = rule(m, 'wages');
  const tasksOf = new Map();
  for (const t of sources.tasks) {
    if (!tasksOf.has(t['O*NET-SOC Code'])) tasksOf.set(t['O*NET-SOC Code'], []);
    tasksOf.get(t['O*NET-SOC Code']).push(t);
  }
  const zoneOf = new Map(sources.jobZones.map((z) => [z['O*NET-SOC Code'], Number(z['Job Zone'])]));
  const namesOf = (rows, column) => {
    const map = new Map();
    for (const r of rows) {
      const n = String(r[column] ?? '').replace(/\s+/g, ' ').trim();
      if (!n) continue;
      if (!map.has(r['O*NET-SOC Code'])) map.set(r['O*NET-SOC Code'], new Set());
      map.get(r['O*NET-SOC Code']).add(n);
    }
    return map;
  };
  const reportedOf = namesOf(sources.reported, 'Reported Job Title');
  const alternateOf = namesOf(sources.alternate, 'Alternate Title');
  const shortOf = namesOf(sources.alternate, 'Short Title');
  const sorted = (list) => list.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const documents = [];
  const skipped = [];
  const titles = {};
  const counts = { occupations: sources.occupations.length, made: 0, tasks: 0, labelled: 0, unlabelled: 0, untyped: 0,
    withWages: 0, skipped: {} };
  const skip = (o, reason) => {
    skipped.push({ code: o['O*NET-SOC Code'], title: o.Title, reason });
    counts.skipped[reason] = (counts.skipped[reason] ?? 0) + 1;
  };
  const dims = (scale, value) => Object.fromEntries(scale.dimensions.map((d) => [d.key, value]));
  for (const o of sources.occupations) {
    const code = o['O*NET-SOC Code'];
    const list = tasksOf.get(code) ?? [];
    if (list.length === 0) {
      skip(o, 'no task statements in O*NET 29.3');
      continue;
    }
    if (list.length > m.limits.max_tasks) {
      skip(o, `more than ${m.limits.max_tasks} task statements`);
      continue;
    }
    const weightOf = (t) => shares.weights[t['Task Type'] === 'Core' ? 'Core' : t['Task Type'] === 'Supplemental' ? 'Supplemental' : 'untyped'];
    // By weight (heaviest first), then in O*NET's order: apportioned in that order, so ties in the
    // remainders go to the task listed first.
    const ordered = list.map((t, i) => ({ t, i, w: weightOf(t) })).sort((a, b) => b.w - a.w || a.i - b.i);
    const hundredths = apportion(ordered.map((x) => x.w));
    const tasks = ordered.map(({ t }, k) => {
      const id = Number(t['Task ID']);
      const label = sources.labels.get(id);
      const source = { task_id: id };
      if (t['Task Type'] === 'Core' || t['Task Type'] === 'Supplemental') source.task_type = t['Task Type'];
      else counts.untyped += 1;
      const task = { name: t.Task.replace(/\s+/g, ' ').trim(), time_pct: hundredths[k] / 100, score: 0, impact: '' };
      const human = label?.human_exposure_agg;
      if (label && /^E[012]$/.test(human)) {
        if (/^E[012]$/.test(label.gpt4_exposure)) source.gpt4_exposure = label.gpt4_exposure;
        if (/^T[0-4]$/.test(label.gpt4_automation)) source.gpt4_automation = label.gpt4_automation;
        source.human_exposure = human;
        task.score = scoring.scores[human];
        task.impact = human === 'E0' ? 'not_involved' : impactRule.displacement.includes(source.gpt4_automation) ? 'displacement' : 'augmentation';
        counts.labelled += 1;
      } else {
        task.score = unlabelled.score;
        task.impact = unlabelled.impact;
        task.confidence = unlabelled.confidence;
        counts.unlabelled += 1;
      }
      task.source = source;
      return task;
    });
    const id = occupationId(code, m);
    const derivation = { rule_version: m.derived.version, onet_soc: code, title: o.Title, sources: SOURCE_NAMES };
    if (zoneOf.has(code)) derivation.job_zone = zoneOf.get(code);
    const bls = sources.wages.get(code.slice(0, 7));
    if (bls) {
      const group = { code: bls.OCC_CODE, title: bls.OCC_TITLE, year: wageRule.year };
      const employment = blsNumber(bls.TOT_EMP);
      const median = blsNumber(bls.A_MEDIAN);
      const mean = blsNumber(bls.A_MEAN);
      if (employment !== null) group.employment = employment;
      if (median !== null) group.median_annual_wage = median;
      if (mean !== null) group.mean_annual_wage = mean;
      derivation.soc_group = group;
      counts.withWages += 1;
    }
    const document = {
      format: 'jobzone-assessment/1',
      id,
      kind: 'derived',
      derivation,
      role: { title: o.Title.trim(), category: sources.groups.get(code.slice(0, 2)) ?? 'Other occupations', primary_function: o.Description.replace(/\s+/g, ' ').trim() },
      tasks,
      evidence: dims(m.inputs.evidence, unjudged.evidence),
      barriers: dims(m.inputs.barriers, unjudged.barriers),
      protective: dims(m.inputs.protective, null),
      ai_growth_correlation: unjudged.ai_growth_correlation,
      override: null,
      confidence: {
        evidence: dims(m.inputs.evidence, unjudged.confidence),
        barriers: dims(m.inputs.barriers, unjudged.confidence),
        ai_growth_correlation: unjudged.confidence,
      },
    };
    documents.push({ id, document });
    const reported = sorted([...(reportedOf.get(code) ?? [])].filter((n) => n !== o.Title.trim()));
    const alternate = sorted([...(alternateOf.get(code) ?? [])].filter((n) => n !== o.Title.trim() && !reported.includes(n)));
    // O*NET's Short Title column ("RN", "LPN"): the names people type most, kept apart.
    const short = sorted([...(shortOf.get(code) ?? [])].filter((n) => n !== o.Title.trim() && !reported.includes(n) && !alternate.includes(n)));
    titles[id] = { reported, alternate, short };
    counts.made += 1;
    counts.tasks += tasks.length;
  }
  return { documents, skipped, titles, counts };
}

/** Writes one file per derived document into `out` (emptied first); returns the import. */
export function writeCatalog(out = DERIVED_OUT, { sourcesDir = SOURCES, methodology = null } = {}) {
  const m = methodology ?? JSON.parse(fs.readFileSync(path.join(root, 'core/methodology.json'), 'utf8'));
  const result = importCatalog(readSources(sourcesDir), m);
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  for (const { id, document } of result.documents) fs.writeFileSync(path.join(out, `${id}.json`), `${JSON.stringify(document, null, 1)}\n`);
  fs.writeFileSync(path.join(path.dirname(out), 'titles.json'), `${JSON.stringify(result.titles)}\n`);
  fs.writeFileSync(path.join(path.dirname(out), 'import-report.json'), `${JSON.stringify({ counts: result.counts, skipped: result.skipped }, null, 1)}\n`);
  return result;
}

/** The report a person reads: counts, then each skipped occupation with its reason. */
export function reportLines({ counts, skipped }) {
  const lines = [
    `${counts.occupations} occupations read; ${counts.made} derived assessments made, ${skipped.length} skipped`,
    `${counts.tasks} tasks: ${counts.labelled} with a label, ${counts.unlabelled} without (scored by the unlabelled-task rule); ${counts.untyped} with no type`,
    `${counts.withWages} with their SOC group's BLS May 2021 figures`,
  ];
  for (const [reason, n] of Object.entries(counts.skipped)) lines.push(`skipped, ${reason}: ${n}`);
  for (const s of skipped) lines.push(`  ${s.code} ${s.title}: ${s.reason}`);
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : null);
  const started = performance.now();
  const result = writeCatalog(option('--out') ? path.resolve(option('--out')) : DERIVED_OUT,
    { sourcesDir: option('--sources') ? path.resolve(option('--sources')) : SOURCES });
  for (const line of reportLines(result)) console.log(line);
  console.log(`in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
