/**
 * One worksheet part read in a single SAX pass (saxes) into `SheetData`, with no per-cell object model:
 * each `<c>` becomes the plain `CellData` the pipeline reads, and nothing else is kept.
 *
 * The result is the one the ExcelJS path (`sheetData` in ../read) gives, rule for rule, because the
 * command's figures must not move when the reader changes. What ExcelJS 4.4.0 does, and so this does:
 * - a cell's value by its type `t`: `s` the shared string, `str` text (its `&lt;`-style escapes decoded
 *   once more), `inlineStr` the `<is>` text or its runs joined, `b` a boolean (`parseInt(v) !== 0`), `e`
 *   the error (shown the pt-BR way, `#N/D`), anything else `parseFloat(v)`; a number whose style has a
 *   date format becomes a `Date` (`(v − 25569) × 86 400 000` ms, 1904 dates shifted);
 * - a formula (`<f>` with text, or a shared-formula reference) gives its cached result, typed by `t` the
 *   same way (dates too); a formula never calculated reads as empty. One difference, on purpose: a cached
 *   `0` or `false` reads as that value (ExcelJS drops falsy results, which made a 0% a blank);
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
import { attributeByLocal, parseXml, relationshipsOf, saxParser } from "./xml";
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

/** Reads the worksheet part `part` (see the module comment). */
export async function readSheet(ctx: SheetContext, part: string, name: string, hidden: boolean): Promise<SheetData> {
  const { zip, styles, sharedStrings, date1904 } = ctx;
  const formatOf = (s: number) => (s ? styles.numberFormat(s) : undefined);
  const toDate = (v: unknown) => new Date(Math.round((Number(v) - 25569 + (date1904 ? 1462 : 0)) * DAY_MS));

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
  let type: string | undefined;
  let style = 0;
  let formula = false;
  let value: string | undefined;
  let runs: string[] | undefined;
  let runText: string | undefined;
  /** What text goes to: `v` (value), `f` (formula), `r` (a rich-text run's `<t>`), or nothing. */
  let into: "v" | "f" | "r" | undefined;
  let inRun = false;
  let inCell = false;
  let depth = 0;
  let sheetDataDepth = -1;

  const closeCell = () => {
    const date = style ? styles.isDate(style) : false;
    let cell: CellValue;
    if (formula) {
      let result: unknown;
      if (value) {
        if (type === "str") result = xmlDecode(value);
        else if (type === "b") result = parseInt(value, 10) !== 0;
        else if (type === "e") result = { error: value };
        else result = parseFloat(value);
      }
      if (result !== undefined && date) result = toDate(result);
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
    } else if (value !== undefined || runs !== undefined) {
      switch (type) {
        case "s":
          cell = sharedStrings[parseInt(value ?? "", 10)] ?? null;
          break;
        case "str":
          cell = textValue(xmlDecode(value ?? ""));
          break;
        case "inlineStr":
          cell = textValue(runs !== undefined ? runs.join("") : (value ?? ""));
          break;
        case "b":
          cell = parseInt(value ?? "", 10) !== 0;
          break;
        case "e":
          cell = value === undefined ? null : (ERROR_PT[value] ?? value) || null;
          break;
        default: {
          const n = parseFloat(value ?? "");
          cell = date ? toDate(n) : numberValue(n);
        }
      }
    } else if (style) {
      // A styled blank: a cell, but one that does not make its row count.
      const format = formatOf(style);
      if (row) row.cells[col - 1] = format === undefined ? { value: null } : { value: null, numberFormat: format };
      return;
    } else {
      bare.push(rowNumber * 16384 + col);
      return;
    }
    const format = formatOf(style);
    if (row) {
      row.cells[col - 1] = format === undefined ? { value: cell } : { value: cell, numberFormat: format };
      row.counts = true;
    }
  };

  const parser = saxParser({
    open: (local, a) => {
      depth++;
      if (sheetDataDepth < 0) {
        if (local === "sheetData") sheetDataDepth = depth;
        else if (local === "col") {
          const s = a.style ? parseInt(a.style, 10) : 0;
          cols.push({ min: parseInt(a.min || "0", 10), max: parseInt(a.max || "0", 10), format: formatOf(s) });
        } else if (local === "mergeCell") {
          if (a.ref !== undefined) merges.push(a.ref);
        } else if (local === "hyperlink") {
          const id = a["r:id"] ?? attributeByLocal(a, "id");
          if (id && a.ref !== undefined) hyperlinks.push({ ref: a.ref, id });
        } else if (local === "tablePart") {
          const id = a["r:id"] ?? attributeByLocal(a, "id");
          if (id) tableIds.push(id);
        }
        return;
      }
      if (inCell) {
        if (inRun) {
          if (local === "t") into = "r";
        } else if (local === "v" || local === "t") into = "v";
        else if (local === "f") {
          into = "f";
          if (a.t) formula = true;
        } else if (local === "r") {
          inRun = true;
          runText = undefined;
        }
        return;
      }
      if (local === "row") {
        rowNumber = a.r !== undefined ? parseInt(a.r, 10) : rowNumber + 1;
        const s = a.s ? parseInt(a.s, 10) : 0;
        const format = formatOf(s);
        row = rows[rowNumber] ??= { counts: false, cells: [] };
        if (format !== undefined) row.format = format;
        col = 0;
      } else if (local === "c") {
        inCell = true;
        col = a.r !== undefined ? columnOf(a.r) : col + 1;
        type = a.t;
        style = a.s ? parseInt(a.s, 10) || 0 : 0;
        formula = false;
        value = undefined;
        runs = undefined;
        into = undefined;
      }
    },
    text: (text) => {
      if (into === "v") value = value === undefined ? text : value + text;
      else if (into === "f") formula = true;
      else if (into === "r") runText = runText === undefined ? text : runText + text;
    },
    close: (local) => {
      if (depth === sheetDataDepth) sheetDataDepth = -1;
      depth--;
      if (!inCell) return;
      if (local === "c" && !inRun) {
        closeCell();
        inCell = false;
        into = undefined;
      } else if (inRun) {
        if (local === "t") into = undefined;
        else if (local === "r") {
          (runs ??= []).push(decodeEscapes(runText ?? ""));
          inRun = false;
        }
      } else if (local === "v" || local === "t" || local === "f") into = undefined;
    },
  });
  const chunks = zip.textChunks(part);
  if (!chunks) throw new Error(`no worksheet part ${part}`);
  let first = true;
  for await (const chunk of chunks) {
    parser.write(first && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk);
    first = false;
  }
  parser.close();

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
        state.cells[c - 1] = { value: null };
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
          if (!existing)
            state.cells[c - 1] = format === undefined ? { value: null } : { value: null, numberFormat: format };
          continue;
        }
        state.cells[c - 1] = format === undefined ? { value: null } : { value: null, numberFormat: format };
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
  for (let r = minRow; r <= maxRow; r++) {
    const state = rows[r];
    const line: CellData[] = [];
    if (state?.counts) {
      const cells = state.cells;
      const entry = (c: number): CellData | undefined => {
        const cell = cells[c - 1];
        if (cell) return cell.value === null && cell.numberFormat === undefined ? undefined : cell;
        const format = blankFormat(state, c);
        return format === undefined ? undefined : { value: null, numberFormat: format };
      };
      let last = 0;
      for (let c = Math.min(maxCol, cells.length); c >= minCol; c--) {
        if (entry(c)) {
          last = c;
          break;
        }
      }
      for (let c = minCol; c <= last; c++) line.push(entry(c) ?? { value: null });
    }
    out.push(line);
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
    const xml = zip.text(rel.target);
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
