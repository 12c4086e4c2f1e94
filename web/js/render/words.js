// Plain words for what a result means and when it was made, for readers who do not know the
// method: the printed report and the read view of a shared link say them.
import { pct, signed } from '../lib/format.js';

/** What each zone means for the reader, in this project's words (not the method's). */
const ZONE_PLAIN = {
  GREEN: 'the work is expected to hold up: AI changes how much of it is done more than whether it is needed',
  YELLOW: 'a large part of the work is open to AI: expect the role to change, and to need fewer people for parts of it',
  RED: 'much of the working time goes to tasks AI can already do: demand for the role as it is now is at real risk',
};

/**
 * "In plain words: Green (Transforming) means …": the zone, and what put the result under its
 * label (the label's rule in the methodology, said with this result's own figure).
 */
export function zoneMeaning(r, m) {
  const zone = m.zones.find((z) => z.zone === r.zone);
  const rule = m.labels.find((l) => l.label === r.label);
  const when = rule?.when ?? {};
  const parts = [`${zone ? zone.name : r.zone} means ${ZONE_PLAIN[r.zone] ?? 'what the zone edges in the method say'}`];
  if (when.ai_growth_correlation?.min !== undefined) {
    parts.push(`“${r.label}” because AI's growth is expected to raise demand for this work (AI growth ${signed(when.ai_growth_correlation.min)})`);
  }
  if (when.time_share_3plus?.min !== undefined) {
    parts.push(`“${r.label}” because ${pct(r.time_share_3plus)} of the working time goes to tasks scored ${m.inputs.task_score.exposed_min} or more, where AI can do much of the work (the label needs ${when.time_share_3plus.min}% or more)`);
  }
  return `In plain words: ${parts.join('; ')}.`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "6 December 2026": a date no reader can take for another (never 12/6/2026). */
export const dayWords = (date) => `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
