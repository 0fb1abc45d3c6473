/**
 * The Excel host's reader: the open workbook → `WorkbookData`, the same shape the file host's reader
 * gives (xlsx/read.ts), in a number of `context.sync()` calls that does not grow with rows or sheets:
 *
 * 1. the sheets (name, visibility) and the tables (name, sheet);
 * 2. for every sheet, its used range of values (`getUsedRangeOrNullObject(true)`: cells with values only,
 *    as the file host's block from the first to the last value) with `address`, `values` and
 *    `numberFormat`, its merged areas, and every table's range address.
 *
 * Differences from the file host, on purpose: dates stay Excel serial numbers with their date format (the
 * core reads date formats; a `Date` would need the workbook's 1900/1904 system), and nothing is
 * unsupported (Excel keeps charts, pivots and the add-in's settings). Hidden sheets are read too: a
 * mapping may name one.
 *
 * Excel on the web rejects a response over 5 MB. When the second sync is refused for that, the values
 * are read again in row chunks of `maxCellsPerSync` cells, one sync each (halved while Excel still
 * refuses them): only then does the count grow.
 */
import type { CellData, SheetData, TableInfo, WorkbookData } from "../port";
import { isBareCell, localAddress, rangeA1, rangeOf, readCell, splitAreas } from "./cells";
import { officeErrorCode } from "./errors";
import { pushAll } from "../../core/arrays";

export interface ReadOptions {
  /** Cells per sync when the used ranges are too big for one response (only after Excel refused one). */
  maxCellsPerSync?: number;
}

/** About 40 bytes a cell with its format: 50,000 cells stay well under 5 MB. */
const DEFAULT_CELLS_PER_SYNC = 50_000;

/** One sheet's used range as Excel answered it (`address` empty for a sheet without values). */
interface UsedGrid {
  address: string;
  values: unknown[][];
  formats: unknown[][];
}

interface SheetHandle {
  ws: Excel.Worksheet;
  name: string;
  hidden: boolean;
}

/** Reads the workbook (see the module comment). Office errors reject; `officeErrorMessage` words them. */
export async function readWorkbook(context: Excel.RequestContext, options: ReadOptions = {}): Promise<WorkbookData> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  const tables = context.workbook.tables;
  tables.load("items/name,items/worksheet/name");
  await context.sync();

  const sheets: SheetHandle[] = worksheets.items.map((ws) => ({ ws, name: ws.name, hidden: ws.visibility !== "Visible" }));
  const tableList = tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name, table: t }));

  const queueShapes = () => ({
    tableRanges: tableList.map((t) => t.table.getRange().load("address")),
    merged: sheets.map((s) => s.ws.getRange().getMergedAreasOrNullObject().load("address")),
  });
  let shapes = queueShapes();
  const used = sheets.map((s) => s.ws.getUsedRangeOrNullObject(true).load("address,values,numberFormat"));
  let grids: UsedGrid[];
  try {
    await context.sync();
    grids = used.map((u) => (u.isNullObject ? { address: "", values: [], formats: [] } : { address: u.address, values: u.values, formats: u.numberFormat }));
  } catch (error) {
    if (officeErrorCode(error) !== "RequestPayloadSizeLimitExceeded") throw error;
    shapes = queueShapes();
    // Texts make some cells far bigger than others: a chunk still refused is read again in halves.
    for (let cells = options.maxCellsPerSync ?? DEFAULT_CELLS_PER_SYNC; ; cells = Math.floor(cells / 2)) {
      try {
        grids = await readInChunks(context, sheets, cells);
        break;
      } catch (again) {
        if (officeErrorCode(again) !== "RequestPayloadSizeLimitExceeded" || cells < 2_000) throw again;
      }
    }
  }

  const tablesBySheet = new Map<string, TableInfo[]>();
  tableList.forEach((t, i) => {
    const list = tablesBySheet.get(t.sheet) ?? [];
    list.push({ name: t.name, ref: localAddress(shapes.tableRanges[i].address) });
    tablesBySheet.set(t.sheet, list);
  });

  return {
    sheets: sheets.map((s, i) => {
      const merges = shapes.merged[i].isNullObject ? [] : splitAreas(shapes.merged[i].address);
      const grid = grids[i];
      return sheetData(s, grid.address, grid.values, grid.formats, tablesBySheet.get(s.name) ?? [], merges);
    }),
    unsupported: [],
  };
}

/**
 * The used ranges read in row chunks, after Excel refused them in one response: one sync for their
 * addresses (with the tables and merges queued again by the caller), then one per `cellsPerSync` cells.
 */
async function readInChunks(
  context: Excel.RequestContext,
  sheets: SheetHandle[],
  cellsPerSync: number,
): Promise<UsedGrid[]> {
  const used = sheets.map((s) => s.ws.getUsedRangeOrNullObject(true).load("address"));
  await context.sync();
  const grids: UsedGrid[] = used.map((u) => ({ address: u.isNullObject ? "" : u.address, values: [], formats: [] }));
  type Chunk = { sheet: number; top: number; bottom: number; left: number; right: number };
  const chunks: Chunk[] = [];
  grids.forEach((g, i) => {
    const r = g.address ? rangeOf(g.address) : undefined;
    if (!r) return;
    const cols = r.right - r.left + 1;
    const rowsPerChunk = Math.max(1, Math.floor(cellsPerSync / cols));
    for (let top = r.top; top <= r.bottom; top += rowsPerChunk) {
      chunks.push({ sheet: i, top, bottom: Math.min(r.bottom, top + rowsPerChunk - 1), left: r.left, right: r.right });
    }
  });
  // Chunks are packed into syncs of at most `cellsPerSync` cells, in sheet and row order.
  let pending: { chunk: Chunk; range: Excel.Range }[] = [];
  let cells = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    await context.sync();
    for (const { chunk, range } of pending) {
      pushAll(grids[chunk.sheet].values, range.values);
      pushAll(grids[chunk.sheet].formats, range.numberFormat);
    }
    pending = [];
    cells = 0;
  };
  for (const chunk of chunks) {
    const size = (chunk.bottom - chunk.top + 1) * (chunk.right - chunk.left + 1);
    if (cells > 0 && cells + size > cellsPerSync) await flush();
    const range = sheets[chunk.sheet].ws.getRange(rangeA1(chunk)).load("values,numberFormat");
    pending.push({ chunk, range });
    cells += size;
  }
  await flush();
  return grids;
}

/** One sheet's used range as `SheetData`, laid out as the file host lays it out. */
export function sheetData(
  sheet: { name: string; hidden: boolean },
  address: string,
  values: unknown[][],
  formats: unknown[][],
  tables: TableInfo[],
  merges: string[],
): SheetData {
  const base = { name: sheet.name, tables, merges, ...(sheet.hidden ? { hidden: true } : {}) };
  const range = address ? rangeOf(address) : undefined;
  if (!range || values.length === 0) return { ...base, origin: { row: 1, col: 1 }, rows: [] };
  const rows: CellData[][] = values.map((row, r) => {
    const cells = row.map((v, c) => readCell(v, formats[r]?.[c]));
    // Like the file host: a row ends at its last cell with a value or a format; an empty row is [].
    let end = cells.length;
    while (end > 0 && isBareCell(cells[end - 1])) end--;
    return cells.slice(0, end);
  });
  return { ...base, origin: { row: range.top, col: range.left }, rows };
}
