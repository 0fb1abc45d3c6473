/**
 * The same table on several sheets, one per period (`Jan`, `Fevereiro 2025`, `1º Trimestre`, `2025-T1`):
 * gathered into one `sheetPerPeriod` table whose rows carry their sheet's period.
 *
 * Rules: a long table without a period column, on a sheet whose name reads as a period, joins the other
 * such tables with the same mapped fields (the first of each sheet). A group needs two sheets or more,
 * or one sheet named by a period shorter than a year (a lone sheet `2025` is taken for a contract year,
 * not a period). A name without a year (`Jan`, `1º Trimestre`) takes the default year, else a year in
 * the table's title, else the year of another sheet of the group (`Jan 2025`, `Fev`); failing all, the
 * sheet's rows are left out with a problem. Names read in tab order move to the next year when they go
 * back in time (`Out`, `Nov`, `Dez`, `Jan`, `Fev` with 2024: Jan and Fev are 2025). Target, natureza, peso
 * and área missing on a later sheet are taken from the same indicator on an earlier sheet (tables that
 * write the target only on the first month); the carried cell keeps its own address and names its own
 * sheet, so a problem with it points there.
 */
import { indicatorKey, type CellInput, type LocatedProblem, type RowInput } from "../../core/evaluate";
import { detectionMessages } from "../messages";
import { compare, formatPeriodPtBR } from "../../core/periods";
import type { Period } from "../../core/types";
import type { DetectedTable } from "../model";
import { isEmptyValue } from "./grid";
import { findYear, readPeriodSequence, readPeriodText } from "./periodCells";
import type { SheetTable } from "./table";
import { pushAll } from "../../core/arrays";

interface Member {
  table: SheetTable;
  period?: Period;
}

function shapeKey(table: SheetTable): string {
  return [...table.header.fields.keys()].sort().join("|");
}

function hasValue(cell: CellInput | undefined): cell is CellInput {
  return cell !== undefined && !isEmptyValue(cell.value);
}

/** The year another member's sheet name gives, for names without one. */
function yearFromOthers(members: Member[]): number | undefined {
  for (const m of members) {
    if (m.period?.year !== undefined) return m.period.year;
    const year = findYear(m.table.grid.name);
    if (year !== undefined) return year;
  }
  return undefined;
}

/** A cell taken to another sheet's row: it says which sheet it is on. */
function carried(cell: CellInput, sheet: string | undefined): CellInput {
  if (cell.sheet !== undefined || sheet === undefined) return cell;
  // Key by key: a grid's cell keeps its address on its prototype, which a spread or Object.assign would drop.
  const copy: CellInput = { value: cell.value };
  if (cell.numberFormat !== undefined) copy.numberFormat = cell.numberFormat;
  if (cell.address !== undefined) copy.address = cell.address;
  copy.sheet = sheet;
  return copy;
}

/** Copies target, kind, weight and area from the same indicator on earlier sheets where a row lacks them. */
function carryForward(rows: RowInput[]): void {
  const known = new Map<string, Pick<RowInput, "target" | "kind" | "weight" | "area" | "sheet">>();
  for (const row of rows) {
    const key = indicatorKey(row);
    const before = known.get(key);
    if (before) {
      if (!hasValue(row.target) && before.target && hasValue(before.target))
        row.target = carried(before.target, before.sheet);
      if (!hasValue(row.kind) && hasValue(before.kind)) row.kind = carried(before.kind, before.sheet);
      if (!hasValue(row.weight) && hasValue(before.weight)) row.weight = carried(before.weight, before.sheet);
      if (!row.area && before.area) row.area = before.area;
    }
    known.set(key, { target: row.target, kind: row.kind, weight: row.weight, area: row.area, sheet: row.sheet });
  }
}

/** The distinct periods of rows, in time order. */
export function distinctPeriods(rows: RowInput[]): Period[] {
  const found = new Map<string, Period>();
  for (const row of rows) if (row.period) found.set(`${row.period.start}|${row.period.end}`, row.period);
  return [...found.values()].sort(compare);
}

/**
 * Gathers period sheets (see the module's note). Returns the groups, each keyed by its first member, and
 * the set of tables that went into a group.
 */
export function groupPeriodSheets(
  tables: SheetTable[],
  defaultYear: number | undefined,
): { groups: Map<SheetTable, DetectedTable>; members: Set<SheetTable> } {
  const byShape = new Map<string, Member[]>();
  for (const table of tables) {
    if (table.layout !== "long" || table.header.fields.has("period")) continue;
    const reading = readPeriodText(table.grid.name, defaultYear ?? table.titleYear);
    if (reading.kind !== "period" && reading.kind !== "needsYear") continue;
    const key = shapeKey(table);
    const list = byShape.get(key) ?? [];
    if (list.some((m) => m.table.grid.name === table.grid.name)) continue;
    list.push({ table, period: reading.kind === "period" ? reading.period : undefined });
    byShape.set(key, list);
  }
  const groups = new Map<SheetTable, DetectedTable>();
  const members = new Set<SheetTable>();
  for (const list of byShape.values()) {
    // The year names without one take: the default, else the first title's, else another name's.
    const year =
      defaultYear ?? list.find((m) => m.table.titleYear !== undefined)?.table.titleYear ?? yearFromOthers(list);
    const readings = readPeriodSequence(list, (m, y) => readPeriodText(m.table.grid.name, y), year);
    list.forEach((m, i) => {
      const reading = readings[i];
      if (reading.kind === "period") m.period = reading.period;
    });
    const lone = list.length === 1 ? list[0].period : undefined;
    if (list.length < 2 && (!lone || lone.kind === "year")) continue;
    const first = list[0].table;
    const problems: LocatedProblem[] = [];
    const reasons = [...first.reasons];
    const rows: RowInput[] = [];
    for (const m of list) {
      members.add(m.table);
      if (m.table !== first) pushAll(problems, m.table.problems);
      else pushAll(problems, first.problems);
      if (!m.period) {
        problems.push({
          code: "invalidPeriod",
          sheet: m.table.grid.name,
          message: detectionMessages.detectSheetNoYear(m.table.grid.name),
        });
        continue;
      }
      reasons.push(detectionMessages.detectSheetPeriod(m.table.grid.name, formatPeriodPtBR(m.period)));
      for (const row of m.table.rows) {
        const dated: RowInput = Object.assign({}, row);
        dated.period = m.period;
        rows.push(dated);
      }
    }
    carryForward(rows);
    const confidence = Math.round((list.reduce((sum, m) => sum + m.table.confidence, 0) / list.length) * 100) / 100;
    groups.set(first, {
      sheet: first.grid.name,
      sheets: list.map((m) => m.table.grid.name),
      name: first.name,
      ref: first.ref,
      headerRow: first.header.row,
      frames: list.map((m) => ({ sheet: m.table.grid.name, ref: m.table.ref, headerRow: m.table.header.row })),
      layout: "sheetPerPeriod",
      columns: first.columns,
      confidence,
      reasons,
      unmapped: first.unmapped,
      title: first.title,
      rows,
      periods: distinctPeriods(rows),
      problems,
    });
  }
  return { groups, members };
}
