// Numbers formatted as the published role page prints them, by the core's one rounding rule: half
// away from zero on the decimal value. The core prints every figure it computes (display.*); the
// page rounds only what it works out itself (a task's weighted share, a difference, a percentage),
// from the number's shortest decimal text, which for a document's decimals is the value as written.

/** `value` rounded half away from zero to `decimals` places, as text ("-0.0" is "0.0"). */
export const fixed = (value, decimals) => {
  if (!Number.isFinite(value)) return String(value);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!m) return value.toFixed(decimals);
  const digits = `${m[2]}${m[3] ?? ''}`;
  const point = m[2].length + Number(m[4] ?? 0); // digits before the decimal point
  const padded = point < 0 ? `${'0'.repeat(-point)}${digits}` : digits;
  const at = Math.max(point, 0);
  const whole = padded.slice(0, at + decimals).padEnd(at + decimals, '0') || '0';
  let units = BigInt(whole);
  if ((padded[at + decimals] ?? '0') >= '5') units += 1n; // the first dropped digit: half away from zero
  let text = units.toString().padStart(decimals + 1, '0');
  if (decimals > 0) text = `${text.slice(0, -decimals)}.${text.slice(-decimals)}`;
  return m[1] && units !== 0n ? `-${text}` : text;
};
export const score1 = (value) => fixed(value, 1);

/** The share of outcomes the range holds ("80%"), from the methodology's insight.band_percentiles. */
export const bandShare = (m) => `${m.insight.band_percentiles[1] - m.insight.band_percentiles[0]}%`;

/** Whether a change of the score prints as none (methodology rounding.no_change_below). */
export const noChange = (m, change) => Math.abs(change) < m.rounding.no_change_below;
export const signed = (value) => (value > 0 ? `+${value}` : String(value));
export const signed1 = (value) => (value > 0 ? `+${fixed(value, 1)}` : fixed(value, 1));
/** Time shares: whole numbers as "25%", fractions to two places at most. */
export const pct = (value) => `${Number.isInteger(value) ? value : Number(value.toFixed(2))}%`;

/** A factor's total range from its methodology scale: 5 dimensions of -2..+2 give -10..+10. */
export const totalRange = (scale) => ({ min: scale.min * scale.dimensions.length, max: scale.max * scale.dimensions.length });

/** A stored time (ISO text) for people; one that cannot be read is said to be unknown, never "Invalid Date". */
export const formatWhen = (iso) => {
  const date = typeof iso === 'string' || typeof iso === 'number' ? new Date(iso) : null;
  return date && Number.isFinite(date.getTime()) ? date.toLocaleString() : 'date unknown';
};
