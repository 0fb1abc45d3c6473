/**
 * The task pane's host inside Excel: `TaskpaneHost` (workbook/host.ts) over Office.js. Each method is one
 * `Excel.run` whose work is the adapter's (read.ts, apply.ts, select.ts) or, for the pane's own writes
 * (settings, cells typed in the pane, starter tables), a check sync followed by one write sync:
 *
 * | method           | syncs                                                                  |
 * | ---------------- | ---------------------------------------------------------------------- |
 * | `read`           | 2 (more only when Excel refuses the used ranges in one response)        |
 * | `apply`          | 1 check + 1 write (more only past the 4 MB payload budget)              |
 * | `select`         | 1                                                                      |
 * | `saveSettings`   | 1 check + 1 write                                                      |
 * | `writeCells`     | 1 check + 1 write (0 when there is nothing to write)                   |
 * | `insertTemplate` | 1 check + 1 write                                                      |
 *
 * A refusal happens in the check, before anything is queued, so it leaves the workbook as it was. Every
 * method resolves: Office errors come back as pt-BR messages (errors.ts). On an Excel without the minimum
 * API (requirements.ts) no method calls Excel: each says which Excel it needs.
 */
import { excelHostStrings, officeHostStrings } from "./messages";
import type { LocatedProblem } from "../../core/evaluate";
import type { ApplyOutcome, CellWrite, HostResult, TaskpaneHost, TemplateTable } from "../../workbook/host";
import { columnLetter, fromA1, toA1 } from "../../workbook/a1";
import type { WorkbookData } from "../../workbook/model";
import { settingsToCells, SETTINGS_SHEET, type WorkbookSettings } from "../../workbook/settings";
import { applyPlan, type ApplyReport } from "./apply";
import { columnsA1, formulaInput, rangeA1 } from "./cells";
import { officeErrorMessage } from "./errors";
import { columnWidthPoints } from "./format";
import { readWorkbook } from "./read";
import { excelSupport, type ExcelSupport } from "./requirements";
import { selectCell } from "./select";
import { pageShown, watchOffice, type OfficeEvents } from "./watch";

/** `Excel.run`, or a stand-in for it (the fake Excel's `run` in tests). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Rows below a starter table's data that get its drop-down lists too, so rows the user adds have them. */
export const TEMPLATE_SPARE_ROWS = 1000;

/** The row of a starter table's header (its title is on row 1). */
const TEMPLATE_HEADER_ROW = 3;

const ok = <T>(value: T): HostResult<T> => ({ ok: true, value });
const fail = <T>(message: string): HostResult<T> => ({ ok: false, message });
const key = (name: string) => name.toLowerCase();

/** What `range.formulas` takes for a value the pane writes: texts stay texts (see `formulaInput`). */
const input = (value: string | number | null) => formulaInput({ value });

/**
 * The task pane's host for the workbook open in Excel; `run` defaults to `Excel.run`, `office` (the events:
 * watch.ts) to the global `Office`, `support` to what `Office.context.requirements` says this Excel has.
 */
export function createOfficeHost(
  run: ExcelRun = (batch) => Excel.run(batch),
  office: OfficeEvents | undefined = typeof Office === "undefined" ? undefined : (Office as unknown as OfficeEvents),
  support: ExcelSupport = excelSupport(),
): TaskpaneHost {
  /** One `Excel.run`; anything it throws becomes a pt-BR message. */
  const attempt = async <T>(
    batch: (context: Excel.RequestContext) => Promise<HostResult<T>>,
  ): Promise<HostResult<T>> => {
    if (!support.minimum) return fail(excelHostStrings.excelTooOld);
    try {
      return await run(batch);
    } catch (error) {
      return fail(officeErrorMessage(error));
    }
  };

  return {
    isShown: () => pageShown(),

    subscribe: (listener) => watchOffice(listener, run, office),

    read: () =>
      attempt<WorkbookData>(async (context) => ok(await readWorkbook(context, { mergedAreas: support.mergedAreas }))),

    async apply(plan, options) {
      if (!support.minimum) return { kind: "failed", message: excelHostStrings.excelTooOld };
      try {
        return outcomeOf(
          await run((context) => applyPlan(context, plan, { replaceSummaries: options.replaceSummaries })),
        );
      } catch (error) {
        return { kind: "failed", message: officeErrorMessage(error) };
      }
    },

    select: (sheet, address) =>
      attempt<void>(async (context) => {
        const result = await selectCell(context, sheet, address);
        return result.kind === "selected" ? ok(undefined) : fail(result.message);
      }),

    saveSettings: (settings) => attempt((context) => saveSettings(context, settings)),

    writeCells: (cells) =>
      cells.length === 0 ? Promise.resolve(ok(undefined)) : attempt((context) => writeCells(context, cells)),

    insertTemplate: (template) => attempt((context) => insertTemplate(context, template)),
  };
}

/** The adapter's report in the pane's terms. */
export function outcomeOf(report: ApplyReport): ApplyOutcome {
  switch (report.kind) {
    case "applied":
      return { kind: "applied", syncs: report.syncs, largestPayload: report.largestPayload };
    case "needsConfirmation":
      return { kind: "needsConfirmation", sheets: report.sheets };
    case "refused":
      return {
        kind: "refused",
        problems: report.problems.map((p): LocatedProblem => ({
          code: "writeRefused",
          sheet: p.sheet,
          ...(p.cell !== undefined ? { cell: p.cell } : {}),
          message: p.message,
        })),
      };
    case "failed":
      return { kind: "failed", message: report.message };
  }
}

/**
 * The settings into column A of the very hidden sheet `Contratualiza_config`: column A cleared first (a
 * shorter JSON leaves no old chunk behind), the sheet created when missing and made very hidden when it
 * is not. Creating or hiding a sheet changes the workbook's structure: refused when it is protected.
 */
async function saveSettings(context: Excel.RequestContext, settings: WorkbookSettings): Promise<HostResult<void>> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET).load("visibility,protection/protected");
  const structure = context.workbook.protection.load("protected");
  await context.sync();

  const missing = sheet.isNullObject;
  if (!missing && sheet.protection.protected) return fail(officeHostStrings.settingsSheetProtected(SETTINGS_SHEET));
  const hide = missing || sheet.visibility !== "VeryHidden";
  if (hide && structure.protected) return fail(officeHostStrings.settingsStructureProtected);

  const ws = missing ? context.workbook.worksheets.add(SETTINGS_SHEET) : sheet;
  const cells = settingsToCells(settings);
  ws.getRange("A:A").clear("Contents");
  ws.getRange(`A1:A${cells.length}`).formulas = cells.map((row) => row.map(input));
  if (hide) ws.visibility = "VeryHidden";
  await context.sync();
  return ok(undefined);
}

/** The cells of one sheet to write, as runs of neighbouring cells in a row (one range each). */
interface RowRun {
  row: number;
  left: number;
  values: (string | number)[];
}

/**
 * Cells typed in the pane: one sync checks every sheet (there, not protected) and address, then one sync
 * writes them all, neighbouring cells of a row as one range. A refusal writes nothing.
 */
async function writeCells(context: Excel.RequestContext, cells: CellWrite[]): Promise<HostResult<void>> {
  const worksheets = context.workbook.worksheets.load("items/name,items/protection/protected");
  await context.sync();
  const sheets = new Map(
    worksheets.items.map((ws) => [key(ws.name), { name: ws.name, protected: ws.protection.protected }]),
  );

  const problems: string[] = [];
  // By sheet (its name in the workbook), the cells by row and column; a later write to a cell wins.
  const bySheet = new Map<string, Map<number, Map<number, string | number>>>();
  for (const cell of cells) {
    const info = sheets.get(key(cell.sheet));
    const at = fromA1(cell.address.replace(/\$/g, ""));
    let problem: string | undefined;
    if (!info) problem = officeHostStrings.cellsSheetMissing(cell.sheet);
    else if (info.protected) problem = officeHostStrings.cellsSheetProtected(info.name);
    else if (!at) problem = officeHostStrings.cellsBadAddress(info.name, cell.address);
    if (problem !== undefined) {
      if (!problems.includes(problem)) problems.push(problem);
      continue;
    }
    if (!info || !at) continue;
    const rows = bySheet.get(info.name) ?? new Map<number, Map<number, string | number>>();
    bySheet.set(info.name, rows);
    const row = rows.get(at.row) ?? new Map<number, string | number>();
    rows.set(at.row, row);
    row.set(at.col, input(cell.value));
  }
  if (problems.length > 0) return fail(problems.join(" "));

  for (const [name, rows] of bySheet) {
    const ws = context.workbook.worksheets.getItem(name);
    for (const run of rowRuns(rows)) {
      const range = rangeA1({ top: run.row, bottom: run.row, left: run.left, right: run.left + run.values.length - 1 });
      ws.getRange(range).formulas = [run.values];
    }
  }
  await context.sync();
  return ok(undefined);
}

/** Runs of neighbouring columns in each row, top to bottom, left to right. */
function rowRuns(rows: Map<number, Map<number, string | number>>): RowRun[] {
  const out: RowRun[] = [];
  for (const row of [...rows.keys()].sort((a, b) => a - b)) {
    const cols = rows.get(row) ?? new Map<number, string | number>();
    let current: RowRun | undefined;
    for (const col of [...cols.keys()].sort((a, b) => a - b)) {
      const value = cols.get(col) ?? "";
      if (current && current.left + current.values.length === col) current.values.push(value);
      else {
        current = { row, left: col, values: [value] };
        out.push(current);
      }
    }
  }
  return out;
}

/**
 * A starter table on a new sheet: the title in A1 (bold), the header on row 3 and the rows below it, an
 * Excel table over them, drop-down lists on the listed columns (the data rows and `TEMPLATE_SPARE_ROWS`
 * below), the column widths; then the sheet is activated. Refused, before anything is written, when a
 * sheet or a table of that name exists or the workbook's structure is protected.
 */
async function insertTemplate(
  context: Excel.RequestContext,
  template: TemplateTable,
): Promise<HostResult<{ sheet: string }>> {
  const worksheets = context.workbook.worksheets.load("items/name");
  const tables = context.workbook.tables.load("items/name");
  const structure = context.workbook.protection.load("protected");
  await context.sync();
  if (worksheets.items.some((ws) => key(ws.name) === key(template.sheet)))
    return fail(officeHostStrings.templateSheetExists(template.sheet));
  if (tables.items.some((tb) => key(tb.name) === key(template.table)))
    return fail(officeHostStrings.templateTableExists(template.table));
  if (structure.protected) return fail(officeHostStrings.templateStructureProtected);

  const width = Math.max(1, template.headers.length);
  // An Excel table needs a data row: an empty one when the template has none.
  const rows = template.rows.length > 0 ? template.rows : [[]];
  const grid = [template.headers, ...rows].map((row) => Array.from({ length: width }, (_, c) => input(row[c] ?? null)));
  const top = TEMPLATE_HEADER_ROW;
  const bottom = top + rows.length;
  const right = columnLetter(width);

  const ws = context.workbook.worksheets.add(template.sheet);
  const title = ws.getRange("A1");
  title.formulas = [[input(template.title)]];
  title.format.font.bold = true;
  title.format.font.size = 14;
  ws.getRange(`A${top}:${right}${bottom}`).formulas = grid;
  const table = ws.tables.add(`A${top}:${right}${bottom}`, true);
  table.name = template.table;
  for (const list of template.lists) {
    if (list.column < 0 || list.column >= width || list.values.length === 0) continue;
    const col = columnLetter(list.column + 1);
    ws.getRange(`${col}${top + 1}:${col}${bottom + TEMPLATE_SPARE_ROWS}`).dataValidation.rule = {
      list: { inCellDropDown: true, source: list.values.join(",") },
    };
  }
  for (let i = 0; i < template.widths.length && i < width;) {
    let j = i;
    while (j + 1 < template.widths.length && j + 1 < width && template.widths[j + 1] === template.widths[i]) j++;
    if (template.widths[i] > 0)
      ws.getRange(columnsA1(i + 1, j + 1)).format.columnWidth = columnWidthPoints(template.widths[i]);
    i = j + 1;
  }
  ws.activate();
  ws.getRange(toA1(top + 1, 1)).select();
  await context.sync();
  return ok({ sheet: template.sheet });
}
