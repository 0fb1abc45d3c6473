/**
 * A small builder for the report sheets: rows of cells, each cell spanning one or more columns (merged),
 * and the row height its wrapped text needs — neither Excel nor LibreOffice grows a row for wrapped text in
 * a merged cell, so the plan says how tall each row is. Pure; produces the parts of a `SummarySheetPlan`.
 */
import { toA1Range } from "../../a1";
import { CONCEPT_STYLES } from "../owned";
import type { CellStyle, ConceptClass, PlanCell } from "../types";
import { conceptStrings } from "../../../core/messages";
import { planStrings } from "../../messages";
import type { Band } from "../../../core/types";

export const TITLE: CellStyle = { bold: true, size: 14, color: "#1F3864", wrap: true, valign: "top" };
export const HEADING: CellStyle = { bold: true, size: 12, color: "#1F3864" };
export const HEADER: CellStyle = {
  bold: true,
  wrap: true,
  fill: "#DDEBF7",
  color: "#1F3864",
  border: true,
  valign: "middle",
  align: "center",
};
export const BODY: CellStyle = { border: true, wrap: true, valign: "top" };
export const TEXT: CellStyle = { wrap: true, valign: "top" };
export const PERCENT = "0.0%";
export const NOTE = "0.00";
export const NUMBER = "#,##0.00";

/** Height of one line of 11-point text, in points; of 14-point text. */
export const LINE_HEIGHT = 15;
export const TITLE_LINE_HEIGHT = 20;

/**
 * Lines a wrapped text takes in a cell `width` characters wide: a little slack for wide letters, more for
 * bold text; each line break starts a line. Words wrap whole, as Excel and LibreOffice wrap them: counting
 * characters alone gave a line too few when long words left the ends of lines empty (a three-line name
 * printed cut after its second line).
 */
export function linesFor(text: string, width: number, bold = false): number {
  const perLine = Math.max(1, Math.floor(Math.max(1, width) / (bold ? 1.2 : 1.1)));
  return String(text)
    .split("\n")
    .reduce((n, line) => n + wrappedLines(line, perLine), 0);
}

/** Lines one paragraph takes when `perLine` characters fit on a line and words wrap whole. */
function wrappedLines(paragraph: string, perLine: number): number {
  let lines = 1;
  let used = 0;
  for (const word of paragraph.split(" ")) {
    const len = word.length;
    if (used > 0 && used + 1 + len <= perLine) {
      used += 1 + len;
      continue;
    }
    if (used > 0) lines++;
    // A word longer than a line is broken across lines.
    lines += Math.max(0, Math.ceil(len / perLine) - 1);
    used = len % perLine || Math.min(len, perLine);
  }
  return lines;
}

/**
 * A plan cell, key by key rather than spread together: a spread adding keys makes a hidden class per cell
 * in this V8 (NO_SPREAD_NOTE in core/evaluate), and the summary writes a row per unit and period.
 */
export const cell = (value: string | number | null, style?: CellStyle, numberFormat?: string): PlanCell => {
  const made: PlanCell = { value };
  if (style) made.style = style;
  if (numberFormat) made.numberFormat = numberFormat;
  return made;
};

/** A concept text's colours, as the summary sheet and the owned columns show them. */
export function conceptClassOf(text: string): ConceptClass | undefined {
  const lower = text.toLowerCase();
  if (lower.includes(planStrings.monitoringWord)) return "monitoring";
  if (lower.includes(planStrings.justifiedWord)) return "justified";
  if (text === conceptStrings.conceptMet) return "met";
  if (text === conceptStrings.conceptNotMet) return "notMet";
  if (text === conceptStrings.invalid) return "invalid";
  if (text === conceptStrings.noData) return "noData";
  return undefined;
}

export function conceptStyle(text: string, base: CellStyle = BODY): CellStyle {
  const cls = conceptClassOf(text);
  return derivedStyle(base, cls ?? "", () =>
    cls ? { ...base, ...CONCEPT_STYLES[cls], align: "center" } : { ...base, align: "center" },
  );
}

/** A band's fill (light, so black text on it reads: see presets/bandTables), on top of `base`. */
export function bandStyle(band: Band | undefined, base: CellStyle): CellStyle {
  const color = band?.color;
  return color ? derivedStyle(base, `band ${color}`, () => ({ ...base, fill: color, color: "#000000" })) : base;
}

/**
 * Styles made from a base style, one object per base and variant: a summary writes a styled cell per
 * unit and indicator, and styles are never changed once made, so cells share them (and the writer looks
 * each up once). Made with spreads that add keys, each one had a hidden class of its own (NO_SPREAD_NOTE in
 * core/evaluate).
 */
const derived = new WeakMap<CellStyle, Map<string, CellStyle>>();

function derivedStyle(base: CellStyle, variant: string, make: () => CellStyle): CellStyle {
  let ofBase = derived.get(base);
  if (!ofBase) derived.set(base, (ofBase = new Map()));
  let style = ofBase.get(variant);
  if (!style) ofBase.set(variant, (style = make()));
  return style;
}

/** One cell of a row: its content and how many columns it spans (merged when more than one). */
export interface Span {
  cell: PlanCell;
  cols?: number;
  /** Rows it spans downwards (merged), for two-row headers. */
  rows?: number;
}

/** Rows, merges and heights of a sheet laid out on fixed column widths. */
export class SheetLayout {
  readonly rows: PlanCell[][] = [];
  readonly merges: string[] = [];
  private readonly heightByRow = new Map<number, number>();

  constructor(readonly widths: number[]) {}

  /** The 1-based row the next `add` writes. */
  get next(): number {
    return this.rows.length + 1;
  }

  get lastCol(): number {
    return this.widths.length;
  }

  /** Width in characters of columns `from`–`to` (1-based). */
  width(from: number, to: number): number {
    return this.widths.slice(from - 1, to).reduce((a, b) => a + b, 0);
  }

  /**
   * Adds a row of spans from column A; a span's covered cells get its style too (so borders show across a
   * merge). Sets the row's height from its wrapped texts (`lineHeight` per line).
   */
  add(spans: Span[], lineHeight = LINE_HEIGHT): number {
    const row = this.next;
    const cells: PlanCell[] = [];
    let col = 1;
    let lines = 1;
    for (const span of spans) {
      const cols = Math.max(1, span.cols ?? 1);
      const rows = Math.max(1, span.rows ?? 1);
      cells.push(span.cell);
      for (let k = 1; k < cols; k++) cells.push(cell(null, span.cell.style));
      if (cols > 1 || rows > 1)
        this.merges.push(toA1Range({ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 }));
      const wrapped = span.cell.style?.wrap && typeof span.cell.value === "string" && rows === 1;
      if (wrapped)
        lines = Math.max(
          lines,
          linesFor(span.cell.value as string, this.width(col, col + cols - 1), span.cell.style?.bold),
        );
      col += cols;
    }
    this.rows.push(cells);
    if (lines > 1 || lineHeight !== LINE_HEIGHT) this.heightByRow.set(row, lines * lineHeight);
    return row;
  }

  /** A text across the whole width, wrapped. */
  text(value: string, style: CellStyle = TEXT, lineHeight = LINE_HEIGHT): number {
    return this.add([{ cell: cell(value, style), cols: this.lastCol }], lineHeight);
  }

  blank(n = 1): void {
    for (let i = 0; i < n; i++) this.rows.push([]);
  }

  /** Sets a row's height (points), e.g. for a header row whose texts wrap in narrow columns. */
  height(row: number, height: number): void {
    this.heightByRow.set(row, Math.max(this.heightByRow.get(row) ?? 0, height));
  }

  get heights(): { row: number; height: number }[] {
    return [...this.heightByRow].map(([row, height]) => ({ row, height })).sort((a, b) => a.row - b.row);
  }
}
