/**
 * The consolidated sheet as a person sees it: real .xlsx files — the command's `consolidado.xlsx` (a folder of
 * three contracts and a corrupt file) and the task pane's `Consolidado` sheet written into a workbook with
 * one sheet per municipality (the same plan the pane applies in Excel, written by the file host) — printed by
 * LibreOffice headless to PDF and rendered to PNG. The PDF, the PNGs and the workbooks are kept in
 * test-artifacts/consolidado/ to be looked at.
 *
 * The contracts and their hand-worked results are in ./consolidateFixtures.ts:
 *   2025-T1: Lavras 100% (Faixa 1) · Nepomuceno 80% (Faixa 2, I01 not met) · Perdões 60% (Faixa 4, I03)
 *   2025-T2: Perdões 100% (Faixa 1) · Lavras 60% (Faixa 4, I03) · Nepomuceno 60% (Faixa 4, I01 and I04)
 */
import { execFileSync } from "child_process";
import ExcelJS from "exceljs";
import fs from "fs";
import path from "path";
import { runConsolidar } from "../../../src/cli/consolidate";
import { contractBands } from "../../../src/core/presets/bandTables";
import { consolidateWorkbook, planWorkbookConsolidation } from "../../../src/workbook/consolidation/workbookPart";
import { readWorkbookFile } from "../../../src/hosts/file/xlsx/read";
import { writeEvaluatedFile } from "../../../src/hosts/file/xlsx/write";
import { artifactsDir, convertWithLibreOffice, pdftoppm, renderPdf, withLibreOffice } from "../../support/libreoffice";
import { addContractSheet, MUNICIPALITIES, writeContract } from "./fixtures";
import { tempDir } from "../../hosts/file/xlsx/helpers";

jest.setTimeout(240_000);

const BAND = Object.fromEntries(contractBands.bands.map((b) => [b.number!, { label: b.label, color: b.color! }]));

let dir: string;
let cleanup: () => void;
let artifacts: string;
beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  artifacts = artifactsDir("consolidado");
});
afterAll(() => cleanup());

/** The text of some pages of a PDF (poppler's pdftotext, layout kept). */
function pdfText(pdf: string, first?: number, last?: number): string {
  const pages = [...(first ? ["-f", String(first)] : []), ...(last ? ["-l", String(last)] : [])];
  return execFileSync("pdftotext", ["-layout", ...pages, pdf, "-"]).toString("utf8");
}

function pageCount(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf]).toString("utf8"))?.[1]);
}

/** A PDF page as raw RGB pixels (poppler's PPM: `P6 width height 255` then the bytes). */
function pagePixels(pdf: string, page: number, prefix: string): { width: number; height: number; rgb: Buffer } {
  execFileSync(pdftoppm!, ["-r", "60", "-f", String(page), "-l", String(page), "-singlefile", pdf, prefix]);
  const bytes = fs.readFileSync(`${prefix}.ppm`);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 40).toString("latin1"));
  if (!header) throw new Error("not a PPM");
  return { width: Number(header[1]), height: Number(header[2]), rgb: bytes.subarray(header[0].length) };
}

/** How many pixels have this colour (within a small tolerance for anti-aliasing). */
function pixelsOf(p: { rgb: Buffer }, hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i + 2 < p.rgb.length; i += 3) {
    if (Math.abs(p.rgb[i] - r) <= 3 && Math.abs(p.rgb[i + 1] - g) <= 3 && Math.abs(p.rgb[i + 2] - b) <= 3) n++;
  }
  return n;
}

/** PNG width and height, from its IHDR chunk. */
function pngSize(png: string): { width: number; height: number } {
  const b = fs.readFileSync(png);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/**
 * Checks shared by both renderings of the Consolidado page; `minPerCell`: the least area, in pixels at 60 dpi,
 * each band-coloured cell must cover — how large the table prints.
 */
function expectConsolidadoPage(pdf: string, page: number, prefix: string, minPerCell: number): void {
  const text = pdfText(pdf, page, page);
  expect(text).toMatch(/Consolidado da avaliação — 3 municípios ou contratos/);
  for (const m of MUNICIPALITIES) expect(text).toContain(m);
  // The header, wrapped over two lines, is there whole: no column is cut off the page.
  for (const word of [
    "Município",
    "Período",
    "Atingimento",
    "Faixa",
    "Metas não",
    "Indicadores não",
    "Avaliação",
    "Problemas",
  ])
    expect(text).toContain(word);
  for (const n of [1, 2, 4]) expect(text).toContain(BAND[n].label);
  expect(text).toContain("I01, I04");
  // The chart over the latest quarter, on the same page as the table.
  expect(text).toContain("Atingimento global por município");
  expect(text).toContain("2025-T2");
  // Coloured by band: Faixa 1 fills 2 cells (Lavras T1, Perdões T2), Faixa 2 one (Nepomuceno T1), Faixa 4
  // three (Perdões T1, Lavras T2, Nepomuceno T2); no other band shows.
  const pixels = pagePixels(pdf, page, prefix);
  expect(pixels.width).toBeGreaterThan(pixels.height); // landscape
  const cells: Record<number, number> = { 1: 2, 2: 1, 3: 0, 4: 3, 5: 0, 6: 0 };
  for (const [n, count] of Object.entries(cells)) {
    const area = pixelsOf(pixels, BAND[Number(n)].color);
    if (count === 0) expect(area).toBeLessThan(10);
    else expect(area / count).toBeGreaterThan(minPerCell);
  }
  fs.rmSync(`${prefix}.ppm`);
}

describe("LibreOffice prints the consolidated sheet", () => {
  withLibreOffice(true)(
    "the command's consolidado.xlsx: one landscape page with every row, band fills and the chart",
    async () => {
      const input = path.join(dir, "regiao");
      fs.mkdirSync(input);
      for (const m of MUNICIPALITIES) await writeContract(path.join(input, `${m}.xlsx`), m);
      fs.writeFileSync(path.join(input, "corrompido.xlsx"), "isto não é uma planilha");
      const output = path.join(artifacts, "consolidado.xlsx");
      const code = await runConsolidar(
        [input, "--saida", output],
        { write: () => true },
        { isTTY: false, write: () => true },
        { workerScript: null },
      );
      expect(code).toBe(1); // the corrupt file failed
      const pdf = await convertWithLibreOffice(output, artifacts, "pdf");
      // Consolidado on one page (fitted to one page wide, six rows), then Falhas.
      expect(pageCount(pdf)).toBe(2);
      // The chart beside the table makes the page ~270 characters wide: a band cell covers ~120 px at 60 dpi.
      expectConsolidadoPage(pdf, 1, path.join(dir, "comando"), 80);
      expect(pdfText(pdf, 2, 2)).toMatch(/Arquivos que não puderam ser avaliados \(1\)[\s\S]*corrompido\.xlsx/);
      const pngs = await renderPdf(pdf, path.join(artifacts, "consolidado"), 80);
      expect(pngs).toHaveLength(2);
      expect(fs.statSync(pngs[0]).size).toBeGreaterThan(20_000);
      expect(pngSize(pngs[0]).width).toBeGreaterThan(pngSize(pngs[0]).height);
    },
  );

  withLibreOffice(true)(
    "the task pane's Consolidado sheet written into the workbook of three municipalities",
    async () => {
      const input = path.join(dir, "planilhas.xlsx");
      const excel = new ExcelJS.Workbook();
      for (const m of MUNICIPALITIES) addContractSheet(excel, m, m);
      await excel.xlsx.writeFile(input);
      const read = await readWorkbookFile(input);
      if (read.kind !== "workbook") throw new Error(read.message);
      const c = consolidateWorkbook(read.workbook, { splitSheets: true });
      if (c.kind !== "evaluated") throw new Error(c.failure.message);
      const output = path.join(artifacts, "planilhas.consolidado.xlsx");
      expect(await writeEvaluatedFile(read.source, planWorkbookConsolidation(c.rows), output, input)).toMatchObject({
        kind: "written",
      });

      const back = new ExcelJS.Workbook();
      await back.xlsx.readFile(output);
      expect(back.worksheets.map((ws) => ws.name)).toEqual([...MUNICIPALITIES, "Consolidado"]);

      const pdf = await convertWithLibreOffice(output, artifacts, "pdf");
      const pages = pageCount(pdf);
      // The Consolidado sheet is the last one and prints on one page.
      const last = pdfText(pdf, pages, pages);
      expect(last).toMatch(/desta pasta de trabalho/);
      expect(last).toContain("Planilha");
      // The chart under the table (consolidateWorkbook `chartBelowTable`): the page is as wide as the table,
      // which prints ~1,7 times as large as the command's: a band cell covers ~350 px.
      expectConsolidadoPage(pdf, pages, path.join(dir, "painel"), 250);
      const pngs = await renderPdf(pdf, path.join(artifacts, "planilhas.consolidado"), 80);
      expect(pngs).toHaveLength(pages);
      expect(fs.statSync(pngs[pages - 1]).size).toBeGreaterThan(20_000);
    },
  );
});
