/**
 * The add-in's own sheets (a period's summary, the reports) written straight from their plan as worksheet
 * XML, with the drawing that holds their chart: cells and their looks, merges, column widths, the rows
 * whose wrapped text needs more height, A4 fitted as the plan says (one page wide), its margins and page breaks. The print area is a defined name in
 * the workbook part (./workbook).
 *
 * Cells covered by a merge carry the merge's first cell's format and no value, as Excel saves them (a
 * border drawn on a merged title then goes round the whole merge).
 */
import { columnLetter, fromA1Range, toA1Range } from "../../../../workbook/a1";
import {
  FIT_ONE_PAGE_WIDE,
  type ChartSpec,
  type PlanCell,
  type PrintSetup,
  type SummarySheetPlan,
} from "../../../../workbook/plan/types";
import { summaryExtent } from "../../../../workbook/plan/summary";
import { anchorXml, chartXml, escapeAttr, NS, type ChartCache } from "../chart";
import { cellXml } from "./cells";
import type { SharedStrings } from "./strings";
import { DEFAULT_FACE, type StyleBook } from "./styles";

/** The worksheet part of a summary sheet; `drawingRelId` is the relationship of its chart's drawing, if any. */
export function summarySheetXml(
  plan: SummarySheetPlan,
  styles: StyleBook,
  drawingRelId: string | undefined,
  strings: SharedStrings,
): string {
  const empty = () => strings.empty();
  // Cell formats by style object, then by number format: the plan reuses a few style objects over
  // thousands of cells, and a text key per cell (its style as JSON) cost more than the cell's XML.
  const byStyle = new Map<PlanCell["style"], Map<string, number>>();
  const byKey = new Map<string, number>();
  const formatOf = (cell: PlanCell) => {
    let ofStyle = byStyle.get(cell.style);
    if (!ofStyle) byStyle.set(cell.style, (ofStyle = new Map()));
    const numberFormat = cell.numberFormat ?? "";
    let s = ofStyle.get(numberFormat);
    if (s === undefined) {
      const key = `${numberFormat}|${cell.style ? JSON.stringify(cell.style) : ""}`;
      s = byKey.get(key);
      if (s === undefined) byKey.set(key, (s = styles.cellFormat(cell, DEFAULT_FACE)));
      ofStyle.set(numberFormat, s);
    }
    return s;
  };

  // Each row's cells by column (a sparse array, in column order when read back), the merges' covered
  // cells included: they carry the format of the merge's first cell.
  const grid: string[][] = [];
  const put = (row: number, col: number, xml: string) => ((grid[row] ??= [])[col] = xml);
  plan.rows.forEach((cells, r) =>
    cells.forEach((cell, c) => put(r + 1, c + 1, cellXml("", r + 1, c + 1, cell, formatOf(cell), empty))),
  );
  for (const merge of plan.merges) {
    const m = fromA1Range(merge);
    if (!m) continue;
    const first = plan.rows[m.top - 1]?.[m.left - 1];
    const s = first ? formatOf(first) : 0;
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++)
        if (r !== m.top || c !== m.left) put(r, c, cellXml("", r, c, { value: null }, s, empty));
    }
  }
  const heights = new Map((plan.heights ?? []).map((h) => [h.row, h.height]));
  const rowNumbers = [
    ...new Set([...grid.keys()].filter((r) => grid[r] !== undefined).concat([...heights.keys()])),
  ].sort((a, b) => a - b);
  const rows = rowNumbers
    .map((r) => {
      const height = heights.get(r);
      const ht = height !== undefined ? ` ht="${height}" customHeight="1"` : "";
      // join skips the holes of the sparse array: the cells in column order.
      return `<row r="${r}"${ht}>${(grid[r] ?? []).join("")}</row>`;
    })
    .join("");

  const extent = summaryExtent(plan);
  const dimension = extent ? toA1Range(extent) : "A1";
  const cols = plan.widths
    .map((w, c) => (w > 0 ? `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>` : ""))
    .join("");
  const fit = plan.print.fit ?? FIT_ONE_PAGE_WIDE;
  const merges =
    plan.merges.length > 0
      ? `<mergeCells count="${plan.merges.length}">${plan.merges.map((m) => `<mergeCell ref="${escapeAttr(m)}"/>`).join("")}</mergeCells>`
      : "";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<dimension ref="${dimension}"/>` +
    `<sheetViews><sheetView workbookViewId="0"/></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    (cols ? `<cols>${cols}</cols>` : "") +
    `<sheetData>${rows}</sheetData>` +
    merges +
    pageMarginsXml(plan.print.margins) +
    // paperSize 9 is A4; fitToHeight 0: as many pages tall as it takes.
    `<pageSetup paperSize="9" orientation="${plan.print.orientation}" fitToWidth="${fit.width}" fitToHeight="${fit.height}"/>` +
    rowBreaksXml(plan.pageBreaks) +
    (drawingRelId ? `<drawing r:id="${drawingRelId}"/>` : "") +
    `</worksheet>`
  );
}

/** Page margins in inches: Excel's defaults, or the narrow ones of wide landscape sheets (plan/types `PrintSetup`). */
function pageMarginsXml(margins: PrintSetup["margins"]): string {
  const side = margins === "narrow" ? 0.25 : 0.7;
  return `<pageMargins left="${side}" right="${side}" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`;
}

/** Manual page breaks: a `brk` after the row above each row that starts a page (`id` is that row's number). */
function rowBreaksXml(rows: number[] | undefined): string {
  const breaks = (rows ?? []).filter((row) => row > 1);
  if (breaks.length === 0) return "";
  return `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((row) => `<brk id="${row - 1}" max="16383" man="1"/>`).join("")}</rowBreaks>`;
}

/** The print area of a summary sheet (`'Resumo 2025-T1'!$A$1:$D$25`), or undefined when it prints nothing. */
export function printArea(plan: SummarySheetPlan): string | undefined {
  const extent = summaryExtent(plan);
  if (!extent) return undefined;
  const corner = (row: number, col: number) => `$${columnLetter(col)}$${row}`;
  return `'${plan.name.replace(/'/g, "''")}'!${corner(1, 1)}:${corner(extent.bottom, extent.right)}`;
}

/** The drawing part holding a summary's chart, whose relationship id from the drawing is `chartRelId`. */
export function drawingXml(spec: ChartSpec, chartRelId: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">` +
    anchorXml(spec, chartRelId, 2, false) +
    `</xdr:wsDr>`
  );
}

/** The values of a chart's cells, taken from the summary plan (the cells the chart reads). */
export function chartCache(plan: SummarySheetPlan, spec: ChartSpec): ChartCache {
  const cells = (range: string) => {
    const r = fromA1Range(range);
    const out: PlanCell["value"][] = [];
    if (!r) return out;
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) out.push(plan.rows[row - 1]?.[col - 1]?.value ?? null);
    }
    return out;
  };
  return {
    categories: cells(spec.categories).map((v) => (v === null ? "" : String(v))),
    values: cells(spec.values).map((v) => (typeof v === "number" && Number.isFinite(v) ? v : null)),
  };
}

/** The chart part of a summary. */
export function summaryChartXml(plan: SummarySheetPlan, spec: ChartSpec): string {
  return chartXml(plan.name, spec, chartCache(plan, spec));
}
