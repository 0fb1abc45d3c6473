import fc from "fast-check";
import { evaluateContract, evaluateRow, type RowInput } from "../../src/core/evaluate";
import { makePeriod } from "../../src/core/periods";
import { presets } from "../../src/core/presets";
import { PREVINE_INDICATORS as previneCatalog } from "../../src/core/catalogs/previne";
import { COFINANCIAMENTO_INDICATORS as cofinCatalog } from "../../src/core/catalogs/cofinanciamento";

const PCT = "0%";
const month = (m: number) => makePeriod("month", 2025, m);
const T1 = makePeriod("quarter", 2025, 1);

/** A row with a percentage target and result, as a user's table would hold them. */
function row(code: string, target: unknown, result: unknown, extra: Partial<RowInput> = {}): RowInput {
  return {
    sheet: "Indicadores",
    code,
    indicator: `Indicador ${code}`,
    target: { value: target as never, numberFormat: typeof target === "number" ? PCT : undefined, address: `D${code}` },
    result: { value: result as never, numberFormat: typeof result === "number" ? PCT : undefined, address: `E${code}` },
    ...extra,
  };
}

describe("one indicator over a quarter (docs/regras.md §4)", () => {
  test("by default the period's result decides: the mean of the months against the target", () => {
    // Target 80%. Jan 90%, Feb 70%, Mar 85%: mean (0,9 + 0,7 + 0,85) / 3 = 0,816…% ≥ 80% → A, attainment
    // 0,8167 / 0,8 > 1 → 100% scored. Feb missing alone does not make the quarter a B.
    const rows = [0.9, 0.7, 0.85].map((r, i) => row("1", 0.8, r, { period: month(i + 1) }));
    const ev = evaluateContract(rows, { period: T1 });
    const ind = ev.indicators[0];
    expect(ind.rule).toBe("periodResult");
    expect(ind.result).toBeCloseTo(2.45 / 3, 12);
    expect(ind.combined).toBe(3);
    expect(ind.concept).toBe("A");
    expect(ind.attainment!.scored).toBe(1);
    expect(ind.failing).toEqual([]);
    expect(ev.overall.attainment).toBe(1);
  });

  test("the period's mean below the target is a B whose attainment is that mean's", () => {
    // Target 80%. 0,8 + 0,7 + 0,75 = 2,25 → mean 75% < 80% → B; attainment 0,75 / 0,8 = 0,9375.
    const rows = [0.8, 0.7, 0.75].map((r, i) => row("1", 0.8, r, { period: month(i + 1) }));
    const ind = evaluateContract(rows, { period: T1 }).indicators[0];
    expect(ind.concept).toBe("B");
    expect(ind.attainment!.scored).toBeCloseTo(0.9375, 12);
  });

  test("under the strict rule every month must meet: mean of monthly attainments, and the failing months", () => {
    // Target 80%. Jan 90% → 1 (capped), Feb 70% → 0,7/0,8 = 0,875, Mar 85% → 1.
    // Mean = (1 + 0,875 + 1) / 3 = 0,958333…; Feb missed, so the quarter is B.
    const rows = [0.9, 0.7, 0.85].map((r, i) => row("1", 0.8, r, { period: month(i + 1) }));
    const ev = evaluateContract(rows, { period: T1, rule: "everyMonth" });
    expect(ev.indicators).toHaveLength(1);
    const ind = ev.indicators[0];
    expect(ind.aggregation).toBe("mean");
    expect(ind.attainment!.scored).toBeCloseTo(2.875 / 3, 12);
    expect(ind.concept).toBe("B");
    // What decides the B: February alone, with its 70%.
    expect(ind.failing.map((r) => [r.input.period?.label, r.result])).toEqual([["2025-02", 0.7]]);
    // Share of targets met: the only indicator is B with no justification → 0%.
    expect(ev.overall.attainment).toBe(0);
    // Mean attainment method: 0,958333…
    expect(
      evaluateContract(rows, { period: T1, method: "meanAttainment", rule: "everyMonth" }).overall.attainment,
    ).toBeCloseTo(2.875 / 3, 12);
  });

  test("with Numerador and Denominador the quarter is the pooled ratio Σnum ÷ Σden", () => {
    // Target 75%. 40/50, 30/50, 45/50: months 80%, 60%, 90% — but pooled 115/150 = 76,67% ≥ 75% → A.
    const rows = [
      [40, 50],
      [30, 50],
      [45, 50],
    ].map(([n, d], i) => ({
      ...row("2", 0.75, null, { period: month(i + 1) }),
      numerator: { value: n, address: `F${i}` },
      denominator: { value: d, address: `G${i}` },
    }));
    const ind = evaluateContract(rows, { period: T1 }).indicators[0];
    expect(ind.aggregation).toBe("ratio");
    expect(ind.result).toBeCloseTo(115 / 150, 12);
    expect(ind.concept).toBe("A");
    expect(ind.attainment!.scored).toBe(1);
  });

  test("the Agregação column overrides: soma compares the quarter's total with the target", () => {
    // Target "Mínimo de 900 consultas no trimestre"; 280 + 310 + 320 = 910 ≥ 900 → A.
    const rows = [280, 310, 320].map((r, i) => ({
      ...row("3", "Mínimo de 900 consultas", r, { period: month(i + 1) }),
      result: { value: r },
      aggregation: { value: "Soma" },
    }));
    const ind = evaluateContract(rows).indicators[0];
    expect(ind.aggregation).toBe("sum");
    expect(ind.result).toBe(910);
    expect(ind.concept).toBe("A");
  });

  test("the weight is the last usable one: an empty or unreadable later cell does not replace it", () => {
    // Jan says 2; Feb leaves it empty; Mar writes -1 (unreadable, reported, not used) → the weight stays 2.
    const rows = [
      row("5", 0.5, 0.6, { period: month(1), weight: { value: 2 } }),
      row("5", 0.5, 0.6, { period: month(2), weight: { value: null } }),
      row("5", 0.5, 0.6, { period: month(3), weight: { value: -1, address: "G3" } }),
    ];
    const ev = evaluateContract(rows, { period: T1 });
    expect(ev.indicators[0].weight).toBe(2);
    expect(ev.problems.map((p) => [p.cell, p.code])).toEqual([["G3", "invalidArgument"]]);
  });

  test("rows outside the period are left out", () => {
    // Apr is in T2: only Jan (100%) counts, so the T1 indicator is A.
    const rows = [row("4", 0.5, 0.6, { period: month(1) }), row("4", 0.5, 0.1, { period: month(4) })];
    const ev = evaluateContract(rows, { period: T1 });
    expect(ev.indicators[0].rows).toHaveLength(1);
    expect(ev.indicators[0].concept).toBe("A");
  });
});

describe("the contract (docs/regras.md §6, §7)", () => {
  // Five performance indicators (weights 1,1,2,1,1), one monitoring, one without data.
  //  1: 90% vs 80% → A                    (weight 1)
  //  2: 70% vs 80% → B, scored 0,875     (weight 1)
  //  3: 50% vs 60% → B, scored 0,8333…,  justification accepted "Parcial" (weight 2)
  //  4: 4% vs "até 5%" → A (at most)      (weight 1)
  //  5: 30% vs 60% → B, scored 0,5, justification "Sim" (total) (weight 1)
  //  6: monitoring, 10% vs 80% → B, shown but never scored
  //  7: no result yet → Sem dado, pending, left out of both sums
  const rows: RowInput[] = [
    row("1", 0.8, 0.9, { area: "Saúde da Mulher" }),
    row("2", 0.8, 0.7, { area: "Saúde da Mulher" }),
    row("3", 0.6, 0.5, { area: "Saúde da Criança", weight: { value: 2 }, justificationAccepted: { value: "Parcial" } }),
    row("4", "até 5%", "4%", { area: "Saúde da Criança" }),
    row("5", 0.6, 0.3, { area: "Saúde Bucal", justificationAccepted: { value: "Sim" } }),
    row("6", 0.8, 0.1, { area: "Saúde Bucal", kind: { value: "Monitoramento" } }),
    row("7", 0.8, null, { area: "Saúde Bucal" }),
  ];

  test("share of targets met, with total and partial justifications", () => {
    // Σ weight × credit = 1·1 + 1·0 + 2·0,5 + 1·1 + 1·1 = 4; Σ weight with data = 1+1+2+1+1 = 6 → 66,67%.
    const ev = evaluateContract(rows);
    expect(ev.overall.attainment).toBeCloseTo(4 / 6, 12);
    expect(ev.overall.value).toBeCloseTo(66.6667, 3);
    // 66,7 (rounded to 0,1 pp) is in band 4: 60 ≤ x < 70.
    expect(ev.band?.band.number).toBe(4);
    expect(ev.band?.rounded).toBeCloseTo(66.7, 12);
    expect(ev.overall).toMatchObject({ scored: 6, withData: 5, withoutData: 1, met: 2 });
    // 1 of 6 performance indicators lacks data = 16,7% ≤ 20%: complete.
    expect(ev.overall.incomplete).toBe(false);
    expect(ev.pending.map((i) => i.code)).toEqual(["7"]);
    const six = ev.indicators.find((i) => i.code === "6")!;
    expect(six.kind).toBe("monitoramento");
    expect(six.concept).toBe("B");
  });

  test("mean attainment, with the partial justification earning half of what is missing", () => {
    // Scores: 1; 0,875; 0,8333 + 0,5 × 0,1667 = 0,91667 (weight 2); 1; total → 1.
    // (1 + 0,875 + 2 × 0,916667 + 1 + 1) / 6 = 5,708333 / 6 = 0,951389 → 95,1% → band 2.
    const ev = evaluateContract(rows, { method: "meanAttainment" });
    const expected = (1 + 0.875 + 2 * (5 / 6 + 0.5 * (1 / 6)) + 1 + 1) / 6;
    expect(ev.overall.attainment).toBeCloseTo(expected, 12);
    expect(ev.band?.band.number).toBe(2);
  });

  test("per area", () => {
    const ev = evaluateContract(rows);
    const byArea = Object.fromEntries(ev.areas.map((a) => [a.area, a.attainment]));
    // Mulher: 1 of 2 met → 50%. Criança: (2·0,5 + 1) / 3 = 66,7%. Bucal: 5 total-justified → 1 of 1 with data.
    expect(byArea["Saúde da Mulher"]).toBeCloseTo(0.5, 12);
    expect(byArea["Saúde da Criança"]).toBeCloseTo(2 / 3, 12);
    expect(byArea["Saúde Bucal"]).toBe(1);
  });

  test("more than 20% of performance indicators without data makes it incomplete", () => {
    // 2 of 6 performance indicators without data = 33% > 20%.
    const ev = evaluateContract([...rows.slice(0, 4), row("5", 0.6, null), row("7", 0.8, null)]);
    expect(ev.overall.withoutData).toBe(2);
    expect(ev.overall.incomplete).toBe(true);
    expect(
      evaluateContract([...rows.slice(0, 4), row("5", 0.6, null), row("7", 0.8, null)], { incompleteShare: 0.4 })
        .overall.incomplete,
    ).toBe(false);
  });

  test("bad cells are reported with sheet and cell, and the rest is still evaluated", () => {
    const bad = [
      row("1", 0.8, 0.9),
      row("2", 0.8, "n/a"),
      row("3", "a combinar", 0.5),
      row("4", 75, 0.8, { target: { value: 75, address: "D4" }, result: { value: 0.8, address: "E4" } }),
    ];
    const ev = evaluateContract(bad);
    expect(ev.problems.map((p) => [p.sheet, p.cell, p.code])).toEqual([
      ["Indicadores", "E2", "notANumber"],
      ["Indicadores", "D3", "unreadableTarget"],
      ["Indicadores", "E4", "ambiguousScale"],
    ]);
    // Only indicator 1 is scored: 1 of 1 met.
    expect(ev.overall.attainment).toBe(1);
    expect(ev.overall.withoutData).toBe(3);
    expect(ev.problems[0].message).toMatch(/n\/a/);
  });

  test("a problem with a cell on another sheet than its row's names the cell's sheet", () => {
    // A target carried from January's sheet to a February row (workbook/detect/sheetPeriods).
    const carried = row("1", "a combinar", 0.5, {
      sheet: "Fev",
      target: { value: "a combinar", address: "C3", sheet: "Jan" },
    });
    const ev = evaluateContract([carried, row("2", 0.8, "n/a", { sheet: "Fev" })]);
    expect(ev.problems.map((p) => [p.sheet, p.cell, p.code])).toEqual([
      ["Jan", "C3", "unreadableTarget"],
      ["Fev", "E2", "notANumber"],
    ]);
  });

  test("a target that needs a baseline is pending, not B", () => {
    const ev = evaluateContract([row("1", 0.8, 0.9), row("2", "Diminuir gradual dos atendimentos", 120)]);
    expect(ev.indicators[1].status).toBe("needsBaseline");
    expect(ev.indicators[1].concept).toBeUndefined();
    expect(ev.pending.map((i) => i.code)).toEqual(["2"]);
  });

  test("the Sentido column overrides the direction of the text", () => {
    // Target 10 written plainly (at least by default), Sentido "menor melhor": 8 ≤ 10 → A.
    const r = evaluateRow({
      ...row("1", 10, 8),
      target: { value: 10 },
      result: { value: 8 },
      direction: { value: "menor melhor" },
    });
    expect(r.target?.direction).toBe("atMost");
    expect(r.concept).toBe("A");
  });

  test("property: the overall attainment is in [0, 1] and raising one result never lowers it", () => {
    const arb = fc.array(
      fc.tuple(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 120 }), fc.integer({ min: 1, max: 3 })),
      {
        minLength: 1,
        maxLength: 8,
      },
    );
    fc.assert(
      fc.property(arb, fc.nat(), fc.integer({ min: 1, max: 50 }), (items, pick, bump) => {
        const make = (list: [number, number, number][]) =>
          list.map(([t, r, w], i) => row(String(i + 1), t / 100, r / 100, { weight: { value: w } }));
        for (const method of ["shareMet", "meanAttainment"] as const) {
          const before = evaluateContract(make(items), { method }).overall.attainment!;
          const raised = items.map((it, i) =>
            i === pick % items.length ? ([it[0], it[1] + bump, it[2]] as [number, number, number]) : it,
          );
          const after = evaluateContract(make(raised), { method }).overall.attainment!;
          expect(before).toBeGreaterThanOrEqual(0);
          expect(before).toBeLessThanOrEqual(1);
          expect(after).toBeGreaterThanOrEqual(before - 1e-12);
        }
      }),
    );
  });
});

describe("national presets (docs/regras.md §8)", () => {
  test("Previne Brasil: ISF from the 2022 indicators", () => {
    // Results vs targets (weights): 1: 30% vs 45% (1) → 10×30/45 = 6,667; 2: 60% vs 60% (1) → 10;
    // 3: 30% vs 60% (2) → 5; 4: 40% vs 40% (1) → 10; 5: 95% vs 95% (2) → 10; 6: 40% vs 50% (2) → 8;
    // 7: 25% vs 50% (1) → 5. ISF = (6,667 + 10 + 10 + 10 + 20 + 16 + 5) / 10 = 7,7667.
    const results = [0.3, 0.6, 0.3, 0.4, 0.95, 0.4, 0.25];
    const rows = previneCatalog.map((ind, i) =>
      row(ind.code, ind.target, results[i], { indicator: ind.name, weight: { value: ind.weight } }),
    );
    const ev = evaluateContract(rows, { preset: presets.previne });
    expect(ev.overall.value).toBeCloseTo((10 * (0.3 / 0.45) + 10 + 10 + 10 + 20 + 16 + 5) / 10, 9);
    // Indicator 6 alone (the worked example of docs/regras.md §8.3): note 8 at weight 2 is 1,6 points of the ISF.
    const six = ev.indicators.find((i) => i.code === "6")!;
    expect(six.score! * 10).toBeCloseTo(8, 12);
    expect((six.score! * 10 * six.weight) / 10).toBeCloseTo(1.6, 12);
    expect(ev.band).toBeUndefined();
  });

  test("co-financing: the official worked example, Bom, Ótimo, Ótimo, Suficiente, Regular, Ótimo, Ótimo → 8,5 Ótimo", () => {
    // Results on 0–100 chosen inside each class: C1 40 (> 30 e ≤ 50: Bom), C2 80 (Ótimo), C3 90 (Ótimo),
    // C4 40 (> 25 e ≤ 50: Suficiente), C5 20 (≤ 25: Regular), C6 76 (Ótimo), C7 100 (Ótimo).
    // 1·0,75 + 2·1 + 2·1 + 1·0,5 + 1·0,25 + 1·1 + 2·1 = 8,5 → Ótimo (> 7,5).
    const results = [40, 80, 90, 40, 20, 76, 100];
    const rows: RowInput[] = cofinCatalog.map((ind, i) => ({
      code: ind.code,
      indicator: ind.name,
      target: { value: null },
      result: { value: results[i] },
      weight: { value: ind.weight },
    }));
    const ev = evaluateContract(rows, { preset: presets.cofinanciamento });
    expect(ev.indicators.map((i) => i.classification?.label)).toEqual([
      "Bom",
      "Ótimo",
      "Ótimo",
      "Suficiente",
      "Regular",
      "Ótimo",
      "Ótimo",
    ]);
    expect(ev.overall.value).toBeCloseTo(8.5, 12);
    expect(ev.band?.band.label).toBe("Ótimo");
  });

  test("co-financing C1 is a target range: 75 is above 70 and falls back to Regular", () => {
    const ev = evaluateContract(
      [{ code: "C1", indicator: "Mais acesso", target: { value: null }, result: { value: 0.75, numberFormat: PCT } }],
      {
        preset: presets.cofinanciamento,
      },
    );
    expect(ev.indicators[0].classification?.label).toBe("Regular");
    expect(ev.indicators[0].score).toBe(0.25);
  });
});
