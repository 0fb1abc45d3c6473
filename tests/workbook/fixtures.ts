/** Workbooks built in memory for the workbook tests. */
import type { CellValue } from "../../src/core/types";
import type { CellData, SheetData, TableInfo, WorkbookData } from "../../src/workbook/model";

/** A cell with a number format, for `sheet` rows. */
export function fmt(value: CellValue, numberFormat: string): CellData {
  return { value, numberFormat };
}

type Cell = CellValue | CellData;

function toCell(cell: Cell): CellData {
  if (cell !== null && typeof cell === "object" && !(cell instanceof Date) && "value" in cell) return cell;
  return { value: cell as CellValue };
}

export interface SheetOptions {
  origin?: { row: number; col: number };
  tables?: TableInfo[];
  merges?: string[];
  hidden?: boolean;
}

/** A sheet whose `rows[0][0]` is A1 (or `origin`); plain values or `fmt(...)` cells. */
export function sheet(name: string, rows: Cell[][], options: SheetOptions = {}): SheetData {
  return {
    name,
    origin: options.origin ?? { row: 1, col: 1 },
    rows: rows.map((r) => r.map(toCell)),
    tables: options.tables ?? [],
    merges: options.merges ?? [],
    ...(options.hidden ? { hidden: true } : {}),
  };
}

export function workbook(...sheets: SheetData[]): WorkbookData {
  return { sheets };
}

/** `n` empty rows. */
export function blank(n: number): Cell[][] {
  return Array.from({ length: n }, () => []);
}
