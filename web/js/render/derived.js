// What a derived starting point shows that an assessment does not: the notice that nobody assessed
// it, where it came from (the O*NET occupation, its SOC group's employment and wages), the
// attribution its sources ask for, and each task's provenance (O*NET's Task ID and type, the
// research labels it was scored from). Shared by the app, the prerendered pages and the report.
import { h } from '../lib/dom.js';
import { ATTRIBUTION, DERIVED_CAVEATS, DERIVED_SUMMARY } from '../lib/kind.js';

/** A whole number with thousands separators ("3,047,530"), written out (toLocaleString's first call loads locale data: tens of ms). */
const whole = (n) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** The research labels in words (Eloundou et al.; the rules in core/methodology.json name them so too). */
export const LABEL_WORDS = {
  E0: 'not exposed to language models',
  E1: 'a language model alone could halve its time',
  E2: 'exposed with software built on a language model',
  T0: 'none of it', T1: 'a little of it', T2: 'some of it', T3: 'most of it', T4: 'all of it',
};

/**
 * Where a derived task's level came from, in words: "From the data: human raters labelled it E2
 * (exposed with software built on a language model), so level 3; GPT-4 rated its automation T3
 * (most of it). O*NET task 1841, Core."
 */
export function sourceLine(source, methodology = null) {
  if (!source?.task_id) return '';
  const where = `O*NET task ${source.task_id}, ${source.task_type ?? 'no task type'}.`;
  if (!source.human_exposure) return `From the data: no exposure label for this task, so the middle level, not sure. ${where}`;
  const scored = methodology?.derived?.rules?.find((r) => r.key === 'task_score')?.scores?.[source.human_exposure];
  const level = scored !== undefined ? `, so level ${scored}` : '';
  const gpt = source.gpt4_automation ? `; GPT-4 rated its automation ${source.gpt4_automation} (${LABEL_WORDS[source.gpt4_automation] ?? 'unknown'})` : '';
  return `From the data: human raters labelled it ${source.human_exposure} (${LABEL_WORDS[source.human_exposure] ?? 'unknown'})${level}${gpt}. ${where}`;
}

/** A derived task's provenance for the report's table: "E2 → 3 · T3 · task 1841, Core" (`labelKey` says what the codes mean). */
export function shortSource(source, methodology = null) {
  if (!source?.task_id) return '';
  const scored = methodology?.derived?.rules?.find((r) => r.key === 'task_score')?.scores?.[source.human_exposure];
  const label = source.human_exposure ? `${source.human_exposure}${scored !== undefined ? ` → ${scored}` : ''}` : 'no label → 3, not sure';
  return [label, source.gpt4_automation, `task ${source.task_id}, ${source.task_type ?? 'no type'}`].filter(Boolean).join(' · ');
}

/** The codes `shortSource` uses in these tasks, in words, once above the table. */
export function labelKey(tasks) {
  const used = new Set(tasks.flatMap((t) => [t.source?.human_exposure, t.source?.gpt4_automation]).filter(Boolean));
  const codes = Object.keys(LABEL_WORDS).filter((c) => used.has(c));
  if (!codes.length) return '';
  return `Where each level came from: the human raters' exposure label and the level it gives (→), GPT-4's automation rating, and O*NET's Task ID. ${codes.map((c) => `${c}: ${LABEL_WORDS[c]}`).join('; ')}.`;
}

/** A task's provenance, under its controls (nothing for a task with none). */
export function taskSource(task, methodology = null) {
  const line = sourceLine(task.source, methodology);
  return line ? h('p', { class: 'task-source muted' }, line) : null;
}

/** The SOC group's figures, named as the group's: "Registered Nurses (SOC 29-1141), May 2021: 3,047,530 jobs; median pay $77,600 a year". */
export function wagesLine(group) {
  if (!group) return null;
  const figures = [
    group.employment !== undefined ? `${whole(group.employment)} jobs` : null,
    group.median_annual_wage !== undefined ? `median pay $${whole(group.median_annual_wage)} a year` : null,
  ].filter(Boolean);
  if (!figures.length) return null;
  return `${group.title} (SOC ${group.code}), BLS May ${group.year}, the whole SOC group in the U.S.: ${figures.join('; ')}`;
}

/**
 * The notice at the top of a derived (or adjusted) role: what it is, what it is not, where it came
 * from, and the attribution. `adjusted`: someone has changed the derived starting point.
 */
export function derivedSection(assessment, { adjusted = false } = {}) {
  const d = assessment.derivation ?? {};
  const pay = wagesLine(d.soc_group);
  const facts = [
    d.onet_soc ? ['O*NET occupation', `${d.title ?? assessment.role.title} (O*NET-SOC ${d.onet_soc})`] : null,
    d.job_zone ? ['O*NET job zone', `${d.job_zone} of 5 (how much preparation the job needs)`] : null,
    pay ? ['U.S. employment and pay', pay] : ['U.S. employment and pay', 'Not shown: BLS May 2021 has no figures for this occupation’s SOC group.'],
    d.rule_version ? ['Rules', `${d.rule_version} (listed under Rules and assumptions)`] : null,
  ].filter(Boolean);
  return h('section', { id: 'derived', class: 'card derived-note', 'aria-labelledby': 'derived-h' },
    h('h2', { id: 'derived-h' }, adjusted ? 'Adjusted from a derived starting point' : 'A derived starting point, not an assessment'),
    h('p', { class: 'derived-plain' }, adjusted ? 'This began as a starting point derived from public data and has been changed since: it is nobody’s published assessment.'
      : 'Derived from O*NET’s tasks for this occupation and research labels of how exposed each task is to language models. Nobody has assessed it, and its market inputs were not judged.'),
    adjusted ? null : h('p', { class: 'make-mine' },
      h('button', { type: 'button', class: 'btn primary', 'data-action': 'adjust-guided' }, 'Make it mine'),
      ' Pick your tasks, hours and levels: about a minute, and it stays in this browser.'),
    h('details', { class: 'made' }, h('summary', null, 'How it was made, and its sources'),
      h('p', null, DERIVED_SUMMARY),
      pay ? h('p', { class: 'pay' }, pay, '.') : null,
      h('ul', { class: 'caveats' }, DERIVED_CAVEATS.map((c) => h('li', null, c))),
      h('dl', { class: 'deflist' }, facts.map(([k, v]) => [h('dt', null, k), h('dd', null, v)])),
      h('div', { class: 'attribution' },
        h('p', null, ATTRIBUTION.onet, ' ', h('a', { href: ATTRIBUTION.onetLicence, rel: 'license' }, 'CC BY 4.0'), '.'),
        h('p', null, ATTRIBUTION.labels),
        h('p', null, ATTRIBUTION.bls))),
    h('p', { class: 'attribution' }, ATTRIBUTION.short));
}
