// Numbers formatted as the published role page prints them.
export const fixed = (value, decimals) => {
  const s = value.toFixed(decimals);
  return /^-0(\.0+)?$/.test(s) ? s.slice(1) : s;
};
export const score1 = (value) => fixed(value, 1);
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
