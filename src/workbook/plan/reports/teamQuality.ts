/**
 * The co-financing quality component per team (Portaria GM/MS 3.493/2024; docs/regras.md §8.4): for one period,
 * each eSF/eAP team's result in C1–C7 (0–100 points, the mean of the months monitored) with its class
 * (Ótimo, Bom, Suficiente, Regular), its nota final (Σ factor × peso, 0–10) and the nota's class; how many
 * teams fall in each class per indicator; and the rules, written from the preset's own tables.
 *
 * `buildTeamQuality` computes the figures from the pipeline's `byTeam` (plain data, which the command's text
 * and JSON print too); `teamQualitySheet` lays them out as a report sheet `Cofinanciamento 2025-Q1` that both
 * hosts write (A4 landscape, fitted to one page wide). Pure.
 */
import { classificationCode, classificationTable, type IndicatorEvaluation } from "../../../core/evaluate";
import { describeIntervals } from "../../../core/bands";
import { COFINANCIAMENTO_INDICATORS } from "../../../core/catalogs/cofinanciamento";
import { conceptStrings, formatNumber } from "../../../core/messages";
import { cofinStrings, nationalStrings } from "../../messages";
import { formatPeriodPtBR } from "../../../core/periods";
import type { Preset } from "../../../core/presets";
import type { Band, BandTable, Period } from "../../../core/types";
import { overallFigure } from "../../overallFigure";
import type { PeriodEvaluation } from "../../pipeline";
import { sheetName } from "../summary";
import type { SummarySheetPlan } from "../types";
import { CONCEPT_STYLES } from "../owned";
import { printFor, sheetPageBreaks } from "../print";
import { BODY, bandStyle, cell, HEADER, HEADING, NOTE, SheetLayout, TEXT, TITLE, TITLE_LINE_HEIGHT } from "./layout";

/** One indicator of one team. */
export interface TeamIndicator {
  /** `C1` … `C7`, or the indicator's name when it is none of them. */
  code: string;
  status: IndicatorEvaluation["status"];
  /** The result on the 0–100 scale the classes are defined on. */
  points?: number;
  classification?: Band;
}

/** One team in the period. */
export interface TeamRow {
  team: string;
  /** INE. */
  code?: string;
  municipality?: string;
  /** By indicator code (see `TeamQuality.indicators`). */
  indicators: Map<string, TeamIndicator>;
  /** Nota final, 0–10; undefined when no indicator has a result. */
  note?: number;
  noteBand?: Band;
  /** Indicators with a result, of the scored ones. */
  withData: number;
  scored: number;
  /** C1–C7 without a result (they add nothing to the nota): the team is *incompleta*. */
  missing: { code: string; name: string }[];
}

/** One column of the report: an indicator, with its weight as the rows give it. */
export interface TeamIndicatorColumn {
  code: string;
  name: string;
  weight?: number;
}

export interface TeamQuality {
  period?: Period;
  /** `1º quadrimestre de 2025`, or the text for rows without a period. */
  periodText: string;
  preset: Preset;
  indicators: TeamIndicatorColumn[];
  /** Sorted by municipality, then team (pt-BR). */
  teams: TeamRow[];
}

/** The sheet's name: `Cofinanciamento 2025-Q1`. */
export function teamQualityName(period: Period | undefined): string {
  return sheetName(cofinStrings.sheet(period?.label ?? "").trim());
}

/** The indicator's column: the code that chose its classes (the catalogue's, else its own), else its name. */
function codeOf(i: IndicatorEvaluation): string {
  return classificationCode(i.rows[0].input)?.trim() || i.indicator;
}

/** The result on 0–100: a classified result without target is already in points; a percentage is not. */
function pointsOf(i: IndicatorEvaluation): number | undefined {
  if (i.status !== "evaluated" || i.result === undefined) return undefined;
  return i.target?.scale === "percent" ? i.result * 100 : i.result;
}

const collator = new Intl.Collator("pt-BR", { numeric: true });
const byName = (a: string | undefined, b: string | undefined) => collator.compare(a ?? "", b ?? "");

/** The per-team figures of a period; undefined when the period has no team breakdown. */
export function buildTeamQuality(ev: PeriodEvaluation): TeamQuality | undefined {
  if (!ev.byTeam || ev.byTeam.length === 0) return undefined;
  const columns = new Map<string, TeamIndicatorColumn>();
  // The catalogue's order first (C1 … C7), then any other indicator in the order the rows give them.
  for (const c of COFINANCIAMENTO_INDICATORS) columns.set(c.code, { code: c.code, name: c.name, weight: undefined });
  const used = new Set<string>();
  const teams: TeamRow[] = ev.byTeam.map((t) => {
    const indicators = new Map<string, TeamIndicator>();
    for (const i of t.evaluation.indicators.filter((x) => x.kind === "desempenho")) {
      const code = codeOf(i);
      used.add(code);
      const column = columns.get(code) ?? { code, name: i.indicator };
      if (column.weight === undefined) column.weight = i.weight;
      columns.set(code, column);
      const points = pointsOf(i);
      indicators.set(code, {
        code,
        status: i.status,
        ...(points !== undefined ? { points } : {}),
        ...(i.classification ? { classification: i.classification } : {}),
      });
    }
    const o = t.evaluation.overall;
    return {
      team: t.team,
      ...(t.code ? { code: t.code } : {}),
      ...(t.municipality ? { municipality: t.municipality } : {}),
      indicators,
      ...(o.value !== undefined ? { note: o.value } : {}),
      ...(t.evaluation.band ? { noteBand: t.evaluation.band.band } : {}),
      withData: o.withData,
      scored: o.scored,
      missing: overallFigure(t.evaluation).missing,
    };
  });
  teams.sort((a, b) => byName(a.municipality, b.municipality) || byName(a.team, b.team) || byName(a.code, b.code));
  return {
    ...(ev.period ? { period: ev.period } : {}),
    periodText: ev.period ? formatPeriodPtBR(ev.period) : cofinStrings.allRows,
    preset: ev.preset,
    indicators: [...columns.values()].filter((c) => used.has(c.code)),
    teams,
  };
}

/** How many teams fall in each class of an indicator (or of the nota final, `code` undefined), and without data. */
export function classCounts(
  report: TeamQuality,
  code: string | undefined,
): { counts: Map<string, number>; noData: number } {
  const counts = new Map<string, number>();
  let noData = 0;
  for (const t of report.teams) {
    const band = code === undefined ? t.noteBand : t.indicators.get(code)?.classification;
    if (band) counts.set(band.label, (counts.get(band.label) ?? 0) + 1);
    else noData += 1;
  }
  return { counts, noData };
}

/** A classified result's style: its class's fill; no data grey italic, like the owned columns. */
function classStyle(band: Band | undefined, hasData: boolean) {
  if (band) return bandStyle(band, { ...BODY, align: "center" as const });
  return { ...BODY, ...(hasData ? CONCEPT_STYLES.invalid : CONCEPT_STYLES.noData), align: "center" as const };
}

/** Incomplete teams named one per line under the table; beyond these, the table's empty cells say it. */
const MAX_INCOMPLETE_LINES = 20;

/**
 * Widths: Município, Equipe, INE, one per indicator, Nota final, Classificação: 178 characters with the
 * seven indicators. Municipality and team names wrap (their rows grow); the per-indicator cells cannot be
 * narrower. Measured on LibreOffice's print, 184 characters printed at 8,8 points: 178 prints at 9,1.
 */
const LEAD = [12, 16, 11];
/** Wide enough for `100,0 (Suficiente)`: a number whose class is in its format cannot wrap (`###` when narrower). */
const PER_INDICATOR = 17;
const TAIL = [8, 12];

/** The report as a sheet (see the module comment). */
export function teamQualitySheet(report: TeamQuality, options: { source: string }): SummarySheetPlan {
  const l = new SheetLayout([...LEAD, ...report.indicators.map(() => PER_INDICATOR), ...TAIL]);
  const classes = report.preset.bands?.bands ?? [];

  l.text(cofinStrings.title, TITLE, TITLE_LINE_HEIGHT);
  l.text(cofinStrings.periodLine(report.periodText, report.period?.label));
  l.text(cofinStrings.source(options.source));
  l.text(cofinStrings.method);
  l.blank();

  // One row per team.
  l.text(cofinStrings.teamsHeading(report.teams.length), HEADING);
  const header = l.add([
    { cell: cell(cofinStrings.municipalityHeader, HEADER) },
    { cell: cell(cofinStrings.teamHeader, HEADER) },
    { cell: cell(cofinStrings.codeHeader, HEADER) },
    ...report.indicators.map((c) => ({ cell: cell(cofinStrings.indicatorHeader(c.code, c.weight), HEADER) })),
    { cell: cell(cofinStrings.noteHeader, HEADER) },
    { cell: cell(cofinStrings.classHeader, HEADER) },
  ]);
  l.height(header, 2 * 15);
  for (const t of report.teams) {
    l.add([
      { cell: cell(t.municipality ?? "", BODY) },
      { cell: cell(t.team, BODY) },
      { cell: cell(t.code ?? "", BODY) },
      ...report.indicators.map((c) => {
        const i = t.indicators.get(c.code);
        if (i?.points === undefined)
          return {
            cell: cell(
              i?.status === "invalid" ? conceptStrings.invalid : conceptStrings.noData,
              classStyle(undefined, i?.status === "invalid"),
            ),
          };
        // The class is in the number format, so the cell stays a number (sortable, usable in formulas).
        return {
          cell: cell(i.points, classStyle(i.classification, true), cofinStrings.pointsFormat(i.classification?.label)),
        };
      }),
      {
        cell:
          t.note === undefined
            ? cell(conceptStrings.noData, classStyle(undefined, false))
            : cell(t.note, { ...BODY, align: "right" }, NOTE),
      },
      { cell: cell(t.noteBand?.label ?? "", classStyle(t.noteBand, t.note !== undefined)) },
    ]);
  }
  const incomplete = report.teams.filter((t) => t.missing.length > 0);
  if (incomplete.length > 0) {
    l.text(cofinStrings.incompleteTeams(incomplete.length), { ...TEXT, color: "#9C0006" });
    // Each one by name, with what it lacks (the first few; the rows above show every team's empty cells).
    for (const t of incomplete.slice(0, MAX_INCOMPLETE_LINES)) {
      l.text(
        nationalStrings.incompleteTeamLine(
          t.team,
          t.code,
          t.missing.map((m) => nationalStrings.indicatorName(m.code, m.name)),
        ),
        { ...TEXT, color: "#9C0006" },
      );
    }
  }
  l.blank();

  // How many teams in each class, per indicator and for the nota final.
  l.text(cofinStrings.distributionHeading, HEADING);
  l.add([
    { cell: cell(cofinStrings.indicatorColumn, HEADER) },
    { cell: cell(cofinStrings.nameColumn, HEADER), cols: 2 },
    ...classes.map((b) => ({ cell: cell(b.label, bandStyle(b, HEADER)) })),
    { cell: cell(conceptStrings.noData, HEADER) },
  ]);
  const countRow = (label: string, name: string, code: string | undefined) => {
    const { counts, noData } = classCounts(report, code);
    l.add([
      { cell: cell(label, BODY) },
      { cell: cell(name, BODY), cols: 2 },
      ...classes.map((b) => ({ cell: cell(counts.get(b.label) ?? 0, { ...BODY, align: "center" }) })),
      { cell: cell(noData, { ...BODY, align: "center" }) },
    ]);
  };
  for (const c of report.indicators) countRow(c.code, c.name, c.code);
  countRow(cofinStrings.noteHeader, cofinStrings.noteName, undefined);
  l.blank();

  // The rules, from the preset's tables: each class's interval per table, and its factor.
  l.text(cofinStrings.rulesHeading, HEADING);
  const tables = [
    ...new Map(
      report.indicators
        .map((c) => classificationTable(report.preset, c.code))
        .filter((t): t is BandTable => !!t)
        .map((t) => [t.id, t]),
    ).values(),
  ];
  const finalTable = report.preset.bands;
  l.add([
    { cell: cell(cofinStrings.classColumn, HEADER) },
    { cell: cell(cofinStrings.factorColumn, HEADER) },
    ...tables.map((t) => ({ cell: cell(cofinStrings.tableColumn(codesOf(report, t)), HEADER), cols: 2 })),
    ...(finalTable ? [{ cell: cell(cofinStrings.noteHeader, HEADER), cols: 2 }] : []),
  ]);
  for (const band of classes) {
    const factor = tables.map((t) => t.bands.find((b) => b.label === band.label)?.factor).find((f) => f !== undefined);
    l.add([
      { cell: cell(band.label, bandStyle(band, BODY)) },
      { cell: factor === undefined ? cell("", BODY) : cell(factor, { ...BODY, align: "center" }, NOTE) },
      ...tables.map((t) => {
        const b = t.bands.find((x) => x.label === band.label);
        return { cell: cell(b ? describeIntervals(b.intervals, t.domain) : "", BODY), cols: 2 };
      }),
      ...(finalTable ? [{ cell: cell(describeIntervals(band.intervals, finalTable.domain), BODY), cols: 2 }] : []),
    ]);
  }
  l.text(
    cofinStrings.formula(
      report.indicators.filter((c) => c.weight !== undefined).map((c) => `${formatNumber(c.weight!)}·${c.code}`),
    ),
  );
  l.text(cofinStrings.checkNote, { ...TEXT, italic: true, color: "#595959" });

  const plan: SummarySheetPlan = {
    name: teamQualityName(report.period),
    rows: l.rows,
    merges: l.merges,
    widths: l.widths,
    heights: l.heights,
    print: printFor(l.widths),
  };
  const breaks = sheetPageBreaks(plan);
  if (breaks.length > 0) plan.pageBreaks = breaks;
  return plan;
}

/** The indicator codes a class table serves in this report: `C1`, `C2 a C7`. */
function codesOf(report: TeamQuality, table: BandTable): string {
  const codes = report.indicators
    .filter((c) => classificationTable(report.preset, c.code)?.id === table.id)
    .map((c) => c.code);
  return codes.length > 2 ? cofinStrings.codeRange(codes[0], codes[codes.length - 1]) : codes.join(", ");
}

/** The report's sheet for a period, when the period has teams. */
export function planTeamQuality(ev: PeriodEvaluation, options: { source: string }): SummarySheetPlan | undefined {
  const report = buildTeamQuality(ev);
  return report ? teamQualitySheet(report, options) : undefined;
}
