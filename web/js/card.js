// The figures a score card shows (format jobzone-card/1), from an assessment and the core's
// result. The build writes one per published role (data/cards/<id>.json), so a published card
// needs no wasm; a card of an own assessment makes the same object in the browser.
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
    zones: m.zones.map((z) => ({ zone: z.zone, name: z.name, min: z.min })),
    method: m.format,
  };
}

/** "AI Research Engineer (Mid-Senior)" */
export const cardName = (card) => `${card.title}${card.seniority ? ` (${card.seniority})` : ''}`;
