/**
 * The Excel host's writer: applies a `WritePlan` to the open workbook, following the rules in
 * plan/types.ts, in a number of `context.sync()` calls that does not grow with the rows:
 *
 * 1. one check sync, before anything is written: the sheets (name, position, protection), the workbook's
 *    structure protection when summaries are planned, the print titles of the user's sheets that should
 *    get some and the height of each owned block's header row (plan/types `UserSheetPrint`,
 *    `headerHeight`), every owned block's cells (header row and data rows,
 *    as `formulas`, so a formula that shows "" still counts as content) and the conditional-format rules
 *    that intersect each block. A non-empty cell in a column whose header is not the add-in's, a missing
 *    or protected sheet → `refused`, nothing written. Summary sheets that already exist →
 *    `needsConfirmation` unless `replaceSummaries`. Excel's answer has the same 5 MB limit: blocks so big
 *    that it would pass the budget (about 70,000 rows of the add-in's two columns) are read over more
 *    syncs.
 * 2. one write sync, or more only when the writes would pass the payload budget (4 MB; Excel on the web
 *    rejects 5 MB): calculation suspended (every write sync, since it lasts "until next sync") and screen
 *    updating suspended (first write sync only: repeated calls make Excel flicker); then old rules
 *    removed, owned blocks written as whole ranges, new rules added, summary sheets replaced.
 *
 * Old conditional formats: the rules that intersect an owned block are listed in the check sync
 * (`range.conditionalFormats`, the rules intersecting the range, with their type), and each custom
 * (formula) rule among them is deleted whole with `ConditionalFormat.delete()`. That removes an earlier
 * run's rule on all its areas, the user's result cells included, while the user's own rules elsewhere on
 * those cells stay untouched; clearing the rules of ranges (`conditionalFormats.clearAll()`) would have to
 * cover the result cells too, and there it would wipe rules the user made. The add-in writes only custom
 * rules, so a rule of another kind (data bar, colour scale, cell value…) is the user's and is kept, as the
 * file host does. The block covers every row it held before (plan rule), so an earlier run's rules always
 * intersect it. The plan's rules go after the user's remaining ones (the user's rule on the same cells
 * keeps precedence), in the plan's order: again as the file host numbers them.
 */
import { officeStrings } from "./messages";
import { columnLetter, toA1, type CellRange } from "../../workbook/a1";
import { summaryExtent } from "../../workbook/plan/summary";
import { isOwnedHeader } from "../../workbook/addinParts";
import {
  FIT_ONE_PAGE_WIDE,
  type CellStyle,
  type ChartSpec,
  type ConditionalRule,
  type OwnedColumns,
  type PlanCell,
  type SummarySheetPlan,
  type UserSheetPrint,
  type WritePlan,
} from "../../workbook/plan/types";
import { DEFAULT_MAX_PAYLOAD, jsonBytes, OP_OVERHEAD, WriteQueue } from "./batch";
import { columnsA1, formatInput, formulaInput, rangeA1 } from "./cells";
import { officeErrorCode, officeErrorMessage } from "./errors";
import {
  applyStyle,
  cellProperties,
  cellPropertiesBytes,
  columnWidthPoints,
  directStyleBytes,
  styleRects,
} from "./format";

export interface ApplyOptions {
  /** Replace summary sheets that already exist (the task pane asks first). Default: false. */
  replaceSummaries?: boolean;
  /** Largest estimated request of one write sync, in bytes. Default: 4 MB. */
  maxPayload?: number;
}

/** Why a plan was not applied, located where the user can look. */
export interface ApplyProblem {
  sheet: string;
  cell?: string;
  message: string;
}

export type ApplyReport =
  | {
      kind: "applied";
      /** Every `context.sync()` made: the check and the writes. */
      syncs: number;
      writeSyncs: number;
      /** The biggest estimated request of a write sync, in bytes. */
      largestPayload: number;
      cellsWritten: number;
      rulesRemoved: number;
      rulesAdded: number;
      summaries: string[];
    }
  | { kind: "refused"; syncs: number; problems: ApplyProblem[] }
  | { kind: "needsConfirmation"; syncs: number; sheets: string[]; message: string }
  | { kind: "failed"; syncs: number; code?: string; message: string };

interface SheetInfo {
  name: string;
  position: number;
  protected: boolean;
}

interface BlockCheck {
  block: OwnedColumns;
  rect: CellRange;
  /** The block's cells as `formulas`, in row parts (one unless the block is huge). */
  parts: Excel.Range[];
  rules?: Excel.ConditionalFormatCollection;
}

/** A user's sheet that should get print titles: its own, read in the check sync. */
interface TitleCheck {
  print: UserSheetPrint;
  rows?: Excel.Range;
  columns?: Excel.Range;
}

/** An owned block's header row, whose height is read in the check sync. */
interface HeaderCheck {
  block: OwnedColumns;
  format?: Excel.RangeFormat;
}

/**
 * Print titles on the user's sheets that have none (theirs are never replaced), and header rows grown to
 * the owned titles' wrapped height when lower (never shrunk).
 */
function writePrintSettings(
  queue: WriteQueue,
  context: Excel.RequestContext,
  titles: TitleCheck[],
  headers: HeaderCheck[],
): void {
  const sheet = (name: string) => context.workbook.worksheets.getItem(name);
  for (const t of titles) {
    const cols = t.print.titleColumns;
    if (!cols || !t.rows?.isNullObject || !t.columns?.isNullObject) continue;
    queue.add(OP_OVERHEAD, () =>
      sheet(t.print.sheet).pageLayout.setPrintTitleColumns(`$${columnLetter(cols.from)}:$${columnLetter(cols.to)}`),
    );
  }
  for (const h of headers) {
    const want = h.block.headerHeight ?? 0;
    if (!h.format || h.format.rowHeight >= want) continue;
    queue.add(
      OP_OVERHEAD,
      () => (sheet(h.block.sheet).getRange(`${h.block.headerRow}:${h.block.headerRow}`).format.rowHeight = want),
    );
  }
}

interface Stats {
  cells: number;
  rulesRemoved: number;
  rulesAdded: number;
}

const key = (name: string) => name.toLowerCase();

/** Applies a plan (see the module comment). Never throws for Office errors: they come back as `failed`. */
export async function applyPlan(
  context: Excel.RequestContext,
  plan: WritePlan,
  options: ApplyOptions = {},
): Promise<ApplyReport> {
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await context.sync();
  };
  const failed = (error: unknown, partial = false): ApplyReport => ({
    kind: "failed",
    syncs,
    ...(officeErrorCode(error) ? { code: officeErrorCode(error) } : {}),
    message: partial
      ? `${officeErrorMessage(error)} ${officeStrings.partiallyWritten}`
      : `${officeErrorMessage(error)} ${officeStrings.nothingWritten}`,
  });

  const blocks = plan.owned.filter((b) => b.headers.length > 0);
  const maxPayload = options.maxPayload ?? DEFAULT_MAX_PAYLOAD;
  const worksheets = context.workbook.worksheets;
  let structure: Excel.WorkbookProtection | undefined;
  const checks: BlockCheck[] = blocks.map((block) => ({ block, rect: blockRect(block), parts: [] }));
  // What the check reads, packed by the size of Excel's answer: one sync unless the blocks are huge. The
  // sheets and every block's rules come first, so a missing sheet fails the first sync.
  const reads = new WriteQueue(maxPayload);
  reads.add(3 * OP_OVERHEAD, () => {
    worksheets.load("items/name,items/position,items/protection/protected");
    if (plan.summaries.length > 0) structure = context.workbook.protection.load("protected");
  });
  for (const c of checks) {
    reads.add(2 * OP_OVERHEAD, () => {
      c.rules = worksheets
        .getItem(c.block.sheet)
        .getRange(rangeA1(c.rect))
        .conditionalFormats.load("items/id,items/type");
    });
  }
  // What the print settings need to know: the user's own print titles (kept when there are any) and the
  // header rows' heights (grown, never shrunk).
  const titleChecks: TitleCheck[] = (plan.userPrint ?? []).filter((p) => p.titleColumns).map((print) => ({ print }));
  const headerChecks: HeaderCheck[] = blocks.filter((b) => b.headerHeight).map((block) => ({ block }));
  if (titleChecks.length + headerChecks.length > 0) {
    reads.add(4 * OP_OVERHEAD * (titleChecks.length + headerChecks.length), () => {
      for (const t of titleChecks) {
        const layout = worksheets.getItem(t.print.sheet).pageLayout;
        t.rows = layout.getPrintTitleRowsOrNullObject().load("address");
        t.columns = layout.getPrintTitleColumnsOrNullObject().load("address");
      }
      for (const h of headerChecks)
        h.format = worksheets
          .getItem(h.block.sheet)
          .getRange(`${h.block.headerRow}:${h.block.headerRow}`)
          .format.load("rowHeight");
    });
  }
  for (const c of checks) {
    const { rect } = c;
    reads.addRows(answerEstimate(c.block, rect), 2 * OP_OVERHEAD, (start, end) => {
      const address = rangeA1({ ...rect, top: rect.top + start, bottom: rect.top + end - 1 });
      c.parts.push(worksheets.getItem(c.block.sheet).getRange(address).load("formulas"));
    });
  }
  try {
    for (const batch of reads.batches()) {
      for (const r of batch.writes) r.queue();
      await sync();
    }
  } catch (error) {
    // A sheet named by an owned block is gone (renamed or deleted since the read): say which.
    if (officeErrorCode(error) === "ItemNotFound") {
      try {
        const missing = await missingSheets(context, blocks, sync);
        if (missing.length > 0)
          return {
            kind: "refused",
            syncs,
            problems: missing.map((sheet) => ({ sheet, message: officeStrings.sheetMissing(sheet) })),
          };
      } catch (again) {
        return failed(again);
      }
    }
    return failed(error);
  }

  const sheets = new Map<string, SheetInfo>(
    worksheets.items.map((ws) => [
      key(ws.name),
      { name: ws.name, position: ws.position, protected: ws.protection.protected },
    ]),
  );
  const problems = [...sheetProblems(plan, sheets), ...checks.flatMap(userCells)];
  if (structure?.protected) problems.push({ sheet: plan.summaries[0].name, message: officeStrings.workbookProtected });
  if (problems.length > 0) return { kind: "refused", syncs, problems };

  const replaced = plan.summaries.map((p) => sheets.get(key(p.name))).filter((x): x is SheetInfo => !!x);
  if (replaced.length > 0 && !options.replaceSummaries) {
    const names = replaced.map((r) => r.name);
    return { kind: "needsConfirmation", syncs, sheets: names, message: officeStrings.confirmReplace(names) };
  }

  const queue = new WriteQueue(maxPayload);
  const stats: Stats = { cells: 0, rulesRemoved: 0, rulesAdded: 0 };
  planWrites(context, plan, checks, replaced, queue, stats);
  writePrintSettings(queue, context, titleChecks, headerChecks);

  let writeSyncs = 0;
  let largestPayload = 0;
  try {
    for (const batch of queue.batches()) {
      context.application.suspendApiCalculationUntilNextSync();
      if (writeSyncs === 0) context.application.suspendScreenUpdatingUntilNextSync();
      for (const w of batch.writes) w.queue();
      await sync();
      writeSyncs++;
      largestPayload = Math.max(largestPayload, batch.size);
    }
  } catch (error) {
    return failed(error, writeSyncs > 0);
  }
  return {
    kind: "applied",
    syncs,
    writeSyncs,
    largestPayload,
    cellsWritten: stats.cells,
    rulesRemoved: stats.rulesRemoved,
    rulesAdded: stats.rulesAdded,
    summaries: plan.summaries.map((p) => p.name),
  };
}

/** The cells an owned block writes: its header row and data rows (and any rows between). */
function blockRect(block: OwnedColumns): CellRange {
  const lastRow = block.firstRow + block.values.length - 1;
  return {
    top: Math.min(block.headerRow, block.firstRow),
    bottom: Math.max(block.headerRow, lastRow),
    left: block.col,
    right: block.col + block.headers.length - 1,
  };
}

/**
 * The size of Excel's answer for each row of a block's cells, guessed from the plan: the cells most
 * likely hold what the last run wrote, which is what this run writes (plus room for longer texts).
 */
function answerEstimate(block: OwnedColumns, rect: CellRange): number[] {
  const out: number[] = [];
  for (let row = rect.top; row <= rect.bottom; row++) {
    const cells =
      row === block.headerRow ? block.headers : row >= block.firstRow ? block.values[row - block.firstRow] : undefined;
    let size = 2;
    for (let c = 0; c < block.headers.length; c++) size += Math.ceil(jsonBytes(formulaInput(cells?.[c])) * 1.25) + 4;
    out.push(size);
  }
  return out;
}

async function missingSheets(
  context: Excel.RequestContext,
  blocks: OwnedColumns[],
  sync: () => Promise<void>,
): Promise<string[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await sync();
  const present = new Set(worksheets.items.map((ws) => key(ws.name)));
  return [...new Set(blocks.map((b) => b.sheet))].filter((name) => !present.has(key(name)));
}

/** Sheets the plan writes to that are gone or protected. */
function sheetProblems(plan: WritePlan, sheets: Map<string, SheetInfo>): ApplyProblem[] {
  const names = new Map<string, string>();
  for (const item of [...plan.owned, ...plan.rules])
    if (!names.has(key(item.sheet))) names.set(key(item.sheet), item.sheet);
  const out: ApplyProblem[] = [];
  for (const [k, name] of names) {
    const info = sheets.get(k);
    if (!info) out.push({ sheet: name, message: officeStrings.sheetMissing(name) });
    else if (info.protected) out.push({ sheet: info.name, message: officeStrings.sheetProtected(info.name) });
  }
  return out;
}

const isBlank = (v: unknown) => v === "" || v === null || v === undefined;

/**
 * Cells of a block the user filled: a column is the add-in's when its header cell holds an owned header;
 * in any other column, a non-empty header cell or data cell would be overwritten. One problem per column
 * (its first such cell, and how many more), so a full column does not bury the message.
 */
function userCells(check: BlockCheck): ApplyProblem[] {
  const { block, rect } = check;
  const grid = check.parts.flatMap((part) => part.formulas as unknown[][]);
  const at = (row: number, col: number) => grid[row - rect.top]?.[col - rect.left];
  const out: ApplyProblem[] = [];
  block.headers.forEach((planned, j) => {
    const col = block.col + j;
    const header = at(block.headerRow, col);
    if (typeof header === "string" && isOwnedHeader(header)) return;
    const title = String(planned.value ?? "");
    if (!isBlank(header)) {
      const cell = toA1(block.headerRow, col);
      out.push({
        sheet: block.sheet,
        cell,
        message: officeStrings.userCell(block.sheet, cell, String(header), title, 0),
      });
      return;
    }
    let first: number | undefined;
    let count = 0;
    for (let i = 0; i < block.values.length; i++) {
      const row = block.firstRow + i;
      if (isBlank(at(row, col))) continue;
      first ??= row;
      count++;
    }
    if (first !== undefined) {
      const cell = toA1(first, col);
      out.push({
        sheet: block.sheet,
        cell,
        message: officeStrings.userCell(block.sheet, cell, String(at(first, col)), title, count - 1),
      });
    }
  });
  return out;
}

/** Queues every write of the plan, in the order they must reach Excel. */
function planWrites(
  context: Excel.RequestContext,
  plan: WritePlan,
  checks: BlockCheck[],
  replaced: SheetInfo[],
  queue: WriteQueue,
  stats: Stats,
): void {
  const cache = new Map<string, Excel.Worksheet>();
  const sheetOf = (name: string) => () => {
    let ws = cache.get(key(name));
    if (!ws) {
      ws = context.workbook.worksheets.getItem(name);
      cache.set(key(name), ws);
    }
    return ws;
  };

  // Earlier runs' rules, each once (two blocks on a sheet can intersect the same rule).
  const seen = new Set<string>();
  for (const c of checks) {
    for (const rule of c.rules?.items ?? []) {
      const id = `${key(c.block.sheet)}|${rule.id}`;
      if (rule.type !== "Custom" || seen.has(id)) continue;
      seen.add(id);
      stats.rulesRemoved++;
      queue.add(OP_OVERHEAD, () => rule.delete());
    }
  }

  // Summary sheets being replaced go first, so their names are free; each comes back at its position.
  const byPosition = [...replaced].sort((a, b) => a.position - b.position);
  for (const old of byPosition) queue.add(OP_OVERHEAD, () => context.workbook.worksheets.getItem(old.name).delete());

  for (const block of checks.map((c) => c.block)) writeOwned(queue, sheetOf(block.sheet), block, stats);
  writeRules(queue, sheetOf, plan.rules, stats);
  for (const print of plan.userPrint ?? []) writeUserPrint(queue, sheetOf(print.sheet), print);

  const oldPosition = new Map(replaced.map((r) => [key(r.name), r.position]));
  const order = [...plan.summaries].sort(
    (a, b) => (oldPosition.get(key(a.name)) ?? Infinity) - (oldPosition.get(key(b.name)) ?? Infinity),
  );
  for (const summary of order) writeSummary(context, queue, summary, oldPosition.get(key(summary.name)), stats);
}

/** The fit asked for on a user's sheet (only when the user asked: the plan carries `fit` then). */
function writeUserPrint(queue: WriteQueue, sheet: () => Excel.Worksheet, print: UserSheetPrint): void {
  const { fit, orientation } = print;
  if (!fit && !orientation) return;
  queue.add(2 * OP_OVERHEAD, () => {
    const page = sheet().pageLayout;
    if (orientation) page.orientation = orientation === "landscape" ? "Landscape" : "Portrait";
    if (fit) page.zoom = { horizontalFitToPages: fit.width, verticalFitToPages: fit.height };
  });
}

function writeOwned(queue: WriteQueue, sheet: () => Excel.Worksheet, block: OwnedColumns, stats: Stats): void {
  const width = block.headers.length;
  // Header and data rows are one block when adjacent (the usual case), two otherwise.
  if (block.headerRow === block.firstRow - 1) {
    writeCells(queue, sheet, block.headerRow, block.col, [block.headers, ...block.values], width, stats, true);
  } else {
    writeCells(queue, sheet, block.headerRow, block.col, [block.headers], width, stats, true);
    writeCells(queue, sheet, block.firstRow, block.col, block.values, width, stats, true);
  }
  writeWidths(queue, sheet, block.col, block.widths);
}

/**
 * A grid of plan cells from (`top`, `left`): formulas (a cell's formula, else its value) and number
 * formats as whole ranges, cut in row chunks only when they would not fit one request; then styles.
 * `clearFirst` resets the block's formats, so a style an earlier run left on a cell that has none now goes.
 */
function writeCells(
  queue: WriteQueue,
  sheet: () => Excel.Worksheet,
  top: number,
  left: number,
  cells: (PlanCell | undefined)[][],
  width: number,
  stats: Stats,
  clearFirst: boolean,
): void {
  if (cells.length === 0 || width === 0) return;
  const right = left + width - 1;
  if (clearFirst) {
    const all = rangeA1({ top, left, bottom: top + cells.length - 1, right });
    queue.add(OP_OVERHEAD, () => sheet().getRange(all).clear("Formats"));
  }
  const formulas = cells.map((row) => Array.from({ length: width }, (_, c) => formulaInput(row[c])));
  const formats = cells.map((row) => Array.from({ length: width }, (_, c) => formatInput(row[c])));
  const sizes = formulas.map((row, r) => jsonBytes(row) + jsonBytes(formats[r]) + 2);
  queue.addRows(sizes, 3 * OP_OVERHEAD, (start, end) => {
    const range = sheet().getRange(rangeA1({ top: top + start, left, bottom: top + end - 1, right }));
    // Formulas first: the number format then wins over any format Excel guesses on entry.
    range.formulas = formulas.slice(start, end);
    range.numberFormat = formats.slice(start, end);
  });
  stats.cells += cells.length * width;
  writeStyles(
    queue,
    sheet,
    top,
    left,
    cells.map((row) => Array.from({ length: width }, (_, c) => row[c]?.style)),
  );
}

/**
 * Styles by rectangles of one style through the format setters, or the whole grid through
 * `setCellProperties` when that takes fewer bytes (many small rectangles).
 */
function writeStyles(
  queue: WriteQueue,
  sheet: () => Excel.Worksheet,
  top: number,
  left: number,
  styles: (CellStyle | undefined)[][],
): void {
  const rects = styleRects(styles);
  if (rects.length === 0) return;
  const direct = rects.reduce((n, r) => n + directStyleBytes(r), 0);
  const props = styles.map((row) => row.map(cellProperties));
  if (direct <= cellPropertiesBytes(props)) {
    for (const r of rects) {
      const address = rangeA1({ top: top + r.top, left: left + r.left, bottom: top + r.bottom, right: left + r.right });
      queue.add(directStyleBytes(r), () =>
        applyStyle(sheet().getRange(address), r.style, r.bottom - r.top + 1, r.right - r.left + 1),
      );
    }
    return;
  }
  const width = props.reduce((w, row) => Math.max(w, row.length), 0);
  const full = props.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? {}));
  queue.addRows(
    full.map((row) => jsonBytes(row) + 1),
    2 * OP_OVERHEAD,
    (start, end) =>
      sheet()
        .getRange(rangeA1({ top: top + start, left, bottom: top + end - 1, right: left + width - 1 }))
        .setCellProperties(full.slice(start, end)),
  );
}

/** Column widths from `left`, neighbouring columns of one width in one call. */
function writeWidths(queue: WriteQueue, sheet: () => Excel.Worksheet, left: number, widths: number[]): void {
  for (let i = 0; i < widths.length;) {
    let j = i;
    while (j + 1 < widths.length && widths[j + 1] === widths[i]) j++;
    const address = columnsA1(left + i, left + j);
    const points = columnWidthPoints(widths[i]);
    if (Number.isFinite(points) && widths[i] > 0)
      queue.add(OP_OVERHEAD, () => (sheet().getRange(address).format.columnWidth = points));
    i = j + 1;
  }
}

/** Excel clamps a priority past the last one to the last: "after every rule there is". */
const LAST_PRIORITY = 1_000_000;

/**
 * One rule per `ConditionalRule`, on all its areas at once. Excel's priorities are per sheet; a sheet's
 * rules are added in the plan's order, each moved to the end, so they follow the user's remaining rules
 * and keep their order among themselves.
 */
function writeRules(
  queue: WriteQueue,
  sheetOf: (name: string) => () => Excel.Worksheet,
  rules: ConditionalRule[],
  stats: Stats,
): void {
  const bySheet = new Map<string, ConditionalRule[]>();
  for (const r of rules) {
    const list = bySheet.get(key(r.sheet)) ?? [];
    list.push(r);
    bySheet.set(key(r.sheet), list);
  }
  for (const list of bySheet.values()) {
    [...list]
      .sort((a, b) => a.priority - b.priority)
      .forEach((rule) => {
        const sheet = sheetOf(rule.sheet);
        stats.rulesAdded++;
        queue.add(8 * OP_OVERHEAD + jsonBytes(rule), () => {
          const cf = sheet().getRanges(rule.areas.join(", ")).conditionalFormats.add("Custom");
          cf.custom.rule.formula = `=${rule.formula}`;
          const { fill, color, bold, italic } = rule.style;
          if (fill !== undefined) cf.custom.format.fill.color = fill;
          if (color !== undefined) cf.custom.format.font.color = color;
          if (bold !== undefined) cf.custom.format.font.bold = bold;
          if (italic !== undefined) cf.custom.format.font.italic = italic;
          cf.stopIfTrue = true;
          cf.priority = LAST_PRIORITY;
        });
      });
  }
}

/** A summary sheet, added at the end or at the position of the one it replaces. */
function writeSummary(
  context: Excel.RequestContext,
  queue: WriteQueue,
  summary: SummarySheetPlan,
  position: number | undefined,
  stats: Stats,
): void {
  let added: Excel.Worksheet | undefined;
  const sheet = () => {
    if (!added) throw new Error(`summary sheet ${summary.name} used before it was added`);
    return added;
  };
  queue.add(2 * OP_OVERHEAD, () => {
    added = context.workbook.worksheets.add(summary.name);
    if (position !== undefined) added.position = position;
  });
  const width = summary.rows.reduce((w, row) => Math.max(w, row.length), 0);
  writeCells(queue, sheet, 1, 1, summary.rows, width, stats, false);
  for (const m of summary.merges) queue.add(OP_OVERHEAD, () => sheet().getRange(m).merge(false));
  writeWidths(queue, sheet, 1, summary.widths);
  writeHeights(queue, sheet, summary.heights ?? []);
  const extent = summaryExtent(summary);
  queue.add(4 * OP_OVERHEAD, () => {
    const page = sheet().pageLayout;
    page.orientation = summary.print.orientation === "landscape" ? "Landscape" : "Portrait";
    page.paperSize = "A4";
    // Margins in points: 0,25 in (18 pt) left and right on narrow-margin sheets.
    if (summary.print.margins === "narrow") {
      page.leftMargin = 18;
      page.rightMargin = 18;
    }
    // One page wide, as many pages tall as needed (0: no limit down the page), unless the plan says otherwise.
    const fit = summary.print.fit ?? FIT_ONE_PAGE_WIDE;
    page.zoom = { horizontalFitToPages: fit.width, verticalFitToPages: fit.height };
    if (extent) page.setPrintArea(rangeA1(extent));
    for (const row of summary.pageBreaks ?? []) sheet().horizontalPageBreaks.add(`A${row}`);
  });
  if (summary.chart) {
    const chart = summary.chart;
    queue.add(20 * OP_OVERHEAD + jsonBytes(chart), () => addChart(sheet(), chart));
  }
}

/** Row heights in points, neighbouring rows of one height in one call. */
function writeHeights(
  queue: WriteQueue,
  sheet: () => Excel.Worksheet,
  heights: { row: number; height: number }[],
): void {
  const sorted = heights.filter((h) => h.row >= 1 && h.height > 0).sort((a, b) => a.row - b.row);
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (
      j + 1 < sorted.length &&
      sorted[j + 1].row === sorted[j].row + 1 &&
      sorted[j + 1].height === sorted[i].height
    )
      j++;
    const address = `${sorted[i].row}:${sorted[j].row}`;
    const height = sorted[i].height;
    queue.add(OP_OVERHEAD, () => (sheet().getRange(address).format.rowHeight = height));
    i = j + 1;
  }
}

/** The bars' colour, the same as the file host's chart. */
const BAR_COLOR = "#2F5597";

/**
 * A clustered bar chart of `values`, its categories set apart (they need not be next to the values),
 * placed from `from` to the cell before `to` (the plan's `to` is just past the corner; `setPosition`
 * covers its end cell). It looks like the file host's: first category on top (the table's order, with the
 * value axis kept at the bottom), values labelled on the bars, each bar in its `pointColors` colour, no legend.
 */
function addChart(ws: Excel.Worksheet, spec: ChartSpec): void {
  const line = spec.kind === "line";
  const chart = ws.charts.add(line ? "Line" : "BarClustered", ws.getRange(spec.values), "Columns");
  chart.title.text = spec.title;
  // One series, which the title names: no legend.
  chart.legend.visible = false;
  const series = chart.series.getItemAt(0);
  series.name = spec.seriesName;
  series.setXAxisValues(ws.getRange(spec.categories));
  series.format.fill.setSolidColor(BAR_COLOR);
  // Each bar in the colour of the cell it stands for (concept, band), as the file host's chart.
  (spec.pointColors ?? []).forEach((color, i) => {
    if (color && !line) series.points.getItemAt(i).format.fill.setSolidColor(color);
  });
  series.hasDataLabels = true;
  series.dataLabels.showValue = true;
  // Bars read top-down in the table's order; a line over time reads left to right as it is.
  if (!line) {
    const categories = chart.axes.categoryAxis;
    categories.reversePlotOrder = true;
    categories.position = "Maximum";
  }
  if (spec.percent) {
    // One decimal, as the tables: at "0%", a 99,7% that misses its target read "100%".
    series.dataLabels.numberFormat = "0.0%";
    const axis = chart.axes.valueAxis;
    axis.minimum = 0;
    axis.maximum = 1;
    axis.majorUnit = 0.25;
    axis.numberFormat = "0%";
  }
  const end = toA1(Math.max(spec.from.row, spec.to.row - 1), Math.max(spec.from.col, spec.to.col - 1));
  chart.setPosition(toA1(spec.from.row, spec.from.col), end);
}
