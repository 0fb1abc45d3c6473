/**
 * Charts put into an .xlsx package by hand (ExcelJS has no chart API): the parts, relationships, content
 * types and sheet elements, checked on packages ExcelJS wrote (with pictures and tables, which already use
 * drawings and relationships), on hand-written sheet XML, and by LibreOffice, which must see the charts.
 */
import fs from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { XMLValidator } from "fast-xml-parser";
import JSZip from "jszip";
import type { ChartSpec } from "../../../src/workbook/plan/types";
import { addCharts, chartXml, sheetParts, sheetReference, withDrawingElement } from "../../../src/workbook/xlsx/chart";
import { convertWithLibreOffice, withLibreOffice } from "../../support/libreoffice";
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

/** Three sheets: one with a picture (so a drawing exists), one with a table and an awkward name, one plain. */
async function packageWithPictureAndTable(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const pictured = wb.addWorksheet("Dados & Metas");
  const table = wb.addWorksheet("It's ok");
  const summary = wb.addWorksheet("Resumo 2025-T1");
  for (const ws of [pictured, table, summary]) {
    ws.getCell("A1").value = "Indicador";
    ws.getCell("B1").value = "Atingimento";
    ["Pré-natal", "Vacinas", "Visitas"].forEach((name, i) => {
      ws.getCell(2 + i, 1).value = name;
      ws.getCell(2 + i, 2).value = [1, 0.85, 0.4][i];
    });
  }
  pictured.addImage(wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" }), "D2:E4");
  table.addTable({
    name: "Tabela",
    ref: "D1",
    headerRow: true,
    style: { theme: "TableStyleLight1" },
    columns: [{ name: "x" }, { name: "y" }],
    rows: [[1, 2]],
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const text = (zip: JSZip, part: string) => zip.file(part)!.async("string");

describe("addCharts: a package ExcelJS wrote, with a picture and a table", () => {
  let zip: JSZip;
  let parts: Map<string, string>;
  let before: Uint8Array;
  let after: Uint8Array;

  beforeAll(async () => {
    before = await packageWithPictureAndTable();
    const copy = before.slice();
    after = await addCharts(before, [
      { sheet: "Resumo 2025-T1", spec: spec(), cache: { categories: ["Pré-natal", "Vacinas", "Visitas"], values: [1, 0.85, 0.4] } },
      { sheet: "It's ok", spec: spec({ percent: false, title: "Contagem <&>" }) },
      { sheet: "Dados & Metas", spec: spec({ from: { row: 8, col: 1 }, to: { row: 22, col: 6 } }) },
    ]);
    expect(before).toEqual(copy);
    zip = await JSZip.loadAsync(after);
    parts = await sheetParts(zip);
  });

  test("sheets are found through the workbook and its relationships, names unescaped", () => {
    expect([...parts.keys()]).toEqual(["Dados & Metas", "It's ok", "Resumo 2025-T1"]);
    for (const part of parts.values()) expect(zip.file(part)).not.toBeNull();
  });

  test("each chart gets its own part with an unused number, and every part is well-formed XML", async () => {
    const charts = Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).sort();
    expect(charts).toEqual(["xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/charts/chart3.xml"]);
    // The picture's drawing was drawing1; the two sheets without one get new drawings.
    const drawings = Object.keys(zip.files).filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n)).sort();
    expect(drawings).toEqual(["xl/drawings/drawing1.xml", "xl/drawings/drawing2.xml", "xl/drawings/drawing3.xml"]);
    for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) {
      expect([name, XMLValidator.validate(await text(zip, name))]).toEqual([name, true]);
    }
  });

  test("content types declare each new part once", async () => {
    const types = await text(zip, "[Content_Types].xml");
    for (const n of [1, 2, 3]) {
      expect(types.split(`PartName="/xl/charts/chart${n}.xml"`)).toHaveLength(2);
      expect(types.split(`PartName="/xl/drawings/drawing${n}.xml"`)).toHaveLength(2);
    }
  });

  test("the summary: a drawing element after the page setup, a relationship to the drawing, one to the chart", async () => {
    const part = parts.get("Resumo 2025-T1")!;
    const xml = await text(zip, part);
    const drawing = /<drawing r:id="(rId\d+)"\/>/.exec(xml);
    expect(drawing).not.toBeNull();
    expect(xml.indexOf("<drawing ")).toBeGreaterThan(xml.indexOf("<pageSetup "));
    const rels = await text(zip, part.replace("worksheets/", "worksheets/_rels/") + ".rels");
    const target = new RegExp(`Id="${drawing![1]}"[^>]*Target="\\.\\./drawings/(drawing\\d+\\.xml)"`).exec(rels)![1];
    const drawingRels = await text(zip, `xl/drawings/_rels/${target}.rels`);
    expect(drawingRels).toMatch(/Type="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships\/chart" Target="\.\.\/charts\/chart1\.xml"/);
    const chart = await text(zip, "xl/charts/chart1.xml");
    expect(chart).toContain("<c:f>'Resumo 2025-T1'!$A$2:$A$4</c:f>");
    expect(chart).toContain('<c:strCache><c:ptCount val="3"/><c:pt idx="0"><c:v>Pré-natal</c:v></c:pt>');
    expect(chart).toContain('<c:numCache><c:formatCode>0%</c:formatCode><c:ptCount val="3"/><c:pt idx="0"><c:v>1</c:v></c:pt>');
    expect(chart).toContain('<c:max val="1"/><c:min val="0"/>');
    expect(chart).toContain('<c:numFmt formatCode="0%" sourceLinked="0"/>');
  });

  test("a sheet with a table: the drawing element goes before tableParts, as the schema requires", async () => {
    const xml = await text(zip, parts.get("It's ok")!);
    const drawingAt = xml.indexOf("<drawing ");
    expect(drawingAt).toBeGreaterThan(xml.indexOf("<pageMargins "));
    expect(drawingAt).toBeLessThan(xml.indexOf("<tableParts"));
    const chart = await text(zip, "xl/charts/chart2.xml");
    expect(chart).toContain("<c:f>'It''s ok'!$A$2:$A$4</c:f>");
    expect(chart).toContain("<a:t>Contagem &lt;&amp;&gt;</a:t>");
    expect(chart).not.toContain("<c:max ");
    expect(chart).not.toContain("strCache"); // no cache given: LibreOffice and Excel read the cells
  });

  test("a sheet with a picture: the chart's anchor joins the picture's drawing (a sheet has one drawing)", async () => {
    const xml = await text(zip, parts.get("Dados & Metas")!);
    expect(xml.match(/<drawing /g)).toHaveLength(1);
    const drawing = await text(zip, "xl/drawings/drawing1.xml");
    expect(drawing.match(/<xdr:twoCellAnchor/g)).toHaveLength(2);
    expect(drawing).toContain("<xdr:pic>");
    const ids = [...drawing.matchAll(/cNvPr id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    const rels = await text(zip, "xl/drawings/_rels/drawing1.xml.rels");
    expect(rels).toContain("/image");
    expect(rels).toContain('Target="../charts/chart3.xml"');
    const relIds = [...rels.matchAll(/Id="(rId\d+)"/g)].map((m) => m[1]);
    expect(new Set(relIds).size).toBe(relIds.length);
    // from row 8, column A → 7 and 0 in the XML.
    expect(drawing).toContain("<xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>7</xdr:row>");
  });

  test("ExcelJS still reads the package, picture included", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(after) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Dados & Metas", "It's ok", "Resumo 2025-T1"]);
    expect(wb.getWorksheet("Dados & Metas")!.getImages()).toHaveLength(1);
    expect(wb.getWorksheet("Resumo 2025-T1")!.getCell("A3").value).toBe("Vacinas");
  });

  withLibreOffice()(
    "LibreOffice sees three bar charts reading the sheets' cells",
    async () => {
      const xlsx = path.join(dir, "graficos.xlsx");
      fs.writeFileSync(xlsx, after);
      const ods = await convertWithLibreOffice(xlsx, path.join(dir, "ods"), "ods");
      const odsZip = await JSZip.loadAsync(fs.readFileSync(ods));
      const objects = Object.keys(odsZip.files).filter((n) => /^Object \d+\/content\.xml$/.test(n));
      expect(objects).toHaveLength(3);
      const contents = await Promise.all(objects.map((n) => text(odsZip, n)));
      for (const c of contents) expect(c).toMatch(/chart:class="chart:bar"/);
      const all = contents.join("\n");
      expect(all).toContain("Atingimento por indicador");
      // Each chart is tied to the cells it reads, on its own sheet.
      const content = await text(odsZip, "content.xml");
      const ranges = [...content.matchAll(/draw:notify-on-update-of-ranges="([^"]*)"/g)].map((m) =>
        m[1].replace(/&apos;/g, "'").replace(/&amp;/g, "&"),
      );
      const both = (sheet: string) => `${sheet}.A2:${sheet}.A4 ${sheet}.B2:${sheet}.B4`;
      expect(ranges).toEqual([both("'Dados & Metas'"), both("'It''s ok'"), both("'Resumo 2025-T1'")]);
    },
    120_000,
  );
});

describe("withDrawingElement: hand-written sheet XML", () => {
  test("a prefixed root without the relationships namespace; nested extLst and look-alikes are not top level", () => {
    const xml =
      '<?xml version="1.0"?>\n<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      "<!-- <x:tableParts/> in a comment --><x:sheetData/>" +
      '<x:conditionalFormatting sqref="A1"><x:cfRule type="expression" priority="1"><x:formula>A1&gt;0</x:formula>' +
      '<x:extLst><x:ext uri="{B025F937}"/></x:extLst></x:cfRule></x:conditionalFormatting>' +
      '<x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
      '<x:headerFooter><x:oddHeader>&amp;L a > b</x:oddHeader></x:headerFooter>' +
      '<x:legacyDrawing r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>' +
      "<x:extLst><x:ext uri='{78C0D931}' note='a>b'/></x:extLst></x:worksheet>";
    const out = withDrawingElement(xml, "rId3");
    expect(XMLValidator.validate(out)).toBe(true);
    expect(out).toContain('<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">');
    expect(out).toContain('</x:headerFooter><x:drawing r:id="rId3"/><x:legacyDrawing');
  });

  test("a default-namespace root that binds the relationships namespace to another prefix", () => {
    const xml =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      '<sheetData/><pageSetup orientation="portrait"/><tableParts count="1"><tablePart rel:id="rId1"/></tableParts></worksheet>';
    expect(withDrawingElement(xml, "rId2")).toBe(
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<sheetData/><pageSetup orientation="portrait"/><drawing rel:id="rId2"/><tableParts count="1"><tablePart rel:id="rId1"/></tableParts></worksheet>',
    );
  });

  test("nothing after it: the element goes last", () => {
    const xml = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/><pageMargins left="1"/></worksheet>';
    expect(withDrawingElement(xml, "rId1")).toBe(
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<sheetData/><pageMargins left="1"/><drawing r:id="rId1"/></worksheet>',
    );
  });
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

  test("no charts: the bytes come back as they were; an unknown sheet is a programming error", async () => {
    const bytes = await packageWithPictureAndTable();
    expect(await addCharts(bytes, [])).toBe(bytes);
    await expect(addCharts(bytes, [{ sheet: "Não existe", spec: spec() }])).rejects.toThrow("Não existe");
  });
});
