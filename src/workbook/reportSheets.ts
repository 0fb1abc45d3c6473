/**
 * The report sheets' names and titles, apart from the reports themselves (this module imports only the
 * texts), so that detection and the file reader can tell them from the user's sheets without importing the
 * planning code: a report's tables look like indicator tables (`Indicador`, `Meta`, `Resultado`) and must be
 * skipped as output, like the `Resumo …` sheets, when the workbook is evaluated again.
 */
import { cofinStrings, consolidationStrings, documentStrings, printStrings, reportStrings } from "./messages";

/** The start of every `Consolidado` sheet's title (the command's and the task pane's): `Consolidado da avaliação — `. */
const CONSOLIDATED_TITLE = `${consolidationStrings.title(1, 1).split(" — ")[0]} — `;

/**
 * True for a sheet a report wrote: named `Comunicado …` (the final one too), `Proposta de Termo Aditivo`,
 * `Avaliação anual …`, `Avaliação final`, `Cofinanciamento …` or `Municípios …`, with the report's first line in A1 (the communiqué's draft note, or the report's
 * title), or a sheet of the regional consolidation (`Consolidado`, whose rows have `Período` and
 * `Indicadores não atingidos` columns, and `Falhas`), with its title in A1. A user's sheet of the same name but other content is not
 * taken for one.
 */
export function isReportSheet(sheet: {
  name: string;
  rows?: { value?: unknown }[][];
  origin?: { row: number; col: number };
}): boolean {
  const name = String(sheet.name);
  const a1 =
    sheet.origin && (sheet.origin.row !== 1 || sheet.origin.col !== 1) ? undefined : sheet.rows?.[0]?.[0]?.value;
  if (typeof a1 !== "string") return false;
  if (/^comunicado\b/i.test(name) || name.toLowerCase() === documentStrings.additiveSheet.toLowerCase())
    return a1 === reportStrings.draftNote;
  const year = /(\d{4})$/.exec(name)?.[1];
  if (/^avalia[cç][aã]o anual\b/i.test(name))
    return year !== undefined && a1 === reportStrings.annualTitle(Number(year));
  if (/^avalia[cç][aã]o final$/i.test(name)) return a1 === reportStrings.finalTitle;
  if (/^cofinanciamento\b/i.test(name)) return a1 === cofinStrings.title;
  // The per-municipality sheet: its title names the figure, then "por município — ".
  if (/^munic[ií]pios\b/i.test(name)) return a1.includes(printStrings.municipalityTitle("", "").trim());
  if (name.toLowerCase() === consolidationStrings.sheetName.toLowerCase()) return a1.startsWith(CONSOLIDATED_TITLE);
  if (name.toLowerCase() === consolidationStrings.failuresSheetName.toLowerCase())
    return a1.startsWith(consolidationStrings.failuresTitle(0));
  return false;
}
