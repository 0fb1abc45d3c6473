/**
 * A whole .xlsx/.xlsm package read by streaming into `WorkbookData`: the workbook part and its
 * relationships give the sheets (in tab order, with their names and hidden state; chart sheets and
 * dialog sheets are not worksheets and are left out, as ExcelJS leaves them out), the shared strings and
 * the styles are read once, then each worksheet part in one SAX pass (./sheet). Only the parts detection
 * needs are inflated; the rest of the package is listed, never unpacked.
 */
import { messages } from "../../../core/messages";
import { isAddinSheet } from "../../owned";
import type { SheetData, WorkbookData } from "../../port";
import { readSheet } from "./sheet";
import { readSharedStrings } from "./strings";
import { readStyles } from "./styles";
import { parseXml, relationshipsOf, type Relationship } from "./xml";
import type { ZipArchive } from "./zip";

const WORKBOOK = "xl/workbook.xml";
const REL_WORKSHEET = /\/worksheet$/;
const REL_DRAWING = /\/drawing$/;
const REL_CHART = /\/chart$/;

interface SheetEntry {
  name: string;
  part: string;
  hidden: boolean;
}

/** The worksheets of the workbook part, in tab order. */
function worksheetsOf(zip: ZipArchive, workbookXml: string): { sheets: SheetEntry[]; date1904: boolean } {
  const rels = new Map(relationshipsOf(zip, WORKBOOK).map((r) => [r.id, r]));
  const sheets: SheetEntry[] = [];
  const seenIds = new Set<number>();
  let date1904 = false;
  parseXml(workbookXml, {
    open: (local, a) => {
      if (local === "workbookPr") date1904 = a.date1904 === "1";
      if (local !== "sheet") return;
      const relId = a["r:id"] ?? Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1];
      const rel: Relationship | undefined = relId ? rels.get(relId) : undefined;
      if (!rel || rel.external || !REL_WORKSHEET.test(rel.type) || !zip.entries.has(rel.target)) return;
      // ExcelJS keeps one sheet per sheetId (a later one replaces an earlier one); a valid file has no repeats.
      const id = parseInt(a.sheetId, 10);
      if (seenIds.has(id)) return;
      seenIds.add(id);
      sheets.push({ name: xmlDecodeName(a.name ?? ""), part: rel.target, hidden: a.state === "hidden" || a.state === "veryHidden" });
    },
  });
  return { sheets, date1904 };
}

/** ExcelJS decodes sheet names once more (`&amp;lt;` → `<`). */
function xmlDecodeName(name: string): string {
  return name.replace(/&(lt|gt|amp|apos|quot);/g, (_, e: string) => ({ lt: "<", gt: ">", amp: "&", apos: "'", quot: '"' })[e] ?? _);
}

/** How many charts each sheet's drawings hold, by sheet name. */
function chartsBySheet(zip: ZipArchive, sheets: SheetEntry[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const sheet of sheets) {
    let n = 0;
    for (const rel of relationshipsOf(zip, sheet.part)) {
      if (!REL_DRAWING.test(rel.type) || rel.external) continue;
      n += relationshipsOf(zip, rel.target).filter((r) => REL_CHART.test(r.type)).length;
    }
    if (n > 0) out.set(sheet.name, n);
  }
  return out;
}

/** The value of A1 as `SheetData` tells it (the block starts at A1 whenever A1 holds a value). */
function a1Of(sheet: SheetData) {
  return sheet.origin.row === 1 && sheet.origin.col === 1 ? (sheet.rows[0]?.[0]?.value ?? null) : null;
}

/**
 * Reads the package (already opened) into `WorkbookData`.
 * @throws Error on malformed XML or a broken entry (the caller turns it into a pt-BR message).
 */
export async function readPackage(zip: ZipArchive): Promise<WorkbookData> {
  const workbookXml = zip.text(WORKBOOK);
  if (workbookXml === undefined) throw new Error(`no ${WORKBOOK}`);
  const { sheets: entries, date1904 } = worksheetsOf(zip, workbookXml);
  const ctx = {
    zip,
    styles: readStyles(zip.text("xl/styles.xml")),
    sharedStrings: readSharedStrings(zip.text("xl/sharedStrings.xml")),
    date1904,
  };
  const sheets: SheetData[] = [];
  for (const entry of entries) sheets.push(await readSheet(ctx, entry.part, entry.name, entry.hidden));

  const charts = chartsBySheet(zip, entries);
  const summaryCharts = [...charts.keys()].filter((name) => {
    const sheet = sheets.find((s) => s.name === name);
    return sheet !== undefined && isAddinSheet({ name, origin: { row: 1, col: 1 }, rows: [[{ value: a1Of(sheet) }]] });
  });
  const ownCharts = summaryCharts.reduce((n, name) => n + (charts.get(name) ?? 0), 0);
  return {
    sheets,
    unsupported: unsupportedPartsOf([...zip.entries.keys()], ownCharts),
    ...(summaryCharts.length > 0 ? { summaryCharts } : {}),
  };
}

/**
 * Parts of the package ExcelJS does not read and so drops when it rewrites the file (its reader handles
 * only the workbook, sheets, shared strings, styles, themes, images, drawings, comments, tables and the
 * core/app properties), in pt-BR. `ownCharts` of the add-in's summary sheets are not counted: they are made
 * again.
 */
export function unsupportedPartsOf(paths: string[], ownCharts = 0): string[] {
  const count = (re: RegExp) => paths.filter((p) => re.test(p)).length;
  const found: string[] = [];
  const counted: [RegExp, (n: number) => string][] = [
    [/^xl\/charts\/chart\d*\.xml$/i, messages.partCharts],
    [/^xl\/chartsheets\/sheet\d*\.xml$/i, messages.partChartSheets],
    [/^xl\/pivotTables\/pivotTable\d*\.xml$/i, messages.partPivotTables],
    [/^xl\/slicers\/slicer\d*\.xml$/i, messages.partSlicers],
    [/^xl\/timelines\/timeline\d*\.xml$/i, messages.partTimelines],
    [/^xl\/externalLinks\/externalLink\d*\.xml$/i, messages.partExternalLinks],
  ];
  for (const [re, text] of counted) {
    const n = count(re) - (text === messages.partCharts ? ownCharts : 0);
    if (n > 0) found.push(text(n));
  }
  const present: [RegExp, string][] = [
    [/^xl\/(connections\.xml|queryTables\/)/i, messages.partConnections],
    [/^xl\/threadedComments\//i, messages.partThreadedComments],
    [/^xl\/vbaProject\.bin$/i, messages.partMacros],
    [/^customXml\//i, messages.partCustomXml],
    [/^docProps\/custom\.xml$/i, messages.partCustomProperties],
    [/^xl\/webextensions\//i, messages.partWebExtensions],
  ];
  for (const [re, text] of present) if (count(re) > 0) found.push(text);
  return found;
}
