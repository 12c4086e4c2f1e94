// What a derived starting point shows that an assessment does not: the notice that nobody assessed
// it, where it came from (the O*NET occupation, its SOC group's employment and wages), the
// attribution its sources ask for, and each task's provenance (O*NET's Task ID and type, the
// research labels it was scored from). Shared by the app, the prerendered pages and the report.
import { h } from '../lib/dom.js';
import { ATTRIBUTION, DERIVED_CAVEATS, DERIVED_SUMMARY } from '../lib/kind.js';

const whole = (n) => Math.round(n).toLocaleString('en-US');

/** The words for the labels a task was scored from: "O*NET task 1841 · Core · human raters E2 · GPT-4 E2, automation T3". */
export function sourceLine(source) {
  if (!source?.task_id) return '';
  const parts = [`O*NET task ${source.task_id}`, source.task_type ?? 'no task type'];
  if (source.human_exposure) {
    parts.push(`human raters ${source.human_exposure}`);
    parts.push(`GPT-4 ${[source.gpt4_exposure, source.gpt4_automation ? `automation ${source.gpt4_automation}` : null].filter(Boolean).join(', ')}`);
  } else {
    parts.push('no exposure label: scored at the middle, not sure');
  }
  return parts.join(' · ');
}

/** A task's provenance, under its controls (nothing for a task with none). */
export function taskSource(task) {
  const line = sourceLine(task.source);
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
    h('p', null, adjusted ? 'This began as a starting point derived from public data and has been changed since: it is nobody’s published assessment. ' : '',
      DERIVED_SUMMARY),
    pay ? h('p', { class: 'pay' }, pay, '.') : null,
    h('details', { class: 'made' }, h('summary', null, 'How it was made, and its sources'),
      h('ul', { class: 'caveats' }, DERIVED_CAVEATS.map((c) => h('li', null, c))),
      h('dl', { class: 'deflist' }, facts.map(([k, v]) => [h('dt', null, k), h('dd', null, v)])),
      h('div', { class: 'attribution' },
        h('p', null, ATTRIBUTION.onet, ' ', h('a', { href: ATTRIBUTION.onetLicence, rel: 'license' }, 'CC BY 4.0'), '.'),
        h('p', null, ATTRIBUTION.labels),
        h('p', null, ATTRIBUTION.bls))),
    h('p', { class: 'attribution' }, ATTRIBUTION.short));
}
