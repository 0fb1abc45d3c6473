/**
 * The add-in's own columns are told apart from the user's by their title: every header the add-in writes
 * ends with `(Contratualiza)`, e.g. `Conceito (Contratualiza)`. Detection skips such columns (they are
 * output, not input), and the plan finds them again to update them in place on the next run.
 */
import type { CellValue } from "../core/types";

/** The mark at the end of every owned header. */
export const OWNED_MARK = "(Contratualiza)";

/** A title for an owned column: `Conceito` → `Conceito (Contratualiza)`. */
export function ownedHeader(title: string): string {
  return `${title} ${OWNED_MARK}`;
}

/** True for a header the add-in wrote (case and surrounding spaces ignored). */
export function isOwnedHeader(value: CellValue): boolean {
  return typeof value === "string" && value.trim().toLowerCase().endsWith(OWNED_MARK.toLowerCase());
}
