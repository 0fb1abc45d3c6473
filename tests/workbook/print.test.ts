/**
 * How the add-in's sheets print, as the plan says it (plan/print, the print fields of plan/types) and as the
 * file host writes it: orientation and margins from the columns' width, the page break that keeps a chart
 * whole, the Resumo's chart under its tables with each bar in its concept's colour, owned columns as wide
 * as their longest concept with a header row tall enough, print titles on the user's sheet (never
 * replacing theirs), its fit only when asked, the per-municipality sheet, a CSV's columns sized.
 */
import ExcelJS from "exceljs";
import path from "path";
import { buildPlan } from "../../src/workbook/plan/build";
import {
  headingBlocks,
  keepTogetherBreaks,
  LANDSCAPE_CHARS,
  PORTRAIT_CHARS,
  printFor,
  sheetPageBreaks,
  wrappedLines,
} from "../../src/workbook/plan/print";
import { CONCEPT_STYLES } from "../../src/workbook/plan/owned";
import { isReportSheet, planMunicipalities } from "../../src/workbook/plan/reports";
import { runPipeline } from "../../src/workbook/pipeline";
import type { SummarySheetPlan, WritePlan } from "../../src/workbook/plan/types";
import { readWorkbookFile } from "../../src/hosts/file/xlsx/read";
import { evaluatedBytes } from "../../src/hosts/file/xlsx/write";
import { contractRows } from "./plan/reports/fixture";
import { readSisab, sisabExport } from "./previne";
import { tempDir, workbookOf } from "../hosts/file/xlsx/helpers";

const EXAMPLE = path.join(__dirname, "..", "..", "assets", "exemplo-contrato.xlsx");

describe("plan/print", () => {
  test("portrait up to 110 characters of columns, landscape with narrow side margins beyond", () => {
    // 110 characters fit a portrait page at ≥ 9 pt; one more does not.
    expect(printFor([60, 50])).toEqual({
      orientation: "portrait",
      fit: { width: 1, height: 0 },
      paper: "A4",
      margins: "normal",
    });
    expect(printFor([60, 51])).toEqual({
      orientation: "landscape",
      fit: { width: 1, height: 0 },
      paper: "A4",
      margins: "narrow",
    });
    expect(PORTRAIT_CHARS).toBe(110);
    expect(LANDSCAPE_CHARS).toBe(172);
  });

  test("wrapped lines: word by word, bold letters wider, long words broken", () => {
    // Width 14 bold holds floor(14 / 1,2) = 11 letters: "Atingimento" (11) on one line, then
    // "(Contratualiza)" (15) on two more.
    expect(wrappedLines("Atingimento (Contratualiza)", 14, true)).toBe(3);
    // Width 19 bold holds 15: one title word per line.
    expect(wrappedLines("Atingimento (Contratualiza)", 19, true)).toBe(2);
    // Not bold, width 30 holds floor(30 / 1,05) = 28: "B – justificado parcialmente" (28) on one line.
    expect(wrappedLines("B – justificado parcialmente", 30)).toBe(1);
    expect(wrappedLines("um\ndois", 30)).toBe(2);
  });

  test("a page break before a chart that would straddle two pages, none when it fits", () => {
    // 100 characters, portrait: scale = 495 / (7,2 × 100) = 0,6875; a page holds 0,97 × 734 / 0,6875 =
    // 1035,6 pt of rows (3% kept for LibreOffice's rounding of the scale), 69 rows of 15 pt. A 20-row chart
    // takes 20 × 15 × 1,1 = 330 pt (a tenth more for the estimate).
    const plan = (from: number) => ({
      widths: [50, 50],
      print: printFor([50, 50]),
      rows: [],
      chart: { from: { row: from }, to: { row: from + 20 } },
    });
    // From row 60: 59 rows above (885 pt) + 330 > 1035,6 → break before row 60.
    expect(sheetPageBreaks(plan(60))).toEqual([60]);
    // From row 10: 135 + 330 fits.
    expect(sheetPageBreaks(plan(10))).toEqual([]);
    // Row 70 starts page 2 (69 rows fill page 1): 45 pt used there, the chart fits.
    expect(sheetPageBreaks(plan(73))).toEqual([]);
    // Taller rows count: rows 2–9 at 100 pt push a chart from row 10 over the page (15 + 800 + 330).
    expect(
      sheetPageBreaks({ ...plan(10), heights: [2, 3, 4, 5, 6, 7, 8, 9].map((row) => ({ row, height: 100 })) }),
    ).toEqual([10]);
  });
});

describe("page breaks that keep rows together", () => {
  // 100 characters, portrait: scale = 495 / (7,2 × 100) = 0,6875; a page holds 0,97 × 734 / 0,6875 = 1035,6 pt
  // of rows (3% kept for LibreOffice's rounding of the scale): 69 rows of 15 pt.
  const sheet = { widths: [50, 50], print: printFor([50, 50]) };

  test("a block that would straddle a page's bottom starts the next page; one that fits, or is taller than a page, does not", () => {
    // Rows 60–75 (240 pt) after 59 rows (885 pt): 1125 > 1035,6.
    expect(keepTogetherBreaks(sheet, [{ from: 60, to: 75 }])).toEqual([60]);
    expect(keepTogetherBreaks(sheet, [{ from: 10, to: 20 }])).toEqual([]);
    // 96 rows: taller than any page, left where it falls.
    expect(keepTogetherBreaks(sheet, [{ from: 5, to: 100 }])).toEqual([]);
    // After the break at 60, page 2 holds rows 60–119 (900 pt) before a block of 11 rows (165 pt): 1065 > 1035,6.
    expect(
      keepTogetherBreaks(sheet, [
        { from: 60, to: 75 },
        { from: 120, to: 130 },
      ]),
    ).toEqual([60, 120]);
    // Without the first break, page 2 starts at row 70 (69 rows fill page 1): rows 70–119 (750) + 165 fit.
    expect(keepTogetherBreaks(sheet, [{ from: 120, to: 130 }])).toEqual([]);
    // Taller rows count: rows 1–2 at 15 + 600 pt leave 420,6 pt, under rows 3–40 (570 pt).
    expect(keepTogetherBreaks({ ...sheet, heights: [{ row: 2, height: 600 }] }, [{ from: 3, to: 40 }])).toEqual([3]);
  });

  test("a heading (bold, 12 points or more) is kept with the two rows under it that hold something, a table's header with its first row", () => {
    const heading = { value: "Pendências", style: { bold: true, size: 12 } };
    const text = { value: "texto" };
    const rows = [
      [{ value: "Título", style: { bold: true, size: 14 } }],
      [text],
      [],
      [heading],
      [],
      [text],
      [text],
      [text],
    ];
    // Row 1 starts the page anyway; row 4's block runs past the blank row 5 to rows 6 and 7.
    expect(headingBlocks(rows)).toEqual([{ from: 4, to: 7 }]);
    // Bold body text (11 points) is no heading.
    expect(headingBlocks([[text], [{ value: "Total", style: { bold: true } }], [text]])).toEqual([]);
    // A table's header row (bold, filled, bordered) stays with its first row; not when nothing follows it.
    const header = { value: "Código", style: { bold: true, fill: "#DDEBF7", border: true } };
    expect(headingBlocks([[text], [header], [text], [text]])).toEqual([{ from: 2, to: 3 }]);
    expect(headingBlocks([[text], [header], []])).toEqual([]);
  });

  test("a sheet's heading on a page's last row moves to the next page", () => {
    // 67 rows of text (1005 pt), the heading on row 68, a header and a row under it: 1050 > 1035,6.
    const rows = [
      ...Array.from({ length: 67 }, () => [{ value: "texto" }]),
      [{ value: "Problemas nos dados", style: { bold: true, size: 12 } }],
      [{ value: "Planilha" }],
      [{ value: "Indicadores" }],
    ];
    expect(sheetPageBreaks({ ...sheet, rows })).toEqual([68]);
    // The same rows with the heading as body text: no break, the natural one falls after row 69.
    expect(sheetPageBreaks({ ...sheet, rows: rows.map((r) => [{ value: r[0].value }]) })).toEqual([]);
  });
});

describe("the bundled example's plan", () => {
  let plan: WritePlan;
  let resumo: SummarySheetPlan;
  beforeAll(async () => {
    const book = workbookOf(await readWorkbookFile(EXAMPLE));
    plan = buildPlan(book, runPipeline(book), { source: "exemplo" });
    resumo = plan.summaries.find((s) => s.name === "Resumo 2025-T1")!;
  });

  test("Resumo: landscape, narrow margins, one page wide; its columns within what that page holds at 9 pt", () => {
    expect(resumo.print).toEqual({
      orientation: "landscape",
      fit: { width: 1, height: 0 },
      paper: "A4",
      margins: "narrow",
    });
    expect(resumo.widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(LANDSCAPE_CHARS);
  });

  test("Resumo: performance indicators first, the chart under every row, over them only, bar by bar in the concept's colour", () => {
    const codes = resumo.rows.map((r) => r[0]?.value);
    const first = codes.indexOf("I01");
    // The table's order, the monitoring indicator 2.7 moved after the eight performance ones.
    expect(codes.slice(first, first + 9)).toEqual(["I01", "I04", "I11", "I12", "I14", "I09b", "1.4", "2.3", "2.7"]);
    const chart = resumo.chart!;
    // First row = the table's first + 1 (header at `first`, 0-based, is row first + 1).
    expect(chart.categories).toBe(`A${first + 1}:A${first + 8}`);
    expect(chart.values).toBe(`G${first + 1}:G${first + 8}`);
    // Under the last row, one blank between; as wide as the nine columns (`to` is just past: J).
    expect(chart.from).toEqual({ row: resumo.rows.length + 2, col: 1 });
    expect(chart.to.col).toBe(10);
    // I14 justified, 1.4 partly justified (yellow); the other six met (green).
    const [met, justified] = [CONCEPT_STYLES.met.fill, CONCEPT_STYLES.justified.fill];
    expect(chart.pointColors).toEqual([met, met, met, met, justified, met, justified, met]);
  });

  test("owned columns as wide as `B – justificado parcialmente`, the header row two lines tall", () => {
    const block = plan.owned.find((b) => b.sheet === "Indicadores")!;
    // Attainment: the title's longest word "(Contratualiza)", 15 bold letters → 15 × 1,2 + 1 = 19.
    // Concept: 28 letters → ceil(28 × 1,05) + 2 = 32.
    expect(block.widths).toEqual([19, 32]);
    // Each title on two lines of 15 pt at those widths.
    expect(block.headerHeight).toBe(30);
  });

  test("print titles: the code column of the sheet holding the owned columns; no fit unless asked", async () => {
    expect(plan.userPrint).toEqual([{ sheet: "Indicadores", titleColumns: { from: 1, to: 1 } }]);
    const book = workbookOf(await readWorkbookFile(EXAMPLE));
    const asked = buildPlan(book, runPipeline(book), { source: "exemplo", fitUserSheets: true });
    expect(asked.userPrint).toEqual([
      {
        sheet: "Indicadores",
        titleColumns: { from: 1, to: 1 },
        fit: { width: 1, height: 0 },
        orientation: "landscape",
      },
    ]);
  });
});

/** The file host's output, read back with ExcelJS. */
async function writtenBack(file: string, fitUserSheets = false): Promise<ExcelJS.Workbook> {
  const read = await readWorkbookFile(file);
  if (read.kind !== "workbook") throw new Error(read.message);
  const plan = buildPlan(read.workbook, runPipeline(read.workbook), { source: "x", fitUserSheets });
  const bytes = await evaluatedBytes(read.source, plan);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return back;
}

describe("the file host writes what the plan says", () => {
  test("summary sheets fitted (pageSetUpPr fitToPage), narrow margins on landscape; the user's sheet: print titles, header row, widths, its page setup kept", async () => {
    const excel = await writtenBack(EXAMPLE);
    const resumo = excel.getWorksheet("Resumo 2025-T1")!;
    expect(resumo.pageSetup).toMatchObject({
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      orientation: "landscape",
    });
    expect(resumo.pageSetup.margins).toMatchObject({ left: 0.25, right: 0.25 });
    const user = excel.getWorksheet("Indicadores")!;
    expect(user.pageSetup.printTitlesColumn).toBe("A:A");
    // The header row (3) grown to the owned titles' two lines.
    expect(user.getRow(3).height).toBe(30);
    const headerCol = (title: string) => (user.getRow(3).values as unknown[]).indexOf(title);
    expect(user.getColumn(headerCol("Conceito (Contratualiza)")).width).toBe(32);
    // Not asked: the user's page setup is theirs (no fit).
    expect(user.pageSetup.fitToPage).toBeFalsy();
  });

  test("asked, the user's sheet is fitted one page wide in landscape", async () => {
    const user = (await writtenBack(EXAMPLE, true)).getWorksheet("Indicadores")!;
    expect(user.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0, orientation: "landscape" });
  });

  test("print titles the user set are kept, never replaced", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const excel = new ExcelJS.Workbook();
      const ws = excel.addWorksheet("Indicadores");
      contractRows(["2025-T1"]).forEach((row) =>
        ws.addRow(
          row.map((c) => (c !== null && typeof c === "object" && !(c instanceof Date) && "value" in c ? c.value : c)),
        ),
      );
      ws.pageSetup.printTitlesRow = "3:3";
      const file = path.join(dir, "contrato.xlsx");
      await excel.xlsx.writeFile(file);
      const user = (await writtenBack(file)).getWorksheet("Indicadores")!;
      expect(user.pageSetup.printTitlesRow).toBe("3:3");
      expect(user.pageSetup.printTitlesColumn).toBeFalsy();
    } finally {
      cleanup();
    }
  });

  test("a SISAB export: the per-municipality sheet, and the CSV's columns as wide as their text", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const text = sisabExport(
        "Proporção de pessoas com hipertensão, com consulta e pressão arterial aferida no semestre",
        [
          ["310010", "ABADIA DOS DOURADOS", 40, 55, 25],
          ["316990", "Tiradentes", 50, 60, 70],
        ],
        ["2024 Q1", "2024 Q2", "2024 Q3"],
      );
      const { file, book } = await readSisab(dir, text);
      const result = runPipeline(book);
      // 2024-Q1: Tiradentes 50% of a 50% target → ISF 10,00; ABADIA 40% → 40/50 × 10 = 8,00: highest first.
      const sheet = planMunicipalities(result.evaluations[0])!;
      expect(sheet.name).toBe("Municípios 2024-Q1");
      const body = sheet.rows.slice(4).map((r) => [r[0].value, r[1].value, r[2].value]);
      expect(body).toEqual([
        ["Tiradentes", "316990", 10],
        ["ABADIA DOS DOURADOS", "310010", 8],
      ]);
      // "ABADIA DOS DOURADOS" (19) → ceil(19 × 1,1) + 2 = 23.
      expect(sheet.widths[0]).toBe(23);
      // Evaluated again, the sheet is the add-in's (skipped as output); a user's sheet of that name is not.
      expect(isReportSheet({ name: sheet.name, rows: [[{ value: sheet.rows[0][0].value }]] })).toBe(true);
      expect(isReportSheet({ name: "Municípios", rows: [[{ value: "Lista de municípios da regional" }]] })).toBe(false);
      const excel = await writtenBack(file);
      expect(excel.worksheets.map((w) => w.name)).toContain("Municípios 2024-Q1");
      const panel = excel.worksheets[0];
      // Column C (Munícipio): 23; D (`2024 Q1 (%)`, 11) → ceil(12,1) + 2 = 15. The title lines size nothing.
      expect(panel.getColumn(3).width).toBe(23);
      expect(panel.getColumn(4).width).toBe(15);
      expect(panel.getColumn(1).width).toBeUndefined();
    } finally {
      cleanup();
    }
  });
});
