/**
 * The final synthetic communiqué (Cajamar decree of 2011, art. 11 IV: *Comunicado Final Sintético*): at the end
 * of the contract, the commission's conclusive evaluation of every performance indicator over the whole term
 * and the resulting *grau de cumprimento do Contrato de Gestão* — its figure, its band and recommendation, the
 * periods in each band, the indicators that never met their target — for the commission to edit and sign,
 * addressed to the head of the executive (art. 11 §2). Laid out as the quarterly communiqué is
 * (./communique: `communiqueSheet`, `communiqueMarkdown`; ./docx: `communiqueDocx`).
 *
 * **Grau de cumprimento**: the arithmetic mean of the overall figure of the periods evaluated (those with a
 * computed figure), each period weighing the same, banded with the preset's bands (./series:
 * `combinedOverall`, the figure of the `Avaliação final` report too, so the two documents never disagree).
 * Why the mean of the periods, and not the share of every indicator × period target met pooled over the
 * term: the decree has the final communiqué written "com base nos relatórios" — the periodic evaluations the
 * commission already voted, each with its own band and its decisions on justifications — and the
 * instrument's bands grade "o atingimento" of one evaluation; a pooled share would weigh a quarter with more
 * indicators with data more than one with fewer, and would make the term read differently from the
 * quarters the commission communicated. (On the bundled four quarters the two differ by a tenth of a point:
 * 67,5% against 15,5 ÷ 23 = 67,4%.)
 *
 * Trust: a period without a computed figure is left out of the mean and named; when any period counted was
 * *incompleta* (too many results missing), the grau's band is shown as provisional, naming those periods —
 * a term whose quarters were banded provisionally cannot be banded for good. A period's band in the table is
 * marked provisional as on its own summary.
 *
 * Indicators: only performance indicators (art. 2 §1). *Never met*: concept B (justified or not: the
 * concept shown stays B) in every period the indicator had an evaluable result, with at least one such
 * period. Pure.
 */
import type { ContractEvaluation, IndicatorEvaluation } from "../../../core/evaluate";
import { documentStrings, reportStrings } from "../../messages";
import { formatPeriodPtBR } from "../../../core/periods";
import type { Band } from "../../../core/types";
import { columnName } from "../../overallFigure";
import { describeTarget } from "../summary";
import { incompleteText, indicatorLabel, noteText, percentText } from "../../view";
import type { Block, CommuniqueText, Section, TableCell } from "./communique";
import { termHeader, termOf } from "./communique";
import { NOTE, PERCENT } from "./layout";
import { combinedOverall, indicatorSeries, seriesValue, type CombinedOverall, type IndicatorSeries } from "./series";

/** One performance indicator over the term. */
export interface IndicatorConclusion {
  key: string;
  code?: string;
  indicator: string;
  target: string;
  /** Periods with concept A; with an evaluable result; all periods. */
  met: number;
  withData: number;
  periods: number;
  /** Mean of the scored attainment (or a classifying preset's factor) over the periods with data, 0–1. */
  meanAttainment?: number;
  /** Lowest and highest scored attainment over the periods with data. */
  min?: number;
  max?: number;
  verdict: keyof typeof documentStrings.verdicts;
}

/** The periods of one band (or without a band: `band` undefined). */
export interface PeriodsInBand {
  band?: Band;
  labels: string[];
}

export interface FinalCommunique extends CommuniqueText {
  /** The mean of the periods' overall figures, its band; periods counted. */
  grade: CombinedOverall;
  /** The grade as text: `67,5%`, or `7,50` on the 0–10 scale. */
  gradeText?: string;
  /** The band is provisional: some period counted was incomplete (their labels). */
  provisional: string[];
  /** Periods without a computed figure (left out of the mean). */
  uncounted: string[];
  /** Periods per band, in the bands' order; last, those without a band. */
  periodsByBand: PeriodsInBand[];
  indicators: IndicatorConclusion[];
  /** The performance indicators never met (see the module comment). */
  neverMet: IndicatorConclusion[];
}

export interface FinalCommuniqueOptions {
  source: string;
  /** Roles under the signature lines (default: the commission's four members). */
  members?: string[];
}

function verdictOf(met: number, withData: number): IndicatorConclusion["verdict"] {
  if (withData === 0) return "noData";
  if (met === withData) return "always";
  if (met === 0) return "never";
  return met * 2 > withData ? "mostly" : "sometimes";
}

function conclusionOf(row: IndicatorSeries, periods: number): IndicatorConclusion {
  const evaluated = row.byPeriod.filter(
    (i): i is IndicatorEvaluation => i?.status === "evaluated" && (i.concept !== undefined || !!i.classification),
  );
  // A classifying preset (co-financing) has no concept A/B: its class's factor of 1 is the target met.
  const metOne = (i: IndicatorEvaluation) => (i.classification ? i.score === 1 : i.concept === "A");
  const met = evaluated.filter(metOne).length;
  const values = evaluated.map(seriesValue).filter((v): v is number => v !== undefined);
  const target = row.byPeriod.map((i) => (i?.target ? describeTarget(i.target) : "")).filter(Boolean);
  return {
    key: row.key,
    ...(row.code ? { code: row.code } : {}),
    indicator: row.indicator,
    // The last period's target: a changed target is shown period by period on the final report.
    target: target[target.length - 1] ?? "",
    met,
    withData: evaluated.length,
    periods,
    ...(values.length > 0
      ? {
          meanAttainment: values.reduce((a, b) => a + b, 0) / values.length,
          min: Math.min(...values),
          max: Math.max(...values),
        }
      : {}),
    verdict: verdictOf(met, evaluated.length),
  };
}

/** The figure as the preset shows it: `67,5%` or `7,50`. */
function gradeText(grade: CombinedOverall, scale: number): string | undefined {
  if (grade.value === undefined || grade.attainment === undefined) return undefined;
  return scale === 10 ? noteText(grade.value) : percentText(grade.attainment);
}

/** The final communiqué over `evaluations` (any order; those without a period are left out). */
export function buildFinalCommunique(
  evaluations: ContractEvaluation[],
  options: FinalCommuniqueOptions,
): FinalCommunique {
  const term = termOf(evaluations);
  const { evs, last, unit, unitPlural } = term;
  const n = evs.length;
  const labels = evs.map((ev) => ev.period!.label);
  const scale = last?.preset.scale ?? 100;
  const grade = combinedOverall(evs);
  const text = gradeText(grade, scale);
  const counted = evs.filter((ev) => ev.overall.value !== undefined);
  const uncounted = evs.filter((ev) => ev.overall.value === undefined).map((ev) => ev.period!.label);
  const provisional = counted.filter((ev) => ev.overall.incomplete).map((ev) => ev.period!.label);
  const figureName = scale === 10 ? (columnName(evs) ?? documentStrings.gradeFigure) : documentStrings.gradeFigure;

  const header = termHeader(term, options.source, true);
  const intro = [documentStrings.addressee, documentStrings.finalIntro(n, n === 1 ? unit : unitPlural)];

  // 1. The grau de cumprimento.
  const gradeBlocks: Block[] = [];
  const bandLabel = grade.band
    ? provisional.length > 0
      ? `${grade.band.band.label} — ${documentStrings.provisionalMark} (${documentStrings.provisionalReason(provisional.length, n)})`
      : grade.band.band.label
    : undefined;
  if (text === undefined)
    gradeBlocks.push({ kind: "paragraph", text: documentStrings.gradeNotComputed, style: "warning" });
  else {
    gradeBlocks.push({
      kind: "paragraph",
      text: documentStrings.grade(figureName, text, grade.counted, unit, unitPlural),
    });
    if (uncounted.length > 0)
      gradeBlocks.push({
        kind: "paragraph",
        text: documentStrings.gradeMissing(grade.counted, n, uncounted.join(", ")),
        style: "warning",
      });
    if (provisional.length > 0)
      gradeBlocks.push({
        kind: "paragraph",
        text: documentStrings.gradeProvisional(provisional.length, n, provisional.join(", ")),
        style: "warning",
      });
    if (grade.band && bandLabel) {
      if (grade.band.band.recommendation) {
        gradeBlocks.push({ kind: "paragraph", text: documentStrings.gradeBand(bandLabel) });
        gradeBlocks.push({
          kind: "paragraph",
          text: reportStrings.recommendation(grade.band.band.recommendation),
          style: "quote",
        });
      } else gradeBlocks.push({ kind: "paragraph", text: reportStrings.bandOnly(bandLabel) });
    } else if (last && !last.preset.bands)
      gradeBlocks.push({ kind: "paragraph", text: reportStrings.noBands(last.preset.name) });
  }

  // 2. Each period, and the periods in each band.
  const periodRows: TableCell[][] = evs.map((ev) => {
    const o = ev.overall;
    const value: TableCell =
      o.value === undefined
        ? { text: "" }
        : scale === 10
          ? { text: noteText(o.value), value: o.value, numberFormat: NOTE }
          : { text: percentText(o.value / 100), value: o.value / 100, numberFormat: PERCENT };
    const band = ev.band
      ? ev.band.provisional
        ? `${ev.band.band.label} (${documentStrings.provisionalMark})`
        : ev.band.band.label
      : "";
    return [
      { text: `${formatPeriodPtBR(ev.period!)} (${ev.period!.label})` },
      { text: documentStrings.metCount(o.met, o.withData, o.scored) },
      value,
      { text: band },
    ];
  });
  const periodsByBand: PeriodsInBand[] = [];
  for (const band of last?.preset.bands?.bands ?? []) {
    const inBand = evs.filter((ev) => ev.band && ev.band.band.label === band.label).map((ev) => ev.period!.label);
    if (inBand.length > 0) periodsByBand.push({ band, labels: inBand });
  }
  const noBand = evs.filter((ev) => !ev.band).map((ev) => ev.period!.label);
  if (noBand.length > 0 && last?.preset.bands) periodsByBand.push({ labels: noBand });
  // The band's label is long (`Faixa 2 — 80% a 99,9%`): two columns, so it reads on one line.
  const [periodHeader, metHeader, figureHeader, bandHeader] = documentStrings.periodHeaders;
  const headers = [periodHeader, metHeader, scale === 10 ? figureName : figureHeader, bandHeader];
  const periodBlocks: Block[] = [{ kind: "table", headers, spans: [2, 1, 1, 2], rows: periodRows }];
  if (periodsByBand.length > 0) {
    const provisionalOf = (label: string) => evs.find((ev) => ev.period!.label === label)?.band?.provisional;
    const items = periodsByBand.map((p) => {
      const named = p.labels.map((l) => (provisionalOf(l) ? `${l}, ${documentStrings.provisionalMark}` : l)).join("; ");
      return p.band
        ? documentStrings.periodsInBand(p.band.label, p.labels.length, unit, unitPlural, named)
        : documentStrings.periodsNoBand(p.labels.length, named);
    });
    periodBlocks.push({ kind: "paragraph", text: documentStrings.periodsByBandIntro }, { kind: "list", items });
  }
  const incompleteNotes = evs
    .filter((ev) => ev.overall.incomplete)
    .map((ev) => `${ev.period!.label}: ${incompleteText(ev) ?? ""}`);
  if (incompleteNotes.length > 0) periodBlocks.push({ kind: "list", items: incompleteNotes });

  // 3. Every performance indicator over the term.
  const performance = indicatorSeries(evs).filter((row) => row.kind === "desempenho");
  const indicators = performance.map((row) => conclusionOf(row, n));
  const pct = percentText;
  const indicatorBlocks: Block[] =
    indicators.length === 0
      ? [{ kind: "paragraph", text: reportStrings.noPerformance }]
      : [
          { kind: "paragraph", text: documentStrings.indicatorsIntro(n, n === 1 ? unit : unitPlural) },
          {
            kind: "table",
            headers: documentStrings.indicatorHeaders,
            spans: [1, 1, 1, 1, 1, 1],
            rows: indicators.map((c) => [
              { text: c.code ?? "" },
              { text: c.indicator },
              { text: c.target },
              { text: documentStrings.metCount(c.met, c.withData, c.periods) },
              c.meanAttainment === undefined
                ? { text: "" }
                : { text: pct(c.meanAttainment), value: c.meanAttainment, numberFormat: PERCENT },
              { text: documentStrings.verdicts[c.verdict] },
            ]),
          },
        ];
  const accepted = performance.flatMap((row) => {
    const decisions = row.byPeriod.flatMap((i, p) =>
      i && (i.decision === "total" || i.decision === "partial")
        ? [`${labels[p]} ${reportStrings.decisionsShort[i.decision]}`]
        : [],
    );
    return decisions.length > 0 ? [`${indicatorLabel(row)}: ${decisions.join("; ")}`] : [];
  });
  if (accepted.length > 0)
    indicatorBlocks.push({ kind: "paragraph", text: documentStrings.acceptedIntro }, { kind: "list", items: accepted });
  if (evs.some((ev) => ev.indicators.some((i) => i.kind === "monitoramento")))
    indicatorBlocks.push({ kind: "paragraph", text: reportStrings.monitoringNote });

  // 4. Never met.
  const neverMet = indicators.filter((c) => c.verdict === "never");
  const neverBlocks: Block[] =
    neverMet.length === 0
      ? [{ kind: "paragraph", text: documentStrings.noneNeverMet }]
      : [
          { kind: "paragraph", text: documentStrings.neverMetIntro(unitPlural) },
          {
            kind: "list",
            items: neverMet.map((c) =>
              documentStrings.neverMetItem(indicatorLabel(c), c.withData, pct(c.min ?? 0), pct(c.max ?? 0)),
            ),
          },
        ];

  // 5. The commission's conclusion, to complete.
  const conclusion: Block[] = [
    ...(text === undefined ? [] : [{ kind: "paragraph" as const, text: documentStrings.conclusion(text, bandLabel) }]),
    { kind: "paragraph", text: documentStrings.considerations },
  ];

  const sections: Section[] = [
    { heading: documentStrings.gradeHeading, blocks: gradeBlocks },
    { heading: documentStrings.periodsHeading, blocks: periodBlocks },
    { heading: documentStrings.indicatorsHeading, blocks: indicatorBlocks },
    { heading: documentStrings.neverMetHeading, blocks: neverBlocks },
    { heading: documentStrings.conclusionHeading, blocks: conclusion },
  ];
  return {
    sheetName: documentStrings.finalSheet,
    title: documentStrings.finalTitle,
    header,
    draftNote: reportStrings.draftNote,
    intro,
    sections,
    closing: documentStrings.finalClosing,
    placeDate: reportStrings.placeDate,
    signatures: options.members ?? reportStrings.members,
    grade,
    ...(text !== undefined ? { gradeText: text } : {}),
    provisional,
    uncounted,
    periodsByBand,
    indicators,
    neverMet,
  };
}
