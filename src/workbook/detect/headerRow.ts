/**
 * One candidate header row analysed: which columns match which fields, which columns are periods (a wide
 * table's `Jan/2025`, a panel's `2022 Q1 (%)`), whether the row can head an indicator table, and its
 * score. Also the layout a header implies, and two-row headers (`Resultados` over `Jan | Fev | Mar`).
 */
import { isOwnedHeader } from "../owned";
import type { CellValue, Period } from "../../core/types";
import type { Field, Layout } from "../port";
import { cellText, isEmptyValue, type Grid } from "./grid";
import { assignColumns, headerKey, matchHeader, type Assignment, type HeaderCandidate } from "./headers";
import { readHeaderPeriod } from "./periodCells";

/** Columns looked at in a header row; wider rows are cut (a year of months needs 12). */
export const MAX_HEADER_COLUMNS = 512;

/** A column whose header is a period: a wide table's or a panel's result for that period. */
export interface PeriodColumn {
  col: number;
  header: string;
  /** Undefined when the header could not be read (see `problem`, or `needsYear`). */
  period?: Period;
  needsYear?: boolean;
  problem?: string;
  /** The header carries `(%)`/`%`. */
  percent: boolean;
}

export interface HeaderAnalysis {
  /** First and last header rows (equal unless the header takes two rows). */
  firstRow: number;
  row: number;
  /** For a two-row header, the upper row whose texts fill the columns the lower row leaves empty. */
  upperRow?: number;
  left: number;
  right: number;
  /** Header text by column, for reasons. */
  texts: Map<number, string>;
  /** Header address by column, for problems (the cell the text came from). */
  addresses: Map<number, string>;
  fields: Assignment;
  /** Columns whose header carries `(%)`/`%`. */
  percentCols: Set<number>;
  periodCols: PeriodColumn[];
  qualifies: boolean;
  score: number;
}

interface HeaderCell {
  value: CellValue;
  numberFormat?: string;
  address: string;
  /** The row the value came from (above, for a cell merged down from a header row above). */
  row: number;
}

/** Analyses header cells given by column (`cellAt` returns undefined for an empty cell). */
function analyse(
  cellAt: (col: number) => HeaderCell | undefined,
  rows: { firstRow: number; row: number; upperRow?: number },
  span: { left: number; right: number },
  year: number | undefined,
): HeaderAnalysis {
  const texts = new Map<number, string>();
  const addresses = new Map<number, string>();
  const percentCols = new Set<number>();
  const periodCols: PeriodColumn[] = [];
  const candidates: HeaderCandidate[] = [];
  let left = Infinity;
  let right = -Infinity;
  let firstRow = rows.firstRow;
  const last = Math.min(span.right, span.left + MAX_HEADER_COLUMNS - 1);
  for (let col = span.left; col <= last; col += 1) {
    const cell = cellAt(col);
    // The add-in's own columns from an earlier run are output, not part of the user's table.
    if (!cell || isEmptyValue(cell.value) || isOwnedHeader(cell.value)) continue;
    const text = cellText(cell.value);
    firstRow = Math.min(firstRow, cell.row);
    left = Math.min(left, col);
    right = Math.max(right, col);
    texts.set(col, text);
    addresses.set(col, cell.address);
    const percent = typeof cell.value === "string" && cell.value.includes("%");
    if (percent) percentCols.add(col);
    const reading = readHeaderPeriod(cell.value, cell.numberFormat, year);
    if (reading.kind === "period") periodCols.push({ col, header: text, period: reading.period, percent });
    else if (reading.kind === "needsYear") periodCols.push({ col, header: text, needsYear: true, percent });
    else if (reading.kind === "invalid") periodCols.push({ col, header: text, problem: reading.message, percent });
    else if (typeof cell.value === "string") candidates.push({ col, matches: matchHeader(headerKey(cell.value).key) });
  }
  const fields = assignColumns(candidates);
  const has = (f: Field) => fields.has(f);
  const periods = periodCols.length;
  const qualifies = has("indicator")
    ? has("target") || has("result") || (has("numerator") && has("denominator")) || periods > 0
    : has("municipality") && periods > 0;
  let score = periods > 0 ? 1 : 0;
  for (const { quality } of fields.values()) score += quality;
  return {
    firstRow,
    row: rows.row,
    ...(rows.upperRow !== undefined ? { upperRow: rows.upperRow } : {}),
    left: Number.isFinite(left) ? left : span.left,
    right: Number.isFinite(right) ? right : span.left,
    texts,
    addresses,
    fields,
    percentCols,
    periodCols,
    qualifies,
    score,
  };
}

/** Analyses one row of a sheet as a header (cells read through vertical merges). */
export function analyseRow(grid: Grid, row: number, year?: number, span = { left: grid.left, right: grid.right }): HeaderAnalysis {
  return analyse((col) => grid.resolved(row, col), { firstRow: row, row }, span, year);
}

/**
 * A header on two rows: the row under `header` names periods (`Jan | Fev | Mar` under a `Resultados`
 * cell) and nothing under the indicator column. Returns the header read from both rows (the lower row's
 * text where it has one), or undefined when the row under is not such a sub-header.
 */
export function withSubHeader(grid: Grid, header: HeaderAnalysis, year?: number): HeaderAnalysis | undefined {
  const below = header.row + 1;
  if (below > grid.bottom || grid.isBlank(below, header.left, grid.right)) return undefined;
  const indicatorCol = header.fields.get("indicator")?.col;
  if (indicatorCol !== undefined && !grid.isEmpty(below, indicatorCol)) return undefined;
  let periods = 0;
  for (let col = grid.left; col <= Math.min(grid.right, grid.left + MAX_HEADER_COLUMNS - 1); col += 1) {
    const cell = grid.cell(below, col);
    if (!cell || isEmptyValue(cell.value)) continue;
    if (readHeaderPeriod(cell.value, cell.numberFormat, year).kind === "none") return undefined;
    periods += 1;
  }
  if (periods < 2) return undefined;
  const combined = analyse(
    (col) => {
      const lower = grid.cell(below, col);
      return lower && !isEmptyValue(lower.value) ? grid.resolved(below, col) : grid.resolved(header.row, col);
    },
    { firstRow: header.firstRow, row: below, upperRow: header.row },
    { left: grid.left, right: grid.right },
    year,
  );
  return combined.qualifies ? combined : undefined;
}

/** Re-reads a header with the table's year, to complete period headers written without one. */
export function reanalyse(grid: Grid, header: HeaderAnalysis, year: number | undefined): HeaderAnalysis {
  if (header.upperRow === undefined) return analyseRow(grid, header.row, year);
  return withSubHeader(grid, analyseRow(grid, header.upperRow, year), year) ?? header;
}

/**
 * The layout a header implies:
 * - **panel**: no indicator column, a municipality column and period columns (`UF | IBGE | Munícipio |
 *   2022 Q1 (%)`);
 * - **wide**: an indicator column, no period column (`Mês`, `Competência`), and period columns — at least
 *   two, or one when there is no plain result column;
 * - **long**: anything else (a period column, or no period at all).
 */
export function layoutOf(header: HeaderAnalysis): Exclude<Layout, "sheetPerPeriod"> {
  const periods = header.periodCols.length;
  if (!header.fields.has("indicator")) return "panel";
  if (!header.fields.has("period") && periods > 0 && (periods >= 2 || !header.fields.has("result"))) return "wide";
  return "long";
}
