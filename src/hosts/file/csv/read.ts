/**
 * Reads a CSV file into one `SheetData`, the way Excel would open it: one row per line (blank lines kept,
 * so row numbers match what the user sees), one cell per field, every value a string (the detection layer
 * parses pt-BR numbers, dates and percentages), empty fields empty.
 *
 * Made for the national panel exports (SISAB, SIAPS): Latin-1 or UTF-8, `;` separators with a trailing `;`,
 * title lines above the header and a footer below, cells padded with tabs (removed). Also reads UTF-8 (with or without BOM), UTF-16 with BOM (Excel's
 * "Texto Unicode"), and `,` or tab separators when the text clearly uses them.
 */
import path from "path";
import type { CellData, SheetData } from "../../../workbook/model";

export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";
export type CsvSeparator = ";" | "," | "\t";

/** Windows-1252 characters of bytes 0x80–0x9F (undefined bytes map to their Latin-1 control codes). */
const CP1252_HIGH: Record<number, string> = {
  0x80: "€",
  0x82: "‚",
  0x83: "ƒ",
  0x84: "„",
  0x85: "…",
  0x86: "†",
  0x87: "‡",
  0x88: "ˆ",
  0x89: "‰",
  0x8a: "Š",
  0x8b: "‹",
  0x8c: "Œ",
  0x8e: "Ž",
  0x91: "‘",
  0x92: "’",
  0x93: "“",
  0x94: "”",
  0x95: "•",
  0x96: "–",
  0x97: "—",
  0x98: "˜",
  0x99: "™",
  0x9a: "š",
  0x9b: "›",
  0x9c: "œ",
  0x9e: "ž",
  0x9f: "Ÿ",
};

/** Decodes Windows-1252 (a superset of Latin-1 for printable text), byte by byte. */
function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const slice = bytes.subarray(i, Math.min(i + CHUNK, bytes.length));
    let s = "";
    for (const b of slice)
      s += b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b] ?? String.fromCharCode(b)) : String.fromCharCode(b);
    parts.push(s);
  }
  return parts.join("");
}

/**
 * Decodes a text file: a BOM decides (UTF-8, UTF-16 LE/BE); without one, valid UTF-8 is UTF-8 and anything
 * else is Windows-1252 (the national panels export Latin-1).
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const body = bytes.subarray(2);
    const swapped = new Uint8Array(body.length - (body.length % 2));
    for (let i = 0; i + 1 < body.length; i += 2) {
      swapped[i] = body[i + 1];
      swapped[i + 1] = body[i];
    }
    return { text: new TextDecoder("utf-16le").decode(swapped), encoding: "utf-16be" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
  }
}

/** Counts of each candidate separator outside quotes, per non-blank line (first `maxLines` lines). */
function separatorCounts(
  text: string,
  maxLines: number,
): { counts: Record<CsvSeparator, number>[]; nonDecimalComma: boolean } {
  const counts: Record<CsvSeparator, number>[] = [];
  let current: Record<CsvSeparator, number> = { ";": 0, ",": 0, "\t": 0 };
  let lineHasText = false;
  let inQuotes = false;
  let nonDecimalComma = false;
  for (let i = 0; i < text.length && counts.length < maxLines; i++) {
    const ch = text[i];
    if (ch === '"') {
      inQuotes = !inQuotes;
      lineHasText = true;
    } else if (!inQuotes && (ch === "\n" || ch === "\r")) {
      if (lineHasText) counts.push(current);
      current = { ";": 0, ",": 0, "\t": 0 };
      lineHasText = false;
    } else if (!inQuotes && (ch === ";" || ch === "," || ch === "\t")) {
      current[ch]++;
      lineHasText = true;
      // A comma between two digits may be a pt-BR decimal comma (75,5); any other one is a separator.
      if (ch === "," && !(/[0-9]/.test(text[i - 1] ?? "") && /[0-9]/.test(text[i + 1] ?? ""))) nonDecimalComma = true;
    } else if (ch.trim() !== "") {
      lineHasText = true;
    }
  }
  if (lineHasText && counts.length < maxLines) counts.push(current);
  return { counts, nonDecimalComma };
}

/**
 * The separator: `;` (pt-BR Excel's and the national panels') unless the text has none outside quotes and
 * clearly uses tabs, or commas that cannot be decimal commas.
 */
export function detectSeparator(text: string): CsvSeparator {
  const { counts, nonDecimalComma } = separatorCounts(text, 200);
  const total = (sep: CsvSeparator) => counts.reduce((n, c) => n + c[sep], 0);
  if (total(";") > 0) return ";";
  if (total("\t") > 0) return "\t";
  if (total(",") > 0 && nonDecimalComma) return ",";
  return ";";
}

/**
 * Splits CSV text into rows of fields (RFC 4180 quoting: `"a;b"`, `""` for a quote, line breaks inside
 * quotes). A quote inside an unquoted field is kept as written. Line ends: `\r\n`, `\n` or `\r`. A field is
 * `null` when empty and unquoted, so the trailing `;` of panel exports adds nothing.
 */
export function parseCsv(text: string, separator: CsvSeparator): (string | null)[][] {
  const rows: (string | null)[][] = [];
  let row: (string | null)[] = [];
  let field = "";
  let quoted = false; // the current field started with a quote
  let inQuotes = false;
  let fieldStarted = false;
  const endField = () => {
    row.push(field === "" && !quoted ? null : field);
    field = "";
    quoted = false;
    fieldStarted = false;
  };
  const endRow = () => {
    if (fieldStarted || row.length > 0) endField();
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        field += ch;
      }
    } else if (ch === '"' && !fieldStarted) {
      quoted = true;
      inQuotes = true;
      fieldStarted = true;
    } else if (ch === separator) {
      fieldStarted = true;
      endField();
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRow();
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (fieldStarted || row.length > 0) endRow();
  return rows;
}

/** The sheet name Excel gives a CSV it opens: the file name without extension, at most 31 characters. */
export function sheetNameFromPath(file: string): string {
  const base = path
    .basename(file, path.extname(file))
    .replace(/[[\]:*?/\\]/g, "_")
    .slice(0, 31)
    .replace(/^'+|'+$/g, "");
  return base || "Planilha1";
}

/** What `readCsv` found out about the text, for messages and tests. */
export interface CsvInfo {
  encoding: CsvEncoding;
  separator: CsvSeparator;
}

/** Reads CSV bytes into one sheet named `sheetName` (origin A1, every line a row). */
export function readCsv(bytes: Uint8Array, sheetName: string): { sheet: SheetData; info: CsvInfo } {
  const { text, encoding } = decodeText(bytes);
  const separator = detectSeparator(text);
  // A quoted empty field ("") is an empty cell too, as in Excel. Tabs around a field are padding: the SIAPS
  // exports write every cell as `"\t0000123456\t"` (so that a spreadsheet keeps codes as text), and a
  // code, a number or a class read with its tabs would be none of them.
  const rows: CellData[][] = parseCsv(text, separator).map((fields) => {
    const values = fields.map((f) => {
      const bare = f === null || separator === "\t" ? f : f.replace(/^\t+|\t+$/g, "");
      return bare === "" ? null : bare;
    });
    while (values.length > 0 && values[values.length - 1] === null) values.pop();
    return values.map((value) => ({ value }));
  });
  // A final line break does not make an extra (blank) row.
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return {
    sheet: { name: sheetName, origin: { row: 1, col: 1 }, rows, tables: [], merges: [] },
    info: { encoding, separator },
  };
}
