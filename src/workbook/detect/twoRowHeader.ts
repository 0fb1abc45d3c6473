/**
 * Headers drawn on two rows, read as one logical header whose data start under the lower row:
 *
 * - **periods under a group**: `Resultado` (merged across the columns, or written over the first) above
 *   `Jan | Fev | Mar` gives a wide table's result of each period; `Meta` above `Jan | Fev | Mar` gives each
 *   period's target (read as `Meta Jan`, `Meta Fev`…);
 * - **names split over two rows**: the lower row's text where it has one, the upper row's above an empty
 *   (or merged-over, or decorative) lower cell — `Meta` merged down over an empty cell while the other
 *   columns are named on the lower row, or `Indicador | Meta` over `_ | _ | Numerador | Denominador`.
 *   A group title over named columns (`Apuração` over `Numerador | Denominador`) names nothing;
 * - **roles under periods**: `Meta | Resultado` under each period (`Jan/2025` merged across both, or
 *   written over the first), read as `Meta <período>` and `<período>`.
 *
 * Two ways in. When a row heads a table on its own, the row under it is its sub-header if it only holds
 * periods, field names and decoration, leaves the indicator column empty and adds something (periods, a
 * target per period, a field). When only the lower row heads a table, the row above (if it holds no data
 * and cannot head a table itself) adds the fields it names over the lower row's empty cells, and the
 * target groups over its period columns.
 */
import type { CellValue } from "../../core/types";
import { cellText, isDecorativeValue, isEmptyValue, type Grid, type GridCell } from "./grid";
import {
  analyseCells,
  analyseRow,
  holdsData,
  MAX_HEADER_COLUMNS,
  type HeaderAnalysis,
  type HeaderCell,
} from "./headerRow";
import { headerKey, isExactSynonym, matchHeader } from "./headers";
import { readHeaderPeriod } from "./periodCells";

type Span = { left: number; right: number };

/** Rows under a header looked at for data in a column the row above names (see `withUpperRow`). */
const DATA_PEEK = 3;

/** Whether a value names a field (`Meta`, `Numerador`, `Unidade`). */
function namesField(value: CellValue): boolean {
  return typeof value === "string" && matchHeader(headerKey(value).key).length > 0;
}

/** Whether a group title over period columns names targets: `Meta`, `Metas`, `Meta pactuada (%)`. */
function namesTarget(value: CellValue): boolean {
  return typeof value === "string" && matchHeader(headerKey(value).key)[0]?.field === "target";
}

function isPeriodValue(value: CellValue, numberFormat: string | undefined): boolean {
  return !isEmptyValue(value) && readHeaderPeriod(value, numberFormat, undefined).kind !== "none";
}

/**
 * A cell of the lower row that says something: not empty and, in a sub-header (`decorationIsEmpty`), not
 * decoration either (`(%)` under `Meta` leaves the column `Meta`).
 */
function ownCell(grid: Grid, row: number, col: number, decorationIsEmpty = true) {
  const cell = grid.cell(row, col);
  return cell && !isEmptyValue(cell.value) && !(decorationIsEmpty && isDecorativeValue(cell.value)) ? cell : undefined;
}

/**
 * The group title above a period cell of the lower row: the merged cell of the upper row covering it, the
 * upper cell itself, or the nearest upper cell to its left over an unbroken run of period cells (a title
 * written over the first of its columns without merging).
 */
function groupAbove(grid: Grid, upperRow: number, lowerRow: number, col: number, span: Span): CellValue {
  const merge = grid.wideMergeAt(upperRow, col);
  if (merge) return grid.value(merge.top, merge.left);
  const own = grid.resolvedValue(upperRow, col);
  if (!isEmptyValue(own)) return own;
  for (let c = col - 1; c >= span.left; c -= 1) {
    const lower = grid.cell(lowerRow, c);
    if (!lower || !isPeriodValue(lower.value, lower.numberFormat)) return undefined;
    const upper = grid.value(upperRow, c);
    if (!isEmptyValue(upper)) return upper;
  }
  return undefined;
}

/** A period cell written as the text of its period, for `Meta <período>` (Excel turns `jan/25` into a date). */
function periodText(cell: { value: CellValue; numberFormat?: string }): string {
  if (typeof cell.value === "string") return cell.value;
  const reading = readHeaderPeriod(cell.value, cell.numberFormat, undefined);
  return reading.kind === "period" ? reading.period.label : cellText(cell.value);
}

/**
 * The two rows read as names split over them (see the module's note). `fill` says which upper cells may
 * name a column the lower row leaves empty.
 */
function stacked(
  grid: Grid,
  rows: { upper: number; lower: number; anchor: "upper" | "lower" },
  span: Span,
  year: number | undefined,
  fill: (cell: GridCell) => boolean,
): HeaderAnalysis {
  return analyseCells(
    (col): HeaderCell | undefined => {
      // The lower row is the header itself when it heads the table alone: every cell of it counts.
      const lower = ownCell(grid, rows.lower, col, rows.anchor === "upper");
      if (lower) {
        const here = grid.resolved(rows.lower, col);
        if (
          isPeriodValue(lower.value, lower.numberFormat) &&
          namesTarget(groupAbove(grid, rows.upper, rows.lower, col, span))
        ) {
          return { ...here, value: `Meta ${periodText(lower)}`, numberFormat: undefined };
        }
        return here;
      }
      const upper = grid.resolved(rows.upper, col);
      return isEmptyValue(upper.value) || !fill(upper) ? undefined : upper;
    },
    { firstRow: rows.upper, row: rows.lower, upperRow: rows.upper, anchor: rows.anchor },
    span,
    year,
  );
}

/** Whether the two-row reading adds to the one-row header: periods, targets of one period, or a field. */
function adds(combined: HeaderAnalysis, header: HeaderAnalysis): boolean {
  return (
    combined.periodCols.length > header.periodCols.length ||
    combined.targetPeriodCols.length > header.targetPeriodCols.length ||
    [...combined.fields.keys()].some((f) => !header.fields.has(f))
  );
}

/**
 * Whether a row under a header reads as its sub-header: only periods (two or more, none under the
 * header's own period column), field names and decoration, at least one of the first two, none merged
 * across columns. A section row of the data (`Eixo 1 — Acesso`, merged across the table or written under
 * a named column) is not one: a lone name must sit under an empty or group cell.
 */
function isSubHeaderRow(grid: Grid, header: HeaderAnalysis, row: number): boolean {
  if (holdsData(grid, row, header.span)) return false;
  const periodCol = header.fields.get("period")?.col;
  let periods = 0;
  const names: number[] = [];
  for (
    let col = header.span.left;
    col <= Math.min(header.span.right, header.span.left + MAX_HEADER_COLUMNS - 1);
    col += 1
  ) {
    const cell = ownCell(grid, row, col);
    if (!cell) continue;
    if (grid.inWideMerge(row, col)) return false;
    if (isPeriodValue(cell.value, cell.numberFormat)) {
      if (col === periodCol) return false;
      periods += 1;
    } else if (namesField(cell.value)) names.push(col);
    else return false;
  }
  if (periods > 0) return periods >= 2;
  if (names.length !== 1) return names.length > 1;
  return grid.inWideMerge(header.row, names[0]) || isEmptyValue(grid.resolvedValue(header.row, names[0]));
}

/**
 * A header on two rows from its upper row (see the module's note); undefined when the row under `header`
 * is not its sub-header.
 */
export function withSubHeader(grid: Grid, header: HeaderAnalysis, year?: number): HeaderAnalysis | undefined {
  const below = header.row + 1;
  if (below > grid.bottom || grid.isBlank(below, header.left, header.span.right)) return undefined;
  const indicatorCol = header.fields.get("indicator")?.col;
  if (indicatorCol !== undefined && !grid.isEmpty(below, indicatorCol)) return undefined;
  const roles = roleSubHeader(grid, header, below, year);
  if (roles) return roles;
  if (!isSubHeaderRow(grid, header, below)) return undefined;
  const combined = stacked(grid, { upper: header.row, lower: below, anchor: "upper" }, header.span, year, () => true);
  return combined.qualifies && adds(combined, header) ? combined : undefined;
}

/**
 * A header on two rows from its lower row (see the module's note): the row above `header`, from `top` on
 * (not into a table above), names fields over its empty cells or targets over its periods. Undefined when
 * it adds nothing.
 */
export function withUpperRow(
  grid: Grid,
  header: HeaderAnalysis,
  top: number,
  year?: number,
): HeaderAnalysis | undefined {
  const above = header.row - 1;
  const { span } = header;
  if (header.upperRow !== undefined || above < Math.max(top, grid.top)) return undefined;
  if (grid.isBlank(above, span.left, span.right) || holdsData(grid, above, span)) return undefined;
  if (analyseRow(grid, above, year, span).qualifies) return undefined;
  // A name above an empty cell heads a column of the table: inside the header, or over data (a title
  // written above an empty corner of the sheet names nothing).
  const overTable = (col: number) => {
    if (col >= header.left && col <= header.right) return true;
    for (let r = header.row + 1; r <= Math.min(header.row + DATA_PEEK, grid.bottom); r += 1)
      if (!grid.isEmpty(r, col)) return true;
    return false;
  };
  const combined = stacked(
    grid,
    { upper: above, lower: header.row, anchor: "lower" },
    span,
    year,
    (cell) => namesField(cell.value) && overTable(cell.col),
  );
  return combined.qualifies && adds(combined, header) ? combined : undefined;
}

/**
 * `Meta | Resultado` under each period: every non-empty cell of the lower row is a target or a result word
 * (both present), under a period of the upper row — the cell above, or, above an empty or merged-over
 * cell, the nearest one to its left. Each pair is read as `Meta <período>` and `<período>`, as if written
 * on one row; the period cells of the upper row are titles, not columns.
 */
function roleSubHeader(
  grid: Grid,
  header: HeaderAnalysis,
  below: number,
  year: number | undefined,
): HeaderAnalysis | undefined {
  const { span } = header;
  const roles = new Map<number, "target" | "result">();
  for (let col = span.left; col <= Math.min(span.right, span.left + MAX_HEADER_COLUMNS - 1); col += 1) {
    const cell = grid.cell(below, col);
    if (!cell || isEmptyValue(cell.value)) continue;
    if (typeof cell.value !== "string") return undefined;
    const role = isExactSynonym("target", cell.value)
      ? "target"
      : isExactSynonym("result", cell.value)
        ? "result"
        : undefined;
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
      const text =
        typeof upper.value === "string"
          ? upper.value
          : reading.kind === "period"
            ? reading.period.label
            : cellText(upper.value);
      cells.set(col, { ...lower, value: `Meta ${text}`, numberFormat: undefined });
    }
  }
  const combined = analyseCells(
    (col) => {
      const own = cells.get(col);
      if (own) return own;
      if (!grid.isEmpty(below, col)) return undefined;
      // Above an empty lower cell: the upper row's field titles (`Indicador` merged down), not its periods.
      const upper = grid.resolved(header.row, col);
      return readHeaderPeriod(upper.value, upper.numberFormat, year).kind === "none" ? upper : undefined;
    },
    { firstRow: header.firstRow, row: below, upperRow: header.row, anchor: "upper" },
    span,
    year,
  );
  return combined.qualifies && combined.targetPeriodCols.length > 0 ? combined : undefined;
}

/** The header read again on the same rows, with `year` to complete period headers written without one. */
export function reanalyse(grid: Grid, header: HeaderAnalysis, year: number | undefined): HeaderAnalysis {
  return rereadIn(grid, header, header.span, year) ?? header;
}

/**
 * The header read on the same rows within another span (tables side by side) or with a year: as one row,
 * or as the same two rows (undefined when they no longer read as one header).
 */
export function rereadIn(
  grid: Grid,
  header: HeaderAnalysis,
  span: Span,
  year: number | undefined,
): HeaderAnalysis | undefined {
  if (header.upperRow === undefined) return analyseRow(grid, header.row, year, span);
  if (header.anchor === "lower")
    return withUpperRow(grid, analyseRow(grid, header.row, year, span), header.upperRow, year);
  return withSubHeader(grid, analyseRow(grid, header.upperRow, year, span), year);
}
