/**
 * The commission's decisions on justifications (screen Justificativas) → the cells to write in an
 * indicator table: the text in its `Justificativa` column and the decision (Total / Parcial / Não) in its
 * `Justificativa aceita` column, on every row of the indicator in the period (each month of a quarter),
 * which is where the evaluation reads them (core/evaluate: a B justified in total counts as met).
 *
 * A table without those columns gets them: header cells on its header row, in the first columns right of
 * the table and of the add-in's own columns (`… (Contratualiza)`) that are empty from the header row down
 * to the table's last row. Owned columns are found again by their titles on a later run, so input columns
 * after them are safe; detection reads a plain range's header across them. An Excel table (ListObject)
 * cannot be widened by writing cells beside it: then the user is told to add the columns to the table.
 *
 * Pure: the host writes the cells (TaskpaneHost.writeCells).
 */
import { indicatorKey, type LocatedProblem, type RowInput } from "../../core/evaluate";
import { contains, formatPeriodPtBR } from "../../core/periods";
import type { Period } from "../../core/types";
import type { CellWrite } from "../host";
import { paneSharedStrings } from "../messages";
import { fromA1Range, MAX_COLUMN, toA1 } from "../a1";
import { Grid, isEmptyValue } from "../detect/grid";
import { assignColumns, headerKey, matchHeader, type HeaderCandidate } from "../detect/headers";
import { isOwnedHeader } from "../addinParts";
import type { DetectedTable, TableFrameRef, WorkbookData } from "../model";

/** The commission's decision, as written in the `Justificativa aceita` column. */
export type JustificationDecisionText = "Total" | "Parcial" | "Não";

export interface JustificationEntry {
  /** `IndicatorEvaluation.key` (core/evaluate `indicatorKey`). */
  indicatorKey: string;
  /** The evaluated period (a quarter: all its months); without it, every row of the indicator. */
  period?: Period;
  /** The justification; empty clears the cell. */
  text: string;
  decision: JustificationDecisionText;
}

type JustificationField = "justification" | "justificationAccepted";

const FIELDS: readonly JustificationField[] = ["justification", "justificationAccepted"];

function headerOf(field: JustificationField): string {
  return field === "justification"
    ? paneSharedStrings.justificationHeader
    : paneSharedStrings.justificationAcceptedHeader;
}

/**
 * The justification columns already on a frame's header row: the table's own mapping for its first sheet;
 * on the other sheets of a sheet-per-period table, the header row read the way detection reads it.
 */
function existingColumns(
  workbook: WorkbookData,
  table: DetectedTable,
  frame: TableFrameRef,
): Map<JustificationField, number> {
  const found = new Map<JustificationField, number>();
  if (frame.sheet === table.sheet) {
    for (const field of FIELDS) {
      const col = table.columns.find((c) => c.field === field)?.col;
      if (col !== undefined) found.set(field, col);
    }
    return found;
  }
  const sheet = workbook.sheets.find((sh) => sh.name === frame.sheet);
  const range = fromA1Range(frame.ref);
  if (!sheet || !range) return found;
  const grid = new Grid(sheet);
  const right = table.name ? range.right : grid.right;
  const candidates: HeaderCandidate[] = [];
  for (let col = range.left; col <= right; col += 1) {
    const value = grid.resolved(frame.headerRow, col).value;
    if (typeof value !== "string" || isEmptyValue(value) || isOwnedHeader(value)) continue;
    candidates.push({ col, matches: matchHeader(headerKey(value).key) });
  }
  const assigned = assignColumns(candidates);
  for (const field of FIELDS) {
    const col = assigned.get(field)?.col;
    if (col !== undefined) found.set(field, col);
  }
  return found;
}

/**
 * The first `count` columns right of the table and of the owned columns on its header row that are empty
 * from the header row down to the table's last row.
 */
function freeColumns(workbook: WorkbookData, frame: TableFrameRef, count: number): number[] {
  const sheet = workbook.sheets.find((sh) => sh.name === frame.sheet);
  const range = fromA1Range(frame.ref);
  if (!sheet || !range) return [];
  const grid = new Grid(sheet);
  let start = range.right + 1;
  for (let col = range.right + 1; col <= grid.right; col += 1) {
    if (isOwnedHeader(grid.cell(frame.headerRow, col)?.value)) start = col + 1;
  }
  const bottom = Math.max(range.bottom, frame.headerRow);
  const free: number[] = [];
  for (let col = start; col <= MAX_COLUMN && free.length < count; col += 1) {
    let empty = true;
    for (let row = frame.headerRow; row <= bottom && empty; row += 1) {
      if (!grid.isEmpty(row, col)) empty = false;
    }
    if (empty) free.push(col);
  }
  return free;
}

/** The rows an entry writes on: the indicator's rows within the period (rows without a period count in every one). */
function rowsOf(table: DetectedTable, entry: JustificationEntry): RowInput[] {
  return table.rows.filter(
    (r) =>
      r.sheetRow !== undefined &&
      indicatorKey(r) === entry.indicatorKey &&
      (!entry.period || !r.period || contains(entry.period, r.period)),
  );
}

/**
 * The cells that record the commission's decisions in `table` (see the module's note), and what could not
 * be recorded, in pt-BR. Writing the same cell twice (a wide table's row holds several periods) keeps the
 * last entry.
 */
export function planJustifications(
  workbook: WorkbookData,
  table: DetectedTable,
  entries: JustificationEntry[],
): { cells: CellWrite[]; problems: LocatedProblem[] } {
  const problems: LocatedProblem[] = [];
  const matched: { entry: JustificationEntry; rows: RowInput[] }[] = [];
  for (const entry of entries) {
    const rows = rowsOf(table, entry);
    if (rows.length > 0) {
      matched.push({ entry, rows });
      continue;
    }
    const name = table.rows.find((r) => indicatorKey(r) === entry.indicatorKey)?.indicator ?? entry.indicatorKey;
    const period =
      entry.period && table.rows.some((r) => indicatorKey(r) === entry.indicatorKey)
        ? formatPeriodPtBR(entry.period)
        : undefined;
    problems.push({
      code: "invalidArgument",
      sheet: table.sheet,
      indicator: name,
      message: paneSharedStrings.justificationNoRows(name, period),
    });
  }

  const cells = new Map<string, CellWrite>();
  const put = (sheet: string, row: number, col: number, value: string | null) => {
    const address = toA1(row, col);
    cells.set(`${sheet}!${address}`, { sheet, address, value });
  };
  for (const frame of table.frames) {
    const here = matched
      .map(({ entry, rows }) => ({ entry, rows: rows.filter((r) => (r.sheet ?? table.sheet) === frame.sheet) }))
      .filter((m) => m.rows.length > 0);
    if (here.length === 0) continue;
    const columns = existingColumns(workbook, table, frame);
    const missing = FIELDS.filter((f) => !columns.has(f));
    if (missing.length > 0) {
      if (table.name) {
        problems.push({
          code: "invalidArgument",
          sheet: frame.sheet,
          message: paneSharedStrings.justificationExcelTable(table.name, missing.map(headerOf)),
        });
        continue;
      }
      const free = freeColumns(workbook, frame, missing.length);
      if (free.length < missing.length) {
        problems.push({
          code: "invalidArgument",
          sheet: frame.sheet,
          message: paneSharedStrings.justificationNoRoom(frame.sheet),
        });
        continue;
      }
      missing.forEach((field, i) => {
        columns.set(field, free[i]);
        put(frame.sheet, frame.headerRow, free[i], headerOf(field));
      });
    }
    const textCol = columns.get("justification")!;
    const decisionCol = columns.get("justificationAccepted")!;
    for (const { entry, rows } of here) {
      const text = entry.text.trim();
      for (const row of rows) {
        put(frame.sheet, row.sheetRow!, textCol, text === "" ? null : text);
        put(frame.sheet, row.sheetRow!, decisionCol, entry.decision);
      }
    }
  }
  return { cells: [...cells.values()], problems };
}
