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
const shared = new Map<string, Target>();

/**
 * The key says everything `JSON.stringify` and `===` checks would see: each own key in order (a missing
 * `strict` is not `strict: undefined`), with numbers told apart exactly (`-0` is not `0`).
 */
function keyOf(target: Target): string | undefined {
  let key = "";
  for (const name in target) {
    const value = (target as unknown as Record<string, unknown>)[name];
    if (typeof value === "number") key += `${name}=${Object.is(value, -0) ? "-0" : String(value)};`;
    else if (typeof value === "string" || typeof value === "boolean" || value === undefined)
      key += `${name}=${typeof value}:${String(value)};`;
    // An interval (a range target) is an object of its own: rare, left unshared.
    else return undefined;
  }
  return key;
}

/** The shared object equal to `target` (the first one seen), or `target` itself when it has an interval. */
export function sharedTarget(target: Target): Target {
  const key = keyOf(target);
  if (key === undefined) return target;
  const found = shared.get(key);
  if (found) return found;
  if (shared.size >= MAX_SHARED) shared.clear();
  Object.freeze(target);
  shared.set(key, target);
  return target;
}
