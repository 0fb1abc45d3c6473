/**
 * The annual or final evaluation report (Cajamar decree of 2011, art. 11 III): for each performance indicator, the
 * programmed (target) against the achieved in every period of the year — result, attainment and concept —
 * with its trend and the justifications received and the commission's decisions; the overall attainment and
 * band of each period and of the year; a line chart of the overall attainment over the periods; and the
 * proposals to revise indicators. `Avaliação anual 2025` covers the periods of one year; `Avaliação final`
 * covers every period evaluated (the contract's whole term, when the workbook holds it).
 *
 * The trend, the year's figure and the revision proposals are defined in ./series (and printed at the foot of
 * the sheet). Only performance indicators are listed (Cajamar decree of 2011, art. 2 §1). A municipality breakdown
 * (`PeriodEvaluation.byMunicipality`) is not repeated here: the report reads the pooled evaluation.
 *
 * `buildAnnual` computes the figures (plain data); `annualSheet` lays them out as a summary sheet both hosts
 * write (A4 landscape, fitted to one page wide). Pure.
 */
import type { ContractEvaluation, IndicatorEvaluation } from "../../../core/evaluate";
import { conceptText } from "../../../core/conceptText";
import { conceptReason, missedTargets, ruleText } from "../../view";
import { formatNumber, methodText } from "../../../core/messages";
import { reportStrings, viewStrings } from "../../messages";
import { formatPeriodPtBR } from "../../../core/periods";
import type { Band, Period } from "../../../core/types";
import { columnName } from "../../overallFigure";
import { describeTarget, sheetName } from "../summary";
import type { CellStyle, PlanCell, SummarySheetPlan } from "../types";
import { revisionText, unitsOf } from "./communique";
import {
  BODY,
  bandStyle,
  cell,
  conceptStyle,
  HEADER,
  HEADING,
  NOTE,
  NUMBER,
  PERCENT,
  SheetLayout,
  TEXT,
  TITLE,
  TITLE_LINE_HEIGHT,
  LINE_HEIGHT,
  linesFor,
  type Span,
} from "./layout";
import { printFor, sheetPageBreaks } from "../print";
import {
  byPeriod,
  combinedOverall,
  indicatorSeries,
  revisionSuggestions,
  seriesValue,
  trendOf,
  type CombinedOverall,
  type RevisionSuggestion,
  type Trend,
} from "./series";

export type AnnualScope = { kind: "year"; year: number } | { kind: "final" };

/** One period's overall figures, as the report shows them. */
export interface PeriodFigure {
  period?: Period;
  label: string;
  /** `1º trimestre de 2025`. */
  text: string;
  scored: number;
  withData: number;
  /** Indicators with concept A. */
  met: number;
  /** On the preset's scale (0–100 or 0–10). */
  value?: number;
  /** As a fraction, 0–1. */
  attainment?: number;
  band?: Band;
  incomplete: boolean;
}

/** One performance indicator across the periods. */
export interface IndicatorRow {
  key: string;
  code?: string;
  indicator: string;
  /** The target as the contract writes it; when it changed, each with the periods it held. */
  target: string;
  /** Its evaluation in each period (undefined where a period lacks it). */
  byPeriod: (IndicatorEvaluation | undefined)[];
  /** The series the trend is fitted on: scored attainment (or a classifying preset's factor), 0–1. */
  series: (number | undefined)[];
  trend?: Trend;
  /** `2025-T1: text (acatada totalmente)`, one per period with a justification. */
  justifications: string[];
}

export interface AnnualReport {
  scope: AnnualScope;
  /** `Avaliação anual 2025` or `Avaliação final`. */
  name: string;
  title: string;
  /** The preset's scale of the overall figure: 100 (percentages) or 10 (notes). */
  scale: 100 | 10;
  /** The overall figure's name on a 0–10 scale (ISF, nota final); undefined for percentages. */
  noteLabel?: string;
  periods: PeriodFigure[];
  /** The year's (or the contract's) figure: the mean of the periods' overall figures. */
  combined: CombinedOverall;
  /** Trend of the overall attainment (fractions) over the periods. */
  overallTrend?: Trend;
  indicators: IndicatorRow[];
  revisions: RevisionSuggestion[];
  /** Some periods have monitoring indicators (left out of the table, said so). */
  hasMonitoring: boolean;
  /** Singular and plural of the periods' unit (`trimestre`, `trimestres`). */
  unit: [string, string];
  /** The evaluations reported on, in time order. */
  evaluations: ContractEvaluation[];
}

/** The report's sheet name: `Avaliação anual 2025` or `Avaliação final`. */
export function annualName(scope: AnnualScope): string {
  return sheetName(scope.kind === "year" ? reportStrings.annualSheet(scope.year) : reportStrings.finalSheet);
}

function targetText(row: (IndicatorEvaluation | undefined)[], labels: string[]): string {
  const groups: { text: string; first: string; last: string }[] = [];
  row.forEach((i, p) => {
    const text = i?.target ? describeTarget(i.target) : "";
    if (!text) return;
    const last = groups[groups.length - 1];
    if (last && last.text === text) last.last = labels[p];
    else groups.push({ text, first: labels[p], last: labels[p] });
  });
  if (groups.length <= 1) return groups[0]?.text ?? "";
  return groups.map((g) => reportStrings.targetFrom(g.text, g.first, g.last)).join("; ");
}

function justificationsOf(row: (IndicatorEvaluation | undefined)[], labels: string[]): string[] {
  const out: string[] = [];
  row.forEach((i, p) => {
    if (!i?.justification) return;
    out.push(reportStrings.justificationItem(labels[p], i.justification, decisionOf(i)));
  });
  return out;
}

/** The figures of the report (see the module comment); `evaluations` in any order, each with a period. */
export function buildAnnual(evaluations: ContractEvaluation[], scope: AnnualScope): AnnualReport {
  const evs = [...evaluations].sort(byPeriod);
  const labels = evs.map((ev) => ev.period?.label ?? "");
  const last = evs[evs.length - 1];
  const scale = last?.preset.scale ?? 100;
  const kinds = new Set(evs.map((ev) => ev.period?.kind ?? "range"));
  const unit: [string, string] = kinds.size === 1 ? unitsOf(evs[0]?.period) : reportStrings.units.range;
  const periods: PeriodFigure[] = evs.map((ev) => ({
    ...(ev.period ? { period: ev.period } : {}),
    label: ev.period?.label ?? "",
    text: ev.period ? formatPeriodPtBR(ev.period) : reportStrings.allRows,
    scored: ev.overall.scored,
    withData: ev.overall.withData,
    met: ev.overall.met,
    ...(ev.overall.value !== undefined
      ? { value: ev.overall.value, attainment: ev.overall.value / ev.preset.scale }
      : {}),
    ...(ev.band ? { band: ev.band.band } : {}),
    incomplete: ev.overall.incomplete,
  }));
  const indicators: IndicatorRow[] = indicatorSeries(evs)
    .filter((row) => row.kind === "desempenho")
    .map((row) => {
      const series = row.byPeriod.map(seriesValue);
      const trend = trendOf(series);
      return {
        key: row.key,
        ...(row.code ? { code: row.code } : {}),
        indicator: row.indicator,
        target: targetText(row.byPeriod, labels),
        byPeriod: row.byPeriod,
        series,
        ...(trend ? { trend } : {}),
        justifications: justificationsOf(row.byPeriod, labels),
      };
    });
  const overallTrend = trendOf(periods.map((p) => p.attainment));
  return {
    scope,
    name: annualName(scope),
    title: scope.kind === "year" ? reportStrings.annualTitle(scope.year) : reportStrings.finalTitle,
    scale,
    ...(scale === 10 ? { noteLabel: columnName(evs) } : {}),
    periods,
    combined: combinedOverall(evs),
    ...(overallTrend ? { overallTrend } : {}),
    indicators,
    revisions: revisionSuggestions(evs),
    hasMonitoring: evs.some((ev) => ev.indicators.some((i) => i.kind === "monitoramento")),
    unit,
    evaluations: evs,
  };
}

// ---------------------------------------------------------------------------------------------------------
// As a sheet

const SLOPE_FORMAT = "+0.0;-0.0;0.0";
const TREND_COLORS: Record<string, string> = { improving: "#006100", stable: "#3A3838", worsening: "#9C0006" };
/**
 * Columns: code, indicator, target, period, result, attainment, concept, trend, slope, justification: 170
 * characters, a landscape page (narrow margins) fitted one page wide prints them at about 9,5 points
 * (plan/print). The overall table above shares them: period in A:B, then C–F, the recommendation in G:J;
 * A holds `Avaliação` (the final report's row) whole.
 */
const WIDTHS = [10, 32, 13, 14, 12, 13, 14, 12, 11, 39];
/** Rows the line chart takes. */
const CHART_ROWS = 18;
const BOLD_BODY: CellStyle = { ...BODY, bold: true };

/** A signed number the pt-BR way: `+8,8`, `-10,3`, `0`. */
export function signed(value: number, decimals = 1): string {
  const rounded = Number(value.toFixed(decimals));
  const text = formatNumber(Math.abs(rounded), decimals);
  return rounded > 0 ? `+${text}` : rounded < 0 ? `-${text}` : text;
}

function overallCell(report: AnnualReport, value: number | undefined, style: CellStyle): PlanCell {
  if (value === undefined) return cell(null, style);
  return report.scale === 10
    ? cell(value, { ...style, align: "right" }, NOTE)
    : cell(value / 100, { ...style, align: "right" }, PERCENT);
}

/** The report as a summary sheet (see the module comment). */
export function annualSheet(report: AnnualReport, options: { source: string }): SummarySheetPlan {
  const n = report.periods.length;
  const widths = [...WIDTHS];
  const l = new SheetLayout(widths);
  const all = l.lastCol;
  const [unit, unitPlural] = report.unit;
  const ev = report.evaluations[report.evaluations.length - 1];

  l.text(report.title, TITLE, TITLE_LINE_HEIGHT);
  l.text(reportStrings.source(options.source));
  if (ev) l.text(reportStrings.rules(ev.preset.name, methodText(ev)));
  if (ev) l.text(viewStrings.ruleSentence(ruleText(ev)));
  if (n > 0)
    l.text(
      reportStrings.periodsCovered(report.periods[0].text, report.periods[n - 1].text, n, n === 1 ? unit : unitPlural),
    );
  l.blank();

  // Overall result per period, and of the year.
  l.text(reportStrings.overallHeading, HEADING);
  const [periodHeader, , withDataHeader, metHeader, overallHeader, bandHeader, recommendationHeader] =
    reportStrings.overallHeaders;
  const recCols = all - 6;
  l.add([
    { cell: cell(periodHeader, HEADER), cols: 2 },
    { cell: cell(withDataHeader, HEADER) },
    { cell: cell(metHeader, HEADER) },
    { cell: cell(report.noteLabel ?? overallHeader, HEADER) },
    { cell: cell(bandHeader, HEADER) },
    { cell: cell(recommendationHeader, HEADER), cols: recCols },
  ]);
  const firstPeriodRow = l.next;
  for (const p of report.periods) {
    l.add([
      { cell: cell(p.label, BODY) },
      { cell: cell(p.text, BODY) },
      { cell: cell(`${p.withData} de ${p.scored}`, { ...BODY, align: "center" }) },
      { cell: cell(p.met, { ...BODY, align: "center" }) },
      { cell: overallCell(report, p.value, BODY) },
      { cell: cell(p.band?.label ?? "", bandStyle(p.band, BODY)) },
      { cell: cell(p.band?.recommendation ?? "", BODY), cols: recCols },
    ]);
  }
  const lastPeriodRow = l.next - 1;
  const c = report.combined;
  const scopeText =
    report.scope.kind === "year"
      ? reportStrings.yearRow(report.scope.year, c.counted, c.counted === 1 ? unit : unitPlural)
      : reportStrings.finalRow(c.counted, c.counted === 1 ? unit : unitPlural);
  l.add([
    { cell: cell(report.scope.kind === "year" ? String(report.scope.year) : reportStrings.finalSheet, BOLD_BODY) },
    { cell: cell(scopeText, BOLD_BODY) },
    { cell: cell(null, BODY) },
    { cell: cell(null, BODY) },
    { cell: overallCell(report, c.value, BOLD_BODY) },
    { cell: cell(c.band?.band.label ?? "", bandStyle(c.band?.band, BOLD_BODY)) },
    { cell: cell(c.band?.band.recommendation ?? "", BOLD_BODY), cols: recCols },
  ]);
  if (c.counted < c.periods) l.text(reportStrings.yearIncomplete(c.counted, c.periods), { ...TEXT, color: "#9C0006" });
  const t = report.overallTrend;
  if (!t) l.text(reportStrings.noTrend);
  else if (report.scale === 10)
    l.text(
      reportStrings.overallTrendNote(
        report.noteLabel ?? "",
        reportStrings.trendWords[t.direction],
        signed(t.slope * 10, 2),
        unit,
      ),
    );
  else l.text(reportStrings.overallTrend(reportStrings.trendWords[t.direction], signed(t.slope * 100), unit));

  // The line chart of the overall figure, below the table.
  let chart: SummarySheetPlan["chart"];
  if (report.periods.filter((p) => p.value !== undefined).length >= 2) {
    l.blank();
    const from = { row: l.next, col: 1 };
    l.blank(CHART_ROWS);
    chart = {
      kind: "line",
      title: report.noteLabel ? reportStrings.chartTitleNote(report.noteLabel) : reportStrings.chartTitle,
      seriesName: report.noteLabel ?? reportStrings.chartSeries,
      categories: `A${firstPeriodRow}:A${lastPeriodRow}`,
      values: `E${firstPeriodRow}:E${lastPeriodRow}`,
      percent: report.scale !== 10,
      from,
      to: { row: from.row + CHART_ROWS, col: 7 },
    };
  }

  // Programmed × achieved per performance indicator: a row per indicator and period, the indicator's code,
  // name, target and trend merged down its rows (four quarters side by side made a table 269 characters wide,
  // printed at 5,5 points).
  l.blank();
  const heading = l.text(reportStrings.indicatorsHeading, HEADING);
  const groups: { from: number; to: number }[] = [];
  if (report.indicators.length === 0) l.text(reportStrings.noPerformance);
  else {
    const h = reportStrings.indicatorHeaders;
    l.add(
      [
        h.code,
        h.indicator,
        h.target,
        periodHeader,
        ...reportStrings.periodHeaders,
        h.trend,
        h.slope(unit),
        h.justifications,
      ].map((x): Span => ({ cell: cell(x, HEADER) })),
    );
    for (const row of report.indicators) groups.push(indicatorRows(l, report, row));
  }
  if (report.hasMonitoring) l.text(reportStrings.monitoringNote, { ...TEXT, italic: true });

  // What decides each B, period by period: no result that meets its target stands beside a B unexplained.
  const reasons = report.evaluations.flatMap((e) =>
    missedTargets(e).map(
      (i) => `• ${e.period?.label ?? ""} — ${i.code ? `${i.code} ` : ""}${i.indicator}: ${conceptReason(i) ?? ""}`,
    ),
  );
  if (reasons.length > 0) {
    l.blank();
    l.text(viewStrings.reasonsIntro, HEADING);
    for (const reason of reasons) l.text(reason);
  }

  // Proposals to revise indicators.
  l.blank();
  l.text(reportStrings.revisionsHeading, HEADING);
  if (n < 2) l.text(reportStrings.revisionTooEarly(unit));
  else if (report.revisions.length === 0) l.text(reportStrings.noRevision(unitPlural));
  else {
    l.text(reportStrings.revisionsIntro(n, unitPlural));
    for (const r of report.revisions) l.text(`• ${revisionText(r, unitPlural)}`);
  }

  // How to read it.
  l.blank();
  l.text(reportStrings.notesHeading, HEADING);
  for (const note of [
    reportStrings.noteTrend(unit),
    report.scope.kind === "year" ? reportStrings.noteYear : reportStrings.noteFinal,
    reportStrings.noteRevision,
  ])
    l.text(`• ${note}`, { ...TEXT, italic: true });

  const plan: SummarySheetPlan = {
    name: report.name,
    rows: l.rows,
    merges: l.merges,
    widths,
    heights: l.heights,
    ...(chart ? { chart } : {}),
    print: printFor(widths),
  };
  // Each indicator's rows on one page, and the table's heading with its header and first indicator.
  const blocks = groups.length > 0 ? [...groups, { from: heading, to: groups[0].to }] : [];
  const breaks = sheetPageBreaks(plan, blocks);
  if (breaks.length > 0) plan.pageBreaks = breaks;
  return plan;
}

/**
 * An indicator's rows, one per period (result, attainment, concept, the period's justification and the
 * commission's decision), its code, name, target, trend and slope merged down them; the last row made taller
 * when the merged texts need more lines than the rows give. Returns the rows it took.
 */
function indicatorRows(l: SheetLayout, report: AnnualReport, row: IndicatorRow): { from: number; to: number } {
  const k = Math.max(1, row.byPeriod.length);
  const trend = row.trend;
  const trendCell = cell(
    trend ? reportStrings.trendWords[trend.direction] : reportStrings.noSeries,
    trend
      ? { ...BODY, bold: true, align: "center", color: TREND_COLORS[trend.direction] }
      : { ...BODY, align: "center", italic: true },
  );
  const slopeCell = trend ? cell(trend.slope * 100, { ...BODY, align: "right" }, SLOPE_FORMAT) : cell(null, BODY);
  const covered: Span = { cell: cell(null, BODY) };
  const from = l.next;
  for (let p = 0; p < k; p++) {
    const i = row.byPeriod[p];
    const first = p === 0;
    l.add([
      first ? { cell: cell(row.code ?? "", BODY), rows: k } : covered,
      first ? { cell: cell(row.indicator, BODY), rows: k } : covered,
      first ? { cell: cell(row.target, BODY), rows: k } : covered,
      { cell: cell(report.periods[p]?.label ?? "", BODY) },
      ...periodCells(i),
      first ? { cell: trendCell, rows: k } : covered,
      first ? { cell: slopeCell, rows: k } : covered,
      { cell: cell(i?.justification ? justificationText(i) : null, BODY) },
    ]);
  }
  const to = l.next - 1;
  // The merged cells' texts wrap over the rows together: grow the last row by what they lack.
  const need =
    LINE_HEIGHT *
    Math.max(
      linesFor(row.code ?? "", l.width(1, 1)),
      linesFor(row.indicator, l.width(2, 2)),
      linesFor(row.target, l.width(3, 3)),
      linesFor(String(trendCell.value ?? ""), l.width(8, 8), true),
    );
  const heightOf = new Map(l.heights.map((x) => [x.row, x.height]));
  let have = 0;
  for (let r = from; r <= to; r++) have += heightOf.get(r) ?? LINE_HEIGHT;
  if (need > have) l.height(to, (heightOf.get(to) ?? LINE_HEIGHT) + need - have);
  return { from, to };
}

/** A period's justification and the commission's decision on it (pending while a B awaits one). */
function justificationText(i: IndicatorEvaluation): string {
  const decision = decisionOf(i);
  return `${i.justification ?? ""}${decision ? ` (${decision})` : ""}`;
}

/** The commission's decision on a justification, in short; pending while a B awaits one. */
function decisionOf(i: IndicatorEvaluation): string | undefined {
  return i.decision
    ? reportStrings.decisionsShort[i.decision]
    : i.concept === "B"
      ? reportStrings.decisionsShort.pending
      : undefined;
}

/** An indicator's three cells for one period: result, attainment, concept. */
function periodCells(i: IndicatorEvaluation | undefined): Span[] {
  if (!i)
    return [
      { cell: cell(null, BODY) },
      { cell: cell(null, BODY) },
      { cell: cell(reportStrings.notInPeriod, { ...BODY, align: "center" }) },
    ];
  const concept = i.classification
    ? i.classification.label
    : conceptText({ status: i.status, kind: i.kind, concept: i.concept, decision: i.decision });
  const result =
    i.result === undefined
      ? cell(null, BODY)
      : cell(
          i.result,
          { ...BODY, align: "right" },
          i.target ? (i.target.scale === "percent" ? PERCENT : NUMBER) : NUMBER,
        );
  const attainment =
    i.status === "evaluated" && i.attainment
      ? cell(i.attainment.scored, { ...BODY, align: "right" }, PERCENT)
      : cell(null, BODY);
  return [{ cell: result }, { cell: attainment }, { cell: cell(concept || null, conceptStyle(concept)) }];
}

export interface AnnualOptions {
  source: string;
  scope: AnnualScope;
}

/** `buildAnnual` then `annualSheet`. */
export function planAnnual(evaluations: ContractEvaluation[], options: AnnualOptions): SummarySheetPlan {
  return annualSheet(buildAnnual(evaluations, options.scope), { source: options.source });
}
