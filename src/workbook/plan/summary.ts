/**
 * The summary sheet of one period (`Resumo 2025-T1`), as plain cells: the quarterly follow-up report of
 * Decreto (art. 11 I) — contract and period; overall attainment, method, band and recommendation (in the
 * band's colour); per area; per indicator (target, result, attainment, concept, justification); pending
 * indicators; problems with sheet and cell; and a bar chart of attainment per indicator (per area when
 * there are too many indicators for a readable chart).
 */
import type { ContractEvaluation, IndicatorEvaluation, LocatedProblem } from "../../core/evaluate";
import type { PeriodEvaluation } from "../pipeline";
import { methodText } from "../../core/messages";
import { nationalStrings, planStrings, viewStrings } from "../messages";
import { formatPeriodPtBR } from "../../core/periods";
import { fromA1Range, toA1Range, type CellRange } from "../a1";
import { conceptText } from "../../core/conceptText";
import { hasDecisions, missingNames, overallFigure } from "../overallFigure";
import {
  bandText,
  conceptReason,
  describeTarget,
  incompleteText,
  missedTargets,
  pendingItems,
  ruleText,
  unitViews,
} from "../view";
import { CONCEPT_STYLES } from "./owned";
import { printFor, sheetPageBreaks, wrappedLines } from "./print";
import { bandStyle, BODY, cell, conceptClassOf, conceptStyle } from "./reports/layout";

export { describeTarget };
import type { CellStyle, PlanCell, SummarySheetPlan } from "./types";

const TITLE: CellStyle = { bold: true, size: 14, color: "#1F3864" };
const HEADING: CellStyle = { bold: true, size: 12, color: "#1F3864" };
const HEADER: CellStyle = { bold: true, wrap: true, fill: "#DDEBF7", color: "#1F3864", border: true, valign: "middle" };
const LABEL: CellStyle = { bold: true };
/** Text that wraps in its cell, without borders. */
const WRAPPED: CellStyle = { wrap: true, valign: "top" };
const WARNING: CellStyle = { bold: true, color: "#9C0006" };
const PERCENT = "0.0%";
const NOTE = "0.00";
/**
 * Columns A–I of the per-indicator table; the widest (indicator, area, concept, justification) wrap. 160
 * characters in all: a landscape A4 page fitted one page wide still prints them at ≥ 9 pt (./print). F
 * holds the bold header `Atingimento` of the area table whole (narrower, it broke inside the word).
 */
const WIDTHS = [8, 40, 16, 14, 12, 14, 12, 16, 28];
/** Height of one line of 11-point text, in points. */
const LINE_HEIGHT = 15;

/** Lines a wrapped text takes in a cell `width` characters wide (a little slack for wide letters). */
function linesFor(text: string, width: number): number {
  return Math.max(1, Math.ceil((text.length * 1.1) / width));
}

/** Total width of columns `from`–`to` (1-based), for merged cells. */
function span(from: number, to: number): number {
  return WIDTHS.slice(from - 1, to).reduce((a, b) => a + b, 0);
}
/** Pending results listed one by one; the rest are counted (the command's --json lists them all). */
const MAX_PENDING = 300;
/** Above this many scored indicators the chart shows areas instead (bars stay readable). */
const MAX_CHART_INDICATORS = 25;

/** A valid sheet name: at most 31 characters, none of `[]:*?/\`. */
export function sheetName(text: string): string {
  return text.replace(/[[\]:*?/\\]/g, "-").slice(0, 31);
}

/** The summary sheet's name for a period: `Resumo 2025-T1`, or `Resumo` for rows without periods. */
export function summaryName(ev: Pick<ContractEvaluation, "period">): string {
  return sheetName(ev.period ? planStrings.summarySheet(ev.period.label) : planStrings.summarySheet("").trim());
}

/** The indicator's result as a cell: a percentage, or a plain number. */
function resultCell(i: IndicatorEvaluation): PlanCell {
  if (i.result === undefined) return cell(null, BODY);
  const percent = i.target ? i.target.scale === "percent" : false;
  return cell(i.result, BODY, percent ? PERCENT : "#,##0.00");
}

function indicatorConcept(i: IndicatorEvaluation): string {
  if (i.classification) return i.classification.label;
  return conceptText({ status: i.status, kind: i.kind, concept: i.concept, decision: i.decision });
}

export interface SummaryOptions {
  /** What was evaluated: the contract's title when the workbook has one, else the file's name. */
  source: string;
  /** Table-level problems (detection), listed with the period's own. */
  tableProblems?: LocatedProblem[];
}

/** Builds the summary sheet of one evaluated period (a pooled one names itself *do conjunto*). */
export function planSummary(
  ev: ContractEvaluation & { byMunicipality?: readonly unknown[] },
  options: SummaryOptions,
): SummarySheetPlan {
  const rows: PlanCell[][] = [];
  const merges: string[] = [];
  const heights: { row: number; height: number }[] = [];
  const fit = (row: number, lines: number) => {
    if (lines > 1) heights.push({ row, height: lines * LINE_HEIGHT });
  };
  /** A label in A:B and its value from C (merged to `to` when given). */
  const labelled = (label: string, value: PlanCell, to?: number) => {
    add(cell(label, LABEL), cell(null), value);
    mergeRow(rows.length, 1, 2);
    if (to) mergeRow(rows.length, 3, to);
  };
  const add = (...cells: PlanCell[]) => rows.push(cells);
  /** The last row, a header of bold titles from column A, as tall as its most wrapped title (none spills above its cell). */
  const headerFit = (titles: readonly string[]) => {
    const lines = Math.max(...titles.map((t, c) => (t ? wrappedLines(t, WIDTHS[c] ?? 8.43, true) : 1)));
    fit(rows.length, lines);
  };
  const blank = () => rows.push([]);
  const mergeRow = (row: number, from: number, to: number) =>
    merges.push(toA1Range({ top: row, left: from, bottom: row, right: to }));
  const last = WIDTHS.length;

  add(
    cell(
      planStrings.summaryTitle(
        ev.period ? `${formatPeriodPtBR(ev.period)} (${ev.period.label})` : planStrings.summaryAllRows,
      ),
      TITLE,
    ),
  );
  mergeRow(rows.length, 1, last);
  add(cell(planStrings.summarySource(options.source)));
  mergeRow(rows.length, 1, last);
  add(cell(planStrings.summaryRules(ev.preset.name, methodText(ev))));
  mergeRow(rows.length, 1, last);
  add(cell(planStrings.summaryRule(ruleText(ev))));
  mergeRow(rows.length, 1, last);
  blank();

  const o = ev.overall;
  const onNote = ev.preset.scale === 10;
  const figure = overallFigure(ev);
  const overallLabel = onNote
    ? nationalStrings.onTen(nationalStrings.capitalized(figure.name))
    : figure.pooled
      ? nationalStrings.capitalized(figure.name)
      : planStrings.overallLabel;
  const overallValue = onNote ? (o.value ?? null) : (o.attainment ?? null);
  labelled(
    overallLabel,
    overallValue === null
      ? cell(planStrings.notComputed, WARNING)
      : cell(overallValue, { bold: true, size: 12, align: "left" }, onNote ? NOTE : PERCENT),
  );
  const bandFill: CellStyle = ev.band?.band.color ? { fill: ev.band.band.color, color: "#000000" } : {};
  labelled(planStrings.bandLabel, cell(bandText(ev) ?? planStrings.noBand, { bold: true, ...bandFill }), last);
  if (ev.band?.band.recommendation) {
    labelled(
      planStrings.recommendationLabel,
      cell(ev.band.band.recommendation, { wrap: true, valign: "top", ...bandFill }),
      last,
    );
    fit(rows.length, linesFor(ev.band.band.recommendation, span(3, last)));
  }
  add(cell(planStrings.coverage(o.withData, o.scored)));
  mergeRow(rows.length, 1, last);
  /** A note over the whole width, as tall as its text. */
  const note = (text: string, style?: CellStyle) => {
    add(cell(text, { wrap: true, valign: "top", ...style }));
    mergeRow(rows.length, 1, last);
    fit(rows.length, linesFor(text, span(1, last)));
  };
  if (figure.pooled && ev.byMunicipality) note(nationalStrings.pooledNote(ev.byMunicipality.length));
  if (figure.partial)
    note(
      nationalStrings.partialNote(
        figure.partial.present,
        figure.partial.total,
        figure.missing.map((m) => m.code),
      ),
      WARNING,
    );
  if (figure.kind === "finalNote" && figure.missing.length > 0)
    note(nationalStrings.capitalized(nationalStrings.incompleteTeam(missingNames(figure))), WARNING);
  const incomplete = incompleteText(ev);
  if (incomplete) {
    add(cell(viewStrings.incompleteWarning(incomplete), WARNING));
    mergeRow(rows.length, 1, last);
  }
  if (ev.preset.commission === false && hasDecisions(ev)) note(nationalStrings.justificationsNotScored(ev.preset.name));

  if (ev.areas.length > 0) {
    blank();
    add(cell(planStrings.areasHeading, HEADING));
    // The area's name spans A:B, where it has room; the figures follow from C.
    const [areaHeader, ...figureHeaders] = planStrings.areaHeaders;
    add(cell(areaHeader, HEADER), cell(null, HEADER), ...figureHeaders.map((h) => cell(h, HEADER)));
    headerFit(["", "", ...figureHeaders]);
    mergeRow(rows.length, 1, 2);
    for (const a of ev.areas) {
      add(
        cell(a.area, BODY),
        cell(null, BODY),
        cell(a.scored, BODY),
        cell(a.withData, BODY),
        cell(a.met, BODY),
        a.value === undefined
          ? cell(null, BODY)
          : cell(onNote ? a.value : (a.attainment ?? null), BODY, onNote ? NOTE : PERCENT),
      );
      mergeRow(rows.length, 1, 2);
      fit(rows.length, linesFor(a.area, span(1, 2)));
    }
  }
  const areaRows = { first: rows.length - ev.areas.length + 1, last: rows.length };

  // Each unit on its own, beside the contract's pooled figure.
  const units = unitViews(ev as PeriodEvaluation);
  if (units.length > 0) {
    blank();
    add(cell(viewStrings.byUnitHeading, HEADING));
    // No merged cells per unit (a region has hundreds of units, and merges cost their square to write):
    // the name sits in the wide column B, the targets not met run on from G.
    const [unitHeader, ...unitFigures] = viewStrings.unitHeaders;
    add(cell(null, HEADER), cell(unitHeader, HEADER), ...unitFigures.map((h) => cell(h, HEADER)));
    headerFit(["", unitHeader, ...unitFigures]);
    for (const u of units) {
      const o = u.evaluation.overall;
      add(
        cell(null, BODY),
        cell(u.name, BODY),
        cell(o.withData, BODY),
        cell(o.met, BODY),
        o.attainment === undefined
          ? cell(null, BODY)
          : cell(onNote ? (o.value ?? null) : o.attainment, BODY, onNote ? NOTE : PERCENT),
        cell(u.band ?? "", bandStyle(u.evaluation.band?.band, BODY)),
        cell(u.missed.join(", ")),
      );
      fit(rows.length, Math.max(linesFor(u.name, WIDTHS[1]), linesFor(u.band ?? "", WIDTHS[5])));
    }
  }

  blank();
  add(cell(planStrings.indicatorsHeading, HEADING));
  add(...planStrings.indicatorHeaders.map((h) => cell(h, HEADER)));
  headerFit(planStrings.indicatorHeaders);
  const firstIndicatorRow = rows.length + 1;
  // Performance indicators first, monitoring ones after: the chart shows the performance ones only (a
  // monitoring indicator is not scored, Decreto art. 2 §1), and a chart reads one contiguous range.
  const performance = ev.indicators.filter((i) => i.kind !== "monitoramento");
  const ordered = [...performance, ...ev.indicators.filter((i) => i.kind === "monitoramento")];
  const barColors: (string | undefined)[] = [];
  for (const i of ordered) {
    const concept = indicatorConcept(i);
    add(
      cell(i.code ?? "", BODY),
      cell(i.indicator, BODY),
      cell(i.area ?? "", BODY),
      cell(i.kind === "monitoramento" ? planStrings.kindMonitoring : planStrings.kindPerformance, BODY),
      cell(describeTarget(i.target), BODY),
      resultCell(i),
      i.status === "evaluated" && i.attainment ? cell(i.attainment.scored, BODY, PERCENT) : cell(null, BODY),
      cell(concept || null, conceptStyle(concept)),
      cell(i.justification ?? "", BODY),
    );
    fit(
      rows.length,
      Math.max(
        linesFor(i.indicator, WIDTHS[1]),
        linesFor(i.area ?? "", WIDTHS[2]),
        linesFor(concept, WIDTHS[7]),
        linesFor(i.justification ?? "", WIDTHS[8]),
      ),
    );
    const cls = conceptClassOf(concept);
    if (i.kind !== "monitoramento") barColors.push(cls ? CONCEPT_STYLES[cls].fill : undefined);
  }
  const lastPerformanceRow = firstIndicatorRow + performance.length - 1;

  // Every B with what decides it, so no result that meets its target stands beside a B unexplained.
  const missed = missedTargets(ev);
  if (missed.length > 0) {
    blank();
    add(cell(planStrings.missedHeading, HEADING));
    for (const i of missed) {
      const why = conceptReason(i) ?? "";
      add(cell(i.code ?? "", BODY), cell(i.indicator, BODY), cell(why, BODY));
      mergeRow(rows.length, 3, last);
      fit(rows.length, Math.max(linesFor(i.indicator, WIDTHS[1]), linesFor(why, span(3, last))));
    }
  }

  blank();
  add(cell(planStrings.pendingHeading, HEADING));
  const pending = pendingItems(ev);
  if (pending.length === 0) add(cell(planStrings.noPending));
  // One row each (at most MAX_PENDING, so at most as many merges): the name wraps in B, the text in C to the
  // last column, and the row is as tall as the longer of them (a name running on was cut by the text).
  for (const p of pending.slice(0, MAX_PENDING)) {
    add(cell(p.code ?? "", WRAPPED), cell(p.indicator, WRAPPED), cell(p.text, WRAPPED));
    mergeRow(rows.length, 3, last);
    fit(rows.length, Math.max(wrappedLines(p.indicator, WIDTHS[1]), wrappedLines(p.text, span(3, last))));
  }
  if (pending.length > MAX_PENDING) add(cell(planStrings.morePending(pending.length - MAX_PENDING)));

  const problems = [...(options.tableProblems ?? []), ...ev.problems];
  blank();
  add(cell(planStrings.problemsHeading, HEADING));
  if (problems.length === 0) add(cell(planStrings.noProblems));
  else {
    add(...planStrings.problemHeaders.map((h) => cell(h, HEADER)));
    headerFit(planStrings.problemHeaders);
    for (const p of problems) {
      add(cell(p.sheet ?? "", BODY), cell(p.cell ?? "", BODY), cell(p.message, BODY));
      mergeRow(rows.length, 3, last);
      fit(rows.length, Math.max(linesFor(p.sheet ?? "", WIDTHS[0]), linesFor(p.message, span(3, last))));
    }
  }

  const plan: SummarySheetPlan = {
    name: summaryName(ev),
    rows,
    merges,
    widths: WIDTHS,
    heights,
    print: printFor(WIDTHS),
  };
  const scored = ev.indicators.filter((i) => i.kind === "desempenho").length;
  // Under the tables and as wide as them, as on the consolidated sheet: beside them, the page fitted one
  // page wide had to hold both, and the table printed at under 6 pt.
  const chartFrom = { row: rows.length + 2, col: 1 };
  if (scored > 0 && scored <= MAX_CHART_INDICATORS && lastPerformanceRow >= firstIndicatorRow) {
    const labelCol = performance.every((i) => i.code) ? "A" : "B";
    plan.chart = {
      title: planStrings.chartTitle,
      seriesName: planStrings.chartSeries,
      categories: `${labelCol}${firstIndicatorRow}:${labelCol}${lastPerformanceRow}`,
      values: `G${firstIndicatorRow}:G${lastPerformanceRow}`,
      percent: true,
      pointColors: barColors,
      from: chartFrom,
      to: { row: chartFrom.row + Math.max(16, performance.length + 6), col: last + 1 },
    };
  } else if (ev.areas.length > 0 && !onNote) {
    plan.chart = {
      title: planStrings.chartAreaTitle,
      seriesName: planStrings.chartSeries,
      categories: `A${areaRows.first}:A${areaRows.last}`,
      values: `F${areaRows.first}:F${areaRows.last}`,
      percent: true,
      from: chartFrom,
      to: { row: chartFrom.row + Math.max(16, ev.areas.length + 6), col: last + 1 },
    };
  }
  const breaks = sheetPageBreaks(plan);
  if (breaks.length > 0) plan.pageBreaks = breaks;
  return plan;
}

/** What a summary sheet prints, for both hosts' print area: its cells, its merges and its chart (`to` is the cell just past the chart). */
export function summaryExtent(summary: SummarySheetPlan): CellRange | undefined {
  let bottom = summary.rows.length;
  let right = summary.rows.reduce((w, row) => Math.max(w, row.length), 0);
  for (const m of summary.merges) {
    const r = fromA1Range(m);
    if (r) {
      bottom = Math.max(bottom, r.bottom);
      right = Math.max(right, r.right);
    }
  }
  if (summary.chart) {
    bottom = Math.max(bottom, summary.chart.to.row - 1);
    right = Math.max(right, summary.chart.to.col - 1);
  }
  return bottom > 0 && right > 0 ? { top: 1, left: 1, bottom, right } : undefined;
}
