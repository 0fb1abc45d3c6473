/**
 * The Excel host's reader against the fake Excel: the `WorkbookData` it builds, worked out by hand; the
 * real pipeline on it; and the number of syncs, which must not grow with rows.
 */
import { SETTINGS_SHEET } from "../../../src/workbook/addinParts";
import { runPipeline } from "../../../src/workbook/pipeline";
import { readWorkbook } from "../../../src/hosts/excel/read";
import type { CellData, SheetData, WorkbookData } from "../../../src/workbook/model";
import { contractWorkbook, serial, tableWorkbook } from "./fixtures";

const v = (value: CellData["value"], numberFormat?: string): CellData =>
  numberFormat ? { value, numberFormat } : { value };
const empty = v(null);

/** The contract workbook as the file host would give it, except dates: serial numbers with their format. */
const expected: WorkbookData = {
  sheets: [
    {
      name: "Indicadores",
      origin: { row: 2, col: 2 },
      rows: [
        [v("Contrato de Gestão nº 001/2025 — 1º trimestre")],
        [],
        [v("Indicador"), v("Meta"), v("Resultado"), v("Numerador"), v("Denominador"), v("Mês")],
        [
          v("Proporção de gestantes com o pré-natal em dia"),
          v("90% ou mais"),
          v(0.92, "0%"),
          empty,
          empty,
          v(serial(2025, 1), "mmm/yyyy"),
        ],
        [
          v("Cobertura de doentes crônicos"),
          v("Cobertura de 80%"),
          v(0.824, "0.0%"),
          v(412),
          v(500),
          v(serial(2025, 1), "mmm/yyyy"),
        ],
        [
          v("Visitas domiciliares"),
          v("Mínimo de 10 visitas domiciliares ao mês"),
          v(12),
          empty,
          empty,
          v(serial(2025, 2), "mmm/yyyy"),
        ],
        [v("Vacina em dia"), v("95% ou mais"), v(null, "0%"), empty, empty, v(serial(2025, 3), "mmm/yyyy")],
        [],
        [v("Fonte: e-SUS APS")],
        [v("Painel do SISAB"), v("#N/D"), v("#DIV/0!"), v(true)],
      ],
      tables: [{ name: "TabelaIndicadores", ref: "B4:G8" }],
      merges: ["B2:G2"],
    },
    {
      name: "Plano simples",
      origin: { row: 1, col: 1 },
      rows: [
        [v("Indicador"), v("Meta"), v("Resultado"), v("Período")],
        [v("Consultas médicas por habitante"), v("mínimo 300"), v(320), v("Jan/2025")],
        [v("Consultas de enfermagem"), v("mínimo 200"), v(150), v("Fev/2025")],
      ],
      tables: [],
      merges: [],
    },
    {
      name: SETTINGS_SHEET,
      origin: { row: 1, col: 1 },
      rows: [[v('{"versao":1}')]],
      tables: [],
      merges: [],
      hidden: true,
    },
  ],
};

/** The same workbook with dates as the file host reads them (JS dates at UTC midnight). */
function withDates(workbook: WorkbookData): WorkbookData {
  const toDate = (n: number) => new Date(Date.UTC(1899, 11, 30) + n * 86_400_000);
  return {
    ...workbook,
    sheets: workbook.sheets.map((s): SheetData => ({
      ...s,
      rows: s.rows.map((row) =>
        row.map((c) =>
          typeof c.value === "number" && c.numberFormat === "mmm/yyyy" ? { ...c, value: toDate(c.value) } : c,
        ),
      ),
    })),
  };
}

describe("readWorkbook", () => {
  it("reads sheets, tables, merges, dates, errors and a hidden sheet the way the file host lays them out", async () => {
    const fx = contractWorkbook();
    const workbook = await readWorkbook(fx.context);
    expect(workbook).toEqual(expected);
  });

  it("reads in two syncs and loads only what it needs", async () => {
    const fx = contractWorkbook();
    await readWorkbook(fx.context);
    expect(fx.syncs).toHaveLength(2);
    const loads = fx.calls
      .filter((c) => c.text.includes(".load("))
      .map((c) => `${c.sync}: ${c.text.replace(/^.*\.load/, "load")}`);
    expect(new Set(loads)).toEqual(
      new Set([
        "1: load(items/name,items/visibility)",
        "1: load(items/name,items/worksheet/name)",
        "2: load(address)", // table ranges and merged areas
        "2: load(address,values,numberFormat)", // used ranges
      ]),
    );
    // Nothing was written.
    expect(fx.calls.filter((c) => / = |\.add\(|delete\(/.test(c.text))).toEqual([]);
  });

  it("gives the pipeline what it needs: the same evaluation as the file host's shape with real dates", async () => {
    const workbook = await readWorkbook(contractWorkbook().context);
    const fromExcel = runPipeline(workbook);
    const fromFile = runPipeline(withDates(workbook));
    expect(fromExcel.tables.map((t) => [t.sheet, t.name, t.ref, t.layout])).toEqual([
      ["Indicadores", "TabelaIndicadores", "B4:G8", "long"],
      ["Plano simples", undefined, "A1:D3", "long"],
    ]);
    // Serial dates with a date format are months, as the file host's dates are.
    expect(fromExcel.tables[0].periods.map((p) => p.label)).toEqual(fromFile.tables[0].periods.map((p) => p.label));
    expect(fromExcel.tables[0].periods.length).toBe(3);
    expect(fromExcel.evaluations.map((e) => e.period?.label)).toEqual(fromFile.evaluations.map((e) => e.period?.label));
    expect(fromExcel.evaluations).toEqual(fromFile.evaluations);
    expect(fromExcel.evaluations.length).toBeGreaterThan(0);
    // The hidden settings sheet is not searched.
    expect(fromExcel.tables.some((t) => t.sheet === SETTINGS_SHEET)).toBe(false);
  });

  it("takes as many syncs for 10,000 rows as for 10", async () => {
    const small = tableWorkbook(10);
    const big = tableWorkbook(10_000);
    const a = await readWorkbook(small.context);
    const b = await readWorkbook(big.context);
    expect(a.sheets[0].rows).toHaveLength(11);
    expect(b.sheets[0].rows).toHaveLength(10_001);
    expect(big.syncs.length).toBe(small.syncs.length);
    expect(big.syncs.length).toBe(2);
  });

  it("reads in row chunks when Excel refuses the response as too big, with the same result", async () => {
    const normal = await readWorkbook(tableWorkbook(10_000).context);
    const limited = tableWorkbook(10_000, { payloadLimit: 300_000 });
    const chunked = await readWorkbook(limited.context, { maxCellsPerSync: 8_000 });
    expect(chunked).toEqual(normal);
    expect(limited.syncs[1].error).toBe("RequestPayloadSizeLimitExceeded");
    // Sheets and tables, the refused read, the addresses, then 10,001 rows × 4 columns in chunks of 2,000 rows.
    expect(limited.syncs.length).toBe(3 + 6);
    const answered = limited.syncs.filter((s) => !s.error);
    expect(Math.max(...answered.map((s) => s.responseBytes))).toBeLessThanOrEqual(300_000);
  });

  it("halves the chunks while Excel still refuses them", async () => {
    const normal = await readWorkbook(tableWorkbook(10_000).context);
    const limited = tableWorkbook(10_000, { payloadLimit: 300_000 });
    // 40,000 cells answer about 700 KB, 20,000 about 350 KB: both refused; 10,000 fit.
    expect(await readWorkbook(limited.context, { maxCellsPerSync: 40_000 })).toEqual(normal);
    expect(limited.syncs.filter((s) => s.error).length).toBe(3);
  });

  it("reads an empty sheet as no rows", async () => {
    const fx = tableWorkbook(1);
    fx.addSheet("Vazia");
    const workbook = await readWorkbook(fx.context);
    expect(workbook.sheets[1]).toEqual({ name: "Vazia", origin: { row: 1, col: 1 }, rows: [], tables: [], merges: [] });
  });

  it("lets Office errors through for the caller to word", async () => {
    const fx = contractWorkbook();
    fx.cellEditMode = true;
    await expect(readWorkbook(fx.context)).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
  });
});
