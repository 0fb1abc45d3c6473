/**
 * A plan's cell styles in Office.js terms. Styles are written per contiguous block, never per cell: a
 * grid of styles is cut into rectangles of one style, and each rectangle is written either with the
 * range's format setters (a few small calls) or, when that would take more bytes, the whole grid at once
 * with `setCellProperties` (ExcelApi 1.9, one call whose size grows with the cells).
 */
import type { CellStyle } from "../../workbook/plan/types";
import { jsonBytes, OP_OVERHEAD } from "./batch";

/** A rectangle of one style inside a grid, 0-based and inclusive. */
export interface StyleRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
  style: CellStyle;
}

const STYLE_KEYS: (keyof CellStyle)[] = [
  "bold",
  "italic",
  "size",
  "color",
  "fill",
  "wrap",
  "align",
  "valign",
  "border",
];

/** A stable key for a style; `""` for no style at all. */
export function styleKey(style: CellStyle | undefined): string {
  if (!style) return "";
  const parts: string[] = [];
  for (const k of STYLE_KEYS) if (style[k] !== undefined) parts.push(`${k}=${String(style[k])}`);
  return parts.join(";");
}

/**
 * The rectangles of one style in a grid of styles (rows may be ragged; cells without a style are left
 * out). Runs down each column are found first, then equal runs of neighbouring columns are joined, so a
 * header row and a body of one style each give one rectangle.
 */
export function styleRects(grid: (CellStyle | undefined)[][]): StyleRect[] {
  const width = grid.reduce((w, row) => Math.max(w, row.length), 0);
  type Run = { top: number; bottom: number; key: string; style: CellStyle };
  const runsByCol: Run[][] = [];
  for (let c = 0; c < width; c++) {
    const runs: Run[] = [];
    for (let r = 0; r < grid.length; r++) {
      const style = grid[r][c];
      const key = styleKey(style);
      if (key === "" || !style) continue;
      const last = runs[runs.length - 1];
      if (last && last.key === key && last.bottom === r - 1) last.bottom = r;
      else runs.push({ top: r, bottom: r, key, style });
    }
    runsByCol.push(runs);
  }
  const open = new Map<string, StyleRect>();
  const out: StyleRect[] = [];
  for (let c = 0; c < width; c++) {
    const next = new Map<string, StyleRect>();
    for (const run of runsByCol[c]) {
      const id = `${run.top}:${run.bottom}:${run.key}`;
      const rect = open.get(id);
      if (rect && rect.right === c - 1) {
        rect.right = c;
        next.set(id, rect);
      } else {
        const fresh = { top: run.top, left: c, bottom: run.bottom, right: c, style: run.style };
        out.push(fresh);
        next.set(id, fresh);
      }
    }
    open.clear();
    for (const [k, v] of next) open.set(k, v);
  }
  return out;
}

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center" } as const;
type Edge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical";
const THIN: Excel.CellBorder = { style: "Continuous", weight: "Thin" };

/** A style as one cell's `setCellProperties` entry. */
export function cellProperties(style: CellStyle | undefined): Excel.SettableCellProperties {
  if (!style || styleKey(style) === "") return {};
  const format: Excel.CellPropertiesFormat = {};
  const font: Excel.CellPropertiesFont = {};
  if (style.bold !== undefined) font.bold = style.bold;
  if (style.italic !== undefined) font.italic = style.italic;
  if (style.size !== undefined) font.size = style.size;
  if (style.color !== undefined) font.color = style.color;
  if (Object.keys(font).length > 0) format.font = font;
  if (style.fill !== undefined) format.fill = { color: style.fill };
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.align !== undefined) format.horizontalAlignment = H_ALIGN[style.align];
  if (style.valign !== undefined) format.verticalAlignment = V_ALIGN[style.valign];
  if (style.border) format.borders = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  return { format };
}

/** The number of property writes `applyStyle` queues for a style on a range of this size. */
function directWrites(style: CellStyle, rows: number, cols: number): number {
  let n = 0;
  for (const k of STYLE_KEYS) if (k !== "border" && style[k] !== undefined) n++;
  // Four edges, plus the inside lines of a block of more than one row or column.
  if (style.border) n += 4 + (rows > 1 ? 1 : 0) + (cols > 1 ? 1 : 0);
  return n;
}

/** Bytes the format setters of a style take (each is one small action in the request). */
export function directStyleBytes(rect: StyleRect): number {
  return directWrites(rect.style, rect.bottom - rect.top + 1, rect.right - rect.left + 1) * OP_OVERHEAD;
}

/** Bytes one `setCellProperties` over the whole grid takes. */
export function cellPropertiesBytes(grid: Excel.SettableCellProperties[][]): number {
  return OP_OVERHEAD + jsonBytes(grid);
}

/** Writes a style on a range through its format setters (anything unset keeps what is there). */
export function applyStyle(range: Excel.Range, style: CellStyle, rows: number, cols: number): void {
  const format = range.format;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.size !== undefined) format.font.size = style.size;
  if (style.color !== undefined) format.font.color = style.color;
  if (style.fill !== undefined) format.fill.color = style.fill;
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.align !== undefined) format.horizontalAlignment = H_ALIGN[style.align];
  if (style.valign !== undefined) format.verticalAlignment = V_ALIGN[style.valign];
  if (style.border) {
    const edges: Edge[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
    if (rows > 1) edges.push("InsideHorizontal");
    if (cols > 1) edges.push("InsideVertical");
    for (const edge of edges) format.borders.getItem(edge).style = "Continuous";
  }
}

/**
 * A column width in characters (as the plan and the file host give it) in points (what Office.js takes):
 * Excel's default font (Calibri 11) has 7-pixel digits plus 5 pixels of padding, and a point is 4/3 of a
 * pixel at 96 dpi.
 */
export function columnWidthPoints(chars: number): number {
  const pixels = Math.round(Math.max(0, chars) * 7 + 5);
  return pixels * 0.75;
}
