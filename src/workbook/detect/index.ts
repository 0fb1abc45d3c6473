/**
 * Finding the indicator tables of a workbook and reading them into rows for the core. Pure: works on the
 * `WorkbookData` a host read, never throws on any of it; whatever cannot be read becomes a located pt-BR
 * problem.
 *
 * - Every visible sheet is searched: Excel tables, then plain ranges under titles (detect/sheetTables).
 * - Headers are matched to fields by synonyms, with a quality score (detect/headers).
 * - Layouts: long, wide (a result column per period), panel (SISAB export) — detect/headerRow `layoutOf`;
 *   sheet per period — detect/sheetPeriods.
 * - SIAPS exports (title lines naming the indicator, one row per team) are read on their own (detect/siaps);
 *   an export of a component these rules do not score is named in a problem, not reported as "no table".
 * - An explicit mapping wins for the sheets it names (detect/mapping); a mapping that only names the sheet's
 *   indicator (`"indicador": "C7"`) on a SIAPS export reads it as one, with that indicator.
 * - When nothing can be evaluated (no table, or tables without rows), a `noTable` problem says what was
 *   found, what is missing and how to map the sheet (detect/diagnose).
 */
import type { LocatedProblem } from "../../core/evaluate";
import { detectionMessages } from "../messages";
import { fromA1Range, toA1 } from "../a1";
import { isAddinSheet } from "../addinParts";
import { diagnoseEmptyTable, diagnoseSheets } from "./diagnose";
import { validateMapping, readMappedTable } from "./mapping";
import { isYear } from "./periodCells";
import { distinctPeriods, groupPeriodSheets } from "./sheetPeriods";
import { findSheetTables } from "./sheetTables";
import { readSiapsSheet } from "./siaps";
import type { SheetTable } from "./table";
import type { DetectedTable, ExplicitMapping, SheetData, WorkbookData } from "../model";
import { pushAll } from "../../core/arrays";

export interface DetectOptions {
  /** Columns given by the user; wins over detection for the sheets it names. */
  mapping?: ExplicitMapping;
  /** Year of periods written without one (`Jan`, `1º trim`), before any year found in the workbook. */
  defaultYear?: number;
}

function toDetected(table: SheetTable): DetectedTable {
  return {
    sheet: table.grid.name,
    sheets: [table.grid.name],
    name: table.name,
    ref: table.ref,
    headerRow: table.header.row,
    frames: [{ sheet: table.grid.name, ref: table.ref, headerRow: table.header.row }],
    layout: table.layout,
    columns: table.columns,
    confidence: table.confidence,
    reasons: table.reasons,
    unmapped: table.unmapped,
    title: table.title,
    rows: table.rows,
    periods: distinctPeriods(table.rows),
    problems: table.problems,
  };
}

/** Finds and reads the indicator tables of a workbook (see the module's note). */
export function detectTables(
  workbook: WorkbookData,
  options: DetectOptions = {},
): { tables: DetectedTable[]; problems: LocatedProblem[] } {
  const sheets: SheetData[] = Array.isArray(workbook?.sheets)
    ? workbook.sheets.filter((s) => s !== null && typeof s === "object")
    : [];
  const defaultYear = isYear(options.defaultYear) ? options.defaultYear : undefined;
  const problems: LocatedProblem[] = [];
  const mapping = options.mapping ? validateMapping(options.mapping, sheets) : { entries: [], problems: [] };
  pushAll(problems, mapping.problems);

  const found: SheetTable[] = [];
  // SIAPS exports, read apart (never a sheet of a table per period), in sheet order among the others.
  const exports = new Map<SheetTable | SheetData, DetectedTable>();
  const order: (SheetTable | SheetData)[] = [];
  const looked: string[] = [];
  let recognised = false;
  const siaps = (sheet: SheetData, indicator?: string) => {
    const reading = readSiapsSheet(sheet, { indicator });
    if (!reading) return false;
    recognised = true;
    pushAll(problems, reading.problems);
    if (reading.table) {
      exports.set(sheet, reading.table);
      order.push(sheet);
    }
    return true;
  };
  for (const sheet of sheets) {
    const entries = mapping.entries.filter((e) => e.sheet === sheet);
    if (entries.length > 0) {
      looked.push(String(sheet.name));
      // A mapping that names only the indicator leaves the columns of a SIAPS export to its reader.
      const only = entries.length === 1 && entries[0].columns.size === 0 ? entries[0] : undefined;
      if (only && siaps(sheet, only.indicator)) continue;
      for (const entry of entries) {
        const table = readMappedTable(entry, defaultYear);
        found.push(table);
        order.push(table);
      }
      continue;
    }
    if (sheet.hidden || isAddinSheet(sheet)) continue;
    looked.push(String(sheet.name));
    if (siaps(sheet)) continue;
    const own = findSheetTables(sheet, defaultYear);
    pushAll(found, own);
    pushAll(order, own);
  }

  const { groups, members } = groupPeriodSheets(found, defaultYear);
  const tables: DetectedTable[] = [];
  for (const item of order) {
    const exported = exports.get(item);
    if (exported) {
      tables.push(exported);
      continue;
    }
    const table = item as SheetTable;
    const group = groups.get(table);
    if (group) tables.push(group);
    else if (!members.has(table)) tables.push(toDetected(table));
  }
  // A SIAPS export recognised has said why it gives nothing to evaluate (another component, no indicator…);
  // "no table" would not.
  if (tables.length === 0 && !recognised) {
    // Where it looked, and for each sheet what came closest to a header and how to map it.
    const searched = sheets.filter((s) => looked.includes(String(s.name)));
    problems.push({
      code: "noTable",
      message: [detectionMessages.detectNoTable(looked), ...diagnoseSheets(searched)].join(" "),
    });
  } else if (tables.length > 0 && tables.every((t) => t.rows.length === 0)) {
    // Tables found, none with a row: each says what it found, why no row was read, and how to map it.
    for (const table of tables) {
      const sheet = sheets.find((s) => String(s.name) === table.sheet);
      const left = fromA1Range(table.ref)?.left ?? 1;
      problems.push({
        code: "noTable",
        sheet: table.sheet,
        cell: toA1(table.headerRow, left),
        message: diagnoseEmptyTable(table, sheet),
      });
    }
  }
  return { tables, problems };
}
