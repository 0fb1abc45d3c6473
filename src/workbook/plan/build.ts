/**
 * An evaluation → the write plan both hosts apply: the owned columns and their colours beside every
 * table (plan/owned), and one summary sheet per evaluated period (plan/summary). Pure.
 */
import { evaluateRow, type RowEvaluation } from "../../core/evaluate";
import type { PipelineResult } from "../pipeline";
import type { WorkbookData } from "../port";
import { planOwnedColumns } from "./owned";
import { reportSheets } from "../reports";
import { planSummary, summaryName } from "./summary";
import { planStrings } from "../../core/messages";
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

/**
 * What the written copy will lack: the parts the host cannot carry over, and the charts of earlier summary
 * sheets this run does not make again (another period's), which a file rewrite drops too.
 */
export function unsupportedAfter(workbook: WorkbookData, summaryNames: string[]): string[] {
  const lost = (workbook.summaryCharts ?? []).filter((name) => !summaryNames.includes(name));
  return lost.length > 0 ? [...workbook.unsupported, planStrings.lostSummaryCharts(lost)] : workbook.unsupported;
}

export function buildPlan(workbook: WorkbookData, result: PipelineResult, options: PlanOptions): WritePlan {
  const owned = planOwnedColumns(workbook, result.tables, allRows(result));
  // The communiqué of each period and the annual report of each year (workbook/reports).
  const reports = reportSheets(result, options.source, { final: options.final, additiveTerm: options.additiveTerm });
  const names = [...result.evaluations.map(summaryName), ...reports.map((r) => r.name)];
  const unsupported = unsupportedAfter(workbook, names);
  const summaries = result.evaluations.map((ev) =>
    planSummary(ev, {
      source: options.source,
      unsupported,
      // Detection problems concern every period; listing them once, on the first summary, would hide them
      // from whoever opens only a later quarter.
      tableProblems: [...result.problems, ...owned.problems],
    }),
  );
  const userPrint = options.fitUserSheets
    ? owned.print.map((p) => ({ ...p, fit: { width: 1, height: 0 }, orientation: "landscape" as const }))
    : owned.print;
  return { owned: owned.owned, rules: owned.rules, summaries: [...summaries, ...reports], userPrint, problems: owned.problems };
}
