/**
 * The regional consolidation, pure part (src/workbook/consolidation/consolidate.ts): pipeline results → one row per
 * municipality (or contract) and period → the `Consolidado` and `Falhas` sheets as a write plan.
 *
 * The three contracts and their hand-worked results are in ./consolidateFixtures.ts:
 *   2025-T1: Lavras 100% (Faixa 1) · Nepomuceno 80% (Faixa 2, I01 not met) · Perdões 60% (Faixa 4, I03)
 *   2025-T2: Perdões 100% (Faixa 1) · Lavras 60% (Faixa 4, I03) · Nepomuceno 60% (Faixa 4, I01 and I04)
 */
import { previne } from "../../../src/core/presets";
import { contractBands } from "../../../src/core/presets/bandTables";
import {
  consolidate,
  CONSOLIDATED_HEADER_ROW,
  missedText,
  nameFromSource,
  rowJson,
  rowsOfResult,
  sortRows,
  type ConsolidatedRow,
} from "../../../src/workbook/consolidation/consolidate";
import { runPipeline } from "../../../src/workbook/pipeline";
import type { PlanCell, SummarySheetPlan } from "../../../src/workbook/plan/types";
import { COFIN_HEADER, cofinRows } from "../cofinanciamento";
import { contractBook, MUNICIPALITIES } from "./fixtures";
import { sheet, workbook } from "../fixtures";
import { PREVINE_LONG_ROWS, readSisab } from "../previne";
import { tempDir } from "../../hosts/file/xlsx/helpers";

const BAND_COLOR = Object.fromEntries(contractBands.bands.map((b) => [b.number, b.color]));

function contracts() {
  return consolidate(
    MUNICIPALITIES.map((m) => ({ source: `${m}.xlsx`, result: runPipeline(contractBook(m)) })),
    [{ source: "corrompido.xlsx", message: "O arquivo está corrompido." }],
  );
}

/** The values of a sheet plan's row (1-based), as written. */
function values(plan: SummarySheetPlan, row: number): PlanCell["value"][] {
  return (plan.rows[row - 1] ?? []).map((c) => c.value);
}

function column(plan: SummarySheetPlan, header: string): number {
  const col = values(plan, CONSOLIDATED_HEADER_ROW).indexOf(header);
  if (col < 0) throw new Error(`no column ${header} in ${values(plan, CONSOLIDATED_HEADER_ROW).join(" | ")}`);
  return col;
}

describe("three municipal contracts, two quarters each", () => {
  const { rows, plan, failures } = contracts();
  const [sheetPlan, failuresPlan] = plan.summaries;

  test("one row per municipality and quarter, by quarter and then attainment (ties by name)", () => {
    expect(rows.map((r) => [r.period?.label, r.name, r.attainment, r.band?.number])).toEqual([
      ["2025-T1", "Lavras", 1, 1],
      ["2025-T1", "Nepomuceno", 0.8, 2],
      ["2025-T1", "Perdões", 0.6, 4],
      ["2025-T2", "Perdões", 1, 1],
      ["2025-T2", "Lavras", 0.6, 4],
      ["2025-T2", "Nepomuceno", 0.6, 4],
    ]);
  });

  test("indicators not met: scored ones with concept B, by code; monitoring never counts", () => {
    expect(rows.map((r) => r.missed.map((m) => m.code))).toEqual([[], ["I01"], ["I03"], [], ["I03"], ["I01", "I04"]]);
    // Nepomuceno's I05 misses every month, but it is monitoring.
    expect(rows.every((r) => r.scored === 4 && r.withData === 4 && !r.incomplete && r.problems === 0)).toBe(true);
    expect(rows.every((r) => r.preset === "instrumento" && r.method === "shareMet" && r.scale === 100)).toBe(true);
    expect(failures).toEqual([{ source: "corrompido.xlsx", message: "O arquivo está corrompido." }]);
  });

  test("the Consolidado sheet: title, header on row 5, one row each, band colours as fills", () => {
    expect(sheetPlan.name).toBe("Consolidado");
    expect(values(sheetPlan, 1)[0]).toBe("Consolidado da avaliação — 3 municípios ou contratos, 4 arquivos");
    expect(values(sheetPlan, 2)[0]).toMatch(
      /^Períodos: 2025-T1, 2025-T2 · 1 arquivo não pôde ser avaliado: veja a planilha Falhas$/,
    );
    // No IBGE code and no 0–10 value in these rows: those columns are left out.
    expect(values(sheetPlan, CONSOLIDATED_HEADER_ROW)).toEqual([
      "Município / contrato",
      "Arquivo",
      "Período",
      "Atingimento global",
      "Faixa",
      "Metas não atingidas",
      "Indicadores não atingidos",
      "Avaliação incompleta",
      "Problemas nos dados",
    ]);
    expect(values(sheetPlan, 6)).toEqual(["Lavras", "Lavras.xlsx", "2025-T1", 1, "Faixa 1 — 100%", 0, "", "Não", 0]);
    expect(values(sheetPlan, 7)).toEqual([
      "Nepomuceno",
      "Nepomuceno.xlsx",
      "2025-T1",
      0.8,
      "Faixa 2 — 80% a 99,9%",
      1,
      "I01",
      "Não",
      0,
    ]);
    expect(values(sheetPlan, 11)).toEqual([
      "Nepomuceno",
      "Nepomuceno.xlsx",
      "2025-T2",
      0.6,
      "Faixa 4 — 60% a 69,9%",
      2,
      "I01, I04",
      "Não",
      0,
    ]);
    expect(sheetPlan.rows).toHaveLength(CONSOLIDATED_HEADER_ROW + 6);
    const attainment = column(sheetPlan, "Atingimento global");
    const band = column(sheetPlan, "Faixa");
    rows.forEach((r, i) => {
      const cells = sheetPlan.rows[CONSOLIDATED_HEADER_ROW + i];
      expect(cells[attainment].numberFormat).toBe("0.0%");
      expect(cells[band].style?.fill).toBe(BAND_COLOR[r.band!.number!]);
      expect(cells[band].style?.color).toBe("#000000");
    });
    expect(sheetPlan.merges).toEqual(["A1:I1", "A2:I2", "A3:I3"]);
    expect(sheetPlan.widths).toHaveLength(9);
  });

  test("the chart: attainment per municipality in the latest quarter (rows 9–11), under the table and as wide", () => {
    // 11 rows (title, subtitle, note, blank, header, six rows): from A13, one blank row between; as wide as the
    // nine columns (`to` is the cell just past it: J); max(18, 3 T2 rows + 6) = 18 rows tall.
    expect(sheetPlan.chart).toEqual({
      title: "Atingimento global por município — 2º trimestre de 2025 (2025-T2)",
      seriesName: "Atingimento global",
      categories: "A9:A11",
      values: "D9:D11",
      percent: true,
      // Each bar in its band's colour, as the band cells: Perdões 100% (Faixa 1), Lavras and Nepomuceno 60% (Faixa 4).
      pointColors: [BAND_COLOR[1], BAND_COLOR[4], BAND_COLOR[4]],
      from: { row: 13, col: 1 },
      to: { row: 31, col: 10 },
    });
    // Figures centred, as the short columns beside them: right-aligned, 100,0% ran into the band's label in print.
    expect(sheetPlan.rows.slice(5).map((r) => [r[3].numberFormat, r[3].style?.align])).toEqual(
      Array(6).fill(["0.0%", "center"]),
    );
  });

  test("the Falhas sheet lists the file and its reason", () => {
    expect(failuresPlan.name).toBe("Falhas");
    expect(values(failuresPlan, 1)).toEqual(["Arquivos que não puderam ser avaliados (1)"]);
    expect(values(failuresPlan, 3)).toEqual(["Arquivo", "Motivo"]);
    expect(values(failuresPlan, 4)).toEqual(["corrompido.xlsx", "O arquivo está corrompido."]);
    const none = consolidate([{ source: "Lavras.xlsx", result: runPipeline(contractBook("Lavras")) }]).plan
      .summaries[1];
    expect(values(none, 3)).toEqual(["Nenhum arquivo com falha: todos foram avaliados."]);
    expect(values(none, 1)).toEqual(["Arquivos que não puderam ser avaliados"]);
  });

  test("the JSON of a row", () => {
    expect(rowJson(rows[1])).toEqual({
      arquivo: "Nepomuceno.xlsx",
      municipio: "Nepomuceno",
      ibge: null,
      periodo: "2025-T1",
      predefinicao: "instrumento",
      metodo: "proporcao",
      atingimentoGlobal: 0.8,
      faixa: { numero: 2, rotulo: "Faixa 2 — 80% a 99,9%", cor: "#8BC34A", provisoria: false },
      metasNaoAtingidas: 1,
      indicadoresNaoAtingidos: [{ codigo: "I01", justificativa: null }],
      indicadoresComDado: 4,
      indicadoresPontuados: 4,
      avaliacaoIncompleta: false,
      indicadoresSemResultado: [],
      problemas: 0,
      repetidos: [],
    });
  });
});

describe("names, order and marks", () => {
  test("a result's rows go by the name given, else the one municipality its rows name, else the file", () => {
    const result = runPipeline(contractBook("Lavras"));
    expect(
      rowsOfResult({ source: "pasta/contrato.xlsx", municipality: "Lavras (planilha)", result }).map((r) => r.name),
    ).toEqual(["Lavras (planilha)", "Lavras (planilha)"]);
    expect(rowsOfResult({ source: "pasta/contrato.xlsx", result })[0].name).toBe("contrato");
    // A long table with a Município column naming one municipality only (Previne Brasil: chosen by hand,
    // only panel exports choose it on their own).
    const lavras = PREVINE_LONG_ROWS.filter((r, i) => i === 0 || r[0] === "Lavras");
    const rows = rowsOfResult({
      source: "lavras.xlsx",
      result: runPipeline(workbook(sheet("Previne", lavras)), { preset: previne }),
    });
    expect(rows.map((r) => [r.name, r.period?.label, r.preset])).toEqual([["Lavras", "2022-Q1", "previne"]]);
    // ISF of Lavras worked out in tests/workbook/previne.ts: 7,5.
    expect(rows[0].value).toBeCloseTo(7.5, 12);
    expect(nameFromSource("a/b/Perdões.xlsx")).toBe("Perdões");
    expect(nameFromSource("C:\\região\\Lavras.consolidado.xlsx")).toBe("Lavras.consolidado");
  });

  test("a long table with several municipalities: one row each, from their own evaluations", () => {
    const rows = rowsOfResult({
      source: "previne.xlsx",
      result: runPipeline(workbook(sheet("Previne", PREVINE_LONG_ROWS)), { preset: previne }),
    });
    expect(rows.map((r) => [r.name, r.value])).toEqual([
      ["Lavras", expect.closeTo(7.5, 12)],
      ["Perdões", expect.closeTo(8, 12)],
    ]);
  });

  test("undated rows first, then periods in time order; rows without attainment last in their period", () => {
    const base: ConsolidatedRow = {
      source: "x.xlsx",
      name: "x",
      preset: "instrumento",
      method: "shareMet",
      scale: 100,
      missed: [],
      scored: 1,
      withData: 1,
      incomplete: false,
      problems: 0,
      figure: { kind: "attainment", name: "atingimento global", pooled: false },
    };
    const q = (label: string, start: string, end: string) => ({ kind: "quarter" as const, label, start, end });
    const t1 = q("2025-T1", "2025-01-01", "2025-03-31");
    const t2 = q("2025-T2", "2025-04-01", "2025-06-30");
    const sorted = sortRows([
      { ...base, name: "B", period: t2, attainment: 0.5 },
      { ...base, name: "A", period: t2 },
      { ...base, name: "C", period: t1, attainment: 0.2 },
      { ...base, name: "D" },
      { ...base, name: "E", period: t2, attainment: 0.9 },
    ]);
    expect(sorted.map((r) => r.name)).toEqual(["D", "C", "E", "B", "A"]);
  });

  test("justified indicators are marked", () => {
    expect(
      missedText([{ code: "I01" }, { code: "I14", justified: "total" }, { code: "1.4", justified: "partial" }]),
    ).toBe("I01, I14 (justificado), 1.4 (justificado parcialmente)");
  });
});

describe("a SISAB panel export (hypertension, 3 municipalities × 3 four-month periods)", () => {
  // tests/workbook/previne.ts: meta 50%, peso 2; with one indicator the ISF is its nota, min(10; 10 × r / 50%):
  //   Tiradentes 40 / 55 / 25 → 8 / 10 / 5;  São João del-Rei 50 / — / 45 → 10 / — / 9;  Barroso 0 / 20 / 60 → 0 / 4 / 10.
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => ({ dir, cleanup } = tempDir()));
  afterAll(() => cleanup());

  test("one row per municipality and four-month period with its ISF and IBGE code", async () => {
    const { book } = await readSisab(dir);
    const { rows, plan } = consolidate([{ source: "painel-hipertensao.csv", result: runPipeline(book) }]);
    expect(
      rows.map((r) => [r.period?.label, r.name, r.ibge, r.value === undefined ? null : Number(r.value.toFixed(9))]),
    ).toEqual([
      ["2022-Q1", "São João del-Rei", "316250", 10],
      ["2022-Q1", "Tiradentes", "316990", 8],
      ["2022-Q1", "Barroso", "310560", 0],
      ["2022-Q2", "Tiradentes", "316990", 10],
      ["2022-Q2", "Barroso", "310560", 4],
      ["2022-Q2", "São João del-Rei", "316250", null],
      ["2022-Q3", "Barroso", "310560", 10],
      ["2022-Q3", "São João del-Rei", "316250", 9],
      ["2022-Q3", "Tiradentes", "316990", 5],
    ]);
    // São João del-Rei has no result in Q2: no ISF, incomplete.
    expect(rows[5]).toMatchObject({ incomplete: true, withData: 0, scored: 1 });
    expect(rows.filter((r) => r !== rows[5]).every((r) => !r.incomplete)).toBe(true);
    // Barroso Q2: 20% against 50% is a B (below target), listed by the catalogue's code.
    expect(rows[4].missed).toEqual([{ code: "6" }]);
    expect(rows.every((r) => r.preset === "previne" && r.scale === 10 && r.band === undefined)).toBe(true);

    // One of Previne's seven indicators: every value is an ISF parcial (1 de 7), never the ISF.
    expect(
      rows.filter((r) => r.value !== undefined).every((r) => r.figure.name === "ISF parcial (1 de 7 indicadores)"),
    ).toBe(true);
    expect(rowJson(rows[0])).toMatchObject({
      isfParcial: 10,
      valorGlobal: { nome: "ISF parcial (1 de 7 indicadores)", parcial: true },
    });
    expect(rowJson(rows[0])).not.toHaveProperty("isf");

    const [sheetPlan] = plan.summaries;
    // Previne Brasil only: the ISF column (named partial), which indicators it lacks, no attainment and no band column.
    expect(values(sheetPlan, CONSOLIDATED_HEADER_ROW)).toEqual([
      "Município / contrato",
      "IBGE",
      "Arquivo",
      "Período",
      "ISF parcial (1 de 7 indicadores) (0 a 10)",
      "Indicadores sem resultado",
      "Metas não atingidas",
      "Indicadores não atingidos",
      "Avaliação incompleta",
      "Problemas nos dados",
    ]);
    expect(values(sheetPlan, 6)).toEqual([
      "São João del-Rei",
      "316250",
      "painel-hipertensao.csv",
      "2022-Q1",
      10,
      "ISF parcial (1 de 7): faltam 1, 2, 3, 4, 5, 7",
      0,
      "",
      "Não",
      0,
    ]);
    expect(values(sheetPlan, 11)).toEqual([
      "São João del-Rei",
      "316250",
      "painel-hipertensao.csv",
      "2022-Q2",
      "—",
      "ISF parcial (0 de 7): faltam 1, 2, 3, 4, 5, 6, 7",
      0,
      "",
      "Sim",
      0,
    ]);
    expect(sheetPlan.rows[CONSOLIDATED_HEADER_ROW][4].numberFormat).toBe("0.00");
    expect(sheetPlan.chart).toMatchObject({
      title: "ISF parcial (1 de 7 indicadores) por município — 3º quadrimestre de 2022 (2022-Q3)",
      seriesName: "ISF parcial (1 de 7 indicadores)",
      categories: "A12:A14",
      values: "E12:E14",
      percent: false,
    });
  });
});

describe("the co-financing: one row per team", () => {
  // tests/workbook/cofinanciamento.ts: ESF Centro 8,5 → Ótimo (the official worked example), ESF Vila Nova
  // 5,0 over the ten weights (C6 missing adds nothing) → Bom and incompleta, both in Lavras, 2025-Q1.
  const result = runPipeline(workbook(sheet("Equipes", [COFIN_HEADER, ...cofinRows()])));
  const c = consolidate([{ source: "equipes.xlsx", result }]);

  test("each team is a row with its nota final and class, named with its municipality and INE", () => {
    expect(c.rows.map((r) => [r.name, r.period?.label, r.preset, r.scale, r.band?.label])).toEqual([
      ["Lavras — ESF Centro (INE 0001234567)", "2025-Q1", "cofinanciamento", 10, "Ótimo"],
      ["Lavras — ESF Vila Nova (INE 0007654321)", "2025-Q1", "cofinanciamento", 10, "Bom"],
    ]);
    expect(c.rows[0].value).toBeCloseTo(8.5, 12);
    expect(c.rows[1].value).toBeCloseTo(5, 12);
    // C6 of Vila Nova has no result: 6 of 7 indicators with data, incomplete, naming C6.
    expect(c.rows.map((r) => [r.withData, r.scored, r.incomplete, r.missingSet?.map((m) => m.code)])).toEqual([
      [7, 7, false, undefined],
      [6, 7, true, ["C6"]],
    ]);
    expect(rowJson(c.rows[1])).toMatchObject({
      notaFinal: 5,
      avaliacaoIncompleta: true,
      indicadoresSemResultado: [{ codigo: "C6", indicador: "Cuidado da pessoa idosa" }],
    });
    const sheetRow = c.plan.summaries[0].rows.find((r) => r[0]?.value === "Lavras — ESF Vila Nova (INE 0007654321)")!;
    expect(sheetRow.map((x) => x.value)).toContain("incompleta: falta C6");
  });

  test("the sheet charts the nota final of each team", () => {
    const plan = c.plan.summaries[0];
    expect(plan.chart).toMatchObject({ seriesName: "Nota final", percent: false, categories: "A6:A7" });
  });
});
