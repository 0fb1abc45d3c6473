/**
 * The number format of each cell style (`xl/styles.xml`: `numFmts` and `cellXfs`), read once per file, as
 * ExcelJS 4.4.0 resolves them, so both readers give a cell the same `numberFormat`:
 * - a style's `numFmtId` names a custom format (`<numFmt numFmtId formatCode>`, backslash escapes
 *   removed: `0.0\%` → `0.0%`) or a built-in one (the table below); id 0 (General) and unknown ids give none;
 * - a date format (ExcelJS's test: after removing `[…]` and `"…"`, one of `y m d h M s b`) turns a number
 *   into a date.
 */
import { parseXml } from "./xml";

/** The built-in formats ExcelJS knows by id (its `defaultnumformats`, entries with a format code). */
const BUILT_IN: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

export interface CellStyles {
  /** The number format of style `s` (the `s` attribute of a cell, row or column), if it has one. */
  numberFormat(s: number): string | undefined;
  /** Whether style `s` formats its numbers as dates. */
  isDate(s: number): boolean;
}

/** ExcelJS's date test on a format code. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** The styles part's cell formats; `xml` undefined (no styles part) gives no formats at all. */
export function readStyles(xml: string | Uint8Array | undefined): CellStyles {
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  if (xml !== undefined) {
    // Only `numFmts` and `cellXfs` directly under the style sheet: `dxfs` and `cellStyleXfs` hold the same
    // element names for other purposes.
    const stack: string[] = [];
    parseXml(xml, {
      open: (local, a) => {
        const parent = stack[stack.length - 1];
        if (local === "numFmt" && parent === "numFmts" && stack.length === 2) {
          const id = parseInt(a.numFmtId, 10);
          custom.set(id, (a.formatCode ?? "").replace(/[\\](.)/g, "$1"));
        } else if (local === "xf" && parent === "cellXfs" && stack.length === 2) {
          xfFormats.push(parseInt(a.numFmtId, 10));
        }
        stack.push(local);
      },
      // Self-closing elements close too (the scanner reports both events).
      close: () => stack.pop(),
    });
  }
  const formats: (string | undefined)[] = xfFormats.map((id) =>
    id ? custom.get(id) || BUILT_IN[id] || undefined : undefined,
  );
  const dates = formats.map(isDateFormat);
  return {
    numberFormat: (s) => formats[s],
    isDate: (s) => dates[s] === true,
  };
}
