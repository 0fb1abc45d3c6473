/**
 * How the add-in's sheets print, worked out from their column widths: A4 portrait or landscape, fitted one
 * page wide, so that the smallest text (11-point body, fitted down) still prints at a readable size. And how
 * tall a wrapped header needs its row. Pure.
 *
 * The numbers, measured on LibreOffice's PDF of the sheets (Calibri, or its metric twin Carlito):
 * - one character of column width takes about 7,1 pt of paper at 100%, margins included;
 * - 11-point text prints with a glyph box (what `pdftotext -bbox` reports) 14,3 pt tall at 100%;
 * - an A4 page leaves about 495 pt across in portrait with Excel's default margins (0,7 in each side), and
 *   806 pt in landscape with narrow ones (0,25 in), which landscape sheets use.
 * Fitting W characters into P points scales the text by P / (7,2 · W); keeping the glyph box at 9 pt or
 * more (scale ≥ 0,63) allows about 110 characters in portrait and 172 in landscape.
 */
import type { PrintSetup } from "./types";
import { FIT_ONE_PAGE_WIDE } from "./types";

/** Characters of column width that print at ≥ 9 pt on an A4 page, one page wide (landscape: narrow margins). */
export const PORTRAIT_CHARS = 110;
export const LANDSCAPE_CHARS = 172;

/** Sum of column widths, in characters. */
export function totalWidth(widths: readonly number[]): number {
  return widths.reduce((a, b) => a + Math.max(0, b), 0);
}

/**
 * A4, one page wide: portrait when the columns fit a portrait page at a readable size, landscape otherwise
 * (a table wider than even a landscape page prints smaller: its plan should be narrower).
 */
export function printFor(widths: readonly number[]): PrintSetup {
  const orientation = totalWidth(widths) <= PORTRAIT_CHARS ? "portrait" : "landscape";
  return {
    orientation,
    fit: { ...FIT_ONE_PAGE_WIDE },
    paper: "A4",
    margins: orientation === "landscape" ? "narrow" : "normal",
  };
}

/** Height of one line of 11-point text, in points: the default row height. */
const LINE_POINTS = 15;

/** Printable height of an A4 page less Excel's default margins (0,75 in top and bottom), in points. */
const PRINTABLE_HEIGHT = { portrait: 842 - 108, landscape: 595 - 108 };
const PRINTABLE_WIDTH = { portrait: 595 - 100, landscape: 842 - 100 };
/** The same with narrow margins (0,25 in left and right). */
const NARROW_WIDTH = { portrait: 595 - 36, landscape: 842 - 36 };
/** Paper points one character of column width takes at 100% (see the module comment). */
const POINTS_PER_CHAR = 7.2;

/**
 * The row before which a page break keeps the chart whole, when the rows above would leave it straddling
 * two printed pages; undefined when it already starts and ends on one page. Estimated from the plan's
 * widths (the fit's scale) and row heights (15 pt when unset), with a tenth of slack for the estimate.
 */
export function chartPageBreak(plan: {
  widths: readonly number[];
  heights?: readonly { row: number; height: number }[];
  print: PrintSetup;
  chart?: { from: { row: number }; to: { row: number } };
}): number | undefined {
  const chart = plan.chart;
  if (!chart) return undefined;
  const orientation = plan.print.orientation;
  const across = (plan.print.margins === "narrow" ? NARROW_WIDTH : PRINTABLE_WIDTH)[orientation];
  const scale = Math.min(1, across / (POINTS_PER_CHAR * Math.max(1, totalWidth(plan.widths))));
  const page = PRINTABLE_HEIGHT[orientation] / scale;
  const height = new Map((plan.heights ?? []).map((h) => [h.row, h.height]));
  let used = 0;
  for (let row = 1; row < chart.from.row; row++) {
    const h = height.get(row) ?? LINE_POINTS;
    used = used + h > page ? h : used + h;
  }
  const chartHeight = (chart.to.row - chart.from.row) * LINE_POINTS * 1.1;
  return used > 0 && used + chartHeight > page ? chart.from.row : undefined;
}

/**
 * Lines a text wraps to in a column `width` characters wide, word by word as Excel and LibreOffice wrap
 * (a word longer than the line takes lines of its own); bold letters are about a fifth wider.
 */
export function wrappedLines(text: string, width: number, bold = false): number {
  const room = Math.max(1, Math.floor(width / (bold ? 1.2 : 1.05)));
  let lines = 0;
  for (const paragraph of String(text).split("\n")) {
    let line = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const need = line === 0 ? word.length : line + 1 + word.length;
      if (need <= room) line = need;
      else {
        if (line > 0) lines++;
        lines += Math.ceil(word.length / room) - 1;
        line = word.length % room || room;
      }
    }
  }
  return Math.max(1, lines);
}

/** The row height, in points, that shows every text of a row wrapped in its column (`widths[i]` for `texts[i]`). */
export function wrappedHeight(texts: readonly string[], widths: readonly number[], bold = false): number {
  const lines = Math.max(1, ...texts.map((t, i) => wrappedLines(t, widths[i] ?? 8.43, bold)));
  return lines * LINE_POINTS;
}
