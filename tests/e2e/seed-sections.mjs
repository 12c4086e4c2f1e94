// The sections of the published role page (shared seed) and the heading each has here: the
// reasons suite and the prerendered pages check them.
/** Each section of the published role page (shared seed) and the heading it has here. */
export const SEED_SECTIONS = [
  ['Score at a Glance', 'Score at a glance'],
  ['Score Composition', 'Score composition'],
  ['Where This Role Sits', 'Where this role sits'],
  ['(summary under the bar)', 'In short'],
  ['Role Definition', 'Role definition'],
  ['Seniority note', 'Seniority note'],
  ['Protective Principles + AI Growth Correlation', 'Protective principles and AI growth'],
  ['Task Decomposition (Agentic AI Scoring)', 'Task decomposition'],
  ['Reinstatement check (Acemoglu)', 'Reinstatement check'],
  ['Evidence Score', 'Market evidence'],
  ['Barrier Assessment', 'Barriers to AI'],
  ['AI Growth Correlation Check', 'AI growth correlation check'],
  ['JobZone Composite Score (AIJRI)', 'The calculation'],
  ['Sub-Label Determination', 'Sub-label'],
  ['Assessor override', 'Verdict'],
  ['Assessor Commentary', 'Assessor commentary'],
  ['What This Means', 'What this means'],
  ['Sources', 'Sources'],
  ['Live Tracked', 'Live tracked'],
];
