/**
 * A user's worksheet with the add-in's owned columns streamed in, as text: every row the plan does not
 * touch is copied as it is, and in the rows it does, the owned cells go in at their column position among
 * the user's cells (an earlier run's owned cells are replaced, never duplicated). Around `sheetData`:
 *
 * - `<dimension>` grows to cover the owned block;
 * - `<cols>` gets each owned column's width (a `<col>` range covering it is split, its other attributes kept);
 * - conditional formats: every expression rule over the owned block (an earlier run's) and every rule
 *   identical to one of the plan's go; the plan's rules are added after the user's remaining ones, numbered
 *   after them (a user's rule on the same cells keeps precedence), each one stopping at the first true.
 *   The add-in writes nothing but expression rules, so a rule of another kind is the user's and stays.
 *
 * A cell covered by a merge that starts outside it is left alone. Everything else in the part (views,
 * frozen panes, protection, validation, hyperlinks, drawings, tables, extensions) is copied unchanged.
 *
 * The sheet is not parsed into a tree: rows are found with `indexOf`, and only the rows that change are
 * taken apart, so a sheet of a million rows costs a pass over its text.
 */
import { columnIndex, columnLetter, fromA1Range, toA1Range, type CellRange } from "../../../../workbook/a1";
import type { ConditionalRule, OwnedColumns, PlanCell, UserSheetPrint } from "../../../../workbook/plan/types";
import { attributesOf, escapeAttr, scanTags } from "../chart";
import { attr, cellOpen, cellXmlTail, tagEnd, withAttr, withoutAttr, xmlText } from "./cells";
import { PieceDeflater, type DeflatedPart } from "./deflate";
import { isSpace } from "../stream/xml";
import { SharedStrings } from "./strings";
import { DEFAULT_FACE, type FontFace, type StyleBook } from "./styles";

/** CT_Worksheet's children that come after `conditionalFormatting`: new rules go before the first of them. */
const AFTER_CONDITIONAL_FORMATTING = new Set([
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
]);

interface Write {
  cell: PlanCell;
  block: number;
}

/** The rectangle an owned block covers: its header row down to its last value row. */
export function blockRange(block: OwnedColumns): CellRange {
  return {
    top: Math.min(block.headerRow, block.firstRow),
    left: block.col,
    bottom: Math.max(block.headerRow, block.firstRow + block.values.length - 1),
    right: block.col + Math.max(1, block.headers.length) - 1,
  };
}

/** The root element's namespace prefix (`x:` in some generators' files, usually none). */
export function rootPrefix(xml: string): string {
  const m = /<(?![?!])([A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*[\s>/]/.exec(xml);
  return m?.[1] ?? "";
}

/** The parts of a worksheet around its rows: everything before `<sheetData>`, its opening tag, and everything after. */
interface Frame {
  prefix: string;
  head: string;
  /** The sheetData opening tag as written (`<sheetData/>` when the sheet has no rows). */
  open: string;
  tail: string;
}

/** The frame of a worksheet whose start (through the sheetData opening tag) is `start`, its end `end`. */
function frameOf(start: string, end: string): Frame {
  const p = rootPrefix(start);
  const sd = new RegExp(`<${p}sheetData[\\s/>]`).exec(start);
  if (!sd) throw new Error("patch: a worksheet without sheetData");
  const openEnd = tagEnd(start, sd.index);
  if (openEnd < 0) throw new Error("patch: a worksheet without sheetData");
  return {
    prefix: p,
    head: start.slice(0, sd.index),
    open: start.slice(sd.index, openEnd),
    tail: end,
  };
}

/**
 * Patches a worksheet whose rows come in pieces (each `segment` a run of whole rows, in order), handing the
 * new text to `sink` in order as it goes; `finish` emits the rest and says whether anything changed.
 */
function framePatcher(
  frame: Omit<Frame, "tail">,
  merges: CellRange[],
  sink: PatchSink,
  blocks: OwnedColumns[],
  rules: ConditionalRule[],
  styles: StyleBook,
  strings: SharedStrings,
  fit?: UserSheetPrint,
): { segment(rows: Buffer): void; finish(tail: string): boolean } {
  const p = frame.prefix;
  const selfClosing = frame.open.endsWith("/>");
  const writes = plannedWrites(blocks, merges);
  let head = blocks.length > 0 ? withColumnWidths(withDimension(frame.head, p, blocks), p, blocks) : frame.head;
  if (fit?.fit) head = fitHead(head, p);
  let changed = head !== frame.head;
  const rows = blocks.length > 0 ? rowPatcher(p, writes, blocks, styles, strings, sink) : undefined;
  const closeTag = `</${p}sheetData>`;
  let first = true;
  const segment = (data: Buffer) => {
    if (first) sink.text(head + frame.open);
    first = false;
    if (rows) {
      if (rows.segment(data)) changed = true;
    } else sink.bytes(data, 0, data.length);
  };
  /** Emits the rest, `tail` (what follows the rows) with the plan's rules and fit; says whether anything changed. */
  const finish = (frameTail: string): boolean => {
    let tail = withRules(frameTail, p, blocks, rules, styles);
    if (fit?.fit) tail = fitTail(tail, p, fit);
    if (tail !== frameTail) changed = true;
    const last = rows ? rows.finish() : "";
    if (last !== "") changed = true;
    if (!first) sink.text(last + closeTag + tail);
    else if (!selfClosing) sink.text(head + frame.open + last + closeTag + tail);
    // A sheet with no rows at all (`<sheetData/>`) is opened only when rows are added to it.
    else if (last === "") sink.text(head + frame.open + tail);
    else sink.text(head + frame.open.replace(/\s*\/>$/, ">") + last + closeTag + tail);
    return changed;
  };
  return { segment, finish };
}

/** The sheet's XML with the owned blocks and the plan's rules for it (see the module comment). */
export function patchSheet(
  xml: string,
  blocks: OwnedColumns[],
  rules: ConditionalRule[],
  styles: StyleBook,
  strings = new SharedStrings(() => undefined),
): string {
  const p = rootPrefix(xml);
  const sd = new RegExp(`<${p}sheetData[\\s/>]`).exec(xml);
  if (!sd) throw new Error("patch: a worksheet without sheetData");
  const openEnd = tagEnd(xml, sd.index);
  const closeTag = `</${p}sheetData>`;
  const selfClosing = xml[openEnd - 2] === "/";
  const close = selfClosing ? openEnd : xml.indexOf(closeTag, openEnd);
  if (close < 0) throw new Error("patch: sheetData is not closed");
  const frame = frameOf(xml.slice(0, openEnd), xml.slice(selfClosing ? openEnd : close + closeTag.length));
  const out = textSink();
  const patcher = framePatcher(frame, mergesOf(frame.tail), out, blocks, rules, styles, strings);
  if (!selfClosing) patcher.segment(Buffer.from(xml.slice(openEnd, close)));
  patcher.finish(frame.tail);
  return out.result();
}

/**
 * zlib's level for a patched sheet: 1, the fastest. At 100k rows the sheet deflates to 6.6 MB at level 1 and
 * 4.5 MB at level 6 (zlib's default), and level 6 took about 0.5 s more of CPU for the whole command.
 */
const DEFLATE_LEVEL = 1;

/** How many distinct plan cells a block's memo of cell XML holds (see `tailOf`). */
const MEMO_CELLS = 20_000;

/** How many bytes of rows are patched, encoded and deflated at a time. */
const SEGMENT = 64 << 10;

/**
 * A worksheet part patched piece by piece, never held whole: `chunks` gives its inflated bytes in pieces. The
 * rows are cut into runs of whole rows of about SEGMENT bytes, which are decoded, patched, encoded into one
 * reused buffer and deflated in turn (./deflate); what follows the rows (rules, page setup) is kept and
 * patched last. Undefined when nothing changes (the part is then copied as it is).
 *
 * The merges are in that ending, but a merge decides which owned cells are left alone: the rows are first
 * patched as if there were none, and in the rare sheet where a merge touches an owned block, patched again
 * (`chunks` is then called a second time) knowing them.
 */
export async function patchSheetPart(
  chunks: () => Iterable<Buffer> | AsyncIterable<Buffer>,
  blocks: OwnedColumns[],
  rules: ConditionalRule[],
  styles: StyleBook,
  strings: SharedStrings,
  fit?: UserSheetPrint,
  merges?: CellRange[],
): Promise<DeflatedPart | undefined> {
  const out = new PieceDeflater(DEFLATE_LEVEL);
  const sink: PatchSink = {
    text: (text) => out.add(text),
    bytes: (data, start, end) => out.addBytes(data, start, end),
  };
  let p = "";
  let open = Buffer.alloc(0);
  let rowStart = Buffer.alloc(0);
  let closeTag = Buffer.alloc(0);
  let patcher: ReturnType<typeof framePatcher> | undefined;
  // The bytes read but not yet patched, held in one reused buffer: [from, to) of `held`.
  let held = Buffer.allocUnsafe(0);
  let from = 0;
  let to = 0;
  // Where the search for `</sheetData>` goes on from; the ending's bytes once it is found.
  let searched = 0;
  let ending: Buffer[] | undefined;
  // A sheet without rows (`<sheetData/>`): small, kept whole.
  let selfClosing: Buffer[] | undefined;
  const hold = (chunk: Buffer) => {
    if (to + chunk.length > held.length) {
      const kept = to - from;
      if (kept + chunk.length > held.length) {
        const bigger = Buffer.allocUnsafe(Math.max(kept + chunk.length, held.length * 2));
        held.copy(bigger, 0, from, to);
        held = bigger;
      } else held.copyWithin(0, from, to);
      searched = Math.max(0, searched - from);
      from = 0;
      to = kept;
    }
    chunk.copy(held, to);
    to += chunk.length;
  };
  for await (const chunk of chunks()) {
    if (ending) {
      ending.push(Buffer.from(chunk));
      continue;
    }
    if (selfClosing) {
      selfClosing.push(chunk);
      continue;
    }
    hold(chunk);
    if (!patcher) {
      if (open.length === 0) {
        const start = held.toString("utf8", 0, Math.min(to, 4096));
        // The root tag's name, once it has come whole.
        if (to < 4096 && !/<(?![?!])[A-Za-z_][\w.:-]*[\s>/]/.test(start)) continue;
        p = rootPrefix(start);
        open = Buffer.from(`<${p}sheetData`);
        rowStart = Buffer.from(`<${p}row`);
        closeTag = Buffer.from(`</${p}sheetData>`);
      }
      const sdAt = held.subarray(0, to).indexOf(open, from);
      if (sdAt < 0) continue;
      // The opening tag is short: 4 KB past its start hold it (a character cut at the window's end is never used).
      const startText = held.toString("utf8", from, Math.min(to, sdAt + 4096));
      const openEnd = tagEnd(startText, startText.indexOf(`<${p}sheetData`));
      if (openEnd < 0 && to < sdAt + 4096) continue; // the tag runs on into the next piece
      if (openEnd < 0) throw new Error("patch: a worksheet without sheetData");
      const frame = frameOf(startText.slice(0, openEnd), "");
      if (frame.open.endsWith("/>")) {
        selfClosing = [held.subarray(from, to)];
        held = Buffer.alloc(0);
        from = to = 0;
        continue;
      }
      from += Buffer.byteLength(startText.slice(0, openEnd));
      searched = from;
      patcher = framePatcher(frame, merges ?? [], sink, blocks, rules, styles, strings, fit);
    }
    // The rows end at the first `</sheetData>` (a text's `<` is always escaped, so none is inside them).
    const closeAt = held.subarray(0, to).indexOf(closeTag, searched);
    searched = Math.max(from, to - closeTag.length + 1);
    const end = closeAt >= 0 ? closeAt : to;
    // Runs of whole rows of about SEGMENT bytes: cut just before a row's start (a `<row` followed by a space,
    // `>` or `/`), never inside a row. Searched only where the rows are (past `end`: the ending, or stale bytes).
    const rows = held.subarray(0, end);
    while (end - from > SEGMENT) {
      let cutAt = rows.lastIndexOf(rowStart, from + SEGMENT);
      while (cutAt > from && !isRowStart(rows, cutAt + rowStart.length)) cutAt = rows.lastIndexOf(rowStart, cutAt - 1);
      if (cutAt <= from) {
        // A row longer than a segment: it goes whole, up to the next row's start.
        cutAt = rows.indexOf(rowStart, from + SEGMENT);
        while (cutAt >= 0 && !isRowStart(rows, cutAt + rowStart.length)) cutAt = rows.indexOf(rowStart, cutAt + 1);
        if (cutAt < 0) break;
      }
      patcher.segment(held.subarray(from, cutAt));
      from = cutAt;
    }
    if (closeAt >= 0) {
      if (closeAt > from) patcher.segment(held.subarray(from, closeAt));
      ending = [Buffer.from(held.subarray(closeAt + closeTag.length, to))];
      held = Buffer.alloc(0);
    }
  }
  if (selfClosing) {
    const xml = Buffer.concat(selfClosing).toString("utf8");
    const openEnd = tagEnd(xml, xml.indexOf(`<${p}sheetData`));
    const frame = frameOf(xml.slice(0, openEnd), xml.slice(openEnd));
    const whole = framePatcher(frame, mergesOf(frame.tail), sink, blocks, rules, styles, strings, fit);
    return whole.finish(frame.tail) ? out.finish() : undefined;
  }
  if (!patcher) throw new Error("patch: a worksheet without sheetData");
  if (!ending) throw new Error("patch: sheetData is not closed");
  const tail = Buffer.concat(ending).toString("utf8");
  const found = mergesOf(tail);
  if (merges === undefined && found.some((m) => blocks.some((b) => intersects(m, blockRange(b)))))
    return patchSheetPart(chunks, blocks, rules, styles, strings, fit, found);
  return patcher.finish(tail) ? out.finish() : undefined;
}

/** Whether the byte after a `<row` ends the name (white space, `>` or `/`): not `<rowBreaks`. */
function isRowStart(data: Buffer, at: number): boolean {
  const c = data[at];
  return isSpace(c) || c === GT || c === SLASH;
}

// ---------------------------------------------------------------------------------------------------------
// Rows and cells

/** The merged ranges of the sheet (from the part after sheetData). */
function mergesOf(tail: string): CellRange[] {
  const out: CellRange[] = [];
  for (const m of tail.matchAll(/<(?:[\w.-]+:)?mergeCell\b[^>]*?\sref\s*=\s*["']([^"']+)["']/g)) {
    const r = fromA1Range(m[1]);
    if (r) out.push(r);
  }
  return out;
}

/** What the plan writes on a sheet, row by row, worked out when a row is reached (not held for a million rows at once). */
interface Writes {
  /** The rows the blocks cover, ascending. */
  rows: number[];
  /** Column → what to write on `row`; empty when every cell of it is covered by a merge that starts elsewhere. */
  at(row: number): Map<number, Write>;
  /**
   * The block that alone writes `row`, when no other block writes there, it is no block's header row and no
   * merge covers an owned cell: the usual row, whose cells are that block's values in column order. Else
   * undefined (`at` says what to write).
   */
  only(row: number): number | undefined;
}

/** The planned writes; cells covered by a merge that starts elsewhere are left out. */
function plannedWrites(blocks: OwnedColumns[], merges: CellRange[]): Writes {
  // Usually ascending as listed (a block's header row above its values, blocks down the sheet): then neither
  // a set nor a sort of a million numbers is needed.
  let rows: number[] = [];
  for (const b of blocks) {
    rows.push(b.headerRow);
    for (let i = 0; i < b.values.length; i++) rows.push(b.firstRow + i);
  }
  let ascending = true;
  for (let i = 1; i < rows.length && ascending; i++) ascending = rows[i] > rows[i - 1];
  if (!ascending) rows = [...new Set(rows)].sort((x, y) => x - y);
  const at = (row: number): Map<number, Write> => {
    const cells = new Map<number, Write>();
    blocks.forEach((b, i) => {
      if (row === b.headerRow) b.headers.forEach((cell, j) => cells.set(b.col + j, { cell, block: i }));
      const values = b.values[row - b.firstRow];
      if (values) values.forEach((cell, j) => cells.set(b.col + j, { cell, block: i }));
    });
    for (const m of merges) {
      if (row < m.top || row > m.bottom) continue;
      for (let c = m.left; c <= m.right; c++) if (row !== m.top || c !== m.left) cells.delete(c);
    }
    return cells;
  };
  const mergesInTheWay = merges.some((m) => blocks.some((b) => intersects(m, blockRange(b))));
  const only = (row: number): number | undefined => {
    if (mergesInTheWay) return undefined;
    let found: number | undefined;
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i];
      if (row === b.headerRow) return undefined;
      const k = row - b.firstRow;
      if (k < 0 || k >= b.values.length) continue;
      if (found !== undefined) return undefined;
      found = i;
    }
    if (found === undefined) return undefined;
    return blocks[found].values[row - blocks[found].firstRow]?.length > 0 ? found : undefined;
  };
  return { rows, at, only };
}

interface CellText {
  col: number;
  xml: string;
}

/** The cells of a row's content, with their columns (implicit ones counted on from the previous cell). */
function cellsOf(content: string, p: string, row: number): { cells: CellText[]; trailer: string } {
  const open = `<${p}c`;
  const close = `</${p}c>`;
  const cells: CellText[] = [];
  let pos = 0;
  let col = 0;
  for (;;) {
    const i = content.indexOf(open, pos);
    if (i < 0) break;
    const next = content[i + open.length];
    if (next !== " " && next !== ">" && next !== "/" && next !== "\t" && next !== "\n" && next !== "\r") {
      pos = i + 1;
      continue;
    }
    const te = tagEnd(content, i);
    const self = content[te - 2] === "/";
    const end = self ? te : content.indexOf(close, te) + close.length;
    let tag = content.slice(i, te);
    const ref = attr(tag, "r");
    const letters = ref ? /^\$?([A-Za-z]+)/.exec(ref)?.[1] : undefined;
    col = letters ? (columnIndex(letters) ?? col + 1) : col + 1;
    let text = content.slice(i, end);
    if (!ref) {
      // A cell placed by order: once cells are inserted, its place must be said.
      tag = withAttr(tag, "r", `${columnLetter(col)}${row}`);
      text = tag + content.slice(te, end);
    }
    cells.push({ col, xml: text });
    pos = end;
  }
  return { cells, trailer: content.slice(pos).trim() };
}

/** The face of the nearest styled cell left of `col` (up to 30 columns), as ExcelJS's writer looked it up. */
function faceLeftOf(cells: CellText[], col: number, styles: StyleBook): FontFace | undefined {
  for (let c = col; c >= Math.max(1, col - 30); c--) {
    const cell = cells.find((x) => x.col === c);
    if (!cell) continue;
    const s = Number(attr(cell.xml.slice(0, tagEnd(cell.xml, 0)), "s") ?? 0);
    const face = styles.faceOf(s);
    if (face) return face;
  }
  return undefined;
}

/** Where a patcher's output goes: new text, or a run of the input's own bytes (copied, never decoded). */
export interface PatchSink {
  text(text: string): void;
  bytes(data: Buffer, start: number, end: number): void;
}

/** A sink that gathers the output as one string (a sheet patched whole, `patchSheet`). */
function textSink(): PatchSink & { result(): string } {
  const out: string[] = [];
  return {
    text: (text) => out.push(text),
    bytes: (data, start, end) => {
      if (end > start) out.push(data.toString("utf8", start, end));
    },
    result: () => out.join(""),
  };
}

const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const GT = 0x3e;
const SLASH = 0x2f;

/** `tagEnd` on bytes: the index just past the `>` that closes the tag starting at `start`, or -1. */
function tagEndIn(data: Buffer, start: number, stop: number): number {
  let quote = 0;
  for (let i = start + 1; i < stop; i++) {
    const c = data[i];
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === QUOTE || c === APOSTROPHE) quote = c;
    else if (c === GT) return i + 1;
  }
  return -1;
}

/** The first index of `needle` in data[from, to), or -1; for short ranges (a tag), where a native search costs more. */
function indexIn(data: Buffer, needle: Buffer, from: number, to: number): number {
  const last = to - needle.length;
  const first = needle[0];
  outer: for (let i = from; i <= last; i++) {
    if (data[i] !== first) continue;
    for (let k = 1; k < needle.length; k++) if (data[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

const R_ATTRIBUTE = Buffer.from(' r="');
const SPANS = Buffer.from("spans");
const SPANS_ATTRIBUTE = Buffer.from(' spans="');

/** Where the value of a tag's ` r="…"` starts, in data[start, end); -1 when the tag has none spelt so. */
function referenceAt(data: Buffer, start: number, end: number): number {
  const at = indexIn(data, R_ATTRIBUTE, start, end);
  return at < 0 ? -1 : at + R_ATTRIBUTE.length;
}

/** The row number of a row tag written `r="123"`; undefined when it is spelt otherwise (or absent): read as text. */
function plainRowNumber(data: Buffer, start: number, end: number): number | undefined {
  const from = referenceAt(data, start, end);
  if (from < 0) return undefined;
  let n = 0;
  let i = from;
  for (; i < end && data[i] >= 0x30 && data[i] <= 0x39; i++) n = n * 10 + (data[i] - 0x30);
  return data[i] === QUOTE && i > from && n > 0 ? n : undefined;
}

/** The column of a cell tag written `r="AB12"` (one to three capitals); undefined otherwise: read as text. */
function plainCellColumn(data: Buffer, start: number, end: number): number | undefined {
  const from = referenceAt(data, start, end);
  if (from < 0) return undefined;
  let col = 0;
  let i = from;
  for (; i < end && data[i] >= 0x41 && data[i] <= 0x5a; i++) col = col * 26 + (data[i] - 0x40);
  const letters = i - from;
  return letters >= 1 && letters <= 3 && col <= MAX_COLUMN && data[i] >= 0x30 && data[i] <= 0x39 ? col : undefined;
}

/** Excel's last column (XFD). */
const MAX_COLUMN = 16384;

/**
 * The rows of sheetData with the planned writes made, given as runs of whole rows in order (`segment`, their
 * bytes), into `sink`; rows not written are copied as they are. `finish` gives the rows to add after the
 * last one there was.
 *
 * The usual row — written by the plan, not a header, every owned cell right of the user's last cell — is
 * patched on its bytes: its own are copied and the owned cells' text is appended. Any other row the plan
 * touches is read as text and taken apart (`cellsOf`). Rows are cut on `<row` and `</row>`, which are ASCII,
 * so a multi-byte character is never split.
 */
function rowPatcher(
  p: string,
  writes: Writes,
  blocks: OwnedColumns[],
  styles: StyleBook,
  strings: SharedStrings,
  sink: PatchSink,
): { segment(data: Buffer): boolean; finish(): string } {
  const empty = () => strings.empty();
  const faces: (FontFace | undefined)[] = blocks.map(() => undefined);
  const headerRows = new Map<number, number[]>();
  blocks.forEach((b, i) => headerRows.set(b.headerRow, [...(headerRows.get(b.headerRow) ?? []), i]));
  const formats = new Map<string, number>();
  // A style's key from its fields (this runs for every owned cell: no JSON, nothing kept per cell).
  const styleKey = (st: PlanCell["style"]): string =>
    st
      ? `${st.bold ? 1 : 0}${st.italic ? 1 : 0}${st.wrap ? 1 : 0}${st.border ? 1 : 0}|${st.size ?? ""}|${st.color ?? ""}|${st.fill ?? ""}|${st.align ?? ""}|${st.valign ?? ""}`
      : "";
  const formatOf = (cell: PlanCell, block: number) => {
    const face = faces[block] ?? DEFAULT_FACE;
    const key = `${face.name}|${face.size}|${face.family}|${cell.numberFormat ?? ""}|${styleKey(cell.style)}`;
    let s = formats.get(key);
    if (s === undefined) formats.set(key, (s = styles.cellFormat(cell, face)));
    return s;
  };
  // Each owned cell's XML after its reference, by plan cell (the plan shares equal cells) and block: a
  // million rows write a few thousand distinct cells. A block's face is set at its header row, which
  // empties its memo.
  const tails: Map<PlanCell, string>[] = blocks.map(() => new Map());
  const tailOf = (cell: PlanCell, block: number): string => {
    const memo = tails[block];
    let tail = memo.get(cell);
    if (tail === undefined) {
      tail = cellXmlTail(p, cell, formatOf(cell, block), empty);
      if (memo.size < MEMO_CELLS) memo.set(cell, tail);
    }
    return tail;
  };
  const cellsFor = (row: number, cells: Map<number, Write>): CellText[] =>
    [...cells].map(([col, w]) => ({ col, xml: cellOpen(p, row, col) + tailOf(w.cell, w.block) }));

  // A header row grows to the height its owned titles need (plan `headerHeight`); the user's taller row is kept.
  const headerHeights = new Map<number, number>();
  for (const b of blocks)
    if (b.headerHeight) headerHeights.set(b.headerRow, Math.max(headerHeights.get(b.headerRow) ?? 0, b.headerHeight));
  const withHeaderHeight = (tag: string, row: number): string => {
    const needed = headerHeights.get(row);
    const ht = Number(attr(tag, "ht") ?? 0);
    if (!needed || ht >= needed) return tag;
    return withAttr(withAttr(tag, "ht", String(needed)), "customHeight", "1");
  };

  const targets = writes.rows;
  const rowOpen = Buffer.from(`<${p}row`);
  const rowClose = `</${p}row>`;
  const rowCloseBytes = Buffer.from(rowClose);
  const cellStart = Buffer.from(`<${p}c `);
  const cellClose = Buffer.from(`</${p}c>`);
  let ti = 0;
  let previous = 0;
  const out = sink;
  let data: Buffer = Buffer.alloc(0);
  let copyFrom = 0;
  let changed = false;
  /** The input's bytes not yet copied, up to `at`. */
  const copyTo = (at: number) => {
    out.bytes(data, copyFrom, at);
    copyFrom = at;
  };
  /** A row the sheet does not have, made for the plan's cells on it ("" when merges leave none). */
  const newRow = (r: number): string => {
    const cells = cellsFor(r, writes.at(r)).sort((a, b) => a.col - b.col);
    return cells.length > 0
      ? `${withHeaderHeight(`<${p}row r="${r}">`, r)}${cells.map((c) => c.xml).join("")}${rowClose}`
      : "";
  };
  const newRowsBefore = (row: number, at: number) => {
    while (ti < targets.length && targets[ti] < row) {
      copyTo(at);
      changed = true;
      out.text(newRow(targets[ti++]));
    }
  };

  /**
   * The usual row on its bytes: the owned cells of `block` appended after the user's last cell. False when
   * the row is not so simple (a cell at or right of the first owned column, something after the last
   * cell, a reference spelt otherwise): it is then read as text.
   */
  const appendBytes = (start: number, openEnd: number, contentEnd: number, end: number, row: number, block: number) => {
    const b = blocks[block];
    const values = b.values[row - b.firstRow];
    const first = b.col;
    const last = b.col + values.length - 1;
    let tail = openEnd;
    const lastCell = lastCellStart(openEnd, contentEnd);
    if (lastCell >= 0) {
      const te = tagEndIn(data, lastCell, contentEnd);
      if (te < 0) return false;
      const col = plainCellColumn(data, lastCell, te);
      if (col === undefined || col >= first) return false;
      if (data[te - 2] === SLASH) tail = te;
      else {
        const close = indexIn(data, cellClose, te, contentEnd);
        if (close < 0) return false;
        tail = close + cellClose.length;
      }
    }
    // Anything after the last cell (a row's extLst) must stay last: such a row takes the long way.
    for (let i = tail; i < contentEnd; i++) if (!isSpace(data[i])) return false;
    const self = openEnd === end;
    // `spans="a:b"` as Excel writes it on every row: its value replaced on the bytes, the rest of the tag copied.
    const spansAt = self ? -1 : indexIn(data, SPANS_ATTRIBUTE, start, openEnd);
    if (spansAt >= 0) {
      const valueStart = spansAt + SPANS_ATTRIBUTE.length;
      let i = valueStart;
      let lead = 0;
      for (; i < openEnd && data[i] >= 0x30 && data[i] <= 0x39; i++) lead = lead * 10 + (data[i] - 0x30);
      const valueEnd = data.indexOf(QUOTE, valueStart);
      if (valueEnd > 0 && valueEnd < openEnd) {
        const from = lastCell >= 0 && i > valueStart ? lead : first;
        copyTo(valueStart);
        out.text(`${from}:${last}`);
        copyFrom = valueEnd;
        copyTo(contentEnd);
        return appendCells(row, block, values, first, end);
      }
    }
    if (self || indexIn(data, SPANS, start, openEnd) >= 0) {
      let tag = data.toString("utf8", start, openEnd);
      if (self) tag = tag.replace(/\s*\/>$/, ">");
      const spans = attr(tag, "spans");
      if (spans !== undefined) {
        const from = lastCell >= 0 ? Number(/^(\d+)/.exec(spans)?.[1] ?? first) : first;
        tag = withAttr(tag, "spans", `${from}:${last}`);
      }
      copyTo(start);
      out.text(tag);
      copyFrom = openEnd;
    }
    copyTo(contentEnd);
    return appendCells(row, block, values, first, end);
  };
  /** The owned cells and the row's end, after the row's own bytes up to its content's end (copied). */
  const appendCells = (row: number, block: number, values: PlanCell[], first: number, end: number) => {
    // Piece by piece: a row's text joined first was a string made and flattened per row.
    for (let j = 0; j < values.length; j++) {
      out.text(cellOpen(p, row, first + j));
      out.text(tailOf(values[j], block));
    }
    out.text(rowClose);
    copyFrom = end;
    return true;
  };
  /** The start of the last `<c ` in data[from, to), or -1. */
  const lastCellStart = (from: number, to: number): number => {
    for (let at = data.lastIndexOf(cellStart[0], to - 1); at >= from; at = data.lastIndexOf(cellStart[0], at - 1)) {
      let k = 1;
      while (k < cellStart.length && data[at + k] === cellStart[k]) k++;
      if (k === cellStart.length && at + k <= to) return at;
      if (at === 0) break;
    }
    return -1;
  };

  /** A row the plan writes or whose header it reads, taken apart as text; its new text, or undefined when it stays. */
  const rowAsText = (
    openTag: string,
    self: boolean,
    content: string,
    rowNum: number,
    implicit: boolean,
    planned: Map<number, Write> | undefined,
    isHeader: boolean,
  ): string | undefined => {
    const { cells, trailer } = cellsOf(content, p, rowNum);
    for (const b of headerRows.get(rowNum) ?? []) {
      faces[b] = faceLeftOf(cells, blocks[b].col - 1, styles);
      tails[b].clear();
    }
    if (!planned) return undefined;
    const kept = cells.filter((c) => !planned.has(c.col));
    const all = [...kept, ...cellsFor(rowNum, planned)].sort((a, b) => a.col - b.col);
    let tag = self ? openTag.replace(/\s*\/>$/, ">") : openTag;
    if (implicit) tag = withAttr(tag, "r", String(rowNum));
    if (isHeader) tag = withHeaderHeight(tag, rowNum);
    if (attr(tag, "spans") !== undefined)
      tag =
        all.length > 0 ? withAttr(tag, "spans", `${all[0].col}:${all[all.length - 1].col}`) : withoutAttr(tag, "spans");
    return tag + all.map((c) => c.xml).join("") + trailer + rowClose;
  };

  const segment = (bytes: Buffer): boolean => {
    data = bytes;
    copyFrom = 0;
    changed = false;
    let pos = 0;
    for (;;) {
      const i = data.indexOf(rowOpen, pos);
      if (i < 0) break;
      if (!isRowStart(data, i + rowOpen.length)) {
        pos = i + 1;
        continue;
      }
      const te = tagEndIn(data, i, data.length);
      if (te < 0) break;
      const self = data[te - 2] === SLASH;
      let end = te;
      if (!self) {
        const close = data.indexOf(rowCloseBytes, te);
        if (close < 0) break;
        end = close + rowCloseBytes.length;
      }
      const plain = plainRowNumber(data, i, te);
      let openTag: string | undefined;
      let r: string | undefined;
      if (plain === undefined) {
        openTag = data.toString("utf8", i, te);
        r = attr(openTag, "r");
      }
      const rowNum = plain ?? (r !== undefined && Number(r) > 0 ? Number(r) : previous + 1);
      const implicit = plain === undefined && r === undefined;
      previous = rowNum;
      pos = end;
      newRowsBefore(rowNum, i);
      let isTarget = false;
      if (ti < targets.length && targets[ti] === rowNum) {
        ti++;
        isTarget = true;
      }
      const isHeader = headerRows.has(rowNum);
      if (!isTarget && !isHeader) continue;
      const contentEnd = self ? te : end - rowCloseBytes.length;
      if (isTarget && !isHeader && !implicit) {
        // The usual row: every owned cell right of the user's last cell. They are appended; the row is not taken apart.
        const only = writes.only(rowNum);
        if (only !== undefined && appendBytes(i, te, contentEnd, end, rowNum, only)) {
          changed = true;
          continue;
        }
      }
      let planned: Map<number, Write> | undefined;
      if (isTarget) {
        planned = writes.at(rowNum);
        if (planned.size === 0) planned = undefined;
      }
      const text = rowAsText(
        openTag ?? data.toString("utf8", i, te),
        self,
        self ? "" : data.toString("utf8", te, contentEnd),
        rowNum,
        implicit,
        planned,
        isHeader,
      );
      if (text === undefined) continue;
      copyTo(i);
      out.text(text);
      copyFrom = end;
      changed = true;
    }
    copyTo(data.length);
    return changed;
  };
  /** The rows to add after the last one the sheet had. */
  const finish = (): string => {
    let rows = "";
    while (ti < targets.length) rows += newRow(targets[ti++]);
    return rows;
  };
  return { segment, finish };
}

// ---------------------------------------------------------------------------------------------------------
// The fit the user asked for (`--ajustar-impressao`)

/** CT_Worksheet's children after `pageSetup`: a new pageSetup goes before the first of them. */
const AFTER_PAGE_SETUP = new Set(
  [...AFTER_CONDITIONAL_FORMATTING].slice([...AFTER_CONDITIONAL_FORMATTING].indexOf("pageSetup") + 1),
);

/**
 * The sheet fitted as asked: `sheetPr/pageSetUpPr fitToPage` in the head (without it programs ignore the fit),
 * and `pageSetup`'s fitToWidth/Height and orientation in the tail; every other setting of the user's is kept.
 */
function fitHead(head: string, p: string): string {
  // sheetPr is the worksheet's first child.
  const pr = new RegExp(`<${p}sheetPr(\\s[^>]*?)?(/?)>`).exec(head);
  if (!pr) {
    const rootEnd = tagEnd(head, head.indexOf(`<${p}worksheet`));
    head = head.slice(0, rootEnd) + `<${p}sheetPr><${p}pageSetUpPr fitToPage="1"/></${p}sheetPr>` + head.slice(rootEnd);
  } else if (pr[2] === "/") {
    head =
      head.slice(0, pr.index) +
      pr[0].replace(/\s*\/>$/, ">") +
      `<${p}pageSetUpPr fitToPage="1"/></${p}sheetPr>` +
      head.slice(pr.index + pr[0].length);
  } else {
    const close = head.indexOf(`</${p}sheetPr>`, pr.index);
    const inner = head.slice(pr.index + pr[0].length, close);
    const setUp = new RegExp(`<${p}pageSetUpPr[^>]*?/?>`).exec(inner);
    const newInner = setUp
      ? inner.slice(0, setUp.index) + withAttr(setUp[0], "fitToPage", "1") + inner.slice(setUp.index + setUp[0].length)
      : inner + `<${p}pageSetUpPr fitToPage="1"/>`; // after tabColor and outlinePr, its place in CT_SheetPr
    head = head.slice(0, pr.index + pr[0].length) + newInner + head.slice(close);
  }
  return head;
}

/** The tail's `pageSetup` with the fit asked for (see `fitHead`). */
function fitTail(tail: string, p: string, print: UserSheetPrint): string {
  const fit = print.fit!;
  // The pageSetup element, changed or created where the schema puts it.
  const setup = new RegExp(`<${p}pageSetup(\\s[^>]*)?/?>`).exec(tail);
  const attrs = (tag: string) => {
    let t = withAttr(withAttr(tag, "fitToWidth", String(fit.width)), "fitToHeight", String(fit.height));
    if (print.orientation) t = withAttr(t, "orientation", print.orientation);
    return t;
  };
  if (setup) return tail.slice(0, setup.index) + attrs(setup[0]) + tail.slice(setup.index + setup[0].length);
  const tags = scanTags(tail);
  const before = tags.find((t) => t.depth === 0 && t.kind !== "close" && AFTER_PAGE_SETUP.has(t.local));
  const rootClose = tail.lastIndexOf(`</${p}worksheet>`);
  const at = before ? before.start : rootClose;
  return tail.slice(0, at) + attrs(`<${p}pageSetup paperSize="9"/>`) + tail.slice(at);
}

// ---------------------------------------------------------------------------------------------------------
// Dimension and column widths

function withDimension(head: string, p: string, blocks: OwnedColumns[]): string {
  const m = new RegExp(`<${p}dimension\\b[^>]*>`).exec(head);
  if (!m) return head;
  const ref = attr(m[0], "ref");
  const current = ref ? fromA1Range(ref.replace(/\$/g, "")) : undefined;
  let range = current ?? blockRange(blocks[0]);
  for (const b of blocks) {
    const o = blockRange(b);
    range = {
      top: Math.min(range.top, o.top),
      left: Math.min(range.left, o.left),
      bottom: Math.max(range.bottom, o.bottom),
      right: Math.max(range.right, o.right),
    };
  }
  const text = toA1Range(range);
  if (text === ref) return head;
  return head.slice(0, m.index) + withAttr(m[0], "ref", text) + head.slice(m.index + m[0].length);
}

interface Col {
  min: number;
  max: number;
  tag: string;
}

/** Each owned column's width in `<cols>` (created before sheetData when the sheet has none). */
function withColumnWidths(head: string, p: string, blocks: OwnedColumns[]): string {
  const wanted = new Map<number, number>();
  for (const b of blocks) b.widths.forEach((w, j) => w > 0 && wanted.set(b.col + j, w));
  if (wanted.size === 0) return head;
  const open = new RegExp(`<${p}cols\\b[^>]*>`).exec(head);
  const closeTag = `</${p}cols>`;
  let cols: Col[] = [];
  let start = head.length;
  let end = head.length;
  if (open) {
    start = open.index;
    end = open[0].endsWith("/>") ? open.index + open[0].length : head.indexOf(closeTag, open.index) + closeTag.length;
    for (const m of head.slice(start, end).matchAll(new RegExp(`<${p}col\\b[^>]*>`, "g"))) {
      cols.push({
        min: Number(attr(m[0], "min")),
        max: Number(attr(m[0], "max")),
        tag: m[0],
      });
    }
  }
  let changed = false;
  for (const [col, width] of [...wanted].sort((a, b) => a[0] - b[0])) {
    const i = cols.findIndex((c) => c.min <= col && col <= c.max);
    const widthText = String(width);
    if (i >= 0 && attr(cols[i].tag, "width") === widthText && attr(cols[i].tag, "customWidth") === "1") continue;
    changed = true;
    if (i < 0) {
      cols.push({
        min: col,
        max: col,
        tag: `<${p}col min="${col}" max="${col}" width="${widthText}" customWidth="1"/>`,
      });
      continue;
    }
    const c = cols[i];
    const range = (min: number, max: number, tag: string): Col => ({
      min,
      max,
      tag: withAttr(withAttr(tag, "min", String(min)), "max", String(max)),
    });
    const pieces: Col[] = [];
    if (c.min < col) pieces.push(range(c.min, col - 1, c.tag));
    pieces.push(range(col, col, withAttr(withAttr(c.tag, "width", widthText), "customWidth", "1")));
    if (col < c.max) pieces.push(range(col + 1, c.max, c.tag));
    cols.splice(i, 1, ...pieces);
  }
  if (!changed) return head;
  cols = cols.sort((a, b) => a.min - b.min);
  const colsXml = `<${p}cols>${cols.map((c) => c.tag).join("")}${closeTag}`;
  return head.slice(0, start) + colsXml + head.slice(end);
}

// ---------------------------------------------------------------------------------------------------------
// Conditional formats

/** The areas of a `sqref` (`H5:I9 E5:E9`), as rectangles. */
function areasOf(ref: string): CellRange[] {
  return ref
    .split(/[\s,]+/)
    .map((a) => fromA1Range(a.replace(/\$/g, "")))
    .filter((r): r is CellRange => r !== undefined);
}

function intersects(a: CellRange, b: CellRange): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** A rule's identity: its areas (order, case and `$` ignored) and formula. */
function ruleKey(ref: string, formula: string): string {
  const areas = ref
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((a) => a.replace(/\$/g, "").toUpperCase())
    .sort()
    .join(" ");
  return `${areas}|${formula.replace(/^=/, "")}`;
}

function unescapeText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[e];
  });
}

/** The part after sheetData with the add-in's earlier rules taken out and the plan's put in. */
function withRules(
  tail: string,
  p: string,
  blocks: OwnedColumns[],
  rules: ConditionalRule[],
  styles: StyleBook,
): string {
  if (blocks.length === 0 && rules.length === 0) return tail;
  const owned = blocks.map(blockRange);
  const sorted = [...rules].sort((a, b) => a.priority - b.priority);
  const planKeys = new Set(sorted.map((r) => ruleKey(r.areas.join(" "), r.formula)));
  const tags = scanTags(tail);
  const removed: [number, number][] = [];
  let maxPriority = 0;
  let insertAt = -1;
  let lastKeptEnd = -1;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i];
    if (tag.depth !== 0 || tag.kind === "close") continue;
    if (tag.local !== "conditionalFormatting") {
      if (insertAt < 0 && AFTER_CONDITIONAL_FORMATTING.has(tag.local)) insertAt = tag.start;
      continue;
    }
    let end = tag.end;
    if (tag.kind === "open") {
      const close = tags.slice(i + 1).find((t) => t.depth === 0 && t.kind === "close");
      end = close ? close.end : tag.end;
    }
    const text = tail.slice(tag.start, end);
    const sqref = attributesOf(text.slice(0, tagEnd(text, 0))).get("sqref") ?? "";
    const cfRules = [
      ...text.matchAll(
        /<(?:[\w.-]+:)?cfRule\b([^>]*)>(?:[\s\S]*?<(?:[\w.-]+:)?formula>([\s\S]*?)<\/(?:[\w.-]+:)?formula>)?/g,
      ),
    ].map((m) => ({
      type: attr(`<x${m[1]}>`, "type"),
      priority: Number(attr(`<x${m[1]}>`, "priority") ?? 0),
      formula: unescapeText(m[2] ?? ""),
    }));
    const ours =
      cfRules.length > 0 &&
      cfRules.every((r) => r.type === "expression") &&
      (areasOf(sqref).some((area) => owned.some((o) => intersects(area, o))) ||
        cfRules.every((r) => planKeys.has(ruleKey(sqref, r.formula))));
    if (ours) removed.push([tag.start, end]);
    else {
      for (const r of cfRules) maxPriority = Math.max(maxPriority, r.priority || 0);
      lastKeptEnd = end;
    }
  }
  let priority = maxPriority;
  const added = sorted
    .map((rule) => {
      priority++;
      const dxf = styles.differential(rule.style);
      return (
        `<${p}conditionalFormatting sqref="${escapeAttr(rule.areas.join(" "))}">` +
        `<${p}cfRule type="expression" dxfId="${dxf}" priority="${priority}" stopIfTrue="1"><${p}formula>${xmlText(rule.formula.replace(/^=/, ""))}</${p}formula></${p}cfRule>` +
        `</${p}conditionalFormatting>`
      );
    })
    .join("");
  const at = lastKeptEnd >= 0 ? lastKeptEnd : insertAt >= 0 ? insertAt : rootCloseOf(tail);
  // Cut the removed rules and insert the new ones, in one pass over the positions.
  const edits: { s: number; e: number; text: string }[] = removed.map(([s, e]) => ({ s, e, text: "" }));
  edits.push({ s: at, e: at, text: added });
  edits.sort((a, b) => a.s - b.s || a.e - b.e);
  let out = "";
  let cursor = 0;
  for (const ed of edits) {
    out += tail.slice(cursor, ed.s) + ed.text;
    cursor = Math.max(cursor, ed.e);
  }
  return out + tail.slice(cursor);
}

function rootCloseOf(tail: string): number {
  const tags = scanTags(tail);
  const close = [...tags].reverse().find((t) => t.kind === "close" && t.depth < 0);
  return close ? close.start : tail.length;
}
