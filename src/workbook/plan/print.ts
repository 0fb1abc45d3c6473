/**
 * How the add-in's sheets print, worked out from their column widths: A4 portrait or landscape, fitted one
 * page wide, so that the smallest text (11-point body, fitted down) still prints at a readable size; how
 * tall a wrapped header needs its row; and the page breaks that keep a chart, a heading with what follows
 * it, a table's header with its first row, and a report's groups of rows each on one page. Pure.
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

/** Rows `from`–`to` (1-based, inclusive) that print on one page; `height` (points) overrides the rows' own. */
export interface KeepTogether {
  from: number;
  to: number;
  height?: number;
}

/** Points of paper one point of row height takes: the fit's scale (one page wide), at most 1. */
function fitScale(plan: { widths: readonly number[]; print: PrintSetup }): number {
  const across = (plan.print.margins === "narrow" ? NARROW_WIDTH : PRINTABLE_WIDTH)[plan.print.orientation];
  return Math.min(1, across / (POINTS_PER_CHAR * Math.max(1, totalWidth(plan.widths))));
}

/**
 * The rows before which a page break keeps each block whole on a page, as LibreOffice and Excel lay the rows
 * out (page height over the fit's scale; 15 pt a row unless `heights` says otherwise). A block that would
 * straddle a page's bottom starts the next page instead; one taller than a page is left to the programs.
 * Blocks starting on one row are one block down to the furthest `to`.
 */
export function keepTogetherBreaks(
  plan: { widths: readonly number[]; heights?: readonly { row: number; height: number }[]; print: PrintSetup },
  blocks: readonly KeepTogether[],
): number[] {
  // A page 3% shorter than the estimate: LibreOffice's fit rounds its scale to a whole percent, up as often as
  // down, and a page found fuller than it is only moves a block a page early.
  const page = (0.97 * PRINTABLE_HEIGHT[plan.print.orientation]) / fitScale(plan);
  const height = new Map((plan.heights ?? []).map((h) => [h.row, h.height]));
  const rowHeight = (row: number) => height.get(row) ?? LINE_POINTS;
  const byStart = new Map<number, KeepTogether>();
  for (const b of blocks) {
    if (b.to < b.from) continue;
    const seen = byStart.get(b.from);
    const own = (x: KeepTogether) => x.height ?? sumHeights(x.from, x.to, rowHeight);
    if (!seen || own(b) > own(seen)) byStart.set(b.from, b);
  }
  const last = Math.max(0, ...blocks.map((b) => b.to));
  const breaks: number[] = [];
  let used = 0;
  for (let row = 1; row <= last; row++) {
    const block = byStart.get(row);
    if (block && used > 0) {
      const need = block.height ?? sumHeights(block.from, block.to, rowHeight);
      if (used + need > page && need <= page) {
        breaks.push(row);
        used = 0;
      }
    }
    const h = rowHeight(row);
    used = used + h > page ? h : used + h;
  }
  return breaks;
}

function sumHeights(from: number, to: number, rowHeight: (row: number) => number): number {
  let sum = 0;
  for (let row = from; row <= to; row++) sum += rowHeight(row);
  return sum;
}

type BlockRow = readonly {
  value: unknown;
  style?: { bold?: boolean; size?: number; fill?: string; border?: boolean };
}[];

/**
 * The rows of a sheet's headings (a bold line of 12 points or more, alone in its row's first cell), each kept
 * on a page with the `following` rows under it: a heading never ends a page alone. And each table's header
 * row (bold, filled and bordered from column A) with the row under it.
 */
export function headingBlocks(rows: readonly BlockRow[], following = 2): KeepTogether[] {
  const out: KeepTogether[] = [];
  rows.forEach((cells, i) => {
    const first = cells[0];
    const heading =
      first?.style?.bold && (first.style.size ?? 11) >= 12 && typeof first.value === "string" && first.value !== "";
    if (heading && i > 0) {
      // Down to the `following` rows with something in them (blank rows under a heading do not count).
      let to = i + 1;
      let taken = 0;
      for (let r = i + 1; r < rows.length && taken < following; r++) {
        to = r + 1;
        if (rows[r].some((c) => c.value !== null && c.value !== undefined && c.value !== "")) taken++;
      }
      if (to > i + 1) out.push({ from: i + 1, to });
    }
    const header = first?.style?.bold && first.style.fill && first.style.border;
    if (header && i > 0 && i + 1 < rows.length && rows[i + 1].length > 0) out.push({ from: i + 1, to: i + 2 });
  });
  return out;
}

/**
 * A chart as a block to keep whole: its rows, a tenth taller for the estimate (programs print a chart that
 * straddles a page break half on each page).
 */
export function chartBlock(chart: { from: { row: number }; to: { row: number } }): KeepTogether {
  return {
    from: chart.from.row,
    to: chart.to.row - 1,
    height: (chart.to.row - chart.from.row) * LINE_POINTS * 1.1,
  };
}

/**
 * The page breaks of one of the add-in's sheets: its chart whole on a page, each heading with the rows under
 * it, and `extra` blocks (a table's groups) whole.
 */
export function sheetPageBreaks(
  plan: {
    widths: readonly number[];
    heights?: readonly { row: number; height: number }[];
    print: PrintSetup;
    rows: readonly BlockRow[];
    chart?: { from: { row: number }; to: { row: number } };
  },
  extra: readonly KeepTogether[] = [],
): number[] {
  const blocks = [...headingBlocks(plan.rows), ...extra, ...(plan.chart ? [chartBlock(plan.chart)] : [])];
  return keepTogetherBreaks(plan, blocks);
}
