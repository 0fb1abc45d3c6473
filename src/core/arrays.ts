/**
 * Array helpers safe for any length. `Math.max(...rows)` and `target.push(...rows)` pass every element as
 * a function argument, and V8 throws `RangeError: Maximum call stack size exceeded` beyond about 125k
 * arguments: a sheet of 130k rows crashed the command that way. These loop instead.
 */

/** Appends every item of `items` to `target` (in place) and returns `target`. */
export function pushAll<T>(target: T[], items: readonly T[]): T[] {
  for (let i = 0; i < items.length; i++) target.push(items[i]);
  return target;
}

/** Puts every item of `items` before the items of `target` (in place), keeping their order; returns `target`. */
export function unshiftAll<T>(target: T[], items: readonly T[]): T[] {
  if (items.length === 0) return target;
  const rest = target.splice(0, target.length);
  pushAll(target, items);
  return pushAll(target, rest);
}

/** The largest of `values` and `floor` (`floor` alone for no values); `-Infinity` by default, as `Math.max()`. */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let max = floor;
  // Indexed over an array: a for…of in code not yet optimised makes an object per step (100k at 100k rows).
  if (Array.isArray(values)) {
    for (let i = 0; i < values.length; i++) if (values[i] > max || Number.isNaN(values[i])) max = values[i];
    return max;
  }
  for (const v of values) if (v > max || Number.isNaN(v)) max = v;
  return max;
}

/** The smallest of `values` and `ceiling` (`ceiling` alone for no values); `Infinity` by default, as `Math.min()`. */
export function minOf(values: Iterable<number>, ceiling = Infinity): number {
  let min = ceiling;
  for (const v of values) if (v < min || Number.isNaN(v)) min = v;
  return min;
}
