/**
 * Where a table's data start under its header. People leave a blank row under a header (or a header merged
 * down over two rows leaves one), draw a rule (`—` in every column) or write the units (`(%)`, `nº`) under
 * it: up to {@link MAX_GAP_ROWS} such rows are skipped before the first data row. A blank row after data
 * rows still ends a plain range (detect/rows).
 *
 * Not skipped: a footer (`Fonte:`, a signature) under the header ends the table there; and when the row
 * after the gap can head a table of its own, it is the next table, not this one's data, so this table ends
 * at the gap as it always did.
 */
import type { Grid } from "./grid";
import { analyseRow, type HeaderAnalysis } from "./headerRow";

/** Blank or decorative rows skipped between a header and its data. */
export const MAX_GAP_ROWS = 3;

export interface DataStart {
  /** The first row to read as data. */
  row: number;
  /** The rows skipped, with what they were. */
  skipped: { row: number; kind: "blank" | "decorative" }[];
  /** Columns a skipped units row marks as percentages (`(%)`, `%`). */
  percentCols: number[];
}

/** The first data row under `header` (see the module's note). */
export function findDataStart(grid: Grid, header: HeaderAnalysis, lastRow: number, footerLeft?: number): DataStart {
  const first = header.row + 1;
  const none: DataStart = { row: first, skipped: [], percentCols: [] };
  const skipped: DataStart["skipped"] = [];
  const percentCols = new Set<number>();
  let r = first;
  for (; r <= lastRow && skipped.length < MAX_GAP_ROWS; r += 1) {
    if (grid.isFooter(r, header.right, footerLeft)) break;
    if (grid.isBlank(r, header.left, header.right)) skipped.push({ row: r, kind: "blank" });
    else if (grid.isDecorativeRow(r, header.left, header.right)) {
      skipped.push({ row: r, kind: "decorative" });
      for (let c = header.left; c <= header.right; c += 1) if (grid.text(r, c).includes("%")) percentCols.add(c);
    } else break;
  }
  if (skipped.length === 0) return none;
  const landsOnRow =
    r <= lastRow && !grid.isFooter(r, header.right, footerLeft) && !grid.isBlank(r, header.left, header.right);
  if (landsOnRow && analyseRow(grid, r, undefined, header.span).qualifies) return none;
  return { row: r, skipped, percentCols: [...percentCols] };
}
