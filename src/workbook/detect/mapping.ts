/**
 * An explicit mapping (pt-BR field names → column letters) for a sheet: validated, then read like a
 * detected table whose columns are certain. Its header row is the one given, else the detected header,
 * else the sheet's first non-empty row. Without a `resultado` or `periodo` column, header cells that are
 * periods (`Jan/2025`) outside the mapped columns are read as a wide table's result columns.
 *
 * The indicator is a column (`colunas.indicador`) or, for an export that names it only above the table (a
 * SIAPS or panel export), the whole sheet's (`"indicador": "C7"` beside `planilha`): every row then takes
 * it. A mapping that gives nothing but that indicator leaves the columns to detection (detect.ts).
 */
import type { LocatedProblem } from "../../core/evaluate";
import { detectionMessages, siapsStrings } from "../messages";
import { normalizeText } from "../../core/parse";
import { columnIndex } from "../a1";
import { FIELD_FROM_PT, type ExplicitMapping, type Field, type FieldPtBR, type SheetData } from "../model";
import { Grid } from "./grid";
import { analyseRow, type HeaderAnalysis } from "./headerRow";
import { HEADER_WINDOW } from "./sheetTables";
import { buildTable, type SheetTable } from "./table";
import { maxOf, minOf } from "../../core/arrays";

/** One validated entry of a mapping. */
export interface MappingEntry {
  sheet: SheetData;
  headerRow?: number;
  columns: Map<Field, number>;
  /** The indicator of every row of the sheet, when the mapping names it instead of a column. */
  indicator?: string;
}

/** Validates a mapping against the workbook's sheets; invalid parts become pt-BR problems. */
export function validateMapping(
  mapping: ExplicitMapping,
  sheets: SheetData[],
): { entries: MappingEntry[]; problems: LocatedProblem[] } {
  const problems: LocatedProblem[] = [];
  const entries: MappingEntry[] = [];
  const list: unknown = (mapping as { tabelas?: unknown } | null)?.tabelas;
  if (!Array.isArray(list))
    return { entries, problems: [{ code: "mapping", message: detectionMessages.mappingNotAList }] };
  const problem = (message: string, sheet?: string): LocatedProblem => ({ code: "mapping", sheet, message });
  list.forEach((raw: unknown, i) => {
    const item = (raw ?? {}) as {
      planilha?: unknown;
      linhaCabecalho?: unknown;
      colunas?: unknown;
      indicador?: unknown;
    };
    if (typeof item.planilha !== "string" || item.planilha.trim() === "") {
      problems.push(problem(detectionMessages.mappingMissingSheet(i + 1)));
      return;
    }
    const wanted = item.planilha;
    const sheet =
      sheets.find((s) => s.name === wanted) ??
      sheets.find((s) => normalizeText(String(s.name)) === normalizeText(wanted));
    if (!sheet) {
      problems.push(
        problem(
          detectionMessages.mappingUnknownSheet(
            wanted,
            sheets.map((s) => String(s.name)),
          ),
        ),
      );
      return;
    }
    const grid = new Grid(sheet);
    let headerRow: number | undefined;
    if (item.linhaCabecalho !== undefined && item.linhaCabecalho !== null) {
      const n = Number(item.linhaCabecalho);
      if (Number.isInteger(n) && n >= grid.top && n <= grid.bottom) headerRow = n;
      else
        problems.push(
          problem(
            detectionMessages.mappingBadHeaderRow(sheet.name, String(item.linhaCabecalho), grid.top, grid.bottom),
            sheet.name,
          ),
        );
    }
    const columns = new Map<Field, number>();
    const given =
      item.colunas && typeof item.colunas === "object" ? Object.entries(item.colunas as Record<string, unknown>) : [];
    for (const [key, letter] of given) {
      if (!Object.prototype.hasOwnProperty.call(FIELD_FROM_PT, key)) {
        problems.push(
          problem(detectionMessages.mappingUnknownField(sheet.name, key, Object.keys(FIELD_FROM_PT)), sheet.name),
        );
        continue;
      }
      const col = typeof letter === "string" ? columnIndex(letter) : undefined;
      if (col === undefined) {
        problems.push(problem(detectionMessages.mappingBadColumn(sheet.name, key, String(letter)), sheet.name));
        continue;
      }
      columns.set(FIELD_FROM_PT[key as FieldPtBR], col);
    }
    let indicator: string | undefined;
    if (item.indicador !== undefined && item.indicador !== null) {
      if (typeof item.indicador === "string" && item.indicador.trim() !== "") indicator = item.indicador.trim();
      else problems.push(problem(siapsStrings.mappingIndicatorNotText(sheet.name), sheet.name));
    }
    if (!columns.has("indicator") && indicator === undefined) {
      problems.push(problem(detectionMessages.mappingNoIndicator(sheet.name), sheet.name));
      return;
    }
    entries.push({
      sheet,
      headerRow,
      columns,
      ...(indicator !== undefined && !columns.has("indicator") ? { indicator } : {}),
    });
  });
  return { entries, problems };
}

/** The header row when the mapping gives none: the detected one, else the first non-empty row. */
function guessHeaderRow(grid: Grid): number {
  for (let row = grid.top; row <= Math.min(grid.bottom, grid.top + HEADER_WINDOW - 1); row += 1) {
    if (analyseRow(grid, row).qualifies) return row;
  }
  for (let row = grid.top; row <= grid.bottom; row += 1) if (!grid.isBlank(row)) return row;
  return grid.top;
}

/** The header as the mapping says: its columns, plus period columns when it maps no result nor period. */
function mappedHeader(grid: Grid, entry: MappingEntry, row: number, year: number | undefined): HeaderAnalysis {
  const detected = analyseRow(grid, row, year);
  const mappedCols = new Set(entry.columns.values());
  const fields: HeaderAnalysis["fields"] = new Map();
  for (const [field, col] of entry.columns) fields.set(field, { col, quality: 1 });
  const periodCols =
    entry.columns.has("result") || entry.columns.has("period")
      ? []
      : detected.periodCols.filter((p) => !mappedCols.has(p.col));
  // Targets of one period each, when the mapping gives no target column and reads the periods' results.
  const targetPeriodCols =
    periodCols.length > 0 && !entry.columns.has("target")
      ? detected.targetPeriodCols.filter((p) => !mappedCols.has(p.col))
      : [];
  const cols = [...mappedCols, ...periodCols.map((p) => p.col), ...targetPeriodCols.map((p) => p.col)];
  const texts = new Map(detected.texts);
  const addresses = new Map(detected.addresses);
  return {
    ...detected,
    left: minOf(cols),
    right: maxOf(cols),
    texts,
    addresses,
    fields,
    periodCols,
    targetPeriodCols,
    qualifies: true,
  };
}

/** Reads the table a mapping entry describes. */
export function readMappedTable(entry: MappingEntry, defaultYear: number | undefined): SheetTable {
  const grid = new Grid(entry.sheet);
  const row = entry.headerRow ?? guessHeaderRow(grid);
  const reasons = [detectionMessages.detectMappingUsed(grid.name)];
  if (entry.headerRow === undefined) reasons.push(detectionMessages.detectMappingHeaderGuessed(row));
  return buildTable({
    grid,
    header: (year) => mappedHeader(grid, entry, row, year),
    titleFrom: grid.top,
    lastRow: grid.bottom,
    skipBlankRows: false,
    defaultYear,
    explicit: true,
    extraReasons: reasons,
    ...(entry.indicator !== undefined ? { indicator: entry.indicator } : {}),
  });
}
