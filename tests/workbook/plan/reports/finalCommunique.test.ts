/**
 * The final synthetic communiqué (src/workbook/plan/reports/finalCommunique.ts) over the four quarters of the
 * fixture (fixture.ts has the table): the grau de cumprimento, its band, the periods in each band, every
 * performance indicator's conclusive evaluation and those never met — each figure worked out by hand below —
 * then an incomplete quarter (provisional band), and the sheet and Markdown renderings.
 */
import { decreto, previne } from "../../../../src/core/presets";
import { runPipeline } from "../../../../src/workbook/pipeline";
import { buildFinalCommunique } from "../../../../src/workbook/plan/reports/finalCommunique";
import { communiqueMarkdown, communiqueSheet } from "../../../../src/workbook/plan/reports/communique";
import { isReportSheet } from "../../../../src/workbook/reportSheets";
import { reportSheets } from "../../../../src/workbook/plan/reports";
import { documentStrings, reportStrings } from "../../../../src/workbook/messages";
import { sheet, workbook } from "../../fixtures";
import { contractRows, contractWorkbook } from "./fixture";

const SOURCE = "Contrato de Gestão nº 001/2025";
const evs = runPipeline(contractWorkbook()).evaluations;
const doc = buildFinalCommunique(evs, { source: SOURCE });

describe("the four quarters of 2025", () => {
  test("the grau de cumprimento is the mean of the quarters' overall attainment: 67,5%, Faixa 4", () => {
    // Share of targets met per quarter (6 performance indicators; I6 is monitoring and never counts):
    // T1: I1, I4, I5, I7 A + I2 justified in total (counts 1) → 5 of 6 = 83,33%;
    // T2: I1, I4, I5 A + I2 justified in part (counts ½), I3 B, I7 without data → 3,5 of 5 = 70%;
    // T3: I1, I2, I5, I7 A; I3, I4 B → 4 of 6 = 66,67%;
    // T4: I1, I2, I5 A; I3, I4, I7 B → 3 of 6 = 50%.
    // Mean: (83,33 + 70 + 66,67 + 50) / 4 = 270 / 4 = 67,5% → 60% ≤ 67,5% < 70%: Faixa 4.
    expect(evs.map((ev) => ev.overall.value)).toEqual([
      expect.closeTo(250 / 3, 9),
      expect.closeTo(70, 9),
      expect.closeTo(200 / 3, 9),
      expect.closeTo(50, 9),
    ]);
    expect(doc.grade.value).toBeCloseTo(67.5, 9);
    expect(doc.grade.counted).toBe(4);
    expect(doc.gradeText).toBe("67,5%");
    expect(doc.grade.band?.band.label).toBe("Faixa 4 — 60% a 69,9%");
    expect(doc.provisional).toEqual([]);
    expect(doc.uncounted).toEqual([]);
  });

  test("one quarter in each of Faixas 2 to 5", () => {
    // 83,33% → Faixa 2 (80–99,9); 70% → Faixa 3 (70–79,9); 66,67% → Faixa 4; 50% → Faixa 5 (50–59,9).
    expect(doc.periodsByBand.map((p) => [p.band?.number, p.labels])).toEqual([
      [2, ["2025-T1"]],
      [3, ["2025-T2"]],
      [4, ["2025-T3"]],
      [5, ["2025-T4"]],
    ]);
  });

  test("every performance indicator concluded over the term; I3 the only one never met", () => {
    // I1 A every quarter; I2 A in T3, T4 (B justified in T1, T2); I3 B every quarter; I4 A in T1, T2;
    // I5 A every quarter; I7 A in T1, T3, B in T4, no data in T2. I6 is monitoring: left out.
    expect(doc.indicators.map((c) => [c.code, c.met, c.withData, c.verdict])).toEqual([
      ["I1", 4, 4, "always"],
      ["I2", 2, 4, "sometimes"],
      ["I3", 0, 4, "never"],
      ["I4", 2, 4, "sometimes"],
      ["I5", 4, 4, "always"],
      ["I7", 2, 3, "mostly"],
    ]);
    // I3's scored attainment: 70/95 = 73,68%, 72/95 = 75,79%, 68/95 = 71,58%, 71/95 = 74,74%;
    // mean (70 + 72 + 68 + 71) / 4 / 95 = 70,25 / 95 = 73,947% (printed 73,9%).
    const i3 = doc.indicators[2];
    expect(i3.meanAttainment).toBeCloseTo(70.25 / 95, 9);
    expect([i3.min, i3.max]).toEqual([expect.closeTo(68 / 95, 9), expect.closeTo(72 / 95, 9)]);
    expect(doc.neverMet.map((c) => c.code)).toEqual(["I3"]);
    // I7's mean over its three quarters with data: 100%, 100%, 48/50 = 96% → 98,67%.
    expect(doc.indicators[5].meanAttainment).toBeCloseTo((1 + 1 + 0.96) / 3, 9);
  });

  test("addressed to the head of the executive, with the commission's signature blocks", () => {
    expect(doc.sheetName).toBe("Comunicado final");
    expect(doc.title).toBe("Comunicado Final Sintético");
    expect(doc.intro[0]).toBe(documentStrings.addressee);
    expect(doc.header[0]).toBe("Vigência avaliada: 1º trimestre de 2025 a 4º trimestre de 2025 (4 trimestres)");
    expect(doc.closing).toMatch(/^Encaminhe-se ao\(à\) Prefeito\(a\) Municipal, Chefe do Poder Executivo/);
    expect(doc.signatures).toEqual(reportStrings.members);
    const md = communiqueMarkdown(doc);
    expect(md).toContain("# Comunicado Final Sintético");
    expect(md).toContain(documentStrings.grade("atingimento global", "67,5%", 4, "trimestre", "trimestres"));
    expect(md).toContain("- Faixa 2 — 80% a 99,9%: 1 trimestre (2025-T1)");
    expect(md).toContain(
      "| I3 | Cobertura vacinal de crianças menores de 1 ano | ≥ 95% | 0 de 4 | 73,9% | Meta nunca atingida |",
    );
    expect(md).toContain(
      "| I7 | Hipertensos com pressão arterial aferida | ≥ 50% | 2 de 3 (1 sem dado) | 98,7% | Meta atingida na maior parte dos períodos |",
    );
    expect(md).toContain(
      "- I2 Proporção de gestantes com pré-natal em dia: 2025-T1 acatada totalmente; 2025-T2 acatada parcialmente",
    );
    expect(md).toContain(
      "- I3 Cobertura vacinal de crianças menores de 1 ano: conceito B em 4 períodos (atingimento de 71,6% a 75,8%).",
    );
    expect(md).toContain("cumprido em grau de 67,5%, enquadrado na Faixa 4 — 60% a 69,9%.");
  });

  test("as a sheet: recognised as a report when the workbook is evaluated again", () => {
    const plan = communiqueSheet(doc);
    expect(plan.name).toBe("Comunicado final");
    expect(plan.rows[0][0].value).toBe(reportStrings.draftNote);
    expect(isReportSheet({ name: plan.name, rows: plan.rows })).toBe(true);
    expect(plan.print).toEqual({ orientation: "portrait" });
    // The period table: T1's row, its overall 83,33% as a number formatted as a percentage.
    const t1 = plan.rows.find((r) => r[0]?.value === "1º trimestre de 2025 (2025-T1)");
    // 4 indicators A of 6 with data (I2's accepted justification counts in the figure, not as an A).
    expect(t1?.filter((c) => c.value !== null).map((c) => c.value)).toEqual([
      "1º trimestre de 2025 (2025-T1)",
      "4 de 6",
      expect.closeTo(5 / 6, 9),
      "Faixa 2 — 80% a 99,9%",
    ]);
    const t2 = plan.rows.find((r) => r[0]?.value === "2º trimestre de 2025 (2025-T2)");
    expect(t2?.[2]?.value).toBe("3 de 5 (1 sem dado)");
  });

  test("reportSheets adds the final communiqué after the final report, only when asked", () => {
    const result = runPipeline(contractWorkbook());
    expect(reportSheets(result, SOURCE).map((p) => p.name)).toEqual([
      "Comunicado 2025-T1",
      "Comunicado 2025-T2",
      "Comunicado 2025-T3",
      "Comunicado 2025-T4",
      "Avaliação anual 2025",
    ]);
    expect(
      reportSheets(result, SOURCE, { final: true })
        .map((p) => p.name)
        .slice(-2),
    ).toEqual(["Avaliação final", "Comunicado final"]);
  });
});

describe("an incomplete quarter", () => {
  // T2 without I1's and I4's results too: 3 of its 6 scored results missing (> 20%) → T2 incompleta, its
  // band provisional. T2 then: I2 partial (½), I5 A, I3 B; I1, I4, I7 no data → 1,5 of 3 = 50%.
  const rows = contractRows().map((r) =>
    r[3] === "2025-T2" && (r[0] === "I1" || r[0] === "I4") ? [...r.slice(0, 5), null, null, null] : r,
  );
  const incomplete = runPipeline(workbook(sheet("Indicadores", rows))).evaluations;
  const c = buildFinalCommunique(incomplete, { source: SOURCE });

  test("the grau's band is provisional, naming the quarter", () => {
    expect(incomplete[1].overall.incomplete).toBe(true);
    expect(incomplete[1].overall.value).toBeCloseTo(50, 9);
    // (83,33 + 50 + 66,67 + 50) / 4 = 62,5% → Faixa 4, provisional.
    expect(c.grade.value).toBeCloseTo(62.5, 9);
    expect(c.provisional).toEqual(["2025-T2"]);
    const md = communiqueMarkdown(c);
    expect(md).toContain(documentStrings.gradeProvisional(1, 4, "2025-T2"));
    expect(md).toContain("Faixa 4 — 60% a 69,9% — provisória (1 de 4 períodos incompletos)");
    // T2's own band in the list of periods per band: Faixa 5, marked provisional.
    expect(md).toContain("- Faixa 5 — 50% a 59,9%: 2 trimestres (2025-T2, provisória; 2025-T4)");
  });
});

describe("other rules", () => {
  test("the decree's A/B rules have no bands: the grau without a band, said so; no periods per band", () => {
    const c = buildFinalCommunique(runPipeline(contractWorkbook(), { preset: decreto }).evaluations, {
      source: SOURCE,
    });
    // The same share of targets met per quarter: the mean is 67,5% still.
    expect(c.gradeText).toBe("67,5%");
    expect(c.grade.band).toBeUndefined();
    expect(c.periodsByBand).toEqual([]);
    const md = communiqueMarkdown(c);
    expect(md).toContain(reportStrings.noBands(decreto.name));
    expect(md).toContain("cumprido em grau de 67,5%.");
  });

  test("Previne Brasil: the grau is a mean of notes (0–10), named after the figure, never a percentage", () => {
    const evs10 = runPipeline(contractWorkbook(), { preset: previne }).evaluations;
    const c = buildFinalCommunique(evs10, { source: SOURCE });
    const values = evs10.map((ev) => ev.overall.value!);
    expect(c.grade.value).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 9);
    expect(c.gradeText).toMatch(/^\d+,\d\d$/);
    expect(communiqueMarkdown(c)).toContain(`média aritmética do ISF parcial dos 4 períodos`);
  });
});
