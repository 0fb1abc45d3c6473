/**
 * One worksheet part read in a single pass of a byte-level scanner (./xml `ByteScanner`) into `SheetData`,
 * with no per-cell object model: each `<c>` becomes the plain `CellData` the pipeline reads, and nothing
 * else is kept. Names, attributes and numbers are read from the inflated bytes; only texts are decoded.
 *
 * The result is the one the ExcelJS path (`sheetData` in ../read) gives, rule for rule, because the
 * command's figures must not move when the reader changes. What ExcelJS 4.4.0 does, and so this does:
 * - a cell's value by its type `t`: `s` the shared string, `str` text (its `&lt;`-style escapes decoded
 *   once more), `inlineStr` the `<is>` text or its runs joined, `b` a boolean (`parseInt(v) !== 0`), `e`
 *   the error (shown the pt-BR way, `#N/D`), anything else `parseFloat(v)`; a number whose style has a
 *   date format becomes a `Date` (`(v − 25569) × 86 400 000` ms, 1904 dates shifted);
 * - a formula (`<f>` with text, or a shared-formula reference) gives its cached result, typed by `t` the
 *   same way (dates too); a formula never calculated reads as empty. Three differences, on purpose: a cached
 *   `0` or `false` reads as that value (ExcelJS drops falsy results, which made a 0% a blank); a cached text,
 *   error or boolean in a date-formatted cell stays what it is (ExcelJS made a date of it); a `t="d"` cell (ISO
 *   8601 text) reads as that date at UTC, as dates are held everywhere (ExcelJS read `parseFloat` of it);
 * - a cell's number format is its own style's; a `<c>` with neither value nor style is not a cell at all;
 * - a row counts only when it holds a cell that is not a bare styled blank (a value, a formula, an empty
 *   string, a merged cell or a hyperlink); in such a row the blanks between its cells take the row's
 *   style's format, else the column's (`<cols>`);
 * - a merged range's cells other than its first read as empty, keeping their formats; cells and rows the
 *   range covers exist even when the XML has none (with the row's or the column's format);
 * - the sheet's block runs from the first to the last cell with a value.
 */
import type { CellValue } from "../../../../core/types";
import { columnLetter } from "../../../../workbook/a1";
import { ERROR_PT } from "../../../../workbook/excelErrors";
import type { CellData, SheetData, TableInfo } from "../../../../workbook/model";
import type { CellStyles } from "./styles";
import { decodeEscapes } from "./strings";
import {
  attrIndex,
  attrs,
  attrValue,
  ByteScanner,
  bytesAre,
  localStart,
  parseXml,
  readAttributes,
  relationshipsOf,
  relIdIndex,
  textOf,
} from "./xml";
import type { ZipArchive } from "./zip";

export interface SheetContext {
  zip: ZipArchive;
  styles: CellStyles;
  sharedStrings: (string | null)[];
  date1904: boolean;
}

interface RowState {
  /** The row's own style's number format (`<row s>`), for blanks created between or under merges. */
  format?: string;
  /** Whether the row holds a cell that counts (see the module comment). */
  counts: boolean;
  /** Cells by column − 1 (sparse). */
  cells: (CellData | undefined)[];
}

const DAY_MS = 24 * 3600 * 1000;

/** How many distinct (value, format) cells one sheet's read memoises (see `sharedCell`). */
const SHARED_CELLS = 50_000;

/** ExcelJS's `xmlDecode`: the five XML escapes, decoded once more. */
function xmlDecode(text: string): string {
  if (text.indexOf("&") < 0) return text;
  return text.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case "&lt;":
        return "<";
      case "&gt;":
        return ">";
      case "&amp;":
        return "&";
      case "&apos;":
        return "'";
      case "&quot;":
        return '"';
      default:
        return c;
    }
  });
}

/** A text as the pipeline reads it: the empty string is no value. */
const textValue = (text: string): CellValue => (text === "" ? null : text);

/** A number that is not finite (`parseFloat("n/d")`) is no value. */
const numberValue = (n: number): CellValue => (Number.isFinite(n) ? n : null);

/** `AB12` → 28 (the column); 0 when the reference has no letters. */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c !== 36) break; // `$`
  }
  return col;
}

/** `AB12` → 12; NaN without digits. */
function rowOf(ref: string): number {
  const m = /\d+/.exec(ref);
  return m ? parseInt(m[0], 10) : NaN;
}

/** `B2:D4` (or a single cell) → its bounds, corners in either order; undefined when unreadable. */
function rangeOf(ref: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const [a, b = a] = ref.replace(/\$/g, "").replace(/^.*!/, "").split(":");
  const [c1, r1, c2, r2] = [columnOf(a), rowOf(a), columnOf(b), rowOf(b)];
  if (!c1 || !c2 || !(r1 >= 1) || !(r2 >= 1)) return undefined;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

/** The column formats of `<cols>`, as ExcelJS spreads them: sorted by `min`, an earlier range winning. */
function columnFormats(cols: { min: number; max: number; format?: string }[]): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  let count = 1;
  for (const col of [...cols].sort((a, b) => a.min - b.min)) {
    while (count < col.min) out[count++] = undefined;
    while (count <= col.max) out[count++] = col.format;
  }
  return out;
}

const name = (s: string) => Buffer.from(s, "latin1");
const SHEET_DATA = name("sheetData");
const COL = name("col");
const MERGE_CELL = name("mergeCell");
const HYPERLINK = name("hyperlink");
const TABLE_PART = name("tablePart");
const ROW = name("row");
const A_R = name("r");
const A_S = name("s");
const A_T = name("t");
const A_REF = name("ref");
const A_MIN = name("min");
const A_MAX = name("max");
const A_STYLE = name("style");

/** A cell's type (`t`), as a code: what is not one of these reads as a number, as ExcelJS reads it. */
const enum Type {
  Number,
  Shared,
  Str,
  Inline,
  Bool,
  Error,
  Date,
}

const TYPES: [Uint8Array, Type][] = [
  [name("s"), Type.Shared],
  [name("str"), Type.Str],
  [name("inlineStr"), Type.Inline],
  [name("b"), Type.Bool],
  [name("e"), Type.Error],
  [name("d"), Type.Date],
];

function typeOf(buf: Buffer, i: number): Type {
  const vs = attrs.valueStart[i];
  const ve = attrs.valueEnd[i];
  for (const [n, type] of TYPES) if (bytesAre(buf, vs, ve, n)) return type;
  for (let p = vs; p < ve; p++) {
    // Written with an entity (`&#115;`): rare, read as text.
    if (buf[p] === 0x26) {
      const t = attrValue(buf, i);
      return TYPES.find(([n]) => Buffer.from(n).toString("latin1") === t)?.[1] ?? Type.Number;
    }
  }
  return Type.Number;
}

/** `parseInt(value, 10)` of attribute `i`, without making a string when it is plain digits. */
function intAt(buf: Buffer, i: number): number {
  const vs = attrs.valueStart[i];
  const ve = attrs.valueEnd[i];
  if (ve > vs && ve - vs <= 9) {
    let n = 0;
    let p = vs;
    for (; p < ve; p++) {
      const d = buf[p] - 0x30;
      if (d < 0 || d > 9) break;
      n = n * 10 + d;
    }
    if (p === ve) return n;
  }
  return parseInt(attrValue(buf, i), 10);
}

/** The column of a cell reference (`AB12` → 28, `$` ignored), read from the attribute's bytes. */
function columnAt(buf: Buffer, i: number): number {
  const vs = attrs.valueStart[i];
  const ve = attrs.valueEnd[i];
  let col = 0;
  for (let p = vs; p < ve; p++) {
    const c = buf[p];
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c === 0x26) return columnOf(attrValue(buf, i));
    else if (c !== 36) break;
  }
  return col;
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * `parseFloat` of the text `buf[start, end)`. Plain decimals of up to 15 digits are worked out from the bytes:
 * an integer below 2^53 divided by an exact power of ten is the correctly rounded double, the one
 * `parseFloat` gives. Anything else (exponents, spaces, entities) goes through `parseFloat`.
 */
function numberAt(buf: Buffer, start: number, end: number): number {
  let p = start;
  const negative = buf[p] === 0x2d;
  if (negative) p++;
  let m = 0;
  let digits = 0;
  let decimals = -1;
  for (; p < end; p++) {
    const c = buf[p];
    if (c === 0x2e && decimals < 0) {
      decimals = 0;
      continue;
    }
    const d = c - 0x30;
    if (d < 0 || d > 9) break;
    m = m * 10 + d;
    digits++;
    if (decimals >= 0) decimals++;
  }
  if (p === end && digits > 0 && digits <= 15) {
    const n = decimals > 0 ? m / POW10[decimals] : m;
    return negative ? -n : n;
  }
  return parseFloat(textOf(buf, start, end));
}

/** `YYYY-MM-DD`, optionally `THH:MM[:SS[.fff]]` and a zone: the text of a `t="d"` cell (ISO 8601). */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * The date of a `t="d"` cell, as the model holds dates: the wall-clock date and time written, at UTC (a
 * zone, when written, is applied). Undefined when the text is not an ISO 8601 date.
 */
export function isoDate(text: string): Date | undefined {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d, h = "0", mi = "0", s = "0", frac = "", zone] = m.slice(1);
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  let t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  const check = new Date(t);
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 24) return undefined;
  if (zone && zone !== "Z") {
    const sign = zone[0] === "-" ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    t -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return new Date(t);
}

/**
 * Reads the worksheet part `part` (see the module comment). With `firstRowOnly`, reading stops at the first
 * row past row 1: what tells the add-in's own sheets apart (their A1) costs a few bytes of each sheet.
 */
export async function readSheet(
  ctx: SheetContext,
  part: string,
  name: string,
  hidden: boolean,
  firstRowOnly = false,
): Promise<SheetData> {
  const { zip, styles, sharedStrings, date1904 } = ctx;
  const formatOf = (s: number) => (s ? styles.numberFormat(s) : undefined);
  const serialTime = (v: number) => Math.round((v - 25569 + (date1904 ? 1462 : 0)) * DAY_MS);
  const toDate = (v: number) => new Date(serialTime(v));
  /** One shared `{ value: null }` cell per format: blanks are many and nothing changes a read cell. */
  const blanks = new Map<string | undefined, CellData>();
  const blankOf = (format: string | undefined): CellData => {
    let cell = blanks.get(format);
    if (!cell)
      blanks.set(format, (cell = format === undefined ? { value: null } : { value: null, numberFormat: format }));
    return cell;
  };

  /**
   * One shared cell per value and format, as for blanks: a long table repeats its indicator, unit, target
   * and month on every row, and a million rows would otherwise hold ten million cell objects (and a
   * `Date` per row). The memo holds at most `SHARED_CELLS` cells; past that (a column of distinct results)
   * a new value gets a cell of its own. -0 is never shared: a memo would give it as 0.
   */
  const sharedByFormat = new Map<string | undefined, Map<string | number | boolean, CellData>>();
  const datesByFormat = new Map<string | undefined, Map<number, CellData>>();
  let memoised = 0;
  const newCell = (value: CellValue, format: string | undefined): CellData =>
    format === undefined ? { value } : { value, numberFormat: format };
  const memoOf = <K>(byFormat: Map<string | undefined, Map<K, CellData>>, format: string | undefined) => {
    let memo = byFormat.get(format);
    if (!memo) byFormat.set(format, (memo = new Map()));
    return memo;
  };
  const remember = <K>(memo: Map<K, CellData>, key: K, cell: CellData): CellData => {
    if (memoised < SHARED_CELLS) {
      memo.set(key, cell);
      memoised++;
    }
    return cell;
  };
  /** The date cell of a time (ms at UTC), its `Date` made only the first time. */
  const sharedDate = (time: number, format: string | undefined): CellData => {
    if (Number.isNaN(time)) return newCell(new Date(time), format);
    const memo = memoOf(datesByFormat, format);
    return memo.get(time) ?? remember(memo, time, newCell(new Date(time), format));
  };
  const sharedCell = (value: CellValue, format: string | undefined): CellData => {
    if (value === null || value === undefined || Object.is(value, -0) || Number.isNaN(value))
      return newCell(value, format);
    if (value instanceof Date) return sharedDate(value.getTime(), format);
    const memo = memoOf(sharedByFormat, format);
    return memo.get(value) ?? remember(memo, value, newCell(value, format));
  };

  const rows: RowState[] = [];
  const cols: { min: number; max: number; format?: string }[] = [];
  const merges: string[] = [];
  const hyperlinks: { ref: string; id: string }[] = [];
  const tableIds: string[] = [];
  /** `<c>` elements with neither value nor style (no cell, unless a hyperlink makes one): row × 16384 + col. */
  const bare: number[] = [];

  // The row and cell being read.
  let row: RowState | undefined;
  let rowNumber = 0;
  let col = 0;
  let type = Type.Number;
  let style = 0;
  let formula = false;
  /** The value's text: its first piece as a span of `valueBuf` (decoded only when needed), or a string. */
  let valueBuf: Buffer | undefined;
  let valueStart = 0;
  let valueEnd = 0;
  let valueText: string | undefined;
  let runs: string[] | undefined;
  let runText: string | undefined;
  /** What text goes to: the value (`<v>`, `<t>`), the formula, a rich-text run's `<t>`, or nothing. */
  let into: 0 | "v" | "f" | "r" = 0;
  let inRun = false;
  let inCell = false;
  let depth = 0;
  let sheetDataDepth = -1;
  /** Set when `firstRowOnly` has what it needs: the rest of the part is neither reported nor read. */
  let done = false;

  const hasValue = () => valueBuf !== undefined;
  const text = (): string =>
    valueText ?? (valueBuf === undefined ? "" : (valueText = textOf(valueBuf, valueStart, valueEnd)));
  const number = (): number =>
    valueText === undefined && valueBuf !== undefined ? numberAt(valueBuf, valueStart, valueEnd) : parseFloat(text());
  const integer = (): number => {
    if (valueText === undefined && valueBuf !== undefined && valueEnd - valueStart <= 9) {
      let n = 0;
      let p = valueStart;
      for (; p < valueEnd; p++) {
        const d = valueBuf[p] - 0x30;
        if (d < 0 || d > 9) break;
        n = n * 10 + d;
      }
      if (p === valueEnd && p > valueStart) return n;
    }
    return parseInt(text(), 10);
  };

  const closeCell = () => {
    const date = style ? styles.isDate(style) : false;
    let cell: CellValue;
    if (formula) {
      let result: unknown;
      if (hasValue() && text() !== "") {
        if (type === Type.Str) result = xmlDecode(text());
        else if (type === Type.Bool) result = parseInt(text(), 10) !== 0;
        else if (type === Type.Error) result = { error: text() };
        else if (type === Type.Date) result = isoDate(text()) ?? text();
        else result = number();
      }
      // Only a number is a serial date: a text, an error or a boolean cached in a date-formatted cell stays as it is.
      if (typeof result === "number" && date) result = toDate(result);
      // A cached 0 or FALSE is a result like any other (`=D5/E5` giving 0%). ExcelJS dropped falsy results, so
      // the old reader took such a cell for a blank ("Sem dado"); here only a missing or empty result is empty.
      if (result === undefined || result === "" || (typeof result === "number" && Number.isNaN(result))) cell = null;
      else if (typeof result === "string") cell = textValue(result);
      else if (typeof result === "number") cell = numberValue(result);
      else if (typeof result === "boolean" || result instanceof Date) cell = result;
      else {
        const error = (result as { error: string }).error;
        cell = ERROR_PT[error] ?? error;
      }
    } else if (hasValue() || runs !== undefined) {
      switch (type) {
        case Type.Shared:
          cell = sharedStrings[integer()] ?? null;
          break;
        case Type.Str:
          cell = textValue(xmlDecode(text()));
          break;
        case Type.Inline:
          cell = textValue(runs !== undefined ? runs.join("") : text());
          break;
        case Type.Bool:
          cell = parseInt(text(), 10) !== 0;
          break;
        case Type.Error:
          cell = hasValue() ? (ERROR_PT[text()] ?? text()) || null : null;
          break;
        case Type.Date:
          // An ISO 8601 date (what `t="d"` holds); a text that is not one is kept as text.
          cell = isoDate(text()) ?? textValue(text());
          break;
        default: {
          const n = number();
          // A date cell is shared by its time before any Date is made: a long table's month column is a dozen dates.
          if (date && row) {
            row.cells[col - 1] = sharedDate(serialTime(n), formatOf(style));
            row.counts = true;
            return;
          }
          cell = date ? toDate(n) : numberValue(n);
        }
      }
    } else if (style) {
      // A styled blank: a cell, but one that does not make its row count.
      if (row) row.cells[col - 1] = blankOf(formatOf(style));
      return;
    } else {
      bare.push(rowNumber * 16384 + col);
      return;
    }
    const format = formatOf(style);
    if (row) {
      row.cells[col - 1] = cell === null ? blankOf(format) : sharedCell(cell, format);
      row.counts = true;
    }
  };

  const scanner = new ByteScanner({
    open(buf, ns, ne, from, to) {
      if (done) return;
      depth++;
      const ls = localStart(buf, ns, ne);
      const len = ne - ls;
      const first = buf[ls];
      if (sheetDataDepth < 0) {
        if (bytesAre(buf, ls, ne, SHEET_DATA)) sheetDataDepth = depth;
        else if (bytesAre(buf, ls, ne, COL)) {
          readAttributes(buf, from, to);
          const s = attrIndex(buf, A_STYLE);
          const min = attrIndex(buf, A_MIN);
          const max = attrIndex(buf, A_MAX);
          const styleText = s >= 0 ? attrValue(buf, s) : "";
          cols.push({
            min: parseInt((min >= 0 ? attrValue(buf, min) : "") || "0", 10),
            max: parseInt((max >= 0 ? attrValue(buf, max) : "") || "0", 10),
            format: formatOf(styleText ? parseInt(styleText, 10) : 0),
          });
        } else if (bytesAre(buf, ls, ne, MERGE_CELL)) {
          readAttributes(buf, from, to);
          const ref = attrIndex(buf, A_REF);
          if (ref >= 0) merges.push(attrValue(buf, ref));
        } else if (bytesAre(buf, ls, ne, HYPERLINK)) {
          readAttributes(buf, from, to);
          const id = relIdIndex(buf);
          const ref = attrIndex(buf, A_REF);
          const idText = id >= 0 ? attrValue(buf, id) : "";
          if (idText && ref >= 0) hyperlinks.push({ ref: attrValue(buf, ref), id: idText });
        } else if (bytesAre(buf, ls, ne, TABLE_PART)) {
          readAttributes(buf, from, to);
          const id = relIdIndex(buf);
          const idText = id >= 0 ? attrValue(buf, id) : "";
          if (idText) tableIds.push(idText);
        }
        return;
      }
      if (inCell) {
        if (len !== 1) return;
        if (inRun) {
          if (first === 0x74 /* t */) into = "r";
        } else if (first === 0x76 /* v */ || first === 0x74 /* t */) into = "v";
        else if (first === 0x66 /* f */) {
          into = "f";
          readAttributes(buf, from, to);
          const t = attrIndex(buf, A_T);
          if (t >= 0 && attrs.valueEnd[t] > attrs.valueStart[t]) formula = true;
        } else if (first === 0x72 /* r */) {
          inRun = true;
          runText = undefined;
        }
        return;
      }
      if (len === 1 && first === 0x63 /* c */) {
        inCell = true;
        readAttributes(buf, from, to);
        const r = attrIndex(buf, A_R);
        col = r >= 0 ? columnAt(buf, r) : col + 1;
        const t = attrIndex(buf, A_T);
        type = t >= 0 ? typeOf(buf, t) : Type.Number;
        const s = attrIndex(buf, A_S);
        style = s >= 0 && attrs.valueEnd[s] > attrs.valueStart[s] ? intAt(buf, s) || 0 : 0;
        formula = false;
        valueBuf = undefined;
        valueText = undefined;
        runs = undefined;
        into = 0;
      } else if (bytesAre(buf, ls, ne, ROW)) {
        readAttributes(buf, from, to);
        const r = attrIndex(buf, A_R);
        rowNumber = r >= 0 ? intAt(buf, r) : rowNumber + 1;
        if (firstRowOnly && !(rowNumber <= 1)) {
          done = true;
          return;
        }
        const s = attrIndex(buf, A_S);
        const format = formatOf(s >= 0 && attrs.valueEnd[s] > attrs.valueStart[s] ? intAt(buf, s) : 0);
        row = rows[rowNumber] ??= { counts: false, cells: [] };
        if (format !== undefined) row.format = format;
        col = 0;
      }
    },
    text(buf, start, end) {
      if (done) return;
      if (into === "v") {
        if (valueBuf === undefined) {
          valueBuf = buf;
          valueStart = start;
          valueEnd = end;
        } else valueText = text() + textOf(buf, start, end);
      } else if (into === "f") formula = true;
      else if (into === "r")
        runText = runText === undefined ? textOf(buf, start, end) : runText + textOf(buf, start, end);
    },
    close(buf, ns, ne) {
      if (done) return;
      if (depth === sheetDataDepth) {
        sheetDataDepth = -1;
        done = firstRowOnly;
      }
      depth--;
      if (!inCell) return;
      const ls = localStart(buf, ns, ne);
      if (ne - ls !== 1) return;
      const local = buf[ls];
      if (local === 0x63 /* c */ && !inRun) {
        closeCell();
        inCell = false;
        into = 0;
      } else if (inRun) {
        if (local === 0x74 /* t */) into = 0;
        else if (local === 0x72 /* r */) {
          (runs ??= []).push(decodeEscapes(runText ?? ""));
          inRun = false;
        }
      } else if (local === 0x76 || local === 0x74 || local === 0x66) into = 0;
    },
  });
  const chunks = zip.chunks(part);
  if (!chunks) throw new Error(`no worksheet part ${part}`);
  for await (const chunk of chunks) {
    scanner.write(chunk);
    if (done) break;
  }
  if (!done) scanner.end();

  const rels = hyperlinks.length > 0 || tableIds.length > 0 ? relationshipsOf(zip, part) : [];
  const relById = new Map(rels.map((r) => [r.id, r]));
  const colFormats = columnFormats(cols);
  const blankFormat = (state: RowState | undefined, c: number) => state?.format ?? colFormats[c];

  // Hyperlinks make a cell count, and make a cell of a bare `<c>`.
  if (hyperlinks.length > 0) {
    const bareSet = new Set(bare);
    for (const link of hyperlinks) {
      // ExcelJS matches a hyperlink to the cell whose address is its `ref`: a range matches no cell.
      if (!relById.has(link.id) || link.ref.includes(":")) continue;
      const c = columnOf(link.ref);
      const r = rowOf(link.ref);
      const state = rows[r];
      if (!state || !c) continue;
      if (state.cells[c - 1]) state.counts = true;
      else if (bareSet.has(r * 16384 + c)) {
        state.cells[c - 1] = blankOf(undefined);
        state.counts = true;
      }
    }
  }

  // Merged ranges: every cell exists; all but the first are empty (and make their row count).
  const mergeRanges: string[] = [];
  for (const ref of merges) {
    const range = rangeOf(ref);
    if (!range) continue;
    mergeRanges.push(`${columnLetter(range.left)}${range.top}:${columnLetter(range.right)}${range.bottom}`);
    for (let r = range.top; r <= range.bottom; r++) {
      const state = (rows[r] ??= { counts: false, cells: [] });
      for (let c = range.left; c <= range.right; c++) {
        const existing = state.cells[c - 1];
        const format = existing ? existing.numberFormat : blankFormat(state, c);
        if (r === range.top && c === range.left) {
          if (!existing) state.cells[c - 1] = blankOf(format);
          continue;
        }
        state.cells[c - 1] = blankOf(format);
        state.counts = true;
      }
    }
  }

  // The block from the first to the last cell with a value.
  let minRow = Infinity;
  let minCol = Infinity;
  let maxRow = 0;
  let maxCol = 0;
  rows.forEach((state, r) => {
    if (!state.counts) return;
    const cells = state.cells;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (cell === undefined || cell.value === null) continue;
      if (r < minRow) minRow = r;
      if (r > maxRow) maxRow = r;
      if (i + 1 < minCol) minCol = i + 1;
      if (i + 1 > maxCol) maxCol = i + 1;
    }
  });
  const base = {
    name,
    tables: tablesOf(zip, tableIds, relById),
    merges: mergeRanges,
    ...(hidden ? { hidden: true } : {}),
  };
  if (maxRow === 0) return { ...base, origin: { row: 1, col: 1 }, rows: [] };

  const out: CellData[][] = [];
  /** The row's cell at column `c` as the block holds it: undefined for an empty cell with no format. */
  const entry = (state: RowState, c: number): CellData | undefined => {
    const cell = state.cells[c - 1];
    if (cell) return cell.value === null && cell.numberFormat === undefined ? undefined : cell;
    const format = blankFormat(state, c);
    return format === undefined ? undefined : blankOf(format);
  };
  for (let r = minRow; r <= maxRow; r++) {
    const state = rows[r];
    if (!state?.counts) {
      out.push([]);
      continue;
    }
    const cells = state.cells;
    let last = 0;
    for (let c = Math.min(maxCol, cells.length); c >= minCol; c--) {
      if (entry(state, c)) {
        last = c;
        break;
      }
    }
    if (minCol === 1) {
      // The row's own array becomes the line (no second array per row while both would be held).
      for (let c = 1; c <= last; c++) cells[c - 1] = entry(state, c) ?? blankOf(undefined);
      cells.length = last;
      out.push(cells as CellData[]);
    } else {
      const line: CellData[] = [];
      for (let c = minCol; c <= last; c++) line.push(entry(state, c) ?? blankOf(undefined));
      out.push(line);
    }
  }
  return { ...base, origin: { row: minRow, col: minCol }, rows: out };
}

/** The sheet's tables (`<tablePart>` → its part's `name` and `ref`), one per name as ExcelJS keeps them. */
function tablesOf(
  zip: ZipArchive,
  ids: string[],
  relById: Map<string, { target: string; external: boolean }>,
): TableInfo[] {
  const byName = new Map<string, TableInfo | undefined>();
  for (const id of ids) {
    const rel = relById.get(id);
    if (!rel || rel.external) continue;
    const xml = zip.bytes(rel.target);
    if (xml === undefined) continue;
    let found: { name?: string; displayName?: string; ref?: string } | undefined;
    parseXml(xml, {
      open: (local, a) => {
        if (!found && local === "table") found = { name: a.name, displayName: a.displayName || a.name, ref: a.ref };
      },
    });
    if (!found) continue;
    const name = found.name ?? found.displayName;
    byName.set(String(found.name), name && found.ref ? { name, ref: found.ref } : undefined);
  }
  return [...byName.values()].filter((t): t is TableInfo => t !== undefined);
}
