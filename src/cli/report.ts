/**
 * What the command prints: a pt-BR report for people, or the machine-readable JSON of `--json`. Pure
 * functions of a pipeline result.
 */
import type { ContractEvaluation, IndicatorEvaluation, LocatedProblem } from "../core/evaluate";
import { cliStrings as t, formatNumber, formatPercent } from "../core/messages";
import { formatPeriodPtBR } from "../core/periods";
import type { Target } from "../core/types";
import type { PipelineResult } from "../workbook/pipeline";
import type { DetectedTable } from "../workbook/port";

/** Machine-readable situation of an indicator. */
export type Situation = "atingido" | "nao_atingido" | "justificado_total" | "justificado_parcial" | "sem_dado" | "invalido" | "linha_de_base";

export function situation(i: IndicatorEvaluation): Situation {
  if (i.status === "noData") return "sem_dado";
  if (i.status === "invalid") return "invalido";
  if (i.status === "needsBaseline") return "linha_de_base";
  if (i.concept === "A" || (i.concept === undefined && (i.credit ?? 0) > 0)) return "atingido";
  if (i.decision === "total") return "justificado_total";
  if (i.decision === "partial") return "justificado_parcial";
  return "nao_atingido";
}

/** A target as a number for JSON: its value (percentages as fractions); ranges as their ends. */
function targetJson(target: Target | undefined): number | { minimo?: number; maximo?: number } | null {
  if (!target) return null;
  if (target.direction === "range") return { minimo: target.interval?.lower?.value, maximo: target.interval?.upper?.value };
  return target.value;
}

function problemJson(p: LocatedProblem) {
  return { planilha: p.sheet ?? null, celula: p.cell ?? null, mensagem: p.message };
}

/** The `--json` output: `{ periodos: [...], tabelas: [...], problemas: [...] }`. */
export function toJson(file: string, result: PipelineResult) {
  return {
    arquivo: file,
    tabelas: result.tables.map((tb) => ({
      planilha: tb.sheet,
      planilhas: tb.sheets,
      intervalo: tb.ref,
      formato: tb.layout,
      linhas: tb.rows.length,
      confianca: tb.confidence,
      periodos: tb.periods.map((p) => p.label),
    })),
    periodos: result.evaluations.map((ev) => periodJson(ev)),
    problemas: result.problems.map(problemJson),
  };
}

function periodJson(ev: ContractEvaluation) {
  return {
    periodo: ev.period?.label ?? null,
    predefinicao: ev.preset.id,
    metodo: ev.method === "shareMet" ? "proporcao" : "media",
    atingimentoGlobal: ev.overall.attainment ?? null,
    ...(ev.preset.scale === 10 ? { [ev.preset.id === "previne" ? "isf" : "notaFinal"]: ev.overall.value ?? null } : {}),
    avaliacaoIncompleta: ev.overall.incomplete,
    faixa: ev.band ? { numero: ev.band.band.number ?? null, rotulo: ev.band.band.label, recomendacao: ev.band.band.recommendation ?? null } : null,
    indicadores: ev.indicators.map((i) => ({
      codigo: i.code ?? null,
      indicador: i.indicator,
      area: i.area ?? null,
      natureza: i.kind,
      meta: targetJson(i.target),
      resultado: i.result ?? null,
      atingimento: i.attainment?.scored ?? null,
      conceito: i.concept ?? null,
      situacao: situation(i),
      ...(i.classification ? { classificacao: i.classification.label } : {}),
    })),
    pendencias: ev.pending.map((i) => ({ codigo: i.code ?? null, indicador: i.indicator })),
    problemas: ev.problems.map(problemJson),
  };
}

/** "Saúde da Mulher — 1.4 Proporção de gestantes…" shortened for a terminal line. */
function label(i: IndicatorEvaluation): string {
  const name = i.indicator.length > 70 ? `${i.indicator.slice(0, 67)}...` : i.indicator;
  return i.code ? `${i.code} ${name}` : name;
}

function value(ev: ContractEvaluation): string {
  if (ev.overall.value === undefined) return t.noOverall;
  return ev.preset.scale === 10 ? formatNumber(ev.overall.value, 2) : formatPercent(ev.overall.attainment ?? 0);
}

function tableLine(tb: DetectedTable): string {
  const periods = tb.periods.length === 0 ? t.noPeriods : tb.periods.length === 1 ? formatPeriodPtBR(tb.periods[0]) : `${formatPeriodPtBR(tb.periods[0])} a ${formatPeriodPtBR(tb.periods[tb.periods.length - 1])}`;
  return t.tableLine(tb.sheets.length > 1 ? tb.sheets.join(", ") : `${tb.sheet}!${tb.ref}`, t.layouts[tb.layout], tb.rows.length, periods, formatPercent(tb.confidence, 0));
}

function problemLine(p: LocatedProblem): string {
  const where = p.sheet ? `${p.sheet}${p.cell ? `!${p.cell}` : ""}: ` : "";
  return `  • ${where}${p.message}`;
}

/** The pt-BR report for a terminal. */
export function toText(file: string, result: PipelineResult): string {
  const lines: string[] = [t.heading(file), ""];
  lines.push(t.tablesFound(result.tables.length));
  for (const tb of result.tables) lines.push(tableLine(tb));
  for (const ev of result.evaluations) {
    lines.push("", t.periodHeading(ev.period ? `${formatPeriodPtBR(ev.period)} (${ev.period.label})` : t.allRows));
    const o = ev.overall;
    lines.push(t.overall(value(ev), ev.method === "shareMet" ? t.methodShare : t.methodMean, o.withData, o.scored));
    if (ev.band) lines.push(t.band(ev.band.band.label, ev.band.band.recommendation ?? ""));
    if (o.incomplete) lines.push(t.incomplete(o.withoutData, o.scored));
    const missed = ev.indicators.filter((i) => i.kind === "desempenho" && i.status === "evaluated" && i.concept === "B");
    if (missed.length > 0) {
      lines.push(t.missedHeading(missed.length));
      for (const i of missed) {
        const justified = i.decision === "total" ? t.justifiedTotal : i.decision === "partial" ? t.justifiedPartial : "";
        lines.push(`  • ${label(i)}: ${t.attained(formatPercent(i.attainment?.scored ?? 0))}${justified}`);
      }
    }
    if (ev.pending.length > 0) {
      lines.push(t.pendingHeading(ev.pending.length));
      for (const i of ev.pending) lines.push(`  • ${label(i)}`);
    }
    if (ev.problems.length > 0) {
      lines.push(t.problemsHeading(ev.problems.length));
      for (const p of ev.problems) lines.push(problemLine(p));
    }
  }
  if (result.problems.length > 0) {
    lines.push("", t.tableProblemsHeading(result.problems.length));
    for (const p of result.problems) lines.push(problemLine(p));
  }
  return lines.join("\n");
}
