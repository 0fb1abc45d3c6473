/**
 * One object per distinct target. A table repeats the same few targets on every row (an indicator's "≥ 85%"
 * on each of its months and units), and each row's evaluation keeps its target until the reports are
 * written: at 100k rows that was ~70k equal objects (about 6 MB). Targets are values — nothing writes to
 * one after it is made — so rows may share one; the shared ones are frozen so that a write would fail
 * loudly instead of changing every row that shares it.
 */
import type { CellValue, Target } from "./types";

/** Bounded: distinct targets are few; a pathological table of all-different targets just restarts the map. */
const MAX_SHARED = 4096;
/**
 * By value, then compared field by field: building a text key per row cost more time than the rows' reading.
 * Each shared target is kept with its own keys, so that a row's target is compared without an array per row.
 */
const byValue = new Map<number, { target: Target; keys: string[] }[]>();
let count = 0;

/**
 * Equal as `JSON.stringify` and `===` checks would see them: the same own keys in the same order (a missing
 * `strict` is not `strict: undefined`) and the same values, numbers told apart exactly (`-0` is not `0`).
 * `keys` are `found`'s own keys. Every own field is compared, so a field Target gains later is compared too.
 */
function same(found: Target, keys: string[], target: Target): boolean {
  let i = 0;
  // for…in lists an object's own keys in order here (a Target is a plain object): no array is made.
  for (const k in target) {
    if (keys[i] !== k || !Object.is(found[k as keyof Target], target[k as keyof Target])) return false;
    i += 1;
  }
  return i === keys.length;
}

/** The shared object equal to `target` (the first one seen), or `target` itself when it has an interval. */
export function sharedTarget(target: Target): Target {
  // An interval (a range target) is an object of its own: rare, left unshared.
  if (target.interval !== undefined) return target;
  const list = byValue.get(target.value);
  if (list) for (let i = 0; i < list.length; i++) if (same(list[i].target, list[i].keys, target)) return list[i].target;
  if (count >= MAX_SHARED) {
    byValue.clear();
    count = 0;
  }
  Object.freeze(target);
  const entry = { target, keys: Object.keys(target) };
  const again = byValue.get(target.value);
  if (again) again.push(entry);
  else byValue.set(target.value, [entry]);
  count += 1;
  return target;
}

/**
 * The shared target a target cell reads as, remembered by the cell's value and number format: a table
 * repeats a few target cells over all its rows, and reading each again (parse, copy, then `sharedTarget`'s
 * comparison) cost more than the rest of the row. Only what the caller read without a problem is put here.
 */
export class CellTargets {
  private readonly byValue = new Map<string | number, Map<string, Target>>();
  private size = 0;

  get(value: CellValue, numberFormat: string | undefined): Target | undefined {
    if (!rememberable(value)) return undefined;
    return this.byValue.get(value as string | number)?.get(numberFormat ?? "");
  }

  set(value: CellValue, numberFormat: string | undefined, target: Target): void {
    if (!rememberable(value)) return;
    if (this.size >= MAX_SHARED) {
      this.byValue.clear();
      this.size = 0;
    }
    const key = value as string | number;
    let formats = this.byValue.get(key);
    if (!formats) this.byValue.set(key, (formats = new Map()));
    formats.set(numberFormat ?? "", target);
    this.size += 1;
  }
}

/** Texts and numbers, but not -0: a map takes it for 0, whose target differs (its value is 0). */
function rememberable(value: CellValue): boolean {
  return typeof value === "string" || (typeof value === "number" && !Object.is(value, -0));
}
