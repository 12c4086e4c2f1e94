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
/**
 * A card's figures. `kind` (lib/kind.js CardKind): what the card says it is; the build passes the
 * catalog's kind, the page the kind of what leaves it, the widget "self" for a state or an inline
 * assessment (nothing in a snippet is trusted to be published).
 * @param {'published' | 'derived' | 'self'} kind
 */
export function cardOf(id, assessment, result, m, kind) {
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
    // Published, derived or self-assessed: every card, badge and preview says which.
    kind,
    zones: m.zones.map((z) => ({ zone: z.zone, name: z.name, min: z.min })),
    method: m.format,
  };
}

/** "AI Research Engineer (Mid-Senior)" */
export const cardName = (card) => `${card.title}${card.seniority ? ` (${card.seniority})` : ''}`;

/**
 * What a card, badge, preview image, report or read view calls itself: published (the build's
 * catalog says so), derived (a catalog starting point, untouched) or self-assessed (anything a
 * person edited, a derived starting point adjusted included, and anything from a share link or a
 * page's own markup: nobody published or checked it).
 * A card's foot reads word + wide (where there is room) + tail: "Derived from O*NET data · not assessed".
 * @typedef {'published' | 'derived' | 'self'} CardKind
 */
export const CARD_KIND = Object.freeze({
  published: Object.freeze({ word: 'Published', wide: '', tail: ' · JobZone method', badge: 'AI exposure (published)', alt: 'published, JobZone method', image: 'jobzone · published assessment, JobZone method' }),
  derived: Object.freeze({ word: 'Derived', wide: ' from O*NET data', tail: ' · not assessed', badge: 'AI exposure (derived)', alt: 'derived from O*NET data and research labels, not assessed', image: 'jobzone · derived from O*NET data, not assessed' }),
  self: Object.freeze({ word: 'Self-assessed', wide: '', tail: ' · not published', badge: 'AI exposure (self-assessed)', alt: 'self-assessed with jobzone, not published', image: 'jobzone · self-assessed, not published' }),
});

/** A card's kind: its `kind` field, where a card the build wrote (published) has none. @returns {CardKind} */
export const cardKind = (card) => (card?.kind === 'derived' ? 'derived' : card?.kind === 'self' || card?.kind === 'adjusted' ? 'self' : 'published');

/** The card kind of a document's kind (lib/kind.js outgoingKind): only an untouched catalog role is published or derived. @returns {CardKind} */
export const cardKindOf = (kind) => (kind === 'published' || kind === 'derived' ? kind : 'self');
