/**
 * Finding the indicator tables of one sheet: its Excel tables, then plain ranges.
 *
 * Plain ranges: the header is searched in a window of 40 rows (rows 1–40 of the used range for the
 * first table; the 40 rows after a table's end for the next one, so tables stacked under one another are
 * all found). In the window, the first row that can head an indicator table (an indicator column and a
 * target, result or period columns; or, for a panel, a municipality column and period columns) opens a
 * block; the best-scoring such row among it and the next five rows up to a blank row is the header (title
 * rows and partial sub-titles above it are skipped; a row holding data values — numbers other than years
 * and dates, logical values — is never taken; rows are compared read together with their other header
 * row). A header may take two rows (detect/twoRowHeader): periods or names under it, names or period
 * groups above it. The table runs to the first blank row or footer row after its data (blank and
 * decorative rows between the header and the data are skipped: detect/dataStart). Excel tables are read first and hidden
 * from the search of plain ranges; an Excel table whose first row is not an indicator header is left to
 * that search instead.
 *
 * Tables side by side: a header row is cut at empty columns (empty on the header row and the two rows
 * under it, and not inside a merged title) into runs of columns; a run that can head a table on its own,
 * after columns that already can, starts a new table (`Indicador | Meta | Resultado | | Indicador | Meta |
 * Resultado` is two tables; `Indicador | Meta | | Observação` stays one). Each reads its own columns, its
 * own title above them and its own footer.
 */
import { fromA1Range, toA1Range } from "../a1";
import type { SheetData } from "../model";
import { Grid } from "./grid";
import { analyseRow, holdsData, MAX_HEADER_COLUMNS, type HeaderAnalysis } from "./headerRow";
import { buildTable, type SheetTable } from "./table";
import { reanalyse, rereadIn, withSubHeader, withUpperRow } from "./twoRowHeader";

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

/** Rows under a header row that must be empty too in a column that separates tables side by side. */
const GAP_DEPTH = 2;

/**
 * The spans of the tables side by side on a header row (see the module's note): one span, the whole
 * sheet, when the row heads one table.
 */
function sideBySide(grid: Grid, row: number): { left: number; right: number }[] {
  const whole = { left: grid.left, right: grid.right };
  const last = Math.min(grid.right, grid.left + MAX_HEADER_COLUMNS - 1);
  const isGap = (col: number) => {
    if (grid.inWideMerge(row, col)) return false;
    for (let r = row; r <= Math.min(row + GAP_DEPTH, grid.bottom); r += 1) if (!grid.isEmpty(r, col)) return false;
    return true;
  };
  const runs: { left: number; right: number }[] = [];
  for (let col = grid.left; col <= last; col += 1) {
    if (isGap(col)) continue;
    const run = runs[runs.length - 1];
    if (run && run.right === col - 1) run.right = col;
    else runs.push({ left: col, right: col });
  }
  if (runs.length < 2) return [whole];
  const heads = (span: { left: number; right: number }) => analyseRow(grid, row, undefined, span).qualifies;
  const spans: { left: number; right: number }[] = [];
  let current = { ...runs[0] };
  for (const run of runs.slice(1)) {
    if (heads(current) && heads(run)) {
      spans.push(current);
      current = { ...run };
    } else current.right = run.right;
  }
  spans.push(current);
  if (spans.length < 2) return [whole];
  // Each table reaches to the gap before the next one; the first and last to the sheet's edges.
  return spans.map((_, i) => ({
    left: i === 0 ? grid.left : spans[i - 1].right + 1,
    right: i === spans.length - 1 ? grid.right : spans[i + 1].left - 1,
  }));
}

/** The headers of the next plain tables from `start` (several when side by side); none when the window holds none. */
function nextHeaders(grid: Grid, start: number): HeaderAnalysis[] {
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
  if (!best) return [];
  const first = best.row;
  // Each candidate is scored with its other header row, if any: a lower row that reads `Indicador` through
  // a merge (`Indicador` merged down over `Meta | Resultado`) must not beat the two rows read together.
  const withOtherRow = (header: HeaderAnalysis) =>
    withSubHeader(grid, header) ?? withUpperRow(grid, header, start) ?? header;
  best = withOtherRow(best);
  for (let row = first + 1; row <= Math.min(first + HEADER_BLOCK, grid.bottom); row += 1) {
    if (grid.isBlank(row)) break;
    if (holdsData(grid, row)) continue;
    const header = analyseRow(grid, row);
    if (!header.qualifies) continue;
    const read = withOtherRow(header);
    if (read.score > best.score) best = read;
  }
  const chosen = best;
  // The row that heads the table on its own is where tables side by side are told apart.
  const top = chosen.anchor === "lower" ? chosen.row : (chosen.upperRow ?? chosen.row);
  const spans = sideBySide(grid, top);
  if (spans.length === 1) return [chosen];
  return spans.map((span) => {
    if (chosen.anchor === "lower")
      return rereadIn(grid, chosen, span, undefined) ?? analyseRow(grid, chosen.row, undefined, span);
    const header = analyseRow(grid, top, undefined, span);
    return withSubHeader(grid, header) ?? header;
  });
}

/** Every indicator table of a sheet (see the module's note). */
export function findSheetTables(sheet: SheetData, defaultYear?: number): SheetTable[] {
  const grid = new Grid(sheet);
  const tables = readExcelTables(grid, sheet, defaultYear);
  for (const table of tables) {
    const range = fromA1Range(table.ref);
    if (range) grid.mask(range);
  }
  for (let start = grid.top; start <= grid.bottom;) {
    const headers = nextHeaders(grid, start);
    if (headers.length === 0) break;
    let next = start;
    for (const header of headers) {
      const table = buildTable({
        grid,
        header: (year) => (year === undefined ? header : reanalyse(grid, header, year)),
        titleFrom: start,
        lastRow: grid.bottom,
        skipBlankRows: false,
        defaultYear,
        ...(headers.length > 1 ? { span: header.span } : {}),
      });
      tables.push(table);
      next = Math.max(next, table.stopRow, header.row);
    }
    start = next + 1;
  }
  return tables;
}
