/**
 * A CSV's sheet as the evaluated copy stores it: the numbers the CSV writes as text (`57`, `71%`, `1.234,5`)
 * become numbers, so that the copy is not a sheet of numbers stored as text. The CSV's text itself is what
 * the evaluation read (it parses pt-BR numbers on its own); this is only about how the copy keeps it.
 *
 * - Only cells below a table's header row change: titles, headers and anything above stay text.
 * - `71%` (a `%` written) is 0,71 with a percent format; a plain number under a header that says `(%)` or
 *   `%` (`Resultado (%)`, `2022 Q1 (%)`) is a percentage too: `57` is 0,57 shown `57%`, as the header meant.
 * - The decimals written are kept in the format (`40,00` shows `40,00`; `57,5%` shows `57,5%`), and a
 *   thousands separator written (`1.234`) is kept too.
 * - Codes stay text: a number written with leading zeros (`0000123456`, an INE), more than 15 digits, or in
 *   a column whose header names a code (`IBGE`, `CNES`, `INE`, `Código`, `CNS`, `CPF`, `CEP`).
 *
 * Pure: a new sheet is returned, the one read is not changed.
 */
import { normalizeText, parseReadingText } from "../../../core/parse";
import type { CellData, DetectedTable, SheetData } from "../../../workbook/model";

/** Header words of columns that hold codes, not quantities (normalized, first word). */
const CODE_HEADER = /^(cod|codigo|ibge|cnes|ine|cns|cpf|cep|cnpj)\b/;

/** The pt-BR number of a text, with how it was written; undefined for anything else (or a code). */
function numberOf(text: string): { value: number; percent: boolean; decimals: number; grouped: boolean } | undefined {
  const t = text.trim();
  if (t === "" || t.length > 40) return undefined;
  const digits = t.replace(/\D/g, "");
  if (/^[+-]?0\d/.test(t) || digits.length > 15) return undefined;
  const reading = parseReadingText(t);
  if (!reading) return undefined;
  const body = t.replace(/%\s*$/, "").trim();
  // pt-BR: `,` is the decimal mark and `.` groups thousands; a plain `1234.5` has a decimal point.
  const comma = body.lastIndexOf(",");
  const grouped = /^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(body);
  const decimals =
    comma >= 0 ? body.length - comma - 1 : !grouped && body.includes(".") ? body.length - body.lastIndexOf(".") - 1 : 0;
  return { value: reading.value, percent: reading.scale === "percent", decimals, grouped };
}

/** An Excel number format with `decimals` decimals (`0.00`, `#,##0`, `0.0%`); undefined for a plain integer. */
function formatFor(decimals: number, grouped: boolean, percent: boolean): string | undefined {
  const base = `${grouped ? "#,##0" : "0"}${decimals > 0 ? `.${"0".repeat(Math.min(decimals, 10))}` : ""}`;
  if (percent) return `${base}%`;
  return base === "0" ? undefined : base;
}

/** The sheet with the numbers below `headerRows` (1-based rows of the sheet) as numbers (see the module's note). */
export function typedSheet(sheet: SheetData, headerRows: readonly number[]): SheetData {
  const headers = [...new Set(headerRows.filter((r) => Number.isInteger(r) && r >= sheet.origin.row))].sort(
    (a, b) => a - b,
  );
  if (headers.length === 0) return sheet;
  const textAt = (row: number, col: number): string => {
    const value = sheet.rows[row - sheet.origin.row]?.[col - sheet.origin.col]?.value;
    return typeof value === "string" ? value : "";
  };
  const rows: CellData[][] = sheet.rows.map((line, i) => {
    const row = sheet.origin.row + i;
    // The nearest header row above this one.
    let header: number | undefined;
    for (const h of headers) if (h < row) header = h;
    if (header === undefined) return line;
    return line.map((cell, j) => {
      if (typeof cell?.value !== "string") return cell;
      const col = sheet.origin.col + j;
      const title = textAt(header!, col);
      if (CODE_HEADER.test(normalizeText(title))) return cell;
      const n = numberOf(cell.value);
      if (!n) return cell;
      // A plain number under a `(%)` header is that many percent.
      const percent = n.percent || title.includes("%");
      // Rounded to 15 significant digits: 57,14 ÷ 100 is 0,5714, not 0,5714000000000001.
      const read = n.percent ? n.value : percent ? Number((n.value / 100).toPrecision(15)) : n.value;
      // `-0` (written so, or rounded so) is stored as 0: a cell showing `-0` would puzzle.
      const value = read === 0 ? 0 : read;
      const numberFormat = formatFor(n.decimals, n.grouped, percent);
      return numberFormat ? { value, numberFormat } : { value };
    });
  });
  return { ...sheet, rows };
}

/** The header rows of the tables found on a sheet (each table's, on each of its sheets). */
export function headerRowsOf(tables: readonly DetectedTable[], sheet: string): number[] {
  return tables.flatMap((tb) => tb.frames.filter((f) => f.sheet === sheet).map((f) => f.headerRow));
}
