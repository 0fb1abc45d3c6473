/**
 * What every presenter shows of an evaluation, derived once: the overall figure's name and text, the band
 * and whether it is provisional, the targets not met and why each is a B, the pending results (blank cells,
 * missing rows, indicators without data), and an indicator's result and target as text. The pane, the
 * command's text and JSON, the summary sheet, the communiqué and the consolidation take these from here,
 * so one figure reads the same everywhere ("90,0%", never "90%" in one place and "90,0%" in another).
 */
import { meets } from "../core/attainment";
import type { ContractEvaluation, IndicatorEvaluation, MissingResult, RowEvaluation } from "../core/evaluate";
import { formatNumber, formatPercent } from "../core/messages";
import { planStrings, viewStrings } from "./messages";
import { formatPeriodPtBR } from "../core/periods";
import type { Target } from "../core/types";

// Built once: `toLocaleString` with options builds a formatter per call, and the reports format a figure
// per unit and indicator.
const oneDecimal = new Intl.NumberFormat("pt-BR", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat("pt-BR", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A fraction as a percentage with one decimal, as the bands round it: `0.75` → `75,0%`. */
export function percentText(fraction: number): string {
  return `${oneDecimal.format(fraction * 100)}%`;
}

/** A 0–10 note with two decimals: `8,60`. */
export function noteText(value: number): string {
  return twoDecimals.format(value);
}

/** The overall figure as text: `75,0%`, or `8,60` on the 0–10 scale; undefined when not computed. */
export function figureText(ev: ContractEvaluation): string | undefined {
  const o = ev.overall;
  if (o.value === undefined || o.attainment === undefined) return undefined;
  return ev.preset.scale === 10 ? noteText(o.value) : percentText(o.attainment);
}

/** Why the evaluation is incomplete, in words ("8 de 24 resultados esperados faltando"); undefined when it is not. */
export function incompleteText(ev: ContractEvaluation): string | undefined {
  if (!ev.overall.incomplete) return undefined;
  const c = ev.completeness;
  if (c && c.incomplete) return viewStrings.incompleteResults(c.missing, c.expected);
  return viewStrings.incompleteIndicators(ev.overall.withoutData, ev.overall.scored);
}

/** The band as a label, marked provisional when the evaluation is incomplete: "Faixa 1 — 100% (provisória…)". */
export function bandText(ev: ContractEvaluation): string | undefined {
  if (!ev.band) return undefined;
  return ev.band.provisional
    ? viewStrings.provisionalBand(ev.band.band.label, incompleteText(ev) ?? "")
    : ev.band.band.label;
}

/** The scored indicators whose concept is B (a justified B included): the targets not met. */
export function missedTargets(ev: Pick<ContractEvaluation, "indicators">): IndicatorEvaluation[] {
  return ev.indicators.filter((i) => i.kind === "desempenho" && i.status === "evaluated" && i.concept === "B");
}

/** `1.4 Proporção de gestantes…`: the code (when any) and the name. */
export function indicatorLabel(i: Pick<IndicatorEvaluation, "code" | "indicator">): string {
  const code = i.code?.trim();
  return code ? `${code} ${i.indicator}` : i.indicator;
}

/** A value on the target's scale: `85,8%` for percentages, `304,17` otherwise. */
export function valueText(value: number, target: Target | undefined): string {
  return target?.scale === "percent" ? percentText(value) : formatNumber(value, 2);
}

/** The indicator's result over the period, on its target's scale; "—" when it has none. */
export function resultText(i: IndicatorEvaluation): string {
  if (i.result === undefined) return "—";
  return valueText(i.result, i.target);
}

/** The target as the contract writes it (`≥ 85%`), "—" when there is none. */
export function targetText(i: IndicatorEvaluation): string {
  return describeTarget(i.target) || "—";
}

/** A target as the contract writes it: `≥ 80%`, `≤ 5`, `entre 50% e 70%`. */
export function describeTarget(target: Target | undefined): string {
  if (!target) return "";
  const show = (v: number) =>
    target.scale === "percent" ? formatPercent(v, 2).replace(/,0+%$/, "%") : formatNumber(v, 4);
  switch (target.direction) {
    case "atLeast":
      return (target.strict ? planStrings.targetAtLeastStrict : planStrings.targetAtLeast)(show(target.value));
    case "atMost":
      return (target.strict ? planStrings.targetAtMostStrict : planStrings.targetAtMost)(show(target.value));
    case "exactly":
      return planStrings.targetExactly(show(target.value));
    case "range": {
      const lower = target.interval?.lower?.value;
      const upper = target.interval?.upper?.value;
      if (lower !== undefined && upper !== undefined) return planStrings.targetRange(show(lower), show(upper));
      if (lower !== undefined) return planStrings.targetAtLeast(show(lower));
      return upper !== undefined ? planStrings.targetAtMost(show(upper)) : "";
    }
  }
}

/** One failing month (or unit) under the strict rule: "fev/2025, UBS Jardim: 262 (meta ≥ 300)". */
export function failingText(row: RowEvaluation): string {
  const where = [row.input.period ? formatPeriodPtBR(row.input.period) : undefined, row.input.unit]
    .filter(Boolean)
    .join(", ");
  return viewStrings.failingMonth(where, valueText(row.result ?? 0, row.target), describeTarget(row.target));
}

/**
 * What decides the concept of a B, for every report: under the default rule, the period's result against
 * the target (and how it was combined); under the strict rule, the months/units that missed it, with their
 * values. Undefined for anything but a B.
 */
export function conceptReason(i: IndicatorEvaluation): string | undefined {
  if (i.status !== "evaluated" || i.concept !== "B" || !i.target) return undefined;
  if (i.failing.length > 0) {
    const list = i.failing.map(failingText);
    const shown = list.slice(0, MAX_FAILING);
    const more = list.length - shown.length;
    return viewStrings.reasonEveryMonth(
      shown.join("; ") + (more > 0 ? viewStrings.andMore(more) : ""),
      meetsOverall(i),
    );
  }
  return viewStrings.reasonPeriodResult(resultText(i), targetText(i), combinedHow(i));
}

/** Failing months named in a reason; the rest are counted. */
const MAX_FAILING = 6;

/** Whether the period's own result meets the target (under the strict rule a B may still do so). */
function meetsOverall(i: IndicatorEvaluation): boolean {
  return i.result !== undefined && !!i.target && meets(i.result, i.target);
}

/** How the period's result was combined: "média de 6 resultados", "Σ numeradores ÷ Σ denominadores", "soma". */
function combinedHow(i: IndicatorEvaluation): string {
  if (i.combined <= 1) return "";
  switch (i.aggregation) {
    case "ratio":
      return viewStrings.combinedRatio(i.combined);
    case "sum":
      return viewStrings.combinedSum(i.combined);
    case "last":
      return viewStrings.combinedLast;
    default:
      return viewStrings.combinedMean(i.combined);
  }
}

/** Machine-readable situation of an indicator. */
export type Situation =
  "atingido" | "nao_atingido" | "justificado_total" | "justificado_parcial" | "sem_dado" | "invalido" | "linha_de_base";

export function situation(i: IndicatorEvaluation): Situation {
  if (i.status === "noData") return "sem_dado";
  if (i.status === "invalid") return "invalido";
  if (i.status === "needsBaseline") return "linha_de_base";
  if (i.concept === "A" || (i.concept === undefined && (i.credit ?? 0) > 0)) return "atingido";
  if (i.decision === "total") return "justificado_total";
  if (i.decision === "partial") return "justificado_parcial";
  return "nao_atingido";
}

/** One pending item, for lists: the indicator, and what is missing where. */
export interface PendingItem {
  code?: string;
  indicator: string;
  /** pt-BR: "UBS Jardim, fev/2025: célula J56 em branco", "linha ausente: UBS Jardim, fev/2025", "sem dado no período". */
  text: string;
  sheet?: string;
  cell?: string;
}

/** The text of one missing result. */
export function missingText(m: MissingResult): string {
  const where = [m.unit, formatPeriodPtBR(m.period)].filter(Boolean).join(", ");
  if (m.state === "missingRow") return viewStrings.missingRow(where);
  if (m.state === "invalid") return viewStrings.invalidResult(where, m.cell);
  return viewStrings.blankResult(where, m.cell);
}

/**
 * Everything pending in the period: each missing result (blank cell, missing row, unusable value) of the
 * expected grid, then the indicators with no data at all that the grid does not cover (rows without a
 * period) and those whose target needs a baseline.
 */
export function pendingItems(ev: ContractEvaluation): PendingItem[] {
  const items: PendingItem[] = [];
  const covered = new Set<string>();
  // Key by key, not spread together (NO_SPREAD_NOTE in core/evaluate): a period of a regional table owes
  // thousands of missing results, and the reports ask for them more than once.
  const item = (code: string | undefined, indicator: string, text: string): PendingItem => {
    const made = (code ? { code } : {}) as PendingItem;
    made.indicator = indicator;
    made.text = text;
    return made;
  };
  for (const m of ev.completeness?.slots ?? []) {
    covered.add(`${m.code ?? ""}\u0000${m.indicator}`);
    const missing = item(m.code, m.indicator, missingText(m));
    if (m.sheet) missing.sheet = m.sheet;
    if (m.cell) missing.cell = m.cell;
    items.push(missing);
  }
  for (const i of ev.pending) {
    if (covered.has(`${i.code ?? ""}\u0000${i.indicator}`)) continue;
    items.push(
      item(i.code, i.indicator, i.status === "needsBaseline" ? viewStrings.needsBaseline : viewStrings.noDataInPeriod),
    );
  }
  return items;
}

/** The rule that decided the concepts, as the reports name it. */
export function ruleText(ev: Pick<ContractEvaluation, "rule">): string {
  return ev.rule === "everyMonth" ? viewStrings.ruleEveryMonth : viewStrings.rulePeriodResult;
}

/** One unit's own figures, for the breakdown beside the contract's pooled figure. */
export interface UnitView {
  /** "UBS Jardim" (with its municipality when the rows name one: "Lavras — UBS Centro"). */
  name: string;
  evaluation: ContractEvaluation;
  /** `90,0%`; undefined when the unit has no scored indicator with data. */
  figure?: string;
  band?: string;
  /** Codes (or names) of the unit's targets not met. */
  missed: string[];
}

/** The units of a period, each with its own overall figure and band, in the order they first appear. */
export function unitViews(ev: {
  byUnit?: { team: string; municipality?: string; evaluation: ContractEvaluation }[];
}): UnitView[] {
  // Key by key (NO_SPREAD_NOTE in core/evaluate): a region's period has hundreds of units.
  return (ev.byUnit ?? []).map((u) => {
    const view = {
      name: u.municipality ? viewStrings.unitWithMunicipality(u.municipality, u.team) : u.team,
      evaluation: u.evaluation,
    } as UnitView;
    const figure = figureText(u.evaluation);
    if (figure) view.figure = figure;
    // Short: a unit's row has no room for the reason (the contract's own band says it in full).
    const band = u.evaluation.band;
    if (band) view.band = band.provisional ? viewStrings.provisionalShort(band.band.label) : band.band.label;
    view.missed = missedTargets(u.evaluation).map((i) => i.code ?? i.indicator);
    return view;
  });
}
