/**
 * An evaluation → the write plan both hosts apply: the owned columns and their colours beside every
 * table (plan/owned), and one summary sheet per evaluated period (plan/summary). Pure.
 */
import { evaluateRow, type RowEvaluation } from "../../core/evaluate";
import type { PipelineResult } from "../pipeline";
import type { WorkbookData } from "../port";
import { planOwnedColumns } from "./owned";
import { reportSheets } from "../reports";
import { planSummary } from "./summary";
import type { WritePlan } from "./types";

export interface PlanOptions {
  /** What was evaluated, for the summary's header: the contract's title, or the file's name. */
  source: string;
  /** Also the final report over every period (`Avaliação final`): at the end of a contract, which the data do not tell. */
  final?: boolean;
}

/**
 * Every row of every table, evaluated: the rows the period evaluations already scored, and the others
 * (rows outside the chosen `--periodo`) evaluated on their own, so the owned columns describe the whole
 * table whichever period was asked for — and a run for one quarter does not blank out another's concepts.
 */
function allRows(result: PipelineResult): RowEvaluation[] {
  const seen = new Map<object, RowEvaluation>();
  for (const ev of result.evaluations) for (const i of ev.indicators) for (const r of i.rows) if (!seen.has(r.input)) seen.set(r.input, r);
  const preset = result.evaluations[0]?.preset;
  for (const table of result.tables) {
    for (const row of table.rows) if (!seen.has(row)) seen.set(row, evaluateRow(row, { preset }));
  }
  return [...seen.values()];
}

export function buildPlan(workbook: WorkbookData, result: PipelineResult, options: PlanOptions): WritePlan {
  const owned = planOwnedColumns(workbook, result.tables, allRows(result));
  // The communiqué of the last period and the annual report of each year (workbook/reports).
  const reports = reportSheets(result, options.source, { final: options.final });
  const summaries = result.evaluations.map((ev) =>
    planSummary(ev, {
      source: options.source,
      // Detection problems concern every period; listing them once, on the first summary, would hide them
      // from whoever opens only a later quarter.
      tableProblems: [...result.problems, ...owned.problems],
    }),
  );
  return { owned: owned.owned, rules: owned.rules, summaries: [...summaries, ...reports], problems: owned.problems };
}
