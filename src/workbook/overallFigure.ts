/**
 * What an evaluation's overall figure is, for every presenter (the command's text and JSON, the summary
 * sheet, the reports and communiqué, the task pane, the consolidation): its kind (atingimento global, ISF,
 * nota final), whether it is an ISF over fewer than the seven indicators Previne Brasil needs (*ISF
 * parcial*, "3 de 7 indicadores" — never shown as the ISF then), whether it pools several municipalities
 * (*do conjunto*), and the co-financing indicators without a result (the nota keeps every weight, and the
 * evaluation is *incompleta*). Decided here once, so that no presenter names the figure its own way. Pure.
 */
import type { ContractEvaluation } from "../core/evaluate";
import { nationalStrings } from "./messages";

export interface OverallFigure {
  kind: "attainment" | "isf" | "finalNote";
  /** An ISF over fewer indicators than the set needs: how many have a result, of how many. */
  partial?: { present: number; total: number };
  /** The pooled figure over several municipalities. */
  pooled: boolean;
  /** Indicators of the national set without a result, in the set's order (code and name). */
  missing: { code: string; name: string }[];
  /** The figure's name, as a label or inside a sentence: `ISF`, `ISF parcial (3 de 7 indicadores)`, `nota final do conjunto`. */
  name: string;
}

/** The overall figure of an evaluation (a period's, with its municipalities, or one municipality's or team's). */
export function overallFigure(
  ev: Pick<ContractEvaluation, "preset" | "coverage"> & { byMunicipality?: readonly unknown[] },
): OverallFigure {
  const coverage = ev.coverage;
  const pooled = (ev.byMunicipality?.length ?? 0) > 1;
  const kind: OverallFigure["kind"] = ev.preset.figure;
  const partial =
    coverage && coverage.whenMissing === "partial" && coverage.present.length < coverage.total
      ? { present: coverage.present.length, total: coverage.total }
      : undefined;
  const base =
    kind === "attainment"
      ? nationalStrings.attainment
      : kind === "finalNote"
        ? nationalStrings.finalNote
        : partial
          ? nationalStrings.isfPartial(partial.present, partial.total)
          : nationalStrings.isf;
  // Key by key (NO_SPREAD_NOTE in core/evaluate): asked for every unit of every period.
  const figure = { kind } as OverallFigure;
  if (partial) figure.partial = partial;
  figure.pooled = pooled;
  figure.missing = (coverage?.missing ?? []).map((m) => ({ code: m.code, name: m.name }));
  figure.name = pooled ? nationalStrings.pooled(base) : base;
  return figure;
}

/** `C7 Cuidado da mulher na prevenção do câncer`, for each indicator missing. */
export function missingNames(figure: OverallFigure): string[] {
  return figure.missing.map((m) => nationalStrings.indicatorName(m.code, m.name));
}

/**
 * Whether some row fills "Justificativa aceita": under a preset without a commission (national programmes)
 * the reports then say that it is shown and never scored.
 */
export function hasDecisions(ev: Pick<ContractEvaluation, "indicators">): boolean {
  return ev.indicators.some((i) =>
    i.rows.some((r) => {
      const v = r.input.justificationAccepted?.value;
      return v !== null && v !== undefined && String(v).trim() !== "";
    }),
  );
}

/**
 * The name over a column of several evaluations' figures on the 0–10 scale (the periods of a year, the
 * municipalities of a consolidation), capitalised: `ISF`; `ISF parcial (1 de 7 indicadores)` when every
 * one is partial alike, `ISF parcial` when over different numbers of indicators; `ISF ou ISF parcial` when
 * some are full; `Nota final`. Undefined on the 0–100 scale.
 */
export function columnName(
  evs: readonly (Pick<ContractEvaluation, "preset" | "coverage"> & { byMunicipality?: readonly unknown[] })[],
): string | undefined {
  const figures = evs.filter((ev) => ev.preset.scale === 10).map((ev) => overallFigure(ev));
  if (figures.length === 0) return undefined;
  return nationalStrings.capitalized(nameOver(figures));
}

/** The name shared by figures, or the names that cover them all (see `columnName`). */
export function nameOver(figures: readonly Pick<OverallFigure, "kind" | "partial" | "pooled">[]): string {
  const isf = figures.filter((f) => f.kind === "isf");
  const other = figures.length - isf.length;
  const partials = new Set(isf.map((f) => (f.partial ? `${f.partial.present}/${f.partial.total}` : "")));
  let base: string;
  if (isf.length === 0) base = nationalStrings.finalNote;
  else if (other > 0) base = nationalStrings.isfOrFinalNote;
  else if (partials.size > 1) base = partials.has("") ? nationalStrings.isfOrPartial : nationalStrings.isfPartialOnly;
  else
    base = isf[0].partial
      ? nationalStrings.isfPartial(isf[0].partial.present, isf[0].partial.total)
      : nationalStrings.isf;
  return figures.every((f) => f.pooled) ? nationalStrings.pooled(base) : base;
}
