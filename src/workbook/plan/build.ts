/**
 * An evaluation → the write plan both hosts apply: the owned columns and their colours beside every
 * table (plan/owned), and one summary sheet per evaluated period (plan/summary). Pure.
 */
import { evaluateRow, type RowEvaluation, type RowInput } from "../../core/evaluate";
import type { PipelineResult } from "../pipeline";
import type { SheetData } from "../model";
import { planOwnedColumns } from "./owned";
import { reportSheets } from "./reports";
import { planSummary } from "./summary";
import type { WritePlan } from "./types";

export interface PlanOptions {
  /** What was evaluated, for the summary's header: the contract's title, or the file's name. */
  source: string;
  /** Also the final report over every period (`Avaliação final`): at the end of a contract, which the data do not tell. */
  final?: boolean;
  /** Also the proposal of an additive term over every period (`Proposta de Termo Aditivo`), on request. */
  additiveTerm?: boolean;
  /**
   * Also fit the user's sheets that hold owned columns to one page wide, landscape (command
   * `--ajustar-impressao`). By default their page setup is the user's and is left alone.
   */
  fitUserSheets?: boolean;
  /**
   * Whether the owned cells carry their live formulas (`PlanCell.formula`, default true). A host that writes
   * the values alone (the file host: a file opened in LibreOffice has no META functions) says false, and the
   * plan spares two formula texts per row (a million rows: two million strings) and the check behind them.
   */
  liveFormulas?: boolean;
}

/**
 * Every row of every table, evaluated: the rows the period evaluations already scored, and the others
 * (rows outside the chosen `--periodo`) evaluated on their own, so the owned columns describe the whole
 * table whichever period was asked for — and a run for one quarter does not blank out another's concepts.
 */
function allRows(result: PipelineResult): Map<RowInput, RowEvaluation> {
  const seen = new Map<RowInput, RowEvaluation>();
  // The first period that scored a row gives its evaluation: the periods are walked from the last, each
  // setting its rows, so that an earlier one overwrites a later one (no lookup first: a row is usually in one).
  for (let e = result.evaluations.length - 1; e >= 0; e--)
    for (const i of result.evaluations[e].indicators) for (const r of i.rows) seen.set(r.input, r);
  const preset = result.evaluations[0]?.preset;
  let rows = 0;
  for (const table of result.tables) rows += table.rows.length;
  // Every row of the tables scored already (the usual case, with no period asked for): nothing to look up.
  if (seen.size === rows) return seen;
  for (const table of result.tables) {
    for (const row of table.rows) if (!seen.has(row)) seen.set(row, evaluateRow(row, { preset }));
  }
  return seen;
}

/**
 * `workbook` is read for the cells beside the tables only (where the owned columns go): the workbook, or
 * `cellsBesideTables` of it.
 */
export function buildPlan(workbook: { sheets: SheetData[] }, result: PipelineResult, options: PlanOptions): WritePlan {
  const owned = planOwnedColumns(workbook, result.tables, allRows(result), {
    liveFormulas: options.liveFormulas ?? true,
  });
  // The communiqué of each period and the annual report of each year (workbook/plan/reports).
  const reports = reportSheets(result, options.source, { final: options.final, additiveTerm: options.additiveTerm });
  const summaries = result.evaluations.map((ev) =>
    planSummary(ev, {
      source: options.source,
      // Detection problems concern every period; listing them once, on the first summary, would hide them
      // from whoever opens only a later quarter.
      tableProblems: [...result.problems, ...owned.problems],
    }),
  );
  const userPrint = options.fitUserSheets
    ? owned.print.map((p) => ({ ...p, fit: { width: 1, height: 0 }, orientation: "landscape" as const }))
    : owned.print;
  return {
    owned: owned.owned,
    rules: owned.rules,
    summaries: [...summaries, ...reports],
    userPrint,
    problems: owned.problems,
  };
}
