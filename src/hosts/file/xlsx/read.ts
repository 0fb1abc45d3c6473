/**
 * The file host's reader: a workbook file (.xlsx/.xlsm, or a .csv) → `WorkbookData`. It never throws for
 * bad input: a file it cannot read gives a pt-BR message that names the file and says what to do (save as
 * .xlsx, remove the password…). A successful read also hands back its `source` (the file's bytes, or the
 * CSV's sheet), which the writer needs to make the evaluated file.
 *
 * An .xlsx is read by streaming (./stream): the zip's central directory, the shared strings and styles
 * once, then one pass of a byte scanner per sheet, with no per-cell object model. It gives exactly what the ExcelJS
 * reader below (`sheetData`, kept as the reference the tests compare with) gives; ExcelJS itself is loaded
 * only when a copy is written (./write).
 *
 * What is read, per ExcelJS 4.4.0 (verified by tests/hosts/file/xlsx/read.test.ts and stream.test.ts):
 * - formulas give their cached result (`{ formula, result }`, shared formulas `{ sharedFormula, result }`);
 *   a formula never calculated (no cached result) reads as empty;
 * - rich text → its plain text; hyperlinks → their text; errors (`{ error: "#N/A" }`) → the pt-BR text
 *   Excel shows (`#N/D`); dates (date-formatted numbers, formula results included) → JS `Date` at UTC
 *   midnight; empty strings → empty;
 * - cells covered by a merge (not its top-left cell) read as empty, as in Excel;
 * - tables: `worksheet.getTables()` returns `Table` objects (not the `[Table, void]` pairs of the typings)
 *   whose `.table` model has `name` and `tableRef` (the A1 range with header and totals); `ref` is unset
 *   after reading;
 * - merges: `worksheet._merges` (master address → range); `worksheet.model.merges` would rebuild the whole
 *   sheet model.
 */
import { promises as fs } from "fs";
import path from "path";
import type ExcelJS from "exceljs";
import { fileMessages } from "../messages";
import type { CellValue } from "../../../core/types";
import { readCsv, sheetNameFromPath } from "../csv/read";
import type { CellData, SheetData, TableInfo, WorkbookData } from "../../../workbook/model";
import { ERROR_PT } from "../../../workbook/excelErrors";
import { readPackage } from "./stream/workbook";
import { openZip, type ZipArchive } from "./stream/zip";

/**
 * What the writer (hosts/file/xlsx/write) starts from to make the evaluated file: the package's bytes (it is
 * patched, so everything in it is carried over), or, for a text file, the one sheet read from it.
 */
export type WorkbookSource = { kind: "package"; bytes: Uint8Array } | { kind: "csv"; sheet: SheetData };

export type ReadWorkbookResult =
  { kind: "workbook"; workbook: WorkbookData; source: WorkbookSource } | { kind: "unreadable"; message: string };

const unreadable = (message: string): ReadWorkbookResult => ({ kind: "unreadable", message });

const ZIP_MAGIC = [0x50, 0x4b]; // "PK", followed by 03 04, 05 06 (empty archive) or 07 08
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP_MAGIC) && bytes.length >= 4 && [3, 5, 7].includes(bytes[2]) && bytes[3] === bytes[2] + 1;
}

/** True when `name` appears in the bytes as UTF-16LE (how an OLE compound file stores stream names). */
function hasUtf16Name(bytes: Uint8Array, name: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(name, "utf16le"));
}

/**
 * An OLE compound file is either an encrypted OOXML workbook (streams `EncryptionInfo` and
 * `EncryptedPackage`: a password-protected .xlsx) or a legacy .xls (stream `Workbook`, or `Book` for
 * Excel 5/95).
 */
function oleMessage(bytes: Uint8Array, file: string): string {
  if (hasUtf16Name(bytes, "EncryptionInfo") || hasUtf16Name(bytes, "EncryptedPackage"))
    return fileMessages.fileEncrypted(file);
  if (hasUtf16Name(bytes, "Workbook") || hasUtf16Name(bytes, "Book")) return fileMessages.fileLegacyXls(file);
  return fileMessages.fileOleUnknown(file);
}

/** Looks like text (not a binary file): a UTF-16 BOM, or no NUL byte in the first 8 KiB. */
function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  return !bytes.subarray(0, 8192).includes(0);
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString("latin1").trimStart().toLowerCase();
  return /^(<\?xml[^>]*>\s*)?(<!doctype html|<html|<table|<meta)/.test(head) || /<html[\s>]/.test(head);
}

const SPREADSHEET_EXTENSIONS = new Set([".xlsx", ".xlsm", ".xltx", ".xltm", ".xls", ".xlsb", ".ods"]);
const TEXT_EXTENSIONS = new Set([".csv", ".txt", ".tsv"]);

/**
 * Reads a workbook file. Never throws for bad input; see the module comment. With `firstRowOnly`, each
 * sheet of an .xlsx holds its row 1 only (its name, state and A1 tell the add-in's own sheets apart) and
 * nothing past it is inflated.
 */
export async function readWorkbookFile(file: string, firstRowOnly = false): Promise<ReadWorkbookResult> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) return unreadable(fileMessages.fileIsDirectory(file));
    bytes = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return unreadable(fileMessages.fileNotFound(file));
    if (code === "EISDIR") return unreadable(fileMessages.fileIsDirectory(file));
    return unreadable(fileMessages.fileCannotOpen(file, code ?? (e as Error).message));
  }
  return readWorkbookBytes(bytes, file, firstRowOnly);
}

/**
 * Reads a workbook from its bytes; `file` names it in messages and its extension helps decide the format
 * (the content decides first: a zip is read as .xlsx, an OLE file is an old or encrypted workbook).
 */
export async function readWorkbookBytes(
  bytes: Uint8Array,
  file: string,
  firstRowOnly = false,
): Promise<ReadWorkbookResult> {
  if (bytes.length === 0) return unreadable(fileMessages.fileEmpty(file));
  const ext = path.extname(file).toLowerCase();
  if (isZip(bytes)) return readZip(bytes, file, firstRowOnly);
  if (startsWith(bytes, OLE_MAGIC)) return unreadable(oleMessage(bytes, file));
  if (TEXT_EXTENSIONS.has(ext)) return csvWorkbook(bytes, file);
  if (SPREADSHEET_EXTENSIONS.has(ext)) {
    if (looksLikeText(bytes) && looksLikeHtml(bytes)) return unreadable(fileMessages.fileHtml(file));
    // Some systems export a text table named .xls; Excel opens it (with a warning), and so do we.
    if (ext === ".xls" && looksLikeText(bytes)) return csvWorkbook(bytes, file);
    return unreadable(fileMessages.fileCorrupt(file));
  }
  if (looksLikeText(bytes)) return csvWorkbook(bytes, file);
  return unreadable(fileMessages.fileUnknownFormat(file));
}

function csvWorkbook(bytes: Uint8Array, file: string): ReadWorkbookResult {
  const { sheet } = readCsv(bytes, sheetNameFromPath(file));
  return { kind: "workbook", workbook: { sheets: [sheet] }, source: { kind: "csv", sheet } };
}

async function readZip(bytes: Uint8Array, file: string, firstRowOnly: boolean): Promise<ReadWorkbookResult> {
  let zip: ZipArchive;
  try {
    zip = openZip(bytes);
  } catch {
    return unreadable(fileMessages.fileCorrupt(file));
  }
  if (zip.entries.has("mimetype")) {
    let type = "";
    try {
      type = (zip.text("mimetype") ?? "").trim();
    } catch {
      return unreadable(fileMessages.fileCorrupt(file));
    }
    if (type.startsWith("application/vnd.oasis.opendocument.spreadsheet"))
      return unreadable(fileMessages.fileOds(file));
    return unreadable(fileMessages.fileZipNotWorkbook(file));
  }
  if (zip.entries.has("xl/workbook.bin")) return unreadable(fileMessages.fileXlsb(file));
  if (!zip.entries.has("xl/workbook.xml")) return unreadable(fileMessages.fileZipNotWorkbook(file));

  try {
    return { kind: "workbook", workbook: await readPackage(zip, firstRowOnly), source: { kind: "package", bytes } };
  } catch (e) {
    return unreadable(
      fileMessages.fileUnreadable(file, `detalhe técnico: ${e instanceof Error ? e.message : String(e)}`),
    );
  }
}

/** An ExcelJS cell value as plain data (see the module comment). */
export function plainValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value === "boolean" || value instanceof Date) return value;
  if (typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  if (typeof v.error === "string") return ERROR_PT[v.error] ?? v.error;
  if (Array.isArray(v.richText)) {
    return plainValue(
      v.richText.map((run: { text?: unknown }) => (typeof run?.text === "string" ? run.text : "")).join(""),
    );
  }
  if ("formula" in v || "sharedFormula" in v) return plainValue(v.result);
  if ("hyperlink" in v || "text" in v) return plainValue(v.text);
  return null;
}

interface TableLike {
  table?: { name?: string; displayName?: string; tableRef?: string; ref?: string };
}

function tablesOf(ws: ExcelJS.Worksheet): TableInfo[] {
  const tables = ws.getTables() as unknown as TableLike[];
  const out: TableInfo[] = [];
  for (const t of tables) {
    const name = t.table?.name ?? t.table?.displayName;
    const ref = t.table?.tableRef ?? t.table?.ref;
    if (name && ref) out.push({ name, ref });
  }
  return out;
}

interface RangeLike {
  range?: string;
  model?: { top: number; left: number; bottom: number; right: number };
}

function mergesOf(ws: ExcelJS.Worksheet): string[] {
  const merges = (ws as unknown as { _merges?: Record<string, RangeLike> })._merges;
  if (!merges) return [];
  const out: string[] = [];
  for (const m of Object.values(merges)) {
    if (!m) continue;
    const range = m.range ? m.range.replace(/^.*!/, "").replace(/\$/g, "") : undefined;
    if (range) out.push(range);
  }
  return out;
}

/** ExcelJS's `ValueType.Merge` (4.4.0), written out so that this module does not load ExcelJS. */
const EXCELJS_MERGE = 1 as ExcelJS.ValueType;

/**
 * One ExcelJS worksheet as `SheetData`: the block from the first to the last cell with a value. The
 * streaming reader (./stream/sheet) gives the same from the file; this is the reference the tests hold it to.
 */
export function sheetData(ws: ExcelJS.Worksheet): SheetData {
  const cells = new Map<number, Map<number, CellData>>();
  let minRow = Infinity;
  let minCol = Infinity;
  let maxRow = 0;
  let maxCol = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const rowCells = new Map<number, CellData>();
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const value = cell.type === EXCELJS_MERGE ? null : plainValue(cell.value);
      const numberFormat = cell.numFmt || undefined;
      if (value === null && numberFormat === undefined) return;
      rowCells.set(c, numberFormat === undefined ? { value } : { value, numberFormat });
      if (value !== null) {
        minRow = Math.min(minRow, r);
        maxRow = Math.max(maxRow, r);
        minCol = Math.min(minCol, c);
        maxCol = Math.max(maxCol, c);
      }
    });
    if (rowCells.size > 0) cells.set(r, rowCells);
  });
  const base = { name: ws.name, tables: tablesOf(ws), merges: mergesOf(ws), ...(isHidden(ws) ? { hidden: true } : {}) };
  if (maxRow === 0) return { ...base, origin: { row: 1, col: 1 }, rows: [] };

  const rows: CellData[][] = [];
  for (let r = minRow; r <= maxRow; r++) {
    const rowCells = cells.get(r);
    const out: CellData[] = [];
    if (rowCells) {
      let last = 0;
      for (const c of rowCells.keys()) if (c >= minCol && c <= maxCol) last = Math.max(last, c);
      for (let c = minCol; c <= last; c++) out.push(rowCells.get(c) ?? { value: null });
    }
    rows.push(out);
  }
  return { ...base, origin: { row: minRow, col: minCol }, rows };
}

function isHidden(ws: ExcelJS.Worksheet): boolean {
  return ws.state === "hidden" || ws.state === "veryHidden";
}
