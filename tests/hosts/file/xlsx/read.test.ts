/**
 * The file host's reader on real files written to a temp dir: workbooks made with ExcelJS (and altered
 * with JSZip), and the bad inputs people hand the command.
 */
import fs from "fs";
import path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { fileMessages } from "../../../../src/hosts/file/messages";
import { readWorkbookBytes, readWorkbookFile, type ReadWorkbookResult } from "../../../../src/hosts/file/xlsx/read";
import { convertWithLibreOffice, soffice, withLibreOffice } from "../../../support/libreoffice";
import { cellAt, sheetOf, tempDir, valueAt, workbookOf } from "./helpers";

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

const file = (name: string) => path.join(dir, name);

/** A workbook with what a contract workbook has: a merged title, % results, a formula, a table, a hidden sheet. */
function contractWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Indicadores");
  ws.getCell("B2").value = "Contrato de Gestão nº 001/2025 — 1º trimestre";
  ws.mergeCells("B2:G2");
  ws.addTable({
    name: "TabelaIndicadores",
    ref: "B4",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: [
      { name: "Indicador" },
      { name: "Meta" },
      { name: "Resultado" },
      { name: "Numerador" },
      { name: "Denominador" },
      { name: "Mês" },
    ],
    rows: [
      [
        "Proporção de gestantes com o pré-natal em dia",
        "90% ou mais",
        0.92,
        null,
        null,
        new Date(Date.UTC(2025, 0, 1)),
      ],
      ["Cobertura de doentes crônicos", "Cobertura de 80%", null, 412, 500, new Date(Date.UTC(2025, 0, 1))],
      [
        "Visitas domiciliares",
        "Mínimo de 10 visitas domiciliares ao mês",
        12,
        null,
        null,
        new Date(Date.UTC(2025, 1, 1)),
      ],
      ["Vacina em dia", "95% ou mais", null, null, null, new Date(Date.UTC(2025, 2, 1))],
    ],
  });
  ws.getCell("D5").numFmt = "0%";
  ws.getCell("D6").value = { formula: "E6/F6", result: 0.824 };
  ws.getCell("D6").numFmt = "0.0%";
  ws.getCell("D8").numFmt = "0%"; // pending result: empty, formatted
  for (const a of ["G5", "G6", "G7", "G8"]) ws.getCell(a).numFmt = "mmm/yyyy";
  // Odd cells below the table.
  ws.getCell("B10").value = { richText: [{ text: "Fonte: " }, { text: "e-SUS APS", font: { bold: true } }] };
  ws.getCell("B11").value = { text: "Painel do SISAB", hyperlink: "https://sisab.saude.gov.br" };
  ws.getCell("C11").value = { formula: "NA()", result: { error: "#N/A" } };
  ws.getCell("D11").value = { error: "#DIV/0!" };
  ws.getCell("E11").value = { formula: "1=1", result: true };
  ws.getCell("F11").value = { formula: "A1" }; // never calculated: no cached result
  ws.getCell("G11").value = "";
  ws.getCell("H12").value = { formula: "DATE(2025,3,1)", result: 45717 };
  ws.getCell("H12").numFmt = "dd/mm/yyyy";

  const hidden = wb.addWorksheet("Configurações", { state: "veryHidden" });
  hidden.getCell("A1").value = "versão";
  hidden.getCell("B1").value = 1;
  const other = wb.addWorksheet("Oculta", { state: "hidden" });
  other.getCell("C3").value = "x";
  wb.addWorksheet("Vazia");
  return wb;
}

async function writeZip(name: string, zip: JSZip): Promise<string> {
  fs.writeFileSync(file(name), await zip.generateAsync({ type: "nodebuffer" }));
  return file(name);
}

function expectUnreadable(result: ReadWorkbookResult, message: string): void {
  expect(result).toEqual({ kind: "unreadable", message });
}

describe("readWorkbookFile: an .xlsx written by ExcelJS", () => {
  let wb: Awaited<ReturnType<typeof readWorkbookFile>>;
  beforeAll(async () => {
    await contractWorkbook().xlsx.writeFile(file("contrato.xlsx"));
    wb = await readWorkbookFile(file("contrato.xlsx"));
  });

  test("every sheet, in order, hidden ones marked", () => {
    const book = workbookOf(wb);
    expect(book.sheets.map((s) => [s.name, s.hidden ?? false])).toEqual([
      ["Indicadores", false],
      ["Configurações", true],
      ["Oculta", true],
      ["Vazia", false],
    ]);
  });

  test("origin is the first used cell; an empty sheet starts at A1 with no rows", () => {
    const book = workbookOf(wb);
    expect(sheetOf(book, "Indicadores").origin).toEqual({ row: 2, col: 2 });
    expect(sheetOf(book, "Oculta").origin).toEqual({ row: 3, col: 3 });
    expect(sheetOf(book, "Oculta").rows).toEqual([[{ value: "x" }]]);
    expect(sheetOf(book, "Vazia")).toEqual({
      name: "Vazia",
      origin: { row: 1, col: 1 },
      rows: [],
      tables: [],
      merges: [],
    });
  });

  test("the merged title: its top-left cell holds the text, the rest read empty", () => {
    const sheet = sheetOf(workbookOf(wb), "Indicadores");
    expect(sheet.merges).toEqual(["B2:G2"]);
    expect(valueAt(sheet, "B2")).toBe("Contrato de Gestão nº 001/2025 — 1º trimestre");
    expect(valueAt(sheet, "C2")).toBeNull();
    expect(valueAt(sheet, "G2")).toBeNull();
    expect(sheet.rows[1]).toEqual([]); // row 3 is blank
  });

  test("the Excel table: name and range with the header row", () => {
    const sheet = sheetOf(workbookOf(wb), "Indicadores");
    expect(sheet.tables).toEqual([{ name: "TabelaIndicadores", ref: "B4:G8" }]);
    expect(valueAt(sheet, "B4")).toBe("Indicador");
    expect(valueAt(sheet, "G4")).toBe("Mês");
  });

  test("values with their number formats; a formula gives its cached result", () => {
    const sheet = sheetOf(workbookOf(wb), "Indicadores");
    expect(cellAt(sheet, "D5")).toEqual({ value: 0.92, numberFormat: "0%" });
    expect(cellAt(sheet, "D6")).toEqual({ value: 0.824, numberFormat: "0.0%" });
    expect(cellAt(sheet, "E6")).toEqual({ value: 412 });
    expect(cellAt(sheet, "C5")).toEqual({ value: "90% ou mais" });
    expect(cellAt(sheet, "D7")).toEqual({ value: 12 });
  });

  test("an empty result keeps its percentage format", () => {
    const sheet = sheetOf(workbookOf(wb), "Indicadores");
    expect(cellAt(sheet, "D8")).toEqual({ value: null, numberFormat: "0%" });
  });

  test("dates are JS dates (UTC midnight), formula results included", () => {
    const sheet = sheetOf(workbookOf(wb), "Indicadores");
    expect(cellAt(sheet, "G5")).toEqual({ value: new Date(Date.UTC(2025, 0, 1)), numberFormat: "mmm/yyyy" });
    expect(cellAt(sheet, "H12")).toEqual({ value: new Date(Date.UTC(2025, 2, 1)), numberFormat: "dd/mm/yyyy" });
  });

  test("rich text and hyperlinks are plain text; errors are their pt-BR text; booleans stay", () => {
    const sheet = sheetOf(workbookOf(wb), "Indicadores");
    expect(valueAt(sheet, "B10")).toBe("Fonte: e-SUS APS");
    expect(valueAt(sheet, "B11")).toBe("Painel do SISAB");
    expect(valueAt(sheet, "C11")).toBe("#N/D");
    expect(valueAt(sheet, "D11")).toBe("#DIV/0!");
    expect(valueAt(sheet, "E11")).toBe(true);
  });

  test("a formula never calculated and an empty string read as empty", () => {
    const sheet = sheetOf(workbookOf(wb), "Indicadores");
    expect(valueAt(sheet, "F11")).toBeNull();
    expect(valueAt(sheet, "G11")).toBeNull();
  });

  test("rows are ragged: a row ends at its last value", () => {
    const sheet = sheetOf(workbookOf(wb), "Indicadores");
    expect(sheet.rows[10 - 2]).toEqual([{ value: "Fonte: e-SUS APS" }]); // row 10
    expect(sheet.rows.length).toBe(11); // rows 2 to 12
  });
});

describe("readWorkbookFile: parts the writer carries over", () => {
  test("a workbook with charts, pivot tables, custom XML, add-in settings and macros reads its cells", async () => {
    const zip = await JSZip.loadAsync(await contractWorkbook().xlsx.writeBuffer());
    zip.file(
      "xl/charts/chart1.xml",
      '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>',
    );
    zip.file("xl/pivotTables/pivotTable1.xml", "<pivotTableDefinition/>");
    zip.file("customXml/item1.xml", "<x/>");
    zip.file("xl/webextensions/webextension1.xml", "<we:webextension/>");
    zip.file("xl/vbaProject.bin", "VBA");
    const read = await readWorkbookFile(await writeZip("com-grafico.xlsm", zip));
    // The cells are read all the same.
    expect(valueAt(sheetOf(workbookOf(read), "Indicadores"), "D5")).toBe(0.92);
  });
});

describe("readWorkbookFile: a table saved without a style (as LibreOffice saves them)", () => {
  test("reads its name and range", async () => {
    const zip = await JSZip.loadAsync(await contractWorkbook().xlsx.writeBuffer());
    const xml = await zip.file("xl/tables/table1.xml")!.async("string");
    const stripped = xml.replace(/<tableStyleInfo[^>]*\/>/, "");
    expect(stripped).not.toContain("tableStyleInfo");
    zip.file("xl/tables/table1.xml", stripped);
    const sheet = sheetOf(workbookOf(await readWorkbookFile(await writeZip("sem-estilo.xlsx", zip))), "Indicadores");
    expect(sheet.tables).toEqual([{ name: "TabelaIndicadores", ref: "B4:G8" }]);
    expect(cellAt(sheet, "D5")).toEqual({ value: 0.92, numberFormat: "0%" });
  });
});

describe("readWorkbookFile: files it cannot read get a pt-BR message naming the file", () => {
  const ole = (...streamNames: string[]) =>
    Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
      ...streamNames.map((n) => Buffer.concat([Buffer.from(n, "utf16le"), Buffer.alloc(64 - 2 * n.length)])),
    ]);

  test("a legacy .xls (OLE with a Workbook stream)", async () => {
    fs.writeFileSync(file("antigo.xls"), ole("Root Entry", "Workbook", "\u0005SummaryInformation"));
    const r = await readWorkbookFile(file("antigo.xls"));
    expectUnreadable(r, fileMessages.fileLegacyXls(file("antigo.xls")));
    expect(r.kind === "unreadable" && r.message).toContain("salve como .xlsx");
  });

  test("a password-protected .xlsx (OLE with EncryptionInfo)", async () => {
    fs.writeFileSync(file("senha.xlsx"), ole("Root Entry", "EncryptionInfo", "EncryptedPackage"));
    const r = await readWorkbookFile(file("senha.xlsx"));
    expectUnreadable(r, fileMessages.fileEncrypted(file("senha.xlsx")));
    expect(r.kind === "unreadable" && r.message).toContain("protegido por senha");
  });

  test("an OLE file that says neither: old or protected", async () => {
    fs.writeFileSync(file("cabecalho.xls"), ole());
    const r = await readWorkbookFile(file("cabecalho.xls"));
    expect(r.kind === "unreadable" && r.message).toContain(
      "arquivo .xls antigo ou protegido por senha: abra no Excel e salve como .xlsx sem senha",
    );
  });

  test("random bytes named .xlsx", async () => {
    const bytes = Buffer.alloc(4096);
    let seed = 12345;
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      bytes[i] = seed & 0xff;
    }
    bytes[0] = 0x01; // not a zip, not an OLE file
    bytes[10] = 0; // binary
    fs.writeFileSync(file("aleatorio.xlsx"), bytes);
    expectUnreadable(await readWorkbookFile(file("aleatorio.xlsx")), fileMessages.fileCorrupt(file("aleatorio.xlsx")));
  });

  test("a truncated .xlsx (zip signature, broken archive)", async () => {
    const whole = Buffer.from(await contractWorkbook().xlsx.writeBuffer());
    fs.writeFileSync(file("truncado.xlsx"), whole.subarray(0, 600));
    expectUnreadable(await readWorkbookFile(file("truncado.xlsx")), fileMessages.fileCorrupt(file("truncado.xlsx")));
  });

  test("an .ods (zip with the OpenDocument spreadsheet mimetype)", async () => {
    const zip = new JSZip();
    zip.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet", { compression: "STORE" });
    zip.file("content.xml", "<office:document-content/>");
    const r = await readWorkbookFile(await writeZip("planilha.ods", zip));
    expectUnreadable(r, fileMessages.fileOds(file("planilha.ods")));
    expect(r.kind === "unreadable" && r.message).toContain(
      "Salve como .xlsx no LibreOffice: Arquivo → Salvar como → Pasta de trabalho do Excel 2007-365",
    );
  });

  test("an .ods renamed .xlsx is still recognised by its content", async () => {
    const zip = new JSZip();
    zip.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet");
    expectUnreadable(
      await readWorkbookFile(await writeZip("renomeado.xlsx", zip)),
      fileMessages.fileOds(file("renomeado.xlsx")),
    );
  });

  test("a zip that is not a workbook (a Word document)", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file("word/document.xml", "<w:document/>");
    expectUnreadable(
      await readWorkbookFile(await writeZip("documento.xlsx", zip)),
      fileMessages.fileZipNotWorkbook(file("documento.xlsx")),
    );
  });

  test("a binary workbook (.xlsb)", async () => {
    const zip = new JSZip();
    zip.file("xl/workbook.bin", "\u0000");
    expectUnreadable(
      await readWorkbookFile(await writeZip("binaria.xlsb", zip)),
      fileMessages.fileXlsb(file("binaria.xlsb")),
    );
  });

  test("an HTML page named .xls (a common 'export to Excel')", async () => {
    fs.writeFileSync(file("exportado.xls"), "<html><body><table><tr><td>UF</td></tr></table></body></html>");
    expectUnreadable(await readWorkbookFile(file("exportado.xls")), fileMessages.fileHtml(file("exportado.xls")));
  });

  test("a text table named .xls is read as CSV, as Excel does", async () => {
    fs.writeFileSync(file("texto.xls"), "Indicador\tMeta\nVisitas\t10\n");
    const sheet = workbookOf(await readWorkbookFile(file("texto.xls"))).sheets[0];
    expect(sheet.name).toBe("texto");
    expect(sheet.rows).toEqual([
      [{ value: "Indicador" }, { value: "Meta" }],
      [{ value: "Visitas" }, { value: "10" }],
    ]);
  });

  test("an empty file", async () => {
    fs.writeFileSync(file("vazio.xlsx"), "");
    const r = await readWorkbookFile(file("vazio.xlsx"));
    expectUnreadable(r, fileMessages.fileEmpty(file("vazio.xlsx")));
    expect(r.kind === "unreadable" && r.message).toContain("“");
  });

  test("an empty .csv", async () => {
    fs.writeFileSync(file("vazio.csv"), "");
    expectUnreadable(await readWorkbookFile(file("vazio.csv")), fileMessages.fileEmpty(file("vazio.csv")));
  });

  test("a missing path", async () => {
    const missing = file("nao-existe/contrato.xlsx");
    const r = await readWorkbookFile(missing);
    expectUnreadable(r, fileMessages.fileNotFound(missing));
    expect(r.kind === "unreadable" && r.message).toContain("não foi encontrado");
  });

  test("a folder", async () => {
    expectUnreadable(await readWorkbookFile(dir), fileMessages.fileIsDirectory(dir));
  });

  test("a binary file of unknown type", async () => {
    expectUnreadable(
      await readWorkbookBytes(Buffer.from([1, 2, 0, 4]), "dados.bin"),
      fileMessages.fileUnknownFormat("dados.bin"),
    );
  });

  test("every message is pt-BR and names the file", () => {
    const name = "x.xlsx";
    for (const m of [
      fileMessages.fileNotFound(name),
      fileMessages.fileIsDirectory(name),
      fileMessages.fileEmpty(name),
      fileMessages.fileEncrypted(name),
      fileMessages.fileLegacyXls(name),
      fileMessages.fileOleUnknown(name),
      fileMessages.fileOds(name),
      fileMessages.fileXlsb(name),
      fileMessages.fileHtml(name),
      fileMessages.fileZipNotWorkbook(name),
      fileMessages.fileCorrupt(name),
      fileMessages.fileUnknownFormat(name),
    ]) {
      expect(m).toContain("“x.xlsx”");
      expect(m).toMatch(/arquivo|pasta/);
    }
  });
});

describe("readWorkbookFile: a workbook saved again by LibreOffice", () => {
  withLibreOffice()(
    `reads the same values back${soffice ? "" : " (skipped: soffice not installed)"}`,
    async () => {
      await contractWorkbook().xlsx.writeFile(file("para-libreoffice.xlsx"));
      const saved = await convertWithLibreOffice(file("para-libreoffice.xlsx"), file("libreoffice"), "xlsx", 120_000);
      const sheet = sheetOf(workbookOf(await readWorkbookFile(saved)), "Indicadores");
      expect(valueAt(sheet, "B2")).toBe("Contrato de Gestão nº 001/2025 — 1º trimestre");
      expect(sheet.merges).toContain("B2:G2");
      expect(sheet.tables.map((t) => t.ref)).toEqual(["B4:G8"]);
      expect(valueAt(sheet, "D5")).toBe(0.92);
      expect(cellAt(sheet, "D5").numberFormat).toMatch(/%/);
      expect(valueAt(sheet, "D6")).toBeCloseTo(0.824, 9);
      expect(valueAt(sheet, "G5")).toEqual(new Date(Date.UTC(2025, 0, 1)));
    },
    180_000,
  );
});
