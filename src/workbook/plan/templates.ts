/**
 * Starter indicator tables (screen Modelos): a catalogue of core/catalogs laid out as a long table the
 * detection reads — one row per indicator for a first period, with the columns it recognises (Código,
 * Indicador, Área/Tipo, Natureza, Meta, Peso, Mês/Quadrimestre, Resultado, Justificativa, Justificativa
 * aceita) — plus drop-down lists for Natureza and Justificativa aceita, on a sheet and under a table name
 * that the workbook does not use yet. Pure: the host inserts the result (TaskpaneHost.insertTemplate).
 *
 * Users copy the block of rows for the next months (or four-month periods) and fill Meta and Resultado;
 * Previne Brasil's table carries the national targets and weights, the co-financing's the weights (its
 * results are classified, they need no target).
 */
import {
  COFINANCIAMENTO_INDICATORS,
  getCatalog,
  INSTRUMENT_INDICATORS,
  PMAQ_INDICATORS,
  PREVINE_INDICATORS,
  type CatalogId,
} from "../../core/catalogs";
import { formatNumber, messages } from "../../core/messages";
import { paneSharedStrings, templateColumnStrings } from "../messages";
import type { TemplateTable } from "../host";

export type TemplateId = CatalogId;

export interface TemplateOptions {
  /** Year of the first period (default: this year). */
  year?: number;
  /** First month, 1–12 (default: the first month of this quarter). */
  month?: number;
}

const t = paneSharedStrings.template;

/** Excel's longest sheet name. */
const MAX_SHEET_NAME = 31;

/** One column of a template: its header, width, and the value of each catalogue row. */
interface Column<Row> {
  header: string;
  width: number;
  value: (row: Row) => string | number | null;
  list?: readonly string[];
}

/** A name not in `taken` (case ignored, as Excel compares them): `name`, then `name (2)`, `name (3)`… */
function uniqueSheetName(name: string, taken: string[]): string {
  const used = new Set(taken.map((s) => s.toLocaleLowerCase("pt-BR")));
  for (let n = 1; ; n += 1) {
    const suffix = n === 1 ? "" : ` (${n})`;
    const candidate = `${name.slice(0, MAX_SHEET_NAME - suffix.length)}${suffix}`;
    if (!used.has(candidate.toLocaleLowerCase("pt-BR"))) return candidate;
  }
}

/** A table name not in `taken` (case ignored): `name`, then `name_2`, `name_3`… (never a cell address: it has an `_`). */
function uniqueTableName(name: string, taken: string[]): string {
  const used = new Set(taken.map((s) => s.toLowerCase()));
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? name : `${name}_${n}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** `jan/2025`: how the first month is written in the Mês column (detection reads it; Excel may turn it into a date, read the same). */
function monthText(year: number, month: number): string {
  return messages.periodMonthOfYear(messages.periodMonthAbbreviations[month - 1], year);
}

/** `2025-Q1`: the four-month period (quadrimestre) containing the month, as the SISAB panel labels it. */
function fourMonthText(year: number, month: number): string {
  return `${year}-Q${Math.floor((month - 1) / 4) + 1}`;
}

function percentText(fraction: number): string {
  return `${formatNumber(fraction * 100, 1)}%`;
}

const code = <R extends { code: string }>(): Column<R> => ({ header: t.code, width: 9, value: (r) => r.code });
const kind = <R>(value: (r: R) => string): Column<R> => ({
  header: t.kind,
  width: 16,
  value,
  list: [t.kindPerformance, t.kindMonitoring],
});
const resultColumns = <R>(period: Column<R>, resultHeader = t.result): Column<R>[] => [
  period,
  { header: resultHeader, width: 12, value: () => null },
  { header: t.justification, width: 40, value: () => null },
  { header: t.accepted, width: 14, value: () => null, list: t.decisions },
];

function build<Row>(
  rows: readonly Row[],
  columns: Column<Row>[],
): Pick<TemplateTable, "headers" | "rows" | "lists" | "widths"> {
  return {
    headers: columns.map((c) => c.header),
    rows: rows.map((r) => columns.map((c) => c.value(r))),
    lists: columns.flatMap((c, column) => (c.list ? [{ column, values: [...c.list] }] : [])),
    widths: columns.map((c) => c.width),
  };
}

function layout(
  id: TemplateId,
  year: number,
  month: number,
): Pick<TemplateTable, "headers" | "rows" | "lists" | "widths"> {
  const monthColumn = { header: t.month, width: 11, value: () => monthText(year, month) };
  switch (id) {
    case "pmaq":
      return build(PMAQ_INDICATORS, [
        code(),
        { header: t.area, width: 24, value: (r) => r.area },
        { header: t.indicator, width: 60, value: (r) => r.name },
        kind((r) => (r.kind === "monitoramento" ? t.kindMonitoring : t.kindPerformance)),
        { header: t.target, width: 12, value: () => null },
        { header: t.weight, width: 7, value: () => 1 },
        ...resultColumns(monthColumn),
      ]);
    case "instrumento":
      // Meta holds one target the evaluation reads as the instrument means it; beside it, the instrument's own
      // Meta text and Conteúdo, where the rewritten targets come from (a count "ao mês", one of two targets).
      return build(INSTRUMENT_INDICATORS, [
        code(),
        { header: t.type, width: 18, value: (r) => r.type ?? null },
        {
          header: t.indicator,
          width: 60,
          value: (r) => (r.part ? templateColumnStrings.splitIndicator(r.part, r.description) : r.description),
        },
        { header: templateColumnStrings.contentHeader, width: 40, value: (r) => r.content },
        kind(() => t.kindPerformance),
        { header: t.periodicity, width: 14, value: (r) => r.periodicity },
        { header: t.target, width: 40, value: (r) => r.target },
        { header: templateColumnStrings.sourceTargetHeader, width: 40, value: (r) => r.sourceTarget },
        { header: t.weight, width: 7, value: () => 1 },
        { header: t.source, width: 30, value: (r) => r.source },
        { header: t.evidence, width: 30, value: (r) => r.evidence },
        { header: t.verifiedBy, width: 24, value: (r) => r.verifiedBy },
        ...resultColumns(monthColumn),
      ]);
    case "previne":
      return build(PREVINE_INDICATORS, [
        code(),
        { header: t.indicator, width: 60, value: (r) => r.name },
        kind(() => t.kindPerformance),
        // Written as text with `%` so Excel stores a percentage and detection reads 45% (not 0,45).
        { header: t.target, width: 10, value: (r) => percentText(r.target) },
        { header: t.weight, width: 7, value: (r) => r.weight },
        ...resultColumns({ header: t.fourMonth, width: 13, value: () => fourMonthText(year, month) }, t.resultPercent),
      ]);
    case "cofinanciamento":
      // Results on a 0–100 scale, classified by the preset (no target column: a classification needs none).
      // The co-financing classifies each team: its name and INE open the row, for the user to fill.
      return build(COFINANCIAMENTO_INDICATORS, [
        { header: t.team, width: 22, value: () => null },
        { header: t.teamCode, width: 12, value: () => null },
        code(),
        { header: t.indicator, width: 48, value: (r) => r.name },
        kind(() => t.kindPerformance),
        { header: t.weight, width: 7, value: (r) => r.weight },
        ...resultColumns(monthColumn),
      ]);
  }
}

/**
 * The starter table of a catalogue, on a sheet and under a table name the workbook does not use yet
 * (`existingSheets`, `existingTables`; case ignored). Its title goes on row 1 and its header on row 3.
 */
export function buildTemplate(
  id: TemplateId,
  existingSheets: string[],
  existingTables: string[],
  options: TemplateOptions = {},
): TemplateTable {
  const today = new Date();
  const year = options.year ?? today.getFullYear();
  const month = options.month ?? Math.floor(today.getMonth() / 3) * 3 + 1;
  const catalog = getCatalog(id);
  return {
    sheet: uniqueSheetName(t.sheets[id], existingSheets),
    table: uniqueTableName(t.tables[id], existingTables),
    title: t.title(catalog.name, catalog.source),
    ...layout(id, year, month),
  };
}
