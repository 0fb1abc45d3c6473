/**
 * The file host's writer on real files: an input workbook written with ExcelJS to a temp dir, a plan built by
 * hand, the output read back with ExcelJS and JSZip, run a second time on its own output, opened in
 * LibreOffice (PDF and PNG kept under test-artifacts/), and the bad output paths people give.
 */
import { createHash } from "crypto";
import fs from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { XMLValidator } from "fast-xml-parser";
import JSZip from "jszip";
import { writerStrings } from "../../../../src/hosts/file/messages";
import type {
  ConditionalRule,
  OwnedColumns,
  PlanCell,
  SummarySheetPlan,
  WritePlan,
} from "../../../../src/workbook/plan/types";
import { readWorkbookFile, type WorkbookSource } from "../../../../src/hosts/file/xlsx/read";
import {
  defaultOutputPath,
  describeWriteError,
  evaluatedBytes,
  writeEvaluatedFile,
  type WriteResult,
} from "../../../../src/hosts/file/xlsx/write";
import { artifactsDir, convertWithLibreOffice, renderPdf, withLibreOffice } from "../../../support/libreoffice";
import { tempDir, valueAt, sheetOf, workbookOf } from "./helpers";

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

const file = (...parts: string[]) => path.join(dir, ...parts);
const sha256 = (f: string) => createHash("sha256").update(fs.readFileSync(f)).digest("hex");

const INDICATORS = [
  ["C01", "Proporção de gestantes com pré-natal em dia", "≥ 90%", 0.92, "2025-01"],
  ["C02", "Cobertura vacinal de crianças menores de 1 ano", "≥ 95%", 0.81, "2025-01"],
  ["C03", "Visitas domiciliares por ACS", "Mínimo de 10", 12, "2025-02"],
  ["C04", "Hipertensos com pressão aferida no semestre", "≥ 50%", null, "2025-02"],
  ["C05", "Diabéticos com hemoglobina glicada solicitada", "≥ 50%", 0.47, "2025-03"],
];

/**
 * The input: the long layout with a title on row 1 and the header on row 3, once as an Excel table
 * (Indicadores, A3:E8) and once as a plain range (Metas 2024, B3:F8); plus what the user made that must
 * survive: a number format, a conditional format on the results, a hidden settings sheet.
 */
function inputWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Indicadores");
  ws.getCell("A1").value = "Contrato de Gestão nº 001/2025 — Indicadores do 1º trimestre";
  ws.getCell("A1").font = { name: "Arial", size: 14, bold: true };
  ws.mergeCells("A1:E1");
  ws.addTable({
    name: "TabelaIndicadores",
    ref: "A3",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: [{ name: "Código" }, { name: "Indicador" }, { name: "Meta" }, { name: "Resultado" }, { name: "Mês" }],
    rows: INDICATORS.map((r) => [...r]),
  });
  for (let r = 4; r <= 8; r++) ws.getCell(`D${r}`).numFmt = "0%";
  ws.getColumn(2).width = 48;
  ws.addConditionalFormatting({
    ref: "D4:D8",
    rules: [
      {
        type: "cellIs",
        operator: "lessThan",
        formulae: ["0.5"],
        style: { font: { color: { argb: "FFFF0000" } } },
        priority: 1,
      },
    ],
  });

  const plain = wb.addWorksheet("Metas 2024");
  plain.getCell("B1").value = "Metas pactuadas em 2024";
  ["Código", "Indicador", "Meta", "Resultado", "Mês"].forEach((h, i) => (plain.getCell(3, 2 + i).value = h));
  INDICATORS.forEach((row, i) => row.forEach((v, j) => (plain.getCell(4 + i, 2 + j).value = v)));

  const settings = wb.addWorksheet("Configurações", { state: "veryHidden" });
  settings.getCell("A1").value = "versão";
  settings.getCell("B1").value = 1;
  return wb;
}

const HEADER_STYLE = { bold: true, wrap: true, fill: "#DDEBF7", color: "#1F3864", border: true } as const;
const MET = { fill: "#C6EFCE", color: "#006100" };
const NOT_MET = { fill: "#FFC7CE", color: "#9C0006" };

/** Owned columns right of a table: attainment (percent) and concept, the fourth row without data. */
function ownedBlock(sheet: string, col: number): OwnedColumns {
  const concept = (v: string | null): PlanCell => ({ value: v, style: { align: "center" } });
  const attainment = (v: number | null): PlanCell =>
    v === null ? { value: null } : { value: v, numberFormat: "0.0%" };
  return {
    sheet,
    headerRow: 3,
    col,
    headers: [
      { value: "Atingimento (Contratualiza)", style: HEADER_STYLE },
      { value: "Conceito (Contratualiza)", style: HEADER_STYLE },
    ],
    firstRow: 4,
    values: [
      [attainment(1), concept("A")],
      [attainment(0.853), concept("B")],
      [attainment(1), concept("A")],
      [attainment(null), concept(null)],
      [attainment(0.94), concept("B")],
    ],
    widths: [14, 18],
  };
}

const RULES: ConditionalRule[] = [
  { sheet: "Indicadores", areas: ["F4:G8", "D4:D8"], conceptClass: "met", formula: '$G4="A"', style: MET, priority: 1 },
  {
    sheet: "Indicadores",
    areas: ["F4:G8", "D4:D8"],
    conceptClass: "notMet",
    formula: '$G4="B"',
    style: NOT_MET,
    priority: 2,
  },
];

const SUMMARY: SummarySheetPlan = {
  name: "Resumo 2025-T1",
  rows: [
    [{ value: "Resumo da avaliação — 1º trimestre de 2025", style: { bold: true, size: 14 } }],
    [],
    [
      { value: "Atingimento global", style: { bold: true } },
      { value: 0.6, numberFormat: "0.0%" },
    ],
    [],
    [
      { value: "Indicador", style: { bold: true, fill: "#DDEBF7", border: true } },
      { value: "Atingimento", style: { bold: true, fill: "#DDEBF7", border: true, align: "right" } },
    ],
    [{ value: "Proporção de gestantes com pré-natal em dia" }, { value: 1, numberFormat: "0.0%" }],
    [{ value: "Cobertura vacinal de crianças menores de 1 ano" }, { value: 0.853, numberFormat: "0.0%" }],
    [{ value: "Diabéticos com hemoglobina glicada solicitada" }, { value: 0.94, numberFormat: "0.0%" }],
  ],
  merges: ["A1:D1"],
  widths: [48, 14, 12, 12],
  heights: [{ row: 6, height: 30 }],
  chart: {
    title: "Atingimento por indicador",
    seriesName: "Atingimento",
    categories: "A6:A8",
    values: "B6:B8",
    percent: true,
    from: { row: 10, col: 1 },
    to: { row: 26, col: 5 },
  },
  print: { orientation: "portrait" },
};

function plan(): WritePlan {
  return {
    owned: [ownedBlock("Indicadores", 6), ownedBlock("Metas 2024", 7)],
    rules: RULES.map((r) => ({ ...r, areas: [...r.areas] })),
    summaries: [structuredClone(SUMMARY)],
    problems: [],
  };
}

async function sourceOf(f: string): Promise<WorkbookSource> {
  const read = await readWorkbookFile(f);
  if (read.kind !== "workbook") throw new Error(read.message);
  return read.source;
}

function expectWritten(result: WriteResult): string {
  if (result.kind !== "written") throw new Error(`expected a written file, got: ${result.message}`);
  return result.path;
}

async function loadExcel(f: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(f);
  return wb;
}

/** Every cell with a value, as `address → value` (formulas as their result), for a sheet. */
function cellValues(ws: ExcelJS.Worksheet): Map<string, unknown> {
  const out = new Map<string, unknown>();
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.type !== ExcelJS.ValueType.Merge && cell.value !== null) out.set(cell.address, cell.value);
    }),
  );
  return out;
}

interface CfLike {
  ref: string;
  rules: { type: string; formulae?: string[]; priority: number; style?: Partial<ExcelJS.Style> }[];
}
const formatsOf = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { conditionalFormattings: CfLike[] }).conditionalFormattings;

/** A workbook made with ExcelJS, patched with `plan` in memory, and read back. */
async function patched(wb: ExcelJS.Workbook, p: WritePlan): Promise<ExcelJS.Workbook> {
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await evaluatedBytes({ kind: "package", bytes }, p)) as unknown as ArrayBuffer);
  return back;
}

describe("writeEvaluatedFile: a workbook with a table and a plain range", () => {
  let input: string;
  let output: string;
  let inputHash: string;
  let inWb: ExcelJS.Workbook;
  let outWb: ExcelJS.Workbook;

  beforeAll(async () => {
    input = file("contrato.xlsx");
    await inputWorkbook().xlsx.writeFile(input);
    inputHash = sha256(input);
    output = defaultOutputPath(input);
    expect(path.basename(output)).toBe("contrato.avaliado.xlsx");
    expect(expectWritten(await writeEvaluatedFile(await sourceOf(input), plan(), output, input))).toBe(output);
    inWb = await loadExcel(input);
    outWb = await loadExcel(output);
  });

  test("the input file is unchanged, byte for byte", () => {
    expect(sha256(input)).toBe(inputHash);
  });

  test("the package is compressed: every part the writer makes is deflated", async () => {
    const bytes = fs.readFileSync(output);
    const zip = await JSZip.loadAsync(bytes);
    const parts = await Promise.all(
      Object.values(zip.files)
        .filter((f) => !f.dir)
        .map((f) => f.async("uint8array")),
    );
    const unpacked = parts.reduce((n, p) => n + p.length, 0);
    // XML deflates to well under half its size; a stored package would be larger than its parts.
    expect(bytes.length).toBeLessThan(unpacked / 2);
  });

  test("the owned headers, values and number formats are written right of each table", () => {
    const ws = outWb.getWorksheet("Indicadores")!;
    expect(ws.getCell("F3").value).toBe("Atingimento (Contratualiza)");
    expect(ws.getCell("G3").value).toBe("Conceito (Contratualiza)");
    expect(ws.getCell("F3").font).toMatchObject({ bold: true, color: { argb: "FF1F3864" } });
    expect(ws.getCell("F3").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } });
    expect(ws.getCell("F3").border?.left?.style).toBe("thin");
    expect(ws.getCell("F3").alignment?.wrapText).toBe(true);
    expect(ws.getCell("F4").value).toBe(1);
    expect(ws.getCell("F4").numFmt).toBe("0.0%");
    expect(ws.getCell("F5").value).toBeCloseTo(0.853, 9);
    expect(ws.getCell("G5").value).toBe("B");
    expect(ws.getCell("G5").alignment?.horizontal).toBe("center");
    expect(ws.getCell("F7").value).toBeNull();
    expect(ws.getCell("G8").value).toBe("B");
    expect(ws.getColumn(6).width).toBe(14);
    expect(ws.getColumn(7).width).toBe(18);
    // The owned cells take the font face of the user's table beside them (ExcelJS's default: Calibri).
    expect(ws.getCell("F4").font?.name).toBe("Calibri");

    const plain = outWb.getWorksheet("Metas 2024")!;
    expect(plain.getCell("G3").value).toBe("Atingimento (Contratualiza)");
    expect(plain.getCell("H6").value).toBe("A");
    expect(plain.getCell("G5").numFmt).toBe("0.0%");
  });

  test("every cell the user had is unchanged, and nothing else is written outside the owned columns", () => {
    const owned = { Indicadores: ["F", "G"], "Metas 2024": ["G", "H"] } as Record<string, string[]>;
    for (const inWs of inWb.worksheets) {
      const outWs = outWb.getWorksheet(inWs.name)!;
      const before = cellValues(inWs);
      const after = cellValues(outWs);
      for (const [address, value] of before)
        expect([inWs.name, address, after.get(address)]).toEqual([inWs.name, address, value]);
      for (const address of after.keys()) {
        if (!before.has(address)) expect(owned[inWs.name]).toContain(address.replace(/\d+$/, ""));
      }
      expect(outWs.state).toBe(inWs.state);
    }
    const ws = outWb.getWorksheet("Indicadores")!;
    expect(ws.getCell("D4").numFmt).toBe("0%");
    expect(ws.getColumn(2).width).toBe(48);
    expect((ws as unknown as { _merges: Record<string, unknown> })._merges).toHaveProperty("A1");
    const tables = ws.getTables() as unknown as {
      table: { name: string; tableRef: string; style: { theme: string } };
    }[];
    expect(tables.map((t) => [t.table.name, t.table.tableRef, t.table.style.theme])).toEqual([
      ["TabelaIndicadores", "A3:E8", "TableStyleMedium2"],
    ]);
  });

  test("the plan's rules are expression rules with their formula and colours, after the user's own rule", () => {
    const formats = formatsOf(outWb.getWorksheet("Indicadores")!);
    expect(formats).toHaveLength(3);
    const [user, met, notMet] = formats;
    expect(user).toMatchObject({ ref: "D4:D8", rules: [{ type: "cellIs", priority: 1 }] });
    expect(met.ref).toBe("F4:G8 D4:D8");
    expect(met.rules).toHaveLength(1);
    expect(met.rules[0]).toMatchObject({ type: "expression", formulae: ['$G4="A"'], priority: 2 });
    expect(met.rules[0].style?.fill).toMatchObject({
      type: "pattern",
      pattern: "solid",
      bgColor: { argb: "FFC6EFCE" },
    });
    expect(met.rules[0].style?.font?.color).toEqual({ argb: "FF006100" });
    expect(notMet.rules[0]).toMatchObject({ type: "expression", formulae: ['$G4="B"'], priority: 3 });
    expect(notMet.rules[0].style?.fill).toMatchObject({ bgColor: { argb: "FFFFC7CE" } });
    expect(formatsOf(outWb.getWorksheet("Metas 2024")!) ?? []).toHaveLength(0);
  });

  test("the plan's rules stop at the first true one (stopIfTrue, added to the package)", async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(output));
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const rules = [...xml.matchAll(/<cfRule\b[^>]*>/g)].map((m) => m[0]);
    expect(rules).toHaveLength(3);
    expect(rules[0]).not.toContain("stopIfTrue");
    expect(rules[1]).toContain('stopIfTrue="1"');
    expect(rules[2]).toContain('stopIfTrue="1"');
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  test("the summary sheet: last tab, cells, merge, widths, A4 fitted to one page wide, print area", () => {
    expect(outWb.worksheets.map((w) => w.name)).toEqual([
      "Indicadores",
      "Metas 2024",
      "Configurações",
      "Resumo 2025-T1",
    ]);
    const ws = outWb.getWorksheet("Resumo 2025-T1")!;
    expect(ws.getCell("A1").value).toBe("Resumo da avaliação — 1º trimestre de 2025");
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 14 });
    expect(ws.getCell("B3").value).toBe(0.6);
    expect(ws.getCell("B3").numFmt).toBe("0.0%");
    expect(ws.getCell("B7").value).toBeCloseTo(0.853, 9);
    expect(ws.getCell("B7").numFmt).toBe("0.0%");
    expect(ws.getCell("B5").alignment?.horizontal).toBe("right");
    expect(
      Object.values((ws as unknown as { _merges: Record<string, { range: string }> })._merges).map((m) => m.range),
    ).toEqual(["A1:D1"]);
    expect([1, 2, 3, 4].map((c) => ws.getColumn(c).width)).toEqual([48, 14, 12, 12]);
    // Row 6 was given two lines' height; row 7 keeps the default (no height written).
    expect(ws.getRow(6).height).toBe(30);
    expect(ws.getRow(7).height).toBeUndefined();
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    // The print area covers the cells and the chart (columns A–D, rows 1–25).
    expect(ws.pageSetup.printArea).toBe("A1:D25");
  });

  test("the package holds the chart: parts, relationships, content types, and references to the summary's cells", async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(output));
    const names = Object.keys(zip.files);
    expect(names).toEqual(
      expect.arrayContaining([
        "xl/charts/chart1.xml",
        "xl/drawings/drawing1.xml",
        "xl/drawings/_rels/drawing1.xml.rels",
      ]),
    );
    const chart = await zip.file("xl/charts/chart1.xml")!.async("string");
    expect(XMLValidator.validate(chart)).toBe(true);
    expect(chart).toContain("<c:f>'Resumo 2025-T1'!$A$6:$A$8</c:f>");
    expect(chart).toContain("<c:f>'Resumo 2025-T1'!$B$6:$B$8</c:f>");
    expect(chart).toContain('<c:barDir val="bar"/>');
    expect(chart).toContain("<c:v>Cobertura vacinal de crianças menores de 1 ano</c:v>");
    expect(chart).toContain("<c:v>0.853</c:v>");

    const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
    const relId = /<sheet [^>]*name="Resumo 2025-T1"[^>]*r:id="(rId\d+)"/.exec(workbookXml)![1];
    const wbRels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    const sheetTarget = new RegExp(`Id="${relId}"[^>]*Target="([^"]+)"`).exec(wbRels)![1];
    const sheetPart = path.posix.join("xl", sheetTarget);
    const sheetXml = await zip.file(sheetPart)!.async("string");
    expect(XMLValidator.validate(sheetXml)).toBe(true);
    const drawingId = /<drawing r:id="(rId\d+)"\/>/.exec(sheetXml)![1];
    expect(sheetXml.indexOf("<drawing ")).toBeGreaterThan(sheetXml.indexOf("<pageSetup "));
    const sheetRels = await zip
      .file(path.posix.join(path.posix.dirname(sheetPart), "_rels", `${path.posix.basename(sheetPart)}.rels`))!
      .async("string");
    expect(sheetRels).toMatch(new RegExp(`Id="${drawingId}" Type="[^"]*/drawing" Target="../drawings/drawing1.xml"`));
    const drawingRels = await zip.file("xl/drawings/_rels/drawing1.xml.rels")!.async("string");
    expect(drawingRels).toContain('Target="../charts/chart1.xml"');
    const drawing = await zip.file("xl/drawings/drawing1.xml")!.async("string");
    // from row 10, column A (1-based) → 9 and 0 in the XML; to row 26, column E → 25 and 4.
    expect(drawing).toContain("<xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>9</xdr:row>");
    expect(drawing).toContain("<xdr:to><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>25</xdr:row>");
    const types = await zip.file("[Content_Types].xml")!.async("string");
    expect(types).toContain(
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );
    expect(types).toContain(
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
    );
  });

  describe("run a second time on its own output", () => {
    let second: string;
    let again: ExcelJS.Workbook;
    beforeAll(async () => {
      second = file("segunda", "contrato.avaliado.xlsx");
      fs.mkdirSync(path.dirname(second), { recursive: true });
      expectWritten(await writeEvaluatedFile(await sourceOf(output), plan(), second, output));
      again = await loadExcel(second);
    });

    test("same sheets in the same order, one summary sheet", () => {
      expect(again.worksheets.map((w) => [w.name, w.state])).toEqual(outWb.worksheets.map((w) => [w.name, w.state]));
    });

    test("same cell values on every sheet", () => {
      for (const ws of outWb.worksheets) expect(cellValues(again.getWorksheet(ws.name)!)).toEqual(cellValues(ws));
    });

    test("the same conditional formats, not duplicated", () => {
      for (const ws of outWb.worksheets) {
        const strip = (cfs: CfLike[] | undefined) =>
          (cfs ?? []).map((cf) => ({
            ref: cf.ref,
            rules: cf.rules.map((r) => [r.type, r.formulae, r.priority, r.style?.fill]),
          }));
        expect(strip(formatsOf(again.getWorksheet(ws.name)!))).toEqual(strip(formatsOf(ws)));
      }
      expect(formatsOf(again.getWorksheet("Indicadores")!)).toHaveLength(3);
    });

    test("one chart, not two", async () => {
      const zip = await JSZip.loadAsync(fs.readFileSync(second));
      expect(Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toEqual([
        "xl/charts/chart1.xml",
      ]);
    });

    test("the first output, which was this run's input, is unchanged", async () => {
      const first = await loadExcel(output);
      expect(cellValues(first.getWorksheet("Indicadores")!)).toEqual(cellValues(outWb.getWorksheet("Indicadores")!));
    });
  });

  withLibreOffice(true)(
    "LibreOffice opens the output: a PDF is printed and rendered to PNG (kept in test-artifacts/xlsx-write)",
    async () => {
      const artifacts = artifactsDir("xlsx-write");
      fs.copyFileSync(output, path.join(artifacts, "contrato.avaliado.xlsx"));
      const pdf = await convertWithLibreOffice(path.join(artifacts, "contrato.avaliado.xlsx"), artifacts, "pdf");
      const bytes = fs.readFileSync(pdf);
      expect(bytes.length).toBeGreaterThan(1000);
      expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      const pngs = await renderPdf(pdf, path.join(artifacts, "contrato.avaliado"));
      expect(pngs.length).toBeGreaterThanOrEqual(3); // the two visible data sheets and the summary
      for (const png of pngs) expect(fs.statSync(png).size).toBeGreaterThan(1000);
    },
    120_000,
  );
});

describe("the writer: a summary sheet that already exists", () => {
  test("is replaced at the same place in the tab order, with none of its old cells", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Indicadores").getCell("A1").value = "Indicador";
    const old = wb.addWorksheet("Resumo 2025-T1");
    old.getCell("A1").value = "antigo";
    old.getCell("Z99").value = "resto de uma execução anterior";
    wb.addWorksheet("Anotações").getCell("A1").value = "minhas notas";
    const f = file("resumo-no-meio.xlsx");
    await wb.xlsx.writeFile(f);

    const back = await patched(await loadExcel(f), {
      owned: [],
      rules: [],
      summaries: [{ ...structuredClone(SUMMARY), chart: undefined }],
      problems: [],
    });
    expect(back.worksheets.map((w) => w.name)).toEqual(["Indicadores", "Resumo 2025-T1", "Anotações"]);
    const ws = back.getWorksheet("Resumo 2025-T1")!;
    expect(ws.getCell("A1").value).toBe("Resumo da avaliação — 1º trimestre de 2025");
    expect(ws.getCell("Z99").value).toBeNull();
    expect(back.getWorksheet("Anotações")!.getCell("A1").value).toBe("minhas notas");
    // Print areas are stored by sheet position: the summary's belongs to the second sheet.
    expect(ws.pageSetup.printArea).toBe("A1:D8");
    expect(back.getWorksheet("Anotações")!.pageSetup.printArea).toBeUndefined();
  });
});

describe("the writer: conditional formats already on the sheet", () => {
  test("an earlier run's expression rules over the owned columns go; the user's other rules stay", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Indicadores");
    const userWide: CfLike = { ref: "A1:Z50", rules: [{ type: "cellIs", formulae: ["0"], priority: 4 }] };
    const userExpression: CfLike = { ref: "B4:B8", rules: [{ type: "expression", formulae: ['$B4=""'], priority: 7 }] };
    const earlier: CfLike = {
      ref: "G4:G12 D4:D12",
      rules: [{ type: "expression", formulae: ['$G4="Sem dado"'], priority: 9 }],
    };
    const sameAsPlan: CfLike = {
      ref: "D4:D8 F4:G8",
      rules: [{ type: "expression", formulae: ['$G4="A"'], priority: 8 }],
    };
    for (const cf of [userWide, userExpression, earlier, sameAsPlan])
      ws.addConditionalFormatting(cf as unknown as ExcelJS.ConditionalFormattingOptions);
    const back = await patched(wb, {
      owned: [ownedBlock("Indicadores", 6)],
      rules: RULES,
      summaries: [],
      problems: [],
    });
    expect(
      formatsOf(back.getWorksheet("Indicadores")!).map((cf) => [
        cf.ref,
        cf.rules[0].formulae?.[0],
        cf.rules[0].priority,
      ]),
    ).toEqual([
      ["A1:Z50", "0", 4],
      ["B4:B8", '$B4=""', 7],
      ["F4:G8 D4:D8", '$G4="A"', 8],
      ["F4:G8 D4:D8", '$G4="B"', 9],
    ]);
  });
});

describe("the writer: a cell covered by the user's merge is left alone", () => {
  test("the merge's first cell, outside the owned columns, keeps its value", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Indicadores");
    ws.getCell("E4").value = "nota do usuário";
    ws.mergeCells("E4:F4");
    const back = (
      await patched(wb, { owned: [ownedBlock("Indicadores", 6)], rules: [], summaries: [], problems: [] })
    ).getWorksheet("Indicadores")!;
    expect(back.getCell("E4").value).toBe("nota do usuário");
    expect(back.getCell("G4").value).toBe("A");
  });
});

describe("writeEvaluatedFile: tables saved without a style", () => {
  test("a table without tableStyleInfo (as LibreOffice saves it) comes through unchanged", async () => {
    const zip = await JSZip.loadAsync(await inputWorkbook().xlsx.writeBuffer());
    const tableXml = await zip.file("xl/tables/table1.xml")!.async("string");
    zip.file("xl/tables/table1.xml", tableXml.replace(/<tableStyleInfo[^>]*\/>/, ""));
    const input = file("sem-estilo.xlsx");
    fs.writeFileSync(input, await zip.generateAsync({ type: "nodebuffer" }));
    const output = expectWritten(
      await writeEvaluatedFile(await sourceOf(input), plan(), file("sem-estilo.avaliado.xlsx"), input),
    );
    const out = await JSZip.loadAsync(fs.readFileSync(output));
    const written = await out.file("xl/tables/table1.xml")!.async("string");
    expect(written).toBe(tableXml.replace(/<tableStyleInfo[^>]*\/>/, ""));
  });

  withLibreOffice()(
    "a workbook saved by LibreOffice is written without crashing, and reads back",
    async () => {
      const original = file("lo", "para-libreoffice.xlsx");
      fs.mkdirSync(path.dirname(original), { recursive: true });
      await inputWorkbook().xlsx.writeFile(original);
      const saved = await convertWithLibreOffice(original, file("lo", "salvo"), "xlsx");
      const source = await sourceOf(saved);
      const output = expectWritten(await writeEvaluatedFile(source, plan(), file("lo", "salvo.avaliado.xlsx"), saved));
      const back = workbookOf(await readWorkbookFile(output));
      const ws = sheetOf(back, "Indicadores");
      expect(valueAt(ws, "B4")).toBe("Proporção de gestantes com pré-natal em dia");
      expect(valueAt(ws, "G4")).toBe("A");
      expect(ws.tables.map((t) => t.ref)).toEqual(["A3:E8"]);
      expect(valueAt(sheetOf(back, "Resumo 2025-T1"), "B3")).toBe(0.6);
    },
    180_000,
  );
});

describe("writeEvaluatedFile: a CSV input", () => {
  test("becomes a workbook with one sheet holding the CSV's cells (as text), the owned columns and the summary", async () => {
    const input = file("painel.csv");
    const csv =
      "Ministério da Saúde;\n\nCódigo;Indicador;Meta;Resultado;Mês;\nC01;Pré-natal;≥ 90%;92;2025-01;\nC02;Vacinas;≥ 95%;81;2025-01;\n";
    fs.writeFileSync(input, Buffer.from(csv, "latin1"));
    const owned: OwnedColumns = { ...ownedBlock("painel", 6), values: ownedBlock("painel", 6).values.slice(0, 2) };
    const p: WritePlan = { owned: [owned], rules: [], summaries: [structuredClone(SUMMARY)], problems: [] };
    const output = defaultOutputPath(input);
    expect(path.basename(output)).toBe("painel.avaliado.xlsx");
    expectWritten(await writeEvaluatedFile(await sourceOf(input), p, output, input));
    const wb = await loadExcel(output);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["painel", "Resumo 2025-T1"]);
    const ws = wb.getWorksheet("painel")!;
    expect(ws.getCell("A1").value).toBe("Ministério da Saúde");
    expect(ws.getCell("B4").value).toBe("Pré-natal");
    expect(ws.getCell("D4").value).toBe("92");
    expect(ws.getCell("F3").value).toBe("Atingimento (Contratualiza)");
    expect(ws.getCell("G5").value).toBe("B");
  });
});

describe("writeEvaluatedFile: bad output paths give a pt-BR message naming the file", () => {
  let input: string;
  let source: WorkbookSource;
  beforeAll(async () => {
    input = file("entrada.xlsx");
    await inputWorkbook().xlsx.writeFile(input);
    source = await sourceOf(input);
  });

  const expectFailed = (result: WriteResult, message: string) => expect(result).toEqual({ kind: "failed", message });

  test("the input itself, however it is spelled", async () => {
    const hash = sha256(input);
    expectFailed(await writeEvaluatedFile(source, plan(), input, input), writerStrings.outputIsInput(input));
    const relative = path.relative(process.cwd(), input);
    expectFailed(await writeEvaluatedFile(source, plan(), relative, input), writerStrings.outputIsInput(relative));
    const dotted = path.join(dir, ".", "entrada.xlsx");
    expectFailed(
      await writeEvaluatedFile(source, plan(), `${dir}/./entrada.xlsx`, input),
      writerStrings.outputIsInput(`${dir}/./entrada.xlsx`),
    );
    expect(dotted).toBe(input);
    const link = file("atalho.xlsx");
    fs.symlinkSync(input, link);
    expectFailed(await writeEvaluatedFile(source, plan(), link, input), writerStrings.outputIsInput(link));
    const hard = file("mesmo-arquivo.xlsx");
    fs.linkSync(input, hard);
    expectFailed(await writeEvaluatedFile(source, plan(), hard, input), writerStrings.outputIsInput(hard));
    expect(sha256(input)).toBe(hash);
    expect(writerStrings.outputIsInput("x.xlsx")).toContain("nunca altera o arquivo original");
  });

  test("a folder that does not exist", async () => {
    const out = file("nao-existe", "saida.xlsx");
    const r = await writeEvaluatedFile(source, plan(), out, input);
    expectFailed(r, writerStrings.folderMissing(out, path.dirname(out)));
    expect(r.kind === "failed" && r.message).toContain("não existe");
    expect(fs.existsSync(path.dirname(out))).toBe(false);
  });

  test("a 'folder' that is a file", async () => {
    const out = path.join(input, "saida.xlsx");
    expectFailed(await writeEvaluatedFile(source, plan(), out, input), writerStrings.folderMissing(out, input));
  });

  test("an output that is a folder", async () => {
    const out = file("pasta.xlsx");
    fs.mkdirSync(out);
    expectFailed(await writeEvaluatedFile(source, plan(), out, input), writerStrings.outputIsDirectory(out));
  });

  test("an output that is not .xlsx", async () => {
    const out = file("saida.csv");
    expectFailed(await writeEvaluatedFile(source, plan(), out, input), writerStrings.outputNotXlsx(out));
    expect(fs.existsSync(out)).toBe(false);
  });

  test("a file open in Excel (the rename fails): a message, and no temporary file is left behind", async () => {
    const folder = file("bloqueado");
    fs.mkdirSync(folder);
    const out = path.join(folder, "saida.xlsx");
    fs.writeFileSync(out, "versão anterior");
    const busy = Object.assign(new Error("EBUSY: resource busy or locked"), { code: "EBUSY" });
    const spy = jest.spyOn(fs.promises, "rename").mockRejectedValueOnce(busy);
    try {
      expectFailed(await writeEvaluatedFile(await sourceOf(input), plan(), out, input), writerStrings.fileLocked(out));
    } finally {
      spy.mockRestore();
    }
    expect(fs.readdirSync(folder)).toEqual(["saida.xlsx"]);
    expect(fs.readFileSync(out, "utf8")).toBe("versão anterior");
  });

  test("an existing output is replaced whole", async () => {
    const out = file("substituir.xlsx");
    fs.writeFileSync(out, "versão anterior");
    expectWritten(await writeEvaluatedFile(await sourceOf(input), plan(), out, input));
    expect((await loadExcel(out)).getWorksheet("Indicadores")!.getCell("G4").value).toBe("A");
  });

  test("each operating-system error gets its own advice", () => {
    const err = (code: string) => Object.assign(new Error(code), { code });
    const out = "/dados/saida.xlsx";
    expect(describeWriteError(err("EACCES"), out)).toBe(writerStrings.noPermission(out));
    expect(describeWriteError(err("EPERM"), out)).toBe(writerStrings.fileLocked(out));
    expect(describeWriteError(err("EBUSY"), out)).toBe(writerStrings.fileLocked(out));
    expect(describeWriteError(err("EROFS"), out)).toBe(writerStrings.readOnly(out));
    expect(describeWriteError(err("ENOSPC"), out)).toBe(writerStrings.diskFull(out));
    expect(describeWriteError(err("ENAMETOOLONG"), out)).toBe(writerStrings.nameTooLong(out));
    expect(describeWriteError(err("ENOENT"), out)).toBe(writerStrings.folderMissing(out, "/dados"));
    expect(describeWriteError(err("EIO"), out)).toBe(writerStrings.writeFailed(out, "EIO"));
    for (const m of [
      writerStrings.noPermission(out),
      writerStrings.fileLocked(out),
      writerStrings.readOnly(out),
      writerStrings.diskFull(out),
      writerStrings.nameTooLong(out),
      writerStrings.folderMissing(out, "/dados"),
      writerStrings.writeFailed(out, "EIO"),
      writerStrings.outputIsDirectory(out),
      writerStrings.outputNotXlsx(out),
    ]) {
      expect(m).toContain("“/dados/saida.xlsx”");
      expect(m).toMatch(/gravar|arquivo/);
    }
  });
});

describe("defaultOutputPath", () => {
  test("<name>.avaliado.xlsx beside the input, never the input itself", () => {
    expect(defaultOutputPath("/d/contrato.xlsx")).toBe("/d/contrato.avaliado.xlsx");
    // A workbook with macros keeps them, so its copy must be an .xlsm (Excel opens a package by its name).
    expect(defaultOutputPath("/d/contrato.xlsm")).toBe("/d/contrato.avaliado.xlsm");
    expect(defaultOutputPath("/d/painel.csv")).toBe("/d/painel.avaliado.xlsx");
    expect(defaultOutputPath("/d/contrato 2025.v2.xlsx")).toBe("/d/contrato 2025.v2.avaliado.xlsx");
    expect(defaultOutputPath("/d/contrato.avaliado.csv")).toBe("/d/contrato.avaliado.xlsx");
    expect(defaultOutputPath("/d/contrato.avaliado.xlsx")).toBe("/d/contrato.avaliado-2.xlsx");
    expect(defaultOutputPath("/d/CONTRATO.AVALIADO.XLSX")).toBe("/d/CONTRATO.avaliado-2.xlsx");
    expect(defaultOutputPath("contrato")).toBe("contrato.avaliado.xlsx");
  });
});
