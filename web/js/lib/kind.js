// What a role is, in the words every surface uses: published (a person assessed it), derived (made
// by stated rules from public data; nobody assessed it) or adjusted (a derived starting point
// someone changed). Only the site's build decides that a role is published or derived (it stamps
// `kind` on the catalog's files); a file or a share link that claims "published" is not trusted.
// Used by the page, the card, the badge, the preview image, the report and the build.

/** @typedef {'published' | 'derived' | 'adjusted'} Kind */

/** The short words of each kind: a badge, the line over a title, what a baseline is called. */
export const KIND = {
  published: { badge: 'Published', eyebrow: 'Published assessment', baseline: 'Published', reset: 'Reset to published', back: 'Back to the published figures.' },
  derived: { badge: 'Derived', eyebrow: 'Derived starting point · not assessed', baseline: 'Derived', reset: 'Reset to the derived start', back: 'Back to the derived starting point.' },
  adjusted: { badge: 'Adjusted', eyebrow: 'Adjusted from a derived starting point', baseline: 'Derived', reset: 'Reset to the derived start', back: 'Back to the derived starting point.' },
};

/** Whether a document began as a derived starting point (derived, adjusted, or keeping a derivation). */
export const fromDerived = (assessment) => Boolean(assessment?.derivation || assessment?.kind === 'derived' || assessment?.kind === 'adjusted');

/** A catalog role's kind as the build stamped it (a catalog file without one is published). @returns {'published' | 'derived'} */
export const catalogKind = (assessment) => (assessment?.kind === 'derived' ? 'derived' : 'published');

/**
 * The kind of a document opened as one's own (a file, a share link, a draft): never published; a
 * derived document, or one that keeps a derivation, is adjusted from a derived starting point.
 * @returns {Kind | null}
 */
export const ownKind = (assessment) => (fromDerived(assessment) ? 'adjusted' : null);

/**
 * The kind a document leaving the page carries (a file, a share link, a card): a catalog role as
 * the build stamped it while unchanged; changed, a derived one is adjusted and a published one is
 * nobody's published figure any more; your own, as ownKind says.
 * @param {{mode: string, current: any, baseline: any}} state @returns {Kind | null}
 */
export function outgoingKind({ mode, current, baseline }) {
  if (mode !== 'published') return ownKind(current);
  const same = JSON.stringify(current) === JSON.stringify(baseline);
  if (catalogKind(baseline) === 'derived') return same ? 'derived' : 'adjusted';
  return same ? 'published' : null;
}

/** `assessment` with `kind` set (or removed, for null). */
export function withKind(assessment, kind) {
  const { kind: _old, ...rest } = assessment;
  return kind ? { ...rest, kind } : rest;
}

/** What the figures a role is compared with are called: "Derived" when it began as a derived starting point. */
export const baselineWord = (assessment) => KIND[fromDerived(assessment) ? 'derived' : 'published'].baseline;

/** What a page's title adds after its figure, by kind (the tab, the prerendered page, a bookmark). */
export const TITLE_NOTE = { published: '', derived: ' (derived, not assessed)', adjusted: ' (adjusted from derived, not assessed)' };

/** One sentence: what a derived starting point is and is not (page, report, card title). */
export const DERIVED_SENTENCE = 'Derived from O*NET task statements and research labels by stated rules; nobody has assessed it.';

/** What a derived page says first, in plain words. */
export const DERIVED_SUMMARY = 'Nobody has assessed this occupation. Its tasks are O*NET’s, word for word; each task’s score comes from research labels of how exposed it is to language models (not to robots, machines or self-driving vehicles); and the inputs nobody judged (market evidence, barriers, AI growth) sit at the middle of their scales, marked not sure. Adjust it to your own week.';

/** The plain-words caveats a derived page carries, each a sentence. */
export const DERIVED_CAVEATS = [
  'Nobody has assessed this occupation: every figure here follows from public data by the rules listed under “Rules and assumptions”.',
  'Tasks are O*NET’s task statements, word for word; their time shares come from O*NET’s Core and Supplemental marks, not from anyone’s week.',
  'Task scores come from research labels of how exposed each task is to language models (GPTs are GPTs, 2023 labels). They do not measure robots, machines or self-driving vehicles: a plumber’s or a truck driver’s hands-on tasks read as unexposed.',
  'Market evidence, barriers and AI growth sit at the middle of their scales, marked not sure; protective principles are not judged. The range shows what that leaves open.',
];

/** The attribution O*NET asks for, and the labels' notice (derived pages, reports, NOTICE). */
export const ATTRIBUTION = {
  onet: 'This page includes information from the O*NET 29.3 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA. jobzone has modified all or some of this information. USDOL/ETA has not approved, endorsed, or tested these modifications.',
  onetLicence: 'https://creativecommons.org/licenses/by/4.0/',
  labels: 'Task exposure labels: Eloundou, Manning, Mishkin and Rock, “GPTs are GPTs: Labor market impact potential of LLMs”, Science 384 (2024); data from openai/GPTs-are-GPTs, MIT licence, Copyright (c) 2024 OpenAI.',
  short: 'Includes information from the O*NET 29.3 Database (USDOL/ETA, CC BY 4.0), modified by jobzone, and the GPTs are GPTs task labels (MIT licence).',
  bls: 'Employment and wages: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2021 (public domain), for the occupation’s SOC group.',
};
