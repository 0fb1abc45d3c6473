/**
 * A sheet's cells by absolute 1-based row and column, with what detection asks of them: empty or not, as
 * text, read through vertical merges, rows that are blank or footers. Never throws on any `SheetData`.
 */
import type { CellInput } from "../../core/evaluate";
import type { CellValue } from "../../core/types";
import { normalizeText, TextMemo } from "../../core/parse";
import { fromA1Range, toA1, type CellRange } from "../a1";
import type { CellData, SheetData } from "../model";

/**
 * A cell as the core takes it (`CellInput`), made for each cell a table's rows read: its address is worked
 * out when asked (a message, a live formula) rather than kept. At 100k rows the four address strings of
 * each row were four of every ten objects detection kept, and the garbage collector copies each one it
 * keeps: detection took a sixth less time without them. A copy made by spreading would lose the address
 * (it lives on the prototype): a cell is copied key by key (see `carried` in ./sheetPeriods).
 */
export class GridInput implements CellInput {
  constructor(
    public value: CellValue,
    public numberFormat: string | undefined,
    private readonly row: number,
    private readonly col: number,
  ) {}

  get address(): string {
    return toA1(this.row, this.col);
  }
}

/** Whether a cell holds nothing: no value, or only spaces. */
export function isEmptyValue(value: CellValue): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();
/** Texts already made one line: names, codes and areas repeat on every row of a table. */
const oneLineTexts = new TextMemo(oneLine);

/** A cell's value as one line of text: spaces and line breaks collapsed, dates as ISO days. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  return typeof value === "string" ? oneLineTexts.get(value) : oneLine(String(value));
}

/** Whether an Excel number format shows a date (`mmm/yy`, `dd/mm/yyyy`, `[$-416]mmm-yy;@`). */
export function isDateFormat(numberFormat: string | undefined): boolean {
  if (!numberFormat) return false;
  const bare = numberFormat
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\\./g, "");
  return /[dmy]/i.test(bare);
}

/**
 * The first cell of a footer row (table end): a source note (`Fonte:`), the panel's `Dado gerado em:`,
 * `Elaborado por`, a signature (`Assinatura`, a line of underscores), a remark (`Observação:`, `Obs.:`,
 * `Nota:`), `Local e data`, or a footnote (`* …`, `(*) …`).
 */
const FOOTER_START = [
  /^fonte\b/,
  /^dados? gerados? em\b/,
  /^elaborad[oa] por\b/,
  /^elaboracao\b/,
  /^assinatura\b/,
  /^assinado\b/,
  /^(observacao|observacoes|obs|nota|notas)\s*\.?\s*:/,
  /^local e data\b/,
  /^_{3,}/,
  /^\(?\*\)?\s/,
];

/** Footer answers by text: every row's first cell is asked, and it is usually one of a few codes or names. */
const footerTexts = new TextMemo((text: string) => {
  const t = normalizeText(text);
  return FOOTER_START.some((re) => re.test(t));
});

/** Whether a text opens a footer row. */
export function isFooterText(text: string): boolean {
  return footerTexts.get(text);
}

/**
 * Unit marks written alone under a header (`R$`, `un.`), normalized, dots off. Not `Nº`: that is the
 * header of the indicators' numbers (`(nº)` in brackets is a mark).
 */
const UNIT_MARKS = new Set(["r$", "un", "und", "unid", "qtd", "qtde"]);

/**
 * Whether a cell only decorates a header: a text with no letter or digit (`—`, `---`, `***`, `%`,
 * `(%)`), a short mark in brackets (`(nº)`, `(R$)`, `[un]`), or a unit mark alone (`R$`, `un.`). A row of
 * them between a header and its data (a rule, a units row) holds no data.
 */
export function isDecorativeValue(value: CellValue): boolean {
  if (typeof value !== "string") return false;
  const text = value.trim();
  if (text === "") return false;
  if (!/[\p{L}\p{N}]/u.test(text)) return true;
  if (/^[([][^()[\]]{1,15}[)\]]$/.test(text)) return true;
  return UNIT_MARKS.has(normalizeText(text).replace(/\./g, ""));
}

/** A cell with where it is. */
export interface GridCell extends CellData {
  row: number;
  col: number;
  address: string;
}

function positive(n: number | undefined): number {
  return typeof n === "number" && Number.isInteger(n) && n >= 1 ? n : 1;
}

export class Grid {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  /** Last row and column holding anything (at least `top`/`left`). */
  readonly bottom: number;
  readonly right: number;
  private readonly rows: CellData[][];
  /** Merged ranges by their first column (for reading down a vertical merge). */
  private readonly mergesByLeft = new Map<number, CellRange[]>();
  /** Merged ranges spanning several columns, by their top-left cell `row,col`. */
  private readonly wideMerges = new Set<string>();
  /** The same ranges, for asking whether a cell lies inside one. */
  private readonly wideRanges: CellRange[] = [];
  /** Cells not to be seen (Excel tables already read, when looking for plain ranges). */
  private readonly masks: CellRange[] = [];

  constructor(sheet: SheetData) {
    this.name = typeof sheet.name === "string" ? sheet.name : String(sheet.name);
    this.top = positive(sheet.origin?.row);
    this.left = positive(sheet.origin?.col);
    this.rows = Array.isArray(sheet.rows) ? sheet.rows : [];
    let width = 0;
    for (let i = 0; i < this.rows.length; i++) {
      const row = this.rows[i];
      if (Array.isArray(row) && row.length > width) width = row.length;
    }
    this.bottom = this.top + Math.max(this.rows.length, 1) - 1;
    this.right = this.left + Math.max(width, 1) - 1;
    for (const ref of Array.isArray(sheet.merges) ? sheet.merges : []) {
      const range = fromA1Range(ref);
      if (!range) continue;
      const list = this.mergesByLeft.get(range.left) ?? [];
      list.push(range);
      this.mergesByLeft.set(range.left, list);
      if (range.right > range.left) {
        this.wideMerges.add(`${range.top},${range.left}`);
        this.wideRanges.push(range);
      }
    }
  }

  /** Hides a rectangle from every later read. */
  mask(range: CellRange): void {
    this.masks.push(range);
  }

  // The cell readers below run several times per cell of a million-row table: loops, not closures, so
  // that no function object is made per read.
  private masked(row: number, col: number): boolean {
    const masks = this.masks;
    for (let i = 0; i < masks.length; i++) {
      const m = masks[i];
      if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return true;
    }
    return false;
  }

  /** The cell as stored (no merge reading); undefined outside the used range or when masked. */
  cell(row: number, col: number): CellData | undefined {
    const line = this.rows[row - this.top];
    if (!Array.isArray(line)) return undefined;
    const data = line[col - this.left];
    if (data === null || typeof data !== "object" || this.masked(row, col)) return undefined;
    return data;
  }

  value(row: number, col: number): CellValue {
    return this.cell(row, col)?.value;
  }

  isEmpty(row: number, col: number): boolean {
    return isEmptyValue(this.value(row, col));
  }

  text(row: number, col: number): string {
    return cellText(this.value(row, col));
  }

  /**
   * The cell read through a vertical merge: a cell in the first column of a merged range spanning several
   * rows shows the value (and address) of the range's top-left cell, as Excel displays it. Cells of other
   * columns of a merge are read as they are (a title merged across the table stays in its first cell).
   */
  resolved(row: number, col: number): GridCell {
    const at = { row: this.resolvedRow(row, col), col };
    const data = this.cell(at.row, at.col);
    return {
      value: data?.value ?? null,
      numberFormat: data?.numberFormat,
      row: at.row,
      col: at.col,
      address: toA1(at.row, at.col),
    };
  }

  /**
   * `resolved(row, col)` as the core takes a cell: value, number format and address (worked out when asked,
   * see `GridInput`). Built directly, without the grid cell in between: a table's rows read several cells each.
   */
  resolvedInput(row: number, col: number): CellInput {
    const at = this.resolvedRow(row, col);
    const data = this.cell(at, col);
    return new GridInput(data?.value ?? null, data?.numberFormat, at, col);
  }

  /** The value of `resolved(row, col)` alone: texts are read on every row, and need no address. */
  resolvedValue(row: number, col: number): CellValue {
    return this.cell(this.resolvedRow(row, col), col)?.value ?? null;
  }

  /** The row whose cell shows at (row, col): the top of a vertical merge covering it, else `row`. */
  private resolvedRow(row: number, col: number): number {
    const merges = this.mergesByLeft.get(col);
    if (merges === undefined) return row;
    for (let i = 0; i < merges.length; i++) {
      const m = merges[i];
      if (m.bottom > m.top && row > m.top && row <= m.bottom) return m.top;
    }
    return row;
  }

  /** Whether a merged range spanning several columns starts at this cell. */
  startsWideMerge(row: number, col: number): boolean {
    return this.wideMerges.has(`${row},${col}`);
  }

  /** Whether a merged range spanning several columns covers this cell (its first cell included). */
  inWideMerge(row: number, col: number): boolean {
    return this.wideRanges.some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  }

  /** The merged range spanning several columns that covers this cell, if any. */
  wideMergeAt(row: number, col: number): CellRange | undefined {
    return this.wideRanges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  }

  /**
   * Whether the row from `left` to `right` holds something, and only decoration (see
   * {@link isDecorativeValue}): a rule of dashes, a units row.
   */
  isDecorativeRow(row: number, left = this.left, right = this.right): boolean {
    let any = false;
    for (let c = Math.max(left, this.left); c <= Math.min(right, this.right); c += 1) {
      const value = this.value(row, c);
      if (isEmptyValue(value)) continue;
      if (!isDecorativeValue(value)) return false;
      any = true;
    }
    return any;
  }

  /** Whether every cell of the row from `left` to `right` is empty. */
  isBlank(row: number, left = this.left, right = this.right): boolean {
    for (let c = Math.max(left, this.left); c <= Math.min(right, this.right); c += 1)
      if (!this.isEmpty(row, c)) return false;
    return true;
  }

  /** The column of the first non-empty cell of a row from `left` to `right`, or undefined. */
  private firstFilled(row: number, left: number, right: number): number | undefined {
    for (let c = Math.max(left, this.left); c <= Math.min(right, this.right); c += 1)
      if (!this.isEmpty(row, c)) return c;
    return undefined;
  }

  /** The first non-empty cell of a row from `left` to `right`, as text. */
  firstText(row: number, left = this.left, right = this.right): { col: number; text: string } | undefined {
    const col = this.firstFilled(row, left, right);
    return col === undefined ? undefined : { col, text: this.text(row, col) };
  }

  /**
   * Whether a row is a footer: its first non-empty cell from `left` to `right` opens a source note,
   * signature… (`left` is the sheet's first column, unless a table beside another starts further right).
   * Asked of every row of a table: the column alone is looked for, no object is made.
   */
  isFooter(row: number, right = this.right, left = this.left): boolean {
    const col = this.firstFilled(row, left, right);
    return col !== undefined && isFooterText(this.text(row, col));
  }
}
