/**
 * The documents of the decree's art. 11 IV and V on a real .xlsx with the four quarters of 2025
 * (tests/workbook/plan/reports/fixture.ts): the final synthetic communiqué and the proposal of an additive term,
 * - as sheets of the evaluated copy (`avaliar --final --termo-aditivo`), read back with ExcelJS;
 * - as Word documents (`comunicado --final|--termo-aditivo --saida x.docx`), read back from word/document.xml;
 * - printed by LibreOffice to PDF and measured with `pdftotext -bbox`: the pages each takes, the smallest
 *   type at print size (≥ 9 pt), no text in the paper's unprintable border, each signature block on one page.
 * The PDFs and their pages as PNG are kept in test-artifacts/documents to look at (one LibreOffice start).
 */
import fs from "fs";
import JSZip from "jszip";
import path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/index";
import { runComunicado } from "../../src/cli/communique";
import { documentStrings, reportStrings } from "../../src/workbook/messages";
import { runPipeline } from "../../src/workbook/pipeline";
import { buildAdditiveTerm } from "../../src/workbook/plan/reports/additiveTerm";
import { communiqueSheet } from "../../src/workbook/plan/reports/communique";
import { buildFinalCommunique } from "../../src/workbook/plan/reports/finalCommunique";
import { readWorkbookFile } from "../../src/hosts/file/xlsx/read";
import { writeEvaluatedFile } from "../../src/hosts/file/xlsx/write";
import { artifactsDir, convertAllWithLibreOffice, renderPdf, soffice, withLibreOffice } from "../support/libreoffice";
import {
  cutSignatureBlocks,
  minWordHeight,
  outsidePrintable,
  pageText,
  pdftotext,
  pdfWords,
  type PdfPage,
} from "../support/pdfWords";
import { writeContractXlsx } from "../workbook/plan/reports/fixture";
import { tempDir, workbookOf } from "../hosts/file/xlsx/helpers";

let dir: string;
let cleanup: () => void;
let input: string;

const quiet = { write: () => true };

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  input = path.join(dir, "contrato.xlsx");
  await writeContractXlsx(input);
});
afterAll(() => cleanup());

/** Every cell's text of a sheet, row by row (merged cells once). */
function sheetTexts(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) =>
    row.eachCell((c) => {
      if (c.isMerged && c.master !== c) return;
      if (c.value !== null && c.value !== undefined) out.push(String(c.value));
    }),
  );
  return out;
}

/** The text of each paragraph of a Word document's body (tables included, a cell per paragraph). */
async function docxParagraphs(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file("word/document.xml")!.async("string");
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) =>
    [...m[1].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((t) =>
        t[1]
          .replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">")
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, "&"),
      )
      .join(""),
  );
}

describe("avaliar --final --termo-aditivo: the sheets, read back with ExcelJS", () => {
  test("a communiqué per quarter, the final communiqué and the proposal, with their figures", async () => {
    const output = path.join(dir, "contrato.avaliado.xlsx");
    expect(await main(["avaliar", input, "--final", "--termo-aditivo", "--saida", output], quiet, quiet)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    const names = wb.worksheets.map((w) => w.name);
    expect(names.filter((n) => /^Comunicado|^Proposta|^Avaliação/.test(n))).toEqual([
      "Comunicado 2025-T1",
      "Comunicado 2025-T2",
      "Comunicado 2025-T3",
      "Comunicado 2025-T4",
      "Avaliação anual 2025",
      "Avaliação final",
      "Comunicado final",
      "Proposta de Termo Aditivo",
    ]);
    // Only the 4th quarter's communiqué closes the year.
    expect(sheetTexts(wb.getWorksheet("Comunicado 2025-T4")!)).toContain("Último comunicado do exercício de 2025");
    expect(sheetTexts(wb.getWorksheet("Comunicado 2025-T3")!)).not.toContain("Último comunicado do exercício de 2025");

    const final = sheetTexts(wb.getWorksheet("Comunicado final")!);
    expect(final[0]).toBe(reportStrings.draftNote);
    expect(final).toContain(documentStrings.finalTitle);
    expect(final).toContain(documentStrings.addressee);
    // (83,33 + 70 + 66,67 + 50) / 4 = 67,5% → Faixa 4 (tests/workbook/plan/reports/finalCommunique.test.ts).
    expect(final).toContain(documentStrings.grade("atingimento global", "67,5%", 4, "trimestre", "trimestres"));
    expect(final).toContain(documentStrings.gradeBand("Faixa 4 — 60% a 69,9%"));
    expect(final).toContain("• Faixa 5 — 50% a 59,9%: 1 trimestre (2025-T4)");
    expect(final).toContain(
      "• I3 Cobertura vacinal de crianças menores de 1 ano: conceito B em 4 períodos (atingimento de 71,6% a 75,8%).",
    );
    expect(final.filter((t) => reportStrings.members.some((m) => t.endsWith(`\n${m}`)))).toHaveLength(
      reportStrings.members.length,
    );

    const term = sheetTexts(wb.getWorksheet("Proposta de Termo Aditivo")!);
    expect(term).toContain(documentStrings.additiveTitle);
    // I1 by a wide margin (130% to 150%), I3 never met (71,6% to 75,8%).
    expect(term).toContain(documentStrings.reasons.wideMargin(4, "trimestres", "130,0%", "150,0%"));
    expect(term).toContain(documentStrings.reasons.neverMet(4, "trimestres", "71,6%", "75,8%"));
    expect(term.filter((t) => t === documentStrings.blankLine)).toHaveLength(2);
  });
});

describe("comunicado --final / --termo-aditivo --saida x.docx: read back from word/document.xml", () => {
  test("the final communiqué and the proposal as Word documents", async () => {
    const finalDocx = path.join(dir, "comunicado-final.docx");
    expect(await runComunicado([input, "--final", "--saida", finalDocx], quiet, quiet)).toBe(0);
    const final = await docxParagraphs(finalDocx);
    expect(final).toContain(documentStrings.finalTitle);
    expect(final).toContain(documentStrings.gradeHeading);
    expect(final).toContain(documentStrings.grade("atingimento global", "67,5%", 4, "trimestre", "trimestres"));
    // The indicators' table, a cell per paragraph: I3's row.
    const i3 = final.indexOf("I3");
    expect(final.slice(i3, i3 + 6)).toEqual([
      "I3",
      "Cobertura vacinal de crianças menores de 1 ano",
      "≥ 95%",
      "0 de 4",
      "73,9%",
      "Meta nunca atingida",
    ]);
    expect(final).toContain(documentStrings.finalClosing);

    const termDocx = path.join(dir, "termo-aditivo.docx");
    expect(await runComunicado([input, "--termo-aditivo", "--saida", termDocx], quiet, quiet)).toBe(0);
    const term = await docxParagraphs(termDocx);
    expect(term).toContain(documentStrings.additiveTitle);
    expect(term).toContain(documentStrings.wordingHeading);
    const i1 = term.lastIndexOf("I1");
    expect(term.slice(i1, i1 + 4)).toEqual(["I1", "Consultas médicas por mês", "≥ 300", documentStrings.blankLine]);
  });
});

/** The pages from the one whose text has `first` up to (not including) the one with `next`. */
function pagesOf(pages: PdfPage[], first: string, next?: string): PdfPage[] {
  const start = pages.findIndex((p) => pageText(p).includes(first));
  const end = next ? pages.findIndex((p, i) => i > start && pageText(p).includes(next)) : pages.length;
  expect(start).toBeGreaterThanOrEqual(0);
  return pages.slice(start, end < 0 ? pages.length : end);
}

/** What every printed document must hold to: legible type, inside the printable area, whole signature blocks. */
function expectPrintable(name: string, pages: PdfPage[]): void {
  for (const p of pages) expect([name, Math.round(p.width), Math.round(p.height)]).toEqual([name, 595, 842]); // A4 portrait
  // 9 pt is the smallest type a reader is expected to read on paper (a word box is about the font's size).
  expect(minWordHeight(pages)).toBeGreaterThanOrEqual(9);
  expect(outsidePrintable(pages).map(({ page, word }) => `${name} p.${page}: ${word.text}`)).toEqual([]);
  // Four members, four blocks, none cut by a page break.
  expect(pages.flatMap((p) => p.words.filter((w) => w.text === "Nome:"))).toHaveLength(reportStrings.members.length);
  expect(cutSignatureBlocks(pages, "(representante")).toEqual([]);
}

const withPrinting = soffice && pdftotext ? withLibreOffice(true) : test.skip;

describe("printed by LibreOffice (A4)", () => {
  withPrinting(
    "the two sheets and the two Word documents, in one LibreOffice start: pages, type, printable area, signature blocks (test-artifacts/documents/*.png)",
    async () => {
      const artifacts = artifactsDir("documents");
      const read = await readWorkbookFile(input);
      if (read.kind !== "workbook") throw new Error("unreadable");
      const evs = runPipeline(workbookOf(read)).evaluations;
      const source = "Contrato de Gestão nº 001/2025";
      // The copy `avaliar` writes, with only these two sheets added (the data sheet prints first).
      const plan = {
        owned: [],
        rules: [],
        summaries: [
          communiqueSheet(buildFinalCommunique(evs, { source })),
          communiqueSheet(buildAdditiveTerm(evs, { source })),
        ],
        problems: [],
      };
      const xlsx = path.join(artifacts, "sheets.xlsx");
      expect(await writeEvaluatedFile(read.source, plan, xlsx, input)).toEqual({ kind: "written", path: xlsx });
      const docx = {
        final: path.join(artifacts, "comunicado-final.docx"),
        term: path.join(artifacts, "termo-aditivo.docx"),
      };
      expect(await runComunicado([input, "--final", "--saida", docx.final], quiet, quiet)).toBe(0);
      expect(await runComunicado([input, "--termo-aditivo", "--saida", docx.term], quiet, quiet)).toBe(0);
      const pdfs = await convertAllWithLibreOffice([xlsx, docx.final, docx.term], artifacts, "pdf");

      const pages = await pdfWords(pdfs[0]);
      const final = pagesOf(pages, documentStrings.finalTitle, documentStrings.additiveTitle);
      const term = pagesOf(pages, documentStrings.additiveTitle);
      expect([final.length, term.length]).toEqual([FINAL_SHEET_PAGES, TERM_SHEET_PAGES]);
      expectPrintable("Comunicado final", final);
      expectPrintable("Proposta de Termo Aditivo", term);
      for (const [file, pdf, expected] of [
        ["comunicado-final.docx", pdfs[1], FINAL_DOCX_PAGES],
        ["termo-aditivo.docx", pdfs[2], TERM_DOCX_PAGES],
      ] as const) {
        const docPages = await pdfWords(pdf);
        expect([file, docPages.length]).toEqual([file, expected]);
        expectPrintable(file, docPages);
      }
      for (const pdf of pdfs) await renderPdf(pdf, path.join(artifacts, path.basename(pdf, ".pdf")), 70);
    },
    240_000,
  );
});

// Pages each document takes on A4, as measured and looked at (test-artifacts/documents*).
const FINAL_SHEET_PAGES = 2;
const TERM_SHEET_PAGES = 2;
const FINAL_DOCX_PAGES = 3;
const TERM_DOCX_PAGES = 2;
