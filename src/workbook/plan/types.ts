/**
 * A write plan: what an evaluation puts into a workbook, as plain data. The pipeline builds it
 * (workbook/plan/build); each host applies it (hosts/file/xlsx/write for files, hosts/excel for Excel).
 * The same plan drives both hosts, so what a user sees in Excel and in the file is the same, and the plan
 * is what tests check.
 *
 * Rules every host follows when applying a plan:
 * - It writes only to the add-in's own columns (`owned`), its own sheets (`summaries`) and formats. It
 *   never writes a cell outside those.
 * - Before writing owned columns, it removes every conditional-format rule whose range intersects them
 *   (those rules are the add-in's, from an earlier run), so a second run gives the same workbook.
 * - A summary sheet of the same name is replaced (deleted and created again at the same position, or at
 *   the end when new); never duplicated.
 * - Colours are `#RRGGBB`. Number formats are in the file's (en-US) syntax, e.g. `0.0%`; Excel shows them
 *   the pt-BR way. Formulas are in en-US syntax (`,` separators), as both ExcelJS and Office.js expect.
 */
import type { LocatedProblem } from "../../core/evaluate";

/** A cell's look. Hosts translate it to their own API; anything unset keeps the host's default. */
export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** Font size in points. */
  size?: number;
  /** Font colour. */
  color?: string;
  /** Solid fill colour. */
  fill?: string;
  wrap?: boolean;
  align?: "left" | "center" | "right";
  valign?: "top" | "middle";
  /** A thin border on every side. */
  border?: boolean;
}

/** One cell to write. `value: null` clears the cell (its value; the add-in's own formats go with it). */
export interface PlanCell {
  value: string | number | null;
  numberFormat?: string;
  style?: CellStyle;
  /**
   * A live formula for hosts that run the add-in's functions (Excel): en-US syntax, e.g.
   * `=META.ATINGIMENTO(E5,D5)`. `value` is what it evaluates to, which the file host writes instead (a
   * file opened in LibreOffice has no META functions).
   */
  formula?: string;
}

/**
 * A block of columns the add-in owns beside one table on one sheet (e.g. `Atingimento (Contratualiza)`,
 * `Conceito (Contratualiza)`). The header cells are on `headerRow`, from column `col` rightwards; data
 * row `firstRow + i` gets `values[i]`. `values` covers every row the block held before too (cleared with
 * `null`), so a shorter table leaves nothing stale behind.
 */
export interface OwnedColumns {
  sheet: string;
  headerRow: number;
  /** 1-based column of the first owned column (A = 1). */
  col: number;
  headers: PlanCell[];
  firstRow: number;
  /** `values[i][j]`: row `firstRow + i`, column `col + j`. Every row has `headers.length` cells. */
  values: PlanCell[][];
  /**
   * Column widths in characters, one per header: wide enough for the longest text the column holds (a
   * concept like `B – justificado parcialmente` is never clipped).
   */
  widths: number[];
  /**
   * Height in points the header row needs for the wrapped titles. A host grows the row to it when the row
   * is lower (it never shrinks the user's row), so the titles do not spill above their cells.
   */
  headerHeight?: number;
}

/** What a concept cell says, which decides its colour (docs/regras.md §11). */
export type ConceptClass = "met" | "notMet" | "justified" | "monitoring" | "noData" | "invalid";

/**
 * A conditional-format rule on one sheet: one per block of owned columns and concept class. `areas` are A1
 * ranges that all start on the same row (the owned columns, and the user's result cells they describe);
 * `formula` is relative to that first row with an absolute column, e.g. `$H5="A"`, so it reads the same
 * in every area. Lower `priority` wins; rules stop at the first true one.
 */
export interface ConditionalRule {
  sheet: string;
  areas: string[];
  conceptClass: ConceptClass;
  formula: string;
  style: CellStyle;
  priority: number;
}

/** A chart on a summary sheet, of cells on that same sheet: a clustered bar chart, or a line chart. */
export interface ChartSpec {
  /**
   * `bar` (the default): horizontal bars, one per category (indicator, area); `line`: one line with markers
   * over the categories in order (periods), for a series over time.
   */
  kind?: "bar" | "line";
  title: string;
  /** Series name (legend). */
  seriesName: string;
  /** A1 range (no sheet name) of the category labels, one column. */
  categories: string;
  /** A1 range (no sheet name) of the values, one column, same length as `categories`. */
  values: string;
  /** Values are fractions shown as percentages (axis 0–100%). */
  percent: boolean;
  /**
   * Each bar's fill (`#RRGGBB`), in category order: the concept's or the band's colour, the same as the
   * cells it stands for. A missing entry keeps the series' colour.
   */
  pointColors?: (string | undefined)[];
  /** Where it sits: the top-left cell and the cell just past its bottom-right corner, 1-based. */
  from: { row: number; col: number };
  to: { row: number; col: number };
}

/** A sheet the add-in owns: the summary of one period (`Resumo 2025-T1`). */
export interface SummarySheetPlan {
  /** A valid sheet name (≤ 31 characters, none of `[]:*?/\`). */
  name: string;
  /** Cells from A1: `rows[r][c]` is row r + 1, column c + 1; rows may be ragged. */
  rows: PlanCell[][];
  /** Merged ranges, A1. */
  merges: string[];
  /** Column widths in characters, from column A. */
  widths: number[];
  /**
   * Heights in points of rows whose wrapped text needs more than one line (1-based rows). Neither Excel
   * nor LibreOffice grows a row for wrapped text in a file that does not say so.
   */
  heights?: { row: number; height: number }[];
  chart?: ChartSpec;
  /**
   * Rows that start a new printed page (1-based): before a chart that would otherwise be cut in two by a
   * page break (programs print a chart across pages, half on each), before a heading or a table's header
   * that would end a page alone, before a group of rows a report keeps together (plan/print).
   */
  pageBreaks?: number[];
  /** How it prints: A4 in this orientation, fitted as `print` says; the print area is the used range. */
  print: PrintSetup;
}

/**
 * How a sheet prints, as data both hosts apply (ExcelJS's `pageSetup`, with the `sheetPr/pageSetUpPr
 * fitToPage` flag without which a program ignores fitToWidth/Height; Excel's `pageLayout`).
 */
export interface PrintSetup {
  orientation: "portrait" | "landscape";
  /**
   * Fit to this many pages wide and tall (0: as many as it takes). The add-in's own sheets fit one page
   * wide; a sheet whose text would then print under 9 pt is laid out narrower instead (the plan's job).
   */
  fit?: { width: number; height: number };
  /** Paper: A4 unless said otherwise. */
  paper?: "A4";
  /**
   * `narrow`: 0,25 in left and right (top and bottom as Excel's default, 0,75 in), for wide landscape
   * sheets; `normal` (the default): Excel's 0,7 in each side.
   */
  margins?: "normal" | "narrow";
}

/** The fit every sheet the add-in writes prints with: one page wide, as many pages tall as it takes. */
export const FIT_ONE_PAGE_WIDE = { width: 1, height: 0 } as const;

/**
 * Print settings for a sheet of the user's that holds owned columns. Hosts apply it as a request, never
 * overriding what the user set:
 * - `titleColumns` (`A:C`, the indicator's code and name) repeat on every printed page, so owned columns
 *   that print on a page of their own still say which indicator a row is. Set only when the sheet has no
 *   print titles of its own (the user's are never removed or replaced).
 * - `fit` and `orientation` only when the user asked for the sheet to be fitted (command `--ajustar-impressao`);
 *   by default the user's page setup is left as it is.
 */
export interface UserSheetPrint {
  sheet: string;
  titleColumns?: { from: number; to: number };
  fit?: { width: number; height: number };
  orientation?: "portrait" | "landscape";
}

export interface WritePlan {
  owned: OwnedColumns[];
  rules: ConditionalRule[];
  summaries: SummarySheetPlan[];
  /** Print settings asked for on the user's sheets that hold owned columns (see `UserSheetPrint`). */
  userPrint?: UserSheetPrint[];
  /** Problems found while planning (e.g. no room beside a table), for the summary and the terminal. */
  problems: LocatedProblem[];
}
