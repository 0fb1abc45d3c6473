/**
 * Finding the indicator tables of a workbook and reading them into rows for the core. Pure: works on the
 * `WorkbookData` a host read, never throws on any of it; whatever cannot be read becomes a located pt-BR
 * problem.
 *
 * - Every visible sheet is searched: Excel tables, then plain ranges under titles (detect/sheetTables).
 * - Headers are matched to fields by synonyms, with a quality score (detect/headers).
 * - Layouts: long, wide (a result column per period), panel (SISAB export) — detect/headerRow `layoutOf`;
 *   sheet per period — detect/sheetPeriods.
 * - An explicit mapping wins for the sheets it names (detect/mapping).
 * - When nothing can be evaluated (no table, or tables without rows), a `noTable` problem says what was
 *   found, what is missing and how to map the sheet (detect/diagnose).
 */
import type { LocatedProblem } from "../core/evaluate";
import { messages } from "../core/messages";
import { fromA1Range, toA1 } from "./a1";
import { isAddinSheet } from "./owned";
import { diagnoseEmptyTable, diagnoseSheets } from "./detect/diagnose";
import { validateMapping, readMappedTable } from "./detect/mapping";
import { isYear } from "./detect/periodCells";
import { distinctPeriods, groupPeriodSheets } from "./detect/sheetPeriods";
import { findSheetTables } from "./detect/sheetTables";
import type { SheetTable } from "./detect/table";
import type { DetectedTable, ExplicitMapping, SheetData, WorkbookData } from "./port";

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
export function detectTables(workbook: WorkbookData, options: DetectOptions = {}): { tables: DetectedTable[]; problems: LocatedProblem[] } {
  const sheets: SheetData[] = Array.isArray(workbook?.sheets) ? workbook.sheets.filter((s) => s !== null && typeof s === "object") : [];
  const defaultYear = isYear(options.defaultYear) ? options.defaultYear : undefined;
  const problems: LocatedProblem[] = [];
  const mapping = options.mapping ? validateMapping(options.mapping, sheets) : { entries: [], problems: [] };
  problems.push(...mapping.problems);

  const found: SheetTable[] = [];
  const looked: string[] = [];
  for (const sheet of sheets) {
    const entries = mapping.entries.filter((e) => e.sheet === sheet);
    if (entries.length > 0) {
      looked.push(String(sheet.name));
      for (const entry of entries) found.push(readMappedTable(entry, defaultYear));
      continue;
    }
    if (sheet.hidden || isAddinSheet(sheet)) continue;
    looked.push(String(sheet.name));
    found.push(...findSheetTables(sheet, defaultYear));
  }

  const { groups, members } = groupPeriodSheets(found, defaultYear);
  const tables: DetectedTable[] = [];
  for (const table of found) {
    const group = groups.get(table);
    if (group) tables.push(group);
    else if (!members.has(table)) tables.push(toDetected(table));
  }
  if (tables.length === 0) {
    // Where it looked, and for each sheet what came closest to a header and how to map it.
    const searched = sheets.filter((s) => looked.includes(String(s.name)));
    problems.push({ code: "noTable", message: [messages.detectNoTable(looked), ...diagnoseSheets(searched)].join(" ") });
  } else if (tables.every((t) => t.rows.length === 0)) {
    // Tables found, none with a row: each says what it found, why no row was read, and how to map it.
    for (const table of tables) {
      const sheet = sheets.find((s) => String(s.name) === table.sheet);
      const left = fromA1Range(table.ref)?.left ?? 1;
      problems.push({ code: "noTable", sheet: table.sheet, cell: toA1(table.headerRow, left), message: diagnoseEmptyTable(table, sheet) });
    }
  }
  return { tables, problems };
}
