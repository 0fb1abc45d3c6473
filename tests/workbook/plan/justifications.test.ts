/**
 * The commission's decisions written into an indicator table (workbook/plan/justifications): which cells, where
 * new columns go (right of the table and of the add-in's own columns), and — running the pipeline again on
 * the workbook with the writes applied — that the evaluation counts the decisions as the rules say.
 */
import { indicatorKey } from "../../../src/core/evaluate";
import { makePeriod } from "../../../src/core/periods";
import { planJustifications, type JustificationEntry } from "../../../src/workbook/plan/justifications";
import { buildPlan } from "../../../src/workbook/plan/build";
import { runPipeline } from "../../../src/workbook/pipeline";
import type { CellData, WorkbookData } from "../../../src/workbook/model";
import { applyCellWrites, applyPlanToData } from "../../taskpane/fakeHost";
import { fmt, sheet, workbook } from "../fixtures";

const Q1 = makePeriod("quarter", 2025, 1);
const pct = (v: number) => fmt(v, "0%");

/**
 * Four performance indicators, January–March 2025 (rows 4–15), header on row 3 (A–F), and I4's April
 * row (16, second quarter):
 * - I1 Consultas médicas ≥ 300: 330, 310, 320 → A every month → A
 * - I2 Pré-natal 85%: 90%, 88%, 86% → A
 * - I3 Visitas ≥ 10: 12, 11, 10 → A (10 meets ≥ 10)
 * - I4 Citopatológico 80%: 70% (B), 85% (A), 75% (B) → B for the quarter (not every month met)
 * Share of targets met in 2025-T1: 3 of 4 = 75,0% → Faixa 3 (70% a 79,9%).
 * With I4 justified in total it counts as met: 4/4 = 100% → Faixa 1. Partially (share 0,5): (3 + 0,5)/4
 * = 87,5% → Faixa 2. Rejected: still 3/4 = 75%.
 */
function rows(
  extraHeader: (string | null)[] = [],
  extra: (row: number) => (CellData["value"] | CellData)[] = () => [],
) {
  const data: [string, string, string, (CellData["value"] | CellData)[], CellData["value"] | CellData][] = [
    ["I1", "Consultas médicas", "≥ 300", [330, 310, 320], null],
    ["I2", "Proporção de gestantes com pré-natal em dia", "85%", [pct(0.9), pct(0.88), pct(0.86)], null],
    ["I3", "Visitas domiciliares", "≥ 10", [12, 11, 10], null],
    ["I4", "Proporção de mulheres com citopatológico", "80%", [pct(0.7), pct(0.85), pct(0.75)], null],
  ];
  const body: (CellData["value"] | CellData)[][] = [];
  for (const [code, name, target, results] of data) {
    results.forEach((result, m) => body.push([code, name, "Desempenho", `2025-0${m + 1}`, target, result]));
  }
  body.push(["I4", "Proporção de mulheres com citopatológico", "Desempenho", "2025-04", "80%", pct(0.6)]);
  return [
    ["Contrato de Gestão nº 12/2024"],
    [],
    ["Código", "Indicador", "Natureza", "Mês", "Meta", "Resultado", ...extraHeader],
    ...body.map((r, i) => [...r, ...extra(4 + i)]),
  ];
}

const I4 = indicatorKey({ code: "I4", indicator: "" });

function quarter(wb: WorkbookData) {
  const result = runPipeline(wb, { period: Q1 });
  const ev = result.evaluations[0];
  return { result, ev, i4: ev.indicators.find((i) => i.key === I4)! };
}

function plan(wb: WorkbookData, entries: JustificationEntry[]) {
  const { result } = quarter(wb);
  return planJustifications(wb, result.tables[0], entries);
}

const byAddress = (cells: { address: string; value: unknown }[]) =>
  Object.fromEntries(cells.map((c) => [c.address, c.value]));

describe("planJustifications", () => {
  const wb = workbook(sheet("Indicadores", rows()));

  it("starts from 3 of 4 targets met: 75,0%, Faixa 3", () => {
    const { ev, i4 } = quarter(wb);
    expect(ev.overall.attainment).toBeCloseTo(0.75, 12);
    expect(ev.band?.band.number).toBe(3);
    expect(i4.concept).toBe("B");
    expect(i4.decision).toBeUndefined();
  });

  it("creates the two columns right of the table and writes every month of the quarter, not April", () => {
    const { cells, problems } = plan(wb, [
      { indicatorKey: I4, period: Q1, text: "Falta de insumos em janeiro", decision: "Total" },
    ]);
    expect(problems).toEqual([]);
    // The table spans A–F: the new columns are G and H, headers on the header row (3); I4's quarter rows are 13–15.
    expect(byAddress(cells)).toEqual({
      G3: "Justificativa",
      H3: "Justificativa aceita",
      G13: "Falta de insumos em janeiro",
      H13: "Total",
      G14: "Falta de insumos em janeiro",
      H14: "Total",
      G15: "Falta de insumos em janeiro",
      H15: "Total",
    });
    expect(cells.every((c) => c.sheet === "Indicadores")).toBe(true);
  });

  it("makes a total acceptance count as met: 4 of 4 = 100,0%, Faixa 1; the concept stays B", () => {
    const { cells } = plan(wb, [{ indicatorKey: I4, period: Q1, text: "Falta de insumos", decision: "Total" }]);
    const after = quarter(applyCellWrites(wb, cells));
    expect(after.ev.overall.attainment).toBeCloseTo(1, 12);
    expect(after.ev.band?.band.number).toBe(1);
    expect(after.i4.concept).toBe("B");
    expect(after.i4.decision).toBe("total");
    expect(after.i4.credit).toBe(1);
    expect(after.i4.justification).toBe("Falta de insumos");
    // April (second quarter) got nothing: I4 is still plainly not met there.
    const q2 = runPipeline(applyCellWrites(wb, cells), { period: makePeriod("quarter", 2025, 2) }).evaluations[0];
    expect(q2.indicators[0].decision).toBeUndefined();
    expect(q2.overall.attainment).toBe(0);
  });

  it("puts the columns after the add-in's own columns, and a partial acceptance earns half: 87,5%, Faixa 2", () => {
    // An evaluation run (screen Avaliar: no summary sheet) first wrote Atingimento/Conceito (Contratualiza) into G and H.
    const evaluate = (w: WorkbookData) =>
      applyPlanToData(w, { ...buildPlan(w, runPipeline(w), { source: "teste" }), summaries: [] });
    const evaluated = evaluate(wb);
    expect(evaluated.sheets[0].rows[2].map((c) => c.value).slice(6)).toEqual([
      "Atingimento (Contratualiza)",
      "Conceito (Contratualiza)",
    ]);
    const { cells, problems } = plan(evaluated, [{ indicatorKey: I4, period: Q1, text: "", decision: "Parcial" }]);
    expect(problems).toEqual([]);
    // Empty text clears the justification cell; the decision still goes in.
    expect(byAddress(cells)).toEqual({
      I3: "Justificativa",
      J3: "Justificativa aceita",
      I13: null,
      J13: "Parcial",
      I14: null,
      J14: "Parcial",
      I15: null,
      J15: "Parcial",
    });
    const after = quarter(applyCellWrites(evaluated, cells));
    // (3 + 0,5) / 4 = 0,875.
    expect(after.ev.overall.attainment).toBeCloseTo(0.875, 12);
    expect(after.ev.band?.band.number).toBe(2);
    expect(after.i4.decision).toBe("partial");

    // A second evaluation run keeps its columns in G–H, and the next decision goes to the same I–J cells.
    const again = evaluate(applyCellWrites(evaluated, cells));
    expect(again.sheets[0].rows[2].map((c) => c.value).slice(6)).toEqual([
      "Atingimento (Contratualiza)",
      "Conceito (Contratualiza)",
      "Justificativa",
      "Justificativa aceita",
    ]);
    const second = plan(again, [{ indicatorKey: I4, period: Q1, text: "Revisto", decision: "Não" }]);
    expect(byAddress(second.cells)).toEqual({
      I13: "Revisto",
      J13: "Não",
      I14: "Revisto",
      J14: "Não",
      I15: "Revisto",
      J15: "Não",
    });
    // Rejected: back to 3 of 4.
    expect(quarter(applyCellWrites(again, second.cells)).ev.overall.attainment).toBeCloseTo(0.75, 12);
  });

  it("skips a column holding anything of the user's between the header and the last row", () => {
    // A note in G9 (beside the table): G is not free, so the columns go to H and I.
    const noted = workbook(
      sheet(
        "Indicadores",
        rows([], (r) => (r === 9 ? ["conferir com a SMS"] : [])),
      ),
    );
    const { cells } = plan(noted, [{ indicatorKey: I4, period: Q1, text: "x", decision: "Total" }]);
    expect(byAddress(cells)).toMatchObject({ H3: "Justificativa", I3: "Justificativa aceita", H13: "x", I13: "Total" });
    expect(cells.some((c) => c.address.startsWith("G"))).toBe(false);
  });

  it("writes into the table's own columns when it has them, without touching the headers", () => {
    const own = workbook(
      sheet(
        "Indicadores",
        rows(["Justificativa aceita", "Justificativa"], () => [null, null]),
      ),
    );
    const { cells, problems } = plan(own, [
      { indicatorKey: I4, period: Q1, text: "Obra na unidade", decision: "Total" },
    ]);
    expect(problems).toEqual([]);
    // Justificativa aceita is G, Justificativa is H.
    expect(byAddress(cells)).toEqual({
      G13: "Total",
      H13: "Obra na unidade",
      G14: "Total",
      H14: "Obra na unidade",
      G15: "Total",
      H15: "Obra na unidade",
    });
    expect(quarter(applyCellWrites(own, cells)).ev.overall.attainment).toBeCloseTo(1, 12);
  });

  it("asks for the columns to be added to an Excel table instead of writing beside it", () => {
    const listObject = workbook(sheet("Indicadores", rows(), { tables: [{ name: "TabelaMetas", ref: "A3:F16" }] }));
    const { cells, problems } = plan(listObject, [{ indicatorKey: I4, period: Q1, text: "x", decision: "Total" }]);
    expect(cells).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(
      /tabela do Excel “TabelaMetas” não tem as colunas “Justificativa” e “Justificativa aceita”/,
    );
  });

  it("says which indicator has no rows in the table or in the period", () => {
    const { cells, problems } = plan(wb, [
      { indicatorKey: "#i9", period: Q1, text: "x", decision: "Total" },
      { indicatorKey: I4, period: makePeriod("quarter", 2025, 3), text: "x", decision: "Total" },
    ]);
    expect(cells).toEqual([]);
    expect(problems.map((p) => p.message)).toEqual([
      "O indicador “#i9” não tem linhas nesta tabela; a justificativa não foi gravada.",
      "O indicador “Proporção de mulheres com citopatológico” não tem linhas no período 3º trimestre de 2025 desta tabela; a justificativa não foi gravada.",
    ]);
  });
});
