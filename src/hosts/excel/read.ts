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
 * core reads date formats; a `Date` would need the workbook's 1900/1904 system). Hidden sheets are read
 * too: a mapping may name one.
 *
 * Excel on the web rejects a response over 5 MB. When the second sync is refused for that, the values
 * are read again in row chunks of `maxCellsPerSync` cells, one sync each (halved while Excel still
 * refuses them): only then does the count grow. A used range of millions of cells can also come back
 * with `values` (or `numberFormat`) null instead of an error; that is read in chunks the same way, and a
 * chunk still answered null stops the read with a message naming the sheet.
 *
 * Merged areas need ExcelApi 1.13 (requirements.ts): with `mergedAreas: false` they are not asked for,
 * every sheet's `merges` is empty and `readNotes` says so.
 */
import { excelHostStrings } from "./messages";
import type { CellData, SheetData, TableInfo, WorkbookData } from "../../workbook/model";
import { isBareCell, localAddress, rangeA1, rangeOf, readCell, splitAreas } from "./cells";
import { HostMessageError, officeErrorCode } from "./errors";
import { pushAll } from "../../core/arrays";

export interface ReadOptions {
  /** Cells per sync when the used ranges are too big for one response (only after Excel refused one). */
  maxCellsPerSync?: number;
  /** Whether this Excel reports merged areas (ExcelApi 1.13). Default: true. */
  mergedAreas?: boolean;
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

  const sheets: SheetHandle[] = worksheets.items.map((ws) => ({
    ws,
    name: ws.name,
    hidden: ws.visibility !== "Visible",
  }));
  const tableList = tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name, table: t }));

  const mergedAreas = options.mergedAreas ?? true;
  const queueShapes = () => ({
    tableRanges: tableList.map((t) => t.table.getRange().load("address")),
    merged: mergedAreas ? sheets.map((s) => s.ws.getRange().getMergedAreasOrNullObject().load("address")) : undefined,
  });
  let shapes = queueShapes();
  const used = sheets.map((s) => s.ws.getUsedRangeOrNullObject(true).load("address,values,numberFormat"));
  let grids: UsedGrid[] | undefined;
  try {
    await context.sync();
    grids = used.map((u) =>
      u.isNullObject
        ? { address: "", values: [], formats: [] }
        : { address: u.address, values: u.values, formats: u.numberFormat },
    );
  } catch (error) {
    if (officeErrorCode(error) !== "RequestPayloadSizeLimitExceeded") throw error;
    shapes = queueShapes();
  }
  // Refused as too big, or answered without the cells (a huge range): read again in chunks. Texts make
  // some cells far bigger than others, so a chunk still refused is read again in halves.
  if (!grids || grids.some((g) => g.address !== "" && (!Array.isArray(g.values) || !Array.isArray(g.formats)))) {
    for (let cells = options.maxCellsPerSync ?? DEFAULT_CELLS_PER_SYNC; ; cells = Math.floor(cells / 2)) {
      try {
        grids = await readInChunks(context, sheets, cells);
        break;
      } catch (again) {
        if (officeErrorCode(again) !== "RequestPayloadSizeLimitExceeded" || cells < 2_000) throw again;
      }
    }
  }
  const read = grids;

  const tablesBySheet = new Map<string, TableInfo[]>();
  tableList.forEach((t, i) => {
    const list = tablesBySheet.get(t.sheet) ?? [];
    list.push({ name: t.name, ref: localAddress(shapes.tableRanges[i].address) });
    tablesBySheet.set(t.sheet, list);
  });

  const merged = shapes.merged;
  return {
    sheets: sheets.map((s, i) => {
      const merges = !merged || merged[i].isNullObject ? [] : splitAreas(merged[i].address);
      const grid = read[i];
      return sheetData(s, grid.address, grid.values, grid.formats, tablesBySheet.get(s.name) ?? [], merges);
    }),
    ...(merged ? {} : { readNotes: [excelHostStrings.mergedAreasSkipped] }),
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
      const values: unknown[][] | null = range.values;
      const formats: unknown[][] | null = range.numberFormat;
      if (!Array.isArray(values) || !Array.isArray(formats)) {
        const address = rangeA1(chunk);
        throw new HostMessageError(
          excelHostStrings.valuesNotReturned(
            sheets[chunk.sheet].name,
            address,
            (chunk.bottom - chunk.top + 1) * (chunk.right - chunk.left + 1),
          ),
        );
      }
      pushAll(grids[chunk.sheet].values, values);
      pushAll(grids[chunk.sheet].formats, formats);
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
