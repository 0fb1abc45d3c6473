/**
 * CSV files as the national panels (SISAB) export them and as people save them from Excel: encodings,
 * separators, quotes, title lines and footers.
 */
import fs from "fs";
import path from "path";
import { decodeText, detectSeparator, parseCsv, readCsv, sheetNameFromPath } from "../../../../src/hosts/file/csv/read";
import { readWorkbookFile } from "../../../../src/hosts/file/xlsx/read";
import { tempDir, valueAt, workbookOf } from "../xlsx/helpers";

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

/** A SISAB "Painel Indicador" export: title lines, the panel's header spelling, trailing `;`, a footer. */
const SISAB = [
  "Ministério da Saúde",
  "Secretaria de Atenção Primária à Saúde",
  "Painel Indicador - Previne Brasil",
  "Visão: Municípios",
  "Estado: MG",
  "Municípios: São João del-Rei; Tiradentes",
  "Indicador: Proporção de gestantes com pelo menos 6 (seis) consultas pré-natal realizadas, sendo a 1ª até a 12ª semana de gestação",
  "Dados Preliminares: Dados sujeitos à alteração",
  "",
  "Quadrimestre: 2022 Q1, 2022 Q2",
  "",
  "UF;IBGE;Munícipio;2022 Q1 (%);2022 Q2 (%);",
  "MG;316250;São João del-Rei;62;70;",
  "MG;316900;Tiradentes;48;;",
  "",
  "",
  "Fonte: Sistema de Informação em Saúde para a Atenção Básica - SISAB",
  "Dado gerado em: 15/08/2022 - 10:42h",
  "",
].join("\r\n");

describe("readWorkbookFile: a SISAB panel export in Latin-1", () => {
  test("accents intact, one row per line, trailing ; ignored, values as strings", async () => {
    const file = path.join(dir, "painel-indicador-1.csv");
    fs.writeFileSync(file, Buffer.from(SISAB, "latin1"));
    const book = workbookOf(await readWorkbookFile(file));
    expect(book.sheets).toHaveLength(1);
    const sheet = book.sheets[0];
    expect(sheet.name).toBe("painel-indicador-1");
    expect(sheet.origin).toEqual({ row: 1, col: 1 });
    expect(sheet.tables).toEqual([]);
    expect(sheet.merges).toEqual([]);
    expect(valueAt(sheet, "A1")).toBe("Ministério da Saúde");
    // The title line with a `;` inside is split like any other line (Excel does the same).
    expect(valueAt(sheet, "A6")).toBe("Municípios: São João del-Rei");
    expect(sheet.rows[8]).toEqual([]); // blank line 9 kept, so row numbers match the file
    expect(sheet.rows[11]).toEqual(
      ["UF", "IBGE", "Munícipio", "2022 Q1 (%)", "2022 Q2 (%)"].map((value) => ({ value })),
    );
    expect(sheet.rows[12]).toEqual(["MG", "316250", "São João del-Rei", "62", "70"].map((value) => ({ value })));
    expect(sheet.rows[13]).toEqual([{ value: "MG" }, { value: "316900" }, { value: "Tiradentes" }, { value: "48" }]);
    expect(valueAt(sheet, "A17")).toBe("Fonte: Sistema de Informação em Saúde para a Atenção Básica - SISAB");
    expect(valueAt(sheet, "A18")).toBe("Dado gerado em: 15/08/2022 - 10:42h");
    expect(sheet.rows).toHaveLength(18); // the final line break adds no row
    expect(sheet.rows.flat().every((c) => c.numberFormat === undefined)).toBe(true);
  });

  test("the same file in UTF-8 with a BOM reads the same", async () => {
    const latin = path.join(dir, "latin1.csv");
    const utf8 = path.join(dir, "utf8.csv");
    fs.writeFileSync(latin, Buffer.from(SISAB, "latin1"));
    fs.writeFileSync(utf8, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SISAB, "utf8")]));
    const a = workbookOf(await readWorkbookFile(latin)).sheets[0];
    const b = workbookOf(await readWorkbookFile(utf8)).sheets[0];
    expect(b.rows).toEqual(a.rows);
  });
});

describe("decodeText", () => {
  test("UTF-8 with and without BOM, Windows-1252 otherwise, UTF-16 with BOM", () => {
    expect(decodeText(Buffer.from("Munícipio", "utf8"))).toEqual({ text: "Munícipio", encoding: "utf-8" });
    expect(decodeText(Buffer.from("\uFEFFMunícipio", "utf8"))).toEqual({ text: "Munícipio", encoding: "utf-8" });
    expect(decodeText(Buffer.from("São João", "latin1"))).toEqual({ text: "São João", encoding: "windows-1252" });
    // Windows-1252 bytes 0x80–0x9F: curly quotes, dashes, euro.
    expect(decodeText(Buffer.from([0x93, 0x61, 0x94, 0x20, 0x96, 0x20, 0x80, 0xe7])).text).toBe("“a” – €ç");
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Ação\t1", "utf16le")]))).toEqual({
      text: "Ação\t1",
      encoding: "utf-16le",
    });
    const be = Buffer.from("Ação", "utf16le").swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({ text: "Ação", encoding: "utf-16be" });
  });
});

describe("detectSeparator", () => {
  test("; by default and whenever present", () => {
    expect(detectSeparator("UF;IBGE;Munícipio\nMG;316250;São João del-Rei")).toBe(";");
    expect(detectSeparator("Indicador\nVisitas")).toBe(";");
    expect(detectSeparator('Meta;Texto\n"1,5";"a, b, c"')).toBe(";");
  });
  test("tab when there is no ;", () => {
    expect(detectSeparator("Indicador\tMeta\nVisitas\t10,5")).toBe("\t");
  });
  test(", only when clearly a separator, not a decimal comma", () => {
    expect(detectSeparator("UF,IBGE,Municipio\nMG,316250,Tiradentes")).toBe(",");
    expect(detectSeparator('Indicador,Meta\n"Visitas",10')).toBe(",");
    expect(detectSeparator("Resultado\n75,5\n80,2")).toBe(";");
  });
  test("separators inside quotes do not count", () => {
    expect(detectSeparator('"a;b",c,d\n"e;f",g,h')).toBe(",");
  });
});

describe("parseCsv", () => {
  test("quotes: separators, doubled quotes and line breaks inside a quoted field", () => {
    const text = 'Indicador;Justificativa\r\n"Visitas; domiciliares";"Disse ""não""\r\nna reunião"\r\n';
    expect(parseCsv(text, ";")).toEqual([
      ["Indicador", "Justificativa"],
      ["Visitas; domiciliares", 'Disse "não"\r\nna reunião'],
    ]);
  });
  test("empty fields are null; trailing empty fields are dropped; a quoted empty field is an empty string", () => {
    expect(parseCsv('a;;b;;\n;\n\n"";x', ";")).toEqual([["a", null, "b"], [], [], ["", "x"]]);
  });
  test("a quote inside an unquoted field is literal", () => {
    expect(parseCsv('Meta 10" ou mais;x', ";")).toEqual([['Meta 10" ou mais', "x"]]);
  });
  test("line ends: \\n, \\r\\n and a lone \\r", () => {
    expect(parseCsv("a\nb\r\nc\rd", ";")).toEqual([["a"], ["b"], ["c"], ["d"]]);
  });
  test("numbers stay strings as written (pt-BR decimals included)", () => {
    expect(readCsv(Buffer.from("Resultado;Meta\n75,5;1.234,5\n"), "x").sheet.rows).toEqual([
      [{ value: "Resultado" }, { value: "Meta" }],
      [{ value: "75,5" }, { value: "1.234,5" }],
    ]);
  });
});

describe("readCsv and sheet names", () => {
  test("a quoted empty field is an empty cell", () => {
    expect(readCsv(Buffer.from('a;"";b;""\n'), "s").sheet.rows).toEqual([
      [{ value: "a" }, { value: null }, { value: "b" }],
    ]);
  });
  test("reports encoding and separator", () => {
    expect(readCsv(Buffer.from("a,b\nc,d"), "s").info).toEqual({ encoding: "utf-8", separator: "," });
  });
  test("the sheet is named after the file, as Excel names it", () => {
    expect(sheetNameFromPath("/dados/painel-indicador-1.csv")).toBe("painel-indicador-1");
    // At most 31 characters, like Excel's sheet names.
    expect(sheetNameFromPath("/dados/Relatório de indicadores do 1º trimestre de 2025.csv")).toBe(
      "Relatório de indicadores do 1º ",
    );
    expect(sheetNameFromPath("a[1]:b.csv")).toBe("a_1__b");
  });
});
