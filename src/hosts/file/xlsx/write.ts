/**
 * The file host's writer: applies a `WritePlan` (workbook/plan/types) to a workbook and writes a NEW file;
 * the input file is never touched.
 *
 * An .xlsx or .xlsm input is patched as a package (./patch): every part of the original is copied as it
 * is, and only the add-in's columns, rules, styles and sheets are added or replaced, so charts, pivot
 * tables, images, macros and anything else the original holds come through. An .xlsm gives an .xlsm.
 * A CSV has no package: ExcelJS makes a one-sheet workbook of its cells, which is then patched the same way.
 *
 * `writeEvaluatedFile` never throws for I/O trouble: a folder that does not exist, a file open in Excel,
 * no permission… give a pt-BR message naming the file and saying what to do. It writes to a temporary file
 * in the destination folder and renames it, so no half-written file is ever left under the output's name.
 */
import { randomBytes } from "crypto";
import { closeSync, openSync, promises as fs, writeSync } from "fs";
import path from "path";
import type ExcelJS from "exceljs";
import { patchStrings, writerStrings } from "../messages";
import type { WritePlan } from "../../../workbook/plan/types";
import type { SheetData } from "../../../workbook/model";
import { isMacroEnabled, patchedPackage, patchPackage } from "./patch";
import type { WorkbookSource } from "./read";

export type WriteResult = { kind: "written"; path: string } | { kind: "failed"; message: string };

/** A new ExcelJS workbook holding a CSV's one sheet. Values stay as read (text), as the evaluation read them. */
export function workbookFromSheet(sheet: SheetData): ExcelJS.Workbook {
  // Loaded here, for a CSV only: requiring ExcelJS costs about 0,4 s of every command's start.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Workbook } = require("exceljs") as typeof ExcelJS;
  const excel = new Workbook();
  const ws = excel.addWorksheet(sheet.name);
  sheet.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell.value === null || cell.value === undefined) return;
      const target = ws.getCell(sheet.origin.row + r, sheet.origin.col + c);
      target.value = cell.value;
      if (cell.numberFormat) target.numFmt = cell.numberFormat;
    }),
  );
  for (const merge of sheet.merges) ws.mergeCells(merge);
  sizeColumns(ws, sheet);
  return excel;
}

/** Widest column a CSV's text sizes, in characters. */
const MAX_CSV_WIDTH = 40;

/**
 * Columns as wide as their longest text (up to MAX_CSV_WIDTH): a CSV carries no widths, and at the default
 * width a panel's municipality (`ABADIA DOS DOURADOS`) and period headers (`2024 Q1 (%)`) were cut. A row
 * with one text only (the panel's title lines and footer) runs on to the right and sizes nothing.
 */
function sizeColumns(ws: ExcelJS.Worksheet, sheet: SheetData): void {
  const widths = new Map<number, number>();
  const filled = (v: unknown) => v !== null && v !== undefined && v !== "";
  for (const row of sheet.rows) {
    if (row.filter((cell) => filled(cell.value)).length < 2) continue;
    row.forEach((cell, c) => {
      if (!filled(cell.value)) return;
      const col = sheet.origin.col + c;
      widths.set(
        col,
        Math.max(widths.get(col) ?? 0, Math.min(MAX_CSV_WIDTH, Math.ceil(String(cell.value).length * 1.1) + 2)),
      );
    });
  }
  for (const [col, width] of widths) if (width > 8.43) ws.getColumn(col).width = width;
}

/** The package an evaluated copy starts from: the input's own bytes, or a workbook made of a CSV's cells. */
async function basePackage(source: WorkbookSource): Promise<Uint8Array> {
  if (source.kind === "package") return source.bytes;
  const buffer: unknown = await workbookFromSheet(source.sheet).xlsx.writeBuffer();
  // In Node, ExcelJS hands back a Buffer (a Uint8Array): no copy needed.
  return buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer as ArrayBuffer);
}

/** The bytes of the evaluated workbook: the source's package with the plan applied, charts included. */
export async function evaluatedBytes(source: WorkbookSource, plan: WritePlan): Promise<Uint8Array> {
  return patchPackage(await basePackage(source), plan);
}

/** The extension the evaluated copy must have: `.xlsm` for a workbook with macros (Excel opens it by its name). */
export function outputExtension(source: WorkbookSource): ".xlsx" | ".xlsm" {
  return source.kind === "package" && isMacroEnabled(source.bytes) ? ".xlsm" : ".xlsx";
}

// ---------------------------------------------------------------------------------------------------------
// Files

const failed = (message: string): WriteResult => ({ kind: "failed", message });

/** True when two paths name the same file: same resolved path, same real path, or the same inode. */
export async function samePath(a: string, b: string): Promise<boolean> {
  const ra = path.resolve(a);
  const rb = path.resolve(b);
  if (ra === rb) return true;
  // Windows and macOS file systems ignore case by default.
  if ((process.platform === "win32" || process.platform === "darwin") && ra.toLowerCase() === rb.toLowerCase())
    return true;
  try {
    const [sa, sb] = await Promise.all([fs.stat(ra), fs.stat(rb)]);
    if (sa.dev === sb.dev && sa.ino === sb.ino && sa.ino !== 0) return true;
    return (await fs.realpath(ra)) === (await fs.realpath(rb));
  } catch {
    return false; // one of them does not exist: they cannot be the same file
  }
}

/** A pt-BR message for an error writing `output` (see the module comment). */
export function describeWriteError(error: unknown, output: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
    case "ENOTDIR":
      return writerStrings.folderMissing(output, path.dirname(path.resolve(output)));
    case "EISDIR":
      return writerStrings.outputIsDirectory(output);
    case "EACCES":
      return writerStrings.noPermission(output);
    case "EPERM":
    case "EBUSY":
    case "ETXTBSY":
      // Windows reports a file open in Excel as EBUSY or EPERM.
      return writerStrings.fileLocked(output);
    case "EROFS":
      return writerStrings.readOnly(output);
    case "ENOSPC":
    case "EDQUOT":
      return writerStrings.diskFull(output);
    case "ENAMETOOLONG":
      return writerStrings.nameTooLong(output);
    default:
      return writerStrings.writeFailed(output, code ?? (error instanceof Error ? error.message : String(error)));
  }
}

/**
 * Applies the plan to the workbook read from `input` and writes the result to `output`, a new .xlsx file
 * (.xlsm for a workbook with macros).
 * Refuses to write over `input` (or any path that is the same file). Never throws for I/O trouble; a
 * failure leaves nothing under `output` that was not there before.
 */
export async function writeEvaluatedFile(
  source: WorkbookSource,
  plan: WritePlan,
  output: string,
  input?: string,
): Promise<WriteResult> {
  const target = path.resolve(output);
  const extension = outputExtension(source);
  if (path.extname(target).toLowerCase() !== extension)
    return failed(extension === ".xlsm" ? patchStrings.outputNotXlsm(output) : writerStrings.outputNotXlsx(output));
  if (input !== undefined && (await samePath(input, target))) return failed(writerStrings.outputIsInput(output));
  const dir = path.dirname(target);
  try {
    const folder = await fs.stat(dir);
    if (!folder.isDirectory()) return failed(writerStrings.folderMissing(output, dir));
  } catch (e) {
    return failed(describeWriteError(e, output));
  }
  try {
    if ((await fs.stat(target)).isDirectory()) return failed(writerStrings.outputIsDirectory(output));
  } catch {
    // Not there yet: the usual case.
  }

  let pkg: Awaited<ReturnType<typeof patchedPackage>>;
  try {
    pkg = await patchedPackage(await basePackage(source), plan);
  } catch (e) {
    return failed(writerStrings.buildFailed(output, e instanceof Error ? e.message : String(e)));
  }

  // Written part by part: the package is never one buffer (a sheet of a million rows is 60 MB deflated).
  const failure = await writeAtomically(target, (write) => pkg.writeTo(write), output);
  return failure ? failed(failure) : { kind: "written", path: output };
}

/** Content made piece by piece: it hands each piece, in order, to `write`. */
export type Pieces = (write: (chunk: Uint8Array) => void) => void;

/**
 * Writes `data` (text as UTF-8, bytes, or bytes made piece by piece) to `target` through a temporary file in
 * the same folder, then renames it: the rename is atomic, so `target` is either the old file or the whole new
 * one, never half written.
 * Undefined when written; otherwise the pt-BR reason, naming the file as the user wrote it (`shown`).
 */
export async function writeAtomically(
  target: string,
  data: string | Uint8Array | Pieces,
  shown = target,
): Promise<string | undefined> {
  const dir = path.dirname(path.resolve(target));
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  try {
    if (typeof data === "function") writePieces(temp, data);
    else await fs.writeFile(temp, data, { flag: "wx" });
    await fs.rename(temp, target);
    return undefined;
  } catch (e) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    return describeWriteError(e, shown);
  }
}

/** Writes the pieces to a new file `file` (it must not exist), each as it comes. */
function writePieces(file: string, pieces: Pieces): void {
  const fd = openSync(file, "wx");
  try {
    pieces((chunk) => {
      for (let done = 0; done < chunk.length;) done += writeSync(fd, chunk, done, chunk.length - done);
    });
  } finally {
    closeSync(fd);
  }
}

/**
 * Where the evaluated file goes by default: `<folder>/<name>.avaliado.xlsx` beside the input (`x.xlsx` and
 * `x.csv` give `x.avaliado.xlsx`; a workbook with macros, `x.xlsm`, gives `x.avaliado.xlsm`). An input that
 * is itself an evaluated file (`x.avaliado.xlsx`) is not suffixed again, but the output must never be the
 * input, so it becomes `x.avaliado-2.xlsx`. The comparison ignores case, as Windows and macOS do.
 */
export function defaultOutputPath(input: string): string {
  const dir = path.dirname(input);
  const ext = path.extname(input).toLowerCase() === ".xlsm" ? ".xlsm" : ".xlsx";
  const name = path.basename(input, path.extname(input)).replace(/\.avaliado$/i, "");
  const candidate = path.join(dir, `${name}.avaliado${ext}`);
  if (path.resolve(candidate).toLowerCase() === path.resolve(input).toLowerCase())
    return path.join(dir, `${name}.avaliado-2${ext}`);
  return candidate;
}
