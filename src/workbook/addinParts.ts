/**
 * The add-in's own columns are told apart from the user's by their title: every header the add-in writes
 * ends with `(Contratualiza)`, e.g. `Conceito (Contratualiza)`. Detection skips such columns (they are
 * output, not input), and the plan finds them again to update them in place on the next run.
 */
import { planStrings } from "./messages";
import type { CellValue } from "../core/types";
import type { SheetData } from "./model";
import { isReportSheet } from "./reportSheets";

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

/** The settings sheet's name (workbook/settings): the add-in's, never an indicator table. */
export const SETTINGS_SHEET = "Contratualiza_config";

/**
 * A sheet the add-in wrote: its settings sheet, or a summary (`Resumo …` with the summary's title in A1).
 * Detection skips them: a summary's per-indicator table looks like an indicator table, but it is output.
 */
export function isAddinSheet(sheet: Pick<SheetData, "name" | "rows" | "origin">): boolean {
  if (sheet.name === SETTINGS_SHEET || isReportSheet(sheet)) return true;
  if (!/^resumo\b/i.test(String(sheet.name)) || sheet.origin?.row !== 1 || sheet.origin?.col !== 1) return false;
  const a1 = sheet.rows?.[0]?.[0]?.value;
  return typeof a1 === "string" && a1.startsWith(planStrings.summaryTitle(""));
}
