// The figures a score card shows (format jobzone-card/1), from an assessment and the core's
// result. The build writes one per published role (data/cards/<id>.json), so a published card
// needs no wasm; a card of an own assessment makes the same object in the browser. Also what the
// page and the build share about a role: its id's form, and the inputs the score needs.

/** A role id as the core accepts it: 1 to `maxChars` lowercase letters, digits and dashes (methodology limits.max_id_chars). */
export const roleIdPattern = (maxChars) => new RegExp(`^[a-z0-9][a-z0-9-]{0,${maxChars - 1}}$`);
/**
 * The same for the widget, which loads no methodology (a published card needs no wasm): the limit
 * is core/methodology.json's, and tests/node/zones.test.mjs checks that the two agree.
 */
export const MAX_ID_CHARS = 80;
export const ROLE_ID = roleIdPattern(MAX_ID_CHARS);

/**
 * Every input the score depends on and every name, without the prose (or a derived task's provenance): what the slider path sends
 * to the core (so each move serialises and parses less), what an embedded card carries, and a
 * published role's data/inputs/<id>.json.
 */
export function scoringInput(a) {
  return {
    format: a.format, role: { title: a.role.title, seniority: a.role.seniority },
    tasks: a.tasks.map(({ rationale, source, ...task }) => task), evidence: a.evidence,
    barriers: a.barriers, protective: a.protective, ai_growth_correlation: a.ai_growth_correlation, override: a.override ?? null,
    ...(a.confidence ? { confidence: a.confidence } : {}),
  };
}
export function cardOf(id, assessment, result, m) {
  const zone = m.zones.find((z) => z.zone === result.final.zone);
  return {
    format: 'jobzone-card/1',
    id,
    title: assessment.role.title,
    ...(assessment.role.seniority ? { seniority: assessment.role.seniority } : {}),
    score: result.final.score,
    display_score: result.final.display_score,
    max: m.clamp.max,
    zone: result.final.zone,
    zone_name: zone?.name ?? result.final.zone,
    label: result.final.label,
    verdict: zone?.verdict ?? result.verdict,
    tasks: assessment.tasks.length,
    // A derived starting point (or one adjusted from it) says so on every card, badge and preview.
    ...(assessment.kind === 'derived' || assessment.kind === 'adjusted' ? { kind: assessment.kind } : {}),
    zones: m.zones.map((z) => ({ zone: z.zone, name: z.name, min: z.min })),
    method: m.format,
  };
}

/** "AI Research Engineer (Mid-Senior)" */
export const cardName = (card) => `${card.title}${card.seniority ? ` (${card.seniority})` : ''}`;
