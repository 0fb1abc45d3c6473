/**
 * The report sheets' names and titles, apart from the reports themselves (this module imports only the
 * texts), so that detection and the file reader can tell them from the user's sheets without importing the
 * planning code: a report's tables look like indicator tables (`Indicador`, `Meta`, `Resultado`) and must be
 * skipped as output, like the `Resumo …` sheets, when the workbook is evaluated again.
 */
import { reportStrings as s } from "../../core/messages";

/**
 * True for a sheet a report wrote: named `Comunicado …`, `Avaliação anual …` or `Avaliação final`, with the
 * report's first line in A1 (the communiqué's draft note, or the annual/final report's title). A user's sheet
 * of the same name but other content is not taken for one.
 */
export function isReportSheet(sheet: { name: string; rows?: { value?: unknown }[][]; origin?: { row: number; col: number } }): boolean {
  const name = String(sheet.name);
  const a1 = sheet.origin && (sheet.origin.row !== 1 || sheet.origin.col !== 1) ? undefined : sheet.rows?.[0]?.[0]?.value;
  if (typeof a1 !== "string") return false;
  if (/^comunicado\b/i.test(name)) return a1 === s.draftNote;
  const year = /(\d{4})$/.exec(name)?.[1];
  if (/^avalia[cç][aã]o anual\b/i.test(name)) return year !== undefined && a1 === s.annualTitle(Number(year));
  if (/^avalia[cç][aã]o final$/i.test(name)) return a1 === s.finalTitle;
  return false;
}
