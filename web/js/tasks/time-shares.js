// Time-share rebalancing: moving one task's share takes the difference from (or gives it to)
// the unlocked others in proportion to their shares, so the total stays exactly 100.

const total = (shares) => shares.reduce((a, b) => a + b, 0);

/** Whole numbers when every share is whole, else hundredths. */
function unitOf(shares, value) {
  return [...shares, value].every(Number.isInteger) ? 1 : 0.01;
}

/** Splits `amount` units over `weights` by largest remainder (integers in, integers out). */
function apportion(amount, weights) {
  const sum = total(weights);
  const even = sum === 0;
  const exact = weights.map((w) => (even ? amount / weights.length : (amount * w) / sum));
  const parts = exact.map(Math.floor);
  let left = amount - total(parts);
  const order = exact.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k][1]] += 1;
  return parts;
}

/**
 * Shares typed as any numbers (hours a week, percentages) become hundredths that add up to
 * `totalPct` exactly (largest remainder, as every rebalance here). Null when nothing has time yet.
 */
export function sharesOf(raw, totalPct = 100) {
  const values = raw.map((x) => (Number.isFinite(x) && x > 0 ? x : 0));
  if (total(values) <= 0) return null;
  return apportion(Math.round(totalPct * 100), values).map((u) => u / 100);
}

/** The range a task's share can move within, given the locks. */
export function shareRange(shares, locked, index) {
  const others = shares.map((_, j) => j).filter((j) => j !== index && !locked[j]);
  if (others.length === 0) return { min: shares[index], max: shares[index] };
  const lockedTotal = total(shares.filter((_, j) => j !== index && locked[j]));
  return { min: 0, max: 100 - lockedTotal };
}

/**
 * New shares after task `index` is set to `value`. Locked tasks keep their share; if no other
 * task is unlocked nothing moves. The result adds up to 100 exactly (in units of 1 or 0.01).
 * The unlocked others share what is left in proportion to `weights` (by default their shares
 * now; the page passes their shares from when the slider started moving, so a move to the end
 * and back restores the old mix instead of an even split).
 */
export function rebalance(shares, locked, index, value, weights = shares) {
  const { min, max } = shareRange(shares, locked, index);
  const unit = unitOf(shares, value);
  const toUnits = (x) => Math.round(x / unit);
  const target = Math.min(Math.max(toUnits(value), toUnits(min)), toUnits(max));
  const others = shares.map((_, j) => j).filter((j) => j !== index && !locked[j]);
  if (others.length === 0) return shares.slice();
  const lockedUnits = total(shares.map((x, j) => (j !== index && locked[j] ? toUnits(x) : 0)));
  const remaining = toUnits(100) - lockedUnits - target;
  const parts = apportion(remaining, others.map((j) => toUnits(weights[j])));
  const next = shares.slice();
  next[index] = target * unit;
  others.forEach((j, k) => { next[j] = unit === 1 ? parts[k] : Math.round(parts[k]) / 100; });
  return next;
}

/** Removing task `index` gives its share back to the others in proportion. */
export function removeShare(shares, index) {
  const rest = shares.filter((_, j) => j !== index);
  if (rest.length === 0) return rest;
  const unit = unitOf(rest, shares[index]);
  const toUnits = (x) => Math.round(x / unit);
  const parts = apportion(toUnits(100), rest.map(toUnits));
  return parts.map((p) => (unit === 1 ? p : p / 100));
}
