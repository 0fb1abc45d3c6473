/**
 * Regional consolidation (one view of every municipality's overall attainment and band), pure:
 * pipeline results of many workbooks → one row per municipality (or contract / file) and period → the
 * sheets of the consolidated workbook (`Consolidado`, `Falhas`) as a write plan, and the `--json` output.
 *
 * A row holds only what the consolidated view shows (plain data, safe to post between worker threads):
 * overall attainment (and the 0–10 value, ISF or nota final, for presets on that scale), band, the scored
 * indicators whose concept is B (count and codes), the incomplete flag and the number of problems; a team
 * classified by the co-financing also holds its class in each indicator (a column per code, C1 … C7).
 *
 * Where the rows come from, per pipeline result:
 * - each period's `byTeam` (the co-financing, which classifies teams): one row per team;
 * - each period's `byMunicipality` (a SISAB panel export, a long table with a `Município` column): one row
 *   per municipality, from its own evaluation;
 * - otherwise one row per period, named by the caller (`municipality`: a sheet of a workbook with one
 *   table per municipality), else by the one municipality its rows name, else by the file name.
 * Table-level problems of a file (detection, settings) count in each of its rows: they may change any of
 * its municipalities' figures.
 *
 * The sheet is written by the file host's writer as any summary sheet (hosts/file/xlsx/write), chart included.
 */
import { classificationCode, type ContractEvaluation, type IndicatorEvaluation } from "../../core/evaluate";
import { consolidationStrings, nationalStrings, siapsStrings, viewStrings } from "../messages";
import { normalizeText } from "../../core/parse";
import { compare, contains, formatPeriodPtBR } from "../../core/periods";
import type { PresetId } from "../../core/presets";
import type { OverallMethod, Period } from "../../core/types";
import { columnLetter, toA1Range } from "../a1";
import type { Duplicate } from "../duplicates";
import { nameOver, overallFigure, type OverallFigure } from "../overallFigure";
import { groupByMunicipality, type PipelineResult } from "../pipeline";
import type { CellStyle, ChartSpec, PlanCell, SummarySheetPlan, WritePlan } from "../plan/types";
import { missedTargets } from "../view";
import { sheetPageBreaks } from "../plan/print";

/** One pipeline result to consolidate: the file it came from and, optionally, the name its rows go by. */
export interface ConsolidateInput {
  /** The file's name (as the user knows it: relative to the folder given). */
  source: string;
  /** The municipality or contract the whole result is about (e.g. the sheet of a one-sheet-per-municipality workbook). */
  municipality?: string;
  result: PipelineResult;
}

/** A file that could not be evaluated, and why (pt-BR). */
export interface ConsolidationFailure {
  source: string;
  message: string;
}

/** An indicator of a row that did not meet its target (concept B), by code (or short name). */
export interface MissedIndicator {
  code: string;
  /** The commission accepted its justification: totally (counts as met) or partially. */
  justified?: "total" | "partial";
}

/** One indicator of a team classified by the co-financing rules: its code, result (0–100) and class. */
export interface ClassifiedIndicator {
  code: string;
  points?: number;
  /** The class (`Ótimo` … `Regular`); undefined without a result. */
  label?: string;
  /** The class's fill (`#RRGGBB`). */
  color?: string;
}

/** One municipality (or contract) in one period. Plain data (structured-clone safe). */
export interface ConsolidatedRow {
  source: string;
  /** The municipality or contract, as shown. */
  name: string;
  /** IBGE code, when the rows carry one. */
  ibge?: string;
  /** Undefined when the rows carry no period. */
  period?: Period;
  preset: PresetId;
  method: OverallMethod;
  /** The scale of `value`: 100 (percentage points) or 10 (ISF, nota final). */
  scale: 100 | 10;
  /** Overall attainment, 0–1; undefined when no scored indicator has data. */
  attainment?: number;
  /** The same on the preset's scale (ISF 0–10 for Previne Brasil). */
  value?: number;
  /** What the value is (workbook/overallFigure): its kind and name, and the ISF's coverage when partial. */
  figure: Pick<OverallFigure, "kind" | "name" | "partial" | "pooled">;
  /** Indicators of the national set without a result (co-financing: the team is incompleta; Previne: an ISF parcial). */
  missingSet?: { code: string; name: string }[];
  /** Results of this row found twice, in two files or tables (pt-BR, naming both places). */
  duplicates?: string[];
  /** `provisional`: the evaluation is incomplete, so the band may still change. */
  band?: { number?: number; label: string; color?: string; recommendation?: string; provisional?: true };
  /** Scored (performance) indicators with data and concept B. */
  missed: MissedIndicator[];
  /** Scored indicators, and how many of them have data. */
  scored: number;
  withData: number;
  incomplete: boolean;
  problems: number;
  /**
   * A team under a preset that classifies (the co-financing): each scored indicator's class, in code order
   * (C1 … C7). Indicators the team has no row for are absent.
   */
  classes?: ClassifiedIndicator[];
}

/** Names longer than this are cut in the list of indicators not met (codes are short; names are not). */
const MAX_NAME = 50;

/** The indicator's code: the table's own, the catalogue's, or its (shortened) name. */
function codeOf(i: IndicatorEvaluation): string {
  const code = i.code ?? i.rows.find((r) => r.input.fromCatalog)?.input.fromCatalog?.code;
  if (code) return code;
  return i.indicator.length > MAX_NAME ? `${i.indicator.slice(0, MAX_NAME - 1).trimEnd()}…` : i.indicator;
}

function missedOf(ev: ContractEvaluation): MissedIndicator[] {
  return missedTargets(ev).map((i) => ({
    code: codeOf(i),
    ...(i.decision === "total" || i.decision === "partial" ? { justified: i.decision } : {}),
  }));
}

/**
 * Codes and file names in pt-BR order, numbers by value (`municipio-2` before `municipio-10`). One collator
 * for every comparison: `localeCompare` with options builds one per call (some 40 µs, against well under
 * 1 µs), and sorting 853 rows makes thousands of comparisons.
 */
const codeOrder = new Intl.Collator("pt-BR", { numeric: true });
/** Names in pt-BR order. */
const nameOrder = new Intl.Collator("pt-BR");

/** The class of each scored indicator of a team's evaluation, by the code that chose its classes (C1 … C7). */
function classesOf(ev: ContractEvaluation): ClassifiedIndicator[] {
  return ev.indicators
    .filter((i) => i.kind === "desempenho")
    .map((i) => {
      const points =
        i.status === "evaluated" && i.result !== undefined
          ? i.target?.scale === "percent"
            ? i.result * 100
            : i.result
          : undefined;
      const band = i.classification;
      return {
        code: classificationCode(i.rows[0].input)?.trim() || codeOf(i),
        ...(points !== undefined ? { points } : {}),
        ...(band ? { label: band.label, ...(band.color ? { color: band.color } : {}) } : {}),
      };
    })
    .sort((a, b) => codeOrder.compare(a.code, b.code));
}

function rowOf(
  ev: ContractEvaluation,
  source: string,
  name: string,
  ibge: string | undefined,
  fileProblems: number,
  duplicates: string[] = [],
): ConsolidatedRow {
  const b = ev.band?.band;
  const figure = overallFigure(ev);
  return {
    source,
    name,
    ...(ibge ? { ibge } : {}),
    ...(ev.period ? { period: ev.period } : {}),
    preset: ev.preset.id,
    method: ev.method,
    scale: ev.preset.scale,
    ...(ev.overall.attainment !== undefined ? { attainment: ev.overall.attainment } : {}),
    ...(ev.overall.value !== undefined ? { value: ev.overall.value } : {}),
    figure: {
      kind: figure.kind,
      name: figure.name,
      pooled: figure.pooled,
      ...(figure.partial ? { partial: figure.partial } : {}),
    },
    ...(figure.missing.length > 0 ? { missingSet: figure.missing } : {}),
    ...(duplicates.length > 0 ? { duplicates } : {}),
    ...(b
      ? {
          band: {
            ...(b.number !== undefined ? { number: b.number } : {}),
            label: b.label,
            ...(b.color ? { color: b.color } : {}),
            ...(b.recommendation ? { recommendation: b.recommendation } : {}),
            ...(ev.band?.provisional ? { provisional: true as const } : {}),
          },
        }
      : {}),
    missed: missedOf(ev),
    scored: ev.overall.scored,
    withData: ev.overall.withData,
    incomplete: ev.overall.incomplete,
    problems: fileProblems + ev.problems.length,
  };
}

/** `contratos/Lavras.xlsx` → `Lavras`: the name a file's rows go by when nothing better is known. */
export function nameFromSource(source: string): string {
  const base = source.split(/[\\/]/).pop() ?? source;
  return base.replace(/\.[^.]+$/, "") || base;
}

/** The one municipality the rows of a period name (rows without a period count in every period), if only one. */
function onlyMunicipality(
  result: PipelineResult,
  period: Period | undefined,
): { name: string; code?: string } | undefined {
  const rows = result.tables.flatMap((tb) => tb.rows).filter((r) => !period || !r.period || contains(period, r.period));
  const groups = groupByMunicipality(rows);
  return groups.length === 1
    ? { name: groups[0].municipality, ...(groups[0].code ? { code: groups[0].code } : {}) }
    : undefined;
}

/**
 * The duplicates (workbook/duplicates) that concern a row: of its period, and of its municipality or team
 * when the row is one; their messages.
 */
function duplicatesOf(
  all: readonly Duplicate[],
  period: Period | undefined,
  where: { municipality?: string; code?: string; team?: string },
): string[] {
  const same = (a: string | undefined, b: string | undefined) =>
    b === undefined || normalizeText(a ?? "") === normalizeText(b);
  return all
    .filter((d) => !period || !d.periodLabel || d.periodLabel === period.label)
    .filter(
      (d) =>
        same(d.municipality, where.municipality) &&
        (!where.code || !d.municipalityCode || d.municipalityCode === where.code) &&
        same(d.team, where.team),
    )
    .map((d) => d.problem.message);
}

/** The rows of one pipeline result (see the module comment), in the result's order. */
export function rowsOfResult(input: ConsolidateInput): ConsolidatedRow[] {
  const { source, result } = input;
  const fileProblems = result.problems.length;
  const dups = result.duplicates ?? [];
  const rows: ConsolidatedRow[] = [];
  for (const ev of result.evaluations) {
    if (ev.byTeam && ev.byTeam.length > 0) {
      // The co-financing classifies teams: one row per team, named with its municipality ("ESF 01" of two
      // municipalities are two teams) and its INE.
      for (const team of ev.byTeam) {
        const own = duplicatesOf(dups, ev.period, { municipality: team.municipality, team: team.team });
        const row = rowOf(
          team.evaluation,
          source,
          consolidationStrings.teamName(team.team, team.municipality, team.code),
          undefined,
          fileProblems,
          own,
        );
        row.classes = classesOf(team.evaluation);
        rows.push(row);
      }
      continue;
    }
    if (ev.byMunicipality && ev.byMunicipality.length > 0) {
      for (const m of ev.byMunicipality)
        rows.push(
          rowOf(
            m.evaluation,
            source,
            m.municipality,
            m.code,
            fileProblems,
            duplicatesOf(dups, ev.period, { municipality: m.municipality, code: m.code }),
          ),
        );
      continue;
    }
    const only = input.municipality ? undefined : onlyMunicipality(result, ev.period);
    rows.push(
      rowOf(
        ev,
        source,
        input.municipality ?? only?.name ?? nameFromSource(source),
        only?.code,
        fileProblems,
        duplicatesOf(dups, ev.period, {}),
      ),
    );
  }
  return rows;
}

/** Undated rows first, then periods in time order (a period's rows stay together). */
function comparePeriods(a: Period | undefined, b: Period | undefined): number {
  if (!a || !b) return a ? 1 : b ? -1 : 0;
  return compare(a, b) || (a.label === b.label ? 0 : a.label.localeCompare(b.label));
}

/**
 * The consolidated order: by period (undated rows first, then in time order), then overall attainment from
 * highest to lowest (rows without one last), then name and file.
 */
export function sortRows(rows: readonly ConsolidatedRow[]): ConsolidatedRow[] {
  return [...rows].sort(
    (a, b) =>
      comparePeriods(a.period, b.period) ||
      (b.attainment ?? -Infinity) - (a.attainment ?? -Infinity) ||
      nameOrder.compare(a.name, b.name) ||
      codeOrder.compare(a.source, b.source),
  );
}

/** The latest period's rows, as positions in sorted rows (contiguous: the last period sorts last). */
function latestBlock(sorted: readonly ConsolidatedRow[]): { first: number; last: number } | undefined {
  if (sorted.length === 0) return undefined;
  const last = sorted.length - 1;
  const period = sorted[last].period;
  let first = last;
  while (first > 0 && comparePeriods(sorted[first - 1].period, period) === 0) first--;
  return { first, last };
}

/** Distinct municipalities or contracts (name, IBGE code and file). */
function distinctUnits(rows: readonly ConsolidatedRow[]): number {
  return new Set(rows.map((r) => `${normalizeText(r.name)}\u0000${r.ibge ?? ""}\u0000${r.source}`)).size;
}

// ---------------------------------------------------------------------------------------------------------
// The sheets

const TITLE: CellStyle = { bold: true, size: 14, color: "#1F3864" };
const NOTE_STYLE: CellStyle = { italic: true, color: "#404040" };
const WARNING: CellStyle = { bold: true, color: "#9C0006" };
const HEADER: CellStyle = { bold: true, wrap: true, fill: "#DDEBF7", color: "#1F3864", border: true, valign: "middle" };
const BODY: CellStyle = { border: true, valign: "top" };
const WRAPPED: CellStyle = { ...BODY, wrap: true };
const CENTER: CellStyle = { ...BODY, align: "center" };
const PERCENT = "0.0%";
const NOTE = "0.00";
const LINE_HEIGHT = 15;
/** The header row of the `Consolidado` sheet (title, subtitle, note and a blank row above it). */
export const CONSOLIDATED_HEADER_ROW = 5;

const cell = (value: string | number | null, style?: CellStyle, numberFormat?: string): PlanCell => ({
  value,
  ...(style ? { style } : {}),
  ...(numberFormat ? { numberFormat } : {}),
});

/** A column of the `Consolidado` sheet. */
interface Column {
  key:
    | "name"
    | "ibge"
    | "source"
    | "period"
    | "attainment"
    | "value"
    | "band"
    | "class"
    | "missingSet"
    | "missedCount"
    | "missed"
    | "incomplete"
    | "problems";
  header: string;
  width: number;
  cell: (row: ConsolidatedRow) => PlanCell;
}

/** `I14 (justificado)`: the codes of the indicators not met, justified ones marked. */
export function missedText(missed: readonly MissedIndicator[]): string {
  return missed
    .map((m) =>
      m.justified === "total"
        ? consolidationStrings.justifiedTotal(m.code)
        : m.justified === "partial"
          ? consolidationStrings.justifiedPartial(m.code)
          : m.code,
    )
    .join(", ");
}

/**
 * The name of the 0–10 value (workbook/overallFigure `nameOver`): ISF, ISF parcial (n de 7 indicadores) when
 * every row is partial alike, ISF ou ISF parcial, nota final, or both.
 */
export function valueLabel(rows: readonly ConsolidatedRow[]): string {
  // Rows without a value (no indicator with a result) name nothing in the column.
  const onTen = rows.filter((r) => r.scale === 10);
  const valued = onTen.filter((r) => r.value !== undefined);
  return nationalStrings.capitalized(nameOver((valued.length > 0 ? valued : onTen).map((r) => r.figure)));
}

/** A row's indicators of the national set without a result, by code: `ISF parcial (1 de 7): faltam 1, 2, 3…` or `C7`. */
export function missingSetText(r: ConsolidatedRow): string {
  const codes = (r.missingSet ?? []).map((m) => m.code);
  if (codes.length === 0) return "";
  return r.figure.partial
    ? nationalStrings.partialShort(r.figure.partial.present, r.figure.partial.total, codes)
    : nationalStrings.missingCodes(codes);
}

/** Whether every row is a team classified by the co-financing (the sheet then speaks of teams). */
export function allTeams(rows: readonly ConsolidatedRow[]): boolean {
  return rows.length > 0 && rows.every((r) => r.classes !== undefined);
}

/** The indicator codes some row has a class for (C1 … C7), in code order. */
export function classCodes(rows: readonly ConsolidatedRow[]): string[] {
  return [...new Set(rows.flatMap((r) => (r.classes ?? []).map((c) => c.code)))].sort((a, b) =>
    codeOrder.compare(a, b),
  );
}

/** A row's band as every consolidated view writes it: its label, marked when provisional. */
export function bandLabel(band: NonNullable<ConsolidatedRow["band"]>): string {
  return band.provisional ? viewStrings.provisionalShort(band.label) : band.label;
}

/** The columns the rows need: the IBGE code, attainment, the 0–10 value and the band only when some row has one. */
function columnsFor(rows: readonly ConsolidatedRow[]): Column[] {
  const h = consolidationStrings.headers;
  const columns: (Column | false)[] = [
    {
      key: "name",
      header: allTeams(rows) ? siapsStrings.teamHeader : h.name,
      width: 26,
      cell: (r) => cell(r.name, WRAPPED),
    },
    rows.some((r) => r.ibge) && { key: "ibge", header: h.ibge, width: 10, cell: (r) => cell(r.ibge ?? "", BODY) },
    { key: "source", header: h.source, width: 22, cell: (r) => cell(r.source, WRAPPED) },
    {
      key: "period",
      header: h.period,
      width: 11,
      cell: (r) => cell(r.period?.label ?? consolidationStrings.noPeriod, CENTER),
    },
    rows.some((r) => r.scale === 100) && {
      key: "attainment",
      header: h.attainment,
      width: 13,
      // Centred like the other short columns: right-aligned, a figure runs into the band's coloured label beside it in print.
      cell: (r) =>
        r.attainment === undefined ? cell(consolidationStrings.noValue, CENTER) : cell(r.attainment, CENTER, PERCENT),
    },
    rows.some((r) => r.scale === 10) && {
      key: "value",
      header: consolidationStrings.headers.value(valueLabel(rows)),
      width: 12,
      cell: (r) =>
        r.scale !== 10 || r.value === undefined
          ? cell(consolidationStrings.noValue, CENTER)
          : cell(r.value, CENTER, NOTE),
    },
    rows.some((r) => r.band) && {
      key: "band",
      header: h.band,
      width: 22,
      // The band's own colour as the cell's fill; its fills are light enough for black text (core/presets/bandTables).
      cell: (r) =>
        r.band
          ? cell(bandLabel(r.band), {
              ...BODY,
              bold: true,
              ...(r.band.color ? { fill: r.band.color, color: "#000000" } : {}),
            })
          : cell(consolidationStrings.noValue, CENTER),
    },
    rows.some((r) => r.missingSet) && {
      key: "missingSet",
      header: nationalStrings.incompleteColumn,
      width: 30,
      cell: (r) => cell(missingSetText(r), WRAPPED),
    },
    // A team's class in each indicator (co-financing), the class's fill as the cell's.
    ...classCodes(rows).map((code): Column => ({
      key: "class",
      header: code,
      width: 11,
      cell: (r) => {
        const c = r.classes?.find((x) => x.code === code);
        if (!c?.label) return cell(consolidationStrings.noValue, CENTER);
        return cell(c.label, { ...CENTER, ...(c.color ? { fill: c.color, color: "#000000" } : {}) });
      },
    })),
    { key: "missedCount", header: h.missedCount, width: 12, cell: (r) => cell(r.missed.length, CENTER) },
    { key: "missed", header: h.missed, width: 30, cell: (r) => cell(missedText(r.missed), WRAPPED) },
    {
      key: "incomplete",
      header: h.incomplete,
      width: 12,
      cell: (r) =>
        cell(
          r.incomplete ? consolidationStrings.yes : consolidationStrings.no,
          r.incomplete ? { ...CENTER, ...WARNING } : CENTER,
        ),
    },
    { key: "problems", header: h.problems, width: 11, cell: (r) => cell(r.problems, CENTER) },
  ];
  return columns.filter((c): c is Column => c !== false);
}

/** Lines a wrapped text takes in a cell `width` characters wide. */
function linesFor(text: string, width: number): number {
  return Math.max(1, Math.ceil((text.length * 1.1) / width));
}

/**
 * The chart of the latest period: attainment per municipality (ISF when every row of the period is on 0–10),
 * under the table and as wide as it. Beside the table, the page (fitted to one page wide) had to hold the
 * table and the chart side by side, and LibreOffice printed the table at about half size.
 */
function chartFor(sorted: readonly ConsolidatedRow[], columns: Column[]): ChartSpec | undefined {
  const block = latestBlock(sorted);
  if (!block) return undefined;
  const rows = sorted.slice(block.first, block.last + 1);
  const onTen = rows.every((r) => r.scale === 10);
  const valueKey = onTen ? "value" : "attainment";
  const valueCol = columns.findIndex((c) => c.key === valueKey) + 1;
  const nameCol = columns.findIndex((c) => c.key === "name") + 1;
  if (valueCol === 0 || !rows.some((r) => (onTen ? r.value : r.attainment) !== undefined)) return undefined;
  const top = CONSOLIDATED_HEADER_ROW + 1 + block.first;
  const bottom = CONSOLIDATED_HEADER_ROW + 1 + block.last;
  const range = (col: number) => toA1Range({ top, left: col, bottom, right: col });
  const period = rows[0].period;
  const periodText = period ? `${formatPeriodPtBR(period)} (${period.label})` : consolidationStrings.noPeriodLong;
  const from = { row: CONSOLIDATED_HEADER_ROW + sorted.length + 2, col: 1 };
  return {
    title: onTen
      ? consolidationStrings.chartTitleValue(valueLabel(rows), periodText)
      : consolidationStrings.chartTitle(periodText),
    seriesName: onTen ? valueLabel(rows) : consolidationStrings.headers.attainment,
    categories: range(nameCol),
    values: range(valueCol),
    percent: !onTen,
    // Each municipality's bar in its band's colour, as its band cell in the table.
    pointColors: rows.map((r) => r.band?.color),
    from,
    // About one row per bar, so that a region of hundreds of municipalities still reads.
    to: { row: from.row + Math.max(18, rows.length + 6), col: columns.length + 1 },
  };
}

/** The `Consolidado` sheet: title, what it holds, the header and one row per municipality and period, and the chart. */
export function planConsolidatedSheet(
  rows: readonly ConsolidatedRow[],
  failures: readonly ConsolidationFailure[],
  files: number,
): SummarySheetPlan {
  const sorted = sortRows(rows);
  const columns = columnsFor(sorted);
  const last = columns.length;
  const merge = (row: number) => toA1Range({ top: row, left: 1, bottom: row, right: last });
  const periods = [...new Map(sorted.filter((r) => r.period).map((r) => [r.period!.label, r.period!])).values()];
  const out: PlanCell[][] = [
    [
      cell(
        allTeams(sorted)
          ? siapsStrings.teamsTitle(distinctUnits(sorted), files)
          : consolidationStrings.title(distinctUnits(sorted), files),
        TITLE,
      ),
    ],
    [
      cell(
        consolidationStrings.subtitle(
          periods.map((p) => p.label),
          failures.length,
        ),
      ),
    ],
    [cell(consolidationStrings.note, NOTE_STYLE)],
    [],
    columns.map((c) => cell(c.header, HEADER)),
  ];
  const heights: { row: number; height: number }[] = [{ row: CONSOLIDATED_HEADER_ROW, height: 2 * LINE_HEIGHT }];
  for (const r of sorted) {
    out.push(columns.map((c) => c.cell(r)));
    const lines = Math.max(
      ...columns
        .filter((c) => c.key === "name" || c.key === "missed" || c.key === "source" || c.key === "missingSet")
        .map((c) => linesFor(String(c.cell(r).value ?? ""), c.width)),
    );
    if (lines > 1) heights.push({ row: out.length, height: lines * LINE_HEIGHT });
  }
  const plan: SummarySheetPlan = {
    name: consolidationStrings.sheetName,
    rows: out,
    merges: [merge(1), merge(2), merge(3)],
    widths: columns.map((c) => c.width),
    heights,
    print: { orientation: "landscape" },
  };
  const chart = chartFor(sorted, columns);
  if (chart) plan.chart = chart;
  const breaks = sheetPageBreaks(plan);
  if (breaks.length > 0) plan.pageBreaks = breaks;
  return plan;
}

/** The `Falhas` sheet: the files that could not be evaluated, and why; a line saying so when none failed. */
export function planFailuresSheet(failures: readonly ConsolidationFailure[]): SummarySheetPlan {
  const widths = [36, 100];
  const rows: PlanCell[][] = [[cell(consolidationStrings.failuresTitle(failures.length), TITLE)], []];
  const heights: { row: number; height: number }[] = [];
  if (failures.length === 0) rows.push([cell(consolidationStrings.noFailures)]);
  else {
    rows.push(consolidationStrings.failureHeaders.map((h) => cell(h, HEADER)));
    const sorted = [...failures].sort((a, b) => codeOrder.compare(a.source, b.source));
    for (const f of sorted) {
      rows.push([cell(f.source, WRAPPED), cell(f.message, WRAPPED)]);
      const lines = Math.max(linesFor(f.source, widths[0]), linesFor(f.message, widths[1]));
      if (lines > 1) heights.push({ row: rows.length, height: lines * LINE_HEIGHT });
    }
  }
  return {
    name: consolidationStrings.failuresSheetName,
    rows,
    merges: [`A1:${columnLetter(widths.length)}1`],
    widths,
    heights,
    print: { orientation: "landscape" },
  };
}

/** The write plan of the consolidated workbook: the two sheets, nothing else. */
export function planConsolidation(
  rows: readonly ConsolidatedRow[],
  failures: readonly ConsolidationFailure[],
  files: number,
): WritePlan {
  return {
    owned: [],
    rules: [],
    summaries: [planConsolidatedSheet(rows, failures, files), planFailuresSheet(failures)],
    problems: [],
  };
}

export interface Consolidation {
  /** In the consolidated order (see `sortRows`). */
  rows: ConsolidatedRow[];
  failures: ConsolidationFailure[];
  plan: WritePlan;
}

/**
 * Consolidates pipeline results and failures: the rows in their order and the plan of the workbook. `files`
 * is how many files were given (default: the distinct sources of inputs and failures).
 */
export function consolidate(
  inputs: readonly ConsolidateInput[],
  failures: readonly ConsolidationFailure[] = [],
  files?: number,
): Consolidation {
  const rows = sortRows(inputs.flatMap(rowsOfResult));
  const count = files ?? new Set([...inputs.map((i) => i.source), ...failures.map((f) => f.source)]).size;
  return { rows, failures: [...failures], plan: planConsolidation(rows, failures, count) };
}

/** Scale-10 key of the JSON: `isf` (`isfParcial` with fewer than seven indicators) for Previne Brasil, `notaFinal` otherwise (as `avaliar --json`). */
function valueJson(r: ConsolidatedRow) {
  if (r.scale !== 10) return {};
  const key = r.figure.kind === "isf" ? (r.figure.partial ? "isfParcial" : "isf") : "notaFinal";
  return { [key]: r.value ?? null, valorGlobal: { nome: r.figure.name, parcial: r.figure.partial !== undefined } };
}

/** One row in the `--json` output (pt-BR keys, as `avaliar --json`). */
export function rowJson(r: ConsolidatedRow) {
  return {
    arquivo: r.source,
    municipio: r.name,
    ibge: r.ibge ?? null,
    periodo: r.period?.label ?? null,
    predefinicao: r.preset,
    metodo: r.method === "shareMet" ? "proporcao" : "media",
    atingimentoGlobal: r.attainment ?? null,
    ...valueJson(r),
    faixa: r.band
      ? {
          numero: r.band.number ?? null,
          rotulo: r.band.label,
          cor: r.band.color ?? null,
          provisoria: r.band.provisional === true,
        }
      : null,
    metasNaoAtingidas: r.missed.length,
    indicadoresNaoAtingidos: r.missed.map((m) => ({
      codigo: m.code,
      justificativa: m.justified === "total" ? "total" : m.justified === "partial" ? "parcial" : null,
    })),
    indicadoresComDado: r.withData,
    indicadoresPontuados: r.scored,
    avaliacaoIncompleta: r.incomplete,
    indicadoresSemResultado: (r.missingSet ?? []).map((m) => ({ codigo: m.code, indicador: m.name })),
    problemas: r.problems,
    repetidos: r.duplicates ?? [],
    ...(r.classes
      ? { classes: r.classes.map((c) => ({ codigo: c.code, resultado: c.points ?? null, classe: c.label ?? null })) }
      : {}),
  };
}
