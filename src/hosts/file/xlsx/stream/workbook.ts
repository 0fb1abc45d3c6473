/**
 * A whole .xlsx/.xlsm package read by streaming into `WorkbookData`: the workbook part and its
 * relationships give the sheets (in tab order, with their names and hidden state; chart sheets and
 * dialog sheets are not worksheets and are left out, as ExcelJS leaves them out), the shared strings and
 * the styles are read once, then each worksheet part in one SAX pass (./sheet). Only the parts detection
 * needs are inflated; the rest of the package is listed, never unpacked.
 */
import type { SheetData, WorkbookData } from "../../../../workbook/model";
import { readSheet } from "./sheet";
import { readSharedStrings } from "./strings";
import { readStyles } from "./styles";
import { parseXml, relationshipsOf, type Relationship } from "./xml";
import type { ZipArchive } from "./zip";

const WORKBOOK = "xl/workbook.xml";
const REL_WORKSHEET = /\/worksheet$/;

interface SheetEntry {
  name: string;
  part: string;
  hidden: boolean;
}

/** The worksheets of the workbook part, in tab order. */
function worksheetsOf(zip: ZipArchive, workbookXml: Uint8Array): { sheets: SheetEntry[]; date1904: boolean } {
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
      sheets.push({
        name: xmlDecodeName(a.name ?? ""),
        part: rel.target,
        hidden: a.state === "hidden" || a.state === "veryHidden",
      });
    },
  });
  return { sheets, date1904 };
}

/** ExcelJS decodes sheet names once more (`&amp;lt;` → `<`). */
function xmlDecodeName(name: string): string {
  return name.replace(
    /&(lt|gt|amp|apos|quot);/g,
    (_, e: string) => ({ lt: "<", gt: ">", amp: "&", apos: "'", quot: '"' })[e] ?? _,
  );
}

/**
 * Reads the package (already opened) into `WorkbookData`; with `firstRowOnly`, each sheet's row 1 only.
 * @throws Error on malformed XML or a broken entry (the caller turns it into a pt-BR message).
 */
export async function readPackage(zip: ZipArchive, firstRowOnly = false): Promise<WorkbookData> {
  const workbookXml = zip.bytes(WORKBOOK);
  if (workbookXml === undefined) throw new Error(`no ${WORKBOOK}`);
  const { sheets: entries, date1904 } = worksheetsOf(zip, workbookXml);
  const ctx = {
    zip,
    styles: readStyles(zip.bytes("xl/styles.xml")),
    sharedStrings: readSharedStrings(zip.bytes("xl/sharedStrings.xml")),
    date1904,
  };
  const sheets: SheetData[] = [];
  for (const entry of entries) sheets.push(await readSheet(ctx, entry.part, entry.name, entry.hidden, firstRowOnly));

  return { sheets };
}
