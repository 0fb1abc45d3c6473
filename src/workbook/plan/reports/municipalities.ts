/**
 * The per-municipality sheet of a period whose rows name several municipalities (a SISAB "Painel Indicador"
 * export, a long table with a `Município` column): each municipality's own overall figure (ISF, or
 * attainment), its band when the rules have bands, and how many indicators it has a result for — the
 * table the command prints, in the evaluated copy too. Highest value first (none last; ties by name), as
 * the command lists them. Pure.
 */
import type { ContractEvaluation } from "../../../core/evaluate";
import { formatPeriodPtBR } from "../../../core/periods";
import { nationalStrings, printStrings } from "../../messages";
import { columnName } from "../../overallFigure";
import type { MunicipalityEvaluation, PeriodEvaluation } from "../../pipeline";
import { sheetName } from "../summary";
import { printFor, sheetPageBreaks, wrappedHeight } from "../print";
import type { SummarySheetPlan } from "../types";
import { bandStyle, BODY, cell, HEADER, NOTE, PERCENT, SheetLayout, TITLE, TITLE_LINE_HEIGHT } from "./layout";

/** The sheet's name for a period: `Municípios 2022-Q1`. */
export function municipalitiesName(ev: Pick<ContractEvaluation, "period">): string {
  return sheetName(printStrings.municipalitySheet(ev.period?.label ?? ""));
}

function byValue(a: MunicipalityEvaluation, b: MunicipalityEvaluation): number {
  const va = a.evaluation.overall.value ?? -Infinity;
  const vb = b.evaluation.overall.value ?? -Infinity;
  return vb - va || a.municipality.localeCompare(b.municipality, "pt-BR");
}

/** The sheet of one period, when its rows name two municipalities or more. */
export function planMunicipalities(ev: PeriodEvaluation): SummarySheetPlan | undefined {
  const list = ev.byMunicipality ?? [];
  if (list.length < 2) return undefined;
  const sorted = [...list].sort(byValue);
  const onTen = ev.preset.scale === 10;
  const valueHeader =
    (onTen ? columnName(sorted.map((m) => m.evaluation)) : undefined) ??
    nationalStrings.capitalized(nationalStrings.attainment);
  const h = printStrings.municipalityHeaders;
  const withBands = sorted.some((m) => m.evaluation.band);
  const coverageOf = (e: ContractEvaluation) =>
    e.coverage
      ? printStrings.coverage(e.coverage.present.length, e.coverage.total)
      : printStrings.coverage(e.overall.withData, e.overall.scored);
  // Each column as wide as its longest text (ABADIA DOS DOURADOS, "ISF parcial (3 de 7 indicadores)"):
  // the panel's names were cut at 8 characters in a column of the default width.
  const longest = (texts: string[], min: number) => Math.max(min, ...texts.map((t) => Math.ceil(t.length * 1.1) + 2));
  const widths = [
    longest([h.name, ...sorted.map((m) => m.municipality)], 20),
    longest([h.code, ...sorted.map((m) => m.code ?? "")], 9),
    Math.min(24, longest([valueHeader], 12)),
    ...(withBands
      ? [
          longest(
            sorted.map((m) => m.evaluation.band?.band.label ?? ""),
            14,
          ),
        ]
      : []),
    14,
  ];
  const l = new SheetLayout(widths);
  const period = ev.period ? `${formatPeriodPtBR(ev.period)} (${ev.period.label})` : printStrings.allRows;
  l.text(printStrings.municipalityTitle(valueHeader, period), TITLE, TITLE_LINE_HEIGHT);
  l.text(printStrings.municipalityNote(sorted.length));
  l.blank();
  const headers = [h.name, h.code, valueHeader, ...(withBands ? [h.band] : []), h.coverage];
  const headerRow = l.add(headers.map((t) => ({ cell: cell(t, HEADER) })));
  l.height(headerRow, wrappedHeight(headers, widths, true));
  for (const m of sorted) {
    const e = m.evaluation;
    const value = onTen ? e.overall.value : e.overall.attainment;
    l.add([
      { cell: cell(m.municipality, BODY) },
      { cell: cell(m.code ?? "", { ...BODY, align: "center" }) },
      {
        cell:
          value === undefined
            ? cell(printStrings.noValue, { ...BODY, align: "center" })
            : cell(value, { ...BODY, align: "center" }, onTen ? NOTE : PERCENT),
      },
      ...(withBands ? [{ cell: cell(e.band?.band.label ?? "", bandStyle(e.band?.band, BODY)) }] : []),
      { cell: cell(coverageOf(e), { ...BODY, align: "center" }) },
    ]);
  }
  const plan: SummarySheetPlan = {
    name: municipalitiesName(ev),
    rows: l.rows,
    merges: l.merges,
    widths,
    heights: l.heights,
    print: printFor(widths),
  };
  const breaks = sheetPageBreaks(plan);
  if (breaks.length > 0) plan.pageBreaks = breaks;
  return plan;
}
