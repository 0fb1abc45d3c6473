/**
 * One candidate header row analysed: which columns match which fields, which columns are periods (a wide
 * table's `Jan/2025`, a panel's `2022 Q1 (%)`), whether the row can head an indicator table, and its
 * score. Also the layout a header implies, and two-row headers (`Resultados` over `Jan | Fev | Mar`, or
 * `Jan/2025` over `Meta | Resultado`).
 *
 * A wide table may give each period its own target: `Meta Jan/2025 | Resultado Jan/2025 | Meta Fev/2025 |
 * …`. A `Meta <período>` column is that period's target when a result column of the same period exists;
 * otherwise it is an ordinary target column (`Meta 2025` beside `Resultado obtido`).
 */
import { isOwnedHeader } from "../owned";
import { normalizeText } from "../../core/parse";
import type { CellValue, Period } from "../../core/types";
import type { Field, Layout } from "../port";
import { cellText, isEmptyValue, type Grid } from "./grid";
import { assignColumns, headerKey, isExactSynonym, matchHeader, type Assignment, type HeaderCandidate } from "./headers";
import { readHeaderPeriod, readPeriodSequence, readPeriodText, type PeriodReading } from "./periodCells";

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

interface HeaderCell {
  value: CellValue;
  numberFormat?: string;
  address: string;
  /** The row the value came from (above, for a cell merged down from a header row above). */
  row: number;
}

/** `Meta`, `Meta pactuada`… followed by something else: what follows (`Meta Jan/2025` → `jan/2025`). */
const TARGET_PREFIX = /^(?:meta pactuada|meta contratada|meta mensal|valor da meta|metas?)(?=[\s:\-–])\s*[:\-–]?\s*(.+)$/;

function targetRest(value: CellValue): string | undefined {
  if (typeof value !== "string") return undefined;
  const match = TARGET_PREFIX.exec(normalizeText(value));
  return match ? match[1] : undefined;
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
  // Read as one sequence, so that bare months crossing a year (`Nov | Dez | Jan`) move to the next one.
  const readings = readPeriodSequence(
    cells,
    (c, y): PeriodReading => (c.rest !== undefined ? readPeriodText(c.rest, y) : readHeaderPeriod(c.cell.value, c.cell.numberFormat, y)),
    year,
  );
  const targets: PeriodColumn[] = [];
  const candidate = (c: (typeof cells)[number]) => {
    if (typeof c.cell.value === "string") candidates.push({ col: c.col, matches: matchHeader(headerKey(c.cell.value).key) });
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
    if (t.period && resultPeriods.has(t.period.label) && !targetPeriodCols.some((o) => o.period?.label === t.period?.label)) targetPeriodCols.push(t);
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
export function analyseRow(grid: Grid, row: number, year?: number, span = { left: grid.left, right: grid.right }): HeaderAnalysis {
  return analyse((col) => grid.resolved(row, col), { firstRow: row, row }, span, year);
}

/**
 * A header on two rows: the row under `header` names periods (`Jan | Fev | Mar` under a `Resultados`
 * cell), or the target and result of the period above (`Meta | Resultado` under `Jan/2025`, merged across
 * both or written over the first), and nothing under the indicator column. Returns the header read from
 * both rows, or undefined when the row under is not such a sub-header.
 */
export function withSubHeader(grid: Grid, header: HeaderAnalysis, year?: number): HeaderAnalysis | undefined {
  const below = header.row + 1;
  if (below > grid.bottom || grid.isBlank(below, header.left, header.span.right)) return undefined;
  const indicatorCol = header.fields.get("indicator")?.col;
  if (indicatorCol !== undefined && !grid.isEmpty(below, indicatorCol)) return undefined;
  return periodSubHeader(grid, header, below, year) ?? roleSubHeader(grid, header, below, year);
}

/** `Jan | Fev | Mar` under `Resultados`: the lower row's text where it has one, the upper's elsewhere. */
function periodSubHeader(grid: Grid, header: HeaderAnalysis, below: number, year: number | undefined): HeaderAnalysis | undefined {
  const { span } = header;
  let periods = 0;
  for (let col = span.left; col <= Math.min(span.right, span.left + MAX_HEADER_COLUMNS - 1); col += 1) {
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
    span,
    year,
  );
  return combined.qualifies ? combined : undefined;
}

/**
 * `Meta | Resultado` under each period: every non-empty cell of the lower row is a target or a result word
 * (both present), under a period of the upper row — the cell above, or, above an empty or merged-over
 * cell, the nearest one to its left. Each pair is read as `Meta <período>` and `<período>`, as if written
 * on one row; the period cells of the upper row are titles, not columns.
 */
function roleSubHeader(grid: Grid, header: HeaderAnalysis, below: number, year: number | undefined): HeaderAnalysis | undefined {
  const { span } = header;
  const roles = new Map<number, "target" | "result">();
  for (let col = span.left; col <= Math.min(span.right, span.left + MAX_HEADER_COLUMNS - 1); col += 1) {
    const cell = grid.cell(below, col);
    if (!cell || isEmptyValue(cell.value)) continue;
    if (typeof cell.value !== "string") return undefined;
    const role = isExactSynonym("target", cell.value) ? "target" : isExactSynonym("result", cell.value) ? "result" : undefined;
    if (!role) return undefined;
    roles.set(col, role);
  }
  const found = [...roles.values()];
  if (!found.includes("target") || !found.includes("result")) return undefined;
  const cells = new Map<number, HeaderCell>();
  for (const [col, role] of roles) {
    let c = col;
    while (c > span.left && grid.isEmpty(header.row, c)) c -= 1;
    const upper = grid.cell(header.row, c);
    if (!upper || isEmptyValue(upper.value)) return undefined;
    const reading = readHeaderPeriod(upper.value, upper.numberFormat, year);
    if (reading.kind === "none") return undefined;
    const lower = grid.resolved(below, col);
    if (role === "result") cells.set(col, { ...lower, value: upper.value, numberFormat: upper.numberFormat });
    else {
      // A date in the upper cell (Excel turns `jan/25` into one) is written as its period's label.
      const text = typeof upper.value === "string" ? upper.value : reading.kind === "period" ? reading.period.label : cellText(upper.value);
      cells.set(col, { ...lower, value: `Meta ${text}`, numberFormat: undefined });
    }
  }
  const combined = analyse(
    (col) => {
      const own = cells.get(col);
      if (own) return own;
      if (!grid.isEmpty(below, col)) return undefined;
      // Above an empty lower cell: the upper row's field titles (`Indicador` merged down), not its periods.
      const upper = grid.resolved(header.row, col);
      return readHeaderPeriod(upper.value, upper.numberFormat, year).kind === "none" ? upper : undefined;
    },
    { firstRow: header.firstRow, row: below, upperRow: header.row },
    span,
    year,
  );
  return combined.qualifies && combined.targetPeriodCols.length > 0 ? combined : undefined;
}

/** Re-reads a header with the table's year, to complete period headers written without one. */
export function reanalyse(grid: Grid, header: HeaderAnalysis, year: number | undefined): HeaderAnalysis {
  if (header.upperRow === undefined) return analyseRow(grid, header.row, year, header.span);
  return withSubHeader(grid, analyseRow(grid, header.upperRow, year, header.span), year) ?? header;
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
