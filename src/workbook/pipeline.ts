/**
 * The evaluation pipeline, host-independent: workbook data → detected tables → one contract evaluation
 * per period. Both hosts (the command and the Excel task pane) call this.
 */
import { evaluateContract, type ContractEvaluation, type LocatedProblem, type RowInput } from "../core/evaluate";
import { compare, contains, periodOf } from "../core/periods";
import { defaultPreset, type Preset } from "../core/presets";
import type { OverallMethod, Period, PeriodKind } from "../core/types";
import { detectTables } from "./detect";
import type { DetectedTable, ExplicitMapping, WorkbookData } from "./port";

export interface PipelineOptions {
  /** Evaluate only this period; without it, every period found. */
  period?: Period;
  preset?: Preset;
  method?: OverallMethod;
  mapping?: ExplicitMapping;
  partialShare?: number;
  incompleteShare?: number;
  /** Year for month headers written without one (`Jan`, `Fev`). */
  defaultYear?: number;
}

export interface PipelineResult {
  tables: DetectedTable[];
  /** One evaluation per period, in time order; a single one without period when rows carry none. */
  evaluations: ContractEvaluation[];
  /** Problems of detection (table-level); each evaluation carries its own row problems. */
  problems: LocatedProblem[];
}

/**
 * The period an evaluation covers by default, per preset: contracts are evaluated by quarter (seed 001,
 * art. 7 §1), the national programmes by four-month period.
 */
function evaluationKind(preset: Preset): PeriodKind {
  return preset.id === "previne" || preset.id === "cofinanciamento" ? "fourMonth" : "quarter";
}

/**
 * The periods to evaluate when none is given: each row period grouped into the preset's evaluation
 * period (January–March → 2025-T1); periods already longer than that (a year, an irregular range that
 * spans more) are evaluated as they are.
 */
export function periodsToEvaluate(rowPeriods: Period[], preset: Preset): Period[] {
  const kind = evaluationKind(preset);
  const found = new Map<string, Period>();
  for (const p of rowPeriods) {
    const grouped = periodOf(p.start, kind);
    const target = contains(grouped, p) ? grouped : p;
    found.set(target.label, target);
  }
  // A period inside another one evaluated anyway adds nothing: keep the outer one.
  const all = [...found.values()];
  return all.filter((p) => !all.some((q) => q !== p && contains(q, p) && q.label !== p.label)).sort(compare);
}

/** Runs detection and evaluation on a workbook already read by a host. */
export function runPipeline(workbook: WorkbookData, options: PipelineOptions = {}): PipelineResult {
  const preset = options.preset ?? defaultPreset;
  const detected = detectTables(workbook, { mapping: options.mapping, defaultYear: options.defaultYear });
  const rows: RowInput[] = detected.tables.flatMap((t) => t.rows);
  const common = { preset, method: options.method, partialShare: options.partialShare, incompleteShare: options.incompleteShare };
  let periods: (Period | undefined)[];
  if (options.period) periods = [options.period];
  else {
    const rowPeriods = rows.map((r) => r.period).filter((p): p is Period => !!p);
    periods = rowPeriods.length > 0 ? periodsToEvaluate(rowPeriods, preset) : [undefined];
  }
  const evaluations = rows.length === 0 ? [] : periods.map((period) => evaluateContract(rows, { ...common, period }));
  const problems = [...detected.problems, ...detected.tables.flatMap((t) => t.problems)];
  return { tables: detected.tables, evaluations, problems };
}
