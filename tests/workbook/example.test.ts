/**
 * The example workbook (`assets/exemplo-contrato.xlsx`): what it holds, read back through the file host's
 * reader, and that the committed file matches the builder (so neither drifts from the other).
 *
 * To regenerate the committed file after changing tests/support/example.ts:
 *   WRITE_EXAMPLE=1 npx jest tests/workbook/example.test.ts
 */
import fs from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { INSTRUMENT_INDICATORS } from "../../src/core/catalogs/instrumento";
import type { CellData, SheetData } from "../../src/workbook/model";
import {
  EXAMPLE_HEADER_ROW,
  EXAMPLE_HEADERS,
  EXAMPLE_MONTHS,
  EXAMPLE_README_SHEET,
  EXAMPLE_SHEET,
  EXAMPLE_TITLE,
  EXAMPLE_UNITS,
  writeExample,
} from "../support/example";
import { readWorkbookFile } from "../../src/hosts/file/xlsx/read";
import { sheetOf, tempDir, valueAt, workbookOf } from "../hosts/file/xlsx/helpers";

const ASSET = path.join(__dirname, "..", "..", "assets", "exemplo-contrato.xlsx");

let dir: string;
let cleanup: () => void;
let built: string;
beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  built = path.join(dir, "exemplo-contrato.xlsx");
  await writeExample(built);
  if (process.env.WRITE_EXAMPLE === "1") await writeExample(ASSET);
});
afterAll(() => cleanup());

type Header = (typeof EXAMPLE_HEADERS)[number];

/** The data rows of the example as records keyed by header. */
function records(sheet: SheetData): Record<Header, CellData>[] {
  const out: Record<Header, CellData>[] = [];
  for (let r = EXAMPLE_HEADER_ROW + 1; r < sheet.origin.row + sheet.rows.length; r++) {
    const row = sheet.rows[r - sheet.origin.row];
    const rec = {} as Record<Header, CellData>;
    EXAMPLE_HEADERS.forEach((h, i) => (rec[h] = row[i + 1 - sheet.origin.col] ?? { value: null }));
    out.push(rec);
  }
  return out;
}

const find = (recs: Record<Header, CellData>[], code: string, unit: string, month: number) => {
  const found = recs.find(
    (r) =>
      r["Nº"].value === code &&
      r.Unidade.value === unit &&
      (r["Mês"].value as Date).getTime() === EXAMPLE_MONTHS[month].getTime(),
  );
  if (!found) throw new Error(`no row ${code} ${unit} ${month}`);
  return found;
};

describe("the example workbook, read back", () => {
  let sheet: SheetData;
  let recs: Record<Header, CellData>[];
  beforeAll(async () => {
    const book = workbookOf(await readWorkbookFile(built));
    expect(book.sheets.map((s) => s.name)).toEqual([EXAMPLE_SHEET, EXAMPLE_README_SHEET]);
    sheet = sheetOf(book, EXAMPLE_SHEET);
    recs = records(sheet);
  });

  test("a merged title, a blank row, then the header", () => {
    expect(sheet.origin).toEqual({ row: 1, col: 1 });
    expect(valueAt(sheet, "A1")).toBe(EXAMPLE_TITLE);
    expect(sheet.merges).toEqual(["A1:N1"]);
    expect(sheet.rows[1]).toEqual([]);
    expect(sheet.rows[EXAMPLE_HEADER_ROW - 1].map((c) => c.value)).toEqual([...EXAMPLE_HEADERS]);
    expect(sheet.tables).toEqual([]);
  });

  test("long layout: 9 indicators × 3 months × 2 units", () => {
    expect(recs).toHaveLength(9 * 3 * 2);
    const codes = new Set(recs.map((r) => r["Nº"].value));
    expect(codes.size).toBe(9);
    expect(new Set(recs.map((r) => r.Unidade.value))).toEqual(new Set(EXAMPLE_UNITS));
    for (const r of recs) {
      expect(r["Mês"].numberFormat).toBe("mmm/yyyy");
      expect(EXAMPLE_MONTHS.some((m) => m.getTime() === (r["Mês"].value as Date).getTime())).toBe(true);
    }
  });

  test("evaluation-instrument indicators with targets as people write them, types Informação and Processo", () => {
    const i01 = find(recs, "I01", "UBS Centro", 0);
    expect(i01.Meta.value).toBe(INSTRUMENT_INDICATORS.find((i) => i.code === "I01")?.target);
    expect(i01.Meta.value).toBe("100% de pontualidade para 100% dos relatórios");
    expect(i01.Tipo.value).toBe("Informação");
    expect(find(recs, "I04", "UBS Centro", 0).Meta.value).toBe("90% ou mais");
    expect(find(recs, "I11", "UBS Centro", 0).Meta.value).toBe("Cobertura de 80%");
    expect(find(recs, "I12", "UBS Centro", 0).Meta.value).toBe("Mínimo de 10 visitas domiciliares ao mês");
    expect(find(recs, "I12", "UBS Centro", 0).Tipo.value).toBe("Processo");
    expect(find(recs, "I09b", "UBS Centro", 0).Meta.value).toBe("0% de casos de sífilis congênita");
  });

  test("percentages as Excel percentages, counts as counts", () => {
    expect(find(recs, "I04", "UBS Centro", 0).Resultado).toEqual({ value: 0.92, numberFormat: "0%" });
    expect(find(recs, "I12", "UBS Jardim", 1).Resultado).toEqual({ value: 13 });
    expect(find(recs, "I09b", "UBS Jardim", 2).Resultado).toEqual({ value: 0, numberFormat: "0%" });
  });

  test("a proportion with numerator and denominator: the result is their quotient (a formula's cached result)", () => {
    const r = find(recs, "I11", "UBS Centro", 0);
    expect(r.Numerador.value).toBe(412);
    expect(r.Denominador.value).toBe(500);
    expect(r.Resultado).toEqual({ value: 412 / 500, numberFormat: "0.0%" });
  });

  test("one B with an accepted justification, one with a partial one", () => {
    const accepted = recs.filter((r) => r["Justificativa aceita"].value === "Sim");
    expect(accepted).toHaveLength(1);
    expect(accepted[0]["Nº"].value).toBe("I14");
    expect(accepted[0].Resultado.value).toBe(262);
    expect(String(accepted[0].Justificativa.value)).toMatch(/férias/);
    const partial = recs.filter((r) => r["Justificativa aceita"].value === "Parcial");
    expect(partial).toHaveLength(1);
    expect(partial[0]["Nº"].value).toBe("1.4");
    expect(partial[0].Resultado.value).toBe(0.78);
    expect(partial[0].Justificativa.value).toEqual(expect.any(String));
  });

  test("a monitoring indicator, lower is better, without weight", () => {
    const monitoring = recs.filter((r) => r.Natureza.value === "Monitoramento");
    expect(new Set(monitoring.map((r) => r["Nº"].value))).toEqual(new Set(["2.7"]));
    expect(monitoring.every((r) => r.Meta.value === "até 8%" && r.Peso.value === null)).toBe(true);
    expect(recs.filter((r) => r.Natureza.value === "Desempenho")).toHaveLength(8 * 6);
  });

  test("one pending result: March at UBS Jardim, still formatted as %", () => {
    const pending = recs.filter((r) => r.Resultado.value === null);
    expect(pending).toHaveLength(1);
    expect(pending[0]["Nº"].value).toBe("2.3");
    expect(pending[0].Unidade.value).toBe("UBS Jardim");
    expect(pending[0]["Mês"].value).toEqual(EXAMPLE_MONTHS[2]);
    expect(pending[0].Resultado.numberFormat).toBe("0%");
  });

  test("a Leia-me sheet in pt-BR", async () => {
    const readme = sheetOf(workbookOf(await readWorkbookFile(built)), EXAMPLE_README_SHEET);
    const text = readme.rows.map((row) => row.map((c) => c.value ?? "").join(" ")).join("\n");
    expect(text).toMatch(/exemplo fictício/);
    expect(text).toMatch(/Justificativa aceita/);
  });

  test("header frozen and bold, columns sized", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(built);
    const ws = wb.getWorksheet(EXAMPLE_SHEET)!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: EXAMPLE_HEADER_ROW });
    expect(ws.getCell(EXAMPLE_HEADER_ROW, 1).font?.bold).toBe(true);
    expect(ws.getColumn(3).width).toBeGreaterThan(30);
  });
});

describe("the committed assets/exemplo-contrato.xlsx", () => {
  test("has the same cells as a freshly built example (regenerate with WRITE_EXAMPLE=1)", async () => {
    expect(fs.existsSync(ASSET)).toBe(true);
    const committed = workbookOf(await readWorkbookFile(ASSET));
    const fresh = workbookOf(await readWorkbookFile(built));
    expect(committed).toEqual(fresh);
  });
});
