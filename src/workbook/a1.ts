/**
 * A1 addresses: columns as letters (A = 1, Z = 26, AA = 27, XFD = 16384, Excel's last column), cells as
 * `E7`, ranges as `A1:F10`. Rows and columns are 1-based.
 */

/** Excel's last column (XFD). */
export const MAX_COLUMN = 16384;

/** Letters already worked out, by column (detection asks for the same few columns on every row). */
const LETTERS: string[] = [];

/**
 * The letters of a 1-based column: 1 → `A`, 26 → `Z`, 27 → `AA`, 16384 → `XFD`.
 * @throws RangeError when `col` is not a whole number ≥ 1 (a programming error: callers hold valid columns).
 */
export function columnLetter(col: number): string {
  if (!Number.isInteger(col) || col < 1) throw new RangeError(`columnLetter: bad column ${col}`);
  const known = col <= MAX_COLUMN ? LETTERS[col] : undefined;
  if (known !== undefined) return known;
  let letters = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  if (col <= MAX_COLUMN) LETTERS[col] = letters;
  return letters;
}

/**
 * The 1-based column of letters (`A` → 1, `aa` → 27, `XFD` → 16384); case and surrounding spaces ignored.
 * Undefined for anything else, including columns past `XFD`.
 */
export function columnIndex(letters: string): number | undefined {
  if (typeof letters !== "string") return undefined;
  const text = letters.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(text)) return undefined;
  let col = 0;
  for (const ch of text) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col <= MAX_COLUMN ? col : undefined;
}

/**
 * The A1 address of a cell: `toA1(7, 5)` → `E7`.
 * @throws RangeError when the row or the column is not a whole number ≥ 1.
 */
export function toA1(row: number, col: number): string {
  if (!Number.isInteger(row) || row < 1) throw new RangeError(`toA1: bad row ${row}`);
  return `${columnLetter(col)}${row}`;
}

/** Row and column of an A1 address (`E7`, `$E$7`, `e7`); undefined when it is not one. */
export function fromA1(address: string): { row: number; col: number } | undefined {
  if (typeof address !== "string") return undefined;
  // Read character by character rather than with a pattern: the write plan reads several addresses per row.
  // Accepted: an optional `$`, 1–3 letters, an optional `$`, 1–7 digits (`^\$?[A-Za-z]{1,3}\$?\d{1,7}$`).
  const text = address.trim();
  let i = text.charCodeAt(0) === DOLLAR ? 1 : 0;
  const lettersStart = i;
  let col = 0;
  for (let value = letterValue(text.charCodeAt(i)); value > 0; value = letterValue(text.charCodeAt(i))) {
    col = col * 26 + value;
    i += 1;
  }
  if (i === lettersStart || i - lettersStart > 3 || col > MAX_COLUMN) return undefined;
  if (text.charCodeAt(i) === DOLLAR) i += 1;
  const digitsStart = i;
  let row = 0;
  for (let code = text.charCodeAt(i); code >= ZERO && code <= NINE; code = text.charCodeAt(i)) {
    row = row * 10 + (code - ZERO);
    i += 1;
  }
  if (i === digitsStart || i - digitsStart > 7 || i !== text.length || row < 1) return undefined;
  return { row, col };
}

const DOLLAR = 36;
const ZERO = 48;
const NINE = 57;

/** A column letter's value, either case (`A`/`a` → 1, `Z`/`z` → 26); 0 for anything else. */
function letterValue(code: number): number {
  if (code >= 65 && code <= 90) return code - 64;
  if (code >= 97 && code <= 122) return code - 96;
  return 0;
}

/** A rectangle of cells, all ends inclusive and 1-based. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * The rectangle of an A1 range (`A1:F10`, `$A$1:$F$10`, a single cell `B2`, or with a sheet prefix
 * `Plan1!A1:F10`), corners in any order; undefined when it is not one.
 */
export function fromA1Range(ref: string): CellRange | undefined {
  if (typeof ref !== "string") return undefined;
  const body = ref.includes("!") ? ref.slice(ref.lastIndexOf("!") + 1) : ref;
  const parts = body.split(":");
  if (parts.length > 2) return undefined;
  const a = fromA1(parts[0]);
  const b = parts.length === 2 ? fromA1(parts[1]) : a;
  if (!a || !b) return undefined;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** The A1 form of a rectangle: `A1:F10` (a single cell stays `A1:A1`, as Excel writes table refs). */
export function toA1Range(range: CellRange): string {
  return `${toA1(range.top, range.left)}:${toA1(range.bottom, range.right)}`;
}
