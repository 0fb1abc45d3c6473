/**
 * The file host's charts: the DrawingML chart part (chartXml) and its cell references, and the charts of
 * the add-in's sheets in a patched package, as LibreOffice sees them beside a user's picture.
 */
import fs from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { XMLValidator } from "fast-xml-parser";
import JSZip from "jszip";
import type { ChartSpec, SummarySheetPlan } from "../../../../src/workbook/plan/types";
import { chartXml, sheetReference } from "../../../../src/hosts/file/xlsx/chart";
import { patchPackage } from "../../../../src/hosts/file/xlsx/patch";
import { convertWithLibreOffice, withLibreOffice } from "../../../support/libreoffice";
import { tempDir } from "./helpers";

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

/** A 1×1 PNG, for a picture on a sheet. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

const spec = (over: Partial<ChartSpec> = {}): ChartSpec => ({
  title: "Atingimento por indicador",
  seriesName: "Atingimento",
  categories: "A2:A4",
  values: "B2:B4",
  percent: true,
  from: { row: 6, col: 1 },
  to: { row: 20, col: 6 },
  ...over,
});

/** A workbook with a picture (so a drawing of the user's exists), patched with two summaries that have a chart each. */
async function patchedWithCharts(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const pictured = wb.addWorksheet("Dados & Metas");
  pictured.getCell("A1").value = "Indicador";
  pictured.addImage(wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" }), "D2:E4");
  const summary = (name: string): SummarySheetPlan => ({
    name,
    rows: [
      [{ value: "Indicador" }, { value: "Atingimento" }],
      ...["Pré-natal", "Vacinas", "Visitas"].map((n, i) => [{ value: n }, { value: [1, 0.85, 0.4][i] }]),
    ],
    merges: [],
    widths: [20, 12],
    chart: spec(),
    print: { orientation: "portrait" },
  });
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return patchPackage(bytes, {
    owned: [],
    rules: [],
    summaries: [summary("Resumo 2025-T1"), summary("It's ok")],
    problems: [],
  });
}

const text = (zip: JSZip, part: string) => zip.file(part)!.async("string");

describe("the add-in's charts in a patched package", () => {
  test("each chart has its own parts; the user's picture and its drawing are kept; ExcelJS reads the package", async () => {
    const zip = await JSZip.loadAsync(await patchedWithCharts());
    expect(
      Object.keys(zip.files)
        .filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))
        .sort(),
    ).toEqual(["xl/charts/chart1.xml", "xl/charts/chart2.xml"]);
    // ExcelJS's picture drawing is drawing1; the summaries' drawings take the next free numbers.
    expect(
      Object.keys(zip.files)
        .filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))
        .sort(),
    ).toEqual(["xl/drawings/drawing1.xml", "xl/drawings/drawing2.xml", "xl/drawings/drawing3.xml"]);
    for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n)))
      expect([name, XMLValidator.validate(await text(zip, name))]).toEqual([name, true]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await zip.generateAsync({ type: "nodebuffer" })) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Dados & Metas", "Resumo 2025-T1", "It's ok"]);
    expect(wb.getWorksheet("Dados & Metas")!.getImages()).toHaveLength(1);
  });

  withLibreOffice()(
    "LibreOffice sees two bar charts, each reading its own sheet's cells",
    async () => {
      const xlsx = path.join(dir, "graficos.xlsx");
      fs.writeFileSync(xlsx, await patchedWithCharts());
      const ods = await convertWithLibreOffice(xlsx, path.join(dir, "ods"), "ods");
      const odsZip = await JSZip.loadAsync(fs.readFileSync(ods));
      const objects = Object.keys(odsZip.files).filter((n) => /^Object \d+\/content\.xml$/.test(n));
      expect(objects).toHaveLength(2);
      const contents = await Promise.all(objects.map((n) => text(odsZip, n)));
      for (const c of contents) expect(c).toMatch(/chart:class="chart:bar"/);
      expect(contents.join("\n")).toContain("Atingimento por indicador");
      const content = await text(odsZip, "content.xml");
      const ranges = [...content.matchAll(/draw:notify-on-update-of-ranges="([^"]*)"/g)].map((m) =>
        m[1].replace(/&apos;/g, "'").replace(/&amp;/g, "&"),
      );
      const both = (sheet: string) => `${sheet}.A2:${sheet}.A4 ${sheet}.B2:${sheet}.B4`;
      expect(ranges).toEqual([both("'Resumo 2025-T1'"), both("'It''s ok'")]);
    },
    120_000,
  );
});

describe("chartXml and sheetReference", () => {
  test("references are absolute, the sheet always quoted, apostrophes doubled", () => {
    expect(sheetReference("Resumo 2025-T1", "A20:A28")).toBe("'Resumo 2025-T1'!$A$20:$A$28");
    expect(sheetReference("D'Ávila", "b2:b3")).toBe("'D''Ávila'!$B$2:$B$3");
    expect(() => sheetReference("X", "not a range")).toThrow();
  });

  test("a horizontal clustered bar chart, first category on top, well-formed", () => {
    const xml = chartXml("Resumo", spec(), { categories: ["a", "b", "c"], values: [0.5, null, 1] });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<c:barDir val="bar"/><c:grouping val="clustered"/>');
    expect(xml).toContain('<c:orientation val="maxMin"/>');
    // A missing value is left out of the cache (a gap), not written as zero.
    expect(xml).toContain('<c:ptCount val="3"/><c:pt idx="0"><c:v>0.5</c:v></c:pt><c:pt idx="2"><c:v>1</c:v></c:pt>');
  });

  test("bar labels show one decimal, as the tables; the axis whole percents", () => {
    const xml = chartXml("Resumo", spec(), { categories: ["I14"], values: [0.9972] });
    // 99,72% printed at "0%" would read 100% beside an indicator that missed its target.
    expect(xml).toMatch(/<c:dLbls><c:numFmt formatCode="0\.0%" sourceLinked="0"\/>/);
    expect(xml).toMatch(/<c:valAx>.*<c:numFmt formatCode="0%" sourceLinked="0"\/>/s);
  });
});
