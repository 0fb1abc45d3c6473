/**
 * One object per distinct target. A table repeats the same few targets on every row (an indicator's "≥ 85%"
 * on each of its months and units), and each row's evaluation keeps its target until the reports are
 * written: at 100k rows that was ~70k equal objects (about 6 MB). Targets are values — nothing writes to
 * one after it is made — so rows may share one; the shared ones are frozen so that a write would fail
 * loudly instead of changing every row that shares it.
 */
import type { Target } from "./types";

/** Bounded: distinct targets are few; a pathological table of all-different targets just restarts the map. */
const MAX_SHARED = 4096;
/** By value, then compared field by field: building a text key per row cost more time than the rows' reading. */
const byValue = new Map<number, Target[]>();
let count = 0;

/**
 * Equal as `JSON.stringify` and `===` checks would see them: the same own keys in the same order (a missing
 * `strict` is not `strict: undefined`) and the same values, numbers told apart exactly (`-0` is not `0`).
 */
function same(a: Target, b: Target): boolean {
  const ka = Object.keys(a) as (keyof Target)[];
  const kb = Object.keys(b);
  // Every own field, so a field Target gains later is compared too.
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && Object.is(a[k], b[k]));
}

/** The shared object equal to `target` (the first one seen), or `target` itself when it has an interval. */
export function sharedTarget(target: Target): Target {
  // An interval (a range target) is an object of its own: rare, left unshared.
  if (target.interval !== undefined) return target;
  const list = byValue.get(target.value);
  if (list) for (const found of list) if (same(found, target)) return found;
  if (count >= MAX_SHARED) {
    byValue.clear();
    count = 0;
  }
  Object.freeze(target);
  const again = byValue.get(target.value);
  if (again) again.push(target);
  else byValue.set(target.value, [target]);
  count += 1;
  return target;
}
