/**
 * From a header found on a sheet to a read table: the year for periods written without one, the layout,
 * the title, the rows, the reasons, the confidence and the problems of the header.
 */
import type { LocatedProblem, RowInput } from "../../core/evaluate";
import { detectStrings, detectionMessages, headerDetectStrings } from "../messages";
import { normalizeText } from "../../core/parse";
import { formatPeriodPtBR } from "../../core/periods";
import { columnLetter, toA1Range } from "../a1";
import type { Field, Layout, MappedColumn } from "../model";
import { findDataStart } from "./dataStart";
import type { Grid } from "./grid";
import { layoutOf, type HeaderAnalysis } from "./headerRow";
import { findYear, isYear } from "./periodCells";
import { readRows } from "./rows";
import { pushAll } from "../../core/arrays";

/** A table read from one sheet, before tables of period sheets are gathered. */
export interface SheetTable {
  grid: Grid;
  name?: string;
  header: HeaderAnalysis;
  layout: Exclude<Layout, "sheetPerPeriod">;
  ref: string;
  /** Year found around the table (default, title, headers, sheet name). */
  year?: number;
  /** Year written in the title rows, for sheets named by a bare month. */
  titleYear?: number;
  title?: string;
  columns: MappedColumn[];
  confidence: number;
  reasons: string[];
  unmapped: Field[];
  rows: RowInput[];
  problems: LocatedProblem[];
  /** The row that ended the table, for the search of the next one. */
  stopRow: number;
  explicit: boolean;
}

export interface TableSource {
  grid: Grid;
  /** The header, read again with the year once it is known. */
  header: (year: number | undefined) => HeaderAnalysis;
  /** First row searched for a title above the header. */
  titleFrom: number;
  lastRow: number;
  skipBlankRows: boolean;
  name?: string;
  /** The Excel table's own ref. */
  ref?: string;
  defaultYear?: number;
  /** Set by an explicit mapping: every column is certain. */
  explicit?: boolean;
  /** The indicator of every row, named by a mapping instead of a column. */
  indicator?: string;
  /** Columns a title is looked for in (a table beside another); the whole sheet otherwise. */
  span?: { left: number; right: number };
  extraReasons?: string[];
}

const FIELD_LABELS: Readonly<Record<Field, string>> = detectionMessages.detectFieldLabels;

/** Texts of the rows above a header, nearest last. */
function titleLines(
  grid: Grid,
  from: number,
  to: number,
  span = { left: grid.left, right: grid.right },
): { row: number; texts: string[] }[] {
  const lines: { row: number; texts: string[] }[] = [];
  for (let row = Math.max(from, grid.top); row <= to; row += 1) {
    const texts: string[] = [];
    for (let col = Math.max(grid.left, span.left); col <= Math.min(grid.right, span.right, span.left + 63); col += 1) {
      const text = grid.text(row, col);
      if (text) texts.push(text);
    }
    if (texts.length > 0) lines.push({ row, texts });
  }
  return lines;
}

/** The panel's `Indicador: <name>` line (the name in the same cell or the next one). */
function indicatorLine(lines: { row: number; texts: string[] }[]): { row: number; title: string } | undefined {
  for (const { row, texts } of lines) {
    const i = texts.findIndex((t) => /^indicador\s*:/.test(normalizeText(t)));
    if (i < 0) continue;
    const rest = texts[i].slice(texts[i].indexOf(":") + 1).trim() || (texts[i + 1] ?? "").trim();
    if (rest) return { row, title: rest };
  }
  return undefined;
}

function yearOfHeader(header: HeaderAnalysis): number | undefined {
  for (const p of header.periodCols) if (p.period?.year !== undefined) return p.period.year;
  for (const text of header.texts.values()) {
    const year = findYear(text);
    if (year !== undefined) return year;
  }
  return undefined;
}

/** Reads a table from its header: see the module's note. */
export function buildTable(source: TableSource): SheetTable {
  const { grid } = source;
  const first = source.header(undefined);
  const lines = titleLines(grid, source.titleFrom, first.firstRow - 1, source.span);
  const titleYear = lines.map((l) => findYear(l.texts.join(" "))).find((y) => y !== undefined);
  const defaultYear = isYear(source.defaultYear) ? source.defaultYear : undefined;
  const year = defaultYear ?? titleYear ?? yearOfHeader(first) ?? findYear(grid.name);
  const header = year !== undefined && first.periodCols.some((p) => p.needsYear) ? source.header(year) : first;
  const layout = layoutOf(header, source.indicator !== undefined);
  const problems: LocatedProblem[] = [];
  const reasons = [...(source.extraReasons ?? []), detectionMessages.detectHeaderRow(header.firstRow, header.row)];

  let title: string | undefined;
  let titleQuality = 1;
  if (layout === "panel") {
    const line = indicatorLine(lines);
    if (line) {
      title = line.title;
      reasons.push(detectionMessages.detectPanelTitle(line.row, line.title));
    } else {
      title = grid.name;
      titleQuality = 0.5;
      problems.push({ code: "empty", sheet: grid.name, message: detectionMessages.detectPanelNoTitle(grid.name) });
    }
  } else if (lines.length > 0) {
    const nearest = lines[lines.length - 1];
    title = nearest.texts[0];
  }

  const columns: MappedColumn[] = [];
  const mapped = [...header.fields.entries()].sort((a, b) => a[1].col - b[1].col);
  for (const [field, { col }] of mapped) {
    const text = header.texts.get(col) ?? "";
    // A wide table's plain result column (a total, say) is not read: each period has its own.
    if (layout === "wide" && field === "result") {
      reasons.push(detectionMessages.detectColumnUnused(columnLetter(col), text));
      continue;
    }
    columns.push({ field, col, header: text });
    reasons.push(detectionMessages.detectColumnField(columnLetter(col), text, FIELD_LABELS[field]));
  }
  let readable = 0;
  if (layout !== "long") {
    for (const p of header.periodCols) {
      const letter = columnLetter(p.col);
      const cell = header.addresses.get(p.col);
      if (p.period) {
        readable += 1;
        columns.push({ field: "result", col: p.col, header: p.header, period: p.period });
        reasons.push(detectionMessages.detectColumnPeriod(letter, p.header, formatPeriodPtBR(p.period)));
      } else {
        const message = p.needsYear
          ? detectionMessages.detectColumnNoYear(letter, p.header)
          : detectionMessages.detectColumnUnreadablePeriod(letter, p.header, p.problem ?? "");
        problems.push({ code: "invalidPeriod", sheet: grid.name, cell, message });
      }
    }
    for (const p of header.targetPeriodCols) {
      if (!p.period) continue;
      columns.push({ field: "target", col: p.col, header: p.header, period: p.period });
      reasons.push(detectStrings.columnPeriodTarget(columnLetter(p.col), p.header, formatPeriodPtBR(p.period)));
    }
    columns.sort((a, b) => a.col - b.col);
  }

  const start = findDataStart(grid, header, source.lastRow, source.span?.left);
  for (const { row, kind } of start.skipped) reasons.push(headerDetectStrings.rowSkipped(row, kind === "blank"));
  // A units row's `(%)` says the column holds percentages, as a `(%)` in the header would.
  const readHeader =
    start.percentCols.length > 0
      ? { ...header, percentCols: new Set([...header.percentCols, ...start.percentCols]) }
      : header;
  const read = readRows({
    grid,
    header: readHeader,
    layout,
    firstDataRow: start.row,
    lastRow: source.lastRow,
    skipBlankRows: source.skipBlankRows,
    year,
    title,
    footerLeft: source.span?.left,
    ...(source.indicator !== undefined ? { indicator: source.indicator } : {}),
  });
  pushAll(problems, read.problems);

  const quality = (f: Field) => header.fields.get(f)?.quality ?? 0;
  // Targets of one period each are certain for the periods they cover (their headers match exactly).
  const periodTargets = layout === "wide" && readable > 0 ? Math.min(1, header.targetPeriodCols.length / readable) : 0;
  const targetQuality = Math.max(quality("target"), periodTargets);
  const periodShare = header.periodCols.length > 0 ? readable / header.periodCols.length : 0;
  const ratio = Math.min(quality("numerator"), quality("denominator"));
  const resultQuality = layout === "long" ? Math.max(quality("result"), ratio) : periodShare;
  const keys =
    layout === "panel"
      ? [titleQuality, quality("municipality"), resultQuality]
      : [quality("indicator"), targetQuality, resultQuality];
  const confidence = source.explicit ? 1 : Math.round((keys.reduce((a, b) => a + b, 0) / keys.length) * 100) / 100;
  const unmapped: Field[] = [];
  if (layout !== "panel" && !header.fields.has("indicator") && source.indicator === undefined)
    unmapped.push("indicator");
  if (layout === "panel" || targetQuality === 0) unmapped.push("target");
  if (resultQuality === 0) unmapped.push("result");

  const ref =
    source.ref ??
    toA1Range({
      top: header.firstRow,
      left: header.left,
      bottom: Math.max(read.endRow, header.row),
      right: header.right,
    });
  return {
    grid,
    name: source.name,
    header,
    layout,
    ref,
    year,
    titleYear,
    title,
    columns,
    confidence,
    reasons,
    unmapped,
    rows: read.rows,
    problems,
    stopRow: read.stopRow,
    explicit: source.explicit === true,
  };
}
