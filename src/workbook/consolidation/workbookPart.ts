/**
 * One workbook's part of a regional consolidation, for both hosts: the command (`contratualiza consolidar`,
 * through src/cli/consolidateJob, once per file) and the task pane (screen Consolidar, on the open workbook).
 *
 * A workbook is consolidated in one of two ways:
 * - as it is: a national panel export or a long table with a `Município` column gives one row per
 *   municipality and period (`rowsOfResult` of workbook/consolidation/consolidate); SIAPS exports and co-financing tables,
 *   one row per team and four-month period; any other table, one row per period;
 * - one sheet at a time (`splitSheets`), when its tables sit on several sheets and none names a
 *   municipality: one table per municipality (or contract), each sheet evaluated on its own and its rows
 *   named by the sheet (`sheetsToSplit`).
 *
 * Pure (no I/O): the hosts read the workbook and write the plan. The result is plain data (structured-clone
 * safe), so a worker thread may post it.
 */
import type { LocatedProblem } from "../../core/evaluate";
import { consolidationSheetStrings, consolidationStrings, siapsStrings } from "../messages";
import { normalizeText } from "../../core/parse";
import {
  allTeams,
  CONSOLIDATED_HEADER_ROW,
  planConsolidatedSheet,
  rowsOfResult,
  type ConsolidatedRow,
  type ConsolidationFailure,
} from "./consolidate";
import { runPipeline, type PipelineOptions, type PipelineResult } from "../pipeline";
import type { PlanCell, SummarySheetPlan, WritePlan } from "../plan/types";
import type { WorkbookData } from "../model";
import { pushAll, unshiftAll } from "../../core/arrays";

export interface ConsolidateWorkbookOptions extends PipelineOptions {
  /**
   * The file's name as the user knows it (the command: relative to the folder given): every row's `source`.
   * Without it (the open workbook in Excel, whose file the pane does not know) a row's source is the sheet
   * (or sheets) its rows come from.
   */
  source?: string;
  /** Evaluate each sheet on its own when the workbook is one table per municipality (see the module comment). */
  splitSheets: boolean;
  /** Problems found before the pipeline ran (the workbook's stored settings): they count in every row. */
  problems?: LocatedProblem[];
}

export type WorkbookConsolidation =
  | {
      kind: "evaluated";
      /** In the workbook's order (sheets, then periods); `consolidate`/`sortRows` give the consolidated order. */
      rows: ConsolidatedRow[];
      /**
       * Every table is a national export of one indicator per file, of one kind: SISAB panels (`panel`) or
       * SIAPS reports (`siaps`). The command evaluates the files of one kind together, so that each
       * municipality (or team) gets its figure over every indicator.
       */
      gather?: "panel" | "siaps";
      /** The sheets evaluated one at a time (one per municipality), when the workbook was split. */
      sheets?: string[];
    }
  | { kind: "failed"; failure: ConsolidationFailure };

/**
 * The sheets of a workbook that is one table per municipality, one per sheet: its tables sit on two sheets
 * or more, no table spans several sheets (one sheet per period) and no row names a municipality. Undefined
 * otherwise.
 */
export function sheetsToSplit(result: PipelineResult): string[] | undefined {
  if (result.tables.some((tb) => tb.sheets.length > 1 || tb.rows.some((r) => r.municipality?.trim()))) return undefined;
  const sheets = [...new Set(result.tables.map((tb) => tb.sheet))];
  return sheets.length > 1 ? sheets : undefined;
}

/** The sheets a result's tables were read from, in order: `Painel`, or `Jan, Fev, Mar` for a table per period. */
export function sheetsOf(result: PipelineResult): string {
  return [...new Set(result.tables.flatMap((tb) => (tb.sheets.length > 0 ? tb.sheets : [tb.sheet])))].join(", ");
}

/** A failure when nothing could be evaluated; undefined when the result has rows to consolidate. */
function emptyResult(result: PipelineResult, source: string): ConsolidationFailure | undefined {
  if (result.tables.length === 0) {
    // Detection says what it recognised (a SIAPS export these rules do not score), or where it looked and what it expected.
    const problem = ["notScored", "noTable", "empty"]
      .map((code) => result.problems.find((p) => p.code === code))
      .find((p) => p !== undefined);
    return { source, message: problem?.message ?? consolidationStrings.noTable };
  }
  if (result.evaluations.length === 0) return { source, message: consolidationStrings.noRows };
  return undefined;
}

/** Evaluates a workbook and hands back its consolidated rows, or why it could not be (pt-BR). */
export function consolidateWorkbook(
  workbook: WorkbookData,
  options: ConsolidateWorkbookOptions,
): WorkbookConsolidation {
  const { source, splitSheets, problems = [], ...pipeline } = options;
  const result = runPipeline(workbook, pipeline);
  unshiftAll(result.problems, problems);
  const empty = emptyResult(result, source ?? (sheetsOf(result) || consolidationSheetStrings.thisWorkbook));
  if (empty) return { kind: "failed", failure: empty };
  const kinds = new Set(result.tables.map((tb) => tb.layout));
  const only = kinds.size === 1 ? [...kinds][0] : undefined;
  const gather = only === "panel" || only === "siaps" ? only : undefined;
  const split = splitSheets ? sheetsToSplit(result) : undefined;
  if (!split)
    return {
      kind: "evaluated",
      rows: rowsOfResult({ source: source ?? sheetsOf(result), result }),
      ...(gather ? { gather } : {}),
    };
  const rows: ConsolidatedRow[] = [];
  for (const name of split) {
    const sheet = workbook.sheets.find((s) => s.name === name)!;
    const part = runPipeline({ sheets: [sheet] }, pipeline);
    unshiftAll(part.problems, problems);
    pushAll(rows, rowsOfResult({ source: source ?? name, municipality: name, result: part }));
  }
  return { kind: "evaluated", rows, sheets: split };
}

/** Distinct municipalities or contracts of rows (name and IBGE code). */
export function unitsOf(rows: readonly ConsolidatedRow[]): number {
  return new Set(rows.map((r) => `${normalizeText(r.name)}\u0000${r.ibge ?? ""}`)).size;
}

/** The same cell with another value (its style and format kept). */
const retext = (cell: PlanCell, value: string): PlanCell => ({ ...cell, value });

/**
 * The `Consolidado` sheet as the task pane writes it into the open workbook: the command's sheet
 * (workbook/consolidation/consolidate `planConsolidatedSheet`: same columns, order, band fills and chart) with the
 * words of a workbook rather than of a folder — the title counts the municipalities of this workbook, the
 * `Arquivo` column is `Planilha` (where each row's table is), the note points to the task pane.
 */
export function planWorkbookConsolidatedSheet(rows: readonly ConsolidatedRow[]): SummarySheetPlan {
  const plan = planConsolidatedSheet(rows, [], 1);
  const out = plan.rows.map((r) => [...r]);
  out[0][0] = retext(
    out[0][0],
    allTeams(rows) ? siapsStrings.teamsPaneTitle(unitsOf(rows)) : consolidationSheetStrings.sheetTitle(unitsOf(rows)),
  );
  if (out[2]?.[0]?.value === consolidationStrings.note)
    out[2][0] = retext(out[2][0], consolidationSheetStrings.sheetNote);
  const header = out[CONSOLIDATED_HEADER_ROW - 1] ?? [];
  const col = header.findIndex((c) => c.value === consolidationStrings.headers.source);
  if (col >= 0) header[col] = retext(header[col], consolidationSheetStrings.sheetHeader);
  return { ...plan, rows: out };
}

/** The task pane's write plan: the `Consolidado` sheet only (nothing else of the workbook is touched). */
export function planWorkbookConsolidation(rows: readonly ConsolidatedRow[]): WritePlan {
  return { owned: [], rules: [], summaries: [planWorkbookConsolidatedSheet(rows)], problems: [] };
}
