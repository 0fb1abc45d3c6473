/**
 * A national export's own classes against the evaluation's: a SIAPS export writes, beside each team's
 * result of the month, the class the ministry gives it (`Classificação`). After the evaluation each such row
 * has ours (the class of its own result, by the preset's table for its indicator); where the two differ the
 * export and these rules disagree — a result rounded differently, a band changed by a newer technical note,
 * a typing error — and a person must look. Each disagreement is an `exportMismatch` problem naming the team
 * (name and INE), the month, the indicator and both classes, at the export's class cell. It is added to the
 * problems of the period that holds the month, and of the team's (and the municipality's) evaluation, so the
 * consolidation counts it on that team's row.
 *
 * Pure, apart from adding problems to the evaluations it is given.
 */
import type { ContractEvaluation, RowEvaluation, RowInput } from "../core/evaluate";
import { formatNumber } from "../core/messages";
import { siapsStrings } from "./messages";
import { normalizeText } from "../core/parse";
import { formatPeriodPtBR } from "../core/periods";
import type { PeriodEvaluation } from "./pipeline";
import type { DetectedTable } from "./model";

/** The export's class of a row, by its sheet and row. */
type ExportClasses = Map<string, { cell: string; label: string }>;

const key = (sheet: string | undefined, row: number | undefined) => `${sheet ?? ""}\u0000${row ?? ""}`;

function exportClassesOf(tables: readonly DetectedTable[]): ExportClasses {
  const classes: ExportClasses = new Map();
  for (const table of tables) {
    for (const c of table.siaps?.classes ?? [])
      classes.set(key(table.sheet, c.sheetRow), { cell: c.cell, label: c.label });
  }
  return classes;
}

/** Every row evaluation of an evaluation, with its input. */
function rowsOf(ev: ContractEvaluation): RowEvaluation[] {
  return ev.indicators.flatMap((i) => i.rows);
}

/** Compares the exports' classes with the evaluations' and records the disagreements (see the module's note). */
export function compareExportClasses(tables: readonly DetectedTable[], evaluations: readonly PeriodEvaluation[]): void {
  const classes = exportClassesOf(tables);
  if (classes.size === 0) return;
  for (const ev of evaluations) {
    // The team's and the municipality's evaluation of each row, to record the problem there too.
    const parts = new Map<RowInput, ContractEvaluation[]>();
    for (const part of [...(ev.byTeam ?? []), ...(ev.byMunicipality ?? [])]) {
      for (const r of rowsOf(part.evaluation)) parts.set(r.input, [...(parts.get(r.input) ?? []), part.evaluation]);
    }
    for (const row of rowsOf(ev)) {
      const exported = classes.get(key(row.input.sheet, row.input.sheetRow));
      const ours = row.classification?.label;
      if (!exported || !ours || row.status !== "evaluated" || normalizeText(exported.label) === normalizeText(ours))
        continue;
      const { input } = row;
      const month = input.period ? formatPeriodPtBR(input.period) : "";
      const code = input.fromCatalog?.code ?? input.code ?? input.indicator;
      const points = formatNumber(row.resultScale === "percent" ? (row.result ?? 0) * 100 : (row.result ?? 0));
      const problem = {
        code: "exportMismatch" as const,
        sheet: input.sheet,
        cell: exported.cell,
        indicator: input.indicator,
        message: siapsStrings.classMismatch(
          siapsStrings.teamWithCode(input.unit ?? "", input.unitCode),
          month,
          code,
          exported.label,
          ours,
          points,
        ),
      };
      ev.problems.push(problem);
      for (const part of parts.get(input) ?? []) part.problems.push(problem);
    }
  }
}
