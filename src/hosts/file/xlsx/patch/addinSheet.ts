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
  const formats = new Map<string, number>();
  const formatOf = (cell: PlanCell) => {
    const key = `${cell.numberFormat ?? ""}|${cell.style ? JSON.stringify(cell.style) : ""}`;
    let s = formats.get(key);
    if (s === undefined) formats.set(key, (s = styles.cellFormat(cell, DEFAULT_FACE)));
    return s;
  };

  // Row → column → cell text, the merge's covered cells included.
  const grid = new Map<number, Map<number, string>>();
  const put = (row: number, col: number, xml: string) => {
    let cells = grid.get(row);
    if (!cells) grid.set(row, (cells = new Map()));
    cells.set(col, xml);
  };
  const styleAt = new Map<string, number>();
  plan.rows.forEach((cells, r) =>
    cells.forEach((cell, c) => {
      const s = formatOf(cell);
      styleAt.set(`${r + 1},${c + 1}`, s);
      put(r + 1, c + 1, cellXml("", r + 1, c + 1, cell, s, empty));
    }),
  );
  for (const merge of plan.merges) {
    const m = fromA1Range(merge);
    if (!m) continue;
    const s = styleAt.get(`${m.top},${m.left}`) ?? 0;
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++)
        if (r !== m.top || c !== m.left) put(r, c, cellXml("", r, c, { value: null }, s, empty));
    }
  }
  const heights = new Map((plan.heights ?? []).map((h) => [h.row, h.height]));
  const rowNumbers = [...new Set([...grid.keys(), ...heights.keys()])].sort((a, b) => a - b);
  const rows = rowNumbers
    .map((r) => {
      const cells = [...(grid.get(r) ?? new Map<number, string>())].sort((a, b) => a[0] - b[0]);
      const height = heights.get(r);
      const ht = height !== undefined ? ` ht="${height}" customHeight="1"` : "";
      return `<row r="${r}"${ht}>${cells.map(([, x]) => x).join("")}</row>`;
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
