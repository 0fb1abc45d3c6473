/**
 * The file host's writer: applies a `WritePlan` (workbook/plan/types) to a workbook with ExcelJS and writes
 * a NEW .xlsx file; the input file is never touched.
 *
 * What it does, in the rules of plan/types:
 * - owned columns: header cells, values, number formats, styles and widths. Each owned cell's style is set
 *   whole from the plan, so formats of an earlier run never linger (`value: null` clears value and format).
 *   `formula` is for hosts that run the add-in's functions; a file opened in LibreOffice has none, so the
 *   value is written instead. A cell covered by a merge that starts outside it is left alone: ExcelJS
 *   would redirect the write to the merge's first cell, which may be the user's.
 * - conditional formats: every expression rule whose range meets an owned block is removed first (an
 *   earlier run's), and so is any rule identical to one of the plan's; then each plan rule is added as an
 *   `expression` rule (ExcelJS writes a `containsText` rule without its text). The add-in writes nothing
 *   but expression rules, so a rule of another kind over the owned columns is the user's and is kept. They are numbered after the user's remaining
 *   rules, so a rule the user made on the same cells keeps precedence, and a second run numbers them the
 *   same. ExcelJS cannot write `stopIfTrue`; it is added to the plan's rules in the package afterwards.
 * - summary sheets: an existing sheet of the same name is deleted and created again at the same place in
 *   the tab order (ExcelJS orders sheets by `orderNo`, which a new sheet can take over); cells, merges,
 *   widths, A4 fitted to one page wide, and the print area (the cells, the merges and the chart).
 * - tables without a style (every table LibreOffice saves) get an empty one: ExcelJS crashes on writing
 *   them (`reading 'theme'`).
 * - charts: ExcelJS has none; they are put into the package after writing (./chart).
 *
 * `writeEvaluatedFile` never throws for I/O trouble: a folder that does not exist, a file open in Excel,
 * no permission… give a pt-BR message naming the file and saying what to do. It writes to a temporary file
 * in the destination folder and renames it, so no half-written file is ever left under the output's name.
 */
import { randomBytes } from "crypto";
import { promises as fs } from "fs";
import path from "path";
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { writerStrings as t } from "../../core/messages";
import { columnLetter, fromA1Range, type CellRange } from "../a1";
import { summaryExtent } from "../plan/summary";
import type { CellStyle, ChartSpec, ConditionalRule, OwnedColumns, PlanCell, SummarySheetPlan, WritePlan } from "../plan/types";
import type { SheetData } from "../port";
import { addChartsToZip, sheetParts, type ChartCache, type ChartRequest } from "./chart";
import type { WorkbookSource } from "./read";

export type WriteResult = { kind: "written"; path: string } | { kind: "failed"; message: string };

/** ExcelJS internals this module relies on (present in 4.4.0, absent from its typings). */
interface WorksheetInternals {
  orderNo: number;
  conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[];
}

/** A table's `tableStyleInfo` as ExcelJS models it; `theme` is the style's name. */
interface TableStyleModel {
  theme: string | null;
  showFirstColumn: boolean;
  showLastColumn: boolean;
  showRowStripes: boolean;
  showColumnStripes: boolean;
}

interface TableInternals {
  table?: { style?: TableStyleModel | null };
}

const internals = (ws: ExcelJS.Worksheet) => ws as unknown as WorksheetInternals;

/** ExcelJS's `ValueType.Merge` (4.4.0), written out because ExcelJS itself is loaded only to write (below). */
const EXCELJS_MERGE = 1 as ExcelJS.ValueType;

/** ExcelJS, loaded on the first write: reading a workbook and `--sem-arquivo` go without it. */
async function loadExcelJS(): Promise<typeof ExcelJS> {
  return (await import("exceljs")).default;
}

// ---------------------------------------------------------------------------------------------------------
// applyPlan

/**
 * Applies a plan to a workbook in memory (see the module comment). What `applyPlan` changed beyond the
 * workbook (the rules' priorities) is returned for the package step; callers that only need the workbook
 * can ignore it.
 * @throws Error when the plan names a sheet the workbook does not have (the plan was made from another
 *   workbook: a programming error).
 */
export function applyPlan(excel: ExcelJS.Workbook, plan: WritePlan): AppliedPlan {
  neutralTableStyles(excel);
  // Summaries first: anything else aimed at a summary sheet must land on the new sheet, not the deleted one.
  for (const summary of plan.summaries) writeSummary(excel, summary);
  for (const block of plan.owned) writeOwned(sheetNamed(excel, block.sheet), block);
  return { rulePriorities: applyRules(excel, plan) };
}

/** What the package step needs to know after `applyPlan`: the priorities given to the plan's rules, by sheet. */
export interface AppliedPlan {
  rulePriorities: Map<string, Set<number>>;
}

function sheetNamed(excel: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = findSheet(excel, name);
  if (!ws) throw new Error(t.sheetMissing(name));
  return ws;
}

/** A sheet by name; Excel compares sheet names without regard to case, and so does this. */
function findSheet(excel: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return excel.getWorksheet(name) ?? excel.worksheets.find((ws) => ws.name.toLowerCase() === name.toLowerCase());
}

/** Tables without a style get an empty one, which ExcelJS can write (it reads `style.theme`). */
function neutralTableStyles(excel: ExcelJS.Workbook): void {
  for (const ws of excel.worksheets) {
    for (const table of ws.getTables() as unknown as TableInternals[]) {
      if (table.table && !table.table.style) {
        table.table.style = { theme: null, showFirstColumn: false, showLastColumn: false, showRowStripes: false, showColumnStripes: false };
      }
    }
  }
}

/** `#RRGGBB` → ExcelJS's `FFRRGGBB`; undefined for anything else. */
function argb(color: string | undefined): string | undefined {
  const m = color === undefined ? null : /^#?([0-9a-fA-F]{6})$/.exec(color.trim());
  return m ? `FF${m[1].toUpperCase()}` : undefined;
}

const DEFAULT_FONT = { name: "Calibri", size: 11, family: 2 } as const;

/** A plan cell's look as an ExcelJS style, fonts based on `base` (so the sheet's font face is kept). */
function excelStyle(cell: PlanCell, base: Partial<ExcelJS.Font>): Partial<ExcelJS.Style> {
  const s: CellStyle = cell.style ?? {};
  const style: Partial<ExcelJS.Style> = {};
  if (cell.numberFormat) style.numFmt = cell.numberFormat;
  // A font without a name or size is read differently by each program: always give both.
  const font: Partial<ExcelJS.Font> = { name: base.name ?? DEFAULT_FONT.name, size: base.size ?? DEFAULT_FONT.size };
  if (base.family !== undefined) font.family = base.family;
  if (s.size !== undefined) font.size = s.size;
  if (s.bold) font.bold = true;
  if (s.italic) font.italic = true;
  const color = argb(s.color);
  if (color) font.color = { argb: color };
  style.font = font;
  const fill = argb(s.fill);
  if (fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill } };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (s.align) alignment.horizontal = s.align;
  if (s.valign) alignment.vertical = s.valign;
  if (s.wrap) alignment.wrapText = true;
  if (Object.keys(alignment).length > 0) style.alignment = alignment;
  if (s.border) {
    const thin: Partial<ExcelJS.Border> = { style: "thin" };
    style.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  return style;
}

/** The font face of the nearest cell to the left with one (the user's table), else the default. */
function baseFont(ws: ExcelJS.Worksheet, row: number, col: number): Partial<ExcelJS.Font> {
  for (let c = col; c >= Math.max(1, col - 30); c--) {
    const font = ws.findCell(row, c)?.font;
    if (font?.name) return { name: font.name, size: font.size, family: font.family };
  }
  return DEFAULT_FONT;
}

/** Writes one plan cell; skips a cell covered by a merge that starts elsewhere (see the module comment). */
function writeCell(ws: ExcelJS.Worksheet, row: number, col: number, cell: PlanCell, font: Partial<ExcelJS.Font>): void {
  const target = ws.getCell(row, col);
  if (target.type === EXCELJS_MERGE) return;
  target.value = cell.value;
  target.style = excelStyle(cell, font);
}

/** The rectangle an owned block covers: its header row down to its last value row. */
function blockRange(block: OwnedColumns): CellRange {
  return {
    top: Math.min(block.headerRow, block.firstRow),
    left: block.col,
    bottom: Math.max(block.headerRow, block.firstRow + block.values.length - 1),
    right: block.col + Math.max(1, block.headers.length) - 1,
  };
}

function writeOwned(ws: ExcelJS.Worksheet, block: OwnedColumns): void {
  const font = baseFont(ws, block.headerRow, block.col - 1);
  block.headers.forEach((cell, j) => writeCell(ws, block.headerRow, block.col + j, cell, font));
  block.values.forEach((row, i) => row.forEach((cell, j) => writeCell(ws, block.firstRow + i, block.col + j, cell, font)));
  block.widths.forEach((width, j) => {
    if (width > 0) ws.getColumn(block.col + j).width = width;
  });
}

/** The areas of a conditional format's `sqref` (`H5:I9 E5:E9`), as rectangles. */
function areasOf(ref: string): CellRange[] {
  return ref
    .split(/[\s,]+/)
    .map((a) => fromA1Range(a))
    .filter((r): r is CellRange => r !== undefined);
}

function intersects(a: CellRange, b: CellRange): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** A rule's identity: its areas (order, case and `$` ignored) and formula. */
function ruleKey(ref: string, formula: unknown): string {
  const areas = ref
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((a) => a.replace(/\$/g, "").toUpperCase())
    .sort()
    .join(" ");
  return `${areas}|${String(formula ?? "").replace(/^=/, "")}`;
}

/** A rule's look as an ExcelJS differential style: fill in both colours, which programs read differently. */
function ruleStyle(style: CellStyle): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  const fill = argb(style.fill);
  if (fill) out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill }, bgColor: { argb: fill } };
  const font: Partial<ExcelJS.Font> = {};
  const color = argb(style.color);
  if (color) font.color = { argb: color };
  if (style.bold) font.bold = true;
  if (style.italic) font.italic = true;
  if (Object.keys(font).length > 0) out.font = font;
  return out;
}

/** Replaces the add-in's conditional formats; returns the priorities given to the plan's rules, by sheet. */
function applyRules(excel: ExcelJS.Workbook, plan: WritePlan): Map<string, Set<number>> {
  const sheets = new Set([...plan.owned.map((b) => b.sheet), ...plan.rules.map((r) => r.sheet)]);
  const priorities = new Map<string, Set<number>>();
  for (const name of sheets) {
    const ws = sheetNamed(excel, name);
    const owned = plan.owned.filter((b) => b.sheet === name).map(blockRange);
    const rules = plan.rules.filter((r) => r.sheet === name).sort((a, b) => a.priority - b.priority);
    const planKeys = new Set(rules.map((r) => ruleKey(r.areas.join(" "), r.formula)));
    // The add-in only ever writes expression rules: a rule of another kind (cell value, data bar, colour
    // scale…) is the user's even when it spans the owned columns (a rule over the whole sheet), and is kept.
    const isOurs = (cf: ExcelJS.ConditionalFormattingOptions) =>
      cf.rules.length > 0 &&
      cf.rules.every((rule) => rule.type === "expression") &&
      (areasOf(cf.ref).some((area) => owned.some((o) => intersects(area, o))) ||
        cf.rules.every((rule) => planKeys.has(ruleKey(cf.ref, (rule as ExcelJS.ExpressionRuleType).formulae?.[0]))));
    const kept = (internals(ws).conditionalFormattings ?? []).filter((cf) => !isOurs(cf));
    let priority = kept.reduce((max, cf) => Math.max(max, ...cf.rules.map((r) => r.priority || 0)), 0);
    const given = new Set<number>();
    for (const rule of rules) {
      priority++;
      given.add(priority);
      kept.push(expressionFormat(rule, priority));
    }
    internals(ws).conditionalFormattings = kept;
    if (given.size > 0) priorities.set(ws.name, given);
  }
  return priorities;
}

function expressionFormat(rule: ConditionalRule, priority: number): ExcelJS.ConditionalFormattingOptions {
  return {
    ref: rule.areas.join(" "),
    rules: [{ type: "expression", formulae: [rule.formula.replace(/^=/, "")], style: ruleStyle(rule.style), priority }],
  };
}

function writeSummary(excel: ExcelJS.Workbook, plan: SummarySheetPlan): void {
  const existing = findSheet(excel, plan.name);
  const orderNo = existing ? internals(existing).orderNo : undefined;
  if (existing) excel.removeWorksheet(existing.id);
  const ws = excel.addWorksheet(plan.name, {
    pageSetup: {
      paperSize: 9 as ExcelJS.PaperSize, // A4
      orientation: plan.print.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages tall as it takes
    },
  });
  if (orderNo !== undefined) internals(ws).orderNo = orderNo;
  plan.rows.forEach((row, r) => row.forEach((cell, c) => writeCell(ws, r + 1, c + 1, cell, DEFAULT_FONT)));
  for (const merge of plan.merges) ws.mergeCells(merge);
  plan.widths.forEach((width, c) => {
    if (width > 0) ws.getColumn(c + 1).width = width;
  });
  for (const { row, height } of plan.heights ?? []) ws.getRow(row).height = height;
  const extent = summaryExtent(plan);
  if (extent) {
    const { bottom: rows, right: cols } = extent;
    // ExcelJS writes the print area as `$` + each corner, so corners given as `A$1` come out `$A$1`.
    const corner = (row: number, col: number) => `${columnLetter(col)}$${row}`;
    ws.pageSetup.printArea = `${corner(1, 1)}:${corner(rows, cols)}`;
  }
}

// ---------------------------------------------------------------------------------------------------------
// The package: charts and stopIfTrue

/** The values of a chart's cells, taken from the summary plan (the cells the chart reads). */
function chartCache(plan: SummarySheetPlan, spec: ChartSpec): ChartCache {
  const cells = (range: string) => {
    const r = fromA1Range(range);
    const out: PlanCell["value"][] = [];
    if (!r) return out;
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) out.push(plan.rows[row - 1]?.[col - 1]?.value ?? null);
    }
    return out;
  };
  return {
    categories: cells(spec.categories).map((v) => (v === null ? "" : String(v))),
    values: cells(spec.values).map((v) => (typeof v === "number" && Number.isFinite(v) ? v : null)),
  };
}

/** Adds `stopIfTrue="1"` to the plan's rules (ExcelJS cannot write it), found by their priority. */
async function markStopIfTrue(zip: JSZip, priorities: Map<string, Set<number>>): Promise<void> {
  if (priorities.size === 0) return;
  const parts = await sheetParts(zip);
  for (const [sheet, given] of priorities) {
    const part = parts.get(sheet);
    const file = part ? zip.file(part) : null;
    if (!part || !file) continue;
    const xml = await file.async("string");
    const marked = xml.replace(
      /<((?:[\w.-]+:)?cfRule)((?:\s+[^\s=<>/"']+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g,
      (tag: string, name: string, attrs: string, slash: string) => {
        const priority = /\spriority\s*=\s*["'](\d+)["']/.exec(attrs);
        if (!priority || !given.has(Number(priority[1])) || /\sstopIfTrue\s*=/.test(attrs)) return tag;
        return `<${name}${attrs} stopIfTrue="1"${slash ? "/" : ""}>`;
      },
    );
    zip.file(part, marked);
  }
}

/**
 * The workbook's package after ExcelJS: charts added, the plan's rules marked stop-if-true, and every part
 * compressed. ExcelJS writes its package uncompressed (`STORE`, see `evaluatedBytes`): this step opens it
 * anyway, and compressing here only spares a deflate in ExcelJS and an inflate here (about a quarter of the
 * write at 100k rows).
 */
async function finishPackage(bytes: Uint8Array, plan: WritePlan, applied: AppliedPlan): Promise<Uint8Array> {
  const charts: ChartRequest[] = plan.summaries
    .filter((s): s is SummarySheetPlan & { chart: ChartSpec } => s.chart !== undefined)
    .map((s) => ({ sheet: s.name, spec: s.chart, cache: chartCache(s, s.chart) }));
  const zip = await JSZip.loadAsync(bytes);
  await markStopIfTrue(zip, applied.rulePriorities);
  await addChartsToZip(zip, charts);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/** A new ExcelJS workbook holding a CSV's one sheet. Values stay as read (text), as the evaluation read them. */
export function workbookFromSheet(sheet: SheetData, exceljs: typeof ExcelJS): ExcelJS.Workbook {
  const excel = new exceljs.Workbook();
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
  return excel;
}

/**
 * The workbook the plan is applied to: the input package loaded into ExcelJS (only now, when a copy is
 * written: reading went without it), or a new workbook holding a CSV's sheet.
 */
async function workbookToWrite(source: WorkbookSource): Promise<ExcelJS.Workbook> {
  const exceljs = await loadExcelJS();
  if (source.kind === "csv") return workbookFromSheet(source.sheet, exceljs);
  const excel = new exceljs.Workbook();
  // ExcelJS's typings want its own `Buffer`; at run time it hands the bytes to JSZip, which takes any Uint8Array.
  await excel.xlsx.load(source.bytes as unknown as Parameters<typeof excel.xlsx.load>[0]);
  return excel;
}

/** The bytes of the evaluated workbook: the source with the plan applied, charts included. */
export async function evaluatedBytes(source: WorkbookSource, plan: WritePlan): Promise<Uint8Array> {
  const excel = await workbookToWrite(source);
  const applied = applyPlan(excel, plan);
  // Uncompressed: finishPackage compresses every part once (ExcelJS's options reach JSZip's generateAsync).
  const buffer: unknown = await excel.xlsx.writeBuffer({ zip: { compression: "STORE" } } as ExcelJS.XlsxWriteOptions);
  // In Node, ExcelJS hands back a Buffer (a Uint8Array): no copy needed.
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer as ArrayBuffer);
  return finishPackage(bytes, plan, applied);
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
  if ((process.platform === "win32" || process.platform === "darwin") && ra.toLowerCase() === rb.toLowerCase()) return true;
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
      return t.folderMissing(output, path.dirname(path.resolve(output)));
    case "EISDIR":
      return t.outputIsDirectory(output);
    case "EACCES":
      return t.noPermission(output);
    case "EPERM":
    case "EBUSY":
    case "ETXTBSY":
      // Windows reports a file open in Excel as EBUSY or EPERM.
      return t.fileLocked(output);
    case "EROFS":
      return t.readOnly(output);
    case "ENOSPC":
    case "EDQUOT":
      return t.diskFull(output);
    case "ENAMETOOLONG":
      return t.nameTooLong(output);
    default:
      return t.writeFailed(output, code ?? (error instanceof Error ? error.message : String(error)));
  }
}

/**
 * Applies the plan to the workbook read from `input` and writes the result to `output`, a new .xlsx file.
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
  if (path.extname(target).toLowerCase() !== ".xlsx") return failed(t.outputNotXlsx(output));
  if (input !== undefined && (await samePath(input, target))) return failed(t.outputIsInput(output));
  const dir = path.dirname(target);
  try {
    const folder = await fs.stat(dir);
    if (!folder.isDirectory()) return failed(t.folderMissing(output, dir));
  } catch (e) {
    return failed(describeWriteError(e, output));
  }
  try {
    if ((await fs.stat(target)).isDirectory()) return failed(t.outputIsDirectory(output));
  } catch {
    // Not there yet: the usual case.
  }

  let bytes: Uint8Array;
  try {
    bytes = await evaluatedBytes(source, plan);
  } catch (e) {
    return failed(t.buildFailed(output, e instanceof Error ? e.message : String(e)));
  }

  const failure = await writeAtomically(target, bytes, output);
  return failure ? failed(failure) : { kind: "written", path: output };
}

/**
 * Writes `data` (text as UTF-8) to `target` through a temporary file in the same folder, then renames it:
 * the rename is atomic, so `target` is either the old file or the whole new one, never half written.
 * Undefined when written; otherwise the pt-BR reason, naming the file as the user wrote it (`shown`).
 */
export async function writeAtomically(target: string, data: string | Uint8Array, shown = target): Promise<string | undefined> {
  const dir = path.dirname(path.resolve(target));
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  try {
    await fs.writeFile(temp, data, { flag: "wx" });
    await fs.rename(temp, target);
    return undefined;
  } catch (e) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    return describeWriteError(e, shown);
  }
}

/**
 * Where the evaluated file goes by default: `<folder>/<name>.avaliado.xlsx` beside the input (`x.xlsx`,
 * `x.xlsm` and `x.csv` all give `x.avaliado.xlsx`). An input that is itself an evaluated file
 * (`x.avaliado.xlsx`) is not suffixed again, but the output must never be the input, so it becomes
 * `x.avaliado-2.xlsx`. The comparison ignores case, as Windows and macOS do.
 */
export function defaultOutputPath(input: string): string {
  const dir = path.dirname(input);
  const name = path.basename(input, path.extname(input)).replace(/\.avaliado$/i, "");
  const candidate = path.join(dir, `${name}.avaliado.xlsx`);
  if (path.resolve(candidate).toLowerCase() === path.resolve(input).toLowerCase()) return path.join(dir, `${name}.avaliado-2.xlsx`);
  return candidate;
}
