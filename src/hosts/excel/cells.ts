/**
 * Cells and addresses between Office.js and the pipeline: what `range.values` / `numberFormat` hand over
 * becomes `CellData` the way the file host reads it, and a plan cell becomes what `range.formulas` takes.
 */
import type { CellValue } from "../../core/types";
import { columnLetter, fromA1Range, toA1, type CellRange } from "../../workbook/a1";
import type { CellData } from "../../workbook/model";
import { ERROR_PT } from "../../workbook/excelErrors";
import type { PlanCell } from "../../workbook/plan/types";

/**
 * One value of `range.values` as the core reads it: numbers (dates stay serial numbers, their date format
 * tells the core what they are), texts with `""` as empty, booleans, errors in pt-BR.
 */
export function readValue(raw: unknown): CellValue {
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : null;
  if (typeof raw === "boolean") return raw;
  if (typeof raw === "string") return raw === "" ? null : (ERROR_PT[raw] ?? raw);
  return null;
}

/** One cell of a used range. `General` is Excel's "no format", which the file host reads as none. */
export function readCell(raw: unknown, format: unknown): CellData {
  const value = readValue(raw);
  const numberFormat = typeof format === "string" && format !== "" && format !== "General" ? format : undefined;
  return numberFormat === undefined ? { value } : { value, numberFormat };
}

/** A cell that adds nothing: no value, no format (the file host leaves such cells out at a row's end). */
export function isBareCell(cell: CellData): boolean {
  return cell.value === null && cell.numberFormat === undefined;
}

/**
 * Excel parses what is written through `values`/`formulas` the way it parses typing: `=` starts a
 * formula, `1.5`, `10%`, `jan/25` or `TRUE` become numbers, dates or booleans. A plan's text must stay
 * text, so texts that could be read as something else get the apostrophe prefix, which Excel consumes
 * (the cell holds the text without it). Digits are the common case (`2025-T1`, `75,0%`, `Jan/2025`).
 */
export function needsTextPrefix(text: string): boolean {
  return /^[=+\-@']/.test(text) || /\d/.test(text) || /^\s*(true|false|verdadeiro|falso)\s*$/i.test(text);
}

/** What `range.formulas` gets for a plan cell: its formula in Excel, else its value; `null` clears (`""`). */
export function formulaInput(cell: PlanCell | undefined): string | number {
  if (!cell) return "";
  if (typeof cell.formula === "string" && cell.formula.startsWith("=")) return cell.formula;
  const { value } = cell;
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  if (typeof value === "string") return value !== "" && needsTextPrefix(value) ? `'${value}` : value;
  return "";
}

/** A cell's number format for `range.numberFormat`: `General` resets what an earlier run left. */
export function formatInput(cell: PlanCell | undefined): string {
  return cell?.numberFormat || "General";
}

/** The A1 part of an Office address (`'Minha planilha'!$B$3:$F$20` → `B3:F20`). */
export function localAddress(address: string): string {
  return address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
}

/**
 * The areas of a `RangeAreas` address (`Plan1!A1:F1, 'Plano, B'!B3:C3` → `A1:F1`, `B3:C3`): commas inside
 * a quoted sheet name do not split.
 */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out.map((a) => localAddress(a.trim())).filter((a) => a !== "");
}

/** The rectangle of an Office range address (sheet prefix and `$` allowed). */
export function rangeOf(address: string): CellRange | undefined {
  return fromA1Range(localAddress(address));
}

/** `B3` for one cell, `B3:F20` otherwise: the form Excel writes in addresses. */
export function rangeA1(r: CellRange): string {
  const start = toA1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? start : `${start}:${toA1(r.bottom, r.right)}`;
}

/** Whole columns, `H:J`. */
export function columnsA1(left: number, right: number): string {
  return `${columnLetter(left)}:${columnLetter(right)}`;
}
