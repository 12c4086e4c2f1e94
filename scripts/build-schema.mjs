// Writes web/schema/jobzone-assessment-1.schema.json from core/methodology.json: the ranges,
// dimensions, impacts and limits come from the one data file, so the schema cannot drift from the
// validator. `node scripts/build-schema.mjs --check` exits 1 if the committed schema is stale.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { roleIdPattern } from '../web/js/lib/card.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const m = JSON.parse(fs.readFileSync(path.join(root, 'core/methodology.json'), 'utf8'));
const out = path.join(root, 'web/schema/jobzone-assessment-1.schema.json');
const lim = m.limits;
const inp = m.inputs;

const NO_CONTROL = '^[^\\u0000-\\u001f\\u007f]*$';
const NONBLANK = '^(?=[^\\u0000-\\u001f\\u007f]*[^ \\t\\u0000-\\u001f\\u007f])[^\\u0000-\\u001f\\u007f]*$';
/** @param {number} max @param {{required?: boolean, description?: string}} [options] */
const text = (max, { required = false, description = undefined } = {}) => ({
  type: 'string', ...(required ? { minLength: 1, pattern: NONBLANK } : { pattern: NO_CONTROL }), maxLength: max,
  ...(description ? { description } : {}),
});
/** @param {{required?: boolean, description?: string}} [opts] */
const name = (opts) => text(lim.max_name_chars, opts);
/** @param {{required?: boolean, description?: string}} [opts] */
const prose = (opts) => text(lim.max_text_chars, opts);
const list = (item, description) => ({ type: 'array', maxItems: lim.max_list_items, items: item, ...(description ? { description } : {}) });
/** @param {object} properties @param {{required?: string[], description?: string, extensions?: boolean}} [options] */
const object = (properties, { required = [], description = undefined, extensions = true } = {}) => ({
  type: 'object', ...(description ? { description } : {}), ...(required.length ? { required } : {}),
  additionalProperties: false, ...(extensions ? { patternProperties: { '^x-': {} } } : {}), properties,
});
// Characters an address may not hold anywhere (the validator's is_https_url).
const URL_BAD = '\\u0000-\\u0020\\u007f"<>\\\\`';
const CONFIDENCE = {
  enum: m.insight.confidence.levels.map((l) => l.key),
  description: `how sure: ${m.insight.confidence.levels.map((l) => `${l.key} (${l.text})`).join('; ')} Absent: ${m.insight.confidence.default}.`,
};
const DATE = { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$', description: 'a calendar date, YYYY-MM-DD' };
const scale = (s, description) => object(
  Object.fromEntries(s.dimensions.map((d) => [d.key, { type: 'integer', minimum: s.min, maximum: s.max, description: d.label }])),
  { required: s.dimensions.map((d) => d.key), description },
);
const texts = (s, description) => object(Object.fromEntries(s.dimensions.map((d) => [d.key, prose({ description: `why ${d.label} has its score` })])), { description });

const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'jobzone-assessment-1.schema.json',
  title: 'jobzone assessment (jobzone-assessment/1)',
  description: `One role scored with the JobZone method. Written by scripts/build-schema.mjs from core/methodology.json. Beyond this schema the validator also requires task time shares to add up to ${inp.time_pct.total} (within 1e-6), dates to be real calendar days, at most ${lim.max_input_bytes} bytes of input nested at most ${lim.max_depth} levels, and no duplicate keys; it counts text length in Unicode characters. Keys starting with x- are extensions: accepted anywhere an object allows them and kept verbatim at the top level. Every field after neighbours is optional: the reasons behind the numbers.`,
  type: 'object',
  required: ['format', 'role', 'tasks', 'evidence', 'barriers', 'protective', 'ai_growth_correlation'],
  additionalProperties: false,
  patternProperties: { '^x-': {} },
  properties: {
    $schema: { type: 'string', maxLength: lim.max_name_chars, pattern: NO_CONTROL },
    format: { const: 'jobzone-assessment/1' },
    kind: {
      enum: ['published', 'derived', 'adjusted'],
      description: 'what the document says it is: published (assessed by a person), derived (made by rules from public data; nobody assessed it), adjusted (a derived starting point someone changed). Only a site\'s build decides that a role is published: an app trusts no document\'s claim.',
    },
    derivation: object({
      rule_version: name({ required: true, description: 'the version of the rules (core/methodology.json, derived.version)' }),
      onet_soc: { type: 'string', pattern: '^\\d{2}-\\d{4}\\.\\d{2}$', description: 'the O*NET-SOC code' },
      title: name({ description: "the occupation's O*NET title" }),
      sources: list(prose({ required: true }), 'the data sources, with their versions'),
      job_zone: { type: 'integer', minimum: 1, maximum: 5, description: "O*NET's job zone (preparation needed)" },
      soc_group: object({
        code: { type: 'string', pattern: '^\\d{2}-\\d{4}$' },
        title: name({ required: true }),
        year: { type: 'integer', minimum: 2000, maximum: 2100 },
        employment: { type: 'integer', minimum: 0, maximum: 1000000000 },
        median_annual_wage: { type: 'number', minimum: 0, maximum: 10000000 },
        mean_annual_wage: { type: 'number', minimum: 0, maximum: 10000000 },
      }, { required: ['code', 'title', 'year'], description: "the SOC group's US employment and wages (BLS): the group's figures, which several occupations may share" }),
    }, { required: ['rule_version', 'onet_soc', 'sources'], description: 'where a derived document came from' }),
    id: { type: 'string', pattern: roleIdPattern(lim.max_id_chars).source },
    role: object({
      title: name({ required: true }),
      seniority: name(),
      category: name(),
      aliases: list(name({ required: true })),
      typical_experience: name(),
      primary_function: prose(),
      not_this_role: list(prose({ required: true })),
    }, { required: ['title'] }),
    tasks: {
      type: 'array', minItems: 1, maxItems: lim.max_tasks,
      description: `time_pct of all tasks adds up to ${inp.time_pct.total}`,
      items: object({
        name: text(lim.max_task_chars, { required: true, description: 'what the task is (a derived task: O*NET\'s statement, word for word)' }),
        time_pct: {
          type: 'number', minimum: inp.time_pct.min, maximum: inp.time_pct.max, multipleOf: inp.time_pct.step,
          description: "share of the working week, percent, in hundredths at most (validators need a float tolerance for multipleOf, e.g. ajv's multipleOfPrecision: 6)",
        },
        score: { type: 'integer', minimum: inp.task_score.min, maximum: inp.task_score.max, description: `${inp.task_score.min} = ${inp.task_score.low}, ${inp.task_score.max} = ${inp.task_score.high}` },
        impact: { enum: inp.impacts.map((i) => i.key), description: inp.impacts_text },
        rationale: prose({ description: 'why the task has its score' }),
        confidence: CONFIDENCE,
        source: object({
          task_id: { type: 'integer', minimum: 1, maximum: 999999999, description: "O*NET's Task ID" },
          task_type: { enum: ['Core', 'Supplemental'], description: "O*NET's task type (absent: the task has none)" },
          human_exposure: { enum: ['E0', 'E1', 'E2'], description: 'the human raters\' exposure label (GPTs-are-GPTs)' },
          gpt4_exposure: { enum: ['E0', 'E1', 'E2'], description: "GPT-4's exposure label (GPTs-are-GPTs)" },
          gpt4_automation: { enum: ['T0', 'T1', 'T2', 'T3', 'T4'], description: "GPT-4's automation level (GPTs-are-GPTs)" },
        }, { required: ['task_id'], description: 'where a derived task came from; an edited task keeps it' }),
      }, { required: ['name', 'time_pct', 'score', 'impact'] }),
    },
    evidence: scale(inp.evidence, `market evidence, ${inp.evidence.min}..+${inp.evidence.max} per dimension`),
    barriers: scale(inp.barriers, `barriers to AI, ${inp.barriers.min}..${inp.barriers.max} per dimension`),
    protective: object(
      Object.fromEntries(inp.protective.dimensions.map((d) => [d.key, { type: ['integer', 'null'], minimum: inp.protective.min, maximum: inp.protective.max, description: `${d.label} (null: not judged)` }])),
      { required: inp.protective.dimensions.map((d) => d.key), description: `protective principles, ${inp.protective.min}..${inp.protective.max} per dimension, or null where nobody judged it (not in the score)` },
    ),
    ai_growth_correlation: { type: 'integer', minimum: inp.ai_growth_correlation.min, maximum: inp.ai_growth_correlation.max },
    override: {
      oneOf: [{ type: 'null' }, {
        ...object({
          score: { type: 'number', minimum: m.clamp.min, maximum: m.clamp.max },
          zone: { enum: m.zones.map((z) => z.zone) },
          label: name({ required: true }),
          reason: prose({ required: true }),
        }, { required: ['reason'] }),
        anyOf: [{ required: ['score'] }, { required: ['zone'] }, { required: ['label'] }],
      }],
    },
    neighbours: {
      type: 'array', maxItems: lim.max_neighbours, description: 'roles a published page places this one among (score only)',
      items: object({ title: name({ required: true }), score: { type: 'number', minimum: m.clamp.min, maximum: m.clamp.max }, label: name() },
        { required: ['title', 'score'] }),
    },
    rationale: object({
      evidence: texts(inp.evidence, 'why each evidence item has its score'),
      barriers: texts(inp.barriers, 'why each barrier has its score'),
      protective: texts(inp.protective, 'why each protective principle has its score'),
      ai_growth_correlation: prose({ description: 'the AI growth correlation check' }),
    }, { description: 'the reason for every judged input but the tasks (each task has its own rationale)' }),
    summary: prose({ description: 'the verdict in a few sentences' }),
    seniority_note: prose({ description: 'how more junior or senior holders of the role would score' }),
    reinstatement: object({ new_tasks: { type: 'boolean' }, text: prose() },
      { required: ['new_tasks'], description: 'does AI create new tasks for the role (the reinstatement check)?' }),
    commentary: object({
      score_vs_reality: prose(),
      not_captured: list(prose({ required: true }), 'what the numbers do not capture'),
      who_should_worry: object({ stronger: prose(), weaker: prose(), biggest_factor: prose() }),
    }, { description: 'assessor commentary' }),
    outlook: object({
      years: { type: 'integer', minimum: 1, maximum: 20, description: 'how far ahead role_then looks' },
      role_then: prose(),
      strategy: list(prose({ required: true }), 'steps of a strategy for people in the role'),
      timeline: prose(),
    }),
    sources: list(object({
      title: name({ required: true }),
      url: { type: 'string', maxLength: lim.max_url_chars, pattern: `^https://[^${URL_BAD}@/?#.:][^${URL_BAD}@/?#]*([/?#][^${URL_BAD}]*)?$`, description: 'https: only, no credentials' },
      publisher: name(),
      date: DATE,
    }, { required: ['title'] })),
    assessed: DATE,
    history: list(object({
      date: DATE,
      score: { type: 'number', minimum: m.clamp.min, maximum: m.clamp.max },
      label: name({ required: true }),
      note: prose(),
    }, { required: ['date', 'score'] }), 'published score changes, oldest first'),
    live_tracked: { type: 'boolean', description: 'the publisher re-assesses the role as AI changes' },
    confidence: object({
      evidence: object(Object.fromEntries(inp.evidence.dimensions.map((d) => [d.key, CONFIDENCE]))),
      barriers: object(Object.fromEntries(inp.barriers.dimensions.map((d) => [d.key, CONFIDENCE]))),
      ai_growth_correlation: CONFIDENCE,
    }, { description: 'how sure the assessor is of each judged input (tasks carry theirs)' }),
  },
};

const textOut = `${JSON.stringify(schema, null, 2)}\n`;
if (process.argv.includes('--check')) {
  if (fs.readFileSync(out, 'utf8') !== textOut) {
    console.error(`${path.relative(root, out)} is stale: run node scripts/build-schema.mjs`);
    process.exit(1);
  }
} else {
  fs.writeFileSync(out, textOut);
}
