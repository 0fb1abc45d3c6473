/** How the screens write figures: pt-BR percentages and notes, an indicator's label, result and target. */
import type { ContractEvaluation, IndicatorEvaluation } from "../core/evaluate";
import { formatNumber, nationalStrings as n, taskpaneStrings as s } from "../core/messages";
import { overallFigure } from "../workbook/overallFigure";
import { describeTarget } from "../workbook/plan/summary";

/** A fraction as a percentage with one decimal, as the bands round it: `0.75` → `75,0%`. */
export function percentText(fraction: number): string {
  return `${(fraction * 100).toLocaleString("pt-BR", { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
}

/** A 0–10 note with two decimals: `8,60`. */
export function noteText(value: number): string {
  return value.toLocaleString("pt-BR", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/**
 * The name of the overall figure (workbook/overallFigure): atingimento global, ISF, ISF parcial (n de 7
 * indicadores), nota final, on the 0–10 scale said so; of the conjunto when it pools municipalities.
 */
export function overallLabel(ev: ContractEvaluation & { byMunicipality?: readonly unknown[] }): string {
  const figure = overallFigure(ev);
  if (ev.preset.scale !== 10) return figure.pooled ? n.capitalized(figure.name) : s.overallLabel;
  return n.onTen(n.capitalized(figure.name));
}

/** The overall figure: `75,0%`, or `8,60` on the 0–10 scale; undefined when not computed. */
export function overallText(ev: ContractEvaluation): string | undefined {
  const o = ev.overall;
  if (o.value === undefined || o.attainment === undefined) return undefined;
  return ev.preset.scale === 10 ? noteText(o.value) : percentText(o.attainment);
}

/** `1.4 Proporção de gestantes…`: the code (when any) and the name. */
export function indicatorLabel(i: IndicatorEvaluation): string {
  return i.code ? `${i.code} ${i.indicator}` : i.indicator;
}

/** The indicator's result over the period, as its target is written (percent or plain). */
export function resultText(i: IndicatorEvaluation): string {
  if (i.result === undefined) return "—";
  return i.target?.scale === "percent" ? percentText(i.result) : formatNumber(i.result, 2);
}

export function targetText(i: IndicatorEvaluation): string {
  return describeTarget(i.target) || "—";
}
