/**
 * Finding the indicator tables of one sheet: its Excel tables, then plain ranges.
 *
 * Plain ranges: the header is searched in a window of 40 rows (rows 1–40 of the used range for the
 * first table; the 40 rows after a table's end for the next one, so tables stacked under one another are
 * all found). In the window, the first row that can head an indicator table (an indicator column and a
 * target, result or period columns; or, for a panel, a municipality column and period columns) opens a
 * block; the best-scoring such row among it and the next five rows up to a blank row is the header (title
 * rows and partial sub-titles above it are skipped; a row holding data values — numbers other than years
 * and dates, logical values — is never taken). A row under it naming only periods makes a two-row
 * header. The table runs to the first blank row or footer row. Excel tables are read first and hidden
 * from the search of plain ranges; an Excel table whose first row is not an indicator header is left to
 * that search instead.
 */
import { fromA1Range, toA1Range } from "../a1";
import type { SheetData } from "../port";
import { Grid, isDateFormat } from "./grid";
import { analyseRow, MAX_HEADER_COLUMNS, reanalyse, withSubHeader, type HeaderAnalysis } from "./headerRow";
import { isYear } from "./periodCells";
import { buildTable, type SheetTable } from "./table";

/** Rows searched for a header. */
export const HEADER_WINDOW = 40;
/** Rows under the first candidate header still considered as the header. */
const HEADER_BLOCK = 5;

function readExcelTables(grid: Grid, sheet: SheetData, defaultYear: number | undefined): SheetTable[] {
  const tables: SheetTable[] = [];
  for (const info of Array.isArray(sheet.tables) ? sheet.tables : []) {
    const range = info && typeof info.ref === "string" ? fromA1Range(info.ref) : undefined;
    if (!range || range.top < grid.top || range.top > grid.bottom) continue;
    const span = { left: range.left, right: range.right };
    const header = analyseRow(grid, range.top, undefined, span);
    if (!header.qualifies) continue;
    tables.push(
      buildTable({
        grid,
        header: (year) => (year === undefined ? header : analyseRow(grid, range.top, year, span)),
        titleFrom: Math.max(grid.top, range.top - 5),
        lastRow: Math.min(range.bottom, grid.bottom),
        skipBlankRows: true,
        name: typeof info.name === "string" ? info.name : undefined,
        ref: toA1Range(range),
        defaultYear,
      }),
    );
  }
  return tables;
}

/**
 * Whether a row holds data values: a logical value, or a number that is neither a year (a wide table's
 * `2024 | 2025` header) nor a date. Header rows are text, dates and years.
 */
function holdsData(grid: Grid, row: number): boolean {
  for (let col = grid.left; col <= Math.min(grid.right, grid.left + MAX_HEADER_COLUMNS - 1); col += 1) {
    const cell = grid.cell(row, col);
    if (!cell) continue;
    if (typeof cell.value === "boolean") return true;
    if (typeof cell.value === "number" && !isYear(cell.value) && !isDateFormat(cell.numberFormat)) return true;
  }
  return false;
}

/** The header of the next plain table from `start`, or undefined when the window holds none. */
function nextHeader(grid: Grid, start: number): HeaderAnalysis | undefined {
  const windowEnd = Math.min(start + HEADER_WINDOW - 1, grid.bottom);
  let best: HeaderAnalysis | undefined;
  for (let row = start; row <= windowEnd; row += 1) {
    if (grid.isBlank(row)) continue;
    const header = analyseRow(grid, row);
    if (header.qualifies) {
      best = header;
      break;
    }
  }
  if (!best) return undefined;
  for (let row = best.row + 1; row <= Math.min(best.row + HEADER_BLOCK, grid.bottom); row += 1) {
    if (grid.isBlank(row)) break;
    if (holdsData(grid, row)) continue;
    const header = analyseRow(grid, row);
    if (header.qualifies && header.score > best.score) best = header;
  }
  return withSubHeader(grid, best) ?? best;
}

/** Every indicator table of a sheet (see the module's note). */
export function findSheetTables(sheet: SheetData, defaultYear?: number): SheetTable[] {
  const grid = new Grid(sheet);
  const tables = readExcelTables(grid, sheet, defaultYear);
  for (const table of tables) {
    const range = fromA1Range(table.ref);
    if (range) grid.mask(range);
  }
  for (let start = grid.top; start <= grid.bottom; ) {
    const header = nextHeader(grid, start);
    if (!header) break;
    const table = buildTable({
      grid,
      header: (year) => (year === undefined ? header : reanalyse(grid, header, year)),
      titleFrom: start,
      lastRow: grid.bottom,
      skipBlankRows: false,
      defaultYear,
    });
    tables.push(table);
    start = Math.max(table.stopRow, header.row) + 1;
  }
  return tables;
}
