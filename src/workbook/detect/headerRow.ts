/**
 * One candidate header row analysed: which columns match which fields, which columns are periods (a wide
 * table's `Jan/2025`, a panel's `2022 Q1 (%)`), whether the row can head an indicator table, and its
 * score. Also the layout a header implies. Headers written on two rows are read in detect/twoRowHeader.
 *
 * A wide table may give each period its own target: `Meta Jan/2025 | Resultado Jan/2025 | Meta Fev/2025 |
 * …`. A `Meta <período>` column is that period's target when a result column of the same period exists;
 * otherwise it is an ordinary target column (`Meta 2025` beside `Resultado obtido`).
 */
import { isOwnedHeader } from "../addinParts";
import { normalizeText } from "../../core/parse";
import type { CellValue, Period } from "../../core/types";
import type { Field, Layout } from "../model";
import { cellText, isDateFormat, isEmptyValue, type Grid } from "./grid";
import { assignColumns, headerKey, matchHeader, type Assignment, type HeaderCandidate } from "./headers";
import { isYear, readHeaderPeriod, readPeriodSequence, readPeriodText, type PeriodReading } from "./periodCells";

/** Columns looked at in a header row; wider rows are cut (a year of months needs 12). */
export const MAX_HEADER_COLUMNS = 512;

/** A column whose header is a period: a wide table's or a panel's result (or target) for that period. */
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
  /**
   * For a two-row header, the row that heads the table on its own: `upper` when the row under it adds
   * periods or names (`Resultado` over `Jan | Fev | Mar`), `lower` when the row above adds names or period
   * groups to a row that already is a header (`Meta` written above an empty cell).
   */
  anchor?: "upper" | "lower";
  /** The columns searched (the whole sheet, or one of tables side by side). */
  span: { left: number; right: number };
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
  /** Targets of one period each (`Meta Jan/2025`), every one with a result column of the same period. */
  targetPeriodCols: PeriodColumn[];
  qualifies: boolean;
  score: number;
}

export interface HeaderCell {
  value: CellValue;
  numberFormat?: string;
  address: string;
  /** The row the value came from (above, for a cell merged down from a header row above). */
  row: number;
}

/** `Meta`, `Meta pactuada`… followed by something else: what follows (`Meta Jan/2025` → `jan/2025`). */
const TARGET_PREFIX =
  /^(?:meta pactuada|meta contratada|meta mensal|valor da meta|metas?)(?=[\s:\-–])\s*[:\-–]?\s*(.+)$/;

function targetRest(value: CellValue): string | undefined {
  if (typeof value !== "string") return undefined;
  const match = TARGET_PREFIX.exec(normalizeText(value));
  return match ? match[1] : undefined;
}

/** Analyses header cells given by column (`cellAt` returns undefined for an empty cell). */
export function analyseCells(
  cellAt: (col: number) => HeaderCell | undefined,
  rows: { firstRow: number; row: number; upperRow?: number; anchor?: "upper" | "lower" },
  span: { left: number; right: number },
  year: number | undefined,
): HeaderAnalysis {
  const texts = new Map<number, string>();
  const addresses = new Map<number, string>();
  const percentCols = new Set<number>();
  const periodCols: PeriodColumn[] = [];
  const candidates: HeaderCandidate[] = [];
  const cells: { col: number; cell: HeaderCell; text: string; percent: boolean; rest?: string }[] = [];
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
    cells.push({ col, cell, text, percent, rest: targetRest(cell.value) });
  }
  // Read as one sequence, so that bare months crossing a year (`Nov | Dez | Jan`) move to the next one;
  // targets of one period each as a sequence of their own (`Meta Jan | Meta Fev | Jan | Fev` is not a
  // step back in time at the second `Jan`).
  const readOne = (c: (typeof cells)[number], y: number | undefined): PeriodReading =>
    c.rest !== undefined ? readPeriodText(c.rest, y) : readHeaderPeriod(c.cell.value, c.cell.numberFormat, y);
  const targetCells = cells.filter((c) => c.rest !== undefined);
  const plainCells = cells.filter((c) => c.rest === undefined);
  const byCell = new Map<(typeof cells)[number], PeriodReading>();
  readPeriodSequence(targetCells, readOne, year).forEach((r, i) => byCell.set(targetCells[i], r));
  readPeriodSequence(plainCells, readOne, year).forEach((r, i) => byCell.set(plainCells[i], r));
  const readings = cells.map((c) => byCell.get(c)!);
  const targets: PeriodColumn[] = [];
  const candidate = (c: (typeof cells)[number]) => {
    if (typeof c.cell.value === "string")
      candidates.push({ col: c.col, matches: matchHeader(headerKey(c.cell.value).key) });
  };
  cells.forEach((c, i) => {
    const reading = readings[i];
    const { col, text: header, percent } = c;
    if (c.rest !== undefined) {
      if (reading.kind === "period") targets.push({ col, header, period: reading.period, percent });
      else candidate(c);
      return;
    }
    if (reading.kind === "period") periodCols.push({ col, header, period: reading.period, percent });
    else if (reading.kind === "needsYear") periodCols.push({ col, header, needsYear: true, percent });
    else if (reading.kind === "invalid") periodCols.push({ col, header, problem: reading.message, percent });
    else candidate(c);
  });
  // A period's target needs that period's result; an unpaired `Meta 2025` is an ordinary target column.
  const resultPeriods = new Set(periodCols.map((p) => p.period?.label).filter((l): l is string => l !== undefined));
  const targetPeriodCols: PeriodColumn[] = [];
  for (const t of targets) {
    if (
      t.period &&
      resultPeriods.has(t.period.label) &&
      !targetPeriodCols.some((o) => o.period?.label === t.period?.label)
    )
      targetPeriodCols.push(t);
    else candidate(cells.find((c) => c.col === t.col)!);
  }
  const fields = assignColumns(candidates);
  const has = (f: Field) => fields.has(f);
  const periods = periodCols.length;
  const qualifies = has("indicator")
    ? has("target") || has("result") || (has("numerator") && has("denominator")) || periods > 0
    : has("municipality") && periods > 0;
  let score = periods > 0 ? 1 : 0;
  if (targetPeriodCols.length > 0) score += 1;
  for (const { quality } of fields.values()) score += quality;
  return {
    firstRow,
    row: rows.row,
    ...(rows.upperRow !== undefined ? { upperRow: rows.upperRow } : {}),
    ...(rows.anchor !== undefined ? { anchor: rows.anchor } : {}),
    span,
    left: Number.isFinite(left) ? left : span.left,
    right: Number.isFinite(right) ? right : span.left,
    texts,
    addresses,
    fields,
    percentCols,
    periodCols,
    targetPeriodCols,
    qualifies,
    score,
  };
}

/** Analyses one row of a sheet as a header (cells read through vertical merges). */
export function analyseRow(
  grid: Grid,
  row: number,
  year?: number,
  span = { left: grid.left, right: grid.right },
): HeaderAnalysis {
  return analyseCells((col) => grid.resolved(row, col), { firstRow: row, row }, span, year);
}

/**
 * Whether a row holds data values: a logical value, or a number that is neither a year (a wide table's
 * `2024 | 2025` header) nor a date. Header rows are text, dates and years.
 */
export function holdsData(grid: Grid, row: number, span = { left: grid.left, right: grid.right }): boolean {
  for (
    let col = Math.max(grid.left, span.left);
    col <= Math.min(grid.right, span.right, span.left + MAX_HEADER_COLUMNS - 1);
    col += 1
  ) {
    const cell = grid.cell(row, col);
    if (!cell) continue;
    if (typeof cell.value === "boolean") return true;
    if (typeof cell.value === "number" && !isYear(cell.value) && !isDateFormat(cell.numberFormat)) return true;
  }
  return false;
}

/**
 * The layout a header implies:
 * - **panel**: no indicator column, a municipality column and period columns (`UF | IBGE | Munícipio |
 *   2022 Q1 (%)`);
 * - **wide**: an indicator column, no period column (`Mês`, `Competência`), and period columns — at least
 *   two, or one when there is no plain result column;
 * - **long**: anything else (a period column, or no period at all).
 * `sheetIndicator`: a mapping names the indicator of the whole sheet (detect/mapping), which then counts as
 * an indicator column.
 */
export function layoutOf(header: HeaderAnalysis, sheetIndicator = false): Exclude<Layout, "sheetPerPeriod" | "siaps"> {
  const periods = header.periodCols.length;
  // A mapping that names the sheet's indicator makes a table of it even without the column.
  const hasIndicator = sheetIndicator || header.fields.has("indicator");
  if (!hasIndicator) return "panel";
  if (!header.fields.has("period") && periods > 0 && (periods >= 2 || !header.fields.has("result"))) return "wide";
  return "long";
}
